"""The demo workshop after the workshops, Steps 7 and 8: the room's notes on what is working and what is
missing, where each action stands, baselines and readings of the measures (and what people said, for the
measures in words), the communication plan, how each group found the process, the review date and, for a
finished cycle, the review itself.

Everything is dated after the second workshop day and never after the timeline's end; readings come after
the baseline they are compared with. Texts are in ``workshop_review.toml``. Running it twice adds nothing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

from wtfc_collect.domain import (
    ActionStatus,
    AuditAction,
    Communication,
    EvaluationAnswer,
    Heard,
    Measure,
    MeasureKind,
    Reading,
    Theme,
)
from wtfc_collect.domain.success import resolve_perspective
from wtfc_collect.services.common import record_audit, updated
from wtfc_collect.services.workshop import keep_and_spread, learning_review, plan, progress_review
from wtfc_collect.storage.port import Repository

from .chains import chains
from .timeline import Timeline

ACTOR = "demo"
BANK_FILE = "workshop_review.toml"
PROCESS_NOTES = (
    (True, "Starting with what is working put everyone at ease and gave people something to build on."),
    (True, "Having people who use support in every group changed the ideas: fewer services, more community."),
    (False, "Some staff found 'radical' and 'different' ideas hard. Send examples out before the day."),
)
# Readings of a finished cycle: weeks after the second workshop day.
FINISHED_READINGS = (8, 16, 24, 32)
HEARD_WEEKS = (10, 20, 30)
ASKED = 12  # people asked about a measure in words, at reviews


@dataclass(frozen=True)
class ReviewSeed:
    notes: int = 0
    statuses: int = 0
    readings: int = 0
    communications: int = 0
    evaluations: int = 0


@cache
def texts() -> dict[str, Any]:
    files = resources.files(__package__ or "wtfc_collect.demo")
    return tomllib.loads(files.joinpath(BANK_FILE).read_text(encoding="utf-8"))


# --- numbers that move the right way ---------------------------------------------------------------------
def _rounded(value: float, unit: str | None, baseline: float) -> float:
    if unit and "%" in unit:
        return round(min(max(value, 0.0), 100.0), 1)
    if abs(baseline) >= 1000:
        return float(round(value, -2))
    return float(round(value))


def moved(baseline: float, aim: str, step: int, unit: str | None, most: float | None = None) -> float:
    """Where a measure stands ``step`` readings after its baseline, moving the right way (a small count
    goes up by one every other reading, never past ``most``)."""
    if abs(baseline) < 10:
        change = float((step + 1) // 2)
        value = baseline + change if aim == "up" else max(baseline - change, 0.0)
    else:
        share = 0.07 * step if aim == "up" else -0.06 * step
        value = _rounded(baseline * (1 + share), unit, baseline)
    return min(value, most) if most is not None else value


def _aims(project_id: str, repo: Repository) -> dict[str, tuple[str, float | None]]:
    """Which way is better for each measure of the project, and the most it can be, from the chains."""
    known = {
        m.description: (m.aim, m.most)
        for chain in chains().values()
        for cause in chain.causes
        for success in cause.success
        for m in success.measures
    }
    return {m.id: known.get(m.description, ("up", None)) for m in repo.find(Measure, project_id=project_id)}


def _heard(step: int, asked: int = ASKED) -> str:
    return f"Asked at {asked} reviews: {min(asked, 3 + 2 * step)} people said something like this."


def _progress(measure: Measure, aim: tuple[str, float | None], days: list[date], start_step: int) -> Measure:
    """The measure with readings (or words heard) on ``days``, continuing from step ``start_step``."""
    if measure.kind is MeasureKind.WORDS:
        heard = [Heard(on=day, text=_heard(start_step + n)) for n, day in enumerate(days, start=1)]
        return updated(measure, {"heard": [*measure.heard, *heard]})
    base = measure.baseline if measure.baseline is not None else 0.0
    readings = [
        Reading(on=day, value=moved(base, aim[0], start_step + n, measure.unit, aim[1]))
        for n, day in enumerate(days, 1)
    ]
    return updated(measure, {"readings": [*measure.readings, *readings]})


def _days(measure: Measure, when: Timeline, finished: bool) -> tuple[list[date], int]:
    """The days a measure is read (or people are asked) in this cycle, and the step it goes on from."""
    words = measure.kind is MeasureKind.WORDS
    if finished:
        weeks = HEARD_WEEKS if words else FINISHED_READINGS
        return [when.after(7 * w).date() for w in weeks if when.later(7 * w)], 0
    if measure.carried_from is not None:
        # Followed on from the last cycle: read again since this cycle began. A number goes on from its
        # baseline (where the last cycle left it); words go on from what was heard then.
        days = sorted({(when.day_one - timedelta(days=7)).date(), (when.end - timedelta(days=2)).date()})
        return days, len(HEARD_WEEKS) if words else 0
    last = (when.end - timedelta(days=2)).date()
    if words or last <= when.after(7).date():
        return [], 0
    return [last], 0


def _readings(repo: Repository, project_id: str, when: Timeline, finished: bool) -> int:
    aims = _aims(project_id, repo)
    added = 0
    for measure in repo.find(Measure, project_id=project_id):
        if measure.readings or measure.heard:
            continue
        if measure.kind is MeasureKind.NUMBER and measure.baseline is None:
            # Step 7: where things stand now, for a measure the room could not put a figure on.
            baseline = 40.0 if measure.unit and "%" in measure.unit else 12.0
            measure = progress_review.set_baseline(
                repo, measure.id, baseline, actor=ACTOR, now=when.after(14)
            )
        days, start = _days(measure, when, finished)
        if days:
            repo.save(_progress(measure, aims.get(measure.id, ("up", None)), days, start))
            added += len(days)
    if added:
        record_audit(
            repo, actor=ACTOR, action=AuditAction.EDIT, record=None, now=when.end, reason="demo: readings"
        )
    return added


# --- actions, notes, the plan for telling people, evaluation, review ---------------------------------------
def _statuses(repo: Repository, project_id: str, when: Timeline, finished: bool) -> int:
    changed = 0
    by_theme: dict[str, list[Any]] = {}
    for action in plan.action_plans(repo, project_id):
        by_theme.setdefault(action.theme_id, []).append(action)
    for index, actions in enumerate(by_theme.values()):
        for place, action in enumerate(actions):
            if action.status is not ActionStatus.NOT_STARTED:
                continue
            if finished:
                status = ActionStatus.DONE if place == 0 or index < 2 else ActionStatus.UNDER_WAY
                at = when.after(7 * (20 if place == 0 else 28))
            elif place == 0 and when.later(7):
                status, at = ActionStatus.UNDER_WAY, when.after(7)
            else:
                continue
            progress_review.set_action_status(repo, action.id, status, actor=ACTOR, now=at)
            changed += 1
    return changed


def _follow_ups(repo: Repository, project_id: str, when: Timeline) -> int:
    notes = texts()["follow_up"]
    written = 0
    for found, bank in (
        (keep_and_spread.keep_and_spread(repo, project_id), notes["working"]),
        (keep_and_spread.gaps(repo, project_id), notes["future"]),
    ):
        for item in found:
            note = bank.get(item.theme.name or "")
            if note and not item.theme.follow_up:
                at = when.day_one + timedelta(hours=6)
                keep_and_spread.set_follow_up(repo, item.theme.id, note, actor=ACTOR, now=at)
                written += 1
    return written


def _communications(repo: Repository, project_id: str, when: Timeline, part: dict[str, Any]) -> int:
    if repo.find(Communication, project_id=project_id):
        return 0
    for item in part["communication"]:
        due = (when.day_two + timedelta(days=item["after"])).date()
        made = learning_review.add_communication(
            repo,
            project_id,
            item["audience"],
            item["message"],
            item["channel"],
            due,
            actor=ACTOR,
            now=when.after(1),
        )
        if item["done"] and when.later(item["after"]):
            learning_review.set_communication_done(
                repo, made.id, True, actor=ACTOR, now=when.after(item["after"])
            )
    return len(part["communication"])


def _evaluations(repo: Repository, project_id: str, when: Timeline, part: dict[str, Any]) -> int:
    if learning_review.evaluations(repo, project_id):
        return 0
    at = when.day_two + timedelta(hours=7)
    for item in part["evaluation"]:
        perspective, name = resolve_perspective(item["perspective"])
        learning_review.save_evaluation(
            repo,
            project_id,
            perspective,
            {key: EvaluationAnswer(value) for key, value in item["answers"].items()},
            perspective_name=name,
            worked=item["worked"],
            did_not_work=item["did_not_work"],
            next_time=item["next_time"],
            actor=ACTOR,
            now=at,
        )
    return len(part["evaluation"])


def _process_notes(repo: Repository, project_id: str, when: Timeline) -> int:
    worked, did_not = progress_review.process_notes(repo, project_id)
    if worked or did_not:
        return 0
    for number, (good, text) in enumerate(PROCESS_NOTES):
        at = when.day_two + timedelta(hours=7, minutes=number)
        progress_review.add_process_note(repo, project_id, good, text, actor=ACTOR, now=at)
    return len(PROCESS_NOTES)


def seed(
    repo: Repository,
    project_id: str,
    now: datetime,
    timeline: Timeline | None = None,
    *,
    finished: bool = False,
) -> ReviewSeed:
    """Fill Steps 7 and 8 of a demo cycle after its workshops; with ``finished``, review it and finish it (on
    the timeline's review day), ready for the next cycle to start from it."""
    when = timeline or Timeline.at(now)
    if not [t for t in repo.find(Theme, project_id=project_id) if t.carried_from is None]:
        return ReviewSeed()
    part = texts()["finished" if finished else "current"]
    notes = _follow_ups(repo, project_id, when)
    if finished:
        notes += _process_notes(repo, project_id, when)
    statuses = _statuses(repo, project_id, when, finished)
    readings = _readings(repo, project_id, when, finished)
    communications = _communications(repo, project_id, when, part)
    evaluations = _evaluations(repo, project_id, when, part)
    if when.review_on is not None:
        learning_review.set_review_date(repo, project_id, when.review_on, actor=ACTOR, now=when.after(2))
    if (
        finished
        and when.review_on is not None
        and not learning_review.cycle_review(repo, project_id).finished
    ):
        learning_review.finish_cycle(
            repo, project_id, when.end.date(), part["learned"], actor=ACTOR, now=when.end
        )
    return ReviewSeed(notes, statuses, readings, communications, evaluations)
