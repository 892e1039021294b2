"""Voice answers in the domain: checking a recording, the record's rules, and how the review counts them."""

from __future__ import annotations

import struct
from datetime import timedelta

import pytest
from pydantic import ValidationError

from tests import factories as f
from wtfc_collect.domain import (
    MAX_RECORDING_BYTES,
    Consent,
    DomainError,
    Question,
    Review,
    ReviewStatus,
    Speaker,
    VoiceAnswer,
    VoiceStatus,
    WithdrawalReason,
    inspect_recording,
    new_id,
    voice_questions,
)
from wtfc_collect.domain.voice import EMPTY, NOT_AUDIO, TOO_BIG, wav_seconds

W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
STAFF = "Sam (reviewer)"


def _consented(**overrides: object) -> Review:
    return f.review(new_id(), consent=Consent(given=True, recorded_on=f.TODAY), **overrides)


def _answer(review: Review | None = None, question: Question = W, data: bytes | None = None) -> VoiceAnswer:
    review = review or _consented()
    return VoiceAnswer.record(
        new_id(), review, question, inspect_recording(data or f.wav()), "self-review", f.NOW
    )


# --- checking what was uploaded -------------------------------------------------------------------------
def test_a_real_wav_is_recognised_with_its_length_and_fingerprint() -> None:
    data = f.wav(2.0)
    info = inspect_recording(data)
    assert (info.mime, info.size, info.seconds) == ("audio/wav", len(data), 2.0)
    assert len(info.sha256) == 64 and info.sha256 != inspect_recording(f.wav(2.0, tone=300)).sha256


@pytest.mark.parametrize(
    ("start", "mime"), [(b"\x1a\x45\xdf\xa3\x01\x00", "audio/webm"), (b"OggS\x00\x02", "audio/ogg")]
)
def test_webm_and_ogg_are_recognised_by_their_first_bytes(start: bytes, mime: str) -> None:
    info = inspect_recording(start + b"\x00" * 200)
    assert info.mime == mime and info.seconds is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", EMPTY),
        (b"%PDF-1.7 not a recording", NOT_AUDIO),
        (b"<html><script>alert(1)</script></html>", NOT_AUDIO),
        (b"RIFF\x00\x00\x00\x00AVI LIST", NOT_AUDIO),  # a RIFF file that is a video, not WAVE
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, NOT_AUDIO),
        (b"RIFF" + b"\x00" * (MAX_RECORDING_BYTES + 1), TOO_BIG),
    ],
    ids=["empty", "pdf", "html", "avi", "png", "too-big"],
)
def test_anything_else_is_refused_in_plain_words(data: bytes, message: str) -> None:
    with pytest.raises(DomainError) as refused:
        inspect_recording(data)
    assert refused.value.message == message and refused.value.field == "recording"
    assert "recording" in message.lower() and "error" not in message.lower()


def test_the_largest_allowed_recording_is_kept() -> None:
    data = b"RIFF\x00\x00\x00\x00WAVE" + b"\x00" * (MAX_RECORDING_BYTES - 12)
    assert inspect_recording(data).size == MAX_RECORDING_BYTES


def test_wav_length_copes_with_streamed_and_broken_headers() -> None:
    good = f.wav(1.0)
    streamed = good[:40] + struct.pack("<I", 0xFFFFFFFF) + good[44:]  # data size left unset by a browser
    assert wav_seconds(streamed) == 1.0
    assert wav_seconds(good[:30]) is None  # cut short before the data
    assert wav_seconds(b"RIFF\x00\x00\x00\x00WAVEdata\x10\x00\x00\x00" + b"\x00" * 16) is None  # no format


# --- the record -----------------------------------------------------------------------------------------
def test_a_new_voice_answer_waits_and_belongs_to_the_review() -> None:
    review = _consented()
    answer = _answer(review, NW)
    assert (answer.project_id, answer.review_id, answer.question) == (review.project_id, review.id, NW)
    assert answer.status is VoiceStatus.WAITING and answer.waiting
    assert answer.status.label == "Voice answer — to be written down with the person"
    assert answer.recorded_at == f.NOW and answer.seconds == 0.5


def test_voice_answers_only_for_a_draft_with_consent() -> None:
    info = inspect_recording(f.wav())
    with pytest.raises(DomainError, match="agreed"):
        VoiceAnswer.record(new_id(), f.review(new_id()), W, info, "me", f.NOW)
    sent = f.complete_review(new_id())
    sent.submit(f.NOW)
    with pytest.raises(DomainError, match="sent in"):
        VoiceAnswer.record(new_id(), sent, W, info, "me", f.NOW)


def test_written_down_links_statements_and_can_be_done_in_several_goes() -> None:
    answer = _answer()
    first, second = new_id(), new_id()
    answer.written_down(first, STAFF, f.NOW, finished=False)
    assert answer.waiting and answer.written_statement_ids == [first]
    with pytest.raises(DomainError, match="already in the review"):
        answer.discard(STAFF, f.NOW)
    answer.written_down(second, STAFF, f.NOW + timedelta(minutes=1))
    assert answer.status is VoiceStatus.WRITTEN_DOWN
    assert (answer.handled_by, answer.handled_at) == (STAFF, f.NOW + timedelta(minutes=1))
    with pytest.raises(DomainError, match="already been written down"):
        answer.written_down(new_id(), STAFF, f.NOW)


def test_finish_writing_needs_something_written() -> None:
    answer = _answer()
    with pytest.raises(DomainError, match="Nothing has been written down"):
        answer.finish_writing(STAFF, f.NOW)
    answer.written_down(new_id(), STAFF, f.NOW, finished=False)
    answer.finish_writing(STAFF, f.NOW)
    assert answer.status is VoiceStatus.WRITTEN_DOWN


def test_discard_records_who_and_why_and_a_bad_actor_changes_nothing() -> None:
    answer = _answer()
    with pytest.raises(ValidationError):
        answer.discard("", f.NOW)
    assert answer.waiting and not answer.handled_by
    answer.discard(STAFF, f.NOW, "recorded by mistake")
    assert (answer.status, answer.reason, answer.handled_by) == (
        VoiceStatus.DISCARDED,
        "recorded by mistake",
        STAFF,
    )


def test_record_rules_refuse_inconsistent_states() -> None:
    data = _answer().model_dump()
    with pytest.raises(ValidationError, match="who wrote"):
        VoiceAnswer.model_validate({**data, "status": VoiceStatus.DISCARDED})
    with pytest.raises(ValidationError, match="who wrote"):
        VoiceAnswer.model_validate({**data, "handled_by": STAFF, "handled_at": f.NOW})
    done = {**data, "handled_by": STAFF, "handled_at": f.NOW}
    with pytest.raises(ValidationError, match="needs the statement"):
        VoiceAnswer.model_validate({**done, "status": VoiceStatus.WRITTEN_DOWN})
    one = new_id()
    with pytest.raises(ValidationError, match="cannot be set aside"):
        VoiceAnswer.model_validate({**done, "status": VoiceStatus.DISCARDED, "written_statement_ids": [one]})
    with pytest.raises(ValidationError, match="twice"):
        VoiceAnswer.model_validate({**data, "written_statement_ids": [one, one]})
    with pytest.raises(ValidationError):
        VoiceAnswer.model_validate({**data, "sha256": "../../etc/passwd"})


def test_voice_questions_are_those_still_waiting() -> None:
    review = _consented()
    waiting, done = _answer(review, W), _answer(review, F)
    done.discard(STAFF, f.NOW)
    assert voice_questions([waiting, done]) == {W}


# --- the review -----------------------------------------------------------------------------------------
def test_a_question_answered_only_by_voice_does_not_block_sending_in() -> None:
    review = _consented()
    review.add_statement(W, "My garden", Speaker.PERSON, f.NOW)
    review.set_priority(review.statements[0].id, 1, f.NOW)
    review.decline(F, f.NOW)
    fields = [p.field for p in review.problems_before_submit()]
    assert fields == ["not_working"]
    assert review.problems_before_submit({NW}) == []
    review.submit(f.NOW, {NW})
    assert review.status is ReviewStatus.SUBMITTED


def test_typed_answers_beside_a_voice_answer_still_need_their_top_two() -> None:
    review = _consented()
    for text in ("Bus", "Rain"):
        review.add_statement(NW, text, Speaker.PERSON, f.NOW)
    problems = review.problems_before_submit({W, NW, F})
    assert [p.field for p in problems] == ["not_working"] and "top two" in problems[0].message


def test_voice_statement_takes_the_next_free_place_and_keeps_its_link() -> None:
    review = _consented()
    typed = review.add_statement(W, "Swimming", Speaker.PERSON, f.NOW)
    review.set_priority(typed.id, 1, f.NOW)
    voice_id = new_id()
    said = review.add_voice_statement(
        W, "My mum", Speaker.PERSON, voice_answer_id=voice_id, recorded_at=f.NOW, now=f.NOW
    )
    assert (said.priority, said.voice_answer_id, said.text) == (2, voice_id, "My mum")
    third = review.add_voice_statement(
        W, "Cats", Speaker.PERSON, voice_answer_id=voice_id, recorded_at=f.NOW, now=f.NOW
    )
    assert third.priority is None
    alone = review.add_voice_statement(
        NW, "Noise", Speaker.FAMILY_OR_CARER, voice_answer_id=voice_id, recorded_at=f.NOW, now=f.NOW
    )
    assert alone.priority == 1 and alone.said_by is Speaker.FAMILY_OR_CARER
    with pytest.raises(ValidationError):
        said.voice_answer_id = new_id()  # type: ignore[misc]  # the link never changes


def test_voice_statement_after_sending_in_only_for_a_recording_made_before() -> None:
    review = _consented()
    review.decline(W, f.NOW)
    review.decline(NW, f.NOW)
    review.submit(f.NOW + timedelta(hours=1), {F})
    with pytest.raises(DomainError, match="sent in"):
        review.add_statement(F, "typed later", Speaker.PERSON, f.NOW)
    before, after = f.NOW + timedelta(minutes=30), f.NOW + timedelta(hours=2)
    with pytest.raises(DomainError, match="after the review was sent in"):
        review.add_voice_statement(
            F, "Too late", Speaker.PERSON, voice_answer_id=new_id(), recorded_at=after, now=after
        )
    said = review.add_voice_statement(
        F, "A holiday", Speaker.PERSON, voice_answer_id=new_id(), recorded_at=before, now=after
    )
    assert review.status is ReviewStatus.SUBMITTED and review.prioritised(F) == [said]


def test_a_declined_question_answered_by_voice_is_no_longer_declined() -> None:
    review = _consented()
    review.decline(W, f.NOW)
    review.add_voice_statement(
        W, "Football", Speaker.PERSON, voice_answer_id=new_id(), recorded_at=f.NOW, now=f.NOW
    )
    assert review.declined == []


def test_nothing_is_added_to_a_withdrawn_review() -> None:
    review = _consented()
    review.withdraw(WithdrawalReason.PERSON_ASKED, f.NOW)
    with pytest.raises(DomainError, match="withdrawn"):
        review.add_voice_statement(
            W, "Words", Speaker.PERSON, voice_answer_id=new_id(), recorded_at=f.NOW, now=f.NOW
        )
