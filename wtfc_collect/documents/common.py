"""What every Word document shares: A4 pages, a readable base style, title and language, shading.

python-docx is imported only in this package. Builders return the finished file as bytes.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

LANGUAGE = "en-GB"
TEXT_WIDTH_CM = 17.0  # A4 less two margins of 2 cm
# Style ids of the default template python-docx starts every document from (the same in each document).
_STYLE_IDS: dict[str, str] = {}
_BREAKS = re.compile(r"[\t\r\n]")
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe(text: str) -> str:
    """Text that Word can hold: control characters (which make python-docx fail) are dropped."""
    return _XML_UNSAFE.sub("", text)


def new_document(title: str, *, base_size: int = 12, language: str = LANGUAGE) -> DocumentObject:
    """An A4 document with a plain base font, its title and language (such as "cy-GB") set for screen
    readers and spelling."""
    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(base_size)
    _set_language(normal.element, language)
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name.startswith(("Heading", "Title")):
            style.font.name = "Arial"
            style.font.color.rgb = RGBColor(0, 0, 0)
    properties = document.core_properties
    properties.title = safe(title)
    properties.language = language
    properties.author = "WTfC Collect"
    return document


def _style_id(document: DocumentObject, name: str) -> str:
    """The id of a paragraph style, looked up once: python-docx looks a style up by its name on every use,
    going through all of them, which took most of the time of a document of 600 cards."""
    found = _STYLE_IDS.get(name)
    if found is None:
        found = _STYLE_IDS[name] = document.styles[name].style_id
    return found


def _append(document: DocumentObject, element: BaseOxmlElement) -> Paragraph:
    """Put a paragraph at the end of the body, before the section properties that close it."""
    body = document.element.body
    last = next(body.iterchildren(reversed=True), None)
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(element)
    else:
        body.append(element)
    return Paragraph(element, document._body)


def paragraph(document: DocumentObject, text: str = "", style: str | None = None) -> Paragraph:
    """``document.add_paragraph``, in constant time: python-docx looks for the end of the body from its
    start for each new paragraph (slow for thousands of cards) and for the style by name every time."""
    element = OxmlElement("w:p")
    made = _append(document, element)
    if style is not None:
        element.style = _style_id(document, style)
    if text:
        made.add_run(text)
    return made


def prototype(document: DocumentObject, style: str | None = None) -> Paragraph:
    """A paragraph to format once and then copy with ``copy_of`` (it is not part of the document)."""
    made = paragraph(document, style=style)
    made._p.getparent().remove(made._p)
    return made


def copy_of(document: DocumentObject, model: Paragraph, *texts: str) -> Paragraph:
    """A copy of ``model`` at the end of the document, its runs holding ``texts`` in turn.

    Formatting a paragraph through python-docx costs far more than copying one already formatted: made
    this way, 600 workshop cards take a fraction of the time.
    """
    element = copy.deepcopy(model._p)
    made = _append(document, element)
    for run, text in zip(element.iterchildren(qn("w:r")), texts, strict=True):
        words = safe(text)
        if _BREAKS.search(words):
            Run(run, made).text = words  # python-docx turns tabs and line breaks into their own elements
        elif words:
            holder = OxmlElement("w:t")
            holder.text = words
            if words != words.strip():
                holder.set(qn("xml:space"), "preserve")
            run.append(holder)
    return made


def heading(document: DocumentObject, text: str, level: int) -> Paragraph:
    """A heading in the real heading style of its level (so it shows in the navigation pane)."""
    return paragraph(document, safe(text), f"Heading {level}")


def _set_language(style_element: object, language: str = LANGUAGE) -> None:
    rpr = style_element.get_or_add_rPr()  # type: ignore[attr-defined]
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)


def shade(paragraph: Paragraph, fill_hex: str) -> None:
    """Give a paragraph a background colour (``fill_hex`` like ``"C8E6C9"``)."""
    ppr = paragraph._p.get_or_add_pPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill_hex)
    ppr.append(shading)


def border(paragraph: Paragraph, colour_hex: str, size_eighths: int = 24) -> None:
    """A solid border round a paragraph (size in eighths of a point)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(size_eighths))
        line.set(qn("w:space"), "8")
        line.set(qn("w:color"), colour_hex)
        borders.append(line)
    ppr.append(borders)


EASY_READ_PT = 16  # the body of an easy-read document; headings are larger
# The languages a document for the people who took part can be written in, and the tag Word gets for each.
LANGUAGE_TAGS = {"en": "en-GB", "cy": "cy-GB"}
EASY_READ_HEADING_PT = {1: 32, 2: 26, 3: 20}


def easy_read_styles(document: DocumentObject) -> None:
    """Large headings with room around them, and airy body lines, for an easy-read document."""
    for level, size in EASY_READ_HEADING_PT.items():
        style = document.styles[f"Heading {level}"]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(18 if level < 3 else 12)
        style.paragraph_format.space_after = Pt(8)
    body = document.styles["Normal"].paragraph_format
    body.line_spacing = 1.3
    body.space_after = Pt(8)


def to_bytes(document: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def picture(document: DocumentObject, data: bytes, alt: str, width: Length) -> Paragraph:
    """A picture (PNG or JPEG bytes) in a paragraph of its own, with alternative text for screen readers."""
    holder = paragraph(document)
    shape = holder.add_run().add_picture(io.BytesIO(data), width=width)
    shape._inline.docPr.set("descr", safe(alt))
    return holder


def table(
    document: DocumentObject,
    header: list[str],
    rows: list[list[str]],
    widths: Sequence[float] | None = None,
) -> None:
    """A plain table whose first row is marked as its header (repeated on each page, read as headers).

    ``widths`` share the width of the page between the columns (e.g. ``(3, 1)``: the first three times the
    second); without them the columns are equal.
    """
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    if widths:
        grid.autofit = False
        columns = [Cm(TEXT_WIDTH_CM * share / sum(widths)) for share in widths]
        for column, width in zip(grid.columns, columns, strict=True):
            column.width = width
    for cell, title in zip(grid.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(safe(title)).bold = True
    trpr = grid.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    trpr.append(marker)
    for values in rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = safe(value)
    if widths:  # Word reads each cell's width, LibreOffice the grid's: give both
        for row in grid.rows:
            for cell, width in zip(row.cells, columns, strict=True):
                cell.width = width
