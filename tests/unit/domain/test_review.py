"""Step 2, Collect: a review, the statements in the person's own words, their top two, consent, triage."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from wtfc_collect.domain import (
    QUESTION_LABELS,
    SPEAKER_LABELS,
    Consent,
    ConsentGiver,
    DomainError,
    Question,
    Review,
    ReviewStatus,
    Speaker,
    Statement,
    StatementChange,
    TriageStatus,
    WithdrawalReason,
    plain_errors,
)

NOW = datetime(2026, 5, 1, 10, tzinfo=UTC)
LATER = datetime(2026, 5, 2, 9, 30, tzinfo=UTC)
BST = timezone(timedelta(hours=1))
REVIEW_ID = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
PROJECT_ID = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE


def consent(**changes: Any) -> Consent:
    fields: dict[str, Any] = {"given": True, "recorded_on": date(2026, 5, 1)}
    fields.update(changes)
    return Consent(**fields)


def make_review(**changes: Any) -> Review:
    fields: dict[str, Any] = {
        "id": REVIEW_ID,
        "project_id": PROJECT_ID,
        "person_ref": "P017",
        "review_date": date(2026, 5, 1),
        "created_at": NOW,
        "updated_at": NOW,
    }
    fields.update(changes)
    return Review(**fields)


def make_statement(
    question: Question = W, text: str = "Going to church each week", **changes: Any
) -> Statement:
    return Statement(question=question, text=text, created_at=NOW, **changes)


def ready_review() -> Review:
    """A draft with consent and a first and second choice for every question: ready to send in."""
    review = make_review(consent=consent())
    for question in Question:
        first = review.add_statement(question, f"{question.value} one", Speaker.PERSON, NOW)
        second = review.add_statement(question, f"{question.value} two", Speaker.PERSON, NOW)
        review.add_statement(question, f"{question.value} three", Speaker.PERSON, NOW)
        review.set_priority(first.id, 1, NOW)
        review.set_priority(second.id, 2, NOW)
    return review


def submitted_review() -> Review:
    review = ready_review()
    review.submit(LATER)
    return review


def fields_of(problems: list[DomainError]) -> list[str | None]:
    return [problem.field for problem in problems]


# --- the three questions -----------------------------------------------------------------------------


def test_the_three_questions_and_speakers_have_labels() -> None:
    assert [q.value for q in Question] == ["working", "not_working", "future"]
    assert W.label == QUESTION_LABELS[W] == "What is working?"
    assert NW.label == "What is not working?"
    assert F.label == "What is important to you for the future?"
    assert set(SPEAKER_LABELS) == set(Speaker)
    assert Speaker.STAFF_ON_BEHALF.label == "Staff, on the person's behalf"


# --- the person's own words: cleaning and limits -------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", "\x7f", "\x80", "\x85", "\x9b", "\x9f"],
)
def test_control_characters_are_taken_out_of_what_was_said(bad: str) -> None:
    statement = make_statement(text=f"Going{bad} to church")
    assert statement.text == "Going to church"


def test_unpaired_surrogates_and_non_characters_are_taken_out() -> None:
    statement = make_statement(text="I like\ud800 my room\uffff\ufffe")
    assert statement.text == "I like my room"


@pytest.mark.parametrize(
    "words",
    [
        "Seeing my grandchildren 👨‍👩‍👧 every Sunday 🙂",
        "أحب الذهاب إلى الحديقة",  # Arabic, right to left
        "אני אוהב את הצוות שלי",  # Hebrew, right to left
        "Dw i’n hoffi mynd i’r capel",  # Welsh with a curly apostrophe
        "<b>My staff</b> & <script>alert('x')</script> don't listen",
        "I said \"no\" — and 50% of the time they ignore it {really}",
    ],
)
def test_emoji_right_to_left_text_and_markup_are_kept_exactly(words: str) -> None:
    assert make_statement(text=words).text == words


def test_line_breaks_and_tabs_inside_a_statement_are_kept_and_windows_breaks_normalised() -> None:
    statement = make_statement(text="  Going out:\r\n\t- to the pub\r- to church  ")
    assert statement.text == "Going out:\n\t- to the pub\n- to church"


@pytest.mark.parametrize("empty", ["", "    ", "\x00\x07", "\r\n"])
def test_a_statement_must_have_words(empty: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_statement(text=empty)
    assert plain_errors(caught.value) == {"text": "Please fill this in."}


def test_a_statement_can_be_up_to_2000_characters() -> None:
    assert len(make_statement(text="a" * 2000).text) == 2000
    with pytest.raises(ValidationError) as caught:
        make_statement(text="a" * 2001)
    assert plain_errors(caught.value) == {
        "text": "This is too long: please shorten it to 2000 characters or fewer."
    }


def test_statement_refuses_unknown_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        make_statement(theme="lonely")
    assert [e["type"] for e in caught.value.errors()] == ["extra_forbidden"]


def test_statement_gets_a_fresh_id_and_defaults() -> None:
    first, second = make_statement(), make_statement()
    assert first.id != second.id
    assert len(first.id) == 32
    assert first.said_by is Speaker.PERSON
    assert first.priority is None
    assert first.workshop_text is None
    assert first.triage_status is TriageStatus.NOT_CHECKED


# --- the original words are never overwritten ------------------------------------------------------


def test_the_original_words_cannot_be_assigned() -> None:
    statement = make_statement(text="I don't have my own space")
    with pytest.raises(ValidationError) as caught:
        statement.text = "Lack of personal space"  # type: ignore[misc]
    assert [e["type"] for e in caught.value.errors()] == ["frozen_field"]
    assert statement.text == "I don't have my own space"


def test_words_inside_a_review_cannot_be_assigned_either() -> None:
    review = make_review()
    said = review.add_statement(NW, "My bedroom is not right for me", Speaker.PERSON, NOW)
    with pytest.raises(ValidationError):
        review.statement(said.id).text = "Unsuitable accommodation"  # type: ignore[misc]
    assert review.statement(said.id).text == "My bedroom is not right for me"


def test_workshop_text_keeps_the_original_and_records_who_when_and_why() -> None:
    statement = make_statement(NW, "Dave my keyworker never listens to me")
    statement.set_workshop_text("My keyworker never listens to me", "coordinator", LATER, "name taken out")
    assert statement.text == "Dave my keyworker never listens to me"
    assert statement.workshop_text == "My keyworker never listens to me"
    assert statement.card_text == "My keyworker never listens to me"
    assert statement.changes == [
        StatementChange(
            field="workshop_text",
            old=None,
            new="My keyworker never listens to me",
            by="coordinator",
            at=LATER,
            reason="name taken out",
        )
    ]


def test_each_workshop_text_change_is_added_to_the_log() -> None:
    statement = make_statement(NW, "Dave never listens")
    statement.set_workshop_text("My keyworker never listens", "amy", NOW, "name taken out")
    statement.set_workshop_text("My key worker never listens", "ben", LATER, "spelling")
    statement.set_workshop_text(None, "amy", LATER, "back to the person's words")
    assert [(c.old, c.new, c.by, c.reason) for c in statement.changes] == [
        (None, "My keyworker never listens", "amy", "name taken out"),
        ("My keyworker never listens", "My key worker never listens", "ben", "spelling"),
        ("My key worker never listens", None, "amy", "back to the person's words"),
    ]
    assert statement.card_text == "Dave never listens"
    assert statement.text == "Dave never listens"


def test_workshop_text_change_time_is_stored_in_utc() -> None:
    statement = make_statement()
    statement.set_workshop_text("Church each week", "amy", datetime(2026, 5, 1, 11, tzinfo=BST), "shorter")
    assert statement.changes[0].at == NOW
    assert statement.changes[0].at.tzinfo is UTC


@pytest.mark.parametrize("reason", ["", "   "])
def test_workshop_text_needs_a_reason(reason: str) -> None:
    statement = make_statement()
    with pytest.raises(DomainError) as caught:
        statement.set_workshop_text("Church", "amy", NOW, reason)
    assert caught.value.field == "reason"
    assert statement.workshop_text is None
    assert statement.changes == []


def test_workshop_text_is_not_changed_when_who_changed_it_is_missing() -> None:
    statement = make_statement()
    with pytest.raises(ValidationError):
        statement.set_workshop_text("Church", "", NOW, "shorter")
    assert statement.workshop_text is None
    assert statement.changes == []


def test_workshop_text_is_cleaned_and_must_not_be_empty() -> None:
    statement = make_statement()
    statement.set_workshop_text("Church\x00 on Sunday", "amy", NOW, "shorter")
    assert statement.workshop_text == "Church on Sunday"
    with pytest.raises(ValidationError):
        statement.set_workshop_text("   ", "amy", NOW, "blank")
    assert statement.workshop_text == "Church on Sunday"
    assert len(statement.changes) == 1


def test_setting_the_same_workshop_text_again_adds_no_log_entry() -> None:
    statement = make_statement()
    statement.set_workshop_text("Church", "amy", NOW, "shorter")
    statement.set_workshop_text("Church", "ben", LATER, "again")
    assert len(statement.changes) == 1


# --- triage at the quality check ----------------------------------------------------------------


def test_accepting_needs_no_reason_and_the_status_is_the_latest_decision() -> None:
    statement = make_statement()
    statement.decide(TriageStatus.ASK_AGAIN, "checker", NOW, "sounds like staff words")
    statement.decide(TriageStatus.ACCEPTED, "checker", LATER)
    assert statement.triage_status is TriageStatus.ACCEPTED
    assert [(d.status, d.by, d.at, d.reason) for d in statement.triage] == [
        (TriageStatus.ASK_AGAIN, "checker", NOW, "sounds like staff words"),
        (TriageStatus.ACCEPTED, "checker", LATER, ""),
    ]


def test_a_later_exclusion_replaces_an_earlier_acceptance() -> None:
    statement = make_statement()
    statement.decide(TriageStatus.ACCEPTED, "checker", NOW)
    statement.decide(TriageStatus.EXCLUDED, "manager", LATER, "names another resident")
    assert statement.triage_status is TriageStatus.EXCLUDED
    assert len(statement.triage) == 2


@pytest.mark.parametrize("status", [TriageStatus.ASK_AGAIN, TriageStatus.EXCLUDED])
@pytest.mark.parametrize("reason", ["", "  \n "])
def test_asking_again_or_excluding_needs_a_reason(status: TriageStatus, reason: str) -> None:
    statement = make_statement()
    with pytest.raises(DomainError) as caught:
        statement.decide(status, "checker", NOW, reason)
    assert caught.value.field == "reason"
    assert statement.triage == []
    assert statement.triage_status is TriageStatus.NOT_CHECKED


def test_not_checked_is_not_a_decision() -> None:
    statement = make_statement()
    with pytest.raises(DomainError) as caught:
        statement.decide(TriageStatus.NOT_CHECKED, "checker", NOW)
    assert caught.value.field == "status"
    assert statement.triage == []


def test_a_triage_decision_needs_someone_who_made_it() -> None:
    statement = make_statement()
    with pytest.raises(ValidationError):
        statement.decide(TriageStatus.ACCEPTED, "  ", NOW)
    assert statement.triage == []


def test_triage_time_is_stored_in_utc() -> None:
    statement = make_statement()
    statement.decide(TriageStatus.ACCEPTED, "checker", datetime(2026, 5, 1, 11, tzinfo=BST))
    assert statement.triage[0].at == NOW
    assert statement.triage[0].at.tzinfo is UTC


# --- consent ---------------------------------------------------------------------------------------


def test_consent_by_a_representative_needs_their_role() -> None:
    with pytest.raises(ValidationError) as caught:
        consent(given_by=ConsentGiver.REPRESENTATIVE)
    assert "say who the representative is" in str(caught.value)
    with pytest.raises(ValidationError):
        consent(given_by=ConsentGiver.REPRESENTATIVE, representative_role="   ")
    given = consent(
        given_by=ConsentGiver.REPRESENTATIVE, representative_role="Daughter with power of attorney"
    )
    assert given.representative_role == "Daughter with power of attorney"


def test_consent_from_the_person_needs_no_role() -> None:
    assert consent().given_by is ConsentGiver.PERSON
    assert consent().representative_role is None


# --- the person's reference ---------------------------------------------------------------------


@pytest.mark.parametrize("ref", ["P017", "north/2026/04", "AB-12345678", "r_5.b", "Mrs J 12"])
def test_person_ref_accepts_short_references(ref: str) -> None:
    assert make_review(person_ref=f"  {ref}  ").person_ref == ref


@pytest.mark.parametrize(
    "ref",
    [
        "jo.bloggs@example.org",
        "jo@example",
        "07700 900123",
        "+44 7700 900123",
        "0161-496-0000",
        "943 476 5919",  # an NHS number
    ],
)
def test_person_ref_refuses_emails_phone_numbers_and_nhs_numbers(ref: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_review(person_ref=ref)
    assert plain_errors(caught.value) == {
        "person_ref": "Use a reference, not a phone number, email address or NHS number."
    }


@pytest.mark.parametrize("ref", ["", "   ", "-P017", "P017!", "x" * 41])
def test_person_ref_refuses_empty_odd_or_long_references(ref: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_review(person_ref=ref)
    assert "person_ref" in plain_errors(caught.value)


# --- the review record ---------------------------------------------------------------------------


def test_review_refuses_unknown_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        make_review(nhs_number="943 476 5919")
    assert "extra_forbidden" in [e["type"] for e in caught.value.errors()]


def test_review_times_must_have_a_time_zone() -> None:
    with pytest.raises(ValidationError):
        make_review(created_at=datetime(2026, 5, 1, 10))
    review = make_review(updated_at=datetime(2026, 5, 1, 11, tzinfo=BST))
    assert review.updated_at == NOW and review.updated_at.tzinfo is UTC


def test_two_statements_with_the_same_id_are_refused() -> None:
    one = make_statement()
    with pytest.raises(ValidationError) as caught:
        make_review(statements=[one, make_statement(id=one.id, text="other words")])
    assert "same id" in str(caught.value)


def test_a_review_holds_at_most_300_statements() -> None:
    with pytest.raises(ValidationError):
        make_review(statements=[make_statement(text=f"s{n}") for n in range(301)])


def test_a_review_round_trips_through_json_with_its_history() -> None:
    review = submitted_review()
    first = review.prioritised(NW)[0]
    first.set_workshop_text("Shorter words", "amy", LATER, "shorter")
    first.decide(TriageStatus.ACCEPTED, "checker", LATER)
    again = Review.model_validate_json(review.model_dump_json())
    assert again == review
    assert again.statement(first.id).card_text == "Shorter words"
    assert again.statement(first.id).triage_status is TriageStatus.ACCEPTED


# --- statements in a draft ---------------------------------------------------------------------------


def test_add_statement_keeps_the_words_and_stamps_the_time() -> None:
    review = make_review()
    said = review.add_statement(F, "Seeing my friends at least once a week", Speaker.FAMILY_OR_CARER, LATER)
    assert review.statements == [said]
    assert review.statement(said.id) is said
    assert said.question is F
    assert said.said_by is Speaker.FAMILY_OR_CARER
    assert said.created_at == LATER
    assert review.updated_at == LATER


def test_add_statement_refuses_empty_words_and_leaves_the_review_alone() -> None:
    review = make_review()
    with pytest.raises(ValidationError):
        review.add_statement(W, "  ", Speaker.PERSON, LATER)
    assert review.statements == []
    assert review.updated_at == NOW


def test_statements_for_a_question_keep_their_order() -> None:
    review = make_review()
    a = review.add_statement(W, "a", Speaker.PERSON, NOW)
    review.add_statement(NW, "b", Speaker.PERSON, NOW)
    c = review.add_statement(W, "c", Speaker.PERSON, NOW)
    assert review.statements_for(W) == [a, c]
    assert review.statements_for(F) == []


def test_remove_statement_takes_out_only_that_one() -> None:
    review = make_review()
    keep = review.add_statement(W, "keep", Speaker.PERSON, NOW)
    slip = review.add_statement(W, "slip", Speaker.PERSON, NOW)
    review.remove_statement(slip.id, LATER)
    assert review.statements == [keep]
    assert review.updated_at == LATER


def test_statement_that_is_not_in_the_review_is_a_domain_error() -> None:
    review = make_review()
    review.add_statement(W, "keep", Speaker.PERSON, NOW)
    with pytest.raises(DomainError) as caught:
        review.statement("f" * 32)
    assert caught.value.field == "statement"
    with pytest.raises(DomainError):
        review.remove_statement("f" * 32, LATER)
    assert len(review.statements) == 1
    assert review.updated_at == NOW


# --- the top two ----------------------------------------------------------------------------------


def test_constructing_a_review_with_two_first_choices_in_one_question_fails() -> None:
    with pytest.raises(ValidationError) as caught:
        make_review(statements=[make_statement(NW, "a", priority=1), make_statement(NW, "b", priority=1)])
    assert plain_errors(caught.value) == {
        "": "'What is not working?' can have only one first and one second choice."
    }


def test_constructing_a_review_with_two_second_choices_in_one_question_fails() -> None:
    with pytest.raises(ValidationError):
        make_review(statements=[make_statement(F, "a", priority=2), make_statement(F, "b", priority=2)])


def test_each_question_has_its_own_first_and_second_choice() -> None:
    review = make_review(
        statements=[
            make_statement(W, "w", priority=1),
            make_statement(NW, "n", priority=1),
            make_statement(F, "f", priority=1),
            make_statement(W, "w2", priority=2),
        ]
    )
    assert [len(review.prioritised(q)) for q in Question] == [2, 1, 1]


@pytest.mark.parametrize("priority", [0, 3, -1])
def test_only_first_and_second_choices_exist(priority: int) -> None:
    with pytest.raises(ValidationError) as caught:
        make_statement(priority=priority)
    assert plain_errors(caught.value) == {"priority": "Please choose one of the options."}


def test_set_priority_moves_the_place_from_the_statement_that_held_it() -> None:
    review = make_review()
    a = review.add_statement(NW, "a", Speaker.PERSON, NOW)
    b = review.add_statement(NW, "b", Speaker.PERSON, NOW)
    review.set_priority(a.id, 1, NOW)
    review.set_priority(b.id, 1, LATER)
    assert a.priority is None
    assert b.priority == 1
    assert review.updated_at == LATER


def test_set_priority_changes_a_statements_own_place() -> None:
    review = make_review()
    a = review.add_statement(NW, "a", Speaker.PERSON, NOW)
    b = review.add_statement(NW, "b", Speaker.PERSON, NOW)
    review.set_priority(a.id, 1, NOW)
    review.set_priority(b.id, 2, NOW)
    review.set_priority(b.id, 1, NOW)  # b moves up: a loses first place, nobody is second
    assert (a.priority, b.priority) == (None, 1)
    review.set_priority(b.id, None, NOW)
    assert b.priority is None
    assert review.prioritised(NW) == []


def test_set_priority_leaves_other_questions_alone() -> None:
    review = make_review()
    working = review.add_statement(W, "w", Speaker.PERSON, NOW)
    future = review.add_statement(F, "f", Speaker.PERSON, NOW)
    review.set_priority(working.id, 1, NOW)
    review.set_priority(future.id, 1, NOW)
    assert working.priority == 1
    assert future.priority == 1


def test_set_priority_refuses_a_third_place() -> None:
    review = make_review()
    a = review.add_statement(W, "a", Speaker.PERSON, NOW)
    with pytest.raises(ValidationError):
        review.set_priority(a.id, 3, NOW)  # type: ignore[arg-type]
    assert a.priority is None


def test_prioritised_gives_first_then_second_whatever_the_order_they_were_said() -> None:
    review = make_review()
    review.add_statement(F, "not chosen", Speaker.PERSON, NOW)
    second = review.add_statement(F, "second", Speaker.PERSON, NOW)
    first = review.add_statement(F, "first", Speaker.PERSON, NOW)
    other = review.add_statement(W, "other question", Speaker.PERSON, NOW)
    review.set_priority(second.id, 2, NOW)
    review.set_priority(first.id, 1, NOW)
    review.set_priority(other.id, 1, NOW)
    assert review.prioritised(F) == [first, second]
    assert review.prioritised(W) == [other]
    assert review.prioritised(NW) == []


def test_assigning_statements_that_break_the_top_two_rule_is_undone() -> None:
    review = make_review()
    review.add_statement(W, "kept", Speaker.PERSON, NOW)
    before = list(review.statements)
    with pytest.raises(ValidationError):
        review.statements = [make_statement(W, "a", priority=1), make_statement(W, "b", priority=1)]
    assert review.statements == before


# --- checks before sending in --------------------------------------------------------------------


def test_an_empty_draft_needs_consent_and_an_answer_or_a_skip_for_each_question() -> None:
    problems = make_review().problems_before_submit()
    assert fields_of(problems) == ["consent", "working", "not_working", "future"]
    assert all(p.message.endswith(".") for p in problems)
    assert "chose not to answer" in problems[1].message


def test_consent_refused_is_a_problem() -> None:
    review = ready_review()
    review.consent = consent(given=False)
    assert fields_of(review.problems_before_submit()) == ["consent"]


def test_a_ready_review_has_no_problems() -> None:
    assert ready_review().problems_before_submit() == []


def test_each_question_with_statements_needs_a_first_and_second_choice() -> None:
    review = make_review(consent=consent(), declined=[F])
    for question in (W, NW):
        review.add_statement(question, "one", Speaker.PERSON, NOW)
        review.add_statement(question, "two", Speaker.PERSON, NOW)
    problems = review.problems_before_submit()
    assert fields_of(problems) == ["working", "not_working"]
    assert problems[0].message == "Ask the person to choose their top two for 'What is working?'."


def test_a_first_choice_alone_is_not_enough_when_there_are_two_or_more() -> None:
    review = make_review(consent=consent(), declined=[NW, F])
    a = review.add_statement(W, "a", Speaker.PERSON, NOW)
    review.add_statement(W, "b", Speaker.PERSON, NOW)
    review.add_statement(W, "c", Speaker.PERSON, NOW)
    review.set_priority(a.id, 1, NOW)
    assert fields_of(review.problems_before_submit()) == ["working"]


def test_a_single_statement_needs_to_be_chosen_as_the_top_one() -> None:
    review = make_review(consent=consent(), declined=[W, NW])
    only = review.add_statement(F, "Seeing my friends", Speaker.PERSON, NOW)
    problems = review.problems_before_submit()
    assert fields_of(problems) == ["future"]
    assert "top one" in problems[0].message
    review.set_priority(only.id, 1, NOW)
    assert review.problems_before_submit() == []


def test_a_second_choice_without_a_first_choice_is_a_problem() -> None:
    review = make_review(consent=consent(), declined=[W, NW])
    only = review.add_statement(F, "Seeing my friends", Speaker.PERSON, NOW)
    review.set_priority(only.id, 2, NOW)
    assert fields_of(review.problems_before_submit()) == ["future"]


def test_a_question_the_person_chose_not_to_answer_needs_no_choice() -> None:
    review = make_review(consent=consent())
    only = review.add_statement(W, "My job", Speaker.PERSON, NOW)
    review.set_priority(only.id, 1, NOW)
    assert fields_of(review.problems_before_submit()) == ["not_working", "future"]
    review.decline(NW, NOW)
    review.decline(F, NOW)
    review.decline(F, NOW)  # twice is harmless
    assert review.declined == [NW, F]
    assert review.problems_before_submit() == []


def test_declining_is_refused_when_there_are_answers_and_undone_by_answering() -> None:
    review = make_review(consent=consent())
    review.add_statement(W, "My job", Speaker.PERSON, NOW)
    with pytest.raises(DomainError) as refused:
        review.decline(W, NOW)
    assert refused.value.field == "working"
    review.decline(F, NOW)
    review.add_statement(F, "A holiday", Speaker.PERSON, NOW)
    assert review.declined == []
    review.remove_statement(review.statements_for(F)[0].id, NOW)
    review.decline(F, NOW)
    review.undecline(F, NOW)
    assert review.declined == []


def test_a_review_cannot_hold_answers_for_a_declined_question() -> None:
    with pytest.raises(ValidationError):
        make_review(declined=[W], statements=[make_statement(W, "a")])
    with pytest.raises(ValidationError):
        make_review(declined=[W, W])


# --- sending in and withdrawing --------------------------------------------------------------------


def test_submit_sends_the_review_in() -> None:
    review = ready_review()
    review.submit(datetime(2026, 5, 2, 10, 30, tzinfo=BST))
    assert review.status is ReviewStatus.SUBMITTED
    assert review.submitted_at == LATER
    assert review.updated_at == LATER
    assert review.usable is True


def test_submit_raises_the_first_problem_and_changes_nothing() -> None:
    review = make_review()
    review.add_statement(W, "a", Speaker.PERSON, NOW)
    with pytest.raises(DomainError) as caught:
        review.submit(LATER)
    assert caught.value.field == "consent"
    assert review.status is ReviewStatus.DRAFT
    assert review.submitted_at is None
    assert review.usable is False


def test_a_review_cannot_be_sent_in_twice() -> None:
    review = submitted_review()
    assert fields_of(review.problems_before_submit()) == ["status"]
    with pytest.raises(DomainError) as caught:
        review.submit(LATER + timedelta(days=1))
    assert caught.value.field == "status"
    assert review.submitted_at == LATER


def test_a_sent_in_review_needs_consent_even_when_built_from_stored_data() -> None:
    with pytest.raises(ValidationError) as caught:
        make_review(status=ReviewStatus.SUBMITTED)
    assert "consent" in str(caught.value)
    review = submitted_review()
    with pytest.raises(ValidationError):
        review.consent = consent(given=False)
    assert review.consent is not None and review.consent.given is True


def test_setting_a_draft_to_sent_in_directly_without_consent_is_refused_and_undone() -> None:
    review = make_review()
    with pytest.raises(ValidationError):
        review.status = ReviewStatus.SUBMITTED
    assert review.status is ReviewStatus.DRAFT


def test_a_sent_in_review_cannot_have_statements_added_or_removed() -> None:
    review = submitted_review()
    before = list(review.statements)
    with pytest.raises(DomainError) as caught:
        review.add_statement(W, "one more", Speaker.PERSON, LATER)
    assert caught.value.field == "status"
    with pytest.raises(DomainError):
        review.remove_statement(before[0].id, LATER)
    assert review.statements == before


def test_a_sent_in_review_cannot_have_its_choices_changed() -> None:
    review = submitted_review()
    third = review.statements_for(W)[2]
    with pytest.raises(DomainError):
        review.set_priority(third.id, 1, LATER)
    assert [s.priority for s in review.statements_for(W)] == [1, 2, None]


def test_withdraw_records_the_reason_and_stops_the_words_going_forward() -> None:
    review = submitted_review()
    review.withdraw(WithdrawalReason.PERSON_ASKED, datetime(2026, 5, 3, tzinfo=UTC), "rang the office")
    assert review.status is ReviewStatus.WITHDRAWN
    assert review.withdrawn_reason is WithdrawalReason.PERSON_ASKED
    assert review.withdrawn_note == "rang the office"
    assert review.updated_at == datetime(2026, 5, 3, tzinfo=UTC)
    assert review.usable is False


def test_a_draft_can_be_withdrawn_too() -> None:
    review = ready_review()
    review.withdraw(WithdrawalReason.REPRESENTATIVE_ASKED, LATER)
    assert review.status is ReviewStatus.WITHDRAWN
    with pytest.raises(DomainError) as caught:
        review.submit(LATER)
    assert caught.value.field == "status"


def test_withdraw_needs_a_reason_from_the_list() -> None:
    review = submitted_review()
    with pytest.raises(DomainError) as caught:
        review.withdraw(None, LATER)
    assert caught.value.field == "reason"
    assert review.status is ReviewStatus.SUBMITTED


@pytest.mark.parametrize("note", ["", "   "])
def test_another_reason_needs_a_note(note: str) -> None:
    review = submitted_review()
    with pytest.raises(DomainError) as caught:
        review.withdraw(WithdrawalReason.OTHER, LATER, note)
    assert caught.value.field == "note"
    review.withdraw(WithdrawalReason.OTHER, LATER, "moved away, asked by letter")
    assert review.withdrawn_reason is WithdrawalReason.OTHER


@pytest.mark.parametrize("typed", ["asked by the person", "Mr Smith rang on 07700 900123"])
def test_a_review_saved_with_a_typed_reason_keeps_it_as_its_note(typed: str) -> None:
    review = submitted_review()
    stored = {**review.model_dump(mode="json"), "status": "withdrawn", "withdrawn_reason": typed}
    loaded = Review.model_validate(stored)
    assert (loaded.withdrawn_reason, loaded.withdrawn_note) == (WithdrawalReason.OTHER, typed)


def test_withdrawing_twice_is_refused() -> None:
    review = submitted_review()
    review.withdraw(WithdrawalReason.PERSON_ASKED, LATER)
    with pytest.raises(DomainError):
        review.withdraw(WithdrawalReason.OTHER, LATER, "again")
    assert review.withdrawn_reason == WithdrawalReason.PERSON_ASKED


def test_a_withdrawn_review_cannot_have_statements_changed() -> None:
    review = ready_review()
    review.withdraw(WithdrawalReason.PERSON_ASKED, LATER)
    with pytest.raises(DomainError) as caught:
        review.add_statement(W, "more", Speaker.PERSON, LATER)
    assert "withdrawn" in caught.value.message
    with pytest.raises(DomainError):
        review.set_speaker(review.statements[0].id, Speaker.STAFF_ON_BEHALF, "amy", LATER, "typo")


def test_usable_needs_sent_in_and_consent() -> None:
    assert ready_review().usable is False
    assert submitted_review().usable is True


# --- who said it ----------------------------------------------------------------------------------


def test_set_speaker_in_a_draft_changes_it_and_logs_the_change() -> None:
    review = make_review()
    said = review.add_statement(W, "He likes the bus", Speaker.PERSON, NOW)
    review.set_speaker(said.id, Speaker.STAFF_ON_BEHALF, "amy", LATER)
    assert said.said_by is Speaker.STAFF_ON_BEHALF
    assert [(c.field, c.old, c.new, c.by, c.at) for c in said.changes] == [
        ("said_by", "person", "staff_on_behalf", "amy", LATER)
    ]
    assert review.updated_at == LATER


def test_set_speaker_to_the_same_speaker_logs_nothing() -> None:
    review = make_review()
    said = review.add_statement(W, "I like the bus", Speaker.PERSON, NOW)
    review.set_speaker(said.id, Speaker.PERSON, "amy", LATER)
    assert said.changes == []


def test_set_speaker_after_sending_in_needs_a_reason() -> None:
    review = submitted_review()
    said = review.prioritised(W)[0]
    with pytest.raises(DomainError) as caught:
        review.set_speaker(said.id, Speaker.FAMILY_OR_CARER, "checker", LATER)
    assert caught.value.field == "reason"
    assert said.said_by is Speaker.PERSON
    review.set_speaker(said.id, Speaker.FAMILY_OR_CARER, "checker", LATER, "his mum answered")
    assert review.statement(said.id).said_by is Speaker.FAMILY_OR_CARER
    assert said.changes[-1].reason == "his mum answered"


def test_set_speaker_without_who_changed_it_changes_nothing() -> None:
    review = make_review()
    said = review.add_statement(W, "I like the bus", Speaker.PERSON, NOW)
    with pytest.raises(ValidationError):
        review.set_speaker(said.id, Speaker.STAFF_ON_BEHALF, "", LATER)
    assert said.said_by is Speaker.PERSON
    assert said.changes == []
