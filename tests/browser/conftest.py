"""Start the real app on a free local port with a temporary data folder, and a headless Chromium.

Browser tests never skip in CI: if Chromium is missing there, they fail with a plain message.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("WTFC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass(frozen=True)
class RunningApp:
    url: str
    data_dir: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app stopped while starting (exit {process.returncode})")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:  # noqa: S310 (loopback)
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError("the app did not answer its health check in time")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        message = "Chromium is not installed: on Debian run  apt-get install chromium  (see README)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))


def _open_the_entry_page(browser: Any, url: str) -> None:
    """Run app.py once before any test: with a ``pages/`` folder next to app.py, Streamlit 1.67 serves
    every page file directly ("v1" pages, without app.py: no sidebar choices, no role-based list) until
    some session has run app.py's ``st.navigation``. A first visit straight to /reviews would get that."""
    page = browser.new_page()
    try:
        page.goto(url + "/", wait_until="domcontentloaded")
        page.wait_for_selector('[data-testid="stSidebarUserContent"] [data-testid="stRadio"]', timeout=60_000)
    finally:
        page.close()


@contextmanager
def _running_app(data_dir: Path) -> Iterator[RunningApp]:
    """``streamlit run app.py`` on a free local port with the demo data in ``data_dir``, until closed."""
    env = {**os.environ, "WTFC_DATA_DIR": str(data_dir)}
    subprocess.run(
        [sys.executable, "-m", "wtfc_collect", "demo", "--reviews", "12"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wtfc_collect.ui.serve",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield RunningApp(url=url, data_dir=data_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[RunningApp]:
    with _running_app(tmp_path_factory.mktemp("browser-data")) as app:
        _open_the_entry_page(browser, app.url)
        yield app


@pytest.fixture
def fresh_app_server(tmp_path: Path) -> Iterator[RunningApp]:
    """An app nobody has visited yet (costs a start of its own: a few seconds)."""
    with _running_app(tmp_path / "data") as app:
        yield app


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
