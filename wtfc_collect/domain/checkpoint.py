"""The half-way quality checkpoint: three questions answered and signed off, and actions agreed per team."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from .base import Actor, DomainError, Label, Record, RecordId, StrictModel, Text, UtcDateTime, utc


class CheckpointQuestion(StrEnum):
    REFLECTS_PEOPLE = "reflects_people"
    OWN_WORDS = "own_words"
    USABLE = "usable"

    @property
    def label(self) -> str:
        return CHECKPOINT_QUESTIONS[self]


CHECKPOINT_QUESTIONS = {
    CheckpointQuestion.REFLECTS_PEOPLE: "Does this reflect what we know of the people?",
    CheckpointQuestion.OWN_WORDS: "Is it in their own words?",
    CheckpointQuestion.USABLE: "Is it in a usable format?",
}


class Answer(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class CheckpointAnswer(StrictModel):
    question: CheckpointQuestion
    answer: Answer
    notes: Text = ""


class Checkpoint(Record):
    """The quality lead's answers to the three checkpoint questions, and their sign-off."""

    project_id: RecordId
    answers: list[CheckpointAnswer] = Field(default_factory=list, max_length=3)
    signed_by: Actor | None = None
    signed_at: UtcDateTime | None = None

    @model_validator(mode="after")
    def _rules(self) -> Checkpoint:
        asked = [a.question for a in self.answers]
        if len(asked) != len(set(asked)):
            raise ValueError("each checkpoint question can be answered once")
        if self.signed_by is not None and len(set(asked)) != len(CheckpointQuestion):
            raise ValueError("answer all three questions before signing off")
        if (self.signed_by is None) != (self.signed_at is None):
            raise ValueError("a sign-off needs both a name and a time")
        return self

    def answer(self, question: CheckpointQuestion) -> CheckpointAnswer | None:
        return next((a for a in self.answers if a.question is question), None)

    def set_answer(self, question: CheckpointQuestion, answer: Answer, notes: str) -> None:
        """Record or change one answer. Changing an answer after sign-off withdraws the sign-off;
        saving the same answer and notes again changes nothing."""
        given = CheckpointAnswer(question=question, answer=answer, notes=notes)
        current = self.answer(question)
        if current is not None and (current.answer, current.notes) == (given.answer, given.notes):
            return
        others = [a for a in self.answers if a.question is not question]
        self._set_sign_off(None, None)
        self.answers = [*others, given]

    def sign_off(self, by: str, now: datetime) -> None:
        missing = [q.label for q in CheckpointQuestion if self.answer(q) is None]
        if missing:
            raise DomainError("Answer every question before signing off: " + " ".join(missing), "answers")
        self._set_sign_off(by, utc(now))

    def _set_sign_off(self, by: str | None, at: datetime | None) -> None:
        """Set the name and the time together. Assigned one by one, the rule that needs both would refuse
        the first assignment (a name without a time), so the pair is checked on a copy, then kept."""
        checked = type(self).model_validate({**self.model_dump(), "signed_by": by, "signed_at": at})
        self.__dict__["signed_by"] = checked.signed_by
        self.__dict__["signed_at"] = checked.signed_at
        self.model_fields_set.update({"signed_by", "signed_at"})

    @property
    def signed(self) -> bool:
        return self.signed_by is not None


class MitigationKind(StrEnum):
    ADJUST_SAMPLE = "adjust_sample"
    REASK = "reask"
    MOVE_REVIEWS = "move_reviews"
    OTHER = "other"

    @property
    def label(self) -> str:
        return MITIGATION_LABELS[self]


MITIGATION_LABELS = {
    MitigationKind.ADJUST_SAMPLE: "Adjust the sample",
    MitigationKind.REASK: "Ask the questions again",
    MitigationKind.MOVE_REVIEWS: "Move the remaining reviews to other staff",
    MitigationKind.OTHER: "Something else",
}


def _described(value: str) -> str:
    if not value.strip():
        raise ValueError("say what will be done")
    return value


# What will be done: free text that must say something. The rule sits on the field (not the record), so
# the message belongs to the description and anything that reads the field's type knows an empty one fails.
Description = Annotated[Text, AfterValidator(_described)]


class MitigatingAction(Record):
    """What will be done about quality found at the checkpoint, for one team (or all), by whom, by when."""

    project_id: RecordId
    team: Label | None = None
    kind: MitigationKind
    description: Description
    owner: Label
    due: date | None = None
    done: bool = False
    created_at: UtcDateTime
