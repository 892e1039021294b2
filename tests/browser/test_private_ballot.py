"""The private ballot in a real Chromium: the facilitator opens a ballot on people's own phones and shows the
code; someone signed out opens the Vote screen, types the code, ticks themes and sends their vote with the
keyboard alone; another phone chooses Cymraeg and gets the Vote screen in Welsh (``<html lang="cy">``); the
facilitator closes the ballot and sees the results. Then a ballot on paper slips. Every screen
on the way passes axe with no violations, keeps targets at 24 px or more, and shows a focus ring."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from wtfc_collect import bootstrap
from wtfc_collect.domain.access import Role
from wtfc_collect.domain.dot_votes import Vote
from wtfc_collect.domain.participation import ParticipantPerspective

from .conftest import RunningApp
from .helpers import (
    axe_details,
    axe_violations,
    click,
    heading,
    open_page,
    page_checks,
    summary_line,
    wait_text,
)
from .test_keyboard import Keyboard

pytestmark = pytest.mark.browser
Record = Callable[[str, object], None]


def _clean(page: Any, where: str, record: Record) -> None:
    violations = axe_violations(page)
    checks = page_checks(page)
    record("axe", summary_line(where, violations, checks))
    assert violations == [], f"{where}:\n{axe_details(violations)}"
    assert not checks["too_small"], f"{where}: targets under 24 x 24 px: {checks['too_small']}"


def _choose(page: Any, label: str) -> None:
    page.get_by_text(label, exact=True).click()
    page.wait_for_timeout(200)


def test_a_ballot_on_phones_then_on_slips(
    browser: Any, app_server: RunningApp, record_property: Record
) -> None:
    facilitator = open_page(browser, app_server, "private_ballot", width=1280, role=Role.FACILITATOR)
    phone = None
    try:
        assert heading(facilitator) == "Private ballot"
        _clean(facilitator, "private ballot: not open", record_property)
        _choose(facilitator, "On their own phones or tablets")
        click(facilitator, "Open the private ballot")
        shown = facilitator.get_by_role("heading", name=re.compile(r"^Workshop code: ")).inner_text()
        code = shown.strip().removeprefix("Workshop code: ")
        _clean(facilitator, "private ballot: open on phones", record_property)

        phone = open_page(browser, app_server, "vote", role=None)
        assert heading(phone) == "Vote"
        _clean(phone, "vote: the code", record_property)
        keys = Keyboard(phone)
        keys.tab_to("Workshop code")
        keys.type(code)
        keys.tab_to("Start")
        keys.press("Enter")
        wait_text(phone, "You have 3 dots. Tick up to 3 themes.")
        _clean(phone, "vote: the themes", record_property)
        boxes = phone.get_by_test_id("stMain").get_by_role("checkbox")
        first, second = boxes.nth(0).get_attribute("aria-label"), boxes.nth(1).get_attribute("aria-label")
        # Inside the form nothing runs until it is sent: keys that only tick or choose need no wait.
        for name in (first, second):
            keys.tab_to(str(name))
            phone.keyboard.press("Space")
        keys.tab_to("I would rather not say")  # Tab enters the choices at the one chosen
        phone.keyboard.press("ArrowRight")  # and the arrows move the choice: round to the first
        assert phone.get_by_role("radio", name="I use services").is_checked()
        assert boxes.nth(0).is_checked() and boxes.nth(1).is_checked()
        keys.tab_to("Send my vote")
        keys.press("Enter")
        wait_text(phone, "Thank you. Your vote is in.")
        _clean(phone, "vote: sent", record_property)
        assert keys.stops > 5

        repo = bootstrap.build_repository(app_server.data_dir)
        mine = [v for v in repo.find(Vote) if v.voter.startswith("Phone ")]
        assert len(mine) == 2 and {v.perspective for v in mine} == {ParticipantPerspective.PERSON}

        # Another phone chooses Cymraeg before the code: the page is Welsh, and so is a wrong code's message.
        phone.close()
        phone = open_page(browser, app_server, "vote", role=None)
        assert phone.locator("html").get_attribute("lang") == "en"
        _choose(phone, "Cymraeg")
        phone.wait_for_function("() => document.documentElement.lang === 'cy'")
        wait_text(phone, "Teipiwch god y gweithdy")
        assert heading(phone) == "Pleidleisio"
        phone.get_by_label("Cod y gweithdy").fill("WRNG-CODE")
        click(phone, "Dechrau")
        wait_text(phone, "Dydy'r cod hwnnw ddim yn agor pleidlais.")
        _clean(phone, "vote in Welsh: a wrong code", record_property)
    finally:
        if phone is not None:
            phone.close()
        facilitator.reload()
        facilitator.close()
    facilitator = open_page(browser, app_server, "private_ballot", width=1280, role=Role.FACILITATOR)
    try:
        wait_text(facilitator, "Ballots in: 1.")
        click(facilitator, "Close the ballot and show the results")
        wait_text(facilitator, "Results by perspective")
        _clean(facilitator, "private ballot: results", record_property)
        _choose(facilitator, "On paper slips")
        click(facilitator, "Open the private ballot")
        wait_text(facilitator, "Type in a slip")
        _clean(facilitator, "private ballot: open on slips", record_property)
        click(facilitator, "Close the ballot and show the results")
    finally:
        facilitator.close()
