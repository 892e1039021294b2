"""Startup figures: the app as `make run` starts it, to its health check and to the first page in a browser.

The app is started as a subprocess on a free local port with a temporary data folder (empty, or filled by
``benchmarks.scale``). The clock starts just before the process is started. The health check is polled
every 20 ms; the first page counts as drawn when a heading is visible in headless Chromium (Debian's
``/usr/bin/chromium`` driven by Playwright, as the browser tests do; Chromium is started before the app, so
its own start is not counted). Without Chromium or Playwright, the first page is timed as the first AppTest
run of app.py in this process instead, and the figures say so.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.local_app import CHROMIUM_ARGS, chromium, started_app, wait_healthy
from benchmarks.scale import build_project
from wtfc_collect import bootstrap

HEADING = "h1"
TIMEOUT_S = 120.0


def _apptest_first_run_s(data_dir: Path) -> float:
    """The first AppTest run of app.py in this process (a stand-in when there is no browser)."""
    from benchmarks.pages import as_administrator, new_app, quiet_streamlit

    quiet_streamlit()
    before = os.environ.get(bootstrap.DATA_DIR_VARIABLE)
    os.environ[bootstrap.DATA_DIR_VARIABLE] = str(data_dir)
    try:
        app = new_app(TIMEOUT_S)
        with as_administrator():
            started = time.perf_counter()
            app.run()
            seconds = time.perf_counter() - started
        if app.exception:
            raise RuntimeError(f"app.py failed in AppTest: {app.exception[0].value}")
        return seconds
    finally:
        if before is None:
            os.environ.pop(bootstrap.DATA_DIR_VARIABLE, None)
        else:
            os.environ[bootstrap.DATA_DIR_VARIABLE] = before


def measure(data_dir: Path, browser: Any | None) -> dict[str, float | str]:
    """One start of the app: seconds to a healthy server and to the first page drawn."""
    with started_app(data_dir) as (process, url, started):
        wait_healthy(process, url, TIMEOUT_S, every=0.02)
        healthy = time.perf_counter() - started
        if browser is None:
            return {"health_s": healthy, "first_page_s": _apptest_first_run_s(data_dir), "method": "apptest"}
        page = browser.new_page()
        try:
            page.goto(url + "/", wait_until="commit", timeout=TIMEOUT_S * 1000)
            page.wait_for_selector(HEADING, state="visible", timeout=TIMEOUT_S * 1000)
            drawn = time.perf_counter() - started
            heading = page.inner_text(HEADING)
        finally:
            page.close()
    return {"health_s": healthy, "first_page_s": drawn, "method": "chromium", "heading": heading}


@contextmanager
def _browser() -> Iterator[Any | None]:
    path = chromium()
    if path is None:
        print("  (no Chromium here: apt-get install chromium; the first page is timed with AppTest instead)")
        yield None
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("  (Playwright is not installed: the first page is timed with AppTest instead)")
        yield None
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def _no_browser() -> Iterator[None]:
    yield None


def run(sizes: tuple[int, ...] = (0,), starts: int = 3, browser: bool = True) -> dict[str, float | str]:
    """Start the app ``starts`` times per store size; print the table; return the medians for size 0
    (``startup_health_s``, ``startup_first_page_s``) and per size. ``browser=False``: AppTest only."""
    figures: dict[str, float | str] = {}
    print(f"\nStartup: python -m wtfc_collect.ui.serve, median of {starts} starts (clock from process start)")
    print(f"{'reviews':>8}{'health s':>10}{'first page s':>14}  measured with")
    with _browser() if browser else _no_browser() as chromium:
        for size in sizes:
            with tempfile.TemporaryDirectory(prefix="wtfc-start-") as name:
                folder = Path(name)
                if size:
                    build_project(bootstrap.build_repository(folder), size)
                runs = [measure(folder, chromium) for _ in range(starts)]
            health = sorted(float(r["health_s"]) for r in runs)[len(runs) // 2]
            first = sorted(float(r["first_page_s"]) for r in runs)[len(runs) // 2]
            method = str(runs[0]["method"])
            how = (f"Chromium (heading {runs[0]['heading']!r} visible)" if method == "chromium"
                   else "AppTest: first run of app.py in this process (no browser)")
            print(f"{size:>8}{health:>10.2f}{first:>14.2f}  {how}")
            figures[f"startup_health_s_{size}"] = health
            figures[f"startup_first_page_s_{size}"] = first
            figures["startup_first_page_method"] = method
    if 0 in sizes:
        figures["startup_health_s"] = figures["startup_health_s_0"]
        figures["startup_first_page_s"] = figures["startup_first_page_s_0"]
    return figures


if __name__ == "__main__":
    run()
