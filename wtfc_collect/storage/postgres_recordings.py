"""Voice answers in the shared database (``wtfc_recordings``), so every app server can play them.

Each recording is one row, written by one statement: whole or not at all. Deleting a review deletes its
recordings too (a trigger in the database), so erasing a person can never leave their voice behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .postgres_connect import DEFAULT_POOL, Database, open_database
from .recordings import check_id

if TYPE_CHECKING:
    from .port import Recordings


class PostgresRecordings:
    """The recordings port on PostgreSQL, sharing the repository's pool of connections."""

    def __init__(self, url: str, *, pool_size: int = DEFAULT_POOL) -> None:
        self._db: Database = open_database(url, pool_size)

    def __repr__(self) -> str:
        return f"PostgresRecordings({self._db.where!r})"

    def put(self, review_id: str, recording_id: str, data: bytes) -> None:
        check_id(review_id, "review id")
        check_id(recording_id, "recording id")
        with self._db.connection(writing=True) as db:
            db.execute(
                "INSERT INTO wtfc_recordings (review_id, recording_id, data) VALUES (%s, %s, %s) "
                "ON CONFLICT (review_id, recording_id) DO UPDATE SET data = EXCLUDED.data",
                [review_id, recording_id, bytes(data)],
            )

    def get(self, review_id: str, recording_id: str) -> bytes | None:
        check_id(review_id, "review id")
        check_id(recording_id, "recording id")
        with self._db.connection(writing=False) as db:
            row = db.execute(
                "SELECT data FROM wtfc_recordings WHERE review_id = %s AND recording_id = %s",
                [review_id, recording_id],
            ).fetchone()
        return None if row is None else bytes(row[0])

    def delete(self, review_id: str, recording_id: str) -> bool:
        check_id(review_id, "review id")
        check_id(recording_id, "recording id")
        with self._db.connection(writing=True) as db:
            done = db.execute(
                "DELETE FROM wtfc_recordings WHERE review_id = %s AND recording_id = %s",
                [review_id, recording_id],
            )
        return done.rowcount > 0

    def delete_review(self, review_id: str) -> int:
        check_id(review_id, "review id")
        with self._db.connection(writing=True) as db:
            done = db.execute("DELETE FROM wtfc_recordings WHERE review_id = %s", [review_id])
        return max(done.rowcount, 0)

    def ids(self) -> list[tuple[str, str]]:
        with self._db.connection(writing=False) as db:
            rows = db.execute(
                "SELECT review_id, recording_id FROM wtfc_recordings ORDER BY review_id, recording_id"
            ).fetchall()
        return [(review, recording) for review, recording in rows]


if TYPE_CHECKING:

    def _fits_port(adapter: PostgresRecordings) -> Recordings:
        """Lets mypy check that the adapter matches the port."""
        return adapter
