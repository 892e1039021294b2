"""Who takes part, through the use cases: participants on the project's workshop days, replies and who
came, each day's balance, counts of people from the reviews who would like to come, the arrangements and
the easy-read invitation. Names never reach the audit log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests import factories as f
from wtfc_collect.domain import DomainError, Project, Review
from wtfc_collect.domain.access import Role, User
from wtfc_collect.domain.participation import (
    BalanceWarning,
    Come,
    Counting,
    ParticipantPerspective,
    Reply,
    Side,
)
from wtfc_collect.services import access
from wtfc_collect.services.access import AccessDenied
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import participation
from wtfc_collect.storage.port import Repository

ACTOR = "Fran (facilitator)"
DAY = date(2027, 3, 2)
DAY_TWO = DAY + timedelta(weeks=2)


@pytest.fixture
def project(memory_repo: Repository) -> Project:
    return memory_repo.save(f.project(workshop_dates=[DAY_TWO, DAY]))


def _add(repo: Repository, project: Project, name: str, perspective: ParticipantPerspective, **more: object):  # type: ignore[no-untyped-def]
    details = {"name": name, "perspective": perspective, **more}
    days = more.pop("days", [DAY, DAY_TWO])
    return participation.add_participant(repo, project.id, details, days, actor=ACTOR, now=f.NOW)  # type: ignore[arg-type]


def test_the_workshop_days_are_the_projects_in_order(memory_repo: Repository, project: Project) -> None:
    assert participation.workshop_days(memory_repo, project.id) == [DAY, DAY_TWO]


def test_someone_is_added_for_workshop_days_only(memory_repo: Repository, project: Project) -> None:
    added = _add(memory_repo, project, "Maureen", ParticipantPerspective.PERSON, access_needs="Step-free")
    assert [p.day for p in added.days] == [DAY, DAY_TWO]
    assert participation.participants(memory_repo, project.id) == [added]
    with pytest.raises(DomainError, match="workshop days") as refused:
        participation.add_participant(
            memory_repo,
            project.id,
            {"name": "Bo", "perspective": ParticipantPerspective.PERSON},
            [DAY + timedelta(days=1)],
            actor=ACTOR,
            now=f.NOW,
        )
    assert refused.value.field == "days"
    with pytest.raises(InvalidInput) as unnamed:
        participation.add_participant(
            memory_repo, project.id, {"name": " ", "perspective": ParticipantPerspective.PERSON}, [DAY],
            actor=ACTOR, now=f.NOW,
        )  # fmt: skip
    assert "name" in unnamed.value.errors


def test_without_workshop_days_nobody_can_be_invited(memory_repo: Repository) -> None:
    bare = memory_repo.save(f.project())
    with pytest.raises(DomainError, match="no workshop days"):
        participation.add_participant(
            memory_repo, bare.id, {"name": "Bo", "perspective": "person"}, [], actor=ACTOR, now=f.NOW
        )


def test_replies_and_attendance_make_the_days_balance(memory_repo: Repository, project: Project) -> None:
    people = _add(memory_repo, project, "Maureen", ParticipantPerspective.PERSON)
    provider = _add(memory_repo, project, "Ruth", ParticipantPerspective.PROVIDER, organisation="Riverside")
    _add(memory_repo, project, "Margaret", ParticipantPerspective.COMMISSIONER, days=[DAY_TWO])
    participation.record_reply(memory_repo, people.id, DAY, Reply.COMING, actor=ACTOR, now=f.NOW)
    participation.record_reply(memory_repo, provider.id, DAY, Reply.COMING, actor=ACTOR, now=f.NOW)
    participation.record_attendance(memory_repo, people.id, DAY, True, actor=ACTOR, now=f.NOW)
    participation.record_attendance(memory_repo, provider.id, DAY, False, actor=ACTOR, now=f.NOW)
    first, second = participation.day_balances(memory_repo, project.id)
    assert (first.day, first.judged) == (DAY, Counting.CAME)
    assert (first.invited.total, first.coming.total, first.came.total) == (2, 2, 1)
    assert (BalanceWarning.MISSING, Side.COMMISSIONERS) in first.judged_balance.warnings
    assert (second.judged, second.invited.total) == (Counting.INVITED, 3)
    assert second.invited.by_side[Side.COMMISSIONERS] == 1


def test_a_change_of_days_keeps_the_replies_of_the_days_kept(
    memory_repo: Repository, project: Project
) -> None:
    someone = _add(memory_repo, project, "Leon", ParticipantPerspective.PERSON)
    participation.record_reply(memory_repo, someone.id, DAY, Reply.NOT_COMING, actor=ACTOR, now=f.NOW)
    changed = participation.update_participant(
        memory_repo,
        someone.id,
        {"name": "Leon B", "perspective": "family_or_carer"},
        [DAY],
        actor=ACTOR,
        now=f.NOW,
    )
    assert (changed.name, changed.perspective) == ("Leon B", ParticipantPerspective.FAMILY)
    assert [(p.day, p.reply) for p in changed.days] == [(DAY, Reply.NOT_COMING)]
    participation.remove_participant(memory_repo, someone.id, actor=ACTOR, now=f.NOW)
    assert participation.participants(memory_repo, project.id) == []


def test_names_and_access_needs_never_reach_the_audit_log(memory_repo: Repository, project: Project) -> None:
    someone = _add(
        memory_repo, project, "Zebedee", ParticipantPerspective.PERSON, access_needs="Zebedee's taxi"
    )
    participation.record_reply(memory_repo, someone.id, DAY, Reply.COMING, actor=ACTOR, now=f.NOW)
    logged = [e.reason for e in memory_repo.audit_log(someone.id)]
    assert logged == ["participant", "reply: coming"]
    assert "Zebedee" not in " ".join(e.model_dump_json() for e in memory_repo.audit_log())


def test_facilitators_see_how_many_would_like_to_come_never_who(
    memory_repo: Repository, project: Project
) -> None:
    for ref, come in (("P-1", Come.YES), ("P-2", Come.YES), ("P-3", Come.MAYBE), ("P-4", Come.NO)):
        review = f.complete_review(project.id, person_ref=ref)
        review.set_workshop_wish(come, "Large print", f.NOW)
        memory_repo.save(review)
    memory_repo.save(f.complete_review(project.id, person_ref="P-5"))
    with access.acting_as(User(username="fran", role=Role.FACILITATOR)):
        counts = participation.wishes(memory_repo, project.id)
    assert counts == {Come.NOT_ASKED: 1, Come.YES: 2, Come.MAYBE: 1, Come.NO: 1}


def test_reviewers_cannot_manage_participants(memory_repo: Repository, project: Project) -> None:
    with access.acting_as(User(username="pat", role=Role.REVIEWER)), pytest.raises(AccessDenied):
        participation.participants(memory_repo, project.id)


def test_the_arrangements_are_saved_and_go_into_the_invitation(
    memory_repo: Repository, project: Project
) -> None:
    empty = participation.arrangements(memory_repo, project.id)
    assert (empty.place, empty.revision) == ("", 0)
    details = {
        "place": "Riverside centre",
        "times": "10am to 3pm",
        "help_on_offer": "Hearing loop",
        "contact": "Fran",
    }
    saved = participation.save_arrangements(
        memory_repo, project.id, details, expected_revision=0, actor=ACTOR, now=f.NOW
    )
    with pytest.raises(DomainError, match="Someone else changed"):
        participation.save_arrangements(
            memory_repo, project.id, details, expected_revision=0, actor=ACTOR, now=f.NOW
        )
    invitation = participation.invitation_content(memory_repo, project.id, f.NOW)
    assert (invitation.place, invitation.times, invitation.contact) == (
        "Riverside centre",
        "10am to 3pm",
        "Fran",
    )
    assert invitation.days == [DAY, DAY_TWO] and invitation.project == project.name
    assert saved.revision == 1 and memory_repo.find(Review) == []
