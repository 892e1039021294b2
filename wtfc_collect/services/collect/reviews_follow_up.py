"""After a review (on the Reviews screen): the actions it leads to in the person's own support, and whether
the person would like to come to the workshops.

Both stay with the person's review and are seen only by those who may open it (staff collecting reviews
and quality leads). Neither goes to a workshop screen or into a document: the workshops see counts of
people who would like to come, never who. The audit log notes ids only, never what an action says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from wtfc_collect.domain import AuditAction, Review, ReviewStatus
from wtfc_collect.domain.participation import Come
from wtfc_collect.domain.person_actions import PersonAction
from wtfc_collect.services.access import COLLECTORS, guard
from wtfc_collect.services.common import change, record_audit, words_checked
from wtfc_collect.storage.port import Repository

WANT_TO_COME = (Come.YES, Come.MAYBE)


@dataclass(frozen=True)
class ActionRow:
    """One action for a person, with the review it belongs to."""

    review: Review
    action: PersonAction


def _audit(repo: Repository, saved: Review, what: str, *, actor: str, now: datetime) -> None:
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason=what)


@guard(COLLECTORS)
def set_workshop_wish(
    repo: Repository, review_id: str, come: Come, access_needs: str, *, actor: str, now: datetime
) -> Review:
    """Record whether the person would like to come to the workshops, and what would help them take part."""
    with words_checked("access_needs"):
        saved = change(repo, Review, review_id, lambda r: r.set_workshop_wish(Come(come), access_needs, now))
    _audit(repo, saved, f"workshop wish: {Come(come).value}", actor=actor, now=now)
    return saved


@guard(COLLECTORS)
def add_person_action(
    repo: Repository,
    review_id: str,
    what: str,
    who: str,
    by_when: date | None,
    statement_id: str | None = None,
    *,
    actor: str,
    now: datetime,
) -> PersonAction:
    """Add an action for the person (what, who, by when), perhaps answering one thing they said."""
    added: list[PersonAction] = []

    def apply(review: Review) -> None:
        added[:] = [review.add_action(what, who, by_when, statement_id, by=actor, now=now)]

    with words_checked("what"):
        saved = change(repo, Review, review_id, apply)
    _audit(repo, saved, f"action for the person added: {added[0].id}", actor=actor, now=now)
    return added[0]


@guard(COLLECTORS)
def set_person_action_done(
    repo: Repository, review_id: str, action_id: str, done: bool, *, actor: str, now: datetime
) -> PersonAction:
    """Mark an action done (today), or not done after all."""
    changed: list[PersonAction] = []

    def apply(review: Review) -> None:
        changed[:] = [review.set_action_done(action_id, now.date() if done else None, now)]

    saved = change(repo, Review, review_id, apply)
    state = "done" if done else "not done"
    _audit(repo, saved, f"action for the person {state}: {action_id}", actor=actor, now=now)
    return changed[0]


@guard(COLLECTORS)
def remove_person_action(
    repo: Repository, review_id: str, action_id: str, *, actor: str, now: datetime
) -> Review:
    """Take out an action written by mistake."""
    saved = change(repo, Review, review_id, lambda r: r.remove_action(action_id, now))
    _audit(repo, saved, f"action for the person removed: {action_id}", actor=actor, now=now)
    return saved


@guard(COLLECTORS, filter_reviews=True)
def person_actions(repo: Repository, project_id: str) -> list[ActionRow]:
    """Every action for a person in the project that the user may see: those still to do first (soonest
    first, then those with no date), then those done."""
    rows = [
        ActionRow(review, action)
        for review in repo.find(Review, project_id=project_id)
        if review.status is not ReviewStatus.WITHDRAWN
        for action in review.actions
    ]
    return sorted(
        rows,
        key=lambda row: (row.action.done, row.action.by_when is None, row.action.by_when or date.min),
    )


@guard(COLLECTORS, filter_reviews=True)
def people_to_invite(repo: Repository, project_id: str) -> list[Review]:
    """The reviews whose person would like to come to the workshops (yes or maybe), not withdrawn."""
    return [
        review
        for review in repo.find(Review, project_id=project_id)
        if review.status is not ReviewStatus.WITHDRAWN and review.workshop.come in WANT_TO_COME
    ]
