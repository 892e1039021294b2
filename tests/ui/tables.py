"""Reading the app's tables (plain HTML drawn with st.html) in an AppTest, as rows of text by column."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(at: Any) -> list[list[dict[str, str]]]:
    """Every table on the screen, in order: a list of rows, each a dict of column name to cell text."""
    found: list[list[dict[str, str]]] = []
    for element in at.get("html"):
        reader = _Tables()
        reader.feed(str(element.proto.body))
        for rows in reader.tables:
            head, *body = rows
            found.append([dict(zip(head, row, strict=True)) for row in body])
    return found


def column(rows: list[dict[str, str]], name: str) -> list[str]:
    return [row[name] for row in rows]
