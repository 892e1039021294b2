"""What every page needs: the repository (opened once per data folder), the clock and the actor."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import streamlit as st

from accessibility.speech import Speech
from accessibility.texts import screen
from wtfc_collect import bootstrap
from wtfc_collect.domain.access import Role, User
from wtfc_collect.services import access
from wtfc_collect.services.admin import accounts
from wtfc_collect.services.collect import codes, reviews
from wtfc_collect.storage.port import Recordings, Repository
from wtfc_collect.storage.shared import one_version_per_run as one_version_per_run  # for app.py
from wtfc_collect.ui import language

PROJECT_KEY = "context.project_id"
USER_KEY = "auth.user"  # the signed-in user of this browser session (set only by ui/sign_in.py)
CHECKED_KEY = "auth.checked"  # (store version, time) when the session's account or code was last checked
NOTICE_KEY = "auth.notice"  # what the sign-in screen says first (signed out, timed out, access ended)
RECHECK = timedelta(seconds=30)  # a code also runs out with time, not only when the store changes
# How the screen looks and the language chosen stay; everything else of the session goes.
KEPT_ON_SIGN_OUT = ("display.", "language.")


def user() -> User | None:
    """Who is signed in to this session, if anyone, with their access as it stands now.

    Their account (or the code they came in with) is checked again whenever the store has changed, and at
    least every half minute: a stopped account or code, or a changed role or team, applies at once — before
    a page is drawn and before any use case runs, since the services ask this on every action.
    """
    value = st.session_state.get(USER_KEY)
    if not isinstance(value, User):
        return None
    repo = repository()
    version, at = repo.version(), now()
    checked = st.session_state.get(CHECKED_KEY)
    if isinstance(checked, tuple) and checked[0] == version and at - checked[1] < RECHECK:
        return value
    if value.role is Role.SELF_REVIEWER:
        fresh = codes.still_open(repo, value, now=at)
    else:
        fresh = accounts.still_signed_in(repo, value)
    if fresh is None:
        accounts.note_sign_out(repo, value, now=at, access_ended=True)
        forget_session(screen("sign_in", language.for_person(value))["access_ended"])
        return None
    st.session_state[USER_KEY] = fresh
    st.session_state[CHECKED_KEY] = (version, at)
    return fresh


def source() -> str:
    """Where this browser or phone connects from, as the server sees it: only ever kept as a keyed label
    that cannot be read back (refused tries are counted per place). Empty with no browser behind the run."""
    try:
        address = st.context.ip_address
    except (AttributeError, RuntimeError):  # no browser behind this run (tests of the screens)
        return ""
    return address or ""


def forget_session(notice: str = "") -> None:
    """Sign the session out and forget everything it held (what was typed, chosen or opened), keeping only
    how the screen looks; ``notice`` is what the sign-in screen then says."""
    for key in list(st.session_state.keys()):
        if not (isinstance(key, str) and key.startswith(KEPT_ON_SIGN_OUT)):
            del st.session_state[key]
    if notice:
        st.session_state[NOTICE_KEY] = notice


def install_identity() -> None:
    """Let the services ask, on every use case, who is using the app: the signed-in user of the session
    whose script (or widget callback) is running. Nobody signed in: the services refuse. app.py calls
    this first thing on every run."""
    access.use_identity(user)


_OPENED: dict[str, Repository] = {}  # one repository per data file or database, for every session
_OPENING = threading.Lock()


def repository() -> Repository:
    """The store: the database of ``$WTFC_DATABASE_URL``, else the file in ``$WTFC_DATA_DIR``. Raises
    StoreError (a plain message) if it cannot be opened; a failure is not kept: the next run tries again.
    A page run asks for it a dozen times, so this is a plain look-up once the store is open."""
    address = bootstrap.store_address()
    found = _OPENED.get(address)
    if found is None:
        with _OPENING:
            found = _OPENED.get(address)
            if found is None:
                found = _OPENED[address] = bootstrap.build_repository()
    return found


@st.cache_resource(show_spinner=False)
def _recordings(address: str) -> Recordings:
    del address  # the cache key: one recordings store per data folder or database
    return bootstrap.build_recordings()


def recordings() -> Recordings:
    """Where voice answers are kept: the shared database, else the data folder (personal data, like the
    store)."""
    return _recordings(bootstrap.recordings_address())


@st.cache_resource(show_spinner=False)
def _speech(data_folder: str) -> Speech:
    del data_folder  # the cache key: one speech service (and sound cache) per data folder
    return bootstrap.build_speech()


def speech() -> Speech:
    """Text to speech for the whole app (engines chosen once; never raises, never hangs)."""
    return _speech(str(bootstrap.data_dir()))


def now() -> datetime:
    return datetime.now(UTC)


def actor() -> str:
    """Who is using the app, for the audit log and "changed by": the account's username."""
    signed_in = user()
    return signed_in.username if signed_in else "nobody"


def chosen_project_id() -> str | None:
    signed_in = user()
    if signed_in is not None and signed_in.project_id is not None:
        return signed_in.project_id
    value = st.session_state.get(PROJECT_KEY)
    return value if isinstance(value, str) else None


def choose_project(project_id: str | None) -> None:
    st.session_state[PROJECT_KEY] = project_id


REVIEW_KEY = "context.review_id"


def chosen_review_id() -> str | None:
    """The review being worked on. A person doing their own review only ever has theirs."""
    signed_in = user()
    if signed_in is not None and signed_in.role is Role.SELF_REVIEWER:
        return signed_in.review_id
    value = st.session_state.get(REVIEW_KEY)
    return value if isinstance(value, str) else None


def choose_review(review_id: str | None) -> None:
    st.session_state[REVIEW_KEY] = review_id


VIEWED_KEY = "context.viewed"


def note_viewed(review_id: str) -> None:
    """Write "opened this review" in the audit log the first time this session opens it."""
    seen = st.session_state.setdefault(VIEWED_KEY, set())
    if review_id not in seen:
        reviews.note_viewed(repository(), review_id, actor=actor(), now=now())
        seen.add(review_id)
