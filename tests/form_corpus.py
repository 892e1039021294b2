"""Review forms as councils, NHS teams and providers lay them out, each with what it must import as.

The forms are written the ways person-centred review templates commonly are — the DH guide's Appendix 2,
question columns, question rows (also with the question's cell spanning rows), perspective grids by row
and by column, bold-paragraph, heading-style, numbered-line and captioned headings, a Welsh form, and
choices marked in words, numbers, ticks, a "Top two" part or a "Priority" column — and made by different
programs: python-docx, LibreOffice converting HTML and ODT (flat ODF XML), LibreOffice saving a Word file
again, and hand-written WordprocessingML with content controls, a legacy form field and tracked changes
(as Word's own forms write them). All names and words are made up.

``FORMS`` holds each form's source and the statements it must give (question, words, who said them,
choice); ``build`` turns the whole corpus into .docx bytes, with one LibreOffice run for all the
conversions (call it once per test session or module).
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
from docx.document import Document

from tests.documents_render import soffice_or_skip
from wtfc_collect.domain import Question, Speaker

W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
P, FAM, STAFF = Speaker.PERSON, Speaker.FAMILY_OR_CARER, Speaker.STAFF_ON_BEHALF

Expected = tuple[Question, str, Speaker, int | None]


@dataclass(frozen=True)
class Form:
    name: str
    program: str
    ending: (
        str  # "docx" (python-docx or hand-written), "html", "fodt", or "resave" (a .docx LibreOffice saves)
    )
    source: bytes
    person_ref: str
    review_date: date
    statements: tuple[Expected, ...]
    reviewer: str | None = None


def _bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _bold(document: Document | object, text: str) -> None:
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    paragraph.add_run(text).bold = True


# --- 1. The DH guide's Appendix 2, filled in (python-docx) ---------------------------------------------
def appendix_2_form(
    *,
    review_for: str = "EV-0012",
    date_of_review: str = "12th March 2026",
    extra: tuple[str, ...] = (),
    working: tuple[str, ...] = ("Going to the allotment with my brother", "My cat Smudge", "Sunday dinners"),
) -> bytes:
    """The form as the guide prints it: details, then four numbered questions with answers below."""
    document = docx.Document()
    document.add_paragraph("APPENDIX 2:")
    document.add_heading("Person centred review feedback", level=1)
    document.add_paragraph(f"Review for: {review_for}")
    document.add_paragraph(f"Date of review: {date_of_review}")
    document.add_paragraph("Review facilitator: Priya Shah")
    document.add_paragraph("People attending review: Mum, key worker and advocate")
    document.add_paragraph("Location of review: at home")
    for line in extra:
        document.add_paragraph(line)
    document.add_paragraph(
        "1) What are the three most significant things that are important to the person from their "
        "important to me now sheet?"
    )
    for answer in ("My routine in the morning", "Seeing my brother", "My music"):
        document.add_paragraph(answer, style="List Bullet")
    document.add_paragraph(
        "2) From the person's important for the future section, what are the three most significant things?"
    )
    for answer in ("Learning to use the bus on my own", "A job in a café", "A holiday by the sea"):
        document.add_paragraph(answer, style="List Bullet")
    document.add_paragraph(
        "3) What are the person's main priorities in the whats working section of the review?"
    )
    for answer in working:
        document.add_paragraph(answer, style="List Number")
    document.add_paragraph(
        "4) What are the person's main priorities in the whats not working/what needs to change section of "
        "the review?"
    )
    document.add_paragraph("The carers come at different times every day")
    document.add_paragraph("I can't get to the shops when it rains")
    return _bytes(document)


APPENDIX_2 = Form(
    "appendix-2",
    "python-docx",
    "docx",
    appendix_2_form(),
    "EV-0012",
    date(2026, 3, 12),
    (
        (F, "Learning to use the bus on my own", P, None),
        (F, "A job in a café", P, None),
        (F, "A holiday by the sea", P, None),
        (W, "Going to the allotment with my brother", P, None),
        (W, "My cat Smudge", P, None),
        (W, "Sunday dinners", P, None),
        (NW, "The carers come at different times every day", P, None),
        (NW, "I can't get to the shops when it rains", P, None),
    ),
    reviewer="Priya Shah",
)

# --- 2. Question columns named for the person, details in a table (LibreOffice from HTML) ---------------
KIM_COLUMNS = Form(
    "question-columns",
    "LibreOffice (HTML)",
    "html",
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Review</title></head><body>
<h1>Person centred review</h1>
<table border="1">
<tr><td>Person’s reference</td><td>KM-0007</td></tr>
<tr><td>Date of review</td><td>4 March 2026</td></tr>
<tr><td>Review facilitator</td><td>Priya Shah</td></tr>
</table>
<p></p>
<table border="1">
<tr><th>What’s working for Kim</th><th>What’s not working for Kim</th>
<th>What’s important to Kim in the future</th></tr>
<tr><td><ul><li>My job at the café</li><li>Swimming on Fridays with Jo</li></ul></td>
<td><p>The bus is late most days</p><p>Nobody phones back when I ring the office</p></td>
<td><ul><li>A flat of my own</li><li>Going to Spain with my sister</li></ul></td></tr>
</table>
</body></html>""".encode(),
    "KM-0007",
    date(2026, 3, 4),
    (
        (W, "My job at the café", P, None),
        (W, "Swimming on Fridays with Jo", P, None),
        (NW, "The bus is late most days", P, None),
        (NW, "Nobody phones back when I ring the office", P, None),
        (F, "A flat of my own", P, None),
        (F, "Going to Spain with my sister", P, None),
    ),
    reviewer="Priya Shah",
)


# --- 3. A perspectives grid, one row per perspective (python-docx) -------------------------------------
def perspective_rows_form() -> bytes:
    document = docx.Document()
    document.add_heading("Ray’s person centred review", level=1)
    document.add_paragraph("Review for: RB-0101")
    document.add_paragraph("Date of review: 12/03/2026")
    document.add_heading("Working and not working from different perspectives", level=2)
    rows = [
        ("Perspective", ["What is working"], ["What is not working"]),
        (
            "Ray",
            ["Playing pool at the club", "My new bedroom"],
            ["Waiting in for the carers", "I never see my brother"],
        ),
        ("Family", ["Ray is calmer since he moved"], ["We are not told when his carers change"]),
        ("Staff", ["Ray goes out most days now"], ["The rota changes at short notice"]),
    ]
    table = document.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for row, (label, working, not_working) in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
        for cell, texts in ((row.cells[1], working), (row.cells[2], not_working)):
            cell.text = texts[0]
            for text in texts[1:]:
                cell.add_paragraph(text)
    document.add_heading("What is important to Ray now and in the future", level=2)
    for answer in ("Getting a job at the garage", "Learning to cook a curry"):
        document.add_paragraph(answer, style="List Bullet")
    return _bytes(document)


RAY_ROWS = Form(
    "perspective-rows",
    "python-docx",
    "docx",
    perspective_rows_form(),
    "RB-0101",
    date(2026, 3, 12),
    (
        (W, "Playing pool at the club", P, None),
        (W, "My new bedroom", P, None),
        (NW, "Waiting in for the carers", P, None),
        (NW, "I never see my brother", P, None),
        (W, "Ray is calmer since he moved", FAM, None),
        (NW, "We are not told when his carers change", FAM, None),
        (W, "Ray goes out most days now", STAFF, None),
        (NW, "The rota changes at short notice", STAFF, None),
        (F, "Getting a job at the garage", P, None),
        (F, "Learning to cook a curry", P, None),
    ),
)

# --- 4. A perspectives grid, one column per perspective, question rows (LibreOffice from ODT) -----------
_ODF_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:style style:name="Strong" style:family="text">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
</office:automatic-styles>
<office:body><office:text>"""
_ODF_TAIL = "</office:text></office:body></office:document>"


def _odf_cell(*paragraphs: str, listed: bool = False) -> str:
    if listed:
        items = "".join(f"<text:list-item><text:p>{p}</text:p></text:list-item>" for p in paragraphs)
        return f"<table:table-cell><text:list>{items}</text:list></table:table-cell>"
    return "<table:table-cell>" + "".join(f"<text:p>{p}</text:p>" for p in paragraphs) + "</table:table-cell>"


KIM_PERSPECTIVE_COLUMNS = Form(
    "perspective-columns",
    "LibreOffice (ODT)",
    "fodt",
    (
        _ODF_HEAD
        + """<text:h text:outline-level="1">Review of support</text:h>
<text:p><text:span text:style-name="Strong">Reference:</text:span> KS-0440</text:p>
<text:p><text:span text:style-name="Strong">Date of meeting:</text:span> 9 February 2026</text:p>
<text:p><text:span text:style-name="Strong">Facilitated by:</text:span> Dee Morgan</text:p>
<table:table table:name="Views"><table:table-column table:number-columns-repeated="4"/>
<table:table-row>"""
        + _odf_cell("")
        + _odf_cell("Kim")
        + _odf_cell("Mum and Dad")
        + _odf_cell("Support staff")
        + "</table:table-row><table:table-row>"
        + _odf_cell("What’s working?")
        + _odf_cell(
            "Seeing my friends at the disco (1st choice)",
            "My keyworker Dee (2nd choice)",
            "Baking",
            listed=True,
        )
        + _odf_cell("Kim is sleeping better")
        + _odf_cell("Kim tries new food now")
        + "</table:table-row><table:table-row>"
        + _odf_cell("What’s not working?")
        + _odf_cell("Too much noise at the house", "Not seeing my nan", listed=True)
        + _odf_cell("We find out about changes too late")
        + _odf_cell("")
        + "</table:table-row><table:table-row>"
        + _odf_cell("What’s important for the future?")
        + _odf_cell("Go on a plane", "Have a birthday party", listed=True)
        + _odf_cell("")
        + _odf_cell("")
        + "</table:table-row></table:table>"
        + _ODF_TAIL
    ).encode(),
    "KS-0440",
    date(2026, 2, 9),
    (
        (W, "Seeing my friends at the disco", P, 1),
        (W, "My keyworker Dee", P, 2),
        (W, "Baking", P, None),
        (W, "Kim is sleeping better", FAM, None),
        (W, "Kim tries new food now", STAFF, None),
        (NW, "Too much noise at the house", P, None),
        (NW, "Not seeing my nan", P, None),
        (NW, "We find out about changes too late", FAM, None),
        (F, "Go on a plane", P, None),
        (F, "Have a birthday party", P, None),
    ),
    reviewer="Dee Morgan",
)


# --- 5. Bold-paragraph headings with no punctuation, a "top two" part (python-docx) ----------------------
def bold_paragraphs_form() -> bytes:
    document = docx.Document()
    _bold(document, "Annual review")
    document.add_paragraph("Reference: SM-0042")
    document.add_paragraph("Date: 5 January 2026")
    _bold(document, "What’s working for Sam")
    for text in ("Going to the gym with Alex", "My dog Bella", "Living near my mum"):
        document.add_paragraph(text)
    _bold(document, "Sam’s top two")
    document.add_paragraph("My dog Bella")
    document.add_paragraph("Going to the gym with Alex")
    _bold(document, "What’s not working for Sam")
    document.add_paragraph("The flat is cold")
    document.add_paragraph("I get lonely at weekends")
    _bold(document, "What’s important to Sam in the future")
    document.add_paragraph("A job with animals")
    _bold(document, "Signed")
    document.add_paragraph("K. Patel")
    document.add_paragraph("Date: 06/01/2026")
    return _bytes(document)


SAM_BOLD = Form(
    "bold-paragraphs",
    "python-docx",
    "docx",
    bold_paragraphs_form(),
    "SM-0042",
    date(2026, 1, 5),
    (
        (W, "Going to the gym with Alex", P, 2),
        (W, "My dog Bella", P, 1),
        (W, "Living near my mum", P, None),
        (NW, "The flat is cold", P, None),
        (NW, "I get lonely at weekends", P, None),
        (F, "A job with animals", P, None),
    ),
)

# --- 6. Heading styles: perspectives above questions (LibreOffice from HTML) ----------------------------
KIM_VIEWS = Form(
    "perspective-headings",
    "LibreOffice (HTML)",
    "html",
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Review</title></head><body>
<p><strong>Review for:</strong> KM-0099</p>
<p><strong>Date of review:</strong> 2026-02-20</p>
<h2>From Kim’s point of view</h2>
<h3>What’s working</h3><ul><li>Going to the cinema on Tuesdays</li><li>My room is how I like it</li></ul>
<h3>What’s not working</h3><ul><li>I don’t like the new van</li></ul>
<h2>From the family’s point of view</h2>
<h3>What’s working</h3><ul><li>Kim phones us every Sunday</li></ul>
<h3>What’s not working</h3><ul><li>Visiting is hard without a car</li></ul>
<h2>What is important to Kim in the future</h2>
<ol><li>Learning to swim</li><li>A holiday in Wales</li></ol>
</body></html>""".encode(),
    "KM-0099",
    date(2026, 2, 20),
    (
        (W, "Going to the cinema on Tuesdays", P, None),
        (W, "My room is how I like it", P, None),
        (NW, "I don’t like the new van", P, None),
        (W, "Kim phones us every Sunday", FAM, None),
        (NW, "Visiting is hard without a car", FAM, None),
        (F, "Learning to swim", P, None),
        (F, "A holiday in Wales", P, None),
    ),
)


# --- 7. Typed-in numbered questions, typed bullets, choices in words (python-docx, no styles) ----------
def numbered_lines_form() -> bytes:
    document = docx.Document()
    for line in (
        "Review for: LW-2210",
        "Review date: 3.2.26",
        "Completed by: Tom Green",
        "People attending review: Lee, Sue (mum) and Tom",
        "1. What is working?",
        "- I like my new college course",
        "- Mum: Lee is much happier at college",
        "- My bike",
        "2. What is not working?",
        "* The taxi is late in the morning (1st choice)",
        "* I have no money left at the end of the week (2nd choice)",
        "* The dentist",
        "3. What are your hopes for the future?",
        "1st choice: Living with my friends",
        "2nd choice: A job in a shop",
        "Learning to drive",
    ):
        document.add_paragraph(line)
    return _bytes(document)


LEE_NUMBERED = Form(
    "numbered-lines",
    "python-docx",
    "docx",
    numbered_lines_form(),
    "LW-2210",
    date(2026, 2, 3),
    (
        (W, "I like my new college course", P, None),
        (W, "Lee is much happier at college", FAM, None),
        (W, "My bike", P, None),
        (NW, "The taxi is late in the morning", P, 1),
        (NW, "I have no money left at the end of the week", P, 2),
        (NW, "The dentist", P, None),
        (F, "Living with my friends", P, 1),
        (F, "A job in a shop", P, 2),
        (F, "Learning to drive", P, None),
    ),
    reviewer="Tom Green",
)


# --- 8. "Top 2" columns beside question columns, ticks and numbers (python-docx) -------------------------
def marked_columns_form() -> bytes:
    document = docx.Document()
    document.add_heading("Person-centred review", level=1)
    details = document.add_table(rows=2, cols=2)
    for row, (label, value) in zip(
        details.rows, [("Review for", "AJ-7781"), ("Date of review", "21/04/2026")], strict=True
    ):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_paragraph()
    grid = [
        ("What's working for Ash", "Top 2", "What's not working for Ash", "Top 2"),
        ("My art class", "1", "Too many different carers", "✓"),
        ("Walking by the canal", "", "Hospital letters I can't read", "✓"),
        ("My flat", "2", "", ""),
    ]
    table = document.add_table(rows=len(grid), cols=4)
    table.style = "Table Grid"
    for row, texts in zip(table.rows, grid, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    _bold(document, "Ash’s hopes for the future:")
    for text in ("Go to Pride in Manchester", "Learn to swim"):
        document.add_paragraph(text, style="List Number")
    return _bytes(document)


ASH_MARKED = Form(
    "marked-columns",
    "python-docx",
    "docx",
    marked_columns_form(),
    "AJ-7781",
    date(2026, 4, 21),
    (
        (W, "My art class", P, 1),
        (NW, "Too many different carers", P, 1),
        (W, "Walking by the canal", P, None),
        (NW, "Hospital letters I can't read", P, 2),
        (W, "My flat", P, 2),
        (F, "Go to Pride in Manchester", P, None),
        (F, "Learn to swim", P, None),
    ),
)

# --- 9. A Word form with content controls, a legacy form field and tracked changes (hand-written XML) --
_WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _p(text: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _sdt(inner: str, *, placeholder: bool = False) -> str:
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    return f'<w:sdt><w:sdtPr><w:id w:val="1"/>{shown}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>'


def _tc(inner: str) -> str:
    return f"<w:tc><w:tcPr><w:tcW w:w='4500' w:type='dxa'/></w:tcPr>{inner}</w:tc>"


def content_controls_form() -> bytes:
    body = (
        _p("Person centred review", "Title")
        + "<w:tbl><w:tblPr><w:tblW w:w='0' w:type='auto'/></w:tblPr><w:tblGrid><w:gridCol w:w='4500'/>"
        "<w:gridCol w:w='4500'/></w:tblGrid>"
        + "<w:tr>"
        + _tc(_p("Review for"))
        + _tc(_sdt(_p("JN-3001")))
        + "</w:tr>"
        + "<w:tr>"
        + _tc(_p("Date of review"))
        + _tc(_sdt(_p("14/04/2026")))
        + "</w:tr>"
        + "<w:tr>"
        + _tc(_p("Review facilitator"))
        + _tc(_sdt(_p("Click or tap here to enter text."), placeholder=True))
        + "</w:tr></w:tbl>"
        + _p("What’s working for Joy", "Heading2")
        + _sdt(
            _p("Singing in the choir") + '<w:p><w:r><w:t xml:space="preserve">Going out on </w:t></w:r>'
            '<w:del w:id="7" w:author="A"><w:r><w:delText>the bus</w:delText></w:r></w:del>'
            '<w:ins w:id="8" w:author="A"><w:r><w:t>my scooter</w:t></w:r></w:ins></w:p>'
        )
        + '<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:enabled/>'
        "<w:textInput/></w:ffData></w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>My grandson visits</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        + _p("What’s not working for Joy", "Heading2")
        + _sdt(_p("My hearing aid whistles") + _p("Nobody explains my tablets"))
        + _sdt(_p("Click or tap here to enter text."), placeholder=True)
        + _p("What’s important to Joy in the future", "Heading2")
        + _p("Staying in my own home (most important)")
        + _p("Going to my granddaughter’s wedding")
    )
    document = f"{_XML}<w:document {_WNS}><w:body>{body}</w:body></w:document>"
    styles = (
        f"{_XML}<w:styles {_WNS}>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
        '<w:basedOn w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
        '<w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>'
    )
    return package(document, styles)


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"


def package(document: str, styles: str) -> bytes:
    """A .docx from its main document and styles, written as the file format describes, with no program."""
    files = {
        "[Content_Types].xml": f'{_XML}<Types xmlns="{_PACKAGE}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_MAIN}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{_MAIN}.styles+xml"/></Types>',
        "_rels/.rels": f'{_XML}<Relationships xmlns="{_PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": f'{_XML}<Relationships xmlns="{_PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{_RELS}/styles" Target="styles.xml"/></Relationships>',
        "word/document.xml": document,
        "word/styles.xml": styles,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


JOY_CONTROLS = Form(
    "content-controls",
    "WordprocessingML written by hand (content controls, form field, tracked changes)",
    "docx",
    content_controls_form(),
    "JN-3001",
    date(2026, 4, 14),
    (
        (W, "Singing in the choir", P, None),
        (W, "Going out on my scooter", P, None),
        (W, "My grandson visits", P, None),
        (NW, "My hearing aid whistles", P, None),
        (NW, "Nobody explains my tablets", P, None),
        (F, "Staying in my own home", P, 1),
        (F, "Going to my granddaughter’s wedding", P, None),
    ),
)

# --- 10. A one-page profile and review: other parts, a spanning title row, owners' labels (ODT) ---------
JO_PROFILE = Form(
    "profile-and-grid",
    "LibreOffice (ODT)",
    "fodt",
    (
        _ODF_HEAD
        + """<text:h text:outline-level="1">Jo’s review</text:h>
<text:p>Person’s reference: JB-0555</text:p>
<text:p>Date of review: 30/01/2026</text:p>
<text:h text:outline-level="2">What people like and admire about Jo</text:h>
<text:list><text:list-item><text:p>Her laugh</text:p></text:list-item>
<text:list-item><text:p>She remembers birthdays</text:p></text:list-item></text:list>
<text:h text:outline-level="2">What’s important to Jo</text:h>
<text:list><text:list-item><text:p>Her cup of tea at seven</text:p></text:list-item></text:list>
<text:h text:outline-level="2">What’s important to Jo in the future</text:h>
<text:list><text:list-item><text:p>Moving to a bungalow near the sea</text:p></text:list-item></text:list>
<table:table table:name="Grid"><table:table-column table:number-columns-repeated="3"/>
<table:table-row><table:table-cell table:number-columns-spanned="3">
<text:p>Working and not working from different perspectives</text:p></table:table-cell>
<table:covered-table-cell/><table:covered-table-cell/></table:table-row>
<table:table-row>"""
        + _odf_cell("")
        + _odf_cell("What’s working")
        + _odf_cell("What’s not working")
        + "</table:table-row><table:table-row>"
        + _odf_cell("Jo")
        + _odf_cell("My friends at the day centre")
        + _odf_cell("Being rushed in the morning", "My chair hurts my back")
        + "</table:table-row><table:table-row>"
        + _odf_cell("Jo’s mum")
        + _odf_cell("She is more confident")
        + _odf_cell("")
        + "</table:table-row><table:table-row>"
        + _odf_cell("Staff at Oak House")
        + _odf_cell("Jo helps with the cooking")
        + _odf_cell("Her chair needs looking at")
        + """</table:table-row></table:table>
<text:h text:outline-level="2">Questions to answer</text:h>
<text:p>Can Jo have an OT visit?</text:p>"""
        + _ODF_TAIL
    ).encode(),
    "JB-0555",
    date(2026, 1, 30),
    (
        (F, "Moving to a bungalow near the sea", P, None),
        (W, "My friends at the day centre", P, None),
        (NW, "Being rushed in the morning", P, None),
        (NW, "My chair hurts my back", P, None),
        (W, "She is more confident", FAM, None),
        (W, "Jo helps with the cooking", STAFF, None),
        (NW, "Her chair needs looking at", STAFF, None),
    ),
)

# --- 11. Question rows, answers beside them, a choice in words (LibreOffice from HTML) -------------------
MO_ROWS = Form(
    "question-rows",
    "LibreOffice (HTML)",
    "html",
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Review</title></head><body>
<p>Review for: MO-0310</p><p>Review date: 17 March 2026</p>
<table border="1">
<tr><td><b>What’s working for Mo?</b></td>
<td><p>Most important: Seeing my grandson</p><p>Church on Sunday</p></td></tr>
<tr><td><b>What’s not working for Mo?</b></td>
<td><ul><li>The stairs at home</li>
<li>Second most important - the phone line keeps cutting out</li></ul></td></tr>
<tr><td><b>What would Mo like to happen in the future?</b></td>
<td>A walk-in shower<br>Going back to the allotment</td></tr>
</table>
</body></html>""".encode(),
    "MO-0310",
    date(2026, 3, 17),
    (
        (W, "Seeing my grandson", P, 1),
        (W, "Church on Sunday", P, None),
        (NW, "The stairs at home", P, None),
        (NW, "the phone line keeps cutting out", P, 2),
        (F, "A walk-in shower", P, None),
        (F, "Going back to the allotment", P, None),
    ),
)

# --- 12. The bold-paragraph form saved again by LibreOffice ---------------------------------------------
SAM_RESAVED = Form(
    "saved-by-libreoffice",
    "python-docx, then saved again by LibreOffice",
    "resave",
    SAM_BOLD.source,
    SAM_BOLD.person_ref,
    SAM_BOLD.review_date,
    SAM_BOLD.statements,
)

# --- 13. Question cells spanning rows, a priority column, labels read by their words (HTML) ----------
KC_SPANS = Form(
    "question-cells-spanning-rows",
    "LibreOffice (HTML)",
    "html",
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Review</title></head><body>
<h2>Kim’s review</h2>
<p>Client ID number: KC-2020</p>
<p>Date of this review: Monday 2 March 2026</p>
<p>Date of next review: 1 March 2027</p>
<table border="1">
<tr><th>Question</th><th>Kim’s answers</th><th>Priority (1 or 2)</th></tr>
<tr><td rowspan="3">What is working?</td><td>Bowling on Thursdays</td><td>2</td></tr>
<tr><td>My keyworker Dee</td><td>1</td></tr>
<tr><td>Cinema</td><td></td></tr>
<tr><td rowspan="2">What is not working?</td><td>☒ The lift is broken again</td><td></td></tr>
<tr><td>☐ Cold showers</td><td></td></tr>
<tr><td>What would you like to happen in the future?</td><td>A job at the zoo</td><td></td></tr>
</table>
</body></html>""".encode(),
    "KC-2020",
    date(2026, 3, 2),
    (
        (W, "Bowling on Thursdays", P, 2),
        (W, "My keyworker Dee", P, 1),
        (W, "Cinema", P, None),
        (NW, "The lift is broken again", P, 1),
        (NW, "Cold showers", P, None),
        (F, "A job at the zoo", P, None),
    ),
)

# --- 14. A form in Welsh (LibreOffice from ODT) ---------------------------------------------------------
CY_FORM = Form(
    "welsh",
    "LibreOffice (ODT)",
    "fodt",
    (
        _ODF_HEAD
        + """<text:h text:outline-level="1">Adolygiad person-ganolog</text:h>
<text:p>Cyfeirnod: CY-0101</text:p>
<text:p>Dyddiad yr adolygiad: 05/03/2026</text:p>
<text:h text:outline-level="2">Beth sy’n gweithio?</text:h>
<text:list><text:list-item><text:p>Canu yn y côr</text:p></text:list-item>
<text:list-item><text:p>Fy ngardd</text:p></text:list-item></text:list>
<text:h text:outline-level="2">Beth sydd ddim yn gweithio?</text:h>
<text:list><text:list-item><text:p>Mae’r bws yn hwyr</text:p></text:list-item></text:list>
<text:h text:outline-level="2">Beth sy’n bwysig i mi yn y dyfodol?</text:h>
<text:list><text:list-item><text:p>Gwyliau yn Sir Benfro</text:p></text:list-item></text:list>"""
        + _ODF_TAIL
    ).encode(),
    "CY-0101",
    date(2026, 3, 5),
    (
        (W, "Canu yn y côr", P, None),
        (W, "Fy ngardd", P, None),
        (NW, "Mae’r bws yn hwyr", P, None),
        (F, "Gwyliau yn Sir Benfro", P, None),
    ),
)

# --- 15. A definition list, a table caption, a list written with line breaks, a titled grid (HTML) -----
KIM_MIXED = Form(
    "caption-and-titled-grid",
    "LibreOffice (HTML)",
    "html",
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Review</title></head><body>
<dl><dt>Review for</dt><dd>KM-1001</dd><dt>Date of review</dt><dd>3 April 2026</dd></dl>
<table border="1"><caption>What’s working for Kim</caption>
<tr><td>Going out with Jo</td></tr><tr><td>Swimming</td></tr></table>
<p>What’s not working for Kim:<br>• The bus is late<br>• Noise at night</p>
<table border="1"><tr><th>Working and not working</th><th>Kim</th><th>Family</th><th>Staff</th></tr>
<tr><th>What’s working</th><td>Cooking</td><td>She is happier</td><td>Eats well</td></tr>
<tr><th>What’s not working</th><td>Cold flat</td><td></td><td>Rota changes</td></tr></table>
<h3>What’s important to Kim in the future</h3>
<p><em>(List the things Kim hopes for)</em></p><p>A holiday in Spain</p>
</body></html>""".encode(),
    "KM-1001",
    date(2026, 4, 3),
    (
        (W, "Going out with Jo", P, None),
        (W, "Swimming", P, None),
        (NW, "The bus is late", P, None),
        (NW, "Noise at night", P, None),
        (W, "Cooking", P, None),
        (W, "She is happier", FAM, None),
        (W, "Eats well", STAFF, None),
        (NW, "Cold flat", P, None),
        (NW, "Rota changes", STAFF, None),
        (F, "A holiday in Spain", P, None),
    ),
)

FORMS: tuple[Form, ...] = (
    APPENDIX_2,
    KIM_COLUMNS,
    RAY_ROWS,
    KIM_PERSPECTIVE_COLUMNS,
    SAM_BOLD,
    KIM_VIEWS,
    LEE_NUMBERED,
    ASH_MARKED,
    JOY_CONTROLS,
    JO_PROFILE,
    MO_ROWS,
    SAM_RESAVED,
    KC_SPANS,
    CY_FORM,
    KIM_MIXED,
)


def build(folder: Path) -> dict[str, bytes]:
    """Every form of the corpus as .docx bytes, by name; one LibreOffice run converts all that need it."""
    built = {form.name: form.source for form in FORMS if form.ending == "docx"}
    convert = [form for form in FORMS if form.ending != "docx"]
    sources = folder / "sources"
    out = folder / "converted"
    sources.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for form in convert:
        ending = "docx" if form.ending == "resave" else form.ending
        path = sources / f"{form.name}.{ending}"
        path.write_bytes(form.source)
        paths.append(str(path))
    soffice = soffice_or_skip()
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(out),
                *paths,
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
    for form in convert:
        result = out / f"{form.name}.docx"
        assert result.is_file(), f"LibreOffice did not convert {form.name}"
        built[form.name] = result.read_bytes()
    return built
