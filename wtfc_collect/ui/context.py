"""What every page needs: the repository (opened once per data folder), the clock and the actor."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from accessibility.speech import Speech
from wtfc_collect import bootstrap
from wtfc_collect.storage.port import Recordings, Repository

PROJECT_KEY = "context.project_id"
LOCAL_ACTOR = "local user"


@st.cache_resource(show_spinner=False)
def _repository(store_file: str) -> Repository:
    del store_file  # the cache key: one repository per data file
    return bootstrap.build_repository()


def repository() -> Repository:
    """The store for ``$WTFC_DATA_DIR``. Raises StoreUnreadable (plain message) if it cannot be read."""
    return _repository(str(bootstrap.store_path()))


@st.cache_resource(show_spinner=False)
def _recordings(folder: str) -> Recordings:
    del folder  # the cache key: one recordings store per data folder
    return bootstrap.build_recordings()


def recordings() -> Recordings:
    """Where voice answers are kept, in the data folder (personal data, like the store)."""
    return _recordings(str(bootstrap.recordings_dir()))


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
    """Who is using the app. Sign-in replaces this with the account name."""
    return LOCAL_ACTOR


def chosen_project_id() -> str | None:
    value = st.session_state.get(PROJECT_KEY)
    return value if isinstance(value, str) else None


def choose_project(project_id: str | None) -> None:
    st.session_state[PROJECT_KEY] = project_id


REVIEW_KEY = "context.review_id"


def chosen_review_id() -> str | None:
    value = st.session_state.get(REVIEW_KEY)
    return value if isinstance(value, str) else None


def choose_review(review_id: str | None) -> None:
    st.session_state[REVIEW_KEY] = review_id
