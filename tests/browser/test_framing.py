"""Another site cannot show the app inside a frame of its own (where a hidden frame could catch a click
meant for something else), in a real browser: the launcher's headers, not a setting of Streamlit's."""

from __future__ import annotations

import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from wtfc_collect.ui.serve import HEADERS

from .conftest import RunningApp
from .helpers import new_page

pytestmark = pytest.mark.browser


def _site(app_url: str) -> type[BaseHTTPRequestHandler]:
    pages = {
        "/": f'<!doctype html><html lang="en"><title>Other site</title><h1>Other site</h1>'
        f'<iframe id="app" title="app" src="{app_url}/" width="900" height="600"></iframe>'
        f'<iframe id="own" title="own" src="/own" width="300" height="100"></iframe></html>',
        "/own": '<!doctype html><html lang="en"><title>Own</title><h1>A page of its own</h1></html>',
    }

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            """Nothing written to the test's output for each request."""

    return Site


@pytest.fixture
def other_site(app_server: RunningApp) -> Iterator[str]:
    """A web site on another port (so another origin) with two frames: the app, and a page of its own."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _site(app_server.url))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_every_answer_says_who_may_frame_it(app_server: RunningApp) -> None:
    for path in ("/", "/reviews", "/_stcore/health", "/no-such-page"):
        with urllib.request.urlopen(app_server.url + path, timeout=30) as answer:  # noqa: S310 (local)
            for name, value in HEADERS.items():
                assert answer.headers[name] == value, (path, name)


def test_another_site_shows_its_own_frame_but_not_the_app(browser: Any, other_site: str) -> None:
    page = new_page(browser)
    try:
        page.goto(other_site, wait_until="load")
        own = page.frame_locator("#own")
        own.get_by_role("heading", name="A page of its own").wait_for()  # frames work in this browser
        page.wait_for_timeout(3000)  # time enough for the app to draw, had it been allowed
        (app_frame,) = [f for f in page.frames if f.name == "app"]
        assert app_frame.url.startswith("chrome-error://"), app_frame.url  # refused by the browser
    finally:
        page.close()
