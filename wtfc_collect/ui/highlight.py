"""Show a statement with some words highlighted, safely: everything is escaped before it is marked."""

from __future__ import annotations

import html
from collections.abc import Iterable

import streamlit as st

MARK_STYLE = "background:#FFF59D;color:#000;padding:0 2px;border-radius:2px"


def highlighted_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` as HTML with the given (start, end) spans in <mark>. The text itself is always escaped,
    so HTML typed into a statement shows as text and can never run."""
    # Overlapping spans become one mark (one highlight for a screen reader, each letter shown once); a span
    # reaching past the text stops at its end, so there is never an empty <mark>.
    merged: list[list[int]] = []
    for start, end in sorted(set(spans)):
        start, end = max(start, 0), min(end, len(text))
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[str] = []
    cursor = 0
    for start, end in merged:
        pieces.append(html.escape(text[cursor:start]))
        pieces.append(f'<mark style="{MARK_STYLE}">{html.escape(text[start:end])}</mark>')
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces).replace("\n", "<br>")


def highlighted(text: str, spans: Iterable[tuple[int, int]]) -> None:
    st.html(f'<p style="font-size:1.05rem;margin:0">{highlighted_html(text, spans)}</p>')
