"""The one place that picks real adapters. Nothing happens at import time: call the functions."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from wtfc_collect.storage.port import Recordings, Repository

if TYPE_CHECKING:
    from accessibility.speech import Speech

DATA_DIR_VARIABLE = "WTFC_DATA_DIR"
STORE_FILE = "wtfc.json"


def data_dir() -> Path:
    """Where all data lives: ``$WTFC_DATA_DIR``, or ``./data`` when it is not set."""
    return Path(os.environ.get(DATA_DIR_VARIABLE) or "data").expanduser().resolve()


def store_path(directory: Path | None = None) -> Path:
    return (directory or data_dir()) / STORE_FILE


def backup_dir(directory: Path | None = None) -> Path:
    return (directory or data_dir()) / "backups"


DATABASE_URL_VARIABLE = "WTFC_DATABASE_URL"
DATABASE_POOL_VARIABLE = "WTFC_DATABASE_POOL"


def database_url() -> str | None:
    """The shared database's address (``$WTFC_DATABASE_URL``), or None for the file in the data folder."""
    return os.environ.get(DATABASE_URL_VARIABLE, "").strip() or None


def _pool_size() -> int:
    """Connections each app server may open (``$WTFC_DATABASE_POOL``, default 10)."""
    from wtfc_collect.storage.port import StoreError
    from wtfc_collect.storage.postgres_connect import DEFAULT_POOL

    text = os.environ.get(DATABASE_POOL_VARIABLE, "").strip()
    if not text:
        return DEFAULT_POOL
    if not text.isdigit() or not 1 <= int(text) <= 1000:
        raise StoreError(f"{DATABASE_POOL_VARIABLE} must be a whole number from 1 to 1000 (connections).")
    return int(text)


def store_address(directory: Path | None = None) -> str:
    """Which store is in use, for keeping one open per process: the database address, or the file's path."""
    return database_url() or str(store_path(directory))


def build_repository(directory: Path | None = None) -> Repository:
    """Open the store: the shared PostgreSQL database when ``$WTFC_DATABASE_URL`` is set, else the
    embedded store (a TinyDB file in the data directory), creating it if needed.

    Raises ``StoreError`` (with a plain message, never the database password) if the database cannot be
    reached, or ``StoreUnreadable`` if the file exists but cannot be read.
    """
    url = database_url()
    if url is not None:
        return open_store(url)[0]
    from wtfc_collect.storage.tinydb_store import TinyDBRepository

    return TinyDBRepository(store_path(directory))


def describe_address(address: str | Path) -> str:
    """A store's address safe to show or log: a database without its password, or the folder."""
    from wtfc_collect.storage.postgres_connect import describe, is_database_url

    if is_database_url(str(address)):
        return describe(str(address))
    return str(Path(address).expanduser().resolve())


def open_store(address: str | Path) -> tuple[Repository, Recordings]:
    """The records and the voice recordings of a store named by ``address``: a ``postgresql://`` address,
    or a data folder (its ``wtfc.json`` and ``recordings/``). For copying a whole store to another."""
    from wtfc_collect.storage.postgres_connect import is_database_url

    if is_database_url(str(address)):
        from wtfc_collect.storage.postgres import PostgresRepository
        from wtfc_collect.storage.postgres_recordings import PostgresRecordings

        size = _pool_size()
        url = str(address)
        return PostgresRepository(url, pool_size=size), PostgresRecordings(url, pool_size=size)
    from wtfc_collect.storage.recordings import FileRecordings
    from wtfc_collect.storage.tinydb_store import TinyDBRepository

    folder = Path(address).expanduser().resolve()
    return TinyDBRepository(store_path(folder)), FileRecordings(recordings_dir(folder))


RECORDINGS_FOLDER = "recordings"


def recordings_dir(directory: Path | None = None) -> Path:
    return (directory or data_dir()) / RECORDINGS_FOLDER


def build_recordings(directory: Path | None = None) -> Recordings:
    """Where voice answers are kept: in the shared database when ``$WTFC_DATABASE_URL`` is set (so every
    app server can play them), else ``<data>/recordings/<review id>/``, private to this account."""
    url = database_url()
    if url is not None:
        return open_store(url)[1]
    from wtfc_collect.storage.recordings import FileRecordings

    return FileRecordings(recordings_dir(directory))


def recordings_address(directory: Path | None = None) -> str:
    """Which recordings store is in use (the database address, or the folder), for one per process."""
    return database_url() or str(recordings_dir(directory))


ONLINE_SPEECH_VARIABLE = "WTFC_ONLINE_SPEECH"
SPEECH_ORDER_VARIABLE = "WTFC_SPEECH_ORDER"


def build_speech(directory: Path | None = None) -> Speech:
    """Text to speech with the real engines, clips of the tool's prompts cached in ``<data>/audio-cache``.

    ``$WTFC_SPEECH_ORDER`` (default ``cache,gtts,espeak``) sets the order; the online engine (gTTS) is
    used only when ``$WTFC_ONLINE_SPEECH=1``, and then only for the tool's own prompts.
    """
    from accessibility.speech import speech_from_settings

    allow_online = os.environ.get(ONLINE_SPEECH_VARIABLE, "").strip() == "1"
    return speech_from_settings(
        os.environ.get(SPEECH_ORDER_VARIABLE), allow_online=allow_online, data_dir=directory or data_dir()
    )
