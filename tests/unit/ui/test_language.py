"""Messages in the language the person chose: each message a use case gives a person doing their own review
(in English) is found among the English texts and shown from the Welsh ones, with its words filled in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from accessibility.texts import screen
from tests import factories as f
from tests.welsh import unknown_words
from wtfc_collect.domain import DomainError, Question, Review, VoiceAnswer, VoiceStatus, new_id
from wtfc_collect.domain.voice import EMPTY, NOT_AUDIO, TOO_BIG
from wtfc_collect.services import access
from wtfc_collect.services.admin import accounts
from wtfc_collect.services.collect import codes, reviews
from wtfc_collect.services.common import wait_words
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.ui.feedback import problems_of
from wtfc_collect.ui.language import translated

CY = screen("messages", "cy")
NOW = datetime(2026, 5, 1, 10, tzinfo=UTC)


def _messages(action: object) -> list[str]:
    with pytest.raises(DomainError) as refused:
        action()  # type: ignore[operator]
    return list(problems_of(refused.value).values())


def _welsh(message: str) -> str:
    found = translated(message, "cy")
    assert found != CY["unknown"], f"not in texts/en/messages.toml: {message!r}"
    assert "{" not in found and unknown_words(found) == [], found
    return found


def test_english_stays_as_written_and_an_unknown_message_becomes_a_general_welsh_one() -> None:
    assert translated(codes.CODE_REFUSED, "en") == codes.CODE_REFUSED
    assert translated("Something nobody wrote down here.", "cy") == CY["unknown"]


def test_the_messages_of_signing_in_with_a_code_are_welsh() -> None:
    repo = MemoryRepository()
    assert [_welsh(m) for m in _messages(lambda: codes.open_with_code(repo, "AAAA-AAAA", now=NOW))] == [
        CY["code_refused"]
    ]
    for wait, words in ((timedelta(seconds=30), "30 eiliad"), (timedelta(minutes=4), "4 munud")):
        welsh = _welsh(codes.TOO_MANY.format(wait=wait_words(wait)))
        assert welsh == CY["too_many_codes"].format(wait=words)
    for constant in (accounts.REFUSED, accounts.STOPPED, access.NOT_YOURS, access.NOT_SIGNED_IN):
        _welsh(constant)
    assert _welsh(accounts.TOO_MANY.format(wait="2 minutes")) == CY["staff_too_many"].format(wait="2 munud")


def test_every_message_of_sending_an_own_review_too_early_is_welsh() -> None:
    repo = MemoryRepository()
    project = repo.save(f.project())
    review = f.review(project.id, consent=None)
    review = repo.save(review)
    problems = _messages(lambda: reviews.submit_review(repo, review.id, actor="t", now=NOW))
    welsh = [_welsh(m) for m in problems]
    assert CY["no_consent"] in welsh
    asked = {CY["answer_missing"].format(question=CY[f"question_{q.value}"]) for q in Question}
    assert asked <= set(welsh)
    # Three answers and none picked: "choose your top two".
    for text in ("Un", "Dau", "Tri"):
        reviews.record_statement(repo, review.id, question=Question.WORKING, text=text, actor="t", now=NOW)
    problems = _messages(lambda: reviews.submit_review(repo, review.id, actor="t", now=NOW))
    top = CY["top_missing"].format(count=CY["count_two"], question=CY["question_working"])
    assert top in [_welsh(m) for m in problems]


def test_words_that_break_a_rule_and_recordings_that_cannot_be_kept_are_said_in_welsh() -> None:
    repo = MemoryRepository()
    project = repo.save(f.project())
    review = repo.save(f.review(project.id))
    for text, key in (("   ", "fill_in"), ("a" * 5000, "too_long")):
        said = _messages(
            lambda text=text: reviews.record_statement(
                repo, review.id, question=Question.FUTURE, text=text, actor="t", now=NOW
            )
        )
        assert next(_welsh(m) for m in said).split(" ")[:3] == CY[key].split(" ")[:3]
    for constant in (EMPTY, TOO_BIG, NOT_AUDIO):
        _welsh(constant)
    answer = VoiceAnswer.model_validate(
        {
            "id": new_id(),
            "project_id": project.id,
            "review_id": review.id,
            "question": "future",
            "recorded_at": NOW,
            "recorded_by": "t",
            "mime": "audio/wav",
            "size": 10,
            "seconds": 1.0,
            "sha256": "0" * 64,
            "status": VoiceStatus.DISCARDED,
            "handled_by": "t",
            "handled_at": NOW,
        }
    )
    assert _welsh(_messages(answer.require_waiting)[0]) == CY["voice_done"]
    assert isinstance(repo.get(Review, review.id), Review)


def test_the_messages_a_voter_meets_on_the_vote_screen_are_welsh() -> None:
    from tests.factories import demo_project
    from wtfc_collect.domain.access import Role, User
    from wtfc_collect.domain.private_ballot import BallotMode
    from wtfc_collect.services.workshop import private_ballot, vote

    repo = MemoryRepository()
    project = demo_project(repo, now=f.NOW, reviews=12, workshop=True)
    with access.acting_as(User(username="fran", role=Role.FACILITATOR)):
        ballot, code = private_ballot.open_ballot(repo, project.id, BallotMode.DEVICES, actor="fran", now=NOW)
    assert code is not None
    assert [_welsh(m) for m in _messages(lambda: vote.join_ballot(repo, "WRNG-CODE", now=NOW))] == [
        CY["vote_code_refused"]
    ]
    device = vote.join_ballot(repo, code, now=NOW)
    themes = [o.target_id for o in ballot.options]
    assert [_welsh(m) for m in _messages(lambda: vote.cast_vote(repo, device, [], None, now=NOW))] == [
        CY["vote_no_ticks"]
    ]
    too_many = _messages(lambda: vote.cast_vote(repo, device, themes[:4], None, now=NOW))
    assert [_welsh(m) for m in too_many] == [CY["vote_too_many_ticks"].format(n=3)]
    assert _welsh(vote.NOT_ON_BALLOT) == CY["vote_not_on_ballot"]
    assert _welsh(vote.TOO_MANY.format(wait="30 seconds")) == CY["too_many_codes"].format(wait="30 eiliad")
    with access.acting_as(User(username="fran", role=Role.FACILITATOR)):
        private_ballot.close_ballot(repo, ballot.id, actor="fran", now=NOW)
    closed = _messages(lambda: vote.ballot_options(repo, device))
    assert [_welsh(m) for m in closed] == [CY["vote_closed"]]


def test_every_english_message_template_has_its_welsh_one_when_filled_in() -> None:
    english = screen("messages")
    samples = {
        "wait": "5 seconds",
        "question": english["question_future"],
        "count": "one",
        "max_length": "9",
        "n": "3",
    }
    for key, template in english.items():
        if key.startswith(("question_", "wait_", "count_")) or key == "unknown":
            continue
        names = {name for name in samples if "{" + name + "}" in template}
        filled = template.format(**{name: samples[name] for name in names})
        assert translated(filled, "cy") != CY["unknown"], key
