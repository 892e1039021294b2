"""Import and export reviews in a real Chromium: a review form chosen from the computer is previewed line by
line (what was read, what was left out and why) before anything is saved, and that screen passes axe with
no violations of any impact and targets of 24 × 24 px or more."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.form_corpus import RAY_ROWS
from wtfc_collect import bootstrap
from wtfc_collect.domain import Review
from wtfc_collect.domain.access import Role

from .conftest import RunningApp
from .helpers import (
    TIMEOUT,
    axe_details,
    axe_violations,
    follow_link,
    open_page,
    page_checks,
    received,
    settle,
    summary_line,
)

pytestmark = pytest.mark.browser
Record = Callable[[str, object], None]


def test_a_review_form_is_previewed_before_import_and_the_screen_passes_axe(
    browser: Any, app_server: RunningApp, tmp_path: Path, record_property: Record
) -> None:
    form = tmp_path / "RB-0101 review.docx"
    form.write_bytes(RAY_ROWS.source)
    before = len(bootstrap.build_repository(app_server.data_dir).find(Review))
    page = open_page(browser, app_server, width=1280, role=Role.QUALITY_LEAD)
    try:
        follow_link(page, "Import and export reviews")
        sent = received(page)
        page.locator("input[type=file]").set_input_files(str(form))
        page.get_by_role("heading", name="What was read", exact=True).wait_for(timeout=TIMEOUT)
        settle(page, sent)
        page.get_by_role("heading", name="Lines left out, and why", exact=True).wait_for(timeout=TIMEOUT)
        assert page.get_by_text("Ready to import 1 review with 10 statements", exact=False).count() == 1
        assert page.get_by_role("button", name="Import these reviews", exact=True).is_visible()
        violations = axe_violations(page)
        checks = page_checks(page)
    finally:
        page.close()
    record_property("axe", summary_line("Quality lead: import preview of a review form", violations, checks))
    assert violations == [], axe_details(violations)
    assert checks["too_small"] == [], checks["too_small"]
    assert len(bootstrap.build_repository(app_server.data_dir).find(Review)) == before  # nothing saved yet
