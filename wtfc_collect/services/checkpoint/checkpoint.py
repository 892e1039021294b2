"""The half-way quality checkpoint: how collection is going and how the words read, per team and reviewer.

The quality lead sees which statements the own-words checker flags, answers the three checkpoint
questions, signs off, and records what each team will do about it.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from wtfc_collect.domain import (
    AuditAction,
    DomainError,
    Question,
    Review,
    ReviewStatus,
    TriageStatus,
    new_id,
    utc,
)
from wtfc_collect.domain.checkpoint import Answer, Checkpoint, CheckpointQuestion, MitigatingAction
from wtfc_collect.domain.voice import VoiceAnswer, VoiceStatus, voice_questions
from wtfc_collect.quality import Flag, FlagKind, check_statements, count_by, duplicate_groups
from wtfc_collect.services.access import QUALITY, guard
from wtfc_collect.services.common import build, kept_records, kept_until_changed, record_audit, words_checked
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.storage.port import Repository

NOT_SET = "(not set)"


@dataclass(frozen=True)
class FlaggedStatement:
    """One statement the checker has something to say about, with where it came from."""

    review_id: str
    statement_id: str
    person_ref: str
    team: str
    reviewer: str
    question: Question
    text: str
    priority: int | None
    triage: TriageStatus
    own_words: bool
    flags: tuple[Flag, ...]
    sent_in: bool = False  # from a review sent in

    @property
    def kinds(self) -> list[str]:
        return sorted({f.kind.value for f in self.flags if f.strong})

    @property
    def to_decide(self) -> bool:
        """Whether it gets a decision on Check statements: one of the person's top two, sent in."""
        return self.sent_in and self.priority is not None


@dataclass(frozen=True)
class Share:
    """Statements looked at and how many were flagged, for one team or reviewer."""

    name: str
    statements: int
    flagged: int
    copied: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.flagged / self.statements) if self.statements else 0


@dataclass(frozen=True)
class QualityOverview:
    statements: int
    flagged: int
    by_kind: dict[str, int]
    by_team: list[Share]
    by_reviewer: list[Share]
    missing_priorities: list[tuple[str, str, str]]  # (review id, person ref, team)
    rows: list[FlaggedStatement] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.flagged / self.statements) if self.statements else 0


def _flagged(flags: tuple[Flag, ...]) -> bool:
    return any(f.strong for f in flags)


def _shares(rows: list[tuple[str, bool]], copied: Mapping[str, int]) -> list[Share]:
    totals = Counter(name for name, _ in rows)
    flagged = Counter(name for name, is_flagged in rows if is_flagged)
    return sorted(
        (Share(name, totals[name], flagged[name], copied.get(name, 0)) for name in totals),
        key=lambda s: (-s.percent, s.name),
    )


@guard(QUALITY)
def quality_overview(repo: Repository, project_id: str) -> QualityOverview:
    """What the checker finds in every statement of the project's reviews that are not withdrawn.

    Kept until the store changes: the checkpoint screen asks again on every click of a filter."""
    return kept_until_changed(repo, "quality_overview", project_id, lambda: _overview(repo, project_id))


def _overview(repo: Repository, project_id: str) -> QualityOverview:
    project = get_project(repo, project_id)
    reviews = [r for r in repo.find(Review, project_id=project_id) if r.status is not ReviewStatus.WITHDRAWN]
    items = [(s.id, s.text, r.person_ref) for r in reviews for s in r.statements]
    relatives = {s.id for r in reviews for s in r.statements if s.said_by.relative}
    verdicts = check_statements(items, project.field.value, relatives)
    groups = duplicate_groups(items)
    team_of = {s.id: r.team or NOT_SET for r in reviews for s in r.statements}
    reviewer_of = {s.id: r.reviewer or NOT_SET for r in reviews for s in r.statements}
    rows: list[FlaggedStatement] = []
    team_rows: list[tuple[str, bool]] = []
    reviewer_rows: list[tuple[str, bool]] = []
    kinds: Counter[str] = Counter()
    for review in reviews:
        for statement in review.statements:
            verdict = verdicts[statement.id]
            is_flagged = _flagged(verdict.flags)
            team_rows.append((team_of[statement.id], is_flagged))
            reviewer_rows.append((reviewer_of[statement.id], is_flagged))
            kinds.update({f.kind.value for f in verdict.flags if f.strong})
            if is_flagged:
                rows.append(
                    FlaggedStatement(
                        review.id,
                        statement.id,
                        review.person_ref,
                        review.team or NOT_SET,
                        review.reviewer or NOT_SET,
                        statement.question,
                        statement.text,
                        statement.priority,
                        statement.triage_status,
                        verdict.own_words,
                        verdict.flags,
                        review.status is ReviewStatus.SUBMITTED,
                    )
                )
    waiting = repo.find(VoiceAnswer, project_id=project_id, status=VoiceStatus.WAITING)
    questions = {q.value for q in Question}
    missing = [
        (r.id, r.person_ref, r.team or NOT_SET)
        for r in reviews
        if r.status is ReviewStatus.DRAFT
        and any(
            p.field in questions
            for p in r.problems_before_submit(voice_questions([a for a in waiting if a.review_id == r.id]))
        )
    ]
    return QualityOverview(
        statements=len(items),
        flagged=len(rows),
        by_kind=dict(sorted(kinds.items(), key=lambda kv: -kv[1])),
        by_team=_shares(team_rows, count_by(groups, team_of)),
        by_reviewer=_shares(reviewer_rows, count_by(groups, reviewer_of)),
        missing_priorities=missing,
        rows=rows,
    )


_FILTERED_KEPT = 8
_filtered: OrderedDict[tuple[int, str | None, FlagKind | None, str | None], tuple[object, list[Any]]] = (
    OrderedDict()
)
_filtered_lock = threading.Lock()


def filter_flagged(
    rows: list[FlaggedStatement],
    *,
    team: str | None = None,
    kind: FlagKind | None = None,
    reviewer: str | None = None,
) -> list[FlaggedStatement]:
    """The flagged statements of one team, kind and reviewer (None: all). The rows of the overview are kept
    until the store changes, so a page run asks again for the same list: the answer is kept with it (the
    list itself is held, so a new list never gets an old one's answer)."""
    if team is None and kind is None and reviewer is None:
        return list(rows)
    key = (id(rows), team, kind, reviewer)
    with _filtered_lock:
        found = _filtered.get(key)
        if found is not None and found[0] is rows:
            _filtered.move_to_end(key)
            return list(found[1])
    chosen = [
        r
        for r in rows
        if (team is None or r.team == team)
        and (reviewer is None or r.reviewer == reviewer)
        and (kind is None or kind.value in r.kinds)
    ]
    with _filtered_lock:
        _filtered[key] = (rows, chosen)
        while len(_filtered) > _FILTERED_KEPT:
            _filtered.popitem(last=False)
    return list(chosen)


def days_left(checkpoint: date | None, workshops: list[date], today: date) -> tuple[int | None, int | None]:
    """Days until the checkpoint and until the first workshop still to come (None when not set)."""
    to_checkpoint = (checkpoint - today).days if checkpoint else None
    coming = sorted(d for d in workshops if d >= today)
    return to_checkpoint, (coming[0] - today).days if coming else None


# --- the three questions and the sign-off --------------------------------------------------------------
@guard(QUALITY)
def get_checkpoint(repo: Repository, project_id: str) -> Checkpoint:
    """The project's checkpoint record (a new, unsaved one if nothing has been answered yet)."""
    found = kept_records(repo, Checkpoint, project_id=project_id)
    return found[0] if found else Checkpoint(id=new_id(), project_id=project_id)


@guard(QUALITY)
def answer_checkpoint(
    repo: Repository,
    project_id: str,
    question: CheckpointQuestion,
    answer: Answer,
    notes: str,
    *,
    actor: str,
    now: datetime,
) -> Checkpoint:
    checkpoint = get_checkpoint(repo, project_id)
    was_signed = checkpoint.signed
    with words_checked("notes"):
        checkpoint.set_answer(question, answer, notes)
    saved = repo.save(checkpoint)
    withdrawn = was_signed and not saved.signed
    reason = f"answered {question.value}" + ("; sign-off withdrawn" if withdrawn else "")
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason=reason)
    return saved


@guard(QUALITY)
def sign_off_checkpoint(
    repo: Repository, project_id: str, *, by: str, actor: str, now: datetime
) -> Checkpoint:
    if not by.strip():
        raise DomainError("Write the name of the person signing off.", "signed_by")
    checkpoint = get_checkpoint(repo, project_id)
    with words_checked("signed_by"):
        checkpoint.sign_off(by, utc(now))
    saved = repo.save(checkpoint)
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="checkpoint signed off"
    )
    return saved


# --- mitigating actions ------------------------------------------------------------------------------------
@guard(QUALITY)
def add_mitigating_action(
    repo: Repository, project_id: str, details: Mapping[str, Any], *, actor: str, now: datetime
) -> MitigatingAction:
    get_project(repo, project_id)
    action = build(
        MitigatingAction, {**details, "id": new_id(), "project_id": project_id, "created_at": utc(now)}
    )
    saved = repo.save(action)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now)
    return saved


@guard(QUALITY)
def mitigating_actions(repo: Repository, project_id: str) -> list[MitigatingAction]:
    actions = kept_records(repo, MitigatingAction, project_id=project_id)
    return sorted(actions, key=lambda a: (a.done, a.created_at))


@guard(QUALITY)
def set_action_done(
    repo: Repository, action_id: str, done: bool, *, actor: str, now: datetime
) -> MitigatingAction:
    action = repo.get(MitigatingAction, action_id)
    if action is None:
        raise DomainError("That action could not be found.")
    action.done = done
    saved = repo.save(action)
    record_audit(
        repo,
        actor=actor,
        action=AuditAction.EDIT,
        record=saved,
        now=now,
        reason="done" if done else "reopened",
    )
    return saved
