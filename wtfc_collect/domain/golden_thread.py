"""The golden thread: from an action back through its ideas and the root causes they tackle, to its theme
and the words people said in it.

No IO and no clock: the services load the records and pass them in. Statements reach these rules only as
``Card``s made from the workshop copy of statements that may go to a workshop *now*, so a review that was
withdrawn simply has no cards, and every count made here drops with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .plan import ActionPlan, Idea
from .theme import Card, Theme
from .understand import RootCause


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
