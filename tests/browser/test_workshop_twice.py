"""The workshop screens in a real Chromium, each action done twice in a row, checking what is stored.

Clearing a widget's key in the session state does not clear what the browser holds: the old ticks (or the
old theme) come back with the next click, and the tool would record dots nobody gave or put a card in a
theme nobody chose. These tests would fail if the screens emptied their widgets that way again. The card
call is also looked at as on a projector: 1920 x 1080 with the text size Large, the card and its buttons
are on the screen without scrolling, and a drop-down's values are as large as the text around them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from wtfc_collect import bootstrap
from wtfc_collect.domain import Question
from wtfc_collect.domain.access import Role
from wtfc_collect.domain.dot_votes import Vote, VoteTarget
from wtfc_collect.domain.theme import Theme
from wtfc_collect.services import access
from wtfc_collect.services.prepare.project_setup import current_project
from wtfc_collect.services.workshop import card_call

from .conftest import RunningApp
from .helpers import click, open_page, received, settle, wait_text

pytestmark = pytest.mark.browser
SAVE = "Save this person's dots"
FU = Question.FUTURE


def _dots(app: RunningApp) -> Counter[str]:
    """Dots stored for each voter on the themes."""
    repo = bootstrap.build_repository(app.data_dir)
    return Counter(
        vote.voter
        for vote in repo.find(Vote)
        if vote.target_kind is VoteTarget.THEME
        for _ in range(vote.dots)
    )


def _boxes(page: Any) -> Any:
    return page.get_by_test_id("stMain").get_by_role("checkbox")


def test_saving_dots_twice_in_a_row_never_gives_the_next_voter_the_same_dots(
    browser: Any, fresh_app_server: RunningApp
) -> None:
    before = _dots(fresh_app_server)
    page = open_page(browser, fresh_app_server, "priorities", role=Role.FACILITATOR)
    try:
        wait_text(page, "Record a person's dots")
        label = str(page.get_by_label("Label for this person", exact=True).input_value())
        boxes = _boxes(page)
        assert boxes.count() >= 3
        for number in range(3):
            start = received(page)
            boxes.nth(number).check(force=True)  # Streamlit draws its own box over the input
            settle(page, start)
        wait_text(page, "Dots used: 3 of 3.")
        click(page, SAVE)
        wait_text(page, f"Dots saved for {label}.")
        after_first = _dots(fresh_app_server)
        assert after_first - before == Counter({label: 3})
        # The next voter's ballot is empty in the browser too.
        wait_text(page, "Dots used: 0 of 3.")
        assert [_boxes(page).nth(i).is_checked() for i in range(_boxes(page).count())] == [
            False
        ] * boxes.count()
        next_label = str(page.get_by_label("Label for this person", exact=True).input_value())
        assert next_label != label
        # Save again at once: no dots for the next voter, nobody else's dots change.
        click(page, SAVE)
        assert _dots(fresh_app_server) == after_first
        assert [_boxes(page).nth(i).is_checked() for i in range(_boxes(page).count())] == [
            False
        ] * boxes.count()
    finally:
        page.close()


def _theme_button(page: Any, name: str) -> Any:
    return page.get_by_test_id("stMain").get_by_role("button", name=re.compile(r"1\. " + re.escape(name)))


def test_a_card_put_in_a_theme_twice_in_a_row_on_a_projector(
    browser: Any, fresh_app_server: RunningApp
) -> None:
    repo = bootstrap.build_repository(fresh_app_server.data_dir)
    with access.acting_as(access.operator()):
        project = current_project(repo)
        assert project is not None
        view = card_call.card_call(repo, project.id, FU)
    assert len(view.waiting) >= 2 and view.themes, "the demo leaves cards of 'the future' to place"
    page = open_page(browser, fresh_app_server, "card_call", 1920, 1080, role=Role.FACILITATOR)
    try:
        sidebar = page.get_by_test_id("stSidebar")
        start = received(page)
        sidebar.get_by_text("Large", exact=True).click()
        settle(page, start)
        page.wait_for_function("() => getComputedStyle(document.documentElement).fontSize === '24px'")
        main = page.get_by_test_id("stMain")
        if not main.get_by_role("radio", name=FU.label, exact=True).is_checked():  # it may start there
            start = received(page)
            main.get_by_text(FU.label, exact=True).click()
            settle(page, start)
        wait_text(page, "The card to read out")

        # On a projector the card, a theme to press, Park and Undo are all on the screen without scrolling.
        theme = view.themes[0].theme
        assert theme.name
        page.evaluate("() => window.scrollTo(0, 0)")
        for part in (
            page.locator(".st-key-card_call_current"),
            _theme_button(page, theme.name),
            page.get_by_role("button", name=re.compile("Park it for now")),
            page.get_by_role("button", name=re.compile("Undo the last move")),
        ):
            box = part.first.bounding_box()
            assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 1080, box

        placed: list[str] = []
        for _ in range(2):  # the same press twice in a row, each on the card then shown
            with access.acting_as(access.operator()):
                current = card_call.card_call(repo, project.id, FU).current
            assert current is not None
            page.get_by_text(current.text, exact=True).first.wait_for()
            start = received(page)
            _theme_button(page, theme.name).click()
            settle(page, start)
            placed.append(current.statement_id)
            assert not page.get_by_test_id("stAlertContentError").count(), page.get_by_test_id(
                "stAlertContentError"
            ).all_inner_texts()
        stored = bootstrap.build_repository(fresh_app_server.data_dir).get(Theme, theme.id)
        assert stored is not None and all(sid in stored.statement_ids for sid in placed)
        with access.acting_as(access.operator()):
            after = card_call.card_call(repo, project.id, FU)
        assert after.placed == view.placed + 2

        # A drop-down's values follow the text size too (Large: 1.5 times the normal 14 px).
        choice = page.get_by_test_id("stMain").get_by_test_id("stSelectbox").first
        choice.scroll_into_view_if_needed()
        choice.locator("input").first.click()
        option = page.get_by_role("option").first
        option.wait_for()
        assert float(option.evaluate("(n) => parseFloat(getComputedStyle(n).fontSize)")) >= 21
    finally:
        page.close()
