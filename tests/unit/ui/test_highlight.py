"""Highlighted statements: the words are always escaped, so nothing typed into a statement can run."""

from __future__ import annotations

import html
import re

from streamlit.testing.v1 import AppTest

from wtfc_collect.ui.highlight import MARK_STYLE, highlighted_html

OPEN = f'<mark style="{MARK_STYLE}">'
CLOSE = "</mark>"


def _marked(result: str) -> list[str]:
    """The (unescaped) words inside each <mark>."""
    return [html.unescape(m) for m in re.findall(re.escape(OPEN) + "(.*?)" + re.escape(CLOSE), result)]


def _plain(result: str) -> str:
    """The text a reader sees: marks and line breaks taken out, entities decoded."""
    return html.unescape(result.replace(OPEN, "").replace(CLOSE, "").replace("<br>", "\n"))


def test_script_is_escaped_and_never_runs() -> None:
    text = "<script>alert('hi')</script> I like tea & cake"
    result = highlighted_html(text, [])
    assert "<script>" not in result
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in result
    assert "tea &amp; cake" in result
    assert _plain(result) == text


def test_marked_words_are_escaped_too() -> None:
    text = 'Staff said "<b>service user</b>" & left'
    start = text.index("<b>")
    end = text.index("</b>") + len("</b>")
    result = highlighted_html(text, [(start, end)])
    assert _marked(result) == ["<b>service user</b>"]
    assert "<b>" not in result and "&quot;" in result and "&amp;" in result
    assert result.count(OPEN) == 1 and result.count(CLOSE) == 1
    assert _plain(result) == text


def test_spans_are_marked_in_place() -> None:
    text = "The service user requires support to access activities"
    spans = [(4, 16), (17, 25)]
    result = highlighted_html(text, spans)
    assert _marked(result) == ["service user", "requires"]
    assert result.startswith("The " + OPEN)
    assert _plain(result) == text


def test_spans_at_the_start_and_the_end() -> None:
    text = "Requires support with ADL"
    result = highlighted_html(text, [(0, 8), (22, 25)])
    assert result.startswith(OPEN + "Requires" + CLOSE)
    assert result.endswith(OPEN + "ADL" + CLOSE)
    assert highlighted_html(text, [(0, len(text))]) == OPEN + text + CLOSE


def test_overlapping_and_repeated_spans_show_each_letter_once() -> None:
    text = "needs socialisation opportunities"
    result = highlighted_html(text, [(6, 19), (0, 5), (6, 33), (6, 19), (10, 12)])
    assert _marked(result) == ["needs", "socialisation opportunities"]
    assert _plain(result) == text


def test_spans_given_in_any_order_and_touching() -> None:
    text = "abcdef"
    assert _marked(highlighted_html(text, [(3, 4), (0, 2), (2, 3)])) == ["abcd"]
    assert _plain(highlighted_html(text, [(4, 6), (0, 1)])) == text


def test_empty_or_out_of_range_spans_add_no_empty_marks() -> None:
    text = "I like tea"
    assert highlighted_html(text, [(3, 3), (5, 2)]) == text
    assert highlighted_html(text, [(50, 60)]) == text
    result = highlighted_html(text, [(7, 99), (50, 60), (-4, 1)])
    assert _marked(result) == ["I", "tea"]
    assert CLOSE + CLOSE not in result and OPEN + CLOSE not in result
    assert _plain(result) == text


def test_line_breaks_and_emoji() -> None:
    text = "Line one 🌻\nline <two>"
    result = highlighted_html(text, [(9, 10)])
    assert result == f"Line one {OPEN}🌻{CLOSE}<br>line &lt;two&gt;"


def test_the_component_shows_the_escaped_html() -> None:
    def page() -> None:
        from wtfc_collect.ui.highlight import highlighted

        highlighted("<img src=x onerror=alert(1)> with Dave", [(34, 38)])

    at = AppTest.from_function(page, default_timeout=30)
    at.run()
    assert not at.exception
    [shown] = at.get("html")
    body = shown.proto.body
    assert "<img" not in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    assert f"{OPEN}Dave{CLOSE}" in body
