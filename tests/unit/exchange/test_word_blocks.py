"""A .docx read as a reader sees it, whatever program wrote it: WordprocessingML written by hand here."""

from __future__ import annotations

from tests.form_corpus import package
from wtfc_collect.exchange.word_blocks import TICKED, Paragraph, Table, read_blocks

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
STYLES = (
    f"<w:styles {NS}>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Strong1"><w:name w:val="Label"/><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Strong2"><w:name w:val="Label 2"/>'
    '<w:basedOn w:val="Strong1"/></w:style>'
    '<w:style w:type="character" w:styleId="Emph"><w:name w:val="Strong Emphasis"/>'
    "<w:rPr><w:b/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="H3"><w:name w:val="heading 3"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="T"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Guide"><w:name w:val="Guide"/><w:rPr><w:i/></w:rPr></w:style>'
    "</w:styles>"
)


def _read(body: str) -> list[Paragraph | Table]:
    return read_blocks(package(f"<w:document {NS}><w:body>{body}</w:body></w:document>", STYLES))


def _p(inner: str, props: str = "") -> str:
    return f"<w:p><w:pPr>{props}</w:pPr>{inner}</w:p>"


def _r(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _paragraphs(body: str) -> list[Paragraph]:
    return [b for b in _read(body) if isinstance(b, Paragraph)]


def test_content_controls_are_looked_through_and_empty_ones_left_out() -> None:
    placeholder = "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"
    control = "<w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt>"
    body = (
        control.format(_p(_r("A block in a control")))
        + _p(_r("Inline: ") + control.format(_r("typed in a control")))
        + placeholder.format(_p(_r("Click or tap here to enter text.")))
        + _p(_r("Date: ") + placeholder.format(_r("Click or tap to enter a date.")))
    )
    assert [p.text for p in _paragraphs(body)] == [
        "A block in a control",
        "Inline: typed in a control",
        "Date: ",
    ]


def test_tracked_changes_read_as_the_document_now_stands() -> None:
    body = _p(
        _r("I go out on ")
        + '<w:del w:id="1" w:author="A"><w:r><w:delText>the bus</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="A">'
        + _r("my scooter")
        + "</w:ins>"
        + '<w:moveFrom w:id="3" w:author="A">'
        + _r(" twice")
        + "</w:moveFrom>"
    )
    assert [p.text for p in _paragraphs(body)] == ["I go out on my scooter"]


def test_fields_show_their_result_check_boxes_and_symbols_their_mark() -> None:
    def field(code: str, result: str, data: str = "") -> str:
        return (
            f'<w:r><w:fldChar w:fldCharType="begin">{data}</w:fldChar></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + (_r(result) if result else "")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    checked = "<w:ffData><w:checkBox><w:default w:val='0'/><w:checked/></w:checkBox></w:ffData>"
    body = (
        _p(field("FORMTEXT", "My garden"))
        + _p(_r("Page ") + field("PAGE", "3"))
        + _p(field("FORMCHECKBOX", "", checked) + _r(" Most important"))
        + _p('<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>')
        + _p(_r("Line one") + "<w:r><w:br/></w:r>" + _r("line two"))
    )
    assert [p.text for p in _paragraphs(body)] == [
        "My garden",
        "Page 3",
        f"{TICKED} Most important",
        "✓",
        "Line one\nline two",
    ]


def test_each_line_of_a_paragraph_with_line_breaks_says_whether_it_is_bold() -> None:
    body = _p(
        _r("What is working?", "<w:b/>") + "<w:r><w:br/></w:r>" + _r("My garden") + "<w:r><w:br/></w:r>"
    )
    (paragraph,) = _paragraphs(body + _p(_r("One line only")))[:1]
    assert (paragraph.bold, paragraph.line_bold) == (False, (True, False))
    assert _paragraphs(_p(_r("One line only")))[0].line_bold == ()


def test_text_boxes_are_read_once_after_their_paragraph() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>Words in a box</w:t></w:r></w:p></w:txbxContent>"
    drawing = (
        "<w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    body = _p(_r("Before") + drawing) + _p(_r("After"))
    assert [p.text for p in _paragraphs(body)] == ["Before", "Words in a box", "After"]


def test_headings_bold_italic_and_lists_from_direct_formatting_or_styles() -> None:
    body = (
        _p(_r("Review"), '<w:pStyle w:val="T"/>')
        + _p(_r("What is working"), '<w:pStyle w:val="H3"/>')
        + _p(_r("Outline"), '<w:outlineLvl w:val="1"/>')
        + _p(_r("Bold by its style"), '<w:pStyle w:val="Strong2"/>')
        + _p(_r("Bold by a character style", '<w:rStyle w:val="Emph"/>'))
        + _p(_r("Bold", "<w:b/>") + _r(" and not", '<w:b w:val="0"/>'))
        + _p(_r("Think about home and friends."), '<w:pStyle w:val="Guide"/>')
        + _p(_r("A bullet"), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    )
    found = [(p.text, p.level, p.bold, p.italic, p.listed) for p in _paragraphs(body)]
    assert found == [
        ("Review", 0, False, False, False),
        ("What is working", 3, False, False, False),
        ("Outline", 2, False, False, False),
        ("Bold by its style", None, True, False, False),
        ("Bold by a character style", None, True, False, False),
        ("Bold and not", None, False, False, False),
        ("Think about home and friends.", None, False, True, False),
        ("A bullet", None, False, False, True),
    ]


def test_merged_cells_are_one_cell_at_every_place_they_cover() -> None:
    def tc(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(_r(text)) if text else '<w:p/>'}</w:tc>"

    body = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        + "<w:tr>"
        + tc("Across", '<w:gridSpan w:val="3"/>')
        + "</w:tr>"
        + "<w:tr>"
        + tc("Down", '<w:vMerge w:val="restart"/>')
        + tc("a")
        + tc("b")
        + "</w:tr>"
        + "<w:tr>"
        + tc("", "<w:vMerge/>")
        + tc("c")
        + "<w:sdt><w:sdtContent>"
        + tc("d")
        + "</w:sdtContent></w:sdt>"
        + "</w:tr></w:tbl>"
    )
    (table,) = _read(body)
    assert isinstance(table, Table) and table.width == 3
    texts = [[cell.text if cell else None for cell in row] for row in table.rows]
    assert texts == [["Across"] * 3, ["Down", "a", "b"], ["Down", "c", "d"]]
    assert table.rows[1][0] is table.rows[2][0] and table.rows[0][0] is table.rows[0][2]
    assert table.rows[2][2] is not None and table.rows[2][2].paragraphs[0].where == "Table 1, row 3, column 3"
