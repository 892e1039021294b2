"""Steps 3 to 8: themes, votes, root causes, success, ideas, action plans and the golden thread.

Workshops only ever see statements that were sent in with consent, accepted at the quality check and
given a workshop text; the golden thread links every action back to those statements.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from .base import DomainError, FilledText, Label, Record, RecordId, StrictModel, Text, UtcDateTime
from .review import Question

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
# Dots each participant has when voting on themes (the guide: "their three highest priority" themes).
DEFAULT_DOTS = 3
MAX_DOTS = 10
# 1-2 is low, 3-4 is high: an even scale has no "middle" for an idea to hide in.
Score = Annotated[int, Field(ge=1, le=4)]


class Theme(Record):
    """A cluster of statements from the card call (Step 3). Its name is an "I" statement."""

    project_id: RecordId
    question: Question
    name: ThemeName | None = None
    statement_ids: list[RecordId] = Field(default_factory=list)
    chosen: bool = False  # taken forward as a priority
    created_at: UtcDateTime

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
    dots_per_person: int = Field(default=DEFAULT_DOTS, ge=1, le=MAX_DOTS)

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


def check_dots(theme_ids: Sequence[str], allowed: int) -> None:
    """One participant's dots: at least one, at most ``allowed``, and at most one dot on each theme.

    One dot per theme follows the guide: people vote for their three highest priority themes, so three
    dots mean three different themes.
    """
    if not theme_ids:
        raise DomainError("Choose at least one theme for this person's dots.", "dots")
    if len(set(theme_ids)) != len(theme_ids):
        raise DomainError("Each theme can have only one of a person's dots.", "dots")
    if len(theme_ids) > allowed:
        extra = len(theme_ids) - allowed
        raise DomainError(
            f"Each person has {allowed} dots. {len(theme_ids)} themes are chosen: take {extra} off.", "dots"
        )


class VoteTarget(StrEnum):
    THEME = "theme"
    ROOT_CAUSE = "root_cause"
    IDEA = "idea"


class Vote(Record):
    """Dots one participant put on one theme, root cause or idea."""

    project_id: RecordId
    target_kind: VoteTarget
    target_id: RecordId
    voter: Label
    dots: int = Field(default=1, ge=1, le=20)
    at: UtcDateTime


class WhyStep(StrictModel):
    why: Text
    because: Text


class RootCause(Record):
    """One five-whys chain for a chosen theme (Step 4), ending in a cause."""

    project_id: RecordId
    theme_id: RecordId
    chain: list[WhyStep] = Field(default_factory=list, max_length=10)
    cause: Text = ""


class Perspective(StrEnum):
    PEOPLE = "people"  # people using support, carers and families
    COMMISSIONERS = "commissioners"
    PROVIDERS = "providers"
    OTHER = "other"


class SuccessStatement(Record):
    """What success would look like from one perspective (Step 5)."""

    project_id: RecordId
    theme_id: RecordId
    perspective: Perspective
    perspective_name: Label | None = None  # for OTHER, e.g. "Third sector"
    text: FilledText

    @model_validator(mode="after")
    def _other_named(self) -> SuccessStatement:
        if self.perspective is Perspective.OTHER and not self.perspective_name:
            raise ValueError("name the perspective, for example 'third sector'")
        return self


class Reading(StrictModel):
    on: date
    value: float = Field(allow_inf_nan=False)


class Measure(Record):
    """How we will know: a measure with an optional baseline and readings over time (Steps 5, 8)."""

    project_id: RecordId
    success_id: RecordId
    description: FilledText
    unit: Label | None = None
    baseline: float | None = Field(default=None, allow_inf_nan=False)
    readings: list[Reading] = Field(default_factory=list)

    @property
    def current(self) -> float | None:
        """The latest reading; of two on the same day, the one added last."""
        if not self.readings:
            return None
        latest = max(range(len(self.readings)), key=lambda i: (self.readings[i].on, i))
        return self.readings[latest].value


class IdeaKind(StrEnum):
    ALREADY_HAPPENING = "already_happening"
    TRADITIONAL = "traditional"
    RADICAL = "radical"
    DIFFERENT = "different"


class Quadrant(StrEnum):
    QUICK_WIN = "quick_win"
    MAJOR_PROJECT = "major_project"
    FILL_IN = "fill_in"
    THANKLESS_TASK = "thankless_task"


class Idea(Record):
    """An idea for a chosen theme (Step 6), with the room's best guess of its cost and impact (1–4)."""

    project_id: RecordId
    theme_id: RecordId
    kind: IdeaKind
    text: FilledText
    root_cause_id: RecordId | None = None  # the cause it tackles, for the golden thread
    chosen: bool = False  # among the ideas the room voted forward
    cost: Score | None = None
    impact: Score | None = None

    @property
    def quadrant(self) -> Quadrant | None:
        if self.cost is None or self.impact is None:
            return None
        high_impact = self.impact >= 3
        low_cost = self.cost <= 2
        if high_impact:
            return Quadrant.QUICK_WIN if low_cost else Quadrant.MAJOR_PROJECT
        return Quadrant.FILL_IN if low_cost else Quadrant.THANKLESS_TASK


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    UNDER_WAY = "under_way"
    DONE = "done"
    STOPPED = "stopped"


class ActionPlan(Record):
    """What will be done about one theme, by whom, and how people will know (Steps 6 and 7)."""

    project_id: RecordId
    theme_id: RecordId
    idea_ids: list[RecordId] = Field(default_factory=list)
    title: Label
    key_features: Text = ""
    who_is_involved: Text = ""
    lead: Label | None = None
    first_steps: Text = ""
    six_to_twelve_months: Text = ""
    resources: Text = ""
    what_else_would_help: Text = ""
    how_we_will_know: Text = ""
    how_we_will_tell_people: Text = ""
    status: ActionStatus = ActionStatus.NOT_STARTED


class ProcessNote(Record):
    """Step 8: what worked and what did not in the way the project was run."""

    project_id: RecordId
    worked: bool
    text: FilledText
    at: UtcDateTime


class ThreadLink(StrictModel):
    """One row of the golden thread: an action, its theme and one statement behind it."""

    action_id: RecordId
    theme_id: RecordId
    statement_id: RecordId


def golden_thread(actions: list[ActionPlan], themes: list[Theme]) -> list[ThreadLink]:
    """Link each action to every statement behind it, through its theme."""
    by_id = {theme.id: theme for theme in themes}
    links: list[ThreadLink] = []
    for action in actions:
        theme = by_id.get(action.theme_id)
        if theme is None:
            continue
        links.extend(
            ThreadLink(action_id=action.id, theme_id=theme.id, statement_id=sid)
            for sid in theme.statement_ids
        )
    return links
