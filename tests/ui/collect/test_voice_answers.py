"""AppTest journeys for voice answers: said out loud on "My review", written down on the staff page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.ui.press import press as _click
from tests.ui.shown import said, shown
from wtfc_collect import bootstrap
from wtfc_collect.domain import (
    Consent,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Speaker,
    VoiceAnswer,
    VoiceStatus,
)
from wtfc_collect.services.collect.voice_answers import record_voice_answer, voice_answer_audio
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.context import PROJECT_KEY, REVIEW_KEY

APP = str(Path(__file__).resolve().parents[3] / "app.py")
W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
KEPT = "We kept your recording. A member of staff will write it down with you."


@pytest.fixture
def repo(data_dir: Path) -> Repository:
    return bootstrap.build_repository()


@pytest.fixture
def review(repo: Repository) -> Review:
    project = repo.save(f.project(name="Eastvale home care"))
    consent = Consent(given=True, recorded_on=f.TODAY)
    return repo.save(f.review(project.id, person_ref="EV-0100", mode=ReviewMode.SELF, consent=consent))


def _open(page: str, **state: Any) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at



def _texts(at: AppTest) -> str:
    parts = (
        *at.markdown,
        *at.error,
        *at.warning,
        *at.info,
        *at.success,
        *at.caption,
        *at.subheader,
    )
    return "\n".join([*(str(x.value) for x in at.text), *(shown(x.value) for x in parts)])


def _say(at: AppTest, data: bytes) -> AppTest:
    """Make a recording in the recorder on the screen, as the browser sends it."""
    assert len(at.audio_input) == 1, "one recorder per question screen"
    at.audio_input[0].set_value(("v.wav", data, "audio/wav")).run()
    assert not at.exception, at.exception
    return at


def _answers(repo: Repository) -> list[VoiceAnswer]:
    return repo.find(VoiceAnswer)


def test_said_out_loud_then_sent_then_written_down_by_staff(repo: Repository, review: Review) -> None:
    at = _open("pages/self_review.py", **{REVIEW_KEY: review.id})
    assert "Question 1 of 3" in _texts(at)
    recorder = at.audio_input[0]
    assert recorder.label == "Or say it out loud"
    assert "You can say your answer instead of writing it." in _texts(at)
    assert "Listen to how to say it" in [b.label for b in at.button]  # one Listen for the recorder's words

    _say(at, f.wav(1.0))
    (answer,) = _answers(repo)
    assert (answer.review_id, answer.question, answer.status) == (review.id, W, VoiceStatus.WAITING)
    assert KEPT in _texts(at)
    assert len(at.get("audio")) == 1  # the person can listen back to what they said
    assert at.audio_input[0].value is None  # the recorder is ready for another one
    assert "I don't want to answer this" not in [b.label for b in at.button]
    at.run()
    at.run()
    assert len(_answers(repo)) == 1, "reruns never keep the recording twice"

    _click(at, "Next")
    assert "Question 2 of 3" in _texts(at)
    _click(at, "I don't want to answer this")
    _click(at, "Next")
    (box,) = [a for a in at.text_area if str(a.key).endswith(f".{review.id}.{F.value}.text")]
    box.input("A holiday by the sea")
    _click(at, "Add this")
    _click(at, "Next")
    assert "Check your answers" in [h.value for h in at.header]
    assert "You said this out loud. A member of staff will write it down with you." in _texts(at)
    _click(at, "Send")
    assert "Thank you" in [h.value for h in at.header]
    sent = repo.get(Review, review.id)
    assert sent is not None and sent.status is ReviewStatus.SUBMITTED and sent.statements_for(W) == []

    staff = _open("pages/voice_answers.py")
    assert staff.title[0].value == "Voice answers to write down"
    assert "EV-0100 · What is working?" in _texts(staff)
    assert "Voice answer — to be written down with the person" in _texts(staff)
    assert "The review has been sent in" in _texts(staff)
    assert len(staff.get("audio")) == 1  # staff can play it
    assert voice_answer_audio(repo, bootstrap.build_recordings(), answer.id) == f.wav(1.0)
    staff.text_area(key=f"voice_answers.{answer.id}.text").input("My job at the café")
    _click(staff, "Add to the review")
    assert "Added to the review of EV-0100." in _texts(staff)
    assert "There are no voice answers waiting to be written down." in _texts(staff)
    written = repo.get(Review, review.id)
    assert written is not None and written.status is ReviewStatus.SUBMITTED
    (statement,) = written.statements_for(W)
    assert (statement.text, statement.voice_answer_id, statement.priority) == (
        "My job at the café",
        answer.id,
        1,
    )
    assert statement.said_by is Speaker.PERSON
    assert repo.get(VoiceAnswer, answer.id).status is VoiceStatus.WRITTEN_DOWN  # type: ignore[union-attr]
    assert not (bootstrap.recordings_dir() / review.id).exists(), "the sound goes once it is written down"


def test_something_that_is_not_a_recording_gets_a_plain_message(repo: Repository, review: Review) -> None:
    at = _open("pages/self_review.py", **{REVIEW_KEY: review.id})
    _say(at, b"<html>not a recording</html>")
    assert "That does not look like a sound recording" in "\n".join(e for e in said(at.error))
    assert _answers(repo) == []
    assert KEPT not in _texts(at)


def test_the_person_can_take_a_recording_out(repo: Repository, review: Review) -> None:
    at = _open("pages/self_review.py", **{REVIEW_KEY: review.id})
    _say(at, f.wav(0.5))
    _say(at, f.wav(0.6))
    assert [b.label for b in at.button if b.label.startswith("Take out recording")] == [
        "Take out recording 1",
        "Take out recording 2",
    ]
    _click(at, "Take out recording 1")
    statuses = sorted(a.status for a in _answers(repo))
    assert statuses == [VoiceStatus.DISCARDED, VoiceStatus.WAITING]
    assert [b.label for b in at.button if b.label.startswith("Take out recording")] == [
        "Take out recording 1"
    ]


def test_coming_back_a_voice_only_question_counts_as_answered(repo: Repository, review: Review) -> None:
    at = _open("pages/self_review.py", **{REVIEW_KEY: review.id})
    _say(at, f.wav(0.5))
    again = _open("pages/self_review.py", **{REVIEW_KEY: review.id})
    assert "Question 2 of 3" in _texts(again)


def test_staff_can_write_down_in_two_goes_or_set_aside(repo: Repository, review: Review) -> None:
    recordings = bootstrap.build_recordings()
    first = record_voice_answer(repo, recordings, review.id, NW, f.wav(0.5), actor="me", now=f.NOW)
    second = record_voice_answer(repo, recordings, review.id, F, f.wav(0.7), actor="me", now=f.NOW)
    at = _open("pages/voice_answers.py", **{PROJECT_KEY: review.project_id})
    assert len(at.get("audio")) == 2 and "Voice answers waiting: 2" in _texts(at)

    at.text_area(key=f"voice_answers.{first.id}.text").input("The bus is always late")
    at.checkbox(key=f"voice_answers.{first.id}.more").check()
    at.radio(key=f"voice_answers.{first.id}.said_by").set_value(Speaker.FAMILY_OR_CARER)
    _click(at, "Add to the review")
    assert "Already added to the review from this recording: 1." in _texts(at)
    assert at.text_area(key=f"voice_answers.{first.id}.text").value == ""
    _click(at, "Everything is written down")
    assert "The voice answer is written down and its recording removed." in _texts(at)

    _click(at, "Not needed")
    assert "There are no voice answers waiting to be written down." in _texts(at)
    assert repo.get(VoiceAnswer, second.id).status is VoiceStatus.DISCARDED  # type: ignore[union-attr]
    stored = repo.get(Review, review.id)
    assert stored is not None
    assert [(s.text, s.said_by) for s in stored.statements] == [
        ("The bus is always late", Speaker.FAMILY_OR_CARER)
    ]


def test_empty_words_are_refused_next_to_the_card(repo: Repository, review: Review) -> None:
    answer = record_voice_answer(
        repo, bootstrap.build_recordings(), review.id, W, f.wav(), actor="me", now=f.NOW
    )
    at = _open("pages/voice_answers.py")
    _click(at, "Add to the review")
    assert "Please fill this in." in said(at.error)
    assert repo.get(VoiceAnswer, answer.id).waiting  # type: ignore[union-attr]


def test_missing_sound_is_said_plainly_and_can_be_set_aside(repo: Repository, review: Review) -> None:
    recordings = bootstrap.build_recordings()
    answer = record_voice_answer(repo, recordings, review.id, W, f.wav(), actor="me", now=f.NOW)
    recordings.delete(review.id, answer.id)
    at = _open("pages/voice_answers.py")
    assert not at.get("audio")
    assert "could not be found or is damaged" in "\n".join(w for w in said(at.warning))
    _click(at, "Not needed")
    assert repo.get(VoiceAnswer, answer.id).status is VoiceStatus.DISCARDED  # type: ignore[union-attr]
