"""A whole own review and a whole staff review with the keyboard alone (Tab, Shift+Tab, arrows, Enter,
Space and typing). The person opens their own review by typing their code on the sign-in screen and
never touches the mouse; staff sign in with the keyboard (the mouse only opens the new review). At
every step the element with focus must show a focus ring (an outline, or a box-shadow ring) and must
not be hidden under anything (WCAG 2.1.1, 2.4.7, 2.4.11). Before every keystroke the test waits for
Streamlit to finish running the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, ReviewStatus
from wtfc_collect.domain.access import Role

from .conftest import TEST_PASSWORD, RunningApp
from .helpers import (
    ACCOUNTS,
    OWN_REVIEW_TITLE,
    SIGN_IN_TITLE,
    click,
    focused,
    heading,
    new_page,
    received,
    settle,
    wait_text,
)

pytestmark = pytest.mark.browser
Record = Callable[[str, object], None]
MOST_TABS = 150  # more than every stop on the longest screen, sidebar included


class Keyboard:
    """Moves through the page with the keyboard and checks the focus at every stop."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.stops = 0

    def _check(self) -> dict[str, Any] | None:
        now = focused(self.page)
        if now is not None:
            self.stops += 1
            assert now["ring"], f"no visible focus indicator on {now}"
            assert not now["obscured"], f"the focused element is hidden under something: {now}"
        return now

    def tab_to(self, name: str, *, backwards: bool = False, starts: bool = False) -> None:
        """Press Tab (or Shift+Tab) until the focused element is called ``name`` (or starts with it)."""
        key = "Shift+Tab" if backwards else "Tab"
        seen: list[str] = []
        for _ in range(MOST_TABS):
            settle(self.page)
            self.page.keyboard.press(key)
            now = self._check()
            if now is None:
                continue  # the page itself, between the last element and the first
            seen.append(now["name"])
            if now["name"] == name or (starts and now["name"].startswith(name)):
                return
        raise AssertionError(f"{key} never reached {name!r}; passed: {seen}")

    def press(self, key: str) -> None:
        """A key that makes Streamlit run the page again (Enter or Space on a button, an arrow in a
        radio group, Tab out of a changed text box); returns when that run is over."""
        settle(self.page)
        before = received(self.page)
        self.page.keyboard.press(key)
        settle(self.page, before)
        self._check()

    def type(self, words: str) -> None:
        settle(self.page)
        self.page.keyboard.type(words, delay=5)


def _to_the_sign_in_screen(keys: Keyboard, url: str) -> None:
    keys.page.goto(url, wait_until="domcontentloaded")
    keys.page.get_by_role("heading", name=SIGN_IN_TITLE, exact=True).wait_for()
    settle(keys.page)


def _open_with_the_code(keys: Keyboard, app: RunningApp, code: str) -> None:
    """On the sign-in screen: Tab to "Your code", type it, Tab to "Open my review" and press Space."""
    _to_the_sign_in_screen(keys, app.url + "/")
    keys.tab_to("Your code")
    keys.type(code)
    keys.tab_to("Open my review")
    keys.press("Space")
    keys.page.get_by_role("heading", name=OWN_REVIEW_TITLE, exact=True).wait_for()


def _sign_in(keys: Keyboard, app: RunningApp, path: str, role: Role) -> None:
    """Open ``path``, then sign in there: Tab to each box, type, and press Enter in the password box."""
    _to_the_sign_in_screen(keys, f"{app.url}/{path}")
    keys.tab_to("Username")
    keys.type(ACCOUNTS[role])
    keys.tab_to("Password")
    keys.type(TEST_PASSWORD)
    keys.press("Enter")
    keys.page.wait_for_function(
        "(title) => { const h = document.querySelector('h1'); return h && h.innerText.trim() !== title; }",
        arg=SIGN_IN_TITLE,
    )
    settle(keys.page)


def _answer(keys: Keyboard, words: str, key: str = "Enter") -> None:
    keys.tab_to("Write one thing here")
    keys.type(words)
    keys.press("Tab")  # Streamlit keeps the words when the box loses focus: the page runs again
    if (focused(keys.page) or {}).get("name") != "Add this":
        keys.tab_to("Add this")
    keys.press(key)
    keys.page.get_by_text(words).first.wait_for()
    keys.tab_to("Write one thing here", backwards=True)  # back up, ready for the next question


def test_a_whole_own_review_with_the_keyboard_alone(
    browser: Any, app_server: RunningApp, record_property: Record
) -> None:
    code = app_server.own_review("KB-0001")
    page = new_page(browser)
    keys = Keyboard(page)
    try:
        _open_with_the_code(keys, app_server, code)
        keys.tab_to("Yes, that is OK")
        keys.press("Enter")
        wait_text(page, "Question 1 of 3")

        _answer(keys, "Singing in the choir")
        _answer(keys, "My dog Max", key="Space")
        keys.tab_to("Pick this")  # the pick of the first answer ("Singing in the choir") …
        keys.tab_to("Pick this")  # … and on to the second's ("My dog Max")
        keys.press("Space")
        page.get_by_role("button", name="Unpick this", exact=True).wait_for()
        keys.tab_to("Pick this")  # the only answer not picked yet
        keys.press("Enter")
        page.get_by_role("button", name="Pick this", exact=True).wait_for(state="detached")
        keys.tab_to("Next")
        keys.press("Enter")
        wait_text(page, "Question 2 of 3")

        _answer(keys, "Waiting for the bus")
        keys.tab_to("Next")
        keys.press("Enter")
        wait_text(page, "Question 3 of 3")

        _answer(keys, "A holiday by the sea")
        keys.tab_to("Next")
        keys.press("Space")
        wait_text(page, "Check your answers")

        keys.tab_to("Send")
        keys.press("Enter")
        wait_text(page, "We got your answers")
        record_property(
            "keyboard",
            f"own review, opened by typing the code: {keys.stops} focus stops, each with a visible ring",
        )
    finally:
        page.close()

    sent = next(
        r for r in bootstrap.build_repository(app_server.data_dir).find(Review) if r.person_ref == "KB-0001"
    )
    assert sent.status is ReviewStatus.SUBMITTED
    assert [s.text for s in sent.prioritised(Question.WORKING)] == ["My dog Max", "Singing in the choir"]
    assert [s.text for s in sent.prioritised(Question.NOT_WORKING)] == ["Waiting for the bus"]
    assert [s.text for s in sent.prioritised(Question.FUTURE)] == ["A holiday by the sea"]


def test_a_whole_staff_review_with_the_keyboard_alone(
    browser: Any, app_server: RunningApp, record_property: Record
) -> None:
    page = new_page(browser, width=1280)
    keys = Keyboard(page)
    said = {
        Question.WORKING: "Walking to the shops",
        Question.NOT_WORKING: "Nobody visits on Sundays",
        Question.FUTURE: "Learning to cook",
    }
    try:
        _sign_in(keys, app_server, "reviews", Role.REVIEWER)
        assert heading(page) == "Reviews", "the page asked for opens after signing in"
        page.get_by_role("button", name="Start a review with a person").wait_for()
        click(page, "Start a review with a person")
        box = page.get_by_label("Person reference", exact=True)
        box.fill("KB-0002")
        click(page, "Start the review")  # the mouse opens it; from here on, the keyboard alone
        wait_text(page, "About this review")

        keys.tab_to("Not asked yet")  # the consent choice: Tab lands on the chosen answer
        keys.press("ArrowDown")  # … and the arrow moves round to "Yes, they agreed"
        assert page.get_by_role("radio", name="Yes, they agreed").is_checked()
        for question, words in said.items():
            keys.tab_to("What did they say? Use their words.")
            keys.type(words)
            keys.press("Tab")
            keys.tab_to("Add")
            keys.press("Enter")
            page.get_by_text(words, exact=True).first.wait_for()
            keys.tab_to("Not in top two")  # their choice for this statement
            keys.press("ArrowRight")  # "1st"
            assert page.get_by_role("radio", name="1st").nth(list(said).index(question)).is_checked()
        keys.tab_to("Send in the review")
        keys.press("Enter")
        wait_text(page, "This review has been sent in")
        record_property(
            "keyboard",
            f"staff review, signed in by keyboard: {keys.stops} focus stops, each with a visible ring",
        )
    finally:
        page.close()

    sent = next(
        r for r in bootstrap.build_repository(app_server.data_dir).find(Review) if r.person_ref == "KB-0002"
    )
    assert sent.status is ReviewStatus.SUBMITTED and sent.consent is not None and sent.consent.given
    for question, words in said.items():
        assert [s.text for s in sent.prioritised(question)] == [words]
