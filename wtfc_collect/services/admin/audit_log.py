"""Reading the audit log: for quality leads and administrators only."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from wtfc_collect.domain import AuditAction, AuditEvent
from wtfc_collect.services.access import QUALITY, guard
from wtfc_collect.storage.port import Repository


@guard(QUALITY)
def audit_entries(
    repo: Repository,
    *,
    actor: str | None = None,
    actions: Iterable[AuditAction] = (),
    since: date | None = None,
    until: date | None = None,
    record_id: str | None = None,
    limit: int = 500,
) -> list[AuditEvent]:
    """Entries newest first, filtered by who, what, when (UTC dates, inclusive) and which record."""
    wanted = set(actions)
    found = repo.audit_log(record_id)
    rows = [
        event
        for event in found
        if (not actor or event.actor.casefold() == actor.casefold())
        and (not wanted or event.action in wanted)
        and (since is None or event.at.date() >= since)
        and (until is None or event.at.date() <= until)
    ]
    rows.sort(key=lambda e: e.at, reverse=True)
    return rows[:limit]


@guard(QUALITY)
def audit_actors(repo: Repository) -> list[str]:
    return sorted({event.actor for event in repo.audit_log()}, key=str.casefold)
