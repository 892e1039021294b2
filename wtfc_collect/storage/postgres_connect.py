"""Reaching PostgreSQL: the address, one connection pool per address and process, plain-words errors.

The address (``WTFC_DATABASE_URL``) holds a password, so it is never shown, logged or written anywhere:
messages name the database by :func:`describe` (``postgresql://user@host:port/name``). Every failure to
reach the database becomes a ``StoreError`` in plain words, raised ``from None`` so that no traceback (and
no connection object, whose details include the password) goes with it.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson
import psycopg
from psycopg import conninfo
from psycopg.types.json import Jsonb, set_json_dumps, set_json_loads
from psycopg_pool import ConnectionPool, PoolTimeout

from wtfc_collect.domain import SCHEMA_VERSION

from . import postgres_schema as schema
from . import shared
from .port import StoreError, StoreUnreadable

SCHEMES = ("postgresql://", "postgres://")
CONNECT_SECONDS = 5
WAIT_SECONDS = 5  # how long an action waits for a free connection (or for the database to come back)
#: How long the pool keeps retrying one lost connection in the background (waiting longer each time) before
#: it leaves the next try to the next action that needs a connection: so after the database comes back, the
#: app works again within seconds, however long it was away.
RETRY_SECONDS = 5
DEFAULT_POOL = 10

BAD_ADDRESS = (
    "WTFC_DATABASE_URL is not a database address WTfC Collect can use. Write it as "
    "postgresql://USER:PASSWORD@HOST:5432/DATABASE (see 'Running for a whole council' in the README)."
)
NOT_SAVED = (
    "Your change was not saved: the database could not be reached just now. Nothing was half-written. "
    "Try again in a moment; if it keeps happening, tell the person who looks after WTfC Collect."
)
REFUSED = (
    "Your change was not saved: the database refused it. Nothing was half-written. Please tell the person "
    "who looks after WTfC Collect."
)
NOT_READ = (
    "The database could not be reached just now, so this could not be shown. Try again in a moment; if it "
    "keeps happening, tell the person who looks after WTfC Collect."
)


def is_database_url(address: str | None) -> bool:
    return bool(address) and str(address).strip().lower().startswith(SCHEMES)


def _parts(url: str) -> dict[str, str]:
    try:
        return {k: str(v) for k, v in conninfo.conninfo_to_dict(url).items()}
    except psycopg.Error:
        raise StoreError(BAD_ADDRESS) from None


def describe(url: str) -> str:
    """The address without its password or options, to name the database in messages and logs."""
    if not is_database_url(url):
        return "(not a database address)"
    try:
        parts = _parts(url)
    except StoreError:
        return "(an address that could not be read)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = parts.get("host") or "localhost"
    port = parts.get("port") or "5432"
    return f"postgresql://{user}{host}:{port}/{parts.get('dbname', '')}"


def _unreachable(url: str, error: psycopg.Error) -> StoreError:
    """Why connecting failed, in plain words (from libpq's message, which never holds the password)."""
    text = str(error).lower()
    parts = _parts(url)
    where = describe(url)
    refused = ("password authentication failed", "no pg_hba.conf entry", "authentication failed")
    if any(words in text for words in refused) or ("role" in text and "does not exist" in text):
        return StoreError(
            f"The database {where} refused to let WTfC Collect sign in: the user name or password in "
            "WTFC_DATABASE_URL is not right, or the database does not allow this computer in (pg_hba.conf). "
            "Nothing was changed."
        )
    if "database" in text and "does not exist" in text:
        return StoreError(
            f"There is no database called '{parts.get('dbname', '')}' at {where}. Make it first "
            "(createdb), or correct WTFC_DATABASE_URL. Nothing was changed."
        )
    return StoreError(
        f"The database {where} could not be reached. Check that PostgreSQL is running there and that "
        "WTFC_DATABASE_URL is right, then start WTfC Collect again. Nothing was changed."
    )


def _dumps(value: Any) -> bytes:
    return shared.dump_json(value)


def _configure(connection: psycopg.Connection[Any]) -> None:
    set_json_loads(orjson.loads, connection)
    set_json_dumps(_dumps, connection)


#: A connection back in the pool for longer than this is checked (one round trip) before it is lent again,
#: so one that died meanwhile (the database restarted) is replaced instead of failing an action. One that
#: was in use a moment ago is lent at once: a save then costs one round trip, not two.
CHECK_AFTER_SECONDS = 1.0


class _Returned:
    """When each connection last came back to the pool (reset runs then; check runs before lending)."""

    def __init__(self) -> None:
        self._at: weakref.WeakKeyDictionary[psycopg.Connection[Any], float] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def reset(self, connection: psycopg.Connection[Any]) -> None:
        with self._lock:
            self._at[connection] = time.monotonic()

    def check(self, connection: psycopg.Connection[Any]) -> None:
        with self._lock:
            returned = self._at.get(connection)
        if returned is None or time.monotonic() - returned > CHECK_AFTER_SECONDS:
            ConnectionPool.check_connection(connection)


def _options(url: str) -> dict[str, Any]:
    parts = _parts(url)
    options: dict[str, Any] = {"autocommit": True}
    if "connect_timeout" not in parts:
        options["connect_timeout"] = CONNECT_SECONDS
    if "application_name" not in parts:
        options["application_name"] = "wtfc-collect"
    return options


def migrate(connection: psycopg.Connection[Any], where: str) -> None:
    """Apply the migrations this database has not had yet, in order; servers starting together take turns.

    Refuses (StoreUnreadable) a database already migrated by a newer WTfC Collect, or one holding data of a
    newer data version, and changes nothing then.
    """
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", [schema.MIGRATION_LOCK])
        ledger = connection.execute("SELECT to_regclass('wtfc_schema_migrations')").fetchone()
        if ledger is None or ledger[0] is None:  # (an app account that may not create tables never gets here)
            connection.execute(schema.LEDGER)
        applied = {row[0] for row in connection.execute("SELECT number FROM wtfc_schema_migrations")}
        if applied and max(applied) > schema.latest():
            raise StoreUnreadable(
                f"The database {where} was set up by a newer version of WTfC Collect (database version "
                f"{max(applied)}; this copy knows up to {schema.latest()}). Nothing was changed. Please "
                "update WTfC Collect on this server."
            )
        for migration in schema.MIGRATIONS:
            if migration.number not in applied:
                connection.execute(migration.sql.encode())  # our own fixed text, no parameters
                connection.execute(
                    "INSERT INTO wtfc_schema_migrations (number, name) VALUES (%s, %s)",
                    [migration.number, migration.name],
                )
        stored = connection.execute("SELECT value FROM wtfc_meta WHERE name = 'data_version'").fetchone()
        if stored is None:
            connection.execute(
                "INSERT INTO wtfc_meta (name, value) VALUES ('data_version', %s)", [Jsonb(SCHEMA_VERSION)]
            )
        elif stored[0] != SCHEMA_VERSION:
            raise StoreUnreadable(
                f"The database {where} holds data of data version {stored[0]}, and this copy of WTfC Collect "
                f"works with data version {SCHEMA_VERSION}. Nothing was changed. Please use the "
                "matching version of WTfC Collect."
            )


class Database:
    """One pool of connections to one database, shared by the repository and the recordings."""

    def __init__(self, url: str, pool_size: int = DEFAULT_POOL) -> None:
        self.where = describe(url)
        options = _options(url)
        try:
            with psycopg.connect(url, **options) as first:
                _configure(first)
                migrate(first, self.where)
        except psycopg.OperationalError as error:
            raise _unreachable(url, error) from None
        except psycopg.Error:
            raise StoreError(
                f"The database {self.where} could not be prepared for WTfC Collect (its tables could not be "
                "made). Check that the user in WTFC_DATABASE_URL owns the database or may create tables in "
                "it. Nothing was changed."
            ) from None
        returned = _Returned()
        self.pool: ConnectionPool[psycopg.Connection[Any]] = ConnectionPool(
            url,
            kwargs=options,
            min_size=1,
            max_size=max(1, pool_size),
            configure=_configure,
            check=returned.check,
            reset=returned.reset,
            timeout=WAIT_SECONDS,
            reconnect_timeout=RETRY_SECONDS,
            name="wtfc",
            open=False,
        )
        try:
            self.pool.open(wait=True, timeout=CONNECT_SECONDS * 2)
        except PoolTimeout:
            self.pool.close()
            raise StoreError(
                f"The database {self.where} could not be reached. Check that PostgreSQL is running there and "
                "that WTFC_DATABASE_URL is right, then start WTfC Collect again. Nothing was changed."
            ) from None

    def __repr__(self) -> str:
        return f"Database({self.where!r})"

    @contextmanager
    def connection(self, *, writing: bool) -> Iterator[psycopg.Connection[Any]]:
        """A connection for one action. Losing the database turns into a plain StoreError: for a change,
        "not saved, try again" (its transaction is rolled back whole by PostgreSQL)."""
        try:
            with self.pool.connection() as connection:
                yield connection
        except PoolTimeout:
            raise StoreError(NOT_SAVED if writing else NOT_READ) from None
        except psycopg.Error as error:
            if error.sqlstate == schema.WORDS_CHANGED:
                raise shared.words_protected() from None
            if error.sqlstate == schema.AUDIT_CHANGED:
                raise TypeError("Audit events are only added; they are never changed or removed.") from None
            if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
                raise StoreError(NOT_SAVED if writing else NOT_READ) from None
            raise StoreError(REFUSED if writing else NOT_READ) from None
        finally:
            if writing:  # this run changed the database (or tried to): its version is read again
                shared.forget_held_version(id(self))

    def close(self) -> None:
        self.pool.close()


_OPEN: dict[str, Database] = {}
_OPEN_LOCK = threading.Lock()


def open_database(url: str, pool_size: int = DEFAULT_POOL) -> Database:
    """The process's one pool for ``url`` (connected, and the tables brought up to date, on first use)."""
    if not is_database_url(url):
        raise StoreError(BAD_ADDRESS)
    _parts(url)
    with _OPEN_LOCK:
        found = _OPEN.get(url)
        if found is None or found.pool.closed:
            found = _OPEN[url] = Database(url, pool_size)
        return found


def close_all() -> None:
    """Close every pool of this process (for tests and shutdown); the next use connects afresh."""
    with _OPEN_LOCK:
        for database in _OPEN.values():
            database.close()
        _OPEN.clear()
