"""An in-memory store for tests and demos. Keeps JSON documents, never the caller's objects."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wtfc_collect.domain import SCHEMA_VERSION, AuditEvent, Record, collection_of

from . import shared
from .port import R, Repository
from .shared import Document, RawData


class MemoryRepository:
    """The repository port held in a dict. Thread-safe: one lock around every operation."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._data: RawData = {}
        self._changes = 0  # raised by every change: the store's version
        self._attempts: dict[str, list[datetime]] = {}

    def __repr__(self) -> str:
        return f"MemoryRepository({sum(len(t) for t in self._data.values())} records)"

    def _table(self, name: str) -> dict[str, Document]:
        return self._data.setdefault(name, {})

    def get(self, kind: type[R], record_id: str) -> R | None:
        with self._lock:
            document = self._table(collection_of(kind)).get(record_id)
            return None if document is None else shared.load(kind, document, "memory")

    def find(self, kind: type[R], **where: str | int | bool | None) -> list[R]:
        shared.check_where(kind, where)
        with self._lock:
            documents = self._table(collection_of(kind)).values()
            return [shared.load(kind, d, "memory") for d in documents if shared.matches(d, where)]

    def save(self, record: R) -> R:
        kind = type(record)
        table_name = shared.changeable_collection(kind)
        stored, document = shared.next_revision(record)
        with self._lock:
            table = self._table(table_name)
            current = table.get(record.id)
            if current is None and record.revision != 0:
                raise shared.not_stored(kind)
            if current is not None and current.get("revision") != record.revision:
                raise shared.already_stored(kind) if record.revision == 0 else shared.changed_since(kind)
            if current is not None:
                shared.check_words_kept(current, document)
            table[record.id] = document
            self._changes += 1
        return stored

    def save_all(self, records: Iterable[Record], *, remove: Iterable[tuple[type[Record], str]] = ()) -> int:
        batch = [(shared.changeable_collection(type(r)), r) for r in records]
        prepared = [(name, r, shared.next_revision(r)[1]) for name, r in batch]
        gone = shared.removals(remove)
        with self._lock:
            shared.check_new(self._data, [(name, r) for name, r, _ in prepared])
            for name, record_id in gone:
                self._table(name).pop(record_id, None)
            for name, record, document in prepared:
                self._table(name)[record.id] = document
            self._changes += 1
        return len(prepared)

    def delete(self, kind: type[R], record_id: str) -> bool:
        table_name = shared.changeable_collection(kind)
        with self._lock:
            self._changes += 1
            return self._table(table_name).pop(record_id, None) is not None

    def append_audit(self, event: AuditEvent) -> None:
        document = event.model_dump(mode="json")
        with self._lock:
            log = self._table(collection_of(AuditEvent))
            if event.id in log:
                raise shared.duplicate_audit()
            log[event.id] = document
            self._changes += 1

    def audit_log(self, record_id: str | None = None) -> list[AuditEvent]:
        where = {} if record_id is None else {"record_id": record_id}
        return self.find(AuditEvent, **where)

    def version(self) -> str:
        return str(self._changes)

    def note_attempt(self, key: str, at: datetime) -> None:
        with self._lock:
            self._attempts.setdefault(key, []).append(at)

    def attempts_since(self, key: str, since: datetime) -> list[datetime]:
        with self._lock:
            return sorted(t for t in self._attempts.get(key, []) if t >= since)

    def forget_attempts(self, key: str) -> None:
        with self._lock:
            self._attempts.pop(key, None)

    def backup(self, directory: Path) -> Path:
        with self._lock:
            data: RawData = {shared.META_TABLE: shared.meta(SCHEMA_VERSION)}
            data.update({name: dict(table) for name, table in self._data.items() if table})
            content = shared.dump_json(data)
        return shared.write_backup(directory, content)


if TYPE_CHECKING:

    def _fits_port(adapter: MemoryRepository) -> Repository:
        """Lets mypy check that the adapter matches the port."""
        return adapter
