"""Refused tries (wrong passwords, wrong codes) for the file store, kept in a small SQLite file beside it.

Counting a refused try must be cheap and must not rewrite the data file: each try is one row inserted in
``<data file>.attempts.sqlite``. SQLite makes it safe for several threads and processes at once, and the
counts survive a restart. Keys are opaque labels made by the caller (keyed hashes), never typed text.
Tries older than ``KEEP`` are dropped as new ones come in.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

KEEP = timedelta(days=2)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (key TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS attempts_by_key ON attempts (key, at);
"""


def _text(moment: datetime) -> str:
    """A UTC time as fixed-width ISO text, so text order is time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


class AttemptLog:
    """Refused tries in a SQLite file (one connection per thread, created on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(_SCHEMA)
            self.path.chmod(0o600)
            self._local.connection = connection
        return connection

    def note(self, key: str, at: datetime) -> None:
        db = self._connection()
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM attempts WHERE at < ?", (_text(at - KEEP),))
            db.execute("INSERT INTO attempts (key, at) VALUES (?, ?)", (key, _text(at)))

    def since(self, key: str, since: datetime) -> list[datetime]:
        rows = self._connection().execute(
            "SELECT at FROM attempts WHERE key = ? AND at >= ? ORDER BY at", (key, _text(since))
        )
        return [datetime.fromisoformat(at).replace(tzinfo=UTC) for (at,) in rows]

    def forget(self, key: str) -> None:
        self._connection().execute("DELETE FROM attempts WHERE key = ?", (key,))
