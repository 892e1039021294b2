"""Reading the audit log (quality leads and administrators only, filtered and newest first), and consent
withdrawn: that person's words leave the workshop statements and every document made afterwards."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date, timedelta

import pytest

from tests import factories as f
from wtfc_collect.domain import (
    AuditAction,
    Consent,
    Question,
    Review,
    Role,
    Speaker,
    TriageStatus,
    User,
    new_id,
)
from wtfc_collect.services.access import AccessDenied, acting_as
from wtfc_collect.services.admin import audit_log
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.common import record_audit
from wtfc_collect.services.reports import documents
from wtfc_collect.storage.port import Repository

NOW = f.NOW
W, NW, FU = Question.WORKING, Question.NOT_WORKING, Question.FUTURE


# --------------------------------------------------------------------------------------------------
# Filters and order


@pytest.fixture
def logged(memory_repo: Repository) -> dict[str, str]:
    """Six entries over three days, by three people, about two records (written out of time order)."""
    ids = {"review": new_id(), "project": new_id()}
    entries = [
        (2, "Ann", AuditAction.EDIT, ids["review"]),
        (0, "Ann", AuditAction.SIGN_IN, None),
        (1, "Bob", AuditAction.CREATE, ids["review"]),
        (2, "bob", AuditAction.EXPORT, ids["project"]),
        (0, "Cat", AuditAction.SIGN_IN_REFUSED, None),
        (1, "Ann", AuditAction.SIGN_OUT, None),
    ]
    for number, (day, actor, action, record_id) in enumerate(entries):
        at = NOW + timedelta(days=day, minutes=number)
        record = None
        if record_id is not None:
            record = (
                f.review(new_id(), id=record_id) if record_id == ids["review"] else f.project(id=record_id)
            )
        record_audit(memory_repo, actor=actor, action=action, record=record, now=at, reason=f"entry {number}")
    return ids


def _reasons(events: Sequence[object]) -> list[str]:
    return [e.reason for e in events]  # type: ignore[attr-defined]


def test_entries_come_newest_first(memory_repo: Repository, logged: dict[str, str]) -> None:
    events = audit_log.audit_entries(memory_repo)
    assert _reasons(events) == ["entry 3", "entry 0", "entry 5", "entry 2", "entry 4", "entry 1"]
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
    assert _reasons(audit_log.audit_entries(memory_repo, limit=2)) == ["entry 3", "entry 0"]


def test_filter_by_actor_ignores_case(memory_repo: Repository, logged: dict[str, str]) -> None:
    assert _reasons(audit_log.audit_entries(memory_repo, actor="ann")) == ["entry 0", "entry 5", "entry 1"]
    assert _reasons(audit_log.audit_entries(memory_repo, actor="BOB")) == ["entry 3", "entry 2"]
    assert audit_log.audit_entries(memory_repo, actor="Dan") == []
    actors = audit_log.audit_actors(memory_repo)
    assert sorted(actors) == ["Ann", "Bob", "Cat", "bob"]
    assert [a.casefold() for a in actors] == ["ann", "bob", "bob", "cat"]


def test_filter_by_action(memory_repo: Repository, logged: dict[str, str]) -> None:
    signing = [AuditAction.SIGN_IN, AuditAction.SIGN_IN_REFUSED, AuditAction.SIGN_OUT]
    assert _reasons(audit_log.audit_entries(memory_repo, actions=signing)) == [
        "entry 5",
        "entry 4",
        "entry 1",
    ]
    assert _reasons(audit_log.audit_entries(memory_repo, actions={AuditAction.EXPORT})) == ["entry 3"]
    assert audit_log.audit_entries(memory_repo, actions=[AuditAction.ERASE]) == []


def test_filter_by_dates_inclusive(memory_repo: Repository, logged: dict[str, str]) -> None:
    day0, day1, day2 = (f.TODAY + timedelta(days=n) for n in range(3))
    assert _reasons(audit_log.audit_entries(memory_repo, since=day2)) == ["entry 3", "entry 0"]
    assert _reasons(audit_log.audit_entries(memory_repo, until=day0)) == ["entry 4", "entry 1"]
    assert _reasons(audit_log.audit_entries(memory_repo, since=day1, until=day1)) == ["entry 5", "entry 2"]
    assert audit_log.audit_entries(memory_repo, since=day2, until=day1) == []
    assert audit_log.audit_entries(memory_repo, since=date(2030, 1, 1)) == []


def test_filter_by_record_and_together(memory_repo: Repository, logged: dict[str, str]) -> None:
    review_id = logged["review"]
    assert _reasons(audit_log.audit_entries(memory_repo, record_id=review_id)) == ["entry 0", "entry 2"]
    assert _reasons(audit_log.audit_entries(memory_repo, record_id=logged["project"])) == ["entry 3"]
    both = audit_log.audit_entries(
        memory_repo, record_id=review_id, actor="bob", actions=[AuditAction.CREATE]
    )
    assert _reasons(both) == ["entry 2"]
    assert audit_log.audit_entries(memory_repo, record_id=review_id, since=f.TODAY + timedelta(days=3)) == []


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.FACILITATOR, Role.SELF_REVIEWER])
def test_only_quality_leads_and_administrators_read_the_log(
    memory_repo: Repository, logged: dict[str, str], role: Role
) -> None:
    with acting_as(User(username="x", role=role)):
        with pytest.raises(AccessDenied):
            audit_log.audit_entries(memory_repo)
        with pytest.raises(AccessDenied):
            audit_log.audit_actors(memory_repo)
    with acting_as(User(username="q", role=Role.QUALITY_LEAD)):
        assert len(audit_log.audit_entries(memory_repo)) == 6


# --------------------------------------------------------------------------------------------------
# Consent withdrawn

KEEP = {W: ("I go to the allotment", "My sister visits"), NW: ("Buses are late", "Carers change"),
        FU: ("I want to swim", "I want a job")}  # fmt: skip
GONE = {W: ("Quokka picnic on Sundays", "Harpsichord lessons"), NW: ("Zither repairs", "Ocelot noise"),
        FU: ("Narwhal watching", "Kumquat jam")}  # fmt: skip


def _ready(repo: Repository, project_id: str, ref: str, texts: dict[Question, tuple[str, str]]) -> Review:
    """A review sent in with consent; its top two per question accepted and the workshop copy confirmed."""
    review = f.review(project_id, person_ref=ref, consent=Consent(given=True, recorded_on=f.TODAY))
    for question, pair in texts.items():
        for place, text in enumerate(pair, start=1):
            review.set_priority(review.add_statement(question, text, Speaker.PERSON, NOW).id, place, NOW)  # type: ignore[arg-type]
    review.submit(NOW)
    repo.save(review)
    for statement in review.statements:
        check_statements.triage_statement(
            repo, review.id, statement.id, TriageStatus.ACCEPTED, actor="Q", now=NOW
        )
        check_statements.confirm_workshop_text(
            repo, review.id, statement.id, statement.text, actor="Q", now=NOW
        )
    return review


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        return " ".join(
            docx.read(n).decode("utf-8", "replace") for n in docx.namelist() if n.endswith(".xml")
        )


def test_withdrawn_words_leave_the_workshop_and_later_documents(memory_repo: Repository) -> None:
    project_id = memory_repo.save(f.project()).id
    _ready(memory_repo, project_id, "P-KEEP", KEEP)
    gone = _ready(memory_repo, project_id, "P-GONE", GONE)
    gone_words = [text for pair in GONE.values() for text in pair]
    kept_words = [text for pair in KEEP.values() for text in pair]
    facilitator = User(username="fran", role=Role.FACILITATOR)

    with acting_as(facilitator):
        before = [s.text for _, s in check_statements.workshop_statements(memory_repo, project_id)]
        before_cards = [c.text for c in documents.workshop_cards(memory_repo, project_id)]
    assert sorted(before) == sorted(gone_words + kept_words)  # both people's words were there
    assert sorted(before_cards) == sorted(gone_words + kept_words)
    before_doc = documents.export_document(
        memory_repo, project_id, documents.DocumentKind.CARDS, actor="fran", now=NOW
    )
    assert "Quokka picnic" in _docx_text(before_doc)

    withdraw_review(memory_repo, gone.id, reason="person_asked", actor="Tom", now=NOW)

    with acting_as(facilitator):
        after = check_statements.workshop_statements(memory_repo, project_id)
        after_cards = documents.workshop_cards(memory_repo, project_id)
        after_doc = documents.export_document(
            memory_repo, project_id, documents.DocumentKind.CARDS, actor="fran", now=NOW
        )
        strips = documents.export_document(
            memory_repo, project_id, documents.DocumentKind.STRIPS, actor="fran", now=NOW
        )
    assert sorted(s.text for _, s in after) == sorted(kept_words)
    assert {r.id for r, _ in after} == {r.id for r in memory_repo.find(Review) if r.id != gone.id}
    assert sorted(c.text for c in after_cards) == sorted(kept_words)
    assert [c.number for c in after_cards] == list(range(1, len(kept_words) + 1))
    for document in (_docx_text(after_doc), _docx_text(strips)):
        assert "allotment" in document
        for word in ("Quokka", "Harpsichord", "Zither", "Ocelot", "Narwhal", "Kumquat"):
            assert word not in document
    # The withdrawal itself is audited with the reason only.
    withdrawn = [e for e in memory_repo.audit_log(gone.id) if e.action is AuditAction.WITHDRAW]
    assert [(e.actor, e.reason) for e in withdrawn] == [("Tom", "person_asked")]
