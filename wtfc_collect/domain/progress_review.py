"""Steps 7 and 8, implement and review: what worked and what did not in the way the project was run, who
needs to be told what (the communication plan), the date to review it all, how each group of people who took
part found the process, and whether the cycle is finished (so the next one can start from it).

Readings of the measures live with the measures (``success``); the status of each action with the action
plan (``plan``).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from .base import DomainError, FilledText, Label, Record, RecordId, Text, UtcDateTime
from .success import Perspective


class ProcessNote(Record):
    """One thing that worked, or did not, in the way the project was run."""

    project_id: RecordId
    worked: bool
    text: FilledText
    at: UtcDateTime


# --- telling people (communication plan) --------------------------------------------------------------
class Communication(Record):
    """One line of the communication plan: who needs to know, what, how, by when, and whether it is done."""

    project_id: RecordId
    audience: Label  # who needs to know: "People who took part", "Commissioning board"
    message: FilledText  # what they need to know
    channel: Label  # how: "Easy-read letter", "Briefing at the board"
    due: date | None = None
    done: bool = False
    created_at: UtcDateTime


def overdue(item: Communication, today: date) -> bool:
    return not item.done and item.due is not None and item.due < today


# --- the review date, and finishing the cycle ----------------------------------------------------------
class CycleReview(Record):
    """The project's Step 8 in one record: the day to look at progress together, and the day the cycle was
    finished (then the next cycle can start from it)."""

    project_id: RecordId
    review_on: date | None = None
    finished_on: date | None = None
    summary: Text = ""  # what was learned, in a few lines, for the next cycle

    @property
    def finished(self) -> bool:
        return self.finished_on is not None


def check_finish(review: CycleReview, on: date, today: date) -> None:
    """Refuse, in plain words, to finish a cycle with no review date, or on a day still to come."""
    if review.review_on is None:
        raise DomainError("Set the review date first: the cycle is finished once it has been reviewed.")
    if on > today:
        raise DomainError("The day the cycle was finished cannot be in the future.", "finished_on")


# --- how the process went, for each group of people who took part --------------------------------------
class EvaluationAnswer(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"


EVALUATION_ANSWER_LABELS = {
    EvaluationAnswer.YES: "Yes",
    EvaluationAnswer.PARTLY: "Partly",
    EvaluationAnswer.NO: "No",
}
# Short questions each group answers together, in the order they are asked.
EVALUATION_QUESTIONS = {
    "right_people": "Were the right people in the room?",
    "own_say": "Could everyone have their say?",
    "own_words": "Did people's own words stay at the centre?",
    "time_well_spent": "Was the time well spent?",
    "will_change": "Do you expect things to change because of it?",
}
# The notes of the "working / not working" exercise the guides suggest for the process itself.
EVALUATION_NOTES = {
    "worked": "What worked well?",
    "did_not_work": "What did not work so well?",
    "next_time": "What should we do differently next time?",
}


class Evaluation(Record):
    """How one group of people who took part found the process: short answers and three notes."""

    project_id: RecordId
    perspective: Perspective
    perspective_name: Label | None = None  # for OTHER, e.g. "Third sector"
    answers: dict[str, EvaluationAnswer] = Field(default_factory=dict)
    worked: Text = ""
    did_not_work: Text = ""
    next_time: Text = ""
    at: UtcDateTime

    @model_validator(mode="after")
    def _known_questions(self) -> Evaluation:
        unknown = set(self.answers) - set(EVALUATION_QUESTIONS)
        if unknown:
            raise ValueError(f"unknown questions: {', '.join(sorted(unknown))}")
        if self.perspective is Perspective.OTHER and not self.perspective_name:
            raise ValueError("name the group, for example 'third sector'")
        return self

    @property
    def empty(self) -> bool:
        notes = (self.worked, self.did_not_work, self.next_time)
        return not self.answers and not any(note.strip() for note in notes)
