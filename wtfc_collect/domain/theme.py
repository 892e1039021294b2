"""Step 3, the card call: themes named as "I" statements, the card call of each question, and workshop cards.

A theme and the card call hold statement ids only, never words: the words a workshop may show are worked out
each time (see ``Card``), so a statement whose review was withdrawn drops out of every theme at once.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from .base import Label, Record, RecordId, StrictModel, Text, UtcDateTime
from .dot_votes import DEFAULT_DOTS, RULES, VoteTarget
from .statement import Question

_FIRST_PERSON_OPENERS = {
    "i",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "im",
    "ive",
    "my",
    "me",
    "we",
    "we're",
    "we've",
    "we'd",
    "we'll",
    "our",
    "us",
}
_WORD = re.compile(r"[A-Za-z']+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# The order the card call goes through the questions: the guide starts with what is working.
ORDER = (Question.WORKING, Question.NOT_WORKING, Question.FUTURE)


def is_first_person(text: str) -> bool:
    """True when a theme name starts as an "I" (or "We") statement, e.g. "I want to choose my staff".

    Curly apostrophes ("I’m") count, and quote marks around the name ('I am lonely') are ignored.
    """
    words = [w.strip("'") for w in _WORD.findall(text.translate(_APOSTROPHES))]
    words = [w for w in words if w]
    return bool(words) and words[0].lower() in _FIRST_PERSON_OPENERS


def _first_person(value: str) -> str:
    if not is_first_person(value):
        raise ValueError('name the theme as the people would say it, starting with "I", e.g. "I want …"')
    return value


ThemeName = Annotated[Label, AfterValidator(_first_person)]


@dataclass(frozen=True)
class Card:
    """A statement as a workshop may show it: its checked workshop copy, and whose review it came from
    (an id, never a name or reference). Area and group let themes be compared between places and groups."""

    statement_id: str
    review_id: str
    question: Question
    text: str
    area: str | None = None
    group: str | None = None


class Theme(Record):
    """A cluster of statements from the card call. Its name is an "I" statement."""

    project_id: RecordId
    question: Question
    name: ThemeName | None = None
    statement_ids: list[RecordId] = Field(default_factory=list)
    chosen: bool = False  # taken forward as a priority
    created_at: UtcDateTime
    # What the room will do with a theme that is not voted on: for what is working, how to keep it and
    # spread it; for what is important for the future, what is on offer now and what is missing.
    follow_up: Text = ""
    # A priority of the last cycle carried into this one as a baseline, with its success statements and
    # measures: it names the last cycle's theme and holds no statements (people's words stay with their
    # own cycle). It is not part of this cycle's card call.
    carried_from: RecordId | None = None
    # The last cycle's theme this one is the same as, when the room named it differently this time.
    last_cycle_theme_id: RecordId | None = None

    @model_validator(mode="after")
    def _carried_holds_no_words(self) -> Theme:
        if self.carried_from is not None and (self.statement_ids or self.chosen):
            raise ValueError("a theme carried from the last cycle holds no statements and is not voted on")
        return self

    def seen_with(self, usable: Collection[str]) -> Theme:
        """This theme as a workshop may see it: only the statements in ``usable`` (those that may still
        reach a workshop). The stored ids stay, so a statement accepted again comes back to its theme."""
        return self.model_copy(update={"statement_ids": [s for s in self.statement_ids if s in usable]})


class CardMove(StrictModel):
    """One move in the card call, so the last one can be undone: a card from one place to another.

    A place is a theme id, or None for "not placed yet"; ``parked`` marks the parking place.
    """

    statement_id: RecordId
    from_theme_id: RecordId | None = None
    to_theme_id: RecordId | None = None
    from_parked: bool = False
    to_parked: bool = False
    at: UtcDateTime
    # Moves made together (all the cards of a merge or a split) share a batch and are undone together.
    batch_id: RecordId | None = None
    # The name of the theme the card came from, so undo can bring back a theme the move left empty.
    from_theme_name: Label | None = None


class CardCall(Record):
    """Where the card call for one question stands: the cards put to one side for now, and the moves."""

    project_id: RecordId
    question: Question
    parked_statement_ids: list[RecordId] = Field(default_factory=list)
    moves: list[CardMove] = Field(default_factory=list, max_length=5000)
    finished: bool = False
    # The dots each participant may put on this question's themes when priorities are voted on. Only the
    # "not working" card call uses it: the guide asks everyone for their three highest priorities.
    dots_per_person: int = Field(default=DEFAULT_DOTS, ge=1, le=RULES[VoteTarget.THEME].most)

    def last_moves(self) -> list[CardMove]:
        """What "undo" puts back: the last move, or every move of the last merge or split."""
        if not self.moves:
            return []
        batch = self.moves[-1].batch_id
        if batch is None:
            return self.moves[-1:]
        start = len(self.moves)
        while start > 0 and self.moves[start - 1].batch_id == batch:
            start -= 1
        return self.moves[start:]
