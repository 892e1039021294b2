"""Step 5, identify success: what people would be saying if the root causes were put right, from each
perspective in the room, and how else we would know (measures, with a baseline where one is known)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wtfc_collect.domain import AuditAction, DomainError, Measure, Perspective, SuccessStatement, new_id
from wtfc_collect.domain.success import (
    MAIN_PERSPECTIVES,
    PERSPECTIVE_LABELS,
    parse_baseline,
    perspective_key,
    perspective_label,
    resolve_perspective,
)
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.common import InvalidInput, build, record_audit, updated
from wtfc_collect.services.workshop.understand import chosen_theme
from wtfc_collect.storage.port import ConflictError, Repository

NO_TEXT = 'Write what they would be saying if this was put right, for example "I …" or "We …".'
KEEP_READINGS = "Progress has already been recorded against this measure, so it stays as part of the record."
STALE = "Someone changed this while you were typing. Look at it again, then make your change."


@dataclass(frozen=True)
class SuccessItem:
    statement: SuccessStatement
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class PerspectiveGroup:
    """One perspective's success statements for a theme. ``name`` is set for the room's own ones."""

    perspective: Perspective
    name: str | None
    label: str
    items: tuple[SuccessItem, ...]


def _success(repo: Repository, success_id: str) -> SuccessStatement:
    found = repo.get(SuccessStatement, success_id)
    if found is None:
        raise DomainError("That success statement could not be found. Someone may have removed it.")
    return found


def _measure(repo: Repository, measure_id: str) -> Measure:
    found = repo.get(Measure, measure_id)
    if found is None:
        raise DomainError("That measure could not be found. Someone may have removed it.")
    return found


def _save_change(
    repo: Repository, record: Any, changes: Mapping[str, Any], expected_revision: int | None
) -> Any:
    if expected_revision is not None and record.revision != expected_revision:
        raise DomainError(STALE)
    try:
        return repo.save(updated(record, changes))
    except ConflictError:
        raise DomainError(STALE) from None


@guard(FACILITATORS)
def custom_perspectives(repo: Repository, project_id: str) -> list[str]:
    """The room's own perspectives used so far in the project (e.g. "Third sector"), as first written."""
    names = [
        s.perspective_name
        for s in repo.find(SuccessStatement, project_id=project_id, perspective=Perspective.OTHER)
        if s.perspective_name
    ]
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


@guard(FACILITATORS)
def add_success(
    repo: Repository,
    theme_id: str,
    text: str,
    *,
    perspective: Perspective = Perspective.PEOPLE,
    perspective_name: str | None = None,
    actor: str,
    now: datetime,
) -> SuccessStatement:
    """A success statement for a chosen theme. For another perspective, give its name (e.g. "Third sector");
    a name that means a main perspective ("providers") is filed under it."""
    theme = chosen_theme(repo, theme_id)
    name: str | None = None
    problems: dict[str, str] = {}
    if perspective is Perspective.OTHER:
        try:
            perspective, name = resolve_perspective(
                perspective_name or "", custom_perspectives(repo, theme.project_id)
            )
        except DomainError as problem:
            problems["perspective_name"] = problem.message
    if not text.strip():
        problems["text"] = NO_TEXT
    if problems:
        raise InvalidInput(problems)
    statement = build(
        SuccessStatement,
        {
            "id": new_id(),
            "project_id": theme.project_id,
            "theme_id": theme.id,
            "perspective": perspective,
            "perspective_name": name,
            "text": text,
        },
    )
    saved = repo.save(statement)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now, reason="success")
    return saved


@guard(FACILITATORS)
def edit_success(
    repo: Repository,
    success_id: str,
    text: str,
    *,
    expected_revision: int | None = None,
    actor: str,
    now: datetime,
) -> SuccessStatement:
    if not text.strip():
        raise InvalidInput({"text": NO_TEXT})
    saved: SuccessStatement = _save_change(
        repo, _success(repo, success_id), {"text": text}, expected_revision
    )
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="success changed")
    return saved


@guard(FACILITATORS)
def remove_success(repo: Repository, success_id: str, *, actor: str, now: datetime) -> None:
    """Remove a success statement and its measures (not once a measure has readings from Step 8)."""
    statement = _success(repo, success_id)
    measures = repo.find(Measure, success_id=statement.id)
    if any(m.readings for m in measures):
        raise DomainError(KEEP_READINGS)
    for measure in measures:
        repo.delete(Measure, measure.id)
    repo.delete(SuccessStatement, statement.id)
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=statement, now=now, reason="success removed"
    )


def _measure_fields(description: str, unit: str | None, baseline: str | float | None) -> dict[str, Any]:
    """The fields of a measure; a baseline may be typed as text ("1,500", "38%"), or left empty."""
    try:
        number = parse_baseline(baseline)
    except DomainError as problem:
        problems = {"baseline": problem.message}
        if not description.strip():
            problems["description"] = "Please fill this in."
        raise InvalidInput(problems) from None
    return {"description": description, "unit": (unit or "").strip() or None, "baseline": number}


@guard(FACILITATORS)
def add_measure(
    repo: Repository,
    success_id: str,
    description: str,
    *,
    unit: str | None = None,
    baseline: str | float | None = None,
    actor: str,
    now: datetime,
) -> Measure:
    """How else we would know: a measure for a success statement; the baseline may come later."""
    statement = _success(repo, success_id)
    measure = build(
        Measure,
        {
            "id": new_id(),
            "project_id": statement.project_id,
            "success_id": statement.id,
            **_measure_fields(description, unit, baseline),
        },
    )
    saved = repo.save(measure)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now, reason="measure")
    return saved


@guard(FACILITATORS)
def edit_measure(
    repo: Repository,
    measure_id: str,
    description: str,
    *,
    unit: str | None = None,
    baseline: str | float | None = None,
    expected_revision: int | None = None,
    actor: str,
    now: datetime,
) -> Measure:
    """Change a measure's words, unit or baseline. Readings taken later (Step 8) stay as they are."""
    measure = _measure(repo, measure_id)
    saved: Measure = _save_change(
        repo, measure, _measure_fields(description, unit, baseline), expected_revision
    )
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="measure changed")
    return saved


@guard(FACILITATORS)
def remove_measure(repo: Repository, measure_id: str, *, actor: str, now: datetime) -> None:
    measure = _measure(repo, measure_id)
    if measure.readings:
        raise DomainError(KEEP_READINGS)
    repo.delete(Measure, measure.id)
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=measure, now=now, reason="measure removed"
    )


@guard(FACILITATORS)
def success_board(repo: Repository, theme_id: str) -> list[PerspectiveGroup]:
    """The theme's success statements by perspective: the three main ones always (perhaps empty), then the
    room's own perspectives in the order they were first used. Statements and measures oldest first."""
    theme = chosen_theme(repo, theme_id)
    statements = repo.find(SuccessStatement, theme_id=theme.id)
    measures = repo.find(Measure, project_id=theme.project_id)
    groups: dict[str, list[SuccessItem]] = {p.value: [] for p in MAIN_PERSPECTIVES}
    first: dict[str, SuccessStatement] = {}
    for statement in statements:
        key = perspective_key(statement)
        first.setdefault(key, statement)
        mine = tuple(m for m in measures if m.success_id == statement.id)
        groups.setdefault(key, []).append(SuccessItem(statement, mine))
    board = [
        PerspectiveGroup(p, None, PERSPECTIVE_LABELS[p], tuple(groups[p.value])) for p in MAIN_PERSPECTIVES
    ]
    for key, items in groups.items():
        if key.startswith("other:"):
            label = perspective_label(first[key])
            board.append(PerspectiveGroup(Perspective.OTHER, label, label, tuple(items)))
    return board
