"""Step 2, Collect: an answer the person said out loud instead of typing, kept until it is written down.

The sound itself is not part of the record: it is kept beside the review by a recordings store. This
module only checks that some bytes look like a recording (from their header; the sound is never decoded)
and keeps track of what happened to each one. Staff write the words down *with the person*; nothing here
transcribes anything.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from .base import Actor, DomainError, Reason, Record, RecordId, UtcDateTime, utc
from .review import Question, Review, ReviewStatus

#: The largest recording kept. At the 16 kHz mono sound the app records, this is about five minutes.
MAX_RECORDING_BYTES = 10 * 1024 * 1024
AudioMime = Literal["audio/wav", "audio/webm", "audio/ogg"]


class VoiceStatus(StrEnum):
    WAITING = "waiting"
    WRITTEN_DOWN = "written_down"
    DISCARDED = "discarded"

    @property
    def label(self) -> str:
        return VOICE_STATUS_LABELS[self]


VOICE_STATUS_LABELS = {
    VoiceStatus.WAITING: "Voice answer — to be written down with the person",
    VoiceStatus.WRITTEN_DOWN: "Voice answer — written down",
    VoiceStatus.DISCARDED: "Voice answer — not needed",
}


# --- checking a recording --------------------------------------------------------------------------------
@dataclass(frozen=True)
class RecordingInfo:
    """What can be told about a recording from its bytes: its kind, size, length and fingerprint."""

    mime: AudioMime
    size: int
    seconds: float | None
    sha256: str


NOT_AUDIO = "That does not look like a sound recording, so it was not kept. Please try recording again."
EMPTY = "The recording is empty. Please try recording again."
TOO_BIG = (
    "That recording is too long to keep. Please say it again more briefly, or ask a member of staff "
    "to write it down with you."
)


def _audio_mime(data: bytes) -> AudioMime | None:
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[:4] == b"\x1a\x45\xdf\xa3":  # EBML: WebM (and Matroska) files
        return "audio/webm"
    if data[:4] == b"OggS":
        return "audio/ogg"
    return None


def wav_seconds(data: bytes) -> float | None:
    """The length of a PCM WAV recording from its header, or None when it cannot be told."""
    byte_rate = 0
    position = 12
    while position + 8 <= len(data):
        chunk_id = data[position : position + 4]
        (size,) = struct.unpack_from("<I", data, position + 4)
        body = position + 8
        if chunk_id == b"fmt " and size >= 16 and body + 16 <= len(data):
            (byte_rate,) = struct.unpack_from("<I", data, body + 8)
        elif chunk_id == b"data":
            # Browsers that stream a recording may leave the size unset (0 or 0xFFFFFFFF): use what is there.
            available = len(data) - body
            size = available if size in (0, 0xFFFFFFFF) else min(size, available)
            return round(size / byte_rate, 1) if byte_rate else None
        position = body + size + (size % 2)
    return None


def inspect_recording(data: bytes) -> RecordingInfo:
    """Check that ``data`` looks like a recording of a size we keep. DomainError (plain words) if not.

    Only the first bytes are looked at (the file's own "magic" signature), never the file name or the
    type the browser claimed.
    """
    if not data:
        raise DomainError(EMPTY, "recording")
    if len(data) > MAX_RECORDING_BYTES:
        raise DomainError(TOO_BIG, "recording")
    mime = _audio_mime(data)
    if mime is None:
        raise DomainError(NOT_AUDIO, "recording")
    seconds = wav_seconds(data) if mime == "audio/wav" else None
    return RecordingInfo(mime=mime, size=len(data), seconds=seconds, sha256=hashlib.sha256(data).hexdigest())


# --- the record --------------------------------------------------------------------------------------------
class VoiceAnswer(Record):
    """One recording the person made for one question of their review, and what became of it.

    Waiting: to be written down with the person. Written down: its words are statements in the review
    (``written_statement_ids``). Not needed: set aside (for example recorded by mistake). The words of a
    voice answer only ever reach the review as statements typed by staff with the person.
    """

    project_id: RecordId
    review_id: RecordId
    question: Question
    recorded_at: UtcDateTime
    recorded_by: Actor
    mime: AudioMime = "audio/wav"
    size: int = Field(ge=1, le=MAX_RECORDING_BYTES)
    seconds: float | None = Field(default=None, ge=0)
    # A fingerprint of the sound, to notice the same recording sent twice and a damaged file.
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    status: VoiceStatus = VoiceStatus.WAITING
    written_statement_ids: list[RecordId] = Field(default_factory=list, max_length=20)
    handled_by: Actor | None = None
    handled_at: UtcDateTime | None = None
    reason: Reason = ""

    @model_validator(mode="after")
    def _rules(self) -> VoiceAnswer:
        finished = self.status is not VoiceStatus.WAITING
        if finished != (self.handled_by is not None and self.handled_at is not None):
            raise ValueError("say who wrote the voice answer down or set it aside, and when")
        if self.status is VoiceStatus.WRITTEN_DOWN and not self.written_statement_ids:
            raise ValueError("a written-down voice answer needs the statement its words went into")
        if self.status is VoiceStatus.DISCARDED and self.written_statement_ids:
            raise ValueError("a voice answer that was written down cannot be set aside as not needed")
        if len(self.written_statement_ids) != len(set(self.written_statement_ids)):
            raise ValueError("a statement is linked to the voice answer twice")
        return self

    @classmethod
    def record(
        cls, record_id: str, review: Review, question: Question, info: RecordingInfo, by: str, now: datetime
    ) -> VoiceAnswer:
        """A new voice answer for a review that is still being filled in."""
        if review.status is not ReviewStatus.DRAFT:
            raise DomainError(
                "This review has been sent in or withdrawn, so no more answers can be recorded.", "status"
            )
        if review.consent is None or not review.consent.given:
            raise DomainError("The person has not agreed that their words may be used.", "consent")
        return cls(
            id=record_id,
            project_id=review.project_id,
            review_id=review.id,
            question=question,
            recorded_at=utc(now),
            recorded_by=by,
            mime=info.mime,
            size=info.size,
            seconds=info.seconds,
            sha256=info.sha256,
        )

    @property
    def waiting(self) -> bool:
        return self.status is VoiceStatus.WAITING

    def require_waiting(self) -> None:
        if not self.waiting:
            raise DomainError(
                "This voice answer has already been written down or set aside. Reload the page.", "status"
            )

    def written_down(self, statement_id: str, by: str, now: datetime, *, finished: bool = True) -> None:
        """Link a statement typed from this recording; ``finished=False`` when more is to be typed."""
        self.require_waiting()
        self.written_statement_ids = [*self.written_statement_ids, statement_id]
        if finished:
            self._finish(VoiceStatus.WRITTEN_DOWN, by, now, "")

    def discard(self, by: str, now: datetime, reason: str = "") -> None:
        """Not needed (recorded by mistake, or said again in writing). Once written down, it cannot be."""
        self.require_waiting()
        if self.written_statement_ids:
            raise DomainError(
                "Part of this voice answer is already in the review. Add the rest, or choose that "
                "nothing more is to be written down.",
                "status",
            )
        self._finish(VoiceStatus.DISCARDED, by, now, reason)

    def finish_writing(self, by: str, now: datetime) -> None:
        """Everything in the recording has been written down (after one or more statements)."""
        self.require_waiting()
        if not self.written_statement_ids:
            raise DomainError("Nothing has been written down from this voice answer yet.", "text")
        self._finish(VoiceStatus.WRITTEN_DOWN, by, now, "")

    def _finish(self, status: VoiceStatus, by: str, now: datetime, reason: str) -> None:
        # Check who/when/why first, so a refused value never leaves the record half changed.
        checked = VoiceAnswer.model_validate(
            {
                **self.model_dump(),
                "status": status,
                "handled_by": by,
                "handled_at": utc(now),
                "reason": reason,
            }
        )
        self.__dict__.update(checked.__dict__)
        self.model_fields_set.update({"status", "handled_by", "handled_at", "reason"})


def voice_questions(answers: Iterable[VoiceAnswer]) -> set[Question]:
    """The questions answered by a recording still waiting to be written down."""
    return {a.question for a in answers if a.waiting}
