"""Small tables as plain HTML: a header row, every cell escaped.

For the few-row tables of a busy screen (progress, quality figures): drawing one needs no pandas or
Arrow conversion, which made the checkpoint screen slow on every click, and screen readers walk them
like any table.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import streamlit as st

CELL = "border:1px solid #767676;padding:0.35rem 0.6rem;text-align:left;vertical-align:top"


def table_html(rows: Sequence[Mapping[str, object]]) -> str:
    """``rows`` (dicts with the same keys, in column order) as an HTML table."""
    columns = list(rows[0]) if rows else []
    head = "".join(f'<th scope="col" style="{CELL}">{html.escape(str(c))}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f'<td style="{CELL}">{html.escape(str(row[c]))}</td>' for c in columns) + "</tr>"
        for row in rows
    )
    return (
        '<table class="wtfc-table" style="border-collapse:collapse;margin:0 0 1rem 0">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def small_table(rows: Sequence[Mapping[str, object]]) -> None:
    if rows:
        st.html(table_html(rows))


def big_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A table in large type for a projector, every cell escaped: the table beside a workshop chart."""
    cell = "border:1px solid currentColor;padding:0.4rem 0.6rem;text-align:left;vertical-align:top"
    head = "".join(f'<th scope="col" style="{cell}">{html.escape(c)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f'<td style="{cell}">{html.escape(str(v))}</td>' for v in row) + "</tr>"
        for row in rows
    )
    st.html(
        '<table style="border-collapse:collapse;font-size:1.3rem;width:100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
