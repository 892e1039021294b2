"""What every Word document shares: A4 pages, a readable base style, title and language, shading.

python-docx is imported only in this package. Builders return the finished file as bytes.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

LANGUAGE = "en-GB"
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe(text: str) -> str:
    """Text that Word can hold: control characters (which make python-docx fail) are dropped."""
    return _XML_UNSAFE.sub("", text)


def new_document(title: str, *, base_size: int = 12) -> DocumentObject:
    """An A4 document with a plain base font, its title and language set for screen readers."""
    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(base_size)
    _set_language(normal.element)
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name.startswith(("Heading", "Title")):
            style.font.name = "Arial"
            style.font.color.rgb = RGBColor(0, 0, 0)
    properties = document.core_properties
    properties.title = safe(title)
    properties.language = LANGUAGE
    properties.author = "WTfC Collect"
    return document


def _set_language(style_element: object) -> None:
    rpr = style_element.get_or_add_rPr()  # type: ignore[attr-defined]
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


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


def to_bytes(document: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def table(document: DocumentObject, header: list[str], rows: list[list[str]]) -> None:
    """A plain table whose first row is marked as its header (repeated on each page, read as headers)."""
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
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
