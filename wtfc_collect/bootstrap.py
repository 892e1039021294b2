"""The one place that picks real adapters. Nothing happens at import time: call the functions."""

from __future__ import annotations

import os
from pathlib import Path

from wtfc_collect.storage.port import Repository

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
