"""Steps 7 and 8, Implement and review: readings for each measure (baseline against now), where each action
stands, and what worked and what did not in the way the project itself was run."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from wtfc_collect.domain import (
    ActionPlan,
    ActionStatus,
    AuditAction,
    DomainError,
    Heard,
    Measure,
    MeasureKind,
    ProcessNote,
    Reading,
    SuccessStatement,
    Theme,
    new_id,
    utc,
)
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.common import (
    InvalidInput,
    build,
    change_recorded,
    record_audit,
    words_checked,
)
from wtfc_collect.storage.port import Repository

NOT_A_NUMBER = "Enter the number you measured, for example 12 or 40.5."
WORDS_MEASURE = "This measure is about what people say: write down what you heard instead of a number."


def _number(value: float | None, field: str) -> float:
    if (
        value is None
        or isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
    ):
        raise InvalidInput({field: NOT_A_NUMBER})
    return float(value)


@guard(FACILITATORS)
def get_measure(repo: Repository, measure_id: str) -> Measure:
    measure = repo.get(Measure, measure_id)
    if measure is None:
        raise DomainError("That measure could not be found. It may have been removed.", "measure")
    return measure


# --- measures -----------------------------------------------------------------------------------------
@guard(FACILITATORS)
def add_reading(
    repo: Repository, measure_id: str, value: float | None, on: date | None, *, actor: str, now: datetime
) -> Measure:
    """Record what a measure showed on a day. Readings are kept in full, so progress can be followed."""
    if get_measure(repo, measure_id).kind is MeasureKind.WORDS:
        raise InvalidInput({"value": WORDS_MEASURE})
    number = _number(value, "value")
    reading = Reading(on=_check_day(on, now), value=number)
    return change_recorded(
        repo, Measure, measure_id, lambda m: setattr(m, "readings", [*m.readings, reading]),
        actor=actor, action=AuditAction.EDIT, now=now, reason="reading added",
    )


def _check_day(on: date | None, now: datetime) -> date:
    if on is None:
        raise InvalidInput({"on": "Enter the day the measure was taken."})
    if on > utc(now).date():
        raise InvalidInput({"on": "The day cannot be in the future."})
    return on


@guard(FACILITATORS)
def add_heard(
    repo: Repository, measure_id: str, text: str, on: date | None, *, actor: str, now: datetime
) -> Measure:
    """Record what people said on a day, for a measure in words ("what we will hear people say"). Only
    what was heard, in a sentence or two: never who said it."""
    if get_measure(repo, measure_id).kind is not MeasureKind.WORDS:
        raise InvalidInput({"text": "This measure counts something: add a reading with the number instead."})
    if not text.strip():
        raise InvalidInput({"text": "Write what people said, in a sentence or two (never who said it)."})
    day = _check_day(on, now)
    with words_checked("text"):
        heard = Heard(on=day, text=text)
    return change_recorded(
        repo, Measure, measure_id, lambda m: setattr(m, "heard", [*m.heard, heard]),
        actor=actor, action=AuditAction.EDIT, now=now, reason="words heard",
    )


@guard(FACILITATORS)
def set_baseline(
    repo: Repository, measure_id: str, value: float | None, *, actor: str, now: datetime
) -> Measure:
    """Write down where things stand before the change (Step 7 asks for it if Step 5 could not)."""
    if get_measure(repo, measure_id).kind is MeasureKind.WORDS:
        raise InvalidInput({"baseline": WORDS_MEASURE})
    number = _number(value, "baseline")
    return change_recorded(
        repo, Measure, measure_id, lambda m: setattr(m, "baseline", number),
        actor=actor, action=AuditAction.EDIT, now=now, reason="baseline set",
    )


@dataclass(frozen=True)
class MeasureRow:
    """One measure with the theme and success statement it belongs to, and its baseline against now."""

    measure: Measure
    success: SuccessStatement | None
    theme: Theme | None

    @property
    def change(self) -> float | None:
        """Current minus baseline; None until both are known."""
        if self.measure.baseline is None or self.measure.current is None:
            return None
        return self.measure.current - self.measure.baseline

    @property
    def last_reading(self) -> date | None:
        days = [r.on for r in self.measure.readings] + [h.on for h in self.measure.heard]
        return max(days, default=None)

    @property
    def carried(self) -> bool:
        """Carried forward from the last cycle (its readings there stay with that cycle)."""
        return self.measure.carried_from is not None


@guard(FACILITATORS)
def measures(repo: Repository, project_id: str) -> list[MeasureRow]:
    """Every measure of the project, grouped by theme in the order the themes were made."""
    successes = {s.id: s for s in repo.find(SuccessStatement, project_id=project_id)}
    themes = {t.id: t for t in repo.find(Theme, project_id=project_id)}
    order = list(themes)
    rows = []
    for measure in repo.find(Measure, project_id=project_id):
        success = successes.get(measure.success_id)
        rows.append(MeasureRow(measure, success, themes.get(success.theme_id) if success else None))
    return sorted(rows, key=lambda r: order.index(r.theme.id) if r.theme else len(order))


def readings(measure: Measure) -> list[Reading]:
    """The readings in date order (of two on the same day, the one added first comes first)."""
    return sorted(measure.readings, key=lambda r: r.on)


def heard(measure: Measure) -> list[Heard]:
    """What people said, in date order."""
    return sorted(measure.heard, key=lambda h: h.on)


# --- actions ------------------------------------------------------------------------------------------
@guard(FACILITATORS)
def set_action_status(
    repo: Repository, action_id: str, status: ActionStatus, *, actor: str, now: datetime
) -> ActionPlan:
    return change_recorded(
        repo, ActionPlan, action_id, lambda a: setattr(a, "status", ActionStatus(status)),
        actor=actor, action=AuditAction.EDIT, now=now, reason=f"status: {ActionStatus(status).value}",
    )


def status_counts(actions: list[ActionPlan]) -> dict[ActionStatus, int]:
    counts = dict.fromkeys(ActionStatus, 0)
    for action in actions:
        counts[action.status] += 1
    return counts


# --- how the process went -----------------------------------------------------------------------------
@guard(FACILITATORS)
def add_process_note(
    repo: Repository, project_id: str, worked: bool, text: str, *, actor: str, now: datetime
) -> ProcessNote:
    """Keep one thing that worked, or did not, about the way the project was run."""
    note = build(
        ProcessNote,
        {"id": new_id(), "project_id": project_id, "worked": worked, "text": text, "at": utc(now)},
    )
    saved = repo.save(note)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now)
    return saved


@guard(FACILITATORS)
def remove_process_note(repo: Repository, note_id: str, *, actor: str, now: datetime) -> None:
    note = repo.get(ProcessNote, note_id)
    if note is None:
        raise DomainError("That note was already removed.")
    repo.delete(ProcessNote, note_id)
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=note, now=now, reason="note removed")


@guard(FACILITATORS)
def process_notes(repo: Repository, project_id: str) -> tuple[list[ProcessNote], list[ProcessNote]]:
    """What worked, and what did not, oldest first."""
    notes = repo.find(ProcessNote, project_id=project_id)
    return [n for n in notes if n.worked], [n for n in notes if not n.worked]
