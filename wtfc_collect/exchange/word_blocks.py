"""A Word (.docx) file as plain blocks: paragraphs with what their formatting says, and tables as grids.

Forms come from Word, LibreOffice, online editors and other programs, which write the same thing in
different ways, so this reads the document's XML itself (python-docx opens the package and finds the
parts) and keeps only what a reader of the form would see:

- the text of each paragraph, with tracked deletions, field codes and an empty form field's placeholder
  ("Click or tap here to enter text.") left out, line breaks as ``\\n``, and ticked boxes (Wingdings
  symbols, content-control or legacy check boxes) as ☒;
- content controls (``w:sdt``), smart tags and custom XML are looked through, at every level;
- whether a paragraph is a heading (a Heading or Title style, an outline level, or all of its words in
  bold, directly or through its styles), in italics, or part of an automatic bullet or number list;
- text boxes, as paragraphs after the one that holds them;
- tables as grids: a merged cell (across columns or down rows) is one ``Cell`` seen at every position it
  covers, so a label spanning several rows still labels each of them; tables inside cells are kept.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .csv_xlsx import check_zip
from .validate import Unreadable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
TICKED = "☒"
UNTICKED = "☐"
# Symbol-font characters that forms use for ticks and boxes (Wingdings and Wingdings 2).
_SYMBOLS = {
    "F0FC": "✓",
    "F0FE": TICKED,
    "F0FD": TICKED,
    "F078": TICKED,
    "F0FB": "✗",
    "F0A8": UNTICKED,
    "F06F": UNTICKED,
    "F050": "✓",
    "F051": "✗",
    "F052": TICKED,
    "F053": TICKED,
    "F0A3": UNTICKED,
    "F0B7": "•",
}
_WRAPPERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag", f"{W}ins", f"{W}moveTo"}
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}sdtPr", f"{W}rPr", f"{W}pPr"}
_HEADING_STYLE = re.compile(r"^(?:heading\s*(\d)|title|subtitle)$", re.IGNORECASE)


@dataclass
class Paragraph:
    """One paragraph as a reader sees it. ``where`` says where it is, for the preview."""

    text: str
    where: str
    level: int | None = None  # 0 for a title, 1-9 for a heading, None for body text
    bold: bool = False  # every word in bold
    italic: bool = False  # every word in italics
    listed: bool = False  # an item of an automatic bullet or number list
    line_bold: tuple[bool, ...] = ()  # for a paragraph with line breaks: each line all in bold or not

    @property
    def heading(self) -> bool:
        return self.level is not None or self.bold


@dataclass(eq=False)
class Cell:
    """A table cell: its paragraphs and inner tables, and where it starts."""

    blocks: list[Paragraph | Table]
    row: int
    column: int

    @property
    def text(self) -> str:
        return "\n".join(b.text if isinstance(b, Paragraph) else "" for b in self.blocks).strip()

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


@dataclass
class Table:
    """Rows of cells, each row as wide as the widest; a merged cell appears at each position it covers."""

    rows: list[list[Cell | None]]
    where: str

    @property
    def text(self) -> str:
        return ""

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@dataclass
class _Styles:
    """What the document's styles say about bold, italics, headings and lists."""

    based_on: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    bold: dict[str, bool] = field(default_factory=dict)
    italic: dict[str, bool] = field(default_factory=dict)
    outline: dict[str, int] = field(default_factory=dict)
    listed: set[str] = field(default_factory=set)
    default_paragraph: str | None = None

    def chain(self, style_id: str | None) -> Iterator[str]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            yield style_id
            style_id = self.based_on.get(style_id)

    def first(self, table: dict[str, Any], style_id: str | None) -> Any:
        return next((table[s] for s in self.chain(style_id) if s in table), None)

    def level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            match = _HEADING_STYLE.match(self.names.get(style, "").strip())
            if match:
                return int(match[1]) if match[1] else 0
            if style in self.outline:
                return self.outline[style] + 1
        return None


def read_blocks(data: bytes) -> list[Paragraph | Table]:
    """The document's body as paragraphs and tables, in reading order."""
    check_zip(data, "word/document.xml")
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged file
        raise Unreadable(f"The Word file is damaged and cannot be read ({type(error).__name__}).") from None
    reader = _Reader(_styles(document))
    return list(reader.blocks(document.element.body))


def _on(element: Any, name: str) -> bool | None:
    """A toggle property such as ``w:b``: True, False, or None when it is not set."""
    found = element.find(f"{W}{name}") if element is not None else None
    if found is None:
        return None
    return found.get(f"{W}val", "true").lower() not in {"0", "false", "off", "none"}


def _styles(document: Any) -> _Styles:
    styles = _Styles()
    try:
        root = document.styles.element
    except Exception:  # a document without a styles part reads as plain text
        return styles
    for style in root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        if not style_id:
            continue
        name = style.find(f"{W}name")
        styles.names[style_id] = name.get(f"{W}val", "") if name is not None else ""
        based = style.find(f"{W}basedOn")
        if based is not None:
            styles.based_on[style_id] = based.get(f"{W}val", "")
        run = style.find(f"{W}rPr")
        for table, prop in ((styles.bold, "b"), (styles.italic, "i")):
            value = _on(run, prop)
            if value is not None:
                table[style_id] = value
        paragraph = style.find(f"{W}pPr")
        if paragraph is not None:
            outline = paragraph.find(f"{W}outlineLvl")
            if (
                outline is not None
                and outline.get(f"{W}val", "").isdigit()
                and int(outline.get(f"{W}val")) < 9
            ):
                styles.outline[style_id] = int(outline.get(f"{W}val"))
            if paragraph.find(f"{W}numPr") is not None:
                styles.listed.add(style_id)
        if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in {"1", "true", "on"}:
            styles.default_paragraph = style_id
    return styles


class _Reader:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.paragraphs = 0
        self.tables = 0

    # --- blocks ------------------------------------------------------------------------------------
    def blocks(self, parent: Any, inside: str = "") -> Iterator[Paragraph | Table]:
        for child in parent:
            tag = child.tag
            if tag == f"{W}p":
                yield from self.paragraph(child, inside)
            elif tag == f"{W}tbl":
                yield self.table(child, inside)
            elif tag in _WRAPPERS and not _placeholder(child):
                yield from self.blocks(child, inside)

    def table(self, element: Any, inside: str) -> Table:
        self.tables += 1
        where = f"{inside}table {self.tables}" if inside else f"Table {self.tables}"
        rows: list[list[Cell | None]] = []
        above: dict[int, Cell] = {}  # the cell that a "continue" vertical merge extends, by column
        for number, row in enumerate(_children(element, "tr")):
            cells: list[Cell | None] = []
            before = row.find(f"{W}trPr")
            skip = _grid_before(before)
            cells.extend([None] * skip)
            for tc in _children(row, "tc"):
                props = tc.find(f"{W}tcPr")
                span = _int(props, "gridSpan", 1)
                merge = props.find(f"{W}vMerge") if props is not None else None
                column = len(cells)
                if merge is not None and merge.get(f"{W}val", "continue") == "continue" and column in above:
                    cell = above[column]
                else:
                    label = f"{where}, row {number + 1}, column {column + 1}"
                    cell = Cell(list(self.blocks(tc, label + ": ")), number, column)
                    _relabel(cell, label)
                for offset in range(max(span, 1)):
                    above[column + offset] = cell
                    cells.append(cell)
            rows.append(cells)
        width = max((len(r) for r in rows), default=0)
        return Table([r + [None] * (width - len(r)) for r in rows], where)

    def paragraph(self, element: Any, inside: str) -> Iterator[Paragraph | Table]:
        if not inside:
            self.paragraphs += 1
        props = element.find(f"{W}pPr")
        style_id = None
        if props is not None and props.find(f"{W}pStyle") is not None:
            style_id = props.find(f"{W}pStyle").get(f"{W}val")
        style_id = style_id or self.styles.default_paragraph
        level = self.styles.level(style_id)
        outline = props.find(f"{W}outlineLvl") if props is not None else None
        if outline is not None and outline.get(f"{W}val", "").isdigit() and int(outline.get(f"{W}val")) < 9:
            level = int(outline.get(f"{W}val")) + 1
        listed = (props is not None and props.find(f"{W}numPr") is not None) or any(
            s in self.styles.listed for s in self.styles.chain(style_id)
        )
        state = _RunState()
        self._runs(element, style_id, state)
        text = "".join(state.pieces)
        marks = state.marks
        line_bold: list[bool] = []
        for line in state.lines():
            line_bold.append(bool(line) and all(b for b, _ in line))
        yield Paragraph(
            text=text,
            where=f"{inside}paragraph" if inside else f"Paragraph {self.paragraphs}",
            level=level,
            bold=bool(marks) and all(b for b, _ in marks),
            italic=bool(marks) and all(i for _, i in marks),
            listed=listed,
            line_bold=tuple(line_bold) if len(line_bold) > 1 else (),
        )
        for box in state.boxes:
            yield from self.blocks(box, inside)

    # --- runs --------------------------------------------------------------------------------------
    def _runs(self, parent: Any, style_id: str | None, state: _RunState) -> None:
        for child in parent:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == f"{W}r":
                before = len(state.pieces)
                self._run(child, state)
                text = "".join(state.pieces[before:])
                if text.strip():
                    state.marks.append(self._marks(child, style_id))
                state.runs.append((text, state.marks[-1] if text.strip() else (False, False)))
            elif (tag in _WRAPPERS or tag in {f"{W}hyperlink", f"{W}fldSimple"}) and not _placeholder(child):
                self._runs(child, style_id, state)

    def _run(self, run: Any, state: _RunState) -> None:
        for child in run:
            tag = child.tag
            if tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    state.fields.append(True)
                    check = child.find(f"{W}ffData/{W}checkBox")
                    if check is not None:
                        value = _on(check, "checked")
                        value = _on(check, "default") if value is None else value
                        state.pieces.append(TICKED if value else UNTICKED)
                elif kind == "separate" and state.fields:
                    state.fields[-1] = False
                elif kind == "end" and state.fields:
                    state.fields.pop()
            elif any(state.fields):  # a field's code, such as FORMTEXT or PAGE
                continue
            elif tag == f"{W}t":
                state.pieces.append(child.text or "")
            elif tag == f"{W}tab":
                state.pieces.append("\t")
            elif tag in {f"{W}br", f"{W}cr"}:
                state.pieces.append("\n")
            elif tag == f"{W}noBreakHyphen":
                state.pieces.append("-")
            elif tag == f"{W}sym":
                state.pieces.append(_SYMBOLS.get((child.get(f"{W}char") or "").upper(), ""))
            elif tag not in _SKIPPED:  # a drawing or picture: its text boxes, read after the paragraph
                state.boxes.extend(b for b in child.iter(f"{W}txbxContent") if not _in_fallback(b, child))

    def _marks(self, run: Any, paragraph_style: str | None) -> tuple[bool, bool]:
        props = run.find(f"{W}rPr")
        run_style = None
        if props is not None and props.find(f"{W}rStyle") is not None:
            run_style = props.find(f"{W}rStyle").get(f"{W}val")
        found = []
        for prop, table in (("b", self.styles.bold), ("i", self.styles.italic)):
            value = _on(props, prop)
            if value is None:
                value = self.styles.first(table, run_style)
            if value is None:
                value = self.styles.first(table, paragraph_style)
            found.append(bool(value))
        return found[0], found[1]


@dataclass
class _RunState:
    pieces: list[str] = field(default_factory=list)
    marks: list[tuple[bool, bool]] = field(default_factory=list)  # bold and italic of each run with words
    boxes: list[Any] = field(default_factory=list)
    fields: list[bool] = field(default_factory=list)  # open fields: True while in a field's code
    runs: list[tuple[str, tuple[bool, bool]]] = field(default_factory=list)  # each run's text and marks

    def lines(self) -> list[list[tuple[bool, bool]]]:
        """The marks of the runs with words on each line that has words (lines end at line breaks)."""
        lines: list[tuple[str, list[tuple[bool, bool]]]] = [("", [])]
        for text, marks in self.runs:
            for number, part in enumerate(text.split("\n")):
                if number:
                    lines.append(("", []))
                words, found = lines[-1]
                lines[-1] = (words + part, [*found, marks] if part.strip() else found)
        return [found for words, found in lines if words.strip()]


def _children(element: Any, name: str) -> Iterator[Any]:
    """Child elements called ``name``, also inside content controls and custom XML around them."""
    for child in element:
        if child.tag == f"{W}{name}":
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, name)


def _placeholder(element: Any) -> bool:
    """A content control still showing its prompt ("Click or tap here to enter text.")."""
    if element.tag != f"{W}sdt":
        return False
    props = element.find(f"{W}sdtPr")
    return props is not None and _on(props, "showingPlcHdr") is True


def _in_fallback(element: Any, stop: Any) -> bool:
    """True inside the old-style copy of a drawing that newer programs skip (it repeats the text)."""
    node = element.getparent()
    while node is not None and node is not stop:
        if node.tag == f"{_MC}Fallback":
            return True
        node = node.getparent()
    return False


def _int(props: Any, name: str, default: int) -> int:
    found = props.find(f"{W}{name}") if props is not None else None
    value = found.get(f"{W}val", "") if found is not None else ""
    return int(value) if value.isdigit() else default


def _grid_before(props: Any) -> int:
    return _int(props, "gridBefore", 0)


def _relabel(cell: Cell, label: str) -> None:
    """Paragraphs of a cell say where they are: the cell, then their place in it if there are several."""
    paragraphs = [b for b in cell.blocks if isinstance(b, Paragraph)]
    for number, paragraph in enumerate(paragraphs, start=1):
        if paragraph.where.endswith(": paragraph"):
            paragraph.where = label if len(paragraphs) == 1 else f"{label}, line {number}"
