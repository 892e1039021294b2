"""Sessions in a real browser: an untouched page signs itself out when its time is up, without a click."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.browser.conftest import RunningApp
from tests.browser.helpers import SIGN_IN_TITLE, TIMEOUT, open_page
from wtfc_collect import bootstrap
from wtfc_collect.domain import AuditAction, Review

pytestmark = pytest.mark.browser


def test_an_untouched_page_signs_itself_out_and_hides_the_references(
    browser: Any, short_idle_app: RunningApp
) -> None:
    page = open_page(browser, short_idle_app, "reviews")
    references = [r.person_ref for r in bootstrap.build_repository(short_idle_app.data_dir).find(Review)]
    shown = page.locator("body").inner_text()
    assert any(ref in shown for ref in references), "the Reviews page should list the demo's references"
    started = time.monotonic()
    # Nobody touches the page: it signs itself out once the six seconds are up.
    page.get_by_role("heading", name=SIGN_IN_TITLE, exact=True).wait_for(timeout=TIMEOUT)
    assert time.monotonic() - started < 45
    text = page.locator("body").inner_text()
    assert "not used for" in text
    assert not any(ref in text for ref in references)
    log = bootstrap.build_repository(short_idle_app.data_dir).audit_log()
    assert AuditAction.TIMED_OUT in [e.action for e in log]
    page.close()
