"""The repository port: what services need from a store. Adapters implement it; services only see this.

A new backend (SQLite, PostgreSQL) is one new class that passes ``tests/integration/test_store_contract.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Protocol, TypeVar

from wtfc_collect.domain import AuditEvent, Record

R = TypeVar("R", bound=Record)


class StoreError(Exception):
    """A problem with the store, described in plain words for the person using the tool."""


class StoreUnreadable(StoreError):
    """The data file exists but cannot be read (damaged, wrong format, or no permission)."""


class ConflictError(StoreError):
    """The record was changed by someone else since it was opened; saving would overwrite their work."""


class WordsProtected(StoreError):
    """A save would change the words a person said. They are kept exactly as recorded, always."""


class Repository(Protocol):
    """Records by kind. Every method is safe to call from several threads at once."""

    def get(self, kind: type[R], record_id: str) -> R | None:
        """The record with this id, or None."""
        ...

    def find(self, kind: type[R], **where: str | int | bool | None) -> list[R]:
        """Records whose top-level fields equal the given values, oldest first (in the order they were
        first saved). Pass enum members or their values, dates as ISO text. TypeError for a field the
        kind does not have."""
        ...

    def save(self, record: R) -> R:
        """Store a new or changed record and return it with its revision raised by one.

        Raises ConflictError if the stored copy has a different revision from ``record.revision``
        (someone saved in between), so nobody's work is silently overwritten. A new record must come
        with revision 0; a record that is no longer stored (deleted meanwhile) is refused the same way.
        The returned record is a new object: exactly what a later ``get`` returns. Audit events are
        refused with TypeError: they go through ``append_audit``.
        """
        ...

    def save_all(self, records: Iterable[Record], *, remove: Iterable[tuple[type[Record], str]] = ()) -> int:
        """Store many new records, of any kinds, and remove others (``remove``: kind and id), in one write:
        all of it or none (for imports, the demo, and a person's dots replacing the ones they had).

        Each new record must have revision 0 and not be stored yet (ConflictError otherwise, and nothing is
        removed). A record to remove that is not stored is passed over; audit events cannot be removed
        (TypeError). Returns how many records were stored.
        """
        ...

    def delete(self, kind: type[R], record_id: str) -> bool:
        """Remove a record; True if there was one. Audit events cannot be removed (TypeError)."""
        ...

    def append_audit(self, event: AuditEvent) -> None:
        """Add an entry to the append-only audit log. Entries are never changed or removed; adding
        one whose id is already in the log raises ValueError."""
        ...

    def audit_log(self, record_id: str | None = None) -> list[AuditEvent]:
        """The audit log, oldest first, optionally only for one record."""
        ...

    def version(self) -> str:
        """A marker that changes whenever anything in the store changes (by this or another process),
        and stays the same while nothing does: lets a use case keep a costly result until then."""
        ...

    def note_attempt(self, key: str, at: datetime) -> None:
        """Remember one refused try (a wrong password, a wrong code) under ``key``, shared by every process
        on this store and kept across restarts. ``key`` is an opaque label made by the caller (a keyed hash,
        never what was typed). Cheap: it never rewrites the records, and ``version()`` does not change."""
        ...

    def attempts_since(self, key: str, since: datetime) -> list[datetime]:
        """The times of the refused tries noted under ``key`` at or after ``since``, oldest first."""
        ...

    def forget_attempts(self, key: str) -> None:
        """Forget the refused tries noted under ``key`` (after a try that worked)."""
        ...

    def backup(self, directory: Path) -> Path:
        """Write a consistent copy of everything into ``directory``; return the file written.

        The file is ``wtfc-backup-YYYYmmdd-HHMMSS.json`` (UTC; ``-2``, ``-3`` … if the name is taken), in
        the TinyDB file format, so it can be opened as a store or put in place of the data file.
        """
        ...


class Recordings(Protocol):
    """The sound of voice answers, kept beside the reviews (personal data: erased with the review).

    Ids are record ids (32 hexadecimal characters); anything else is refused with ValueError. Every method
    is safe to call from several threads at once.
    """

    def put(self, review_id: str, recording_id: str, data: bytes) -> None:
        """Keep a recording (replacing one with the same ids), written whole or not at all."""
        ...

    def get(self, review_id: str, recording_id: str) -> bytes | None:
        """The recording's bytes, or None if there is none."""
        ...

    def delete(self, review_id: str, recording_id: str) -> bool:
        """Remove one recording; True if there was one."""
        ...

    def delete_review(self, review_id: str) -> int:
        """Remove every recording of a review; returns how many were removed."""
        ...

    def ids(self) -> list[tuple[str, str]]:
        """Every recording kept, as (review id, recording id) pairs, sorted (for copying a whole store)."""
        ...
