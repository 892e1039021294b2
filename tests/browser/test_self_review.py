"""A whole easy-read own review in a real Chromium, as it happens: a reviewer signs in, starts the own
review and makes a code for it on the Reviews screen; the person opens the link with the code (no
account, no password), answers, chooses, skips, checks and sends."""

from __future__ import annotations

import re
from typing import Any

import pytest

from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, ReviewMode, ReviewStatus
from wtfc_collect.domain.access import Role

from .conftest import RunningApp
from .helpers import (
    OWN_REVIEW_TITLE,
    TIMEOUT,
    answer,
    click,
    heading,
    nav_links,
    new_page,
    open_page,
    pick,
    picked,
    received,
    settle,
    wait_text,
)

pytestmark = pytest.mark.browser
LINK = re.compile(r"(\S+/\?code=([A-Z0-9]{4}-[A-Z0-9]{4}))")


def _make_a_code(browser: Any, app: RunningApp, person: str) -> str:
    """As the demo reviewer: start an own review for ``person`` and make a code; returns the link shown."""
    page = open_page(browser, app, "reviews", role=Role.REVIEWER)
    try:
        page.get_by_label("Person reference for the own review").fill(person)
        click(page, "Start an own review (easy read)")
        page.get_by_role("heading", name=OWN_REVIEW_TITLE, exact=True).wait_for()
        wait_text(page, "Can we use your words?")
        # The tab was handed over: the person's review only, no staff page offered.
        assert set(nav_links(page)) <= {"My review", "Accessibility statement"}, nav_links(page)
    finally:
        page.close()
    page = open_page(browser, app, "reviews", role=Role.REVIEWER)
    try:
        assert heading(page) == "Reviews"
        choice = page.get_by_label("Choose a review to open", exact=True)
        if not choice.input_value().startswith(person):  # the newest review is chosen at first
            before = received(page)
            choice.click()
            page.keyboard.type(person)
            page.keyboard.press("Enter")
            settle(page, before)
        assert choice.input_value().startswith(person), choice.input_value()
        click(page, "Make a code")
        shown = page.get_by_test_id("stCode").first
        shown.wait_for(timeout=TIMEOUT)
        found = LINK.search(shown.inner_text())
        assert found, f"no link with a code on the screen: {shown.inner_text()!r}"
        wait_text(page, f"The code is {found.group(2)}")
        return found.group(1)
    finally:
        page.close()


def test_a_person_completes_their_own_review(browser: Any, app_server: RunningApp) -> None:
    link = _make_a_code(browser, app_server, "BR-0001")
    assert link.startswith(app_server.url + "/?code="), link

    page = new_page(browser)
    try:
        page.goto(link, wait_until="domcontentloaded")
        page.get_by_role("heading", name=OWN_REVIEW_TITLE, exact=True).wait_for()
        settle(page)
        assert "code=" not in page.url, "the code must leave the address once used"
        wait_text(page, "Can we use your words?")
        click(page, "Yes, that is OK")
        wait_text(page, "Question 1 of 3")
        page.get_by_role("img", name="A hand with the thumb up").first.wait_for()
        answer(page, "Going to the pub quiz")
        answer(page, "My budgie")
        answer(page, "Bingo on Fridays")
        pick(page, "My budgie")
        picked(page, "My budgie", 1)
        click(page, "Next")
        wait_text(page, "Please pick your top 2 first")
        pick(page, "Going to the pub quiz")
        picked(page, "Going to the pub quiz", 2)
        click(page, "Next")
        wait_text(page, "Question 2 of 3")
        click(page, "I don't want to answer this")
        wait_text(page, "You chose not to answer this question")
        click(page, "Next")
        wait_text(page, "Question 3 of 3")
        answer(page, "Seeing the sea")
        click(page, "Next")
        wait_text(page, "Check your answers")
        click(page, "Send")
        wait_text(page, "We got your answers")
    finally:
        page.close()

    repo = bootstrap.build_repository(app_server.data_dir)
    mine = [r for r in repo.find(Review) if r.person_ref == "BR-0001"]
    assert len(mine) == 1
    sent = mine[0]
    assert sent.mode is ReviewMode.SELF and sent.status is ReviewStatus.SUBMITTED
    assert sent.created_by == "reviewer"
    assert [s.text for s in sent.prioritised(Question.WORKING)] == ["My budgie", "Going to the pub quiz"]
    assert sent.declined == [Question.NOT_WORKING]
