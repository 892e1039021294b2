"""Who takes part in the workshops: participants with their perspective, the days they are invited to,
their replies and whether they came, and each day's balance of perspectives against the method's guidance.

Participants' names are for the facilitators; everything that leaves this screen (the WTfC report, the
invitation) counts by perspective only. The people whose reviews are used appear here as a count of those
who would like to come: who they are, and their access needs, stay with their reviews (see
``collect.reviews_follow_up.people_to_invite``, for those who may open the reviews).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from wtfc_collect.documents.invitation import WorkshopInvitation
from wtfc_collect.documents.report_participation import DayCount, WorkshopParticipation
from wtfc_collect.domain import AuditAction, DomainError, Review, ReviewStatus, new_id, utc
from wtfc_collect.domain.participation import (
    Balance,
    Come,
    Counting,
    Participant,
    ParticipantPerspective,
    Reply,
    WorkshopArrangements,
    balance,
    best_counting,
)
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.common import build, change, change_recorded, record_audit, updated
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.storage.port import Repository

DETAILS = ("name", "perspective", "other_perspective", "organisation", "access_needs", "from_reviews")
NO_DAYS = "The project has no workshop days yet. Add them on Set up a project first."


@dataclass(frozen=True)
class DayBalance:
    """One workshop day: its participants counted three ways, and the count the day is judged by."""

    day: date
    invited: Balance
    coming: Balance
    came: Balance
    judged: Counting

    @property
    def judged_balance(self) -> Balance:
        return {Counting.INVITED: self.invited, Counting.COMING: self.coming, Counting.CAME: self.came}[
            self.judged
        ]


@guard(FACILITATORS)
def workshop_days(repo: Repository, project_id: str) -> list[date]:
    """The project's workshop days, in order."""
    return sorted(set(get_project(repo, project_id).workshop_dates))


@guard(FACILITATORS)
def participants(repo: Repository, project_id: str) -> list[Participant]:
    """Everyone invited, in the order they were added."""
    return repo.find(Participant, project_id=project_id)


def _participant(repo: Repository, participant_id: str) -> Participant:
    found = repo.get(Participant, participant_id)
    if found is None:
        raise DomainError("That participant is no longer on the list.", "participant")
    return found


def _check_days(repo: Repository, project_id: str, days: Iterable[date]) -> list[date]:
    planned = set(workshop_days(repo, project_id))
    if not planned:
        raise DomainError(NO_DAYS, "days")
    wanted = sorted(set(days))
    if not set(wanted) <= planned:
        raise DomainError("Choose only the project's workshop days.", "days")
    return wanted


def _cleaned(details: Mapping[str, Any]) -> dict[str, Any]:
    data = {k: v for k, v in details.items() if k in DETAILS}
    for field in ("other_perspective", "organisation"):
        if isinstance(data.get(field), str) and not data[field].strip():
            data[field] = None
    return data


@guard(FACILITATORS)
def add_participant(
    repo: Repository,
    project_id: str,
    details: Mapping[str, Any],
    days: Iterable[date],
    *,
    actor: str,
    now: datetime,
) -> Participant:
    """Add someone to invite: name, perspective (and what "other" means), role or organisation, access
    needs, whether their own review is among those used, and the workshop days they are invited to."""
    wanted = _check_days(repo, project_id, days)
    participant = build(
        Participant,
        {**_cleaned(details), "id": new_id(), "project_id": project_id, "created_at": utc(now)},
    )
    participant.invite_to(wanted)
    saved = repo.save(participant)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now, reason="participant")
    return saved


@guard(FACILITATORS)
def update_participant(
    repo: Repository,
    participant_id: str,
    details: Mapping[str, Any],
    days: Iterable[date],
    *,
    actor: str,
    now: datetime,
) -> Participant:
    """Change someone's details and the days they are invited to (replies and attendance on the days kept
    stay as they were)."""
    current = _participant(repo, participant_id)
    wanted = _check_days(repo, current.project_id, days)
    changed = updated(current, _cleaned(details))
    changed.invite_to(wanted)
    saved = repo.save(changed)
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="participant")
    return saved


@guard(FACILITATORS)
def record_reply(
    repo: Repository, participant_id: str, day: date, reply: Reply, *, actor: str, now: datetime
) -> Participant:
    """Note someone's reply for one day: coming, not coming, or no reply yet."""
    return change_recorded(
        repo, Participant, participant_id, lambda p: p.set_reply(day, Reply(reply)),
        actor=actor, action=AuditAction.EDIT, now=now, reason=f"reply: {Reply(reply).value}",
    )


@guard(FACILITATORS)
def record_attendance(
    repo: Repository, participant_id: str, day: date, attended: bool | None, *, actor: str, now: datetime
) -> Participant:
    """Note whether someone came on one day (None: not known)."""
    saved = change(repo, Participant, participant_id, lambda p: p.set_attended(day, attended))
    state = {True: "came", False: "did not come", None: "not known"}[attended]
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason=f"attendance: {state}"
    )
    return saved


@guard(FACILITATORS)
def remove_participant(repo: Repository, participant_id: str, *, actor: str, now: datetime) -> None:
    """Take someone off the list (added by mistake, or they asked)."""
    gone = _participant(repo, participant_id)
    repo.delete(Participant, participant_id)
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=gone, now=now, reason="participant removed"
    )


@guard(FACILITATORS)
def day_balances(repo: Repository, project_id: str) -> list[DayBalance]:
    """Each workshop day counted by perspective three ways (invited, coming, came), judged by the most
    telling count so far (who came, once recorded; else who is coming; else who is invited)."""
    everyone = participants(repo, project_id)
    return [
        DayBalance(
            day,
            balance(everyone, day, Counting.INVITED),
            balance(everyone, day, Counting.COMING),
            balance(everyone, day, Counting.CAME),
            best_counting(everyone, day),
        )
        for day in workshop_days(repo, project_id)
    ]


@guard(FACILITATORS)
def wishes(repo: Repository, project_id: str) -> dict[Come, int]:
    """How many people whose reviews are used (not withdrawn) would like to come, might, would not, or
    were not asked: counts only."""
    counts = Counter(
        review.workshop.come
        for review in repo.find(Review, project_id=project_id)
        if review.status is not ReviewStatus.WITHDRAWN
    )
    return {come: counts[come] for come in Come}


ARRANGEMENTS = ("place", "times", "help_on_offer", "contact")


@guard(FACILITATORS)
def arrangements(repo: Repository, project_id: str) -> WorkshopArrangements:
    """What the invitation says about the days (empty until someone writes it)."""
    found = repo.find(WorkshopArrangements, project_id=project_id)
    if found:
        return found[0]
    get_project(repo, project_id)
    return WorkshopArrangements(id=new_id(), project_id=project_id)


@guard(FACILITATORS)
def save_arrangements(
    repo: Repository,
    project_id: str,
    details: Mapping[str, Any],
    *,
    expected_revision: int,
    actor: str,
    now: datetime,
) -> WorkshopArrangements:
    """Save the place, times, help on offer and who to tell, for the invitation. Refused if someone else
    saved them meanwhile (their words would be lost)."""
    current = arrangements(repo, project_id)
    if current.revision != expected_revision:
        raise DomainError(
            "Someone else changed these while you were writing. Your words are still on the screen: "
            "copy them, reload the page and save again.",
            "arrangements",
        )
    saved = repo.save(updated(current, {k: v for k, v in details.items() if k in ARRANGEMENTS}))
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="workshop arrangements"
    )
    return saved


@guard(FACILITATORS)
def invitation_content(repo: Repository, project_id: str, now: datetime) -> WorkshopInvitation:
    """The easy-read invitation's content: the project, its workshop days and the arrangements."""
    project = get_project(repo, project_id)
    found = arrangements(repo, project_id)
    return WorkshopInvitation(
        project=project.name,
        made_on=now.date(),
        days=sorted(set(project.workshop_dates)),
        place=found.place,
        times=found.times,
        help_on_offer=found.help_on_offer,
        contact=found.contact,
    )


@guard(FACILITATORS)
def report_participation(repo: Repository, project_id: str) -> WorkshopParticipation:
    """For the WTfC report, numbers only: each day's invited, coming and came, and who came by perspective
    (None for a day whose attendance was not recorded)."""
    found = day_balances(repo, project_id)
    recorded = [b.judged is Counting.CAME for b in found]
    return WorkshopParticipation(
        days=[
            DayCount(f"{b.day:%d/%m/%Y}", b.invited.total, b.coming.total, b.came.total if kept else None)
            for b, kept in zip(found, recorded, strict=True)
        ],
        came_by_perspective=[
            (
                perspective.label,
                [
                    b.came.by_perspective[perspective] if kept else None
                    for b, kept in zip(found, recorded, strict=True)
                ],
            )
            for perspective in ParticipantPerspective
        ]
        + [("Everyone", [b.came.total if kept else None for b, kept in zip(found, recorded, strict=True)])],
    )
