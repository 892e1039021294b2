"""Deciding about each statement after the checkpoint, and preparing its workshop copy.

Nothing is rewritten automatically: a statement is accepted, sent back to be asked again with the
person, or changed *with* the person (the original stays, with who, when and why). Personal data is
replaced by placeholders in a proposed workshop copy that a person confirms. Only accepted, confirmed
statements from reviews with consent reach the workshop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from wtfc_collect.domain import (
    AuditAction,
    DomainError,
    Question,
    Review,
    ReviewStatus,
    Statement,
    TriageStatus,
)
from wtfc_collect.quality.anonymise import propose_anonymised
from wtfc_collect.services.access import COLLECTORS, FACILITATORS, QUALITY, guard
from wtfc_collect.services.collect.reviews import get_review
from wtfc_collect.services.common import (
    change,
    change_recorded,
    kept_until_changed,
    record_audit,
    words_checked,
)
from wtfc_collect.storage.port import Repository


@dataclass(frozen=True)
class Proposal:
    """A suggested workshop copy and what was replaced in it (for the person confirming it)."""

    text: str
    replaced: tuple[str, ...]


def _statement_of(review: Review, statement_id: str) -> Statement:
    if review.status is ReviewStatus.WITHDRAWN:
        raise DomainError("This review was withdrawn: its words are not used, so there is nothing to decide.")
    return review.statement(statement_id)


@guard(QUALITY)
def triage_statement(
    repo: Repository,
    review_id: str,
    statement_id: str,
    status: TriageStatus,
    *,
    reason: str = "",
    actor: str,
    now: datetime,
) -> Review:
    """Accept a statement, or mark it to be asked again with the person, or leave it out (with why)."""
    # Ids only in the audit: the reason is kept with the decision in the review, and may quote the person.
    return change_recorded(
        repo, Review, review_id, lambda r: _statement_of(r, statement_id).decide(status, actor, now, reason),
        actor=actor, action=AuditAction.TRIAGE, now=now, reason=f"{status.value}: statement {statement_id}",
    )


@guard(QUALITY)
def edit_with_person(
    repo: Repository,
    review_id: str,
    statement_id: str,
    new_text: str,
    *,
    agreed_by: str,
    agreed_on: date | None,
    reason: str,
    actor: str,
    now: datetime,
) -> Review:
    """Record words agreed *with the person* as the workshop copy: who agreed (the person, or who agreed
    for them), on what day, and why. The original stays untouched; the copy is confirmed afterwards."""
    if agreed_on is None:
        raise DomainError("Say on what day the words were agreed.", "agreed_on")
    if agreed_on > (now + timedelta(days=1)).date():  # a day's grace: the clock is UTC
        raise DomainError("The day the words were agreed cannot be in the future.", "agreed_on")

    def apply(review: Review) -> None:
        statement = _statement_of(review, statement_id)
        with words_checked("text"):
            statement.agree_words(
                new_text, agreed_by=agreed_by, agreed_on=agreed_on, why=reason, by=actor, now=now
            )
        statement.decide(TriageStatus.ACCEPTED, actor, now, "words agreed with the person")

    return change_recorded(
        repo, Review, review_id, apply,
        actor=actor, action=AuditAction.TRIAGE, now=now,
        reason=f"edited with the person: statement {statement_id}",
    )


@guard(QUALITY)
def undo_decision(
    repo: Repository, review_id: str, statement_id: str, *, actor: str, now: datetime
) -> TriageStatus:
    """Take back the last step of the check on a statement (a decision, or its confirmed workshop copy),
    right after it was taken. Returns where the statement stands now."""
    back_to: list[TriageStatus] = []
    saved = change(
        repo,
        Review,
        review_id,
        lambda r: back_to.append(_statement_of(r, statement_id).undo_last_decision(actor, now)),
    )
    record_audit(
        repo,
        actor=actor,
        action=AuditAction.TRIAGE,
        record=saved,
        now=now,
        reason=f"undone: statement {statement_id}",
    )
    return back_to[-1]


@guard(QUALITY)
def top_two_to_check(repo: Repository, project_id: str) -> list[tuple[Review, Statement]]:
    """Each person's top two from reviews sent in, whatever was decided about them (in review order)."""
    return _top_two(repo, project_id, lambda r: r.status is ReviewStatus.SUBMITTED, lambda s: True)


def propose_workshop_text(statement: Statement) -> Proposal:
    """The statement's words (or its agreed copy) with names and contact details replaced."""
    text, flags = propose_anonymised(statement.card_text)
    return Proposal(text, tuple(statement.card_text[f.start : f.end] for f in flags))


@guard(QUALITY)
def confirm_workshop_text(
    repo: Repository, review_id: str, statement_id: str, text: str, *, actor: str, now: datetime
) -> Review:
    """A person has checked the workshop copy: nothing identifies anyone. Saves it as confirmed."""

    def apply(review: Review) -> None:
        statement = _statement_of(review, statement_id)
        with words_checked("text"):
            statement.confirm_workshop_text(text, actor, now)

    return change_recorded(
        repo, Review, review_id, apply,
        actor=actor, action=AuditAction.TRIAGE, now=now,
        reason=f"workshop copy confirmed: statement {statement_id}",
    )


@guard(COLLECTORS, filter_reviews=True)
def ask_again_list(
    repo: Repository, project_id: str, reviewer: str | None = None
) -> list[tuple[Review, Statement]]:
    """Statements to be asked again with the person, for every reviewer or one (read once and kept until
    the store changes: the Reviews list asks on every click)."""

    def read() -> list[tuple[Review, Statement]]:
        return [
            (review, s)
            for review in repo.find(Review, project_id=project_id)
            if review.status is not ReviewStatus.WITHDRAWN
            for s in review.statements
            if s.triage_status is TriageStatus.ASK_AGAIN
        ]

    found = kept_until_changed(repo, "ask_again", project_id, read)
    return [(r, s) for r, s in found if reviewer is None or r.reviewer == reviewer]


def _every_top_two(repo: Repository, project_id: str) -> list[tuple[Review, Statement]]:
    """Each person's top two, question by question, from every review of the project (read once and kept
    until the store changes: the workshop screens and Check statements ask on every click). Read only:
    a change goes through a use case, which reads the review afresh."""

    def read() -> list[tuple[Review, Statement]]:
        return [
            (review, s)
            for review in repo.find(Review, project_id=project_id)
            for q in Question
            for s in review.prioritised(q)
        ]

    return kept_until_changed(repo, "every_top_two", project_id, read)


def _top_two(
    repo: Repository,
    project_id: str,
    review_ok: Callable[[Review], bool],
    keep: Callable[[Statement], bool],
    question: Question | None = None,
) -> list[tuple[Review, Statement]]:
    """Each person's top two (for one question or all) from the reviews and statements that pass."""
    return [
        (review, s)
        for review, s in _every_top_two(repo, project_id)
        if (question is None or s.question is question) and review_ok(review) and keep(s)
    ]


@guard(FACILITATORS)
def workshop_statements(
    repo: Repository, project_id: str, question: Question | None = None
) -> list[tuple[Review, Statement]]:
    """What may go to the workshop: each person's top two, from reviews sent in with consent, accepted
    at the checkpoint and with a confirmed workshop copy. Withdrawn reviews never appear."""
    return _top_two(repo, project_id, lambda r: r.usable, lambda s: s.ready_for_workshop, question)


@guard(QUALITY)
def statements_to_triage(repo: Repository, project_id: str) -> list[tuple[Review, Statement]]:
    """Each person's top two from reviews sent in, in need of a decision or a confirmed workshop copy."""
    return _top_two(
        repo, project_id, lambda r: r.status is ReviewStatus.SUBMITTED, lambda s: not s.ready_for_workshop
    )


@guard(QUALITY)
def get_statement(repo: Repository, review_id: str, statement_id: str) -> tuple[Review, Statement]:
    review = get_review(repo, review_id)
    return review, review.statement(statement_id)


def _waiting(statement: Statement) -> bool:
    """Still waiting on Check statements: no decision yet, or accepted with its copy still to confirm."""
    status = statement.triage_status
    accepted = status is TriageStatus.ACCEPTED
    return status is TriageStatus.NOT_CHECKED or (accepted and not statement.ready_for_workshop)


@guard(FACILITATORS)
def waiting_for_check(repo: Repository, project_id: str, question: Question | None = None) -> int:
    """How many of people's top two (from reviews sent in with consent) still wait on Check statements, so
    are not in the workshop yet. A number only: the workshop never sees words before they are checked."""
    return len(_top_two(repo, project_id, lambda r: r.usable, _waiting, question))
