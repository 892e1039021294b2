"""Start the app: ``python -m wtfc_collect.ui.serve [streamlit options]`` (``make run`` uses this).

It is ``streamlit run app.py`` with two differences:

- With a ``pages/`` folder next to app.py, Streamlit starts in its old multipage mode: until some browser
  has opened the home page, a visit straight to a page's address (say ``/reviews``) would run that page
  file without app.py — without the sign-in and the role's list of pages. Turning that mode off before the
  server starts makes app.py run every time. (The services check the role on every action anyway.)
- Every answer the server gives carries headers that keep other sites from showing the app inside a frame
  of theirs (where a hidden frame could catch a click meant for something else), keep browsers from
  guessing file types, and keep the address of a page (which can hold a code) out of the ``Referer`` sent
  to any other site. Streamlit has no setting for this, so a small middleware is added to its own list.
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli
from streamlit.web.server.starlette import starlette_app

APP = Path(__file__).resolve().parents[2] / "app.py"

HEADERS: dict[str, str] = {
    "X-Frame-Options": "SAMEORIGIN",  # older browsers
    "Content-Security-Policy": "frame-ancestors 'self'",  # current browsers: only the app may frame itself
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware: :data:`HEADERS` on every HTTP answer (replacing any of the same name)."""

    def __init__(self, app: Callable[[Message, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        ours = [(name.lower().encode(), value.encode()) for name, value in HEADERS.items()]
        names = {name for name, _ in ours}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if bytes(k).lower() not in names]
                message = {**message, "headers": [*kept, *ours]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def protect() -> None:
    """Put :class:`SecurityHeaders` first in the middleware of every app Streamlit makes (once)."""
    original = starlette_app.create_streamlit_middleware
    if getattr(original, "adds_security_headers", False):
        return

    def create_streamlit_middleware() -> list[Any]:
        from starlette.middleware import Middleware

        return [Middleware(SecurityHeaders), *original()]

    create_streamlit_middleware.adds_security_headers = True  # type: ignore[attr-defined]
    starlette_app.create_streamlit_middleware = create_streamlit_middleware


def main(argv: list[str]) -> None:
    PagesManager.uses_pages_directory = False
    protect()
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
