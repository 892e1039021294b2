"""A whole easy-read own review in a real Chromium: start it, answer, choose, skip, check and send."""

from __future__ import annotations

from typing import Any

import pytest

from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, ReviewMode, ReviewStatus

from .conftest import RunningApp

pytestmark = pytest.mark.browser


def _button(page: Any, name: str) -> Any:
    return page.get_by_role("button", name=name, exact=True)


def _click(page: Any, name: str) -> None:
    _settle(page)
    _button(page, name).click()


def _wait_text(page: Any, text: str) -> None:
    page.get_by_text(text, exact=False).first.wait_for(timeout=20_000)


def _settle(page: Any) -> None:
    """Wait until Streamlit has finished running the page (typing during a run can be overwritten)."""
    page.wait_for_function(
        """() => { const s = document.querySelector('[data-testid="stStatusWidget"]');
                   return !s || !/running/i.test(s.innerText); }""",
        timeout=20_000,
    )
    page.wait_for_timeout(200)


def _answer(page: Any, words: str) -> None:
    box = page.get_by_label("Write one thing here")
    _settle(page)
    box.fill(words)
    box.press("Tab")  # Streamlit takes the text when the box loses focus
    _settle(page)
    _button(page, "Add this").click()
    page.get_by_text(words, exact=True).first.wait_for(timeout=20_000)
    page.wait_for_function(
        """() => { const b = document.querySelector('textarea[aria-label="Write one thing here"]');
                   return b && b.value === ""; }""",
        timeout=20_000,
    )
    _settle(page)


def test_a_person_completes_their_own_review(browser: Any, app_server: RunningApp) -> None:
    page = browser.new_page(viewport={"width": 1024, "height": 900})
    try:
        page.goto(app_server.url + "/reviews")
        page.get_by_label("Person reference for the own review").fill("BR-0001")
        _click(page, "Start an own review (easy read)")
        _wait_text(page, "Can we use your words?")
        _click(page, "Yes, that is OK")
        _wait_text(page, "Question 1 of 3")
        page.get_by_role("img", name="A smiling face with a green tick").first.wait_for(timeout=20_000)
        _answer(page, "Going to the pub quiz")
        _answer(page, "My budgie")
        _answer(page, "Bingo on Fridays")
        _click(page, "Pick: My budgie")
        _button(page, "Number 1: My budgie").wait_for(timeout=20_000)
        _click(page, "Next")
        _wait_text(page, "Please pick your top 2 first")
        _click(page, "Pick: Going to the pub quiz")
        _button(page, "Number 2: Going to the pub quiz").wait_for(timeout=20_000)
        _click(page, "Next")
        _wait_text(page, "Question 2 of 3")
        _click(page, "I don't want to answer this")
        _wait_text(page, "You chose not to answer this question")
        _click(page, "Next")
        _wait_text(page, "Question 3 of 3")
        _answer(page, "Seeing the sea")
        _click(page, "Next")
        _wait_text(page, "Check your answers")
        _click(page, "Send")
        _wait_text(page, "We got your answers")
    finally:
        page.close()

    repo = bootstrap.build_repository(app_server.data_dir)
    mine = [r for r in repo.find(Review) if r.person_ref == "BR-0001"]
    assert len(mine) == 1
    sent = mine[0]
    assert sent.mode is ReviewMode.SELF and sent.status is ReviewStatus.SUBMITTED
    assert [s.text for s in sent.prioritised(Question.WORKING)] == ["My budgie", "Going to the pub quiz"]
    assert sent.declined == [Question.NOT_WORKING]
