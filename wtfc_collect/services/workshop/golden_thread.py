"""The golden thread: from any action back to the words people said and on to the success statements and
measures it works towards; from any theme, or any measure, to the actions that came from it or should move it.

Everything is worked out afresh on each call from the cards that may be shown now (``themes.cards``):
records of the workshop hold statement ids only, so a statement whose review was withdrawn disappears from
every chain and count.
"""

from __future__ import annotations

from dataclasses import dataclass

from wtfc_collect.domain import (
    ActionPlan,
    ActionStatus,
    DomainError,
    Idea,
    Measure,
    RootCause,
    SuccessStatement,
    Theme,
)
from wtfc_collect.domain.golden_thread import ActionThread, Evidence, actions_moving, evidence, thread_for
from wtfc_collect.domain.theme import Card
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.workshop.themes import cards
from wtfc_collect.storage.port import Repository


@dataclass(frozen=True)
class _Maps:
    ideas: dict[str, Idea]
    causes: dict[str, RootCause]
    themes: dict[str, Theme]
    cards: dict[str, Card]
    successes: dict[str, SuccessStatement]
    measures: dict[str, Measure]

    def thread(self, action: ActionPlan) -> ActionThread:
        return thread_for(
            action, self.ideas, self.causes, self.themes, self.cards, self.successes, self.measures
        )


def _maps(repo: Repository, project_id: str) -> _Maps:
    return _Maps(
        {i.id: i for i in repo.find(Idea, project_id=project_id)},
        {c.id: c for c in repo.find(RootCause, project_id=project_id)},
        {t.id: t for t in repo.find(Theme, project_id=project_id)},
        cards(repo, project_id),
        {s.id: s for s in repo.find(SuccessStatement, project_id=project_id)},
        {m.id: m for m in repo.find(Measure, project_id=project_id)},
    )


@guard(FACILITATORS)
def action_thread(repo: Repository, action_id: str) -> ActionThread:
    """The chain behind one action: its ideas, their root causes, its theme and what people said."""
    action = repo.get(ActionPlan, action_id)
    if action is None:
        raise DomainError("That action could not be found. It may have been removed.", "action")
    return _maps(repo, action.project_id).thread(action)


@guard(FACILITATORS)
def theme_evidence(repo: Repository, theme_id: str) -> Evidence:
    """What people said in one theme, as it stands now."""
    theme = repo.get(Theme, theme_id)
    if theme is None:
        raise DomainError("That theme could not be found. It may have been merged or removed.", "theme")
    return evidence(theme, cards(repo, theme.project_id, theme.question))


@guard(FACILITATORS)
def action_plans(repo: Repository, project_id: str) -> list[ActionPlan]:
    """Every action of the project, in the order they were made."""
    return repo.find(ActionPlan, project_id=project_id)


@guard(FACILITATORS)
def theme_actions(repo: Repository, theme_id: str) -> list[ActionPlan]:
    """The actions that came from one theme."""
    return repo.find(ActionPlan, theme_id=theme_id)


@guard(FACILITATORS)
def thread_themes(repo: Repository, project_id: str) -> list[Theme]:
    """The themes a thread can start from: those taken forward, and any other an action came from;
    themes with actions first, each group in the order the themes were made."""
    used = {a.theme_id for a in repo.find(ActionPlan, project_id=project_id)}
    themes = [t for t in repo.find(Theme, project_id=project_id) if t.chosen or t.id in used]
    return sorted(themes, key=lambda t: t.id not in used)


@dataclass(frozen=True)
class MeasureChoice:
    """A measure of the project, with the theme and success statement it belongs to (to start a thread)."""

    measure: Measure
    success: SuccessStatement
    theme: Theme | None


@guard(FACILITATORS)
def thread_measures(repo: Repository, project_id: str) -> list[MeasureChoice]:
    """The measures a thread can start from: those of this cycle's success statements, oldest first."""
    successes = {s.id: s for s in repo.find(SuccessStatement, project_id=project_id)}
    themes = {t.id: t for t in repo.find(Theme, project_id=project_id)}
    return [
        MeasureChoice(m, successes[m.success_id], themes.get(successes[m.success_id].theme_id))
        for m in repo.find(Measure, project_id=project_id)
        if m.success_id in successes
    ]


@guard(FACILITATORS)
def measure_actions(repo: Repository, measure_id: str) -> list[ActionPlan]:
    """The actions that should move one measure (the thread read from the other end)."""
    measure = repo.get(Measure, measure_id)
    if measure is None:
        raise DomainError("That measure could not be found. It may have been removed.", "measure")
    return actions_moving(measure, repo.find(ActionPlan, project_id=measure.project_id))


@dataclass(frozen=True)
class ThreadRow:
    """One line of the whole project's golden thread, in the method's order: how many people and statements
    are behind the theme, the theme, the root causes, the success statements, the measures, the ideas and
    the action with its status."""

    action: str
    status: ActionStatus
    ideas: str
    root_causes: str
    theme: str
    question: str
    statements: int
    people: int
    success: str = ""
    measures: str = ""
    missing: tuple[str, ...] = ()


@guard(FACILITATORS)
def thread_table(repo: Repository, project_id: str) -> list[ThreadRow]:
    """Every action of the project with what lies behind it and what it works towards."""
    maps = _maps(repo, project_id)
    rows = []
    for action in repo.find(ActionPlan, project_id=project_id):
        thread = maps.thread(action)
        theme = thread.theme
        rows.append(
            ThreadRow(
                action=action.title,
                status=action.status,
                ideas="; ".join(link.idea.text for link in thread.ideas),
                root_causes="; ".join(c.cause for c in thread.root_causes),
                theme=(theme.name or "Not named yet") if theme else "Theme removed",
                question=theme.question.label if theme else "",
                statements=thread.evidence.statements,
                people=thread.evidence.people,
                success="; ".join(link.success.text for link in thread.successes),
                measures="; ".join(m.description for m in thread.measures),
                missing=thread.missing,
            )
        )
    return rows
