"""Step 2: voice answers. The person says an answer out loud; staff write the words down with them.

The sound goes to the recordings port, the record of it to the repository. Nothing is transcribed by a
machine, and the sound is removed as soon as it is no longer needed: once written down or set aside, and
with everything else when a review is erased. Audit entries hold ids only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError

from wtfc_collect.domain import (
    AuditAction,
    DomainError,
    Question,
    Review,
    ReviewStatus,
    Speaker,
    Statement,
    VoiceAnswer,
    VoiceStatus,
    inspect_recording,
    new_id,
    plain_errors,
)
from wtfc_collect.services.access import COLLECTORS, QUALITY, REVIEW_WORKERS, guard
from wtfc_collect.services.collect.reviews import get_review, undecline_question
from wtfc_collect.services.common import InvalidInput, change, record_audit
from wtfc_collect.storage.port import Recordings, Repository


@dataclass(frozen=True)
class VoiceAnswerToWrite:
    """A voice answer waiting to be written down, with what staff need to find the person (no names)."""

    answer: VoiceAnswer
    person_ref: str
    sent_in: bool
    review: Review | None = None  # so the role check can keep only the reviews the user may reach


@guard(COLLECTORS)
def get_voice_answer(repo: Repository, voice_id: str) -> VoiceAnswer:
    answer = repo.get(VoiceAnswer, voice_id)
    if answer is None:
        raise DomainError("That voice answer could not be found. It may have been erased.", "voice")
    return answer


@guard(REVIEW_WORKERS)
def record_voice_answer(
    repo: Repository,
    recordings: Recordings,
    review_id: str,
    question: Question,
    data: bytes,
    *,
    actor: str,
    now: datetime,
) -> VoiceAnswer:
    """Keep a recording the person made for one question, to be written down with them.

    Refuses (DomainError, plain words) anything that does not look like a recording, an over-long one, and
    a review that is no longer a draft. The same recording sent twice is kept once.
    """
    info = inspect_recording(data)
    review = get_review(repo, review_id)
    for existing in repo.find(VoiceAnswer, review_id=review_id, question=question):
        if existing.sha256 == info.sha256 and existing.status is not VoiceStatus.DISCARDED:
            return existing
    answer = VoiceAnswer.record(new_id(), review, question, info, actor, now)
    recordings.put(review.id, answer.id, data)
    try:
        saved = repo.save(answer)
    except BaseException:
        recordings.delete(review.id, answer.id)
        raise
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now, reason="voice answer")
    if question in review.declined:  # the person answers after all, by voice
        undecline_question(repo, review.id, question, actor=actor, now=now)
    return saved


@guard(REVIEW_WORKERS)
def voice_answers_for_review(repo: Repository, review_id: str) -> list[VoiceAnswer]:
    """Every voice answer of a review, oldest first (whatever became of it)."""
    return sorted(repo.find(VoiceAnswer, review_id=review_id), key=lambda a: a.recorded_at)


@guard(COLLECTORS, filter_reviews=True)
def voice_answers_waiting(repo: Repository, project_id: str) -> list[VoiceAnswerToWrite]:
    """Voice answers of a project still to be written down, oldest first. Withdrawn reviews are left out:
    the person took back their consent, so their words do not go forward."""
    waiting = repo.find(VoiceAnswer, project_id=project_id, status=VoiceStatus.WAITING)
    reviews: dict[str, Review | None] = {}
    found: list[VoiceAnswerToWrite] = []
    for answer in sorted(waiting, key=lambda a: a.recorded_at):
        if answer.review_id not in reviews:
            reviews[answer.review_id] = repo.get(Review, answer.review_id)
        review = reviews[answer.review_id]
        if review is None or review.status is ReviewStatus.WITHDRAWN:
            continue
        found.append(
            VoiceAnswerToWrite(answer, review.person_ref, review.status is ReviewStatus.SUBMITTED, review)
        )
    return found


@guard(REVIEW_WORKERS)
def voice_answer_audio(repo: Repository, recordings: Recordings, voice_id: str) -> bytes | None:
    """The sound of a voice answer to play, or None if it is gone or damaged (it no longer matches)."""
    answer = get_voice_answer(repo, voice_id)
    data = recordings.get(answer.review_id, answer.id)
    if data is None or not _matches(data, answer):
        return None
    return data


def _matches(data: bytes, answer: VoiceAnswer) -> bool:
    try:
        return inspect_recording(data).sha256 == answer.sha256
    except DomainError:
        return False


@guard(COLLECTORS)
def write_down_voice_answer(
    repo: Repository,
    recordings: Recordings,
    voice_id: str,
    *,
    text: str,
    said_by: Speaker = Speaker.PERSON,
    finished: bool = True,
    actor: str,
    now: datetime,
) -> tuple[Review, Statement]:
    """Add the words of a voice answer, typed with the person, to their review as a statement.

    Works on a review already sent in when the recording was made before it was sent (logged as such).
    ``finished=False`` keeps the voice answer waiting, for a recording that holds more than one thing.
    Once finished, the sound is removed: the words are now in the review.
    """
    answer = get_voice_answer(repo, voice_id)
    answer.require_waiting()
    added: list[Statement] = []

    def apply(review: Review) -> None:
        added.clear()
        try:
            added.append(
                review.add_voice_statement(
                    answer.question,
                    text,
                    said_by,
                    voice_answer_id=answer.id,
                    recorded_at=answer.recorded_at,
                    now=now,
                )
            )
        except ValidationError as error:  # the words themselves break a rule (empty, too long)
            message = next(iter(plain_errors(error).values()), "Please check the words.")
            raise InvalidInput({"text": message}) from None

    review = change(repo, Review, answer.review_id, apply)
    reason = "voice answer written down" + (
        " after sending in" if review.status is ReviewStatus.SUBMITTED else ""
    )
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=review, now=now, reason=reason)
    statement = review.statement(added[0].id)
    done = change(
        repo, VoiceAnswer, voice_id, lambda a: a.written_down(statement.id, actor, now, finished=finished)
    )
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=done, now=now, reason="written down")
    if not done.waiting:
        recordings.delete(done.review_id, done.id)
    return review, statement


@guard(COLLECTORS)
def finish_voice_answer(
    repo: Repository, recordings: Recordings, voice_id: str, *, actor: str, now: datetime
) -> VoiceAnswer:
    """Everything in a recording has been written down (after adding its words in more than one go)."""
    done = change(repo, VoiceAnswer, voice_id, lambda a: a.finish_writing(actor, now))
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=done, now=now, reason="written down")
    recordings.delete(done.review_id, done.id)
    return done


@guard(REVIEW_WORKERS)
def discard_voice_answer(
    repo: Repository, recordings: Recordings, voice_id: str, *, actor: str, now: datetime, reason: str = ""
) -> VoiceAnswer:
    """Not needed (recorded by mistake, or said again in writing): set aside, and the sound removed."""
    done = change(repo, VoiceAnswer, voice_id, lambda a: a.discard(actor, now, reason))
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=done, now=now, reason="not needed")
    recordings.delete(done.review_id, done.id)
    return done


@guard(QUALITY)
def erase_review_recordings(
    repo: Repository, recordings: Recordings, review_id: str, *, actor: str, now: datetime
) -> int:
    """Erase every voice answer of a review: the sound first (so none is ever left without its record),
    then the records. For erasing a review. Returns how many recordings were removed."""
    removed = recordings.delete_review(review_id)
    for answer in repo.find(VoiceAnswer, review_id=review_id):
        if repo.delete(VoiceAnswer, answer.id):
            record_audit(repo, actor=actor, action=AuditAction.ERASE, record=answer, now=now)
    return removed
