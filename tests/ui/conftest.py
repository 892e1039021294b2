"""UI tests: the services see the user signed in to the AppTest session, as in the running app.

Every AppTest starts signed in as an administrator, so page tests need no sign-in steps; tests of
roles and of signing in set ``auth.user`` themselves (or remove it). Set-up code outside a script run
(making a project before a page opens) acts as the test administrator.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.testing.v1 import AppTest

from tests.conftest import TEST_ADMIN
from tests.sessions import signed_in_as
from wtfc_collect.domain.access import Role, User
from wtfc_collect.services import access
from wtfc_collect.storage.port import StoreError
from wtfc_collect.ui import context

UI_ADMIN_USERNAME = "ui-admin"


class _Running:
    script = False  # True while an AppTest run is going (its script runs in a thread of its own)


_running = _Running()


def _session_or_test_admin() -> User | None:
    if getattr(_running, "script", False) and get_script_run_ctx(suppress_warning=True) is not None:
        return context.user()
    return TEST_ADMIN


@pytest.fixture(autouse=True)
def as_administrator(monkeypatch: pytest.MonkeyPatch) -> Iterator[User]:
    """Overrides the suite-wide fixture: inside a page, the session's own user counts."""
    original = AppTest.from_file.__func__  # type: ignore[attr-defined]

    def from_file(cls: type[AppTest], *args: Any, **kwargs: Any) -> AppTest:
        at: AppTest = original(cls, *args, **kwargs)
        try:
            user = signed_in_as(Role.ADMINISTRATOR, username=UI_ADMIN_USERNAME)
        except StoreError:  # a test of a store that cannot be opened: the app says so before any sign-in
            user = User(username=UI_ADMIN_USERNAME, role=Role.ADMINISTRATOR)
        at.session_state[context.USER_KEY] = user
        return at

    monkeypatch.setattr(AppTest, "from_file", classmethod(from_file))
    original_run = AppTest._run

    def run(self: AppTest, *args: Any, **kwargs: Any) -> AppTest:
        _running.script = True
        try:
            return original_run(self, *args, **kwargs)
        finally:
            _running.script = False

    monkeypatch.setattr(AppTest, "_run", run)
    # As the app's launcher does (wtfc_collect/ui/serve.py): app.py runs on every page, never a page file
    # alone. AppTest turns on the old pages-folder mode before each run, which would skip app.py.
    original_init = PagesManager.__init__

    def init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
    # app.py installs the session's user as the identity; here the same, plus the set-up code's admin.
    monkeypatch.setattr(context, "install_identity", lambda: None)
    access.use_identity(_session_or_test_admin)
    yield TEST_ADMIN
    access.use_identity(lambda: TEST_ADMIN)
