"""Themes as the workshop sees them (Steps 3 to 8): the cards that may be shown now, and each theme with the
cards it holds now.

Themes store statement ids only, never words. What a theme shows is worked out every time it is read, from
the statements that may still reach a workshop (``check_statements.workshop_statements``): every step of the
workshop reads themes through this module, so words from a withdrawn review never reappear.
"""

from __future__ import annotations

from dataclasses import dataclass

from wtfc_collect.domain import DomainError, Question
from wtfc_collect.domain.theme import ORDER, Card, Theme
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.checkpoint.check_statements import workshop_statements
from wtfc_collect.storage.port import Repository


@dataclass(frozen=True)
class ThemeView:
    """A theme with the cards it holds now. Its size counts statements and the different people."""

    theme: Theme
    cards: tuple[Card, ...]

    @property
    def statements(self) -> int:
        return len(self.cards)

    @property
    def people(self) -> int:
        return len({card.review_id for card in self.cards})


@guard(FACILITATORS)
def cards(repo: Repository, project_id: str, question: Question | None = None) -> dict[str, Card]:
    """The cards that may be shown now (of one question, or all), by statement id, in reading order."""
    return {
        s.id: Card(s.id, review.id, s.question, s.card_text, review.area, review.group)
        for review, s in workshop_statements(repo, project_id, question)
    }


def stored_themes(repo: Repository, project_id: str, question: Question | None = None) -> list[Theme]:
    """The themes of this cycle's card call as stored (every statement id they were given), in card-call
    order, oldest first. The last cycle's priorities carried in as a baseline are not among them."""
    where: dict[str, str] = {"project_id": project_id}
    if question is not None:
        where["question"] = question.value
    themes = [theme for theme in repo.find(Theme, **where) if theme.carried_from is None]
    return sorted(themes, key=lambda t: (ORDER.index(t.question), t.created_at))


def view_of(theme: Theme, usable: dict[str, Card]) -> ThemeView:
    """``theme`` with only the cards in ``usable`` (those that may still be shown)."""
    shown = theme.seen_with(usable)
    return ThemeView(shown, tuple(usable[sid] for sid in shown.statement_ids))


@guard(FACILITATORS)
def list_themes(repo: Repository, project_id: str, question: Question | None = None) -> list[ThemeView]:
    """The themes of a project (or of one question), each with only the cards that may still be shown."""
    usable = cards(repo, project_id, question)
    return [view_of(theme, usable) for theme in stored_themes(repo, project_id, question)]


@guard(FACILITATORS)
def get_theme(repo: Repository, theme_id: str) -> ThemeView:
    theme = repo.get(Theme, theme_id)
    if theme is None:
        raise DomainError("That theme no longer exists. It may have been merged into another.", "theme")
    return view_of(theme, cards(repo, theme.project_id, theme.question))
