"""Every page in a real Chromium: it renders, and axe finds no accessibility violations of any impact."""

from __future__ import annotations

from typing import Any

import pytest

from wtfc_collect.ui.navigation import PAGES

from .conftest import RunningApp

pytestmark = pytest.mark.browser


def _url_path(spec_path: str) -> str:
    """Streamlit's URL for a page file: ``pages/project_setup.py`` -> ``project_setup``."""
    return spec_path.rsplit("/", 1)[-1].removesuffix(".py")


def _open(browser: Any, app: RunningApp, spec_path: str, default: bool) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(app.url + ("/" if default else "/" + _url_path(spec_path)), wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=30_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # let the last script run finish drawing
    return page


@pytest.mark.parametrize("spec", PAGES, ids=[p.path for p in PAGES])
def test_page_has_no_axe_violations(browser: Any, app_server: RunningApp, spec: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = _open(browser, app_server, spec.path, spec.default)
    try:
        heading = page.locator("h1").first.inner_text()
        assert heading.strip(), "the page has an empty main heading"
        results = Axe().run(page)
        violations = results.response["violations"]
        summary = [f"{v['id']} ({v['impact']}): {len(v['nodes'])} element(s)" for v in violations]
        print(f"axe {spec.path}: {len(violations)} violation(s) {summary}")
        assert violations == [], "\n".join(
            f"{v['id']} [{v['impact']}] {v['help']}: " + "; ".join(n["target"][0] for n in v["nodes"][:5])
            for v in violations
        )
    finally:
        page.close()


def test_page_title_and_language(browser: Any, app_server: RunningApp) -> None:
    page = _open(browser, app_server, PAGES[0].path, True)
    try:
        assert "WTfC Collect" in page.title()
        assert page.locator("html").get_attribute("lang")
    finally:
        page.close()
