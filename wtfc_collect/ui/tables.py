"""Every table on a screen: plain HTML, a header row, every cell shown as text.

This is the one way the app draws a table. Words in a cell show exactly as typed (a table drawn by
Streamlit reads Markdown in its cells, so a typed ``[x](http://…)`` became a link there), and no table
offers a "Download as CSV" that would let a typed ``=formula`` through to a spreadsheet (the project's own
export makes cells safe). Drawing one needs no pandas or Arrow conversion, and screen readers walk it like
any table.

A long table (every review, the audit log) scrolls inside a region of its own that has a name and can be
scrolled from the keyboard.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import streamlit as st

CELL = "border:1px solid #767676;padding:0.35rem 0.6rem;text-align:left;vertical-align:top"
LARGE_CELL = "border:1px solid currentColor;padding:0.4rem 0.6rem;text-align:left;vertical-align:top"
SCROLL_HEIGHT = "28rem"


def _cell(value: object) -> str:
    return "" if value is None else html.escape(str(value))


def table_html(
    rows: Sequence[Mapping[str, object]],
    *,
    columns: Sequence[str] = (),
    large: bool = False,
    scroll_label: str = "",
) -> str:
    """``rows`` (dicts with the same keys, in column order, or the ``columns`` named) as an HTML table;
    ``large`` for a projector; with ``scroll_label``, inside a scrolling region of that name."""
    columns = list(columns or (rows[0] if rows else ()))
    cell = LARGE_CELL if large else CELL
    head = "".join(f'<th scope="col" style="{cell}">{_cell(c)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f'<td style="{cell}">{_cell(row.get(c))}</td>' for c in columns) + "</tr>"
        for row in rows
    )
    style = "border-collapse:collapse;" + ("font-size:1.3rem;width:100%" if large else "margin:0 0 1rem 0")
    found = (
        f'<table class="wtfc-table" style="{style}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
    if scroll_label:
        found = (
            f'<div role="region" aria-label="{html.escape(scroll_label)}" tabindex="0" '
            f'style="max-height:{SCROLL_HEIGHT};overflow:auto;margin:0 0 1rem 0">{found}</div>'
        )
    return found


def table(rows: Sequence[Mapping[str, object]], *, scroll_label: str = "") -> None:
    """Draw ``rows`` as a table (nothing when there are none)."""
    if rows:
        st.html(table_html(rows, scroll_label=scroll_label))


def big_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A table in large type for a projector: the table beside a workshop chart."""
    st.html(table_html([dict(zip(columns, row, strict=True)) for row in rows], columns=columns, large=True))
