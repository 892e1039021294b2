"""Voice answer use cases against the in-memory store and in-memory recordings."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import factories as f
from wtfc_collect.domain import (
    AuditAction,
    Consent,
    DomainError,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Speaker,
    VoiceAnswer,
    VoiceStatus,
)
from wtfc_collect.services.collect.reviews import ReviewIncomplete, get_review, submit_review, withdraw_review
from wtfc_collect.services.collect.voice_answers import (
    discard_voice_answer,
    erase_review_recordings,
    finish_voice_answer,
    get_voice_answer,
    record_voice_answer,
    voice_answer_audio,
    voice_answers_waiting,
    write_down_voice_answer,
)
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.recordings import MemoryRecordings

W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
PERSON, STAFF = "self-review", "Sam (reviewer)"
LATER = f.NOW + timedelta(hours=2)


@pytest.fixture
def repo() -> MemoryRepository:
    return MemoryRepository()


@pytest.fixture
def recordings() -> MemoryRecordings:
    return MemoryRecordings()


def _review(repo: MemoryRepository, **overrides: object) -> Review:
    project = repo.save(f.project())
    fields: dict[str, object] = {"mode": ReviewMode.SELF, "consent": Consent(given=True, recorded_on=f.TODAY)}
    return repo.save(f.review(project.id, **{**fields, **overrides}))


def _record(
    repo: MemoryRepository,
    recordings: MemoryRecordings,
    review: Review,
    question: Question = W,
    data: bytes | None = None,
) -> VoiceAnswer:
    return record_voice_answer(
        repo, recordings, review.id, question, data or f.wav(), actor=PERSON, now=f.NOW
    )


def test_recording_keeps_the_sound_and_the_record_and_audits_ids_only(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    review = _review(repo)
    data = f.wav(1.0)
    answer = _record(repo, recordings, review, NW, data)
    assert repo.get(VoiceAnswer, answer.id) == answer and answer.revision == 1
    assert recordings.get(review.id, answer.id) == data
    assert voice_answer_audio(repo, recordings, answer.id) == data
    log = repo.audit_log(answer.id)
    assert [(e.action, e.record_kind, e.actor) for e in log] == [(AuditAction.CREATE, "voiceanswer", PERSON)]


def test_the_same_recording_sent_twice_is_kept_once(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    review = _review(repo)
    first = _record(repo, recordings, review)
    again = _record(repo, recordings, review)
    assert again.id == first.id and len(repo.find(VoiceAnswer)) == 1
    other = _record(repo, recordings, review, W, f.wav(1.0, tone=200))
    assert other.id != first.id
    elsewhere = _record(repo, recordings, review, F)  # same sound, another question: its own answer
    assert elsewhere.id != first.id and len(repo.find(VoiceAnswer)) == 3


def test_uploads_that_are_not_recordings_are_refused_and_nothing_is_kept(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    review = _review(repo)
    with pytest.raises(DomainError, match="does not look like a sound recording"):
        _record(repo, recordings, review, W, b"MZ\x90\x00 an executable")
    with pytest.raises(DomainError, match="too long"):
        _record(repo, recordings, review, W, b"RIFF\x00\x00\x00\x00WAVE" + bytes(11 * 1024 * 1024))
    assert repo.find(VoiceAnswer) == [] and recordings.delete_review(review.id) == 0


def test_if_the_record_cannot_be_saved_the_sound_is_not_left_behind(
    repo: MemoryRepository, recordings: MemoryRecordings, monkeypatch: pytest.MonkeyPatch
) -> None:
    review = _review(repo)

    def broken_save(record: object) -> object:
        raise OSError("disk full")

    monkeypatch.setattr(repo, "save", broken_save)
    with pytest.raises(OSError):
        _record(repo, recordings, review)
    assert recordings.delete_review(review.id) == 0


def test_recording_refused_for_a_review_sent_in(repo: MemoryRepository, recordings: MemoryRecordings) -> None:
    sent = f.complete_review(repo.save(f.project()).id)
    sent.submit(f.NOW)
    repo.save(sent)
    with pytest.raises(DomainError, match="no more answers"):
        _record(repo, recordings, sent)


def test_a_skipped_question_answered_by_voice_is_reopened(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    review = _review(repo, declined=[NW])
    _record(repo, recordings, review, NW)
    assert get_review(repo, review.id).declined == []


def test_waiting_list_shows_reference_question_and_skips_withdrawn(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    first = _review(repo, person_ref="EV-1")
    second = repo.save(f.review(first.project_id, person_ref="EV-2", consent=first.consent))
    gone = repo.save(f.review(first.project_id, person_ref="EV-3", consent=first.consent))
    a = _record(repo, recordings, first, W)
    b = _record(repo, recordings, second, F, f.wav(0.7))
    _record(repo, recordings, gone, W, f.wav(0.9))
    withdraw_review(repo, gone.id, reason="person_asked", actor=STAFF, now=f.NOW)
    other_project = _review(repo)
    _record(repo, recordings, other_project)
    waiting = voice_answers_waiting(repo, first.project_id)
    assert [(w.person_ref, w.answer.id, w.sent_in) for w in waiting] == [
        ("EV-1", a.id, False),
        ("EV-2", b.id, False),
    ]
    discard_voice_answer(repo, recordings, a.id, actor=STAFF, now=f.NOW)
    assert [w.answer.id for w in voice_answers_waiting(repo, first.project_id)] == [b.id]


def test_write_down_adds_a_linked_statement_and_removes_the_sound(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    review = _review(repo)
    answer = _record(repo, recordings, review, F)
    saved, statement = write_down_voice_answer(
        repo,
        recordings,
        answer.id,
        text="  A holiday by the sea ",
        said_by=Speaker.PERSON,
        actor=STAFF,
        now=LATER,
    )
    assert (statement.text, statement.voice_answer_id, statement.priority) == (
        "A holiday by the sea",
        answer.id,
        1,
    )
    assert saved.statements_for(F) == [statement]
    done = get_voice_answer(repo, answer.id)
    assert done.status is VoiceStatus.WRITTEN_DOWN and done.written_statement_ids == [statement.id]
    assert (done.handled_by, done.handled_at) == (STAFF, LATER)
    assert recordings.get(review.id, answer.id) is None
    assert voice_answer_audio(repo, recordings, answer.id) is None
    reasons = [e.reason for e in repo.audit_log(review.id)]
    assert "voice answer written down" in reasons and all("sea" not in r for r in reasons)
    with pytest.raises(DomainError, match="already been written down"):
        write_down_voice_answer(repo, recordings, answer.id, text="Again", actor=STAFF, now=LATER)


def test_write_down_in_two_goes_then_finish(repo: MemoryRepository, recordings: MemoryRecordings) -> None:
    review = _review(repo)
    answer = _record(repo, recordings, review, W)
    _, one = write_down_voice_answer(
        repo, recordings, answer.id, text="Swimming", finished=False, actor=STAFF, now=LATER
    )
    assert recordings.get(review.id, answer.id) is not None  # still needed for the rest
    _, two = write_down_voice_answer(
        repo,
        recordings,
        answer.id,
        text="My sister",
        said_by=Speaker.FAMILY_OR_CARER,
        finished=False,
        actor=STAFF,
        now=LATER,
    )
    assert get_voice_answer(repo, answer.id).written_statement_ids == [one.id, two.id]
    with pytest.raises(DomainError, match="already in the review"):
        discard_voice_answer(repo, recordings, answer.id, actor=STAFF, now=LATER)
    finished = finish_voice_answer(repo, recordings, answer.id, actor=STAFF, now=LATER)
    assert finished.status is VoiceStatus.WRITTEN_DOWN and recordings.get(review.id, answer.id) is None
    stored = get_review(repo, review.id)
    assert [s.priority for s in stored.statements_for(W)] == [1, 2]


def test_empty_words_are_refused_next_to_the_field(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    answer = _record(repo, recordings, _review(repo))
    with pytest.raises(InvalidInput) as refused:
        write_down_voice_answer(repo, recordings, answer.id, text="   ", actor=STAFF, now=LATER)
    assert refused.value.errors == {"text": "Please fill this in."}
    assert get_voice_answer(repo, answer.id).waiting


def test_voice_only_question_lets_the_review_be_sent_then_written_down_after(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    review = _review(repo, declined=[W, NW])
    answer = _record(repo, recordings, review, F)
    sent = submit_review(repo, review.id, actor=PERSON, now=f.NOW + timedelta(minutes=5))
    assert sent.status is ReviewStatus.SUBMITTED
    waiting = voice_answers_waiting(repo, review.project_id)
    assert [w.sent_in for w in waiting] == [True]
    saved, statement = write_down_voice_answer(
        repo, recordings, answer.id, text="Learning to cook", actor=STAFF, now=LATER
    )
    assert saved.status is ReviewStatus.SUBMITTED and saved.prioritised(F) == [statement]
    assert "voice answer written down after sending in" in [e.reason for e in repo.audit_log(review.id)]


def test_without_the_voice_answer_the_question_still_blocks_sending(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    review = _review(repo, declined=[W, NW])
    answer = _record(repo, recordings, review, F)
    discard_voice_answer(repo, recordings, answer.id, actor=PERSON, now=f.NOW)
    with pytest.raises(ReviewIncomplete) as incomplete:
        submit_review(repo, review.id, actor=PERSON, now=f.NOW)
    assert [p.field for p in incomplete.value.problems] == ["future"]


def test_discard_sets_aside_and_removes_the_sound(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    review = _review(repo)
    answer = _record(repo, recordings, review)
    done = discard_voice_answer(
        repo, recordings, answer.id, actor=STAFF, now=LATER, reason="by mistake"
    )
    assert done.status is VoiceStatus.DISCARDED and done.reason == "by mistake"
    assert recordings.get(review.id, answer.id) is None
    assert get_review(repo, review.id).statements == []
    again = _record(repo, recordings, review)  # the same sound recorded again is a new answer
    assert again.id != answer.id and again.waiting


def test_damaged_or_missing_sound_is_not_played(repo: MemoryRepository, recordings: MemoryRecordings) -> None:
    review = _review(repo)
    answer = _record(repo, recordings, review)
    recordings.put(review.id, answer.id, f.wav(0.5, tone=100))  # changed behind the app's back
    assert voice_answer_audio(repo, recordings, answer.id) is None
    recordings.delete(review.id, answer.id)
    assert voice_answer_audio(repo, recordings, answer.id) is None
    with pytest.raises(DomainError, match="could not be found"):
        voice_answer_audio(repo, recordings, "0" * 32)


def test_erasing_a_reviews_recordings_removes_sound_and_records(
    repo: MemoryRepository, recordings: MemoryRecordings
) -> None:
    review, other = _review(repo), _review(repo)
    first = _record(repo, recordings, review, W)
    second = _record(repo, recordings, review, NW, f.wav(0.8))
    kept = _record(repo, recordings, other, W)
    assert erase_review_recordings(repo, recordings, review.id, actor=STAFF, now=LATER) == 2
    assert repo.find(VoiceAnswer, review_id=review.id) == []
    assert recordings.get(review.id, first.id) is None and recordings.get(other.id, kept.id) is not None
    for answer in (first, second):
        assert [e.action for e in repo.audit_log(answer.id)] == [AuditAction.CREATE, AuditAction.ERASE]
    assert erase_review_recordings(repo, recordings, review.id, actor=STAFF, now=LATER) == 0
