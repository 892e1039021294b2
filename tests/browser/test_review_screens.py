"""axe, target sizes and the other page rules on the screens people fill in, with real content: each
screen of the own review, opened with a code as the person does (in English, in Welsh, in high contrast
and very large text), and the staff review form with statements added (signed in as the demo
reviewer)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wtfc_collect.domain.access import Role

from .conftest import RunningApp
from .helpers import (
    answer,
    axe_details,
    axe_violations,
    click,
    follow_link,
    open_own_review,
    open_page,
    page_checks,
    pick,
    received,
    reflow,
    settle,
    summary_line,
    wait_style,
    wait_text,
)

pytestmark = pytest.mark.browser
Record = Callable[[str, object], None]


def _check(page: Any, where: str, record: Record, *, own_review: bool = False) -> None:
    """No axe violations, targets big enough, nothing to drag, no autoplay (and no tooltips there)."""
    violations = axe_violations(page)
    checks = page_checks(page)
    record("axe", summary_line(where, violations, checks))
    assert violations == [], f"{where}:\n{axe_details(violations)}"
    assert checks["too_small"] == [], f"{where}: targets under 24 x 24 px: {checks['too_small']}"
    assert checks["draggable"] == 0 and checks["autoplay"] == 0, (where, checks)
    if own_review:
        assert checks["tooltips"] == 0, f"{where}: the own review must not hide words in tooltips"


def test_every_screen_of_the_own_review(
    browser: Any, app_server: RunningApp, record_property: Record
) -> None:
    page = open_own_review(browser, app_server, app_server.own_review("AX-0001"))
    try:
        wait_text(page, "Can we use your words?")
        _check(page, "own review: consent", record_property, own_review=True)
        click(page, "Yes, that is OK")
        wait_text(page, "Question 1 of 3")
        answer(page, "Going to the pub quiz")
        answer(page, "My budgie")
        pick(page, "My budgie")
        wait_text(page, "Pick your top 2")
        _check(page, "own review: question with answers and choices", record_property, own_review=True)
        pick(page, "Going to the pub quiz")
        click(page, "Next")
        wait_text(page, "Question 2 of 3")
        click(page, "I don't want to answer this")
        wait_text(page, "You chose not to answer this question")
        _check(page, "own review: question skipped", record_property, own_review=True)
        click(page, "Next")
        wait_text(page, "Question 3 of 3")
        answer(page, "Seeing the sea")
        click(page, "Next")
        wait_text(page, "Check your answers")
        _check(page, "own review: check", record_property, own_review=True)
        click(page, "Send")
        wait_text(page, "We got your answers")
        _check(page, "own review: thank you", record_property, own_review=True)
    finally:
        page.close()


def test_the_own_review_in_welsh_high_contrast_and_very_large_text(
    browser: Any, app_server: RunningApp, record_property: Record
) -> None:
    page = open_own_review(browser, app_server, app_server.own_review("AX-0002"))
    try:
        wait_text(page, "Can we use your words?")
        assert page.locator("html").get_attribute("lang") == "en"
        main = page.get_by_test_id("stMain")
        before = received(page)
        main.get_by_text("Cymraeg", exact=True).click()
        settle(page, before)
        wait_text(page, "Gawn ni ddefnyddio eich geiriau?")
        page.wait_for_function("() => document.documentElement.lang === 'cy'")
        _check(page, "own review in Welsh: consent", record_property, own_review=True)

        before = received(page)
        main.get_by_text("Cyferbyniad uchel: du ar wyn", exact=True).click()
        settle(page, before)
        wait_style(page, "body", "color", "rgb(0, 0, 0)")
        _check(page, "own review in Welsh: consent, high contrast", record_property, own_review=True)
        before = received(page)
        main.get_by_text("Mwy", exact=True).click()
        settle(page, before)
        wait_style(page, "html", "fontSize", "32px")
        _check(page, "own review in Welsh: consent, high contrast, very large", record_property)
        assert reflow(page)["sideways"] == []
        click(page, "Cewch, mae hynny'n iawn")
        wait_text(page, "Cwestiwn 1 o 3")
        answer(page, "Canu yn y côr", label="Ysgrifennwch un peth yma", add="Ychwanegu hwn")
        answer(page, "Fy nghi", label="Ysgrifennwch un peth yma", add="Ychwanegu hwn")
        _check(page, "own review in Welsh: question, high contrast, very large", record_property)
        assert reflow(page)["sideways"] == []

        # The person's other page is in Welsh too, and keeps the text size and contrast.
        follow_link(page, "Datganiad hygyrchedd")
        page.get_by_role("heading", name="Datganiad hygyrchedd", exact=True).wait_for()
        page.wait_for_function("() => document.documentElement.lang === 'cy'")
        wait_style(page, "html", "fontSize", "32px")
        wait_style(page, "body", "color", "rgb(0, 0, 0)")
        _check(page, "own review: accessibility statement, high contrast, very large", record_property)
    finally:
        page.close()


def test_the_staff_review_form_with_statements(
    browser: Any, app_server: RunningApp, record_property: Record
) -> None:
    page = open_page(browser, app_server, "reviews", width=1280, role=Role.REVIEWER)
    try:
        page.get_by_role("button", name="Start a review with a person").wait_for()
        click(page, "Start a review with a person")
        box = page.get_by_label("Person reference", exact=True)
        box.wait_for()
        box.fill("AX-0003")
        click(page, "Start the review")
        wait_text(page, "About this review")
        boxes = page.get_by_label("What did they say? Use their words.", exact=True)
        said = ("Walking my dog Bess", "The bus never comes on time", "Going to college")
        for index, words in enumerate(said):
            settle(page)
            before = received(page)
            boxes.nth(index).fill(words)
            boxes.nth(index).press("Tab")
            settle(page, before)
            before = received(page)
            page.get_by_role("button", name="Add", exact=True).nth(index).click()
            settle(page, before)
            page.get_by_text(words, exact=True).first.wait_for()
        _check(page, "review with a person: statements added", record_property)
    finally:
        page.close()
