"""Helpers shared by the use cases: plain-words input errors, validated updates and the audit trail."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import secrets
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from wtfc_collect.domain import (
    AuditAction,
    AuditEvent,
    DomainError,
    Record,
    StoreSecret,
    collection_of,
    new_id,
    plain_errors,
    utc,
)
from wtfc_collect.storage.port import ConflictError, Repository

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
R = TypeVar("R", bound=Record)


class InvalidInput(DomainError):
    """What someone entered breaks a rule. ``errors`` maps each field to a plain-words message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        first_field, first_message = next(iter(self.errors.items()), ("", "Please check what you entered."))
        super().__init__(first_message, first_field or None)


@contextmanager
def words_checked(field: str) -> Iterator[None]:
    """Turn a broken rule about some words (empty, too long) into InvalidInput for ``field``."""
    try:
        yield
    except ValidationError as error:
        raise InvalidInput(
            {field: next(iter(plain_errors(error).values()), "Please check the words.")}
        ) from None


def build(model: type[M], data: Mapping[str, Any]) -> M:
    """Validate ``data`` into ``model``; on failure raise InvalidInput with plain messages."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as error:
        raise InvalidInput(plain_errors(error)) from None


def updated(record: M, changes: Mapping[str, Any]) -> M:
    """A validated copy of ``record`` with ``changes`` applied (model_copy alone would skip validation)."""
    return build(type(record), {**record.model_dump(), **changes})


def record_audit(
    repo: Repository,
    *,
    actor: str,
    action: AuditAction,
    record: Record | None,
    now: datetime,
    reason: str = "",
) -> None:
    """Write one audit entry. Only ids and kinds go in: never the words of a statement."""
    repo.append_audit(
        AuditEvent(
            id=new_id(),
            at=utc(now),
            actor=actor,
            action=action,
            record_kind="" if record is None else type(record).__name__.lower(),
            record_id="" if record is None else record.id,
            reason=reason,
        )
    )


def change(
    repo: Repository, kind: type[R], record_id: str, apply: Callable[[R], None], attempts: int = 3
) -> R:
    """Load a record, apply ``apply`` to it and save it; if someone saved in between, try again.

    For changes that can be re-applied safely to a newer copy (adding a statement, choosing a
    priority). A change built from a form that was filled in from an older copy must not use this.
    """
    for attempt in range(attempts):
        record = repo.get(kind, record_id)
        if record is None:
            raise DomainError(f"That {kind.__name__.lower()} no longer exists.")
        apply(record)
        try:
            return repo.save(record)
        except ConflictError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def change_recorded(
    repo: Repository,
    kind: type[R],
    record_id: str,
    apply: Callable[[R], None],
    attempts: int = 3,
    *,
    actor: str,
    action: AuditAction,
    now: datetime,
    reason: str = "",
) -> R:
    """:func:`change` the record, then :func:`record_audit` it: the usual edit by a use case, in one call."""
    saved = change(repo, kind, record_id, apply, attempts)
    record_audit(repo, actor=actor, action=action, record=saved, now=now, reason=reason)
    return saved


_KEPT_RESULTS = 32  # the costly views, and the small record lists every page run reads
_kept: OrderedDict[tuple[int, str, str, str], Any] = OrderedDict()
_kept_lock = threading.Lock()
_store_numbers: weakref.WeakKeyDictionary[Repository, int] = weakref.WeakKeyDictionary()
_next_store = itertools.count(1)


def _store_number(repo: Repository) -> int:
    """A number for this repository object that no other one ever gets (``id()`` is reused once an object
    is gone, and a new store's first versions can equal an old one's)."""
    with _kept_lock:
        number = _store_numbers.get(repo)
        if number is None:
            number = _store_numbers[repo] = next(_next_store)
        return number


def kept_until_changed(repo: Repository, name: str, key: str, compute: Callable[[], T]) -> T:
    """The result of ``compute``, kept while nothing in the store changes (``repo.version()``).

    For costly read-only views that every screen refresh asks for again (the quality overview): a page
    rerun when someone changes a filter then costs a look at the store's version, not a recount. Only
    ever called inside a use case, after its role check.
    """
    wanted = (_store_number(repo), repo.version(), name, key)
    with _kept_lock:
        if wanted in _kept:
            _kept.move_to_end(wanted)
            return cast(T, _kept[wanted])
    result = compute()
    with _kept_lock:
        _kept[wanted] = result
        while len(_kept) > _KEPT_RESULTS:
            _kept.popitem(last=False)
    return result


def kept_records(repo: Repository, kind: type[R], **where: str) -> list[R]:
    """``repo.find(kind, **where)`` kept while nothing in the store changes, for the few small records that
    every page run asks for (projects, the checkpoint and its actions): on the shared database a page run
    then asks the database for its version once instead of once for each. Each call gets copies, so a
    caller that changes one (before saving it) never changes what the next page run sees."""
    key = "&".join(f"{field}={value}" for field, value in sorted(where.items()))
    found = kept_until_changed(repo, f"records:{collection_of(kind)}", key, lambda: repo.find(kind, **where))
    return [record.model_copy() for record in found]


# --- refused tries: counted in the store, never as what was typed -------------------------------------
def keyed(repo: Repository, kind: str, typed: str, now: datetime) -> str:
    """A label for ``typed`` (a username, a code, an address) that cannot be read back: an HMAC with the
    store's own secret key. Refused tries are counted under such labels, never under the typed text."""
    found = repo.find(StoreSecret)
    secret = found[0] if found else None
    if secret is None:
        repo.save(StoreSecret(id=new_id(), value=secrets.token_hex(32), created_at=utc(now)))
        secret = repo.find(StoreSecret)[0]  # the oldest wins if two servers made one at once
    digest = hmac.new(bytes.fromhex(secret.value), f"{kind}\0{typed}".encode(), hashlib.sha256).hexdigest()
    return f"{kind}:{digest[:32]}"


@dataclass(frozen=True)
class Throttle:
    """How many refused tries under one label are free in ``window``; after that each try waits, first
    ``first_wait``, then twice as long each time, never more than ``longest_wait``. Nobody is locked out
    for good: the waits end, and a label belongs to one account *from one place*, so someone elsewhere
    cannot keep an account shut."""

    free: int
    window: timedelta = timedelta(minutes=15)
    first_wait: timedelta = timedelta(seconds=30)
    longest_wait: timedelta = timedelta(minutes=15)

    def wait(self, repo: Repository, label: str, now: datetime) -> timedelta | None:
        """How long ``label`` must still wait before its next try, or None when it may try now."""
        tries = repo.attempts_since(label, utc(now) - self.window)
        if len(tries) < self.free:
            return None
        waited = min(self.first_wait * 2 ** (len(tries) - self.free), self.longest_wait)
        left = tries[-1] + waited - utc(now)
        return left if left > timedelta(0) else None

    def starts_waiting(self, repo: Repository, label: str, now: datetime) -> bool:
        """Note one refused try; True when it is the one after which waits begin (worth an audit entry)."""
        repo.note_attempt(label, utc(now))
        return len(repo.attempts_since(label, utc(now) - self.window)) == self.free


def wait_words(left: timedelta) -> str:
    """ "30 seconds", "2 minutes": how long someone must wait, in plain words."""
    seconds = max(1, round(left.total_seconds()))
    if seconds < 90:
        return f"{seconds} seconds"
    return f"{round(seconds / 60)} minutes"
