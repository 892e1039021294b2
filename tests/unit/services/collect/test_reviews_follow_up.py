"""After a review: actions for the person and the workshop wish, through the use cases. Only those who may
open the review see them, the audit log never holds their words, and they never reach a workshop or a
document."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from docx import Document

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.domain import DomainError, Review, ReviewStatus, WithdrawalReason
from wtfc_collect.domain.access import Role, User
from wtfc_collect.domain.participation import Come
from wtfc_collect.services import access
from wtfc_collect.services.access import AccessDenied
from wtfc_collect.services.checkpoint.check_statements import workshop_statements
from wtfc_collect.services.collect import reviews_follow_up as follow
from wtfc_collect.services.collect.exchange import export_reviews
from wtfc_collect.services.reports.documents import DocumentKind, export_document
from wtfc_collect.storage.port import Repository

ACTOR = "Sam (reviewer)"
PRIVATE_ACTION = "Ring Zebedee's GP about the night-time tablets"
PRIVATE_NEEDS = "Needs Zebedee's wheelchair taxi"


def _reviews(repo: Repository) -> tuple[str, Review, Review]:
    project = repo.save(f.project())
    north = repo.save(f.complete_review(project.id, person_ref="P-001", team="North team"))
    south = repo.save(f.complete_review(project.id, person_ref="P-002", team="South team"))
    return project.id, north, south


def test_actions_are_added_marked_done_and_taken_out(memory_repo: Repository) -> None:
    project_id, north, _ = _reviews(memory_repo)
    added = follow.add_person_action(
        memory_repo, north.id, "Swimming on Thursdays", "Key worker", f.TODAY, actor=ACTOR, now=f.NOW
    )
    done = follow.set_person_action_done(memory_repo, north.id, added.id, True, actor=ACTOR, now=f.NOW)
    assert done.done_on == f.NOW.date()
    [row] = follow.person_actions(memory_repo, project_id)
    assert (row.review.id, row.action.what, row.action.done) == (north.id, "Swimming on Thursdays", True)
    follow.remove_person_action(memory_repo, north.id, added.id, actor=ACTOR, now=f.NOW)
    assert follow.person_actions(memory_repo, project_id) == []


def test_actions_still_to_do_come_first_soonest_first(memory_repo: Repository) -> None:
    project_id, north, south = _reviews(memory_repo)
    later = f.TODAY + timedelta(weeks=4)
    sooner = f.TODAY + timedelta(weeks=1)
    first = follow.add_person_action(memory_repo, north.id, "Done one", "Sam", sooner, actor=ACTOR, now=f.NOW)
    follow.set_person_action_done(memory_repo, north.id, first.id, True, actor=ACTOR, now=f.NOW)
    follow.add_person_action(memory_repo, north.id, "No date", "Sam", None, actor=ACTOR, now=f.NOW)
    follow.add_person_action(memory_repo, south.id, "Later", "Sam", later, actor=ACTOR, now=f.NOW)
    follow.add_person_action(memory_repo, south.id, "Sooner", "Sam", sooner, actor=ACTOR, now=f.NOW)
    assert [r.action.what for r in follow.person_actions(memory_repo, project_id)] == [
        "Sooner",
        "Later",
        "No date",
        "Done one",
    ]


def test_a_reviewer_reaches_only_the_actions_of_their_teams_reviews(memory_repo: Repository) -> None:
    project_id, north, south = _reviews(memory_repo)
    for review in (north, south):
        follow.add_person_action(memory_repo, review.id, "Swimming", "Sam", None, actor=ACTOR, now=f.NOW)
        follow.set_workshop_wish(memory_repo, review.id, Come.YES, "", actor=ACTOR, now=f.NOW)
    reviewer = User(username="pat", role=Role.REVIEWER, teams=("North team",))
    with access.acting_as(reviewer):
        assert [r.review.id for r in follow.person_actions(memory_repo, project_id)] == [north.id]
        assert [r.id for r in follow.people_to_invite(memory_repo, project_id)] == [north.id]
        with pytest.raises(AccessDenied):
            follow.add_person_action(memory_repo, south.id, "More", "Sam", None, actor="pat", now=f.NOW)
    with access.acting_as(User(username="fran", role=Role.FACILITATOR)), pytest.raises(AccessDenied):
        follow.person_actions(memory_repo, project_id)


def test_the_workshop_wish_is_recorded_and_listed_when_yes_or_maybe(memory_repo: Repository) -> None:
    project_id, north, south = _reviews(memory_repo)
    follow.set_workshop_wish(memory_repo, north.id, Come.MAYBE, "A quiet room", actor=ACTOR, now=f.NOW)
    follow.set_workshop_wish(memory_repo, south.id, Come.NO, "", actor=ACTOR, now=f.NOW)
    [listed] = follow.people_to_invite(memory_repo, project_id)
    assert (listed.id, listed.workshop.come, listed.workshop.access_needs) == (
        north.id,
        Come.MAYBE,
        "A quiet room",
    )


def test_the_audit_log_notes_ids_never_the_words(memory_repo: Repository) -> None:
    _, north, _ = _reviews(memory_repo)
    added = follow.add_person_action(
        memory_repo, north.id, PRIVATE_ACTION, "GP", None, actor=ACTOR, now=f.NOW
    )
    follow.set_workshop_wish(memory_repo, north.id, Come.YES, PRIVATE_NEEDS, actor=ACTOR, now=f.NOW)
    reasons = [e.reason for e in memory_repo.audit_log(north.id)]
    assert reasons == [f"action for the person added: {added.id}", "workshop wish: yes"]
    assert "Zebedee" not in " ".join(e.model_dump_json() for e in memory_repo.audit_log())


def test_a_withdrawn_review_takes_no_more_actions(memory_repo: Repository) -> None:
    _, north, _ = _reviews(memory_repo)
    north.submit(f.NOW)
    north.withdraw(WithdrawalReason.PERSON_ASKED, f.NOW)
    memory_repo.save(north)
    with pytest.raises(DomainError, match="withdrawn"):
        follow.add_person_action(memory_repo, north.id, "Swimming", "Sam", None, actor=ACTOR, now=f.NOW)


def _document_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_actions_and_access_needs_never_reach_a_workshop_or_a_document(memory_repo: Repository) -> None:
    project = demo_project(memory_repo, now=f.NOW, reviews=12, workshop=True)
    usable = next(
        r for r in memory_repo.find(Review, project_id=project.id) if r.status is ReviewStatus.SUBMITTED
    )
    follow.add_person_action(
        memory_repo, usable.id, PRIVATE_ACTION, "Zebedee's GP", None, actor=ACTOR, now=f.NOW
    )
    follow.set_workshop_wish(memory_repo, usable.id, Come.YES, PRIVATE_NEEDS, actor=ACTOR, now=f.NOW)
    cards = " ".join(s.card_text for _, s in workshop_statements(memory_repo, project.id))
    assert "Zebedee" not in cards
    for kind in DocumentKind:
        text = _document_text(export_document(memory_repo, project.id, kind, actor=ACTOR, now=f.NOW))
        assert "Zebedee" not in text, kind
    exported = export_reviews(memory_repo, project.id, "csv", actor=ACTOR, now=f.NOW).decode("utf-8-sig")
    assert "Zebedee" not in exported
