"""Two app servers on one PostgreSQL database behind Caddy with the shipped deploy/Caddyfile, as a council
would run them: each browser stays on one server (its cookie), and what one server saves — a voice answer
too — the other shows and plays."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

import pytest

from benchmarks.local_app import ROOT, free_port, healthy, started_app, wait_healthy
from benchmarks.local_postgres import Cluster
from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, VoiceAnswer, VoiceStatus
from wtfc_collect.domain.access import Role
from wtfc_collect.storage import postgres_connect

from .conftest import DEMO_CODE, TEST_PASSWORD, RunningApp
from .helpers import (
    OWN_REVIEW_TITLE,
    RUN_WATCH,
    TIMEOUT,
    click,
    follow_link,
    received,
    settle,
    sign_in,
    wait_text,
)
from .test_voice_answers import _record, microphone_browser  # noqa: F401 (a fixture used below)

pytestmark = pytest.mark.browser
CADDYFILE = ROOT / "deploy" / "Caddyfile"
COOKIE = "wtfc_server"


@dataclass(frozen=True)
class Council:
    url: str  # the balancer: the one address everyone uses
    servers: tuple[str, ...]  # the app servers' host:port, as Caddy dials them
    secret: str
    database: str
    app: RunningApp  # for the helpers: the balancer's address, and the demo's own-review code

    def cookie_for(self, server: str) -> str:
        """The cookie value that sends a browser to ``server``: Caddy's keyed hash of its address."""
        return hmac.new(self.secret.encode(), server.encode(), hashlib.sha256).hexdigest()


def _caddy() -> str:
    found = shutil.which("caddy")
    if found is None:
        pytest.fail("Caddy is not installed: on Debian run  apt-get install caddy  (make test does this).")
    return found


@pytest.fixture(scope="module")
def council(postgres_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Council]:
    database = postgres_cluster.create_database("council")
    folder = tmp_path_factory.mktemp("council")
    with pytest.MonkeyPatch.context() as env:
        env.setenv(bootstrap.DATABASE_URL_VARIABLE, database)
        demo = subprocess.run(
            [sys.executable, "-m", "wtfc_collect", "demo", "--reviews", "8", "--no-workshop",
             "--password", TEST_PASSWORD],
            cwd=ROOT, env={**os.environ, "WTFC_DATA_DIR": str(folder / "cli")}, check=True,
            capture_output=True, text=True, timeout=180,
        )
        found = DEMO_CODE.search(demo.stdout)
        assert found, demo.stdout
        options = ["--server.fileWatcherType", "none"]
        with started_app(folder / "server-1", options) as (one, url_one, _), started_app(
            folder / "server-2", options
        ) as (two, url_two, _):
            wait_healthy(one, url_one, 60, every=0.25)
            wait_healthy(two, url_two, 60, every=0.25)
            servers = tuple(url.removeprefix("http://") for url in (url_one, url_two))
            secret = secrets.token_hex(16)
            port = free_port()
            caddy_home = folder / "caddy"
            caddy_home.mkdir()
            caddy = subprocess.Popen(
                [_caddy(), "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
                cwd=caddy_home,
                env={
                    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                    "HOME": str(caddy_home),
                    "XDG_DATA_HOME": str(caddy_home),
                    "XDG_CONFIG_HOME": str(caddy_home),
                    "WTFC_SITE": f"http://127.0.0.1:{port}",
                    "WTFC_APP_SERVERS": " ".join(servers),
                    "WTFC_STICKY_SECRET": secret,
                    "WTFC_CADDY_ADMIN": "off",
                },
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            url = f"http://127.0.0.1:{port}"
            try:
                deadline = time.monotonic() + 30
                while not healthy(url):
                    assert caddy.poll() is None, caddy.stderr.read().decode() if caddy.stderr else ""
                    assert time.monotonic() < deadline, "Caddy did not pass requests on in time"
                    time.sleep(0.2)
                yield Council(url, servers, secret, database, RunningApp(url, folder / "cli", found.group(1)))
            finally:
                caddy.terminate()
                caddy.wait(10)
    postgres_connect.close_all()


def _set_cookie(url: str, cookie: str | None = None) -> str | None:
    """The balancer's sticky cookie in the answer to a first visit (None when it sets none)."""
    headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie else {}
    request = urllib.request.Request(url + "/", headers=headers)  # noqa: S310 (loopback)
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 (loopback)
        for header in answer.headers.get_all("Set-Cookie") or []:
            parsed = SimpleCookie(header)
            if COOKIE in parsed:
                return parsed[COOKIE].value
    return None


def test_each_new_browser_is_given_one_of_the_servers_and_then_stays_there(council: Council) -> None:
    given = {_set_cookie(council.url) for _ in range(24)}
    assert given == {council.cookie_for(server) for server in council.servers}  # both used, by their hash
    assert all(server.split(":")[0] not in str(given) for server in council.servers)  # no address shown
    for server in council.servers:
        assert _set_cookie(council.url, council.cookie_for(server)) is None  # kept: not given again


def _pinned(browser: Any, council: Council, server: str, **options: Any) -> Any:
    """A browser (context) whose sticky cookie names ``server``, as if the balancer had chosen it."""
    context = browser.new_context(viewport={"width": 1024, "height": 900}, **options)
    context.add_cookies([{"name": COOKIE, "value": council.cookie_for(server), "url": council.url}])
    context.add_init_script(RUN_WATCH)
    context.set_default_timeout(TIMEOUT)
    return context


def _source(player: Any) -> str:
    """The full address an audio player plays from (once it has one)."""
    player.page.wait_for_function("(audio) => !!audio.src", arg=player.element_handle())
    source = str(player.evaluate("(audio) => audio.src"))
    assert source.startswith("http://127.0.0.1:"), source
    return source


def _status(context: Any, url: str) -> int:
    return int(context.request.get(url).status)


def test_a_voice_answer_said_on_one_server_is_played_and_written_down_on_the_other(
    council: Council,
    browser: Any,
    microphone_browser: Any,  # noqa: F811 (the fixture imported above)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = council.servers
    monkeypatch.setenv(bootstrap.DATABASE_URL_VARIABLE, council.database)  # for the test's own set-up
    code = council.app.own_review("SRV-0001")
    person = _pinned(microphone_browser, council, first, permissions=["microphone"])
    page = person.new_page()
    page.goto(f"{council.url}/?code={code}", wait_until="domcontentloaded")
    page.get_by_role("heading", name=OWN_REVIEW_TITLE, exact=True).wait_for()
    settle(page)
    _record(page)  # said out loud through the balancer: the upload went to the person's own server
    player = page.get_by_test_id("stAudio").first  # the kept recording (not the recorder's own)
    player.wait_for(state="attached")
    sound = _source(player)
    assert _status(person, sound) == 200
    elsewhere = _pinned(browser, council, second)
    assert _status(elsewhere, sound) == 404  # each server keeps its sessions' sound: hence the cookie

    reviewer = elsewhere.new_page()
    reviewer.goto(f"{council.url}/voice_answers", wait_until="domcontentloaded")
    reviewer.wait_for_selector("h1")
    settle(reviewer)
    sign_in(reviewer, Role.REVIEWER)
    wait_text(reviewer, "SRV-0001 · What is working?")
    played = reviewer.get_by_test_id("stAudio").first
    played.wait_for(state="attached")
    assert _status(elsewhere, _source(played)) == 200  # from the database
    box = reviewer.get_by_label("What the person said, in their own words")
    settle(reviewer)
    before = received(reviewer)
    box.fill("Going to the pub quiz")
    box.press("Tab")
    settle(reviewer, before)
    click(reviewer, "Add to the review")
    wait_text(reviewer, "Added to the review of SRV-0001.")

    repo = bootstrap.open_store(council.database)[0]
    (review,) = [r for r in repo.find(Review) if r.person_ref == "SRV-0001"]
    (answer,) = repo.find(VoiceAnswer, review_id=review.id)
    assert answer.status is VoiceStatus.WRITTEN_DOWN
    assert [s.text for s in review.statements_for(Question.WORKING)] == ["Going to the pub quiz"]

    follow_link(reviewer, "Reviews")  # the other server lists the person's review (a cell of its table)
    reviewer.locator("td", has_text="SRV-0001").first.wait_for(state="attached")
    person.close()
    elsewhere.close()
