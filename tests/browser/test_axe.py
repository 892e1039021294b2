"""Every page for every role in a real Chromium: it renders, axe finds no accessibility violations of any
impact, every target is at least 24 × 24 px (or spaced apart), nothing is draggable and no sound starts
by itself. Also the sign-in screen and the accessibility statement before signing in, and what a person
doing their own review sees after opening it with a code (each screen of the own review, with content,
is in test_review_screens.py).

One browser page per role, signed in once, going from page to page with the sidebar's links (each
``goto`` would be a new session, signed out). Each page's axe result is recorded
(``record_property("axe", …)``) and listed at the end of the run, with or without ``-s`` and with
``-n 2`` (see ``pytest_terminal_summary`` in tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wtfc_collect.domain.access import STAFF_ROLES, Role
from wtfc_collect.ui.navigation import OPEN_TO_ALL, VOTE, PageSpec, pages_for

from .conftest import RunningApp
from .helpers import (
    OWN_REVIEW_TITLE,
    SIGN_IN_TITLE,
    axe_details,
    axe_violations,
    follow_link,
    heading,
    open_own_review,
    open_page,
    page_checks,
    sign_in,
    summary_line,
)

pytestmark = pytest.mark.browser
Record = Callable[[str, object], None]
# Administrators first: they have every page.
STAFF = sorted(STAFF_ROLES, key=lambda role: (role is not Role.ADMINISTRATOR, role.value))


def _url_path(spec: PageSpec) -> str:
    """Streamlit's URL for a page file: ``pages/project_setup.py`` -> ``project_setup`` ("" for Home)."""
    return "" if spec.default else spec.path.rsplit("/", 1)[-1].removesuffix(".py")


def _problems(page: Any, where: str, record: Record) -> list[str]:
    """Everything wrong on the screen shown now (none is the aim), after recording axe's result."""
    problems: list[str] = []
    if not heading(page):
        problems.append(f"{where}: the page has an empty main heading")
    violations = axe_violations(page)
    checks = page_checks(page)
    record("axe", summary_line(where, violations, checks))
    if violations:
        problems.append(f"{where}:\n{axe_details(violations)}")
    if checks["too_small"]:
        problems.append(f"{where}: targets under 24 x 24 px: {checks['too_small']}")
    if checks["draggable"]:
        problems.append(f"{where}: something can only be moved by dragging")
    if checks["autoplay"]:
        problems.append(f"{where}: sound must never start by itself")
    return problems


def _listed(page: Any) -> list[str]:
    """The page titles in the sidebar's navigation (without their icons)."""
    return [
        name.strip().splitlines()[-1] for name in page.get_by_test_id("stSidebarNavLink").all_inner_texts()
    ]


def _visit_every_page(
    page: Any, app: RunningApp, role: Role, specs: list[PageSpec], record: Record
) -> list[str]:
    problems: list[str] = []
    for index, spec in enumerate(specs):
        where = f"{role.label}: {spec.path}"
        if index:  # the first is the page signing in lands on, at "/"
            follow_link(page, spec.title)
            path = page.url.split("?")[0].removeprefix(app.url).strip("/")
            if path != _url_path(spec):
                problems.append(f"{where}: the link led to /{path}")
                continue
        problems += _problems(page, where, record)
    return problems


@pytest.mark.parametrize("role", STAFF, ids=[role.value for role in STAFF])
def test_every_page_for_every_staff_role(
    browser: Any, app_server: RunningApp, role: Role, record_property: Record
) -> None:
    specs = [spec for section in pages_for(role).values() for spec in section]
    page = open_page(browser, app_server, width=1280, role=role)
    try:
        assert specs[0].default and heading(page), f"{role.label} did not start on Home"
        problems = _visit_every_page(page, app_server, role, specs, record_property)
        listed = _listed(page)
    finally:
        page.close()
    assert problems == [], "\n\n".join(problems)
    assert listed == [spec.title for spec in specs], f"{role.label}'s navigation lists other pages"


def test_the_own_review_opened_by_code_and_its_pages(
    browser: Any, app_server: RunningApp, record_property: Record
) -> None:
    """The demo own review (only looked at: other tests make their own to change)."""
    specs = [spec for section in pages_for(Role.SELF_REVIEWER).values() for spec in section]
    assert specs[0].path == "pages/self_review.py"
    page = open_own_review(browser, app_server, app_server.code, width=1280)
    try:
        assert heading(page) == OWN_REVIEW_TITLE
        assert "code=" not in page.url, "the code must leave the address once used"
        problems = _visit_every_page(page, app_server, Role.SELF_REVIEWER, specs, record_property)
        listed = _listed(page)
    finally:
        page.close()
    assert problems == [], "\n\n".join(problems)
    assert listed == [spec.title for spec in specs]


@pytest.mark.parametrize(
    "path", ["", "reviews", OPEN_TO_ALL, VOTE], ids=["home", "reviews", OPEN_TO_ALL, VOTE]
)
def test_signed_out(browser: Any, app_server: RunningApp, path: str, record_property: Record) -> None:
    """The sign-in screen (for any page but two), the accessibility statement and the workshop vote's code
    screen, before signing in."""
    page = open_page(browser, app_server, path, width=1280, role=None)
    try:
        if path in (OPEN_TO_ALL, VOTE):
            assert heading(page) != SIGN_IN_TITLE, f"/{path} must open without signing in"
        else:
            assert heading(page) == SIGN_IN_TITLE
        assert _listed(page) == [], "nothing is listed before signing in"
        problems = _problems(page, f"signed out: /{path}", record_property)
    finally:
        page.close()
    assert problems == [], "\n\n".join(problems)


def test_a_first_visit_straight_to_a_page_still_runs_app_py(
    browser: Any, fresh_app_server: RunningApp
) -> None:
    """The launcher makes app.py run for every address, even before anyone has opened the home page."""
    page = open_page(browser, fresh_app_server, "reviews", role=None)
    try:
        assert heading(page) == SIGN_IN_TITLE, "a page opened without signing in"
        sign_in(page, Role.ADMINISTRATOR)
        assert heading(page) == "Reviews"
        assert page.url.split("?")[0].endswith("/reviews")
        sidebar = page.get_by_test_id("stSidebarUserContent")
        assert sidebar.get_by_test_id("stRadio").count() == 1, "no text size choice: app.py did not run"
        names = _listed(page)
        assert names, "no navigation"
        assert not any(name == "app" for name in names), f"pages listed from the folder: {names}"
    finally:
        page.close()


def test_page_title_and_language(browser: Any, app_server: RunningApp) -> None:
    page = open_page(browser, app_server, role=None)
    try:
        assert "WTfC Collect" in page.title()
        assert page.locator("html").get_attribute("lang") == "en"
    finally:
        page.close()
