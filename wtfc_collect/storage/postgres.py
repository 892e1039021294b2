"""The shared store: the repository port on PostgreSQL (psycopg 3 and its pool). Chosen by WTFC_DATABASE_URL.

One row per record in ``wtfc_records`` (the record as JSONB, its revision, and the order it was first saved
in), the audit log in ``wtfc_audit``; the tables, and what the database enforces itself, are described in
``postgres_schema``. Each change is one statement or one transaction, so a lost connection or a server
killed half way leaves the change either whole or not there at all:

- ``save`` of a changed record is one ``UPDATE … WHERE revision = …``: nobody's newer work is overwritten;
- ``save_all`` is one transaction (its removals and a COPY of the new records);
- ``version()`` reads a counter that every change raises in its own transaction, so every server sees a
  new version as soon as it can see the change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from wtfc_collect.domain import SCHEMA_VERSION, AuditEvent, Record, collection_of

from . import shared
from .attempts import KEEP
from .port import R, Repository, StoreError
from .postgres_connect import DEFAULT_POOL, Database, open_database
from .postgres_schema import INDEXED_FIELDS, column
from .shared import RawData

AUDIT = collection_of(AuditEvent)


def _json_value(value: object) -> object:
    """A value for ``find`` as it is stored in the JSON document (enum members by their value)."""
    return value.value if isinstance(value, Enum) else value


def _conditions(where: Mapping[str, object], *, indexed: bool = True) -> sql.Composed:
    """``AND … = value`` for each field: its indexed column, or else ``doc -> 'field'`` (names are checked
    against the model first)."""
    parts = []
    for field in where:
        if indexed and field in INDEXED_FIELDS:
            parts.append(sql.SQL(" AND {} = %s").format(sql.Identifier(column(field))))
        else:
            parts.append(sql.SQL(" AND doc -> {} = %s").format(sql.Literal(field)))
    return sql.Composed(parts)


class PostgresRepository:
    """The repository port on a PostgreSQL database. Safe to use from many threads and many servers."""

    def __init__(self, url: str, *, pool_size: int = DEFAULT_POOL) -> None:
        self._db: Database = open_database(url, pool_size)

    def __repr__(self) -> str:
        return f"PostgresRepository({self._db.where!r})"

    @property
    def database(self) -> Database:
        return self._db

    @property
    def where(self) -> str:
        """The database, named without its password."""
        return self._db.where

    def _load(self, kind: type[R], document: Mapping[str, Any]) -> R:
        return shared.load(kind, document, f"the database {self._db.where}")

    # --- reading ----------------------------------------------------------------------------------------
    def get(self, kind: type[R], record_id: str) -> R | None:
        name = collection_of(kind)
        with self._db.connection(writing=False) as db:
            if name == AUDIT:
                row = db.execute("SELECT doc FROM wtfc_audit WHERE id = %s", [record_id]).fetchone()
            else:
                row = db.execute(
                    "SELECT doc FROM wtfc_records WHERE collection = %s AND id = %s", [name, record_id]
                ).fetchone()
        return None if row is None else self._load(kind, row[0])

    def find(self, kind: type[R], **where: str | int | bool | None) -> list[R]:
        shared.check_where(kind, where)
        name = collection_of(kind)
        values: list[object] = [Jsonb(_json_value(value)) for value in where.values()]
        if name == AUDIT:
            query = sql.SQL("SELECT doc FROM wtfc_audit WHERE true{} ORDER BY position").format(
                _conditions(where, indexed=False)
            )
            arguments: list[object] = values
        else:
            query = sql.SQL(
                "SELECT doc FROM wtfc_records WHERE collection = %s{} ORDER BY saved_order"
            ).format(_conditions(where))
            arguments = [name, *values]
        with self._db.connection(writing=False) as db:
            rows = db.execute(query, arguments).fetchall()
        return [self._load(kind, row[0]) for row in rows]

    def audit_log(self, record_id: str | None = None) -> list[AuditEvent]:
        if record_id is None:
            return self.find(AuditEvent)
        with self._db.connection(writing=False) as db:
            rows = db.execute(
                "SELECT doc FROM wtfc_audit WHERE record_id = %s ORDER BY position", [record_id]
            ).fetchall()
        return [self._load(AuditEvent, row[0]) for row in rows]

    def version(self) -> str:
        return shared.held_version(id(self._db), self._read_version)

    def _read_version(self) -> str:
        with self._db.connection(writing=False) as db:
            row = db.execute("SELECT sum(changes) FROM wtfc_version").fetchone()
        return f"pg-{row[0] if row else 0}"

    # --- changing ---------------------------------------------------------------------------------------
    def save(self, record: R) -> R:
        kind = type(record)
        name = shared.changeable_collection(kind)
        stored, document = shared.next_revision(record)
        with self._db.connection(writing=True) as db:
            if record.revision == 0:
                done = db.execute(
                    "INSERT INTO wtfc_records (collection, id, revision, doc) VALUES (%s, %s, 1, %s) "
                    "ON CONFLICT (collection, id) DO NOTHING",
                    [name, record.id, Jsonb(document)],
                )
                if done.rowcount == 0:
                    raise shared.already_stored(kind)
                return stored
            done = db.execute(
                "UPDATE wtfc_records SET revision = %s, doc = %s "
                "WHERE collection = %s AND id = %s AND revision = %s",
                [stored.revision, Jsonb(document), name, record.id, record.revision],
            )
            if done.rowcount == 0:
                there = db.execute(
                    "SELECT 1 FROM wtfc_records WHERE collection = %s AND id = %s", [name, record.id]
                ).fetchone()
                raise shared.changed_since(kind) if there else shared.not_stored(kind)
        return stored

    def save_all(self, records: Iterable[Record], *, remove: Iterable[tuple[type[Record], str]] = ()) -> int:
        """New records and removals in one transaction: all of it or none."""
        batch = [(shared.changeable_collection(type(r)), r) for r in records]
        gone = shared.removals(remove)
        if not batch and not gone:
            return 0
        shared.check_new({}, batch)  # revisions, and no record twice; stored ones are found by the database
        documents = [shared.next_revision(record)[1] for _, record in batch]
        keys = {(name, record.id) for name, record in batch}
        gone = [key for key in gone if key not in keys]  # a record both removed and added is refused below
        with self._db.connection(writing=True) as db:
            try:
                with db.transaction():
                    if gone:
                        db.execute(
                            "DELETE FROM wtfc_records WHERE (collection, id) IN "
                            "(SELECT * FROM unnest(%s::text[], %s::text[]))",
                            [[n for n, _ in gone], [i for _, i in gone]],
                        )
                    if batch:
                        with db.cursor().copy(
                            "COPY wtfc_records (collection, id, revision, doc) FROM STDIN"
                        ) as copy:
                            for (name, record), document in zip(batch, documents, strict=True):
                                copy.write_row((name, record.id, 1, Jsonb(document)))
            except psycopg.errors.UniqueViolation:
                raise shared.already_stored(self._first_stored(db, batch)) from None
        return len(batch)

    def _first_stored(self, db: psycopg.Connection[Any], batch: list[tuple[str, Record]]) -> type[Record]:
        """The kind of the first record of ``batch`` already stored (for the message)."""
        for name, record in batch:
            found = db.execute(
                "SELECT 1 FROM wtfc_records WHERE collection = %s AND id = %s", [name, record.id]
            ).fetchone()
            if found:
                return type(record)
        return type(batch[0][1])

    def delete(self, kind: type[R], record_id: str) -> bool:
        name = shared.changeable_collection(kind)
        with self._db.connection(writing=True) as db:
            done = db.execute("DELETE FROM wtfc_records WHERE collection = %s AND id = %s", [name, record_id])
        return done.rowcount > 0

    def append_audit(self, event: AuditEvent) -> None:
        document = event.model_dump(mode="json")
        with self._db.connection(writing=True) as db:
            done = db.execute(
                "INSERT INTO wtfc_audit (id, record_id, doc) VALUES (%s, %s, %s) "
                "ON CONFLICT (id) DO NOTHING",
                [event.id, event.record_id, Jsonb(document)],
            )
        if done.rowcount == 0:
            raise shared.duplicate_audit()

    # --- refused tries ----------------------------------------------------------------------------------
    def note_attempt(self, key: str, at: datetime) -> None:
        with self._db.connection(writing=True) as db:
            db.execute(
                "WITH old AS (DELETE FROM wtfc_attempts WHERE at < %s) "
                "INSERT INTO wtfc_attempts (key, at) VALUES (%s, %s)",
                [at - KEEP, key, at],
            )

    def attempts_since(self, key: str, since: datetime) -> list[datetime]:
        with self._db.connection(writing=False) as db:
            rows = db.execute(
                "SELECT at FROM wtfc_attempts WHERE key = %s AND at >= %s ORDER BY at", [key, since]
            ).fetchall()
        return [row[0].astimezone(UTC) for row in rows]

    def forget_attempts(self, key: str) -> None:
        with self._db.connection(writing=True) as db:
            db.execute("DELETE FROM wtfc_attempts WHERE key = %s", [key])

    # --- whole-store copies -----------------------------------------------------------------------------
    def export_raw(self) -> RawData:
        """Everything (records and audit log) as of one moment, in the file format of the TinyDB store."""
        data: RawData = {shared.META_TABLE: shared.meta(SCHEMA_VERSION)}
        with self._db.connection(writing=False) as db, db.transaction():
            db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            for name, record_id, document in db.execute(
                "SELECT collection, id, doc FROM wtfc_records ORDER BY saved_order"
            ):
                data.setdefault(name, {})[record_id] = document
            audit = data.setdefault(AUDIT, {})
            for record_id, document in db.execute("SELECT id, doc FROM wtfc_audit ORDER BY position"):
                audit[record_id] = document
        return data

    def record_ids(self) -> dict[str, set[str]]:
        """The ids held, by collection (the audit log under ``audit``)."""
        found: dict[str, set[str]] = {}
        with self._db.connection(writing=False) as db:
            for name, record_id in db.execute("SELECT collection, id FROM wtfc_records"):
                found.setdefault(name, set()).add(record_id)
            for (record_id,) in db.execute("SELECT id FROM wtfc_audit"):
                found.setdefault(AUDIT, set()).add(record_id)
        return found

    def import_raw(self, data: RawData) -> None:
        """Put a whole store (file format) into this empty database, in one transaction, keeping revisions
        and order. Refuses (StoreError) a database that already holds records or audit entries."""
        with self._db.connection(writing=True) as db, db.transaction():
            db.execute("LOCK TABLE wtfc_records, wtfc_audit IN EXCLUSIVE MODE")
            held = db.execute(
                "SELECT (SELECT count(*) FROM wtfc_records) + (SELECT count(*) FROM wtfc_audit)"
            ).fetchone()
            if held and held[0]:
                raise StoreError(
                    f"The database {self._db.where} already holds data ({held[0]} records and audit "
                    "entries), so nothing was copied into it. Copy into an empty database."
                )
            with db.cursor().copy("COPY wtfc_records (collection, id, revision, doc) FROM STDIN") as copy:
                for name, table in data.items():
                    if name in (shared.META_TABLE, AUDIT):
                        continue
                    for record_id, document in table.items():
                        copy.write_row((name, record_id, int(document.get("revision", 1)), Jsonb(document)))
            with db.cursor().copy("COPY wtfc_audit (id, record_id, doc) FROM STDIN") as copy:
                for record_id, document in data.get(AUDIT, {}).items():
                    copy.write_row((record_id, str(document.get("record_id", "")), Jsonb(document)))

    def backup(self, directory: Path) -> Path:
        return shared.write_backup(directory, shared.dump_json(self.export_raw()))


if TYPE_CHECKING:

    def _fits_port(adapter: PostgresRepository) -> Repository:
        """Lets mypy check that the adapter matches the port."""
        return adapter
