"""The golden thread: from an action back through its ideas and the root causes they tackle, to its theme
and the words people said in it; and on from the root causes to the success statements the action works
towards and the measures it should move. In words: statement -> theme -> root cause -> success -> measure
-> idea -> action.

No IO and no clock: the services load the records and pass them in. Statements reach these rules only as
``Card``s made from the workshop copy of statements that may go to a workshop *now*, so a review that was
withdrawn simply has no cards, and every count made here drops with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .plan import ActionPlan, Idea
from .success import Measure, SuccessStatement
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
class SuccessLink:
    """A success statement an action works towards, the root cause it puts right (None: the theme as a
    whole), and the measures of it the action names."""

    success: SuccessStatement
    root_cause: RootCause | None
    measures: tuple[Measure, ...]


# The links of a whole thread, named for a message about the ones still missing.
LINKS = ("people's words", "root cause", "success statement", "measure", "idea")


@dataclass(frozen=True)
class ActionThread:
    """The golden thread from one action back to what people said."""

    action: ActionPlan
    ideas: tuple[IdeaLink, ...]
    theme: Theme | None  # None if the theme was removed after the plan was made
    evidence: Evidence
    successes: tuple[SuccessLink, ...] = ()

    @property
    def root_causes(self) -> tuple[RootCause, ...]:
        """The root causes the action's ideas tackle, then those its success statements put right."""
        linked = [link.root_cause for link in self.ideas] + [link.root_cause for link in self.successes]
        found = {cause.id: cause for cause in linked if cause is not None}
        return tuple(found.values())

    @property
    def measures(self) -> tuple[Measure, ...]:
        return tuple(m for link in self.successes for m in link.measures)

    @property
    def missing(self) -> tuple[str, ...]:
        """The links this thread does not have yet (none when it runs whole from words to action)."""
        has = {
            "people's words": self.evidence.people > 0,
            "root cause": bool(self.root_causes),
            "success statement": bool(self.successes),
            "measure": bool(self.measures),
            "idea": bool(self.ideas),
        }
        return tuple(link for link in LINKS if not has[link])


def thread_for(
    action: ActionPlan,
    ideas: Mapping[str, Idea],
    causes: Mapping[str, RootCause],
    themes: Mapping[str, Theme],
    cards: Mapping[str, Card],
    successes: Mapping[str, SuccessStatement] | None = None,
    measures: Mapping[str, Measure] | None = None,
) -> ActionThread:
    """Follow ``action`` back through its ideas, their root causes and its theme to the cards, and on to the
    success statements and measures it names (a measure brings its success statement with it)."""
    successes = successes or {}
    named = [measures[m] for m in action.measure_ids if measures and m in measures]
    wanted = list(dict.fromkeys([*action.success_ids, *(m.success_id for m in named)]))
    links = tuple(
        IdeaLink(idea, causes.get(idea.root_cause_id) if idea.root_cause_id else None)
        for idea in (ideas[i] for i in action.idea_ids if i in ideas)
    )
    success_links = tuple(
        SuccessLink(
            success,
            causes.get(success.root_cause_id) if success.root_cause_id else None,
            tuple(m for m in named if m.success_id == success.id),
        )
        for success in (successes[s] for s in wanted if s in successes)
    )
    theme = themes.get(action.theme_id)
    return ActionThread(action, links, theme, evidence(theme, cards), success_links)


def actions_moving(measure: Measure, actions: Iterable[ActionPlan]) -> list[ActionPlan]:
    """The actions that name ``measure`` as one they should move (the thread read the other way)."""
    return [action for action in actions if measure.id in action.measure_ids]


def actions_towards(success: SuccessStatement, actions: Iterable[ActionPlan]) -> list[ActionPlan]:
    """The actions that work towards ``success``, named directly or through one of its measures."""
    return [a for a in actions if success.id in a.success_ids]
