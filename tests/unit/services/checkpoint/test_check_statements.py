"""Deciding about each statement after the checkpoint, and preparing the workshop copy: nothing is
rewritten behind the person's back, and only accepted, confirmed top-two statements reach a workshop."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.domain import (
    AuditAction,
    Consent,
    DomainError,
    Question,
    Review,
    ReviewStatus,
    Speaker,
    Statement,
    TriageStatus,
)
from wtfc_collect.domain.statement import Priority
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.storage.port import Repository

LEAD = "Ann (quality lead)"
LATER = f.NOW + timedelta(days=3)
W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
# One person's words: two chosen per question, and one not chosen for "working".
WORDS = {
    W: ("My neighbour Mrs Patel pops in every morning", "Singing in the choir on Thursdays"),
    NW: ("The bus never comes on time", "Nobody rings before they visit"),
    F: ("I want to try swimming again", "Seeing the sea at Whitby"),
}
NOT_CHOSEN = "Watching the snooker"
AGREED = {"agreed_by": "The person", "agreed_on": f.TODAY}  # who agreed other words, and on what day
PLACES: tuple[Priority, Priority] = (1, 2)


def _review(repo: Repository, project_id: str, *, submit: bool = True, **details: object) -> Review:
    review = f.review(project_id, consent=Consent(given=True, recorded_on=f.TODAY), **details)
    for question, texts in WORDS.items():
        for place, text in zip(PLACES, texts, strict=True):
            review.set_priority(review.add_statement(question, text, Speaker.PERSON, f.NOW).id, place, f.NOW)
    review.add_statement(W, NOT_CHOSEN, Speaker.PERSON, f.NOW)
    if submit:
        review.submit(f.NOW)
    return repo.save(review)


@pytest.fixture
def project_id(memory_repo: Repository) -> str:
    return memory_repo.save(f.project()).id


@pytest.fixture
def review(memory_repo: Repository, project_id: str) -> Review:
    return _review(memory_repo, project_id, reviewer="Tom", team="North team")


def _statement(repo: Repository, review_id: str, text: str) -> Statement:
    stored = repo.get(Review, review_id)
    assert stored is not None
    return next(s for s in stored.statements if s.text == text)


def _audit_reasons(repo: Repository, review_id: str) -> list[str]:
    return [e.reason for e in repo.audit_log(review_id)]


def _no_words_in_audit(repo: Repository) -> None:
    """Every triage entry of the audit trail says what was done to which statement id, nothing more."""
    events = [e for e in repo.audit_log() if e.action is AuditAction.TRIAGE]
    assert events
    for event in events:
        assert re.fullmatch(r"[a-z_ ]+: statement [0-9a-f]{32}", event.reason), event.reason
    everything = " ".join(e.reason for e in repo.audit_log())
    assert not [text for texts in WORDS.values() for text in texts if text in everything]


def _accept_and_confirm(repo: Repository, review: Review, text: str) -> None:
    statement = _statement(repo, review.id, text)
    check_statements.triage_statement(
        repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=LEAD, now=f.NOW
    )
    copy = check_statements.propose_workshop_text(_statement(repo, review.id, text)).text
    check_statements.confirm_workshop_text(repo, review.id, statement.id, copy, actor=LEAD, now=f.NOW)


# --- decisions ---------------------------------------------------------------------------------------------
def test_accept_records_who_and_when_and_audits_ids_only(memory_repo: Repository, review: Review) -> None:
    statement = _statement(memory_repo, review.id, WORDS[NW][0])
    check_statements.triage_statement(
        memory_repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=LEAD, now=f.NOW
    )
    stored = _statement(memory_repo, review.id, WORDS[NW][0])
    assert stored.triage_status is TriageStatus.ACCEPTED
    assert [(d.by, d.at, d.reason) for d in stored.triage] == [(LEAD, f.NOW, "")]
    [event] = [e for e in memory_repo.audit_log(review.id) if e.action is AuditAction.TRIAGE]
    assert (event.actor, event.record_kind, event.record_id) == (LEAD, "review", review.id)
    assert event.reason == f"accepted: statement {statement.id}"


@pytest.mark.parametrize("status", [TriageStatus.ASK_AGAIN, TriageStatus.EXCLUDED])
def test_ask_again_and_leave_out_need_a_reason(
    memory_repo: Repository, review: Review, status: TriageStatus
) -> None:
    statement = _statement(memory_repo, review.id, WORDS[W][0])
    with pytest.raises(DomainError) as caught:
        check_statements.triage_statement(
            memory_repo, review.id, statement.id, status, reason=" ", actor=LEAD, now=f.NOW
        )
    assert caught.value.field == "reason"
    assert _statement(memory_repo, review.id, WORDS[W][0]).triage == []
    assert memory_repo.get(Review, review.id) == review  # nothing saved
    assert _audit_reasons(memory_repo, review.id) == []


def test_the_reason_stays_with_the_decision_not_in_the_audit(memory_repo: Repository, review: Review) -> None:
    statement = _statement(memory_repo, review.id, WORDS[W][1])
    quoted = "Tom wrote 'Singing in the choir' for her; ask her what she enjoys. "
    reason = quoted + "x" * (500 - len(quoted))  # as long as a reason may be
    check_statements.triage_statement(
        memory_repo, review.id, statement.id, TriageStatus.ASK_AGAIN, reason=reason, actor=LEAD, now=f.NOW
    )
    stored = _statement(memory_repo, review.id, WORDS[W][1])
    assert stored.triage[-1].reason == reason
    assert _audit_reasons(memory_repo, review.id) == [f"ask_again: statement {statement.id}"]
    _no_words_in_audit(memory_repo)


def test_an_unknown_statement_or_review_is_refused(memory_repo: Repository, review: Review) -> None:
    with pytest.raises(DomainError):
        check_statements.triage_statement(
            memory_repo, review.id, "0" * 32, TriageStatus.ACCEPTED, actor=LEAD, now=f.NOW
        )
    with pytest.raises(DomainError):
        check_statements.triage_statement(
            memory_repo, "0" * 32, "0" * 32, TriageStatus.ACCEPTED, actor=LEAD, now=f.NOW
        )


def test_a_withdrawn_review_cannot_be_decided_about(memory_repo: Repository, review: Review) -> None:
    statement = _statement(memory_repo, review.id, WORDS[W][0])
    withdraw_review(memory_repo, review.id, reason="person_asked", actor=LEAD, now=f.NOW)
    calls: list[Callable[[], object]] = [
        lambda: check_statements.triage_statement(
            memory_repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=LEAD, now=LATER
        ),
        lambda: check_statements.edit_with_person(
            memory_repo,
            review.id,
            statement.id,
            "new words",
            agreed_by="The person",
            agreed_on=f.TODAY,
            reason="agreed",
            actor=LEAD,
            now=LATER,
        ),
        lambda: check_statements.confirm_workshop_text(
            memory_repo, review.id, statement.id, statement.text, actor=LEAD, now=LATER
        ),
    ]
    for call in calls:
        with pytest.raises(DomainError, match="withdrawn"):
            call()
    assert _statement(memory_repo, review.id, WORDS[W][0]).triage == []


# --- words agreed with the person ---------------------------------------------------------------------------
def test_edit_with_person_keeps_the_original_and_records_who_when_why(
    memory_repo: Repository, review: Review
) -> None:
    statement = _statement(memory_repo, review.id, WORDS[NW][1])
    agreed = "Carers turn up without ringing first and it scares me"
    check_statements.edit_with_person(
        memory_repo,
        review.id,
        statement.id,
        agreed,
        agreed_by="The person",
        agreed_on=f.TODAY,
        reason="read back to her on 3 May",
        actor=LEAD,
        now=LATER,
    )
    stored = _statement(memory_repo, review.id, WORDS[NW][1])
    assert stored.text == WORDS[NW][1]
    assert (stored.workshop_text, stored.card_text) == (agreed, agreed)
    [change] = stored.changes
    assert (change.field, change.old, change.new, change.by, change.at) == (
        "workshop_text",
        None,
        agreed,
        LEAD,
        LATER,
    )
    assert "read back to her on 3 May" in change.reason
    assert stored.agreed is not None
    assert (stored.agreed.words, stored.agreed.agreed_by, stored.agreed.agreed_on) == (
        agreed,
        "The person",
        f.TODAY,
    )
    assert (stored.agreed.why, stored.agreed.recorded_by, stored.agreed.recorded_at) == (
        "read back to her on 3 May",
        LEAD,
        LATER,
    )
    assert stored.triage_status is TriageStatus.ACCEPTED
    assert not stored.ready_for_workshop  # the workshop copy is still to be confirmed
    assert _audit_reasons(memory_repo, review.id) == [f"edited with the person: statement {statement.id}"]
    assert agreed not in " ".join(_audit_reasons(memory_repo, review.id))
    _no_words_in_audit(memory_repo)


def test_edit_with_person_needs_a_reason_and_words(memory_repo: Repository, review: Review) -> None:
    statement = _statement(memory_repo, review.id, WORDS[NW][1])
    with pytest.raises(DomainError) as no_reason:
        check_statements.edit_with_person(
            memory_repo, review.id, statement.id, "New", **AGREED, reason="", actor=LEAD, now=f.NOW
        )
    assert no_reason.value.field == "reason"
    with pytest.raises(InvalidInput) as no_words:
        check_statements.edit_with_person(
            memory_repo, review.id, statement.id, "  ", **AGREED, reason="agreed", actor=LEAD, now=f.NOW
        )
    assert no_words.value.field == "text"
    for who, when, field in (("  ", f.TODAY, "agreed_by"), ("The person", None, "agreed_on")):
        with pytest.raises(DomainError) as missing:
            check_statements.edit_with_person(
                memory_repo,
                review.id,
                statement.id,
                "New",
                agreed_by=who,
                agreed_on=when,
                reason="agreed",
                actor=LEAD,
                now=f.NOW,
            )
        assert missing.value.field == field
    with pytest.raises(DomainError, match="own words already") as same:
        check_statements.edit_with_person(
            memory_repo,
            review.id,
            statement.id,
            WORDS[NW][1],
            **AGREED,
            reason="agreed",
            actor=LEAD,
            now=f.NOW,
        )
    assert same.value.field == "words"
    with pytest.raises(DomainError, match="future") as later:
        check_statements.edit_with_person(
            memory_repo,
            review.id,
            statement.id,
            "New",
            agreed_by="The person",
            agreed_on=f.TODAY + timedelta(days=5),
            reason="agreed",
            actor=LEAD,
            now=f.NOW,
        )
    assert later.value.field == "agreed_on"
    assert memory_repo.get(Review, review.id) == review
    assert memory_repo.audit_log(review.id) == []


def test_editing_after_confirmation_needs_a_new_confirmation(memory_repo: Repository, review: Review) -> None:
    _accept_and_confirm(memory_repo, review, WORDS[F][0])
    statement = _statement(memory_repo, review.id, WORDS[F][0])
    assert statement.ready_for_workshop
    check_statements.edit_with_person(
        memory_repo,
        review.id,
        statement.id,
        "Swimming at the leisure centre",
        **AGREED,
        reason="agreed",
        actor=LEAD,
        now=LATER,
    )
    assert not _statement(memory_repo, review.id, WORDS[F][0]).ready_for_workshop


# --- the workshop copy --------------------------------------------------------------------------------------
def test_proposal_replaces_personal_data_of_the_agreed_words(memory_repo: Repository, review: Review) -> None:
    statement = _statement(memory_repo, review.id, WORDS[W][0])
    proposal = check_statements.propose_workshop_text(statement)
    assert (proposal.text, proposal.replaced) == ("My neighbour [name] pops in every morning", ("Mrs Patel",))
    check_statements.edit_with_person(
        memory_repo,
        review.id,
        statement.id,
        "My neighbour Dave pops in with the paper",
        **AGREED,
        reason="agreed",
        actor=LEAD,
        now=f.NOW,
    )
    agreed = check_statements.propose_workshop_text(_statement(memory_repo, review.id, WORDS[W][0]))
    assert (agreed.text, agreed.replaced) == ("My neighbour [name] pops in with the paper", ("Dave",))
    plain = check_statements.propose_workshop_text(_statement(memory_repo, review.id, WORDS[NW][0]))
    assert (plain.text, plain.replaced) == (WORDS[NW][0], ())


def test_confirm_needs_the_statement_accepted_first(memory_repo: Repository, review: Review) -> None:
    statement = _statement(memory_repo, review.id, WORDS[W][0])
    with pytest.raises(DomainError, match="Accept"):
        check_statements.confirm_workshop_text(
            memory_repo, review.id, statement.id, "My neighbour [name]", actor=LEAD, now=f.NOW
        )
    assert memory_repo.get(Review, review.id) == review


def test_confirm_keeps_the_copy_beside_the_original(memory_repo: Repository, review: Review) -> None:
    _accept_and_confirm(memory_repo, review, WORDS[W][0])
    stored = _statement(memory_repo, review.id, WORDS[W][0])
    assert stored.text == WORDS[W][0]
    assert stored.workshop_text == "My neighbour [name] pops in every morning"
    assert (stored.anonymised_by, stored.anonymised_at) == (LEAD, f.NOW)
    assert stored.ready_for_workshop
    assert _audit_reasons(memory_repo, review.id)[-1] == f"workshop copy confirmed: statement {stored.id}"
    _no_words_in_audit(memory_repo)


def test_confirming_unchanged_words_keeps_no_copy(memory_repo: Repository, review: Review) -> None:
    _accept_and_confirm(memory_repo, review, WORDS[NW][0])
    stored = _statement(memory_repo, review.id, WORDS[NW][0])
    assert (stored.workshop_text, stored.changes, stored.ready_for_workshop) == (None, [], True)


def test_an_empty_copy_is_refused_plainly(memory_repo: Repository, review: Review) -> None:
    statement = _statement(memory_repo, review.id, WORDS[NW][0])
    check_statements.triage_statement(
        memory_repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=LEAD, now=f.NOW
    )
    with pytest.raises(InvalidInput) as caught:
        check_statements.confirm_workshop_text(
            memory_repo, review.id, statement.id, " ", actor=LEAD, now=f.NOW
        )
    assert caught.value.field == "text"
    assert not _statement(memory_repo, review.id, WORDS[NW][0]).ready_for_workshop


# --- lists --------------------------------------------------------------------------------------------------
def test_ask_again_list_for_everyone_or_one_reviewer(
    memory_repo: Repository, project_id: str, review: Review
) -> None:
    other = _review(memory_repo, project_id, reviewer="Amira", team="South team", person_ref="P-002")
    for r in (review, other):
        statement = _statement(memory_repo, r.id, WORDS[W][1])
        check_statements.triage_statement(
            memory_repo,
            r.id,
            statement.id,
            TriageStatus.ASK_AGAIN,
            reason="professional words",
            actor=LEAD,
            now=f.NOW,
        )
    left_out = _statement(memory_repo, review.id, WORDS[NW][0])
    check_statements.triage_statement(
        memory_repo, review.id, left_out.id, TriageStatus.EXCLUDED, reason="asked to", actor=LEAD, now=f.NOW
    )
    everyone = check_statements.ask_again_list(memory_repo, project_id)
    assert sorted((r.reviewer, s.text) for r, s in everyone) == [("Amira", WORDS[W][1]), ("Tom", WORDS[W][1])]
    toms = check_statements.ask_again_list(memory_repo, project_id, reviewer="Tom")
    assert [(r.id, s.text) for r, s in toms] == [(review.id, WORDS[W][1])]
    assert check_statements.ask_again_list(memory_repo, project_id, reviewer="Nobody") == []
    withdraw_review(memory_repo, other.id, reason="person_asked", actor=LEAD, now=f.NOW)
    assert [r.id for r, _ in check_statements.ask_again_list(memory_repo, project_id)] == [review.id]


def test_a_statement_asked_again_and_then_accepted_leaves_the_list(
    memory_repo: Repository, project_id: str, review: Review
) -> None:
    statement = _statement(memory_repo, review.id, WORDS[W][1])
    check_statements.triage_statement(
        memory_repo, review.id, statement.id, TriageStatus.ASK_AGAIN, reason="ask her", actor=LEAD, now=f.NOW
    )
    check_statements.triage_statement(
        memory_repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=LEAD, now=LATER
    )
    assert check_statements.ask_again_list(memory_repo, project_id) == []


def test_workshop_statements_are_accepted_confirmed_top_two_with_consent(
    memory_repo: Repository, project_id: str, review: Review
) -> None:
    assert check_statements.workshop_statements(memory_repo, project_id) == []
    _accept_and_confirm(memory_repo, review, WORDS[W][0])
    _accept_and_confirm(memory_repo, review, WORDS[F][1])
    _accept_and_confirm(memory_repo, review, NOT_CHOSEN)  # not one of the person's top two
    accepted_only = _statement(memory_repo, review.id, WORDS[NW][0])
    check_statements.triage_statement(
        memory_repo, review.id, accepted_only.id, TriageStatus.ACCEPTED, actor=LEAD, now=f.NOW
    )
    confirmed_then_left_out = WORDS[NW][1]
    _accept_and_confirm(memory_repo, review, confirmed_then_left_out)
    check_statements.triage_statement(
        memory_repo,
        review.id,
        _statement(memory_repo, review.id, confirmed_then_left_out).id,
        TriageStatus.EXCLUDED,
        reason="the person changed their mind",
        actor=LEAD,
        now=LATER,
    )
    chosen = check_statements.workshop_statements(memory_repo, project_id)
    assert [s.text for _, s in chosen] == [WORDS[W][0], WORDS[F][1]]
    assert [s.card_text for _, s in chosen] == ["My neighbour [name] pops in every morning", WORDS[F][1]]
    assert {r.id for r, _ in chosen} == {review.id}
    assert [s.text for _, s in check_statements.workshop_statements(memory_repo, project_id, F)] == [
        WORDS[F][1]
    ]
    assert check_statements.workshop_statements(memory_repo, project_id, NW) == []


def test_a_withdrawn_review_disappears_from_the_workshop(
    memory_repo: Repository, project_id: str, review: Review
) -> None:
    other = _review(memory_repo, project_id, person_ref="P-002")
    _accept_and_confirm(memory_repo, review, WORDS[W][0])
    _accept_and_confirm(memory_repo, other, WORDS[W][0])
    assert {r.id for r, _ in check_statements.workshop_statements(memory_repo, project_id)} == {
        review.id,
        other.id,
    }
    withdraw_review(memory_repo, review.id, reason="person_asked", actor=LEAD, now=LATER)
    assert [r.id for r, _ in check_statements.workshop_statements(memory_repo, project_id)] == [other.id]


def test_drafts_never_reach_the_workshop(memory_repo: Repository, project_id: str) -> None:
    draft = _review(memory_repo, project_id, submit=False)
    _accept_and_confirm(memory_repo, draft, WORDS[W][0])
    assert _statement(memory_repo, draft.id, WORDS[W][0]).ready_for_workshop
    assert check_statements.workshop_statements(memory_repo, project_id) == []
    assert check_statements.statements_to_triage(memory_repo, project_id) == []


def test_statements_to_triage_are_the_top_two_not_yet_ready(
    memory_repo: Repository, project_id: str, review: Review
) -> None:
    waiting = check_statements.statements_to_triage(memory_repo, project_id)
    assert [s.text for _, s in waiting] == [text for texts in WORDS.values() for text in texts]
    assert NOT_CHOSEN not in {s.text for _, s in waiting}
    _accept_and_confirm(memory_repo, review, WORDS[W][0])
    accepted = _statement(memory_repo, review.id, WORDS[W][1])
    check_statements.triage_statement(
        memory_repo, review.id, accepted.id, TriageStatus.ACCEPTED, actor=LEAD, now=f.NOW
    )
    still = [s.text for _, s in check_statements.statements_to_triage(memory_repo, project_id)]
    assert WORDS[W][0] not in still and WORDS[W][1] in still and len(still) == 5
    withdraw_review(memory_repo, review.id, reason="person_asked", actor=LEAD, now=LATER)
    assert check_statements.statements_to_triage(memory_repo, project_id) == []


def test_demo_starts_with_every_top_two_waiting(memory_repo: Repository) -> None:
    project = demo_project(memory_repo, now=f.NOW, reviews=40)
    sent_in = [
        r for r in memory_repo.find(Review, project_id=project.id) if r.status is ReviewStatus.SUBMITTED
    ]
    waiting = check_statements.statements_to_triage(memory_repo, project.id)
    assert len(waiting) == sum(len(r.prioritised(q)) for r in sent_in for q in Question) > 0
    assert check_statements.workshop_statements(memory_repo, project.id) == []


def test_get_statement(memory_repo: Repository, review: Review) -> None:
    statement = _statement(memory_repo, review.id, WORDS[F][0])
    found_review, found = check_statements.get_statement(memory_repo, review.id, statement.id)
    assert (found_review.id, found) == (review.id, statement)
    with pytest.raises(DomainError):
        check_statements.get_statement(memory_repo, review.id, "0" * 32)


# --- saying what happened, and taking it back ------------------------------------------------------------
def test_the_same_decision_twice_is_recorded_once(memory_repo: Repository, review: Review) -> None:
    """A double click on Accept decides once: nothing new to record the second time."""
    statement = _statement(memory_repo, review.id, WORDS[NW][0])
    for _ in range(2):
        check_statements.triage_statement(
            memory_repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=LEAD, now=f.NOW
        )
    assert len(_statement(memory_repo, review.id, WORDS[NW][0]).triage) == 1


@pytest.mark.parametrize("status", [TriageStatus.ACCEPTED, TriageStatus.ASK_AGAIN, TriageStatus.EXCLUDED])
def test_a_decision_is_undone_back_to_not_decided_and_both_stay_in_the_log(
    memory_repo: Repository, review: Review, status: TriageStatus
) -> None:
    statement = _statement(memory_repo, review.id, WORDS[F][1])
    check_statements.triage_statement(
        memory_repo, review.id, statement.id, status, reason="a slip", actor=LEAD, now=f.NOW
    )
    back = check_statements.undo_decision(memory_repo, review.id, statement.id, actor=LEAD, now=LATER)
    stored = _statement(memory_repo, review.id, WORDS[F][1])
    assert back is stored.triage_status is TriageStatus.NOT_CHECKED
    assert [d.status for d in stored.triage] == [status, TriageStatus.NOT_CHECKED]
    assert stored.triage[-1].reason == "undone" and stored.triage[-1].by == LEAD
    assert _audit_reasons(memory_repo, review.id)[-1] == f"undone: statement {statement.id}"
    _no_words_in_audit(memory_repo)
    with pytest.raises(DomainError, match="no decision to undo"):
        check_statements.undo_decision(memory_repo, review.id, statement.id, actor=LEAD, now=LATER)


def test_undo_goes_back_to_the_decision_before(memory_repo: Repository, review: Review) -> None:
    statement = _statement(memory_repo, review.id, WORDS[W][1])
    decide = check_statements.triage_statement
    decide(memory_repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=LEAD, now=f.NOW)
    decide(
        memory_repo,
        review.id,
        statement.id,
        TriageStatus.EXCLUDED,
        reason="names staff",
        actor=LEAD,
        now=LATER,
    )
    back = check_statements.undo_decision(memory_repo, review.id, statement.id, actor=LEAD, now=LATER)
    assert back is TriageStatus.ACCEPTED
    assert _statement(memory_repo, review.id, WORDS[W][1]).triage_status is TriageStatus.ACCEPTED


def test_undoing_a_confirmed_copy_takes_back_the_confirmation_and_the_copy(
    memory_repo: Repository, review: Review
) -> None:
    _accept_and_confirm(memory_repo, review, WORDS[W][0])  # the name became [name] in the copy
    statement = _statement(memory_repo, review.id, WORDS[W][0])
    assert statement.ready_for_workshop and statement.workshop_text is not None
    back = check_statements.undo_decision(memory_repo, review.id, statement.id, actor=LEAD, now=LATER)
    stored = _statement(memory_repo, review.id, WORDS[W][0])
    assert back is TriageStatus.ACCEPTED and not stored.ready_for_workshop
    assert stored.workshop_text is None and stored.text == WORDS[W][0]  # the words themselves never change


def test_undoing_words_agreed_with_the_person_takes_them_back(
    memory_repo: Repository, review: Review
) -> None:
    statement = _statement(memory_repo, review.id, WORDS[NW][1])
    check_statements.edit_with_person(
        memory_repo,
        review.id,
        statement.id,
        "Nobody rings me",
        agreed_by="The person",
        agreed_on=f.NOW.date(),
        reason="read back",
        actor=LEAD,
        now=f.NOW,
    )
    check_statements.undo_decision(memory_repo, review.id, statement.id, actor=LEAD, now=LATER)
    stored = _statement(memory_repo, review.id, WORDS[NW][1])
    assert stored.triage_status is TriageStatus.NOT_CHECKED and stored.workshop_text is None
    assert [c.new for c in stored.changes] == ["Nobody rings me", None]  # both kept in the change log


def test_every_top_two_to_check_whatever_was_decided(memory_repo: Repository, review: Review) -> None:
    _accept_and_confirm(memory_repo, review, WORDS[W][0])
    found = [s.text for _, s in check_statements.top_two_to_check(memory_repo, review.project_id)]
    assert found == [text for question in (W, NW, F) for text in WORDS[question]]
    assert NOT_CHOSEN not in found


def test_the_workshop_is_told_how_many_wait_on_check_statements_never_which(
    memory_repo: Repository, project_id: str
) -> None:
    from wtfc_collect.domain.access import Role, User
    from wtfc_collect.services import access

    review = _review(memory_repo, project_id)
    _review(memory_repo, project_id, submit=False, person_ref="P-002")  # a draft: not waiting on the check
    _accept_and_confirm(memory_repo, review, WORDS[W][0])
    statement = _statement(memory_repo, review.id, WORDS[W][1])
    check_statements.triage_statement(
        memory_repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=LEAD, now=f.NOW
    )
    with access.acting_as(User(username="fay", role=Role.FACILITATOR)):
        assert (
            check_statements.waiting_for_check(memory_repo, project_id, W) == 1
        )  # accepted, copy to confirm
        assert check_statements.waiting_for_check(memory_repo, project_id, NW) == 2
        assert check_statements.waiting_for_check(memory_repo, project_id) == 5
