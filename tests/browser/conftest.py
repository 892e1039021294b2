"""Start the real app on a free local port with a temporary data folder, and a headless Chromium.

The data folder holds the demo project and the demo accounts (admin, reviewer, quality and facilitator,
all with ``TEST_PASSWORD``); ``RunningApp.code`` opens the demo own review, and ``RunningApp.own_review``
makes a fresh own review and a code for it. Browser tests never skip in CI: if Chromium is missing
there, they fail with a plain message.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from benchmarks.local_app import CHROMIUM_ARGS, ROOT, chromium, started_app, wait_healthy

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
        from wtfc_collect import bootstrap
        from wtfc_collect.domain import ReviewMode
        from wtfc_collect.services import access
        from wtfc_collect.services.collect import codes, reviews
        from wtfc_collect.services.prepare.project_setup import list_projects

        now = datetime.now(UTC)
        repo = bootstrap.build_repository(self.data_dir)
        with access.acting_as(access.operator()):
            project = list_projects(repo)[0]  # this year's cycle of the demo (the newest)
            review = reviews.start_review(
                repo,
                project.id,
                person_ref=person,
                review_date=now.date(),
                mode=ReviewMode.SELF,
                details={"team": project.teams[0]} if project.teams else None,
                actor=TESTS_ACTOR,
                now=now,
            )
            _, code = codes.invite(repo, review.id, actor=TESTS_ACTOR, now=now)
        return code


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = chromium()
    if path is None:
        message = "Chromium is not installed: on Debian run  apt-get install chromium  (see README)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@contextmanager
def _running_app(data_dir: Path, settings: dict[str, str] | None = None) -> Iterator[RunningApp]:
    """The app on a free local port with the demo data and accounts in ``data_dir``, until closed.

    It is started with ``python -m wtfc_collect.ui.serve`` (``make run``), which runs app.py for every
    address: a first visit straight to /reviews gets the sign-in screen, then the Reviews page."""
    env = {**os.environ, "WTFC_DATA_DIR": str(data_dir), **(settings or {})}
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
    # The code under test stays what it was at the start: no reloading modules someone is editing.
    with started_app(data_dir, ["--server.fileWatcherType", "none"], settings) as (process, url, _):
        wait_healthy(process, url, 60, every=0.25)
        yield RunningApp(url=url, data_dir=data_dir, code=found.group(1))


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    with _running_app(tmp_path_factory.mktemp("browser-data")) as app:
        yield app


@pytest.fixture
def fresh_app_server(tmp_path: Path) -> Iterator[RunningApp]:
    """An app nobody has visited yet (costs a start of its own: a few seconds)."""
    with _running_app(tmp_path / "data") as app:
        yield app


@pytest.fixture
def short_idle_app(tmp_path: Path) -> Iterator[RunningApp]:
    """An app whose sessions are signed out after six seconds without use."""
    with _running_app(tmp_path / "data", {"WTFC_IDLE_MINUTES": "0.1"}) as app:
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
