"""Steps 6 to 8 as pure rules: dots on ideas, the top three, the cost and impact grid, and the golden thread.

No IO and no clock: the services load the records and pass them in. Statements reach these rules only as
``Card``s made from the workshop copy of statements that may go to a workshop *now*, so a review that was
withdrawn simply has no cards, and every count made here drops with it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .base import DomainError
from .review import Question
from .workshop import ActionPlan, ActionStatus, Idea, IdeaKind, Quadrant, RootCause, Theme, Vote

DEFAULT_DOTS = 3  # each person in the room has three dots per theme, as the guide suggests
MAX_DOTS = 20
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
}


# --- dots -------------------------------------------------------------------------------------------
def check_dots(dots: Mapping[str, int], allowed: int, voter: str) -> None:
    """Refuse, in plain words, a voter's dots that are negative or more than they have."""
    if not 1 <= allowed <= MAX_DOTS:
        raise DomainError(f"Each person can have from 1 to {MAX_DOTS} dots.", "allowed")
    if any(count < 0 for count in dots.values()):
        raise DomainError("Dots cannot be fewer than none.", "dots")
    used = sum(dots.values())
    if used > allowed:
        raise DomainError(
            f"{voter} has {allowed} dots but this puts down {used}. Take {used - allowed} off.", "dots"
        )


def tally(votes: Iterable[Vote]) -> Counter[str]:
    """Dots per target (theme, root cause or idea)."""
    counts: Counter[str] = Counter()
    for vote in votes:
        counts[vote.target_id] += vote.dots
    return counts


def dots_by_voter(votes: Iterable[Vote]) -> dict[str, int]:
    """How many dots each voter has put down, in the order they first voted."""
    used: dict[str, int] = {}
    for vote in votes:
        used[vote.voter] = used.get(vote.voter, 0) + vote.dots
    return used


def ranked(ids: Sequence[str], counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """``ids`` with their dots, most dots first; equal dots keep the order the ids came in."""
    return sorted(((i, counts.get(i, 0)) for i in ids), key=lambda pair: -pair[1])


def top(ids: Sequence[str], counts: Mapping[str, int], n: int = TOP_IDEAS) -> list[str]:
    """The ``n`` ids with the most dots (never one with none)."""
    return [i for i, dots in ranked(ids, counts)[:n] if dots > 0]


def tied_at_cut(ids: Sequence[str], counts: Mapping[str, int], n: int = TOP_IDEAS) -> bool:
    """True when the last place taken and the first place left have the same dots: the room decides."""
    order = ranked(ids, counts)
    return len(order) > n and order[n - 1][1] > 0 and order[n - 1][1] == order[n][1]


def next_voter_label(existing: Iterable[str]) -> str:
    """The next free label of the form "Voter 7" (labels, never names)."""
    taken = set(existing)
    number = 1
    while f"Voter {number}" in taken:
        number += 1
    return f"Voter {number}"


# --- the grid --------------------------------------------------------------------------------------
def quadrant_of(cost: int, impact: int) -> Quadrant:
    """The quadrant of a place on the grid (the same rule as ``Idea.quadrant``: 1-2 low, 3-4 high)."""
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


# --- the golden thread -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Card:
    """A statement as a workshop may show it: its workshop copy, and whose review (an id, never a name)."""

    statement_id: str
    review_id: str
    question: Question
    text: str
    area: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class Evidence:
    """What people said behind a theme, as it stands now."""

    cards: tuple[Card, ...]

    @property
    def statements(self) -> int:
        return len(self.cards)

    @property
    def people(self) -> int:
        """How many people said something in the theme: distinct reviews, not statements."""
        return len({card.review_id for card in self.cards})


def evidence(theme: Theme | None, cards: Mapping[str, Card]) -> Evidence:
    """The cards behind ``theme`` that may still be shown (a withdrawn statement has no card)."""
    if theme is None:
        return Evidence(())
    return Evidence(tuple(cards[sid] for sid in dict.fromkeys(theme.statement_ids) if sid in cards))


@dataclass(frozen=True)
class IdeaLink:
    """One idea an action came from, and the root cause it tackles (None if not linked or removed)."""

    idea: Idea
    root_cause: RootCause | None


@dataclass(frozen=True)
class ActionThread:
    """The golden thread from one action back to what people said."""

    action: ActionPlan
    ideas: tuple[IdeaLink, ...]
    theme: Theme | None  # None if the theme was removed after the plan was made
    evidence: Evidence

    @property
    def root_causes(self) -> tuple[RootCause, ...]:
        found = {link.root_cause.id: link.root_cause for link in self.ideas if link.root_cause}
        return tuple(found.values())


def thread_for(
    action: ActionPlan,
    ideas: Mapping[str, Idea],
    causes: Mapping[str, RootCause],
    themes: Mapping[str, Theme],
    cards: Mapping[str, Card],
) -> ActionThread:
    """Follow ``action`` back through its ideas, their root causes and its theme to the cards."""
    links = tuple(
        IdeaLink(idea, causes.get(idea.root_cause_id) if idea.root_cause_id else None)
        for idea in (ideas[i] for i in action.idea_ids if i in ideas)
    )
    theme = themes.get(action.theme_id)
    return ActionThread(action, links, theme, evidence(theme, cards))
