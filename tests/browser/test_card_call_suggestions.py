"""The facilitator uses the suggested groups on the demo card call in a real Chromium: asks for them with
the keyboard, reads each group's cards, names a group as an "I" statement and makes it a theme. axe finds
no violations with the suggestions open, and every target is at least 24 x 24 px."""

from __future__ import annotations

from typing import Any

import pytest

from wtfc_collect import bootstrap
from wtfc_collect.domain import Question
from wtfc_collect.domain.access import Role
from wtfc_collect.domain.theme import Theme
from wtfc_collect.services.prepare.project_setup import current_project
from wtfc_collect.services.workshop import card_call

from .conftest import RunningApp
from .helpers import axe_details, axe_violations, focused, open_page, page_checks, received, settle, wait_text

pytestmark = pytest.mark.browser
ASK = "Suggest groups for the cards still to place"
NAME = "I want to be out and about more"


def test_the_facilitator_makes_a_theme_from_a_suggested_group(
    browser: Any, fresh_app_server: RunningApp
) -> None:
    repo = bootstrap.build_repository(fresh_app_server.data_dir)
    project = current_project(repo)
    assert project is not None
    before = card_call.card_call(repo, project.id, Question.FUTURE)
    assert len(before.waiting) + len(before.parked) >= 4, "the demo leaves cards of 'the future' to place"
    page = open_page(browser, fresh_app_server, "card_call", role=Role.FACILITATOR)
    try:
        wait_text(page, "Suggested groups (you can skip this)")
        ask = page.get_by_role("button", name=ASK, exact=True)
        ask.focus()  # then back one stop and on again with the keyboard, as a keyboard user arrives here
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        ring = focused(page)
        assert ring is not None and ring["name"] == ASK, ring
        assert ring is not None and ring["ring"] and not ring["obscured"], ring
        start = received(page)
        page.keyboard.press("Enter")
        settle(page, start)
        first = page.get_by_test_id("stExpander").filter(has_text="Suggested group 1:")
        first.wait_for()
        shown = [line.removeprefix("• ") for line in first.get_by_test_id("stText").all_inner_texts()]
        open_cards = {card.text for card in (*before.waiting, *before.parked)}
        cards = [line for line in shown if line in open_cards]
        assert len(cards) >= 2, shown  # the cards, in their exact words

        violations = axe_violations(page)
        assert not violations, axe_details(violations)
        checks = page_checks(page)
        assert not checks["too_small"] and not checks["draggable"], checks

        name = page.get_by_label("Name for the theme of group 1 (you can leave this for later)", exact=True)
        name.fill(NAME)
        name.press("Enter")
        settle(page)
        start = received(page)
        page.get_by_role("button", name="Make group 1 a new theme", exact=True).click()
        settle(page, start)
        wait_text(page, "A new theme was started with")
        stored = bootstrap.build_repository(fresh_app_server.data_dir).find(Theme)
        made = [theme for theme in stored if theme.name == NAME]
        assert len(made) == 1
        texts = {card.statement_id: card.text for card in (*before.waiting, *before.parked)}
        assert sorted(texts[sid] for sid in made[0].statement_ids) == sorted(cards)
        wait_text(page, NAME)  # the new theme is listed under Themes
    finally:
        page.close()
