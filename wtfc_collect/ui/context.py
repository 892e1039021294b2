"""What every page needs: the repository (opened once per data folder), the clock and the actor."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from accessibility.speech import Speech
from wtfc_collect import bootstrap
from wtfc_collect.domain.access import Role, User
from wtfc_collect.services import access
from wtfc_collect.services.collect import reviews
from wtfc_collect.storage.port import Recordings, Repository

PROJECT_KEY = "context.project_id"
USER_KEY = "auth.user"  # the signed-in user of this browser session (set only by ui/sign_in.py)


def user() -> User | None:
    """Who is signed in to this session, if anyone."""
    value = st.session_state.get(USER_KEY)
    return value if isinstance(value, User) else None


def install_identity() -> None:
    """Let the services ask, on every use case, who is using the app: the signed-in user of the session
    whose script (or widget callback) is running. Nobody signed in: the services refuse. app.py calls
    this first thing on every run."""
    access.use_identity(user)


@st.cache_resource(show_spinner=False)
def _repository(store_address: str) -> Repository:
    del store_address  # the cache key: one repository per data file or database
    return bootstrap.build_repository()


def repository() -> Repository:
    """The store: the database of ``$WTFC_DATABASE_URL``, else the file in ``$WTFC_DATA_DIR``. Raises
    StoreError (a plain message) if it cannot be opened; a failure is not kept: the next run tries again."""
    return _repository(bootstrap.store_address())


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
