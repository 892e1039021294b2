"""Step 6, plan: ideas of three kinds for each chosen theme (and what is already happening), the top ideas
on the cost and impact grid, and the action plans made from them (their status is followed in Steps 7 and 8).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field

from .base import FilledText, Label, Record, RecordId, Text

# 1-2 is low, 3-4 is high: an even scale has no "middle" for an idea to hide in.
Score = Annotated[int, Field(ge=1, le=4)]


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
    """An idea for a chosen theme, with the room's best guess of its cost and impact (1 to 4)."""

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
        return quadrant_of(self.cost, self.impact)


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    UNDER_WAY = "under_way"
    DONE = "done"
    STOPPED = "stopped"


WE_WILL_WORDS = 15  # a sentence of easy read: 15 words at most
WE_WILL_CHARS = 200
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _easy_we_will(text: str) -> str:
    """What we will do, as the "You said, we did" letter says it: it starts "We will", in short sentences of
    15 words or fewer (easy read). Empty until the room writes it."""
    text = " ".join(text.split())
    if not text:
        return ""
    if not text.casefold().startswith("we will "):
        raise ValueError("start with 'We will', as the letter to the people who took part says it")
    if len(text) > WE_WILL_CHARS:
        raise ValueError(f"keep it short: {WE_WILL_CHARS} characters at most")
    for sentence in _SENTENCE_END.split(text):
        if len(sentence.split()) > WE_WILL_WORDS:
            raise ValueError(f"use short sentences for easy read: {WE_WILL_WORDS} words or fewer in each")
    return text


WeWill = Annotated[str, AfterValidator(_easy_we_will)]


class ActionPlan(Record):
    """What will be done about one theme, by whom, and how people will know (Steps 6 and 7). It names the
    success statements it works towards and the measures it should move: the golden thread runs on from
    the idea and its root cause to success and how we will know."""

    project_id: RecordId
    theme_id: RecordId
    idea_ids: list[RecordId] = Field(default_factory=list)
    success_ids: list[RecordId] = Field(default_factory=list)
    measure_ids: list[RecordId] = Field(default_factory=list)
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
    # The plan as the easy-read "You said, we did" letter says it to the people who took part.
    we_will: WeWill = ""
    status: ActionStatus = ActionStatus.NOT_STARTED


TOP_IDEAS = 3  # "vote on their top three solutions to each problem"
SCORES = (1, 2, 3, 4)
SCORE_LABELS = {1: "1 – very low", 2: "2 – low", 3: "3 – high", 4: "4 – very high"}
# The kinds of idea the room votes on; what is already happening is noted, not voted on.
IDEA_KINDS = (IdeaKind.TRADITIONAL, IdeaKind.RADICAL, IdeaKind.DIFFERENT)
IDEA_KIND_LABELS = {
    IdeaKind.ALREADY_HAPPENING: "Already happening",
    IdeaKind.TRADITIONAL: "Traditional",
    IdeaKind.RADICAL: "Radical",
    IdeaKind.DIFFERENT: "Different",
}
IDEA_KIND_HINTS = {
    IdeaKind.ALREADY_HAPPENING: "Something already in place that helps, or could help, with this theme.",
    IdeaKind.TRADITIONAL: "How services would usually fix it, or something already in place built upon.",
    IdeaKind.RADICAL: "Think big and take a risk, as if 'the way we have always done it' did not exist.",
    IdeaKind.DIFFERENT: "What local people, neighbours, volunteers and community groups could do.",
}
QUADRANT_LABELS = {
    Quadrant.QUICK_WIN: "Quick win",
    Quadrant.MAJOR_PROJECT: "Major project",
    Quadrant.FILL_IN: "Fill-in",
    Quadrant.THANKLESS_TASK: "Thankless task",
}
QUADRANT_MEANING = {
    Quadrant.QUICK_WIN: "Low cost, high impact: take it forward.",
    Quadrant.MAJOR_PROJECT: "High cost, high impact: worth planning in detail.",
    Quadrant.FILL_IN: "Low cost, low impact: do it if it is easy, but do not build the plan round it.",
    Quadrant.THANKLESS_TASK: "High cost, low impact: usually dropped.",
}
# Where each quadrant sits on the grid: (cost from, cost to, impact from, impact to). 1-2 low, 3-4 high.
QUADRANT_AREAS = {
    Quadrant.FILL_IN: (0.5, 2.5, 0.5, 2.5),
    Quadrant.QUICK_WIN: (0.5, 2.5, 2.5, 4.5),
    Quadrant.THANKLESS_TASK: (2.5, 4.5, 0.5, 2.5),
    Quadrant.MAJOR_PROJECT: (2.5, 4.5, 2.5, 4.5),
}
ACTION_STATUS_LABELS = {
    ActionStatus.NOT_STARTED: "Not started",
    ActionStatus.UNDER_WAY: "Under way",
    ActionStatus.DONE: "Done",
    ActionStatus.STOPPED: "Stopped",
}
# The planning questions of an action plan, in the order the guide asks them.
PLAN_FIELDS = {
    "title": "Short title",
    "key_features": "What are the key features of this work?",
    "who_is_involved": "Who needs to be involved?",
    "lead": "Who will lead it?",
    "first_steps": "What will we do first?",
    "six_to_twelve_months": "Where do we want to be in 6 to 12 months?",
    "resources": "What resources are needed, and from where?",
    "what_else_would_help": "What else would help?",
    "how_we_will_know": "How will we know it has worked?",
    "how_we_will_tell_people": "How will we tell everyone involved how it is going?",
    "we_will": "What we will do, for the 'You said, we did' letter: 'We will …' in easy read",
}


# --- the grid --------------------------------------------------------------------------------------
def quadrant_of(cost: int, impact: int) -> Quadrant:
    """The quadrant of a place on the grid: 1-2 is low, 3-4 is high."""
    if impact >= 3:
        return Quadrant.QUICK_WIN if cost <= 2 else Quadrant.MAJOR_PROJECT
    return Quadrant.FILL_IN if cost <= 2 else Quadrant.THANKLESS_TASK


def by_quadrant(ideas: Iterable[Idea]) -> dict[Quadrant | None, list[Idea]]:
    """Ideas grouped by quadrant in the guide's order; ideas not placed yet under None."""
    groups: dict[Quadrant | None, list[Idea]] = {q: [] for q in QUADRANT_LABELS}
    groups[None] = []
    for idea in ideas:
        groups[idea.quadrant].append(idea)
    return groups
