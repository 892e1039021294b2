"""Step 2: starting, filling in, sending in and withdrawing a person-centred review."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from wtfc_collect.domain import (
    AuditAction,
    DomainError,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Speaker,
    Statement,
    VoiceAnswer,
    VoiceStatus,
    WithdrawalReason,
    new_id,
    plain_errors,
    utc,
    voice_questions,
)
from wtfc_collect.domain.access import Role
from wtfc_collect.domain.review import REVIEW_LANGUAGES, Priority
from wtfc_collect.services.access import (
    COLLECTORS,
    NOT_ALLOWED,
    REVIEW_WORKERS,
    AccessDenied,
    current_user,
    guard,
)
from wtfc_collect.services.common import (
    InvalidInput,
    build,
    change,
    change_recorded,
    kept_until_changed,
    record_audit,
    updated,
    words_checked,
)
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.storage.port import ConflictError, Repository

# Fields a details form may change. Statements, status and timestamps change only through the
# use cases below, so the rules on them cannot be bypassed.
DETAIL_FIELDS = frozenset(
    {
        "person_ref",
        "review_date",
        "mode",
        "team",
        "reviewer",
        "service_type",
        "area",
        "group",
        "participants",
        "consent",
    }
)


SELF_REVIEW_FIELDS = frozenset({"consent"})


@guard(COLLECTORS)
def start_review(
    repo: Repository,
    project_id: str,
    *,
    person_ref: str,
    review_date: date,
    mode: ReviewMode = ReviewMode.WITH_STAFF,
    details: Mapping[str, Any] | None = None,
    actor: str,
    now: datetime,
) -> Review:
    """Open a new draft review for one person in a project."""
    get_project(repo, project_id)
    extra = dict(details or {})
    unknown = set(extra) - DETAIL_FIELDS
    if unknown:
        raise DomainError(f"These cannot be set here: {', '.join(sorted(unknown))}.")
    review = build(
        Review,
        {
            **extra,
            "id": new_id(),
            "project_id": project_id,
            "person_ref": person_ref,
            "review_date": review_date,
            "mode": mode,
            "created_at": utc(now),
            "created_by": actor,
            "updated_at": utc(now),
        },
    )
    saved = repo.save(review)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now)
    return saved


@guard(REVIEW_WORKERS)
def get_review(repo: Repository, review_id: str) -> Review:
    review = repo.get(Review, review_id)
    if review is None:
        raise DomainError("That review could not be found. It may have been erased.", "review")
    return review


@guard(COLLECTORS, filter_reviews=True)
def list_reviews(repo: Repository, project_id: str, status: ReviewStatus | None = None) -> list[Review]:
    """Reviews of a project, newest review date first. For showing: the list is kept until the store
    changes (the Reviews screen asks on every click), so change a review through the use cases only."""

    def newest_first() -> list[Review]:
        found = repo.find(Review, project_id=project_id)
        return sorted(found, key=lambda r: (r.review_date, r.created_at), reverse=True)

    found = kept_until_changed(repo, "list_reviews", project_id, newest_first)
    return [r for r in found if status is None or r.status is status]


@guard(COLLECTORS, filter_reviews=True)
def drafts_of(repo: Repository, project_id: str, person_ref: str) -> list[Review]:
    """The drafts of this person's review in the project, newest first (the reference compared without
    regard to capitals or spaces): before starting another, the screen offers to carry on with one."""
    wanted = "".join(person_ref.split()).casefold()
    return [
        r
        for r in list_reviews(repo, project_id, ReviewStatus.DRAFT)
        if "".join(r.person_ref.split()).casefold() == wanted
    ]


@guard(REVIEW_WORKERS)
def save_review_details(
    repo: Repository,
    review_id: str,
    changes: Mapping[str, Any],
    *,
    expected_revision: int,
    actor: str,
    now: datetime,
) -> Review:
    """Save the details form (who, when, team, consent …) of a review opened at ``expected_revision``."""
    unknown = set(changes) - DETAIL_FIELDS
    if unknown:
        raise DomainError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    user = current_user()
    if user is not None and user.role is Role.SELF_REVIEWER and set(changes) - SELF_REVIEW_FIELDS:
        # A person doing their own review gives consent; who reviews and which team stay with staff.
        raise AccessDenied(NOT_ALLOWED)
    current = get_review(repo, review_id)
    if current.revision != expected_revision:
        raise ConflictError(
            "Someone else saved this review while you had it open. What you typed is still on the "
            "screen: copy it, reload the review and add it again."
        )
    if current.status is ReviewStatus.WITHDRAWN:
        raise DomainError("This review was withdrawn, so it cannot be changed.")
    saved = repo.save(updated(current, {**changes, "updated_at": utc(now)}))
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now)
    return saved


@guard(REVIEW_WORKERS)
def set_review_language(
    repo: Repository, review_id: str, language: str, *, actor: str, now: datetime
) -> Review:
    """Keep the language the person chose for their own review ("en" or "cy"), so that coming back later
    opens it in that language. Allowed at any time, also after sending in (it changes no words)."""
    if language not in REVIEW_LANGUAGES:
        raise DomainError("Choose English or Cymraeg.", "language")
    current = get_review(repo, review_id)
    if current.language == language:
        return current

    def apply(review: Review) -> None:
        review.language = language  # checked against REVIEW_LANGUAGES above (pydantic checks it again)

    return change_recorded(
        repo, Review, review_id, apply,
        actor=actor, action=AuditAction.EDIT, now=now, reason="language chosen",
    )


@guard(REVIEW_WORKERS)
def record_statement(
    repo: Repository,
    review_id: str,
    *,
    question: Question,
    text: str,
    said_by: Speaker = Speaker.PERSON,
    actor: str,
    now: datetime,
) -> tuple[Review, Statement]:
    """Add one thing the person said, exactly as said."""
    added: list[Statement] = []

    def apply(review: Review) -> None:
        added.clear()
        try:
            added.append(review.add_statement(question, text, said_by, now))
        except ValidationError as error:  # the words themselves break a rule (empty, too long)
            message = next(iter(plain_errors(error).values()), "Please check the words.")
            raise InvalidInput({"text": message}) from None

    saved = change(repo, Review, review_id, apply)
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="statement added")
    return saved, saved.statement(added[0].id)


@guard(REVIEW_WORKERS)
def keep_typed_words(
    repo: Repository, review_id: str, question: Question, text: str, *, actor: str, now: datetime
) -> Review:
    """Keep words typed under a question but not added yet, so a reload or a break loses nothing (empty
    words: nothing is kept). They are never a statement until added."""
    with words_checked("text"):
        return change_recorded(
            repo, Review, review_id, lambda r: r.keep_typed(question, text, now),
            actor=actor, action=AuditAction.EDIT, now=now, reason="words typed, not added yet",
        )


@guard(REVIEW_WORKERS)
def remove_statement(
    repo: Repository, review_id: str, statement_id: str, *, actor: str, now: datetime
) -> Review:
    return change_recorded(
        repo, Review, review_id, lambda r: r.remove_statement(statement_id, now),
        actor=actor, action=AuditAction.EDIT, now=now, reason="statement removed",
    )


@guard(REVIEW_WORKERS)
def set_priority(
    repo: Repository,
    review_id: str,
    statement_id: str,
    priority: Priority | None,
    *,
    actor: str,
    now: datetime,
) -> Review:
    """Record the person's first (1) or second (2) choice, or clear it (None)."""
    return change_recorded(
        repo, Review, review_id, lambda r: r.set_priority(statement_id, priority, now),
        actor=actor, action=AuditAction.EDIT, now=now, reason="priority chosen",
    )


@guard(REVIEW_WORKERS)
def decline_question(
    repo: Repository, review_id: str, question: Question, *, actor: str, now: datetime
) -> Review:
    """Record that the person chose not to answer a question (a valid answer, not a gap)."""
    return change_recorded(
        repo, Review, review_id, lambda r: r.decline(question, now),
        actor=actor, action=AuditAction.EDIT, now=now, reason="question skipped",
    )


@guard(REVIEW_WORKERS)
def undecline_question(
    repo: Repository, review_id: str, question: Question, *, actor: str, now: datetime
) -> Review:
    return change_recorded(
        repo, Review, review_id, lambda r: r.undecline(question, now),
        actor=actor, action=AuditAction.EDIT, now=now, reason="question reopened",
    )


class ReviewIncomplete(DomainError):
    """A review cannot be sent in yet. ``problems`` lists every missing thing, each tied to a field."""

    def __init__(self, problems: list[DomainError]) -> None:
        super().__init__(problems[0].message, problems[0].field)
        self.problems = problems


@guard(REVIEW_WORKERS)
def note_viewed(repo: Repository, review_id: str, *, actor: str, now: datetime) -> None:
    """Write in the audit log that someone opened this review (once per sitting: the UI decides)."""
    record_audit(repo, actor=actor, action=AuditAction.VIEW, record=get_review(repo, review_id), now=now)


@guard(REVIEW_WORKERS)
def find_review(repo: Repository, review_id: str | None) -> Review | None:
    """The review with this id, or None (for pages that remember which review was open)."""
    return repo.get(Review, review_id) if review_id else None


@guard(REVIEW_WORKERS)
def submit_review(repo: Repository, review_id: str, *, actor: str, now: datetime) -> Review:
    """Send a complete review in. Raises ReviewIncomplete listing everything still missing.

    A question answered by a recording still to be written down counts as answered.
    """
    voice = voice_questions(repo.find(VoiceAnswer, review_id=review_id, status=VoiceStatus.WAITING))
    problems = get_review(repo, review_id).problems_before_submit(voice)
    if problems:
        raise ReviewIncomplete(problems)
    return change_recorded(
        repo, Review, review_id, lambda r: r.submit(now, voice), attempts=1,
        actor=actor, action=AuditAction.SUBMIT, now=now,
    )


@guard(COLLECTORS)
def withdraw_review(
    repo: Repository,
    review_id: str,
    *,
    reason: WithdrawalReason | str | None,
    note: str = "",
    actor: str,
    now: datetime,
) -> Review:
    """The person took back their consent: their words stop going forward from now on.

    ``reason`` comes from the list and is all the audit log keeps; the ``note`` stays with the review and
    is erased with it."""
    why = WithdrawalReason(reason) if reason in set(WithdrawalReason) else None
    return change_recorded(
        repo, Review, review_id, lambda r: r.withdraw(why, now, note), attempts=1,
        actor=actor, action=AuditAction.WITHDRAW, now=now, reason=str(why),
    )
