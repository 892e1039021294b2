"""Showing words someone typed exactly as typed, inside text Streamlit reads as Markdown."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def literal(text: str) -> str:
    """``text`` with every Markdown sign escaped, so ``**fine**`` shows with its stars, not in bold."""
    return _MARKDOWN.sub(r"\\\1", text)


def short(text: str, limit: int = 90) -> str:
    """Words typed by someone on one line, cut to ``limit`` characters (for the options of a select box,
    which are shown as they are)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def plain_label(text: str, limit: int = 90) -> str:
    """Words typed by someone, safe as a widget label (labels read Markdown): its signs show as typed."""
    return literal(short(text, limit))
