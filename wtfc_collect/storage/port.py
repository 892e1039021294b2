"""The repository port: what services need from a store. Adapters implement it; services only see this.

A new backend (SQLite, PostgreSQL) is one new class that passes ``tests/integration/test_store_contract.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
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


class Repository(Protocol):
    """Records by kind. Every method is safe to call from several threads at once."""

    def get(self, kind: type[R], record_id: str) -> R | None:
        """The record with this id, or None."""
        ...

    def find(self, kind: type[R], **where: str | int | bool | None) -> list[R]:
        """Records whose top-level fields equal the given values, oldest first."""
        ...

    def save(self, record: R) -> R:
        """Store a new or changed record and return it with its revision raised by one.

        Raises ConflictError if the stored copy has a different revision from ``record.revision``
        (someone saved in between), so nobody's work is silently overwritten.
        """
        ...

    def save_all(self, records: Iterable[Record]) -> int:
        """Store many new records in one write (for imports and the demo). Returns how many."""
        ...

    def delete(self, kind: type[R], record_id: str) -> bool:
        """Remove a record; True if there was one."""
        ...

    def append_audit(self, event: AuditEvent) -> None:
        """Add an entry to the append-only audit log."""
        ...

    def audit_log(self, record_id: str | None = None) -> list[AuditEvent]:
        """The audit log, oldest first, optionally only for one record."""
        ...

    def backup(self, directory: Path) -> Path:
        """Write a consistent copy of everything into ``directory``; return the file written."""
        ...
