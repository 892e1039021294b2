"""The checkpoint record (three questions answered, then a sign-off), the actions agreed per team, and
the decisions about one statement after the checkpoint: accepted, then its workshop copy confirmed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from tests import factories as f
from wtfc_collect.domain import DomainError, Question, Statement, TriageStatus, new_id
from wtfc_collect.domain.checkpoint import (
    CHECKPOINT_QUESTIONS,
    Answer,
    Checkpoint,
    CheckpointAnswer,
    CheckpointQuestion,
    MitigatingAction,
    MitigationKind,
)

REFLECTS, OWN_WORDS, USABLE = CheckpointQuestion


def _checkpoint() -> Checkpoint:
    return Checkpoint(id=new_id(), project_id=new_id())


def _answered() -> Checkpoint:
    checkpoint = _checkpoint()
    checkpoint.set_answer(REFLECTS, Answer.YES, "Sounds like the people we know")
    checkpoint.set_answer(OWN_WORDS, Answer.PARTLY, "North team's statements read like case notes")
    checkpoint.set_answer(USABLE, Answer.YES, "")
    return checkpoint


def test_the_three_questions_are_the_ones_the_method_asks() -> None:
    assert [q.label for q in CheckpointQuestion] == [
        "Does this reflect what we know of the people?",
        "Is it in their own words?",
        "Is it in a usable format?",
    ]
    assert set(CHECKPOINT_QUESTIONS) == set(CheckpointQuestion)


def test_sign_off_needs_all_three_answers() -> None:
    checkpoint = _checkpoint()
    checkpoint.set_answer(REFLECTS, Answer.YES, "")
    checkpoint.set_answer(USABLE, Answer.NO, "")
    with pytest.raises(DomainError) as caught:
        checkpoint.sign_off("Ann Lead", f.NOW)
    assert caught.value.field == "answers"
    assert OWN_WORDS.label in caught.value.message
    assert REFLECTS.label not in caught.value.message
    assert (checkpoint.signed, checkpoint.signed_by, checkpoint.signed_at) == (False, None, None)


def test_sign_off_records_who_and_when_together() -> None:
    checkpoint = _answered()
    checkpoint.sign_off("Ann Lead", f.NOW)
    assert checkpoint.signed
    assert (checkpoint.signed_by, checkpoint.signed_at) == ("Ann Lead", f.NOW)


def test_changing_an_answer_after_sign_off_withdraws_it() -> None:
    checkpoint = _answered()
    checkpoint.sign_off("Ann Lead", f.NOW)
    checkpoint.set_answer(USABLE, Answer.NO, "Half the cards need rewriting with people")
    assert not checkpoint.signed
    assert (checkpoint.signed_by, checkpoint.signed_at) == (None, None)
    answer = checkpoint.answer(USABLE)
    assert answer is not None and (answer.answer, answer.notes) == (
        Answer.NO,
        "Half the cards need rewriting with people",
    )


def test_changing_only_the_notes_also_withdraws_the_sign_off() -> None:
    checkpoint = _answered()
    checkpoint.sign_off("Ann Lead", f.NOW)
    checkpoint.set_answer(REFLECTS, Answer.YES, "Checked again with the day centre manager")
    assert not checkpoint.signed


def test_saving_the_same_answer_again_keeps_the_sign_off() -> None:
    checkpoint = _answered()
    checkpoint.sign_off("Ann Lead", f.NOW)
    checkpoint.set_answer(OWN_WORDS, Answer.PARTLY, "North team's statements read like case notes")
    assert (checkpoint.signed_by, checkpoint.signed_at) == ("Ann Lead", f.NOW)


def test_signing_again_after_a_change_records_the_new_sign_off() -> None:
    checkpoint = _answered()
    checkpoint.sign_off("Ann Lead", f.NOW)
    checkpoint.set_answer(USABLE, Answer.PARTLY, "")
    later = f.NOW + timedelta(days=1)
    checkpoint.sign_off("Raj Deputy", later)
    assert (checkpoint.signed_by, checkpoint.signed_at) == ("Raj Deputy", later)


def test_answering_twice_replaces_the_first_answer() -> None:
    checkpoint = _checkpoint()
    checkpoint.set_answer(OWN_WORDS, Answer.NO, "first look")
    checkpoint.set_answer(OWN_WORDS, Answer.YES, "after reading all of them")
    assert len(checkpoint.answers) == 1
    answer = checkpoint.answer(OWN_WORDS)
    assert answer is not None and (answer.answer, answer.notes) == (Answer.YES, "after reading all of them")
    assert checkpoint.answer(REFLECTS) is None


def test_a_question_cannot_be_stored_with_two_answers() -> None:
    twice = [
        CheckpointAnswer(question=OWN_WORDS, answer=Answer.YES),
        CheckpointAnswer(question=OWN_WORDS, answer=Answer.NO),
    ]
    with pytest.raises(ValidationError, match="answered once"):
        Checkpoint(id=new_id(), project_id=new_id(), answers=twice)


def test_a_stored_sign_off_needs_all_answers_and_both_name_and_time() -> None:
    answers = _answered().answers
    with pytest.raises(ValidationError, match="answer all three"):
        Checkpoint(
            id=new_id(), project_id=new_id(), answers=answers[:2], signed_by="Ann Lead", signed_at=f.NOW
        )
    with pytest.raises(ValidationError, match="both a name and a time"):
        Checkpoint(id=new_id(), project_id=new_id(), answers=answers, signed_by="Ann Lead")
    with pytest.raises(ValidationError, match="both a name and a time"):
        Checkpoint(id=new_id(), project_id=new_id(), answers=answers, signed_at=f.NOW)
    signed = Checkpoint(
        id=new_id(), project_id=new_id(), answers=answers, signed_by="Ann Lead", signed_at=f.NOW
    )
    assert signed.signed


def test_a_refused_sign_off_leaves_the_record_unsigned() -> None:
    checkpoint = _answered()
    with pytest.raises(ValidationError):
        checkpoint.sign_off("x" * 81, f.NOW)  # longer than a name may be
    assert (checkpoint.signed_by, checkpoint.signed_at) == (None, None)


def test_signed_checkpoint_survives_a_round_trip() -> None:
    checkpoint = _answered()
    checkpoint.sign_off("Ann Lead", f.NOW)
    again = Checkpoint.model_validate(checkpoint.model_dump(mode="json"))
    assert again == checkpoint
    assert again.signed_at == f.NOW


# --- mitigating actions ----------------------------------------------------------------------------------
def _action(**overrides: object) -> MitigatingAction:
    data: dict[str, object] = {
        "id": new_id(),
        "project_id": new_id(),
        "team": "North team",
        "kind": MitigationKind.REASK,
        "description": "Go back to the people Tom reviewed and ask the three questions again",
        "owner": "Sandra",
        "created_at": f.NOW,
    }
    data.update(overrides)
    return MitigatingAction.model_validate(data)


def test_mitigating_action_keeps_what_who_and_when() -> None:
    action = _action(due=f.TODAY + timedelta(weeks=1))
    assert (action.team, action.kind.label, action.owner, action.done) == (
        "North team",
        "Ask the questions again",
        "Sandra",
        False,
    )
    assert action.due == f.TODAY + timedelta(weeks=1)


@pytest.mark.parametrize("description", ["", "   ", "\n\t", "\x00\x7f"])
def test_mitigating_action_needs_a_description(description: str) -> None:
    with pytest.raises(ValidationError, match="say what will be done"):
        _action(description=description)


def test_mitigating_action_needs_an_owner_and_may_be_for_all_teams() -> None:
    with pytest.raises(ValidationError):
        _action(owner="")
    assert _action(team=None).team is None


def test_every_mitigation_kind_has_a_label() -> None:
    assert MitigationKind.ADJUST_SAMPLE.label == "Adjust the sample"
    assert all(kind.label for kind in MitigationKind)


# --- a statement's decision and its workshop copy ---------------------------------------------------------
ORIGINAL = "My neighbour Mrs Patel pops in every morning with the paper"
LEAD = "Ann Lead"


def _statement(text: str = ORIGINAL) -> Statement:
    return Statement(question=Question.WORKING, text=text, priority=1, created_at=f.NOW)


def _accepted(text: str = ORIGINAL) -> Statement:
    statement = _statement(text)
    statement.decide(TriageStatus.ACCEPTED, LEAD, f.NOW)
    return statement


def test_decide_needs_a_reason_unless_accepting() -> None:
    statement = _statement()
    assert statement.triage_status.value == "not_checked"
    for status in (TriageStatus.ASK_AGAIN, TriageStatus.EXCLUDED):
        with pytest.raises(DomainError) as caught:
            statement.decide(status, LEAD, f.NOW, "  ")
        assert caught.value.field == "reason"
    with pytest.raises(DomainError):
        statement.decide(TriageStatus.NOT_CHECKED, LEAD, f.NOW, "why not")
    assert statement.triage == []
    statement.decide(TriageStatus.ASK_AGAIN, LEAD, f.NOW, "Reads like the reviewer's words")
    statement.decide(TriageStatus.ACCEPTED, LEAD, f.NOW + timedelta(days=2))
    assert [d.status for d in statement.triage] == [TriageStatus.ASK_AGAIN, TriageStatus.ACCEPTED]
    assert statement.triage_status is TriageStatus.ACCEPTED


@pytest.mark.parametrize("status", [TriageStatus.NOT_CHECKED, TriageStatus.ASK_AGAIN, TriageStatus.EXCLUDED])
def test_confirm_workshop_copy_is_refused_unless_accepted(status: TriageStatus) -> None:
    statement = _statement()
    if status is not TriageStatus.NOT_CHECKED:
        statement.decide(status, LEAD, f.NOW, "not the person's words")
    with pytest.raises(DomainError) as caught:
        statement.confirm_workshop_text("My neighbour [name] pops in", LEAD, f.NOW)
    assert caught.value.field == "status"
    assert (statement.workshop_text, statement.anonymised_by, statement.anonymised_at) == (None, None, None)
    assert not statement.ready_for_workshop


def test_confirming_the_original_words_needs_no_copy() -> None:
    statement = _accepted("I like going to the allotment on Tuesdays")
    assert not statement.ready_for_workshop
    statement.confirm_workshop_text("  I like going to the allotment on Tuesdays \n", LEAD, f.NOW)
    assert statement.workshop_text is None
    assert statement.changes == []
    assert (statement.anonymised_by, statement.anonymised_at) == (LEAD, f.NOW)
    assert statement.ready_for_workshop
    assert statement.card_text == "I like going to the allotment on Tuesdays"


def test_a_changed_copy_is_kept_beside_the_original_with_a_change_log_entry() -> None:
    statement = _accepted()
    copy = "My neighbour [name] pops in every morning with the paper"
    statement.confirm_workshop_text(copy, LEAD, f.NOW)
    assert statement.text == ORIGINAL
    assert statement.workshop_text == copy
    assert statement.card_text == copy
    assert statement.ready_for_workshop
    [change] = statement.changes
    assert (change.field, change.old, change.new, change.by, change.at) == (
        "workshop_text",
        None,
        copy,
        LEAD,
        f.NOW,
    )
    assert change.reason


def test_confirming_the_same_copy_again_adds_no_change() -> None:
    statement = _accepted()
    copy = "My neighbour [name] pops in every morning with the paper"
    statement.confirm_workshop_text(copy, LEAD, f.NOW)
    later = f.NOW + timedelta(hours=1)
    statement.confirm_workshop_text(copy, "Raj Deputy", later)
    assert len(statement.changes) == 1
    assert (statement.anonymised_by, statement.anonymised_at) == ("Raj Deputy", later)


def test_a_later_workshop_text_clears_the_confirmation() -> None:
    statement = _accepted()
    copy = "My neighbour [name] pops in every morning with the paper"
    statement.confirm_workshop_text(copy, LEAD, f.NOW)
    assert statement.ready_for_workshop
    statement.agree_words(
        "My neighbour Mrs P pops in every morning",
        agreed_by="The person",
        agreed_on=f.TODAY,
        why="shorter, as she asked",
        by="Sam",
        now=f.NOW + timedelta(hours=1),
    )
    assert (statement.anonymised_by, statement.anonymised_at) == (None, None)
    assert not statement.ready_for_workshop
    assert statement.text == ORIGINAL
    assert [c.new for c in statement.changes] == [copy, "My neighbour Mrs P pops in every morning"]
    assert statement.changes[1].old == copy


def test_set_workshop_text_needs_a_reason_and_then_changes_nothing() -> None:
    statement = _accepted()
    statement.confirm_workshop_text(ORIGINAL, LEAD, f.NOW)
    with pytest.raises(DomainError) as caught:
        statement.set_workshop_text("Other words", "Sam", f.NOW, " ")
    assert caught.value.field == "reason"
    assert statement.workshop_text is None and statement.ready_for_workshop and statement.changes == []


def test_an_empty_copy_is_refused_and_nothing_changes() -> None:
    statement = _accepted()
    with pytest.raises(ValidationError):
        statement.confirm_workshop_text("   ", LEAD, f.NOW)
    assert (statement.workshop_text, statement.anonymised_at, statement.changes) == (None, None, [])


def test_ready_for_workshop_needs_the_latest_decision_to_be_accept() -> None:
    statement = _accepted()
    statement.confirm_workshop_text(ORIGINAL, LEAD, f.NOW)
    assert statement.ready_for_workshop
    statement.decide(
        TriageStatus.EXCLUDED, LEAD, f.NOW + timedelta(days=1), "The person asked to leave it out"
    )
    assert not statement.ready_for_workshop


def test_the_original_words_cannot_be_overwritten() -> None:
    statement = _accepted()
    with pytest.raises(ValidationError):
        statement.text = "Something else"  # type: ignore[misc]
    assert statement.text == ORIGINAL
