"""The file store: one TinyDB JSON file, written atomically. The only module that imports tinydb.

One TinyDB instance and one lock per file for the whole process (TinyDB is not thread-safe, and two
instances on one file race on their ids). Every change rewrites the file through a temporary file, so a
crash leaves the old or the new version, never half of one. Records are stored under their own id, so
finding one by id is a dictionary look-up.

Other processes (the command line while the app runs) take turns through an advisory lock on a small
``.<name>.lock`` file beside the data (POSIX ``flock``), and always read a whole file.
"""

from __future__ import annotations

import operator
import os
import threading
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tinydb import TinyDB, where
from tinydb.queries import QueryLike
from tinydb.storages import Storage
from tinydb.table import Document as TinyDocument
from tinydb.table import Table

from wtfc_collect.domain import SCHEMA_VERSION, AuditEvent, Record, collection_of

from . import shared
from .attempts import AttemptLog
from .port import R, Repository, StoreError, StoreUnreadable
from .shared import BACKUP_ADVICE, META_ID, META_TABLE, RawData

Migration = Callable[[RawData], RawData]

#: Upgrades of the whole file, keyed by the data version they upgrade *from* (1 -> 2 is ``MIGRATIONS[1]``).
#: Each takes and returns the raw data: ``{collection: {record id: document}}``.
MIGRATIONS: dict[int, Migration] = {}


# --- reading and writing the file -----------------------------------------------------------------------
def _unreadable(path: Path, reason: str) -> StoreUnreadable:
    return StoreUnreadable(f"The data file {path} could not be read: {reason}. {BACKUP_ADVICE}")


def _read(path: Path) -> tuple[RawData, int]:
    """The file's data, and an open descriptor of the very file it was read from."""
    try:
        with open(path, "rb") as handle:
            content = handle.read()
            descriptor = os.dup(handle.fileno())
    except FileNotFoundError:
        raise _unreadable(path, "it is missing (it may have been moved or deleted)") from None
    except PermissionError:
        raise _unreadable(path, "this computer account is not allowed to open it") from None
    except OSError as error:
        raise _unreadable(path, f"the computer could not read it ({error.strerror})") from None
    try:
        return _parse(path, content), descriptor
    except BaseException:
        os.close(descriptor)
        raise


def _parse(path: Path, content: bytes) -> RawData:
    if not content.strip():
        raise _unreadable(path, "it is empty")
    try:
        data = shared.load_json(content)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _unreadable(path, "it is not in the expected format (it may be damaged or cut short)") from None
    problem = shared.shape_problem(data)
    if problem is not None:
        raise _unreadable(path, problem)
    result: RawData = data
    return result


def read_store(path: Path) -> RawData:
    """The whole file as raw data. Raises StoreUnreadable, in plain words, if it cannot be read."""
    data, descriptor = _read(path)
    os.close(descriptor)
    return data


def write_store(path: Path, data: RawData) -> os.stat_result:
    """Replace the file atomically. Raises StoreError, in plain words, if the disk refuses."""
    content = shared.dump_json(data)
    try:
        return shared.write_atomically(path, content)
    except OSError as error:
        raise StoreError(
            f"Your change could not be saved to the data file {path} ({error.strerror}). The file still "
            "holds what it held before. Check that the disk is not full and that this account may write "
            "to the folder, then try again."
        ) from None


def _signature(status: os.stat_result) -> tuple[int, int, int, int]:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


class AtomicJSONStorage(Storage):
    """TinyDB storage that replaces the file atomically on every write.

    To spare parsing the whole file on every read, it keeps the data last read or written together with
    an open descriptor of that very file, and reuses the data while the path still leads to that file
    (same device, inode, size and time). Every writer replaces the file with a new one, and the open
    descriptor stops the old inode number being reused, so a change by any process is always noticed.
    ``read`` hands out fresh collection dicts; ``write`` forgets the kept data before it writes, so a
    failed write leaves nothing stale behind. (Not on Windows, where an open file cannot be replaced:
    there every read parses the file.)
    """

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._data: RawData | None = None
        self._held: int | None = None
        self._signature: tuple[int, int, int, int] | None = None

    def _forget(self) -> None:
        self._data = self._signature = None
        if self._held is not None:
            os.close(self._held)
            self._held = None

    def _keep(self, data: RawData, descriptor: int) -> None:
        if os.name != "posix":
            os.close(descriptor)
            return
        self._data, self._held, self._signature = data, descriptor, _signature(os.fstat(descriptor))

    def _still_current(self) -> bool:
        try:
            return self._data is not None and _signature(os.stat(self.path)) == self._signature
        except OSError:
            return False

    def read(self) -> RawData:
        data = self._data if self._still_current() else None
        if data is None:
            self._forget()
            data, descriptor = _read(self.path)
            self._keep(data, descriptor)
        return {name: dict(table) for name, table in data.items()}

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._forget()
        written = write_store(self.path, data)
        try:
            descriptor = os.open(self.path, os.O_RDONLY)
        except OSError:
            return
        if _signature(os.fstat(descriptor)) == _signature(written):
            self._keep({name: dict(table) for name, table in data.items()}, descriptor)
        else:
            os.close(descriptor)

    def close(self) -> None:
        self._forget()


class _RecordTable(Table):
    """A table whose document ids are the records' own ids (strings), not TinyDB's counters."""

    document_id_class = str  # type: ignore[assignment]


class _RecordDB(TinyDB):
    table_class = _RecordTable


def _doc_id(record_id: str) -> int:
    """TinyDB's type hints say document ids are ints; ``_RecordTable`` uses the record's string id."""
    return cast(int, record_id)


# --- schema versions --------------------------------------------------------------------------------------
def stored_version(data: RawData, path: Path) -> int:
    """The data version in the file. A file without one is version 1; an empty file is current."""
    info = data.get(META_TABLE, {}).get(META_ID)
    if info is None:
        return 1 if any(data.values()) else SCHEMA_VERSION
    version = info.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _unreadable(path, "its data version is missing or not a whole number")
    return version


def upgrade(data: RawData, path: Path) -> RawData | None:
    """The data upgraded to ``SCHEMA_VERSION``, or None when it is current already."""
    version = stored_version(data, path)
    if version > SCHEMA_VERSION:
        raise StoreUnreadable(
            f"The data file {path} was not opened: this data was written by a newer version of WTfC Collect "
            f"(data version {version}; this copy understands up to version {SCHEMA_VERSION}). Nothing was "
            "changed. Please update WTfC Collect, or ask the person who looks after it."
        )
    if version == SCHEMA_VERSION and META_TABLE in data:
        return None
    for step in range(version, SCHEMA_VERSION):
        migration = MIGRATIONS.get(step)
        if migration is None:
            raise _unreadable(path, f"this version of WTfC Collect cannot upgrade data version {step}")
        try:
            data = migration(data)
        except Exception as error:
            raise _unreadable(path, f"upgrading it from data version {step} failed ({error})") from error
        problem = shared.shape_problem(data)
        if problem is not None:
            raise _unreadable(path, f"upgrading it from data version {step} went wrong: {problem}")
    data[META_TABLE] = shared.meta(SCHEMA_VERSION)
    return data


# --- one open file per path -------------------------------------------------------------------------------
@dataclass
class _OpenFile:
    path: Path
    db: _RecordDB
    lock: shared.FileLock


_REGISTRY: dict[Path, _OpenFile] = {}
_REGISTRY_LOCK = threading.Lock()


def _prepare(path: Path) -> _OpenFile:
    try:
        shared.private_folder(path.parent)
    except OSError as error:
        raise StoreError(
            f"The folder for the data file, {path.parent}, could not be created ({error.strerror}). "
            "Check the data folder setting, or ask the person who looks after WTfC Collect."
        ) from None
    lock = shared.FileLock(path)
    try:
        with lock:
            # Whatever a crash left in the data folder (the data file's, backups', recordings' temporary
            # copies) goes when the store is first opened.
            shared.remove_stale_temps_under(path.parent)
            if not path.exists():
                write_store(path, {META_TABLE: shared.meta(SCHEMA_VERSION)})
            else:
                upgraded = upgrade(read_store(path), path)
                if upgraded is not None:
                    write_store(path, upgraded)
    except BaseException:
        lock.close()
        raise
    return _OpenFile(path=path, db=_RecordDB(str(path), storage=AtomicJSONStorage), lock=lock)


def open_file(path: Path) -> _OpenFile:
    """The process's one open instance of the file at ``path`` (opened, created or upgraded as needed)."""
    with _REGISTRY_LOCK:
        found = _REGISTRY.get(path)
        if found is None:
            found = _REGISTRY[path] = _prepare(path)
        return found


def close_all() -> None:
    """Forget every open file, so the next repository reads it afresh (for tests and shutdown).

    Repositories made before this call must not be used afterwards.
    """
    with _REGISTRY_LOCK:
        for entry in _REGISTRY.values():
            with entry.lock:
                entry.db.close()
            entry.lock.close()
        _REGISTRY.clear()


# --- the repository ---------------------------------------------------------------------------------------
class TinyDBRepository:
    """The repository port on a TinyDB JSON file. Safe to use from many threads at once."""

    def __init__(self, path: Path | str) -> None:
        self._file = open_file(Path(path).expanduser().resolve())
        self._attempts = AttemptLog(self._file.path.with_name(self._file.path.name + ".attempts.sqlite"))

    def __repr__(self) -> str:
        return f"TinyDBRepository({str(self._file.path)!r})"

    @property
    def path(self) -> Path:
        return self._file.path

    def _table(self, name: str) -> Table:
        return self._file.db.table(name, cache_size=0)

    def _load(self, kind: type[R], document: MutableMapping[str, Any]) -> R:
        return shared.load(kind, document, f"the data file {self.path}")

    def get(self, kind: type[R], record_id: str) -> R | None:
        with self._file.lock:
            document = self._table(collection_of(kind)).get(doc_id=_doc_id(record_id))
        return None if document is None else self._load(kind, document)

    def find(self, kind: type[R], **where_: str | int | bool | None) -> list[R]:
        shared.check_where(kind, where_)
        conditions = [where(name) == value for name, value in where_.items()]
        with self._file.lock:
            table = self._table(collection_of(kind))
            if conditions:
                query: QueryLike = reduce(operator.and_, conditions)
                documents = table.search(query)
            else:
                documents = table.all()
        return [self._load(kind, document) for document in documents]

    def save(self, record: R) -> R:
        kind = type(record)
        table_name = shared.changeable_collection(kind)
        stored, document = shared.next_revision(record)

        def replace(current: MutableMapping[str, Any]) -> None:
            if current.get("revision") != record.revision:
                raise shared.changed_since(kind)
            shared.check_words_kept(current, document)
            current.clear()
            current.update(document)

        with self._file.lock:
            table = self._table(table_name)
            if record.revision == 0:
                self._insert(table, document, lambda: shared.already_stored(kind))
            elif not table.update(replace, doc_ids=[_doc_id(record.id)]):
                raise shared.not_stored(kind)
        return stored

    def _insert(self, table: Table, document: dict[str, Any], error: Callable[[], Exception]) -> None:
        try:
            table.insert(TinyDocument(document, doc_id=_doc_id(document["id"])))
        except ValueError:
            if table.contains(doc_id=_doc_id(document["id"])):
                raise error() from None
            raise

    def save_all(self, records: Iterable[Record], *, remove: Iterable[tuple[type[Record], str]] = ()) -> int:
        """Store new records, of any kinds, and remove others, in one atomic write: all of it or nothing."""
        batch = [(shared.changeable_collection(type(r)), r) for r in records]
        gone = shared.removals(remove)
        if not batch and not gone:
            return 0
        documents = [shared.next_revision(record)[1] for _, record in batch]
        with self._file.lock:
            storage = self._file.db.storage
            data = storage.read()
            if data is None:  # pragma: no cover - AtomicJSONStorage never returns None
                data = {}
            shared.check_new(data, batch)
            for name, record_id in gone:
                data.get(name, {}).pop(record_id, None)
            for (name, record), document in zip(batch, documents, strict=True):
                data.setdefault(name, {})[record.id] = document
            storage.write(data)
        return len(batch)

    def delete(self, kind: type[R], record_id: str) -> bool:
        table_name = shared.changeable_collection(kind)
        with self._file.lock:
            table = self._table(table_name)
            if not table.contains(doc_id=_doc_id(record_id)):
                return False
            return bool(table.remove(doc_ids=[_doc_id(record_id)]))

    def append_audit(self, event: AuditEvent) -> None:
        document = event.model_dump(mode="json")
        with self._file.lock:
            self._insert(self._table(collection_of(AuditEvent)), document, shared.duplicate_audit)

    def audit_log(self, record_id: str | None = None) -> list[AuditEvent]:
        if record_id is None:
            return self.find(AuditEvent)
        return self.find(AuditEvent, record_id=record_id)

    def version(self) -> str:
        # Every write replaces the file, so device, inode, size and time together change with it.
        try:
            return "-".join(str(part) for part in _signature(os.stat(self.path)))
        except OSError:
            return "missing"

    def note_attempt(self, key: str, at: datetime) -> None:
        self._attempts.note(key, at)

    def attempts_since(self, key: str, since: datetime) -> list[datetime]:
        return self._attempts.since(key, since)

    def forget_attempts(self, key: str) -> None:
        self._attempts.forget(key)

    def backup(self, directory: Path) -> Path:
        with self._file.lock:
            content = shared.dump_json(read_store(self.path))
        return shared.write_backup(directory, content)

    def export_raw(self) -> RawData:
        """The whole file as raw data (records, audit log and data version), read at one moment."""
        with self._file.lock:
            return read_store(self.path)

    def record_ids(self) -> dict[str, set[str]]:
        """The ids held, by collection (the audit log under ``audit``)."""
        data = self.export_raw()
        return {name: set(table) for name, table in data.items() if name != META_TABLE and table}

    def import_raw(self, data: RawData) -> None:
        """Put a whole store into this empty file at once, keeping revisions and order. Refuses
        (StoreError) a file that already holds records or audit entries."""
        with self._file.lock:
            held = sum(len(table) for name, table in read_store(self.path).items() if name != META_TABLE)
            if held:
                raise StoreError(
                    f"The data file {self.path} already holds data ({held} records and audit entries), so "
                    "nothing was copied into it. Copy into an empty data folder."
                )
            copied = {name: dict(table) for name, table in data.items() if name != META_TABLE}
            write_store(self.path, {META_TABLE: shared.meta(SCHEMA_VERSION), **copied})


if TYPE_CHECKING:

    def _fits_port(adapter: TinyDBRepository) -> Repository:
        """Lets mypy check that the adapter matches the port."""
        return adapter
