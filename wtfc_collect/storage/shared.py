"""Rules and file helpers that every adapter shares, so that all stores behave the same.

The data shape on disk (and in backups) is TinyDB's: ``{collection: {record id: record as JSON}}``, plus a
``_meta`` collection holding ``{"schema": {"schema_version": N}}``.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

import orjson
from pydantic import ValidationError

from wtfc_collect.domain import AuditEvent, Record, collection_of

from .port import ConflictError, R, StoreUnreadable, WordsProtected

Document = dict[str, Any]
RawData = dict[str, dict[str, Document]]

META_TABLE = "_meta"
META_ID = "schema"
BACKUP_ADVICE = (
    "Nothing was changed. To carry on, put the latest backup (made with `python -m wtfc_collect backup`) "
    "in its place, or ask the person who looks after WTfC Collect."
)
#: Temporary files older than this (left by a crash) are removed when a store is opened.
STALE_TEMP_SECONDS = 60.0
_BACKUP_LOCK = threading.Lock()


# --- rules ---------------------------------------------------------------------------------------------
def kind_label(kind: type[Record]) -> str:
    """``ActionPlan`` -> ``action plan``: the kind of record in plain words."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", kind.__name__).lower()


def changeable_collection(kind: type[Record]) -> str:
    """The collection for a kind that may be saved or deleted; TypeError for the audit log."""
    if kind is AuditEvent:
        raise TypeError("Audit events are only added, with append_audit; they are never changed or removed.")
    return collection_of(kind)


def check_where(kind: type[Record], where: Mapping[str, object]) -> None:
    """Refuse a search on a field the kind does not have (it would silently find nothing)."""
    unknown = sorted(set(where) - set(kind.model_fields))
    if unknown:
        raise TypeError(f"{kind.__name__} has no field {', '.join(unknown)}")


def matches(document: Mapping[str, Any], where: Mapping[str, object]) -> bool:
    return all(document.get(field) == value for field, value in where.items())


def next_revision(record: R) -> tuple[R, Document]:
    """The record as it will be stored (revision + 1) and its JSON document.

    The document is read back through the model before anything is written, so a store never holds a
    record it could not load again, and the caller gets exactly what a later ``get`` returns.
    """
    data = record.model_copy(update={"revision": record.revision + 1}).model_dump(mode="json")
    return type(record).model_validate(data), data


def load(kind: type[R], document: Mapping[str, Any], where: str) -> R:
    """Turn a stored document back into a model; a document that fails the rules is a damaged store."""
    try:
        return kind.model_validate(document)
    except ValidationError:
        record_id = str(document.get("id", "?"))
        raise StoreUnreadable(
            f"A {kind_label(kind)} (id {record_id}) in {where} does not have the expected form, "
            f"so it cannot be opened. {BACKUP_ADVICE}"
        ) from None


def check_words_kept(current: Mapping[str, Any], document: Mapping[str, Any]) -> None:
    """Refuse a save that would change the text of a statement already stored (whatever the code path).

    Statements may be added, or removed from a draft; the words of one that stays never change.
    """
    before = {s.get("id"): s.get("text") for s in current.get("statements", ()) if isinstance(s, Mapping)}
    for statement in document.get("statements", ()):
        if statement["id"] in before and before[statement["id"]] != statement["text"]:
            raise words_protected()


def words_protected() -> WordsProtected:
    return WordsProtected(
        "The words a person said cannot be changed once recorded. To prepare them for a workshop, "
        "add a workshop version beside them (with the reason); the original stays as it was."
    )


def changed_since(kind: type[Record]) -> ConflictError:
    return ConflictError(
        f"Someone else saved this {kind_label(kind)} since you opened it, so your changes were not saved. "
        "Reload it to see their version, then make your changes again."
    )


def not_stored(kind: type[Record]) -> ConflictError:
    return ConflictError(
        f"This {kind_label(kind)} is no longer stored (someone may have deleted it), so your changes were "
        "not saved. Reload the page to see what is there now."
    )


def already_stored(kind: type[Record]) -> ConflictError:
    return ConflictError(
        f"This {kind_label(kind)} has already been saved (perhaps by pressing save twice), so it was not "
        "saved again. Reload it to see the saved version."
    )


def check_new(data: RawData, batch: list[tuple[str, Record]]) -> None:
    """Refuse a batch for ``save_all`` that holds a stored record, a revision above 0, or one id twice."""
    seen: set[tuple[str, str]] = set()
    for name, record in batch:
        key = (name, record.id)
        if record.revision != 0 or key in seen or record.id in data.get(name, {}):
            raise already_stored(type(record))
        seen.add(key)


def removals(remove: Iterable[tuple[type[Record], str]]) -> list[tuple[str, str]]:
    """The (collection, id) pairs ``save_all`` removes; an audit event is refused (TypeError)."""
    return [(changeable_collection(kind), record_id) for kind, record_id in remove]


def duplicate_audit() -> ValueError:
    return ValueError("This audit entry is already in the log; entries are never replaced.")


# --- the file format ------------------------------------------------------------------------------------
def meta(version: int) -> dict[str, Document]:
    return {META_ID: {"schema_version": version}}


def shape_problem(data: object) -> str | None:
    """Why ``data`` is not a store (in plain words), or None when it has the right shape."""
    if not isinstance(data, dict):
        return "it does not hold WTfC Collect data (wrong format)"
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            return f"its part called '{name}' does not have the expected format"
    return None


def dump_json(data: RawData) -> bytes:
    """Compact UTF-8 JSON, written by orjson (most of a save's time is spent here; it is many times faster
    than the standard library). Text orjson refuses (a lone surrogate, which the domain never lets in)
    falls back to the standard library with ASCII escapes, so anything stored stays writable."""
    try:
        return orjson.dumps(data)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(data, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


def load_json(content: bytes) -> Any:
    """Parse a store or backup file (orjson; the standard library for ASCII-escaped odd text)."""
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        return json.loads(content.decode("utf-8"))


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, content: bytes) -> os.stat_result:
    """Replace ``path`` with ``content`` so a crash leaves either the old file or the new one, whole.

    Writes a temporary file in the same folder, flushes and fsyncs it, renames it over ``path`` and
    fsyncs the folder. The file keeps its permissions; a new file is readable by its owner only.
    Returns the new file's status (its inode, size and time stay the same through the rename).
    """
    fd, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
            status = os.fstat(handle.fileno())
        with suppress(FileNotFoundError):
            os.chmod(temp_name, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temp_name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp_name)
        raise
    fsync_directory(path.parent)
    return status


class FileLock:
    """One thread at a time in this process and, where the system offers ``flock``, one process at a time.

    Re-entrant. The process lock is an advisory lock on a small ``.<name>.lock`` file beside the data, so
    a second process (the command line making a backup while the app runs) waits instead of overwriting.
    Where the lock file cannot be made (a read-only folder, Windows), only threads are kept apart.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(f".{path.name}.lock")
        self._threads = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    def __enter__(self) -> FileLock:
        self._threads.acquire()
        try:
            if self._depth == 0:
                self._lock_file()
            self._depth += 1
        except BaseException:
            self._threads.release()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None and fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._threads.release()

    def _lock_file(self) -> None:
        if fcntl is None:
            return
        if self._fd is None:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                return
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def close(self) -> None:
        with self._threads:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
# Temporary files this app writes beside real ones: ".<name>.<random>.tmp" (a file replaced whole) and
# ".<random>.part" (a clip being cached). A crash can leave them behind, holding personal data.
_TEMP_NAMES = ("*.tmp", "*.part")


def private_folder(folder: Path) -> Path:
    """``folder`` made (with its parents) and readable by this account only."""
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    os.chmod(folder, PRIVATE_FOLDER)
    return folder


def write_private(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` readable by this account only (also when it was there before, wider)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(descriptor, "wb") as handle:
        os.fchmod(handle.fileno(), PRIVATE_FILE)
        handle.write(content)


def remove_stale_temps_under(folder: Path, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Delete the temporary files a crash left anywhere under ``folder`` (hidden ``.tmp``/``.part`` files
    of this app's own naming); young ones may belong to a write in progress elsewhere and stay. Returns
    how many went."""
    cutoff = time.time() - older_than
    removed = 0
    for pattern in _TEMP_NAMES:
        for temp in folder.rglob(pattern):
            if not temp.name.startswith("."):
                continue
            with suppress(OSError):
                if temp.is_file() and temp.stat().st_mtime < cutoff:
                    temp.unlink()
                    removed += 1
    return removed


def utc_now() -> datetime:
    """The clock used for backup names (a function so tests can replace it)."""
    return datetime.now(UTC)


def write_backup(directory: Path, content: bytes) -> Path:
    """Write a new ``wtfc-backup-YYYYmmdd-HHMMSS.json`` (UTC) in ``directory`` (a folder readable by this
    account only), never over another file."""
    private_folder(directory)
    stem = f"wtfc-backup-{utc_now():%Y%m%d-%H%M%S}"
    with _BACKUP_LOCK:
        target = directory / f"{stem}.json"
        number = 1
        while target.exists():
            number += 1
            target = directory / f"{stem}-{number}.json"
        write_atomically(target, content)
    return target


def erase_from_backups(directory: Path, record_ids: set[str]) -> int:
    """Remove the records with these ids from every backup file in ``directory`` (for erasing a person).

    Each changed file is replaced atomically. Returns how many files were changed. A file that cannot be
    read as a backup is left alone: it is not ours to guess at.
    """
    changed = 0
    if not directory.is_dir() or not record_ids:
        return 0
    for path in sorted(directory.glob("wtfc-backup-*.json")):
        try:
            data = load_json(path.read_bytes())
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if shape_problem(data) is not None:
            continue
        removed = 0
        for table in data.values():
            found = [k for k, doc in table.items() if isinstance(doc, dict) and doc.get("id") in record_ids]
            for key in found:
                del table[key]
                removed += 1
        if removed:
            write_atomically(path, dump_json(data))
            changed += 1
    return changed


# --- one version of a store per page run ------------------------------------------------------------------
_HELD: ContextVar[dict[int, str] | None] = ContextVar("wtfc_held_versions", default=None)


@contextmanager
def one_version_per_run() -> Iterator[None]:
    """Inside the block (one page run), a store whose ``version()`` costs a round trip (the shared database)
    reads it once and gives the same answer again, until this run changes something itself. Every run
    reads it afresh, so changes made elsewhere show on the next click, as before; a run no longer asks the
    database for it before every use case."""
    token = _HELD.set({})
    try:
        yield
    finally:
        _HELD.reset(token)


def held_version(key: int, read: Callable[[], str]) -> str:
    """The version of the store ``key`` held for this run (read once with ``read``), or a fresh read
    outside ``one_version_per_run``."""
    held = _HELD.get()
    if held is None:
        return read()
    if key not in held:
        held[key] = read()
    return held[key]


def forget_held_version(key: int) -> None:
    """This run changed the store ``key``: its next ``version()`` is read again."""
    held = _HELD.get()
    if held:
        held.pop(key, None)
