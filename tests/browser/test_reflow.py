"""Reflow and text size on the own review (WCAG 1.4.4, 1.4.10): on a 320 px wide screen, and with the
app's own "Very large" text (200 %), nothing scrolls sideways, nothing is cut off at the edge and no
button, box or choice lies on top of another."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from .conftest import RunningApp
from .helpers import (
    answer,
    click,
    follow_link,
    open_own_review,
    pick,
    received,
    reflow,
    settle,
    wait_style,
    wait_text,
)

pytestmark = pytest.mark.browser
Record = Callable[[str, object], None]


def _no_reflow_problems(page: Any, where: str, record: Record) -> None:
    settle(page)
    found = reflow(page)
    size = page.evaluate("() => getComputedStyle(document.documentElement).fontSize")
    record("reflow", f"{where} at {found['width']} px wide, root text {size}: {found}")
    assert found["sideways"] == [], f"{where}: scrolls sideways: {found}"
    assert found["beyond_the_edge"] == [], f"{where}: cut off at the right edge: {found}"
    assert found["overlaps"] == [], f"{where}: controls on top of each other: {found}"


def _very_large_text(page: Any) -> None:
    """Choose "Very large" with the control on the own review's first screen."""
    main = page.get_by_test_id("stMain")
    before = received(page)
    main.get_by_text("Very large", exact=True).click()
    settle(page, before)
    page.wait_for_function("() => getComputedStyle(document.documentElement).fontSize === '32px'")


def _walk_the_review(page: Any, label: str, record: Record) -> None:
    _no_reflow_problems(page, f"{label}: consent", record)
    click(page, "Yes, that is OK")
    wait_text(page, "Question 1 of 3")
    answer(page, "Going to the swimming baths with my support worker on Tuesdays")
    answer(page, "Pancakes")
    _no_reflow_problems(page, f"{label}: question with answers and choices", record)
    pick(page, "Pancakes")
    pick(page, "Going to the swimming baths with my support worker on Tuesdays")
    click(page, "Next")
    wait_text(page, "Question 2 of 3")
    click(page, "I don't want to answer this")
    click(page, "Next")
    wait_text(page, "Question 3 of 3")
    answer(page, "A job in a garden centre")
    click(page, "Next")
    wait_text(page, "Check your answers")
    _no_reflow_problems(page, f"{label}: check", record)


@pytest.mark.parametrize(
    ("width", "very_large"), [(320, False), (1280, True), (320, True)], ids=["320px", "200%", "320px+200%"]
)
def test_the_own_review_reflows(
    browser: Any, app_server: RunningApp, record_property: Record, width: int, very_large: bool
) -> None:
    code = app_server.own_review(f"RF-{width}-{int(very_large)}")
    page = open_own_review(browser, app_server, code, width=width, height=800)
    try:
        wait_text(page, "Can we use your words?")
        if very_large:
            _very_large_text(page)
        _walk_the_review(page, f"{width} px" + (", very large text" if very_large else ""), record_property)
    finally:
        page.close()


def test_very_large_text_is_kept_on_other_pages_and_never_needs_sideways_scrolling(
    browser: Any, app_server: RunningApp, record_property: Record
) -> None:
    page = open_own_review(browser, app_server, app_server.own_review("RF-OTHER"), width=1280, height=800)
    try:
        wait_text(page, "Can we use your words?")
        _very_large_text(page)
        follow_link(page, "Accessibility statement")  # the person's other page
        page.get_by_role("heading", name="Accessibility statement", exact=True).wait_for()
        wait_style(page, "html", "fontSize", "32px")
        found = reflow(page)
        record_property("reflow", f"accessibility statement, very large text at 1280 px wide: {found}")
        assert found["sideways"] == [], found
    finally:
        page.close()
