"""The own review starts with the sidebar closed (on a tablet it takes a third of the screen and repeats
the review's own choices); closed, none of its links takes keyboard focus; staff pages start with it open."""

from __future__ import annotations

from typing import Any

import pytest

from wtfc_collect.domain.access import Role

from .conftest import RunningApp
from .helpers import open_own_review, open_page

pytestmark = pytest.mark.browser
SIDEBAR = """() => { const s = document.querySelector('[data-testid="stSidebar"]');
  return [s.getAttribute('data-collapsed'), getComputedStyle(s).visibility]; }"""


def test_the_own_review_starts_with_the_sidebar_closed_and_out_of_the_tab_order(
    browser: Any, app_server: RunningApp
) -> None:
    page = open_own_review(browser, app_server, app_server.own_review("SB-0001"), width=1024, height=768)
    try:
        assert page.evaluate(SIDEBAR) == ["true", "hidden"]
        page.get_by_test_id("stExpandSidebarButton").click()  # the person can still open it
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stSidebar\"]')"
            ".getAttribute('data-collapsed') === 'false'"
        )
        assert page.evaluate(SIDEBAR) == ["false", "visible"]
    finally:
        page.close()


def test_staff_pages_start_with_the_sidebar_open(browser: Any, app_server: RunningApp) -> None:
    page = open_page(browser, app_server, "reviews", role=Role.REVIEWER)
    try:
        assert page.evaluate(SIDEBAR) == ["false", "visible"]
    finally:
        page.close()
