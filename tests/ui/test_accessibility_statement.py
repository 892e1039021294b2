"""The accessibility statement page: every section shown, in plain words, with the ways to get help."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from accessibility.easy_read import longest_sentence
from accessibility.texts import screen

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "accessibility_statement.py")


def test_the_statement_shows_every_section_in_order() -> None:
    t = screen("accessibility_statement")
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    assert not at.exception, at.exception
    assert [title.value for title in at.title] == [t["title"]]
    headings = [h.value for h in at.header]
    assert headings == [
        t[f"{s}_heading"] for s in ("can_do", "limits", "checks", "other_format", "report", "enforcement")
    ]
    shown = "\n".join(str(m.value) for m in (*at.markdown, *at.caption))
    for key, value in t.items():
        if key != "title" and not key.endswith("_heading"):
            assert value in shown, key


def test_the_statement_says_what_it_meets_how_to_ask_and_how_to_complain() -> None:
    words = " ".join(screen("accessibility_statement").values())
    for needed in ("WCAG 2.2", "partly meets", "another way", "Tell us about a problem", "EASS", "Cymraeg"):
        assert needed in words, needed


def test_the_statement_is_written_in_short_sentences() -> None:
    t = screen("accessibility_statement")
    long = {key: value for key, value in t.items() if longest_sentence(value) > 25}
    assert not long, long
