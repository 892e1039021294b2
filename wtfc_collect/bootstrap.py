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


def build_repository(directory: Path | None = None) -> Repository:
    """Open the embedded store (a TinyDB file in the data directory), creating it if needed.

    Raises ``StoreUnreadable`` (with a plain message) if the file exists but cannot be read.
    """
    from wtfc_collect.storage.tinydb_store import TinyDBRepository

    return TinyDBRepository(store_path(directory))


RECORDINGS_FOLDER = "recordings"


def recordings_dir(directory: Path | None = None) -> Path:
    return (directory or data_dir()) / RECORDINGS_FOLDER


def build_recordings(directory: Path | None = None) -> Recordings:
    """Where voice answers are kept: ``<data>/recordings/<review id>/``, private to this account."""
    from wtfc_collect.storage.recordings import FileRecordings

    return FileRecordings(recordings_dir(directory))


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
