"""Small HTML tables: a header row with column scope, and every cell shown as text."""

from wtfc_collect.ui.tables import table_html


def test_a_table_has_a_header_row_and_escapes_every_cell() -> None:
    body = table_html([{"Team": "<b>East</b> & co", "Sent in": 3}, {"Team": "West", "Sent in": 0}])
    assert body.count('<th scope="col"') == 2 and "<thead>" in body
    assert "<b>" not in body and "&lt;b&gt;East&lt;/b&gt; &amp; co" in body
    assert body.count("<tr>") == 3


def test_no_rows_gives_an_empty_table() -> None:
    assert "<tbody></tbody>" in table_html([])
