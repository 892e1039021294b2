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


def _wait_text(page: Any, text: str) -> None:
    page.get_by_text(text, exact=False).first.wait_for(timeout=20_000)


def _answer(page: Any, words: str) -> None:
    box = page.get_by_label("Write one thing here")
    box.fill(words)
    box.press("Tab")  # Streamlit takes the text when the box loses focus
    _button(page, "Add this").click()
    page.get_by_text(words, exact=True).first.wait_for(timeout=20_000)


def test_a_person_completes_their_own_review(browser: Any, app_server: RunningApp) -> None:
    page = browser.new_page(viewport={"width": 1024, "height": 900})
    try:
        page.goto(app_server.url + "/reviews")
        page.get_by_label("Person reference for the own review").fill("BR-0001")
        _button(page, "Start an own review (easy read)").click()
        _wait_text(page, "Can we use your words?")
        _button(page, "Yes, that is OK").click()
        _wait_text(page, "Question 1 of 3")
        page.get_by_role("img", name="A smiling face with a green tick").first.wait_for(timeout=20_000)
        _answer(page, "Going to the pub quiz")
        _answer(page, "My budgie")
        _answer(page, "Bingo on Fridays")
        _button(page, "Pick: My budgie").click()
        _button(page, "Number 1: My budgie").wait_for(timeout=20_000)
        _button(page, "Next").click()
        _wait_text(page, "Please pick your top 2 first")
        _button(page, "Pick: Going to the pub quiz").click()
        _button(page, "Number 2: Going to the pub quiz").wait_for(timeout=20_000)
        _button(page, "Next").click()
        _wait_text(page, "Question 2 of 3")
        _button(page, "I don't want to answer this").click()
        _wait_text(page, "You chose not to answer this question")
        _button(page, "Next").click()
        _wait_text(page, "Question 3 of 3")
        _answer(page, "Seeing the sea")
        _button(page, "Next").click()
        _wait_text(page, "Check your answers")
        _button(page, "Send").click()
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
