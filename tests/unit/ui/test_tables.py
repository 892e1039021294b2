"""Every table is plain HTML: a header row with column scope, and every cell shown as text."""

from wtfc_collect.ui.tables import table_html


def test_a_table_has_a_header_row_and_escapes_every_cell() -> None:
    body = table_html([{"Team": "<b>East</b> & co", "Sent in": 3}, {"Team": "West", "Sent in": 0}])
    assert body.count('<th scope="col"') == 2 and "<thead>" in body
    assert "<b>" not in body and "&lt;b&gt;East&lt;/b&gt; &amp; co" in body
    assert body.count("<tr>") == 3


def test_markdown_and_formulas_in_a_cell_stay_text() -> None:
    body = table_html([{"Name": '[x](http://evil.example) =HYPERLINK("http://evil.example")'}])
    assert "<a " not in body and "[x](http://evil.example)" in body
    assert "=HYPERLINK(&quot;http://evil.example&quot;)" in body


def test_no_rows_gives_an_empty_table_with_the_columns_named() -> None:
    assert "<tbody></tbody>" in table_html([])
    assert table_html([], columns=["A", "B"]).count("<th scope") == 2


def test_a_long_table_scrolls_in_a_named_region_reached_from_the_keyboard() -> None:
    body = table_html([{"A": 1}], scroll_label='Reviews "all"')
    assert body.startswith('<div role="region" aria-label="Reviews &quot;all&quot;" tabindex="0"')
    assert "overflow:auto" in body
