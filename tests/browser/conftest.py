"""Start the real app on a free local port with a temporary data folder, and a headless Chromium.

The data folder holds the demo project and the demo accounts (admin, reviewer, quality and facilitator,
all with ``TEST_PASSWORD``); ``RunningApp.code`` opens the demo own review, and ``RunningApp.own_review``
makes a fresh own review and a code for it. Browser tests never skip in CI: if Chromium is missing
there, they fail with a plain message.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
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


TEST_PASSWORD = "browser tests only"  # noqa: S105 (the demo accounts of a throw-away data folder)
DEMO_CODE = re.compile(r"Code for a demo own review \(person [^)]+\): (\S+)")
TESTS_ACTOR = "browser tests"


@dataclass(frozen=True)
class RunningApp:
    url: str
    data_dir: Path
    code: str  # opens the demo own review (person DEMO-OWN-1): only look at it, never send it

    def own_review(self, person: str) -> str:
        """A new own review for ``person`` in the demo project (in its first team, so the demo reviewer
        sees it too) and a code that opens it. Each test that changes an own review makes its own,
        with a person reference no other test uses."""
        from wtfc_collect import bootstrap, services
        from wtfc_collect.domain import ReviewMode
        from wtfc_collect.services import access, invitations

        now = datetime.now(UTC)
        repo = bootstrap.build_repository(self.data_dir)
        with access.acting_as(access.operator()):
            (project,) = services.list_projects(repo)
            review = services.start_review(
                repo,
                project.id,
                person_ref=person,
                review_date=now.date(),
                mode=ReviewMode.SELF,
                details={"team": project.teams[0]} if project.teams else None,
                actor=TESTS_ACTOR,
                now=now,
            )
            _, code = invitations.invite(repo, review.id, actor=TESTS_ACTOR, now=now)
        return code


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


@contextmanager
def _running_app(data_dir: Path) -> Iterator[RunningApp]:
    """The app on a free local port with the demo data and accounts in ``data_dir``, until closed.

    It is started with ``python -m wtfc_collect.ui.serve`` (``make run``), which runs app.py for every
    address: a first visit straight to /reviews gets the sign-in screen, then the Reviews page."""
    env = {**os.environ, "WTFC_DATA_DIR": str(data_dir)}
    demo = subprocess.run(
        [sys.executable, "-m", "wtfc_collect", "demo", "--reviews", "12", "--password", TEST_PASSWORD],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = DEMO_CODE.search(demo.stdout)
    if found is None:
        raise RuntimeError(f"the demo command printed no code for the demo own review: {demo.stdout!r}")
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
            # The code under test stays what it was at the start: no reloading modules someone is editing.
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield RunningApp(url=url, data_dir=data_dir, code=found.group(1))
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    with _running_app(tmp_path_factory.mktemp("browser-data")) as app:
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
