"""Step 8, learning and review: who needs to know what (the communication plan), the date to review progress
together, how each group of people who took part found the process, finishing the cycle, and starting the
next one from it.

The next cycle is a new project: the purpose, level, sample plan, teams, areas, groups and service types are
copied, and the last cycle's priority themes, their success statements and measures are carried forward as
a baseline (``domain.cycle``). People's statements and references are never carried: each cycle hears from
people afresh.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from wtfc_collect.domain import (
    AuditAction,
    Communication,
    CycleReview,
    DomainError,
    Evaluation,
    EvaluationAnswer,
    Measure,
    Perspective,
    Project,
    SuccessStatement,
    Theme,
    new_id,
    utc,
)
from wtfc_collect.domain.cycle import carry_forward, next_cycle, next_cycle_name
from wtfc_collect.domain.progress_review import EVALUATION_QUESTIONS, check_finish
from wtfc_collect.domain.success import MAIN_PERSPECTIVES, resolve_perspective
from wtfc_collect.services.access import FACILITATORS, PROJECT_ADMINS, guard
from wtfc_collect.services.common import InvalidInput, build, record_audit, updated, words_checked
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.storage.port import ConflictError, Repository

STALE = "Someone changed this while you were working on it. Look at it again, then make your change."
NOT_FINISHED = (
    "The next cycle starts from a finished one. Review this cycle and mark it finished first (below the "
    "review date)."
)


# --- the review date and finishing the cycle ------------------------------------------------------------
def _stored_review(repo: Repository, project_id: str) -> CycleReview | None:
    found = repo.find(CycleReview, project_id=project_id)
    return found[0] if found else None


@guard(FACILITATORS)
def cycle_review(repo: Repository, project_id: str) -> CycleReview:
    """The project's review date and whether the cycle is finished (a blank one if nothing is set yet)."""
    get_project(repo, project_id)
    return _stored_review(repo, project_id) or CycleReview(id=new_id(), project_id=project_id)


def _save_review(repo: Repository, review: CycleReview, changes: Mapping[str, Any]) -> CycleReview:
    try:
        return repo.save(updated(review, changes))
    except ConflictError:
        raise DomainError(STALE) from None


@guard(FACILITATORS)
def set_review_date(
    repo: Repository, project_id: str, on: date | None, *, actor: str, now: datetime
) -> CycleReview:
    """Fix (or change, or clear) the day everyone will look at the progress together."""
    review = cycle_review(repo, project_id)
    if review.finished and on is None:
        raise InvalidInput({"review_on": "The cycle is finished, so it keeps its review date."})
    saved = _save_review(repo, review, {"review_on": on})
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="review date")
    return saved


@guard(FACILITATORS)
def finish_cycle(
    repo: Repository, project_id: str, on: date | None, summary: str = "", *, actor: str, now: datetime
) -> CycleReview:
    """Mark the cycle finished on day ``on`` (it needs a review date), with a few lines of what was
    learned for the next cycle."""
    review = cycle_review(repo, project_id)
    if on is None:
        raise InvalidInput({"finished_on": "Enter the day the cycle was finished."})
    try:
        check_finish(review, on, utc(now).date())
    except DomainError as problem:
        raise InvalidInput({problem.field or "review_on": problem.message}) from None
    with words_checked("summary"):
        saved = _save_review(repo, review, {"finished_on": on, "summary": summary})
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="cycle finished")
    return saved


@guard(FACILITATORS)
def reopen_cycle(repo: Repository, project_id: str, *, actor: str, now: datetime) -> CycleReview:
    """Take the cycle back to unfinished (not once the next cycle has been started from it)."""
    review = cycle_review(repo, project_id)
    following = next_cycle_of(repo, project_id)
    if following is not None:
        raise DomainError(f"The next cycle, “{following.name}”, has already started from this one.")
    saved = _save_review(repo, review, {"finished_on": None})
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="cycle reopened")
    return saved


# --- the communication plan ---------------------------------------------------------------------------
@guard(FACILITATORS)
def communications(repo: Repository, project_id: str) -> list[Communication]:
    """The communication plan: what is still to do first, by the day it is due (none last)."""
    found = repo.find(Communication, project_id=project_id)
    return sorted(found, key=lambda c: (c.done, c.due is None, c.due or date.max, c.created_at))


@guard(FACILITATORS)
def add_communication(
    repo: Repository,
    project_id: str,
    audience: str,
    message: str,
    channel: str,
    due: date | None = None,
    *,
    actor: str,
    now: datetime,
) -> Communication:
    """Add who needs to know, what, how and by when."""
    get_project(repo, project_id)
    problems = {
        field: text
        for field, value, text in (
            ("audience", audience, "Write who needs to know, for example “People who took part”."),
            ("message", message, "Write what they need to know."),
            ("channel", channel, "Write how you will tell them, for example “Easy-read letter”."),
        )
        if not value.strip()
    }
    if problems:
        raise InvalidInput(problems)
    item = build(
        Communication,
        {
            "id": new_id(),
            "project_id": project_id,
            "audience": audience,
            "message": message,
            "channel": channel,
            "due": due,
            "created_at": utc(now),
        },
    )
    saved = repo.save(item)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now, reason="communication")
    return saved


def _communication(repo: Repository, item_id: str) -> Communication:
    item = repo.get(Communication, item_id)
    if item is None:
        raise DomainError("That line of the plan could not be found. Someone may have removed it.")
    return item


@guard(FACILITATORS)
def set_communication_done(
    repo: Repository, item_id: str, done: bool, *, actor: str, now: datetime
) -> Communication:
    item = _communication(repo, item_id)
    try:
        saved = repo.save(updated(item, {"done": bool(done)}))
    except ConflictError:
        raise DomainError(STALE) from None
    reason = "communication done" if done else "communication not done"
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason=reason)
    return saved


@guard(FACILITATORS)
def remove_communication(repo: Repository, item_id: str, *, actor: str, now: datetime) -> None:
    item = _communication(repo, item_id)
    repo.delete(Communication, item.id)
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=item, now=now, reason="communication removed"
    )


# --- how the process went, by perspective ----------------------------------------------------------------
def _perspective_key(evaluation: Evaluation) -> str:
    if evaluation.perspective is Perspective.OTHER:
        return "other:" + (evaluation.perspective_name or "").casefold()
    return evaluation.perspective.value


@guard(FACILITATORS)
def evaluations(repo: Repository, project_id: str) -> list[Evaluation]:
    """How each group found the process: people, commissioners and providers first, then others."""
    order = {p.value: place for place, p in enumerate(MAIN_PERSPECTIVES)}
    found = repo.find(Evaluation, project_id=project_id)
    return sorted(found, key=lambda e: (order.get(_perspective_key(e), len(order)), e.at))


@guard(FACILITATORS)
def save_evaluation(
    repo: Repository,
    project_id: str,
    perspective: Perspective,
    answers: Mapping[str, EvaluationAnswer | None],
    *,
    perspective_name: str | None = None,
    worked: str = "",
    did_not_work: str = "",
    next_time: str = "",
    actor: str,
    now: datetime,
) -> Evaluation:
    """Keep one group's answers to the short questions and its notes (replacing what it said before)."""
    get_project(repo, project_id)
    name: str | None = None
    if perspective is Perspective.OTHER:
        known = [
            e.perspective_name for e in repo.find(Evaluation, project_id=project_id) if e.perspective_name
        ]
        try:
            perspective, name = resolve_perspective(perspective_name or "", known)
        except DomainError as problem:
            raise InvalidInput({"perspective_name": problem.message}) from None
    given = {key: EvaluationAnswer(value) for key, value in answers.items() if value}
    unknown = set(given) - set(EVALUATION_QUESTIONS)
    if unknown:
        raise InvalidInput({"answers": "Answer the questions on the screen only."})
    fields = {"answers": given, "worked": worked, "did_not_work": did_not_work, "next_time": next_time}
    if not given and not any(str(v).strip() for v in (worked, did_not_work, next_time)):
        raise InvalidInput({"answers": "Answer at least one question, or write a note."})
    draft = {"perspective": perspective, "perspective_name": name, **fields, "at": utc(now)}
    key = _perspective_key(build(Evaluation, {"id": new_id(), "project_id": project_id, **draft}))
    earlier = next(
        (e for e in repo.find(Evaluation, project_id=project_id) if _perspective_key(e) == key), None
    )
    if earlier is None:
        saved = repo.save(build(Evaluation, {"id": new_id(), "project_id": project_id, **draft}))
        action = AuditAction.CREATE
    else:
        try:
            saved = repo.save(updated(earlier, draft))
        except ConflictError:
            raise DomainError(STALE) from None
        action = AuditAction.EDIT
    record_audit(repo, actor=actor, action=action, record=saved, now=now, reason="evaluation")
    return saved


@guard(FACILITATORS)
def remove_evaluation(repo: Repository, evaluation_id: str, *, actor: str, now: datetime) -> None:
    found = repo.get(Evaluation, evaluation_id)
    if found is None:
        raise DomainError("That evaluation was already removed.")
    repo.delete(Evaluation, evaluation_id)
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=found, now=now, reason="evaluation removed"
    )


# --- the next cycle ---------------------------------------------------------------------------------------
@guard(FACILITATORS)
def next_cycle_of(repo: Repository, project_id: str) -> Project | None:
    """The cycle started from this one, if there is one."""
    found = repo.find(Project, previous_id=project_id)
    return found[0] if found else None


@guard(FACILITATORS)
def suggested_name(repo: Repository, project_id: str) -> str:
    project = get_project(repo, project_id)
    return next_cycle_name(project.name, project.cycle + 1)


@guard(PROJECT_ADMINS)
def start_next_cycle(
    repo: Repository, project_id: str, name: str | None = None, *, actor: str, now: datetime
) -> Project:
    """Start the next cycle from a finished one: a new project with the same purpose, sample plan, teams and
    areas, and the last cycle's priority themes, success statements and measures carried forward as a
    baseline (never what people said, nor whose review it was). All written at once, or nothing."""
    last = get_project(repo, project_id)
    if not cycle_review(repo, project_id).finished:
        raise DomainError(NOT_FINISHED, "name")
    following = next_cycle_of(repo, project_id)
    if following is not None:
        raise DomainError(f"The next cycle, “{following.name}”, has already started from this one.", "name")
    wanted = (name or "").strip() or next_cycle_name(last.name, last.cycle + 1)
    try:
        project = next_cycle(last, wanted, new_id(), now)
    except ValueError:
        raise InvalidInput({"name": "Give the new cycle a name of 120 characters at most."}) from None
    priorities = [t for t in repo.find(Theme, project_id=project_id) if t.chosen]
    carried = carry_forward(
        project.id,
        priorities,
        repo.find(SuccessStatement, project_id=project_id),
        repo.find(Measure, project_id=project_id),
        now,
    )
    repo.save_all([project, *carried.themes, *carried.successes, *carried.measures])
    reason = (
        f"next cycle of {last.id}: {len(carried.themes)} themes, {len(carried.successes)} success "
        f"statements, {len(carried.measures)} measures carried"
    )
    saved = get_project(repo, project.id)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now, reason=reason)
    return saved
