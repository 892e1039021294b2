"""Step 5, identify success: for each of a theme's top root causes, what people would be saying if it were
put right, from each perspective in the room, and how else we would know: measures that count (with a
baseline where one is known) or the words we will hear people say."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wtfc_collect.domain import (
    AuditAction,
    DomainError,
    Measure,
    MeasureKind,
    Perspective,
    RootCause,
    SuccessStatement,
    Theme,
    new_id,
)
from wtfc_collect.domain.cycle import theme_key
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
from wtfc_collect.services.workshop.understand import chosen_theme, forward_causes
from wtfc_collect.storage.port import ConflictError, Repository

NO_TEXT = 'Write what they would be saying if this was put right, for example "I …" or "We …".'
NO_CAUSE = "Choose the root cause this is about: one of the top root causes taken forward on Understand."
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
def success_causes(repo: Repository, theme_id: str) -> list[RootCause]:
    """The root causes success is written for: the theme's top ones, taken forward on Understand."""
    return forward_causes(repo, theme_id)


@guard(FACILITATORS)
def add_success(
    repo: Repository,
    theme_id: str,
    text: str,
    *,
    root_cause_id: str | None,
    perspective: Perspective = Perspective.PEOPLE,
    perspective_name: str | None = None,
    actor: str,
    now: datetime,
) -> SuccessStatement:
    """What one perspective would be saying if one of the theme's top root causes were put right. For
    another perspective, give its name (e.g. "Third sector"); a name that means a main perspective
    ("providers") is filed under it."""
    theme = chosen_theme(repo, theme_id)
    name: str | None = None
    problems: dict[str, str] = {}
    if root_cause_id not in {c.id for c in forward_causes(repo, theme_id)}:
        problems["root_cause_id"] = NO_CAUSE
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
            "root_cause_id": root_cause_id,
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


WORDS_HAVE_NO = {
    "unit": "A measure in words has no unit: leave this empty, or choose a number we count.",
    "baseline": "A measure in words has no baseline figure: leave this empty, or choose a number we count.",
}


def _measure_fields(
    kind: MeasureKind,
    description: str,
    unit: str | None,
    baseline: str | float | None,
    how_we_will_know: str,
) -> dict[str, Any]:
    """The fields of a measure. A number may have a unit and a baseline typed as text ("1,500", "38%"), or
    left empty; a measure in words has neither. Every problem comes back at once, each by its field."""
    problems: dict[str, str] = {}
    if not description.strip():
        words = kind is MeasureKind.WORDS
        problems["description"] = "Write what we will " + ("hear people say." if words else "count.")
    number: float | None = None
    try:
        number = parse_baseline(baseline)
    except DomainError as problem:
        problems["baseline"] = problem.message
    unit = (unit or "").strip() or None
    if kind is MeasureKind.WORDS:
        if unit:
            problems["unit"] = WORDS_HAVE_NO["unit"]
        if number is not None:
            problems["baseline"] = WORDS_HAVE_NO["baseline"]
    if problems:
        raise InvalidInput(problems)
    return {
        "kind": kind,
        "description": description,
        "unit": unit,
        "baseline": number,
        "how_we_will_know": how_we_will_know,
    }


@guard(FACILITATORS)
def add_measure(
    repo: Repository,
    success_id: str,
    description: str,
    *,
    kind: MeasureKind = MeasureKind.NUMBER,
    unit: str | None = None,
    baseline: str | float | None = None,
    how_we_will_know: str = "",
    actor: str,
    now: datetime,
) -> Measure:
    """How else we would know: a measure for a success statement, a number (the baseline may come later)
    or the words we will hear people say; with where the figures or words will come from."""
    statement = _success(repo, success_id)
    measure = build(
        Measure,
        {
            "id": new_id(),
            "project_id": statement.project_id,
            "success_id": statement.id,
            **_measure_fields(MeasureKind(kind), description, unit, baseline, how_we_will_know),
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
    kind: MeasureKind | None = None,
    unit: str | None = None,
    baseline: str | float | None = None,
    how_we_will_know: str = "",
    expected_revision: int | None = None,
    actor: str,
    now: datetime,
) -> Measure:
    """Change a measure's words, unit, baseline or source. Readings taken later (Step 8) stay as they are,
    and a measure that has readings or words heard keeps its kind."""
    measure = _measure(repo, measure_id)
    kind = MeasureKind(kind or measure.kind)
    if kind is not measure.kind and (measure.readings or measure.heard):
        raise InvalidInput({"kind": "Progress is already recorded on this measure, so it keeps its kind."})
    fields = _measure_fields(kind, description, unit, baseline, how_we_will_know)
    saved: Measure = _save_change(repo, measure, fields, expected_revision)
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
def success_board(
    repo: Repository, theme_id: str, root_cause_id: str | None = None
) -> list[PerspectiveGroup]:
    """The theme's success statements about one root cause (None: those about the theme as a whole, written
    before root causes were taken forward) by perspective: the three main ones always (perhaps empty), then
    the room's own perspectives in the order they were first used. Statements and measures oldest first."""
    theme = chosen_theme(repo, theme_id)
    statements = [
        s for s in repo.find(SuccessStatement, theme_id=theme.id) if s.root_cause_id == root_cause_id
    ]
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


@dataclass(frozen=True)
class CauseSuccess:
    """One root cause taken forward (None: the theme as a whole) and its success, by perspective."""

    cause: RootCause | None
    groups: tuple[PerspectiveGroup, ...]

    @property
    def items(self) -> tuple[SuccessItem, ...]:
        return tuple(item for group in self.groups for item in group.items)


@guard(FACILITATORS)
def success_by_cause(repo: Repository, theme_id: str) -> list[CauseSuccess]:
    """Every success statement of a theme: for each root cause taken forward, then (if there are any) those
    about the theme as a whole."""
    found = [
        CauseSuccess(cause, tuple(success_board(repo, theme_id, cause.id)))
        for cause in forward_causes(repo, theme_id)
    ]
    whole = CauseSuccess(None, tuple(success_board(repo, theme_id, None)))
    return [*found, whole] if whole.items else found


@guard(FACILITATORS)
def theme_success(repo: Repository, theme_id: str) -> list[SuccessItem]:
    """Every success statement of a theme with its measures (for an action plan to name), oldest first."""
    return [item for part in success_by_cause(repo, theme_id) for item in part.items]


# --- success carried from the last cycle ------------------------------------------------------------------
def _carried_theme(repo: Repository, theme: Theme) -> Theme | None:
    """The last cycle's priority carried into this cycle that is the same theme as ``theme`` (matched by
    hand, or of the same name), if there is one."""
    for carried in repo.find(Theme, project_id=theme.project_id, question=theme.question.value):
        if carried.carried_from is None:
            continue
        same_name = theme_key(carried.name) == theme_key(theme.name)
        if theme.last_cycle_theme_id == carried.carried_from or same_name:
            return carried
    return None


@guard(FACILITATORS)
def carried_success(repo: Repository, theme_id: str) -> list[SuccessItem]:
    """The success statements and measures the last cycle had for this theme, carried forward as a
    baseline and not yet taken on for it (none for a first cycle, or a theme new this cycle)."""
    theme = chosen_theme(repo, theme_id)
    carried = _carried_theme(repo, theme)
    if carried is None:
        return []
    measures = repo.find(Measure, project_id=theme.project_id)
    return [
        SuccessItem(s, tuple(m for m in measures if m.success_id == s.id))
        for s in repo.find(SuccessStatement, theme_id=carried.id)
    ]


@guard(FACILITATORS)
def carry_on(repo: Repository, theme_id: str, *, actor: str, now: datetime) -> int:
    """Take on the last cycle's success statements for this theme, with their measures and readings: each
    goes under this cycle's root cause with the same words, if the room took that cause forward again, else
    under the theme as a whole. Returns how many statements were taken on."""
    theme = chosen_theme(repo, theme_id)
    items = carried_success(repo, theme_id)
    if not items:
        raise DomainError("There is nothing from the last cycle to carry on for this theme.", "carry_on")
    causes = {theme_key(c.cause): c.id for c in forward_causes(repo, theme_id)}
    for item in items:
        origin = repo.get(SuccessStatement, item.statement.carried_from or "")
        cause = repo.get(RootCause, origin.root_cause_id) if origin and origin.root_cause_id else None
        again = causes.get(theme_key(cause.cause)) if cause else None
        changes = {"theme_id": theme.id, "root_cause_id": again}
        _save_change(repo, item.statement, changes, None)
    reason = f"{len(items)} success statements carried on"
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=theme, now=now, reason=reason)
    return len(items)
