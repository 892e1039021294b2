"""The card call's board: the stored themes and card call of one question, changed together and saved
together, so a move, a merge or a split is all or nothing and each move can be undone (used by ``card_call``).
"""

from __future__ import annotations

from datetime import datetime

from wtfc_collect.domain import AuditAction, DomainError, Question, new_id, utc
from wtfc_collect.domain.theme import CardCall, CardMove, Theme
from wtfc_collect.services.common import build, record_audit
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.services.workshop.themes import cards, stored_themes
from wtfc_collect.storage.port import Repository


def stored_call(repo: Repository, project_id: str, question: Question) -> CardCall | None:
    found = repo.find(CardCall, project_id=project_id, question=question.value)
    return found[0] if found else None


def call_record(repo: Repository, project_id: str, question: Question) -> CardCall:
    """The card call record for one question; a new, unsaved one if it has not started yet."""
    return stored_call(repo, project_id, question) or CardCall(
        id=new_id(), project_id=project_id, question=question
    )


class Board:
    """The stored themes and card call of one question, changed together and saved together."""

    def __init__(self, repo: Repository, project_id: str, question: Question) -> None:
        get_project(repo, project_id)
        self.repo, self.project_id, self.question = repo, project_id, question
        self.call = call_record(repo, project_id, question)
        self.themes = {t.id: t for t in stored_themes(repo, project_id, question)}
        self.stored = {t.id: t.model_copy(deep=True) for t in self.themes.values()}
        self.removed: dict[str, Theme] = {}
        self.saved: dict[str, Theme] = {}
        self.cards = cards(repo, project_id, question)

    def require_card(self, statement_id: str) -> None:
        if statement_id not in self.cards:
            raise DomainError(
                "That card is no longer in the workshop: the review may have been withdrawn. "
                "Take the next one.",
                "card",
            )

    def require_open(self) -> None:
        if self.call.finished:
            raise DomainError("The card call for this question is finished. Reopen it to move cards.")

    def theme(self, theme_id: str) -> Theme:
        theme = self.themes.get(theme_id)
        if theme is None:
            raise DomainError("That theme is not in this card call any more. Choose another.", "theme")
        return theme

    def new_theme(self, name: str | None, now: datetime, theme_id: str | None = None) -> Theme:
        if theme_id in self.removed:
            theme = self.removed.pop(theme_id)
        else:
            theme = build(  # a name that is not an "I" statement is refused here, before anything moves
                Theme,
                {
                    "id": theme_id or new_id(),
                    "project_id": self.project_id,
                    "question": self.question,
                    "name": name,
                    "created_at": utc(now),
                },
            )
        self.themes[theme.id] = theme
        return theme

    def _take_out(self, statement_id: str, *, undoing: bool = False) -> tuple[Theme | None, bool]:
        """Lift a card from wherever it is. Returns the theme it was in (or None) and if it was parked."""
        if statement_id in self.call.parked_statement_ids:
            self.call.parked_statement_ids = [s for s in self.call.parked_statement_ids if s != statement_id]
            return None, True
        for theme in self.themes.values():
            if statement_id in theme.statement_ids:
                if theme.chosen and theme.statement_ids == [statement_id] and not undoing:
                    raise DomainError(
                        "This theme was taken forward as a priority, so its last card cannot leave it."
                    )
                theme.statement_ids = [s for s in theme.statement_ids if s != statement_id]
                if not theme.statement_ids and not theme.chosen:
                    self.removed[theme.id] = self.themes.pop(theme.id)
                return theme, False
        return None, False

    def move(
        self, statement_id: str, to: Theme | None, *, park: bool, now: datetime, batch: str | None = None
    ) -> None:
        source, parked = self._take_out(statement_id)
        if to is not None and to.id in self.removed:  # the only card of a theme, put back in it
            to = self.new_theme(None, now, to.id)
        if to is not None:
            to.statement_ids = [*to.statement_ids, statement_id]
        elif park:
            self.call.parked_statement_ids = [*self.call.parked_statement_ids, statement_id]
        self.call.moves = [
            *self.call.moves,
            CardMove(
                statement_id=statement_id,
                from_theme_id=source.id if source else None,
                from_parked=parked,
                from_theme_name=source.name if source else None,
                to_theme_id=to.id if to else None,
                to_parked=park and to is None,
                at=utc(now),
                batch_id=batch,
            ),
        ]

    def undo(self, move: CardMove) -> None:
        self._take_out(move.statement_id, undoing=True)
        if move.from_theme_id is not None:
            home = self.themes.get(move.from_theme_id) or self.new_theme(
                move.from_theme_name, move.at, move.from_theme_id
            )
            home.statement_ids = [*home.statement_ids, move.statement_id]
        elif move.from_parked:
            self.call.parked_statement_ids = [*self.call.parked_statement_ids, move.statement_id]

    def save(self, *, actor: str, now: datetime, reason: str) -> CardCall:
        for theme_id in self.removed:
            if theme_id in self.stored:
                self.repo.delete(Theme, theme_id)
        for theme in self.themes.values():
            if theme != self.stored.get(theme.id):
                self.saved[theme.id] = self.repo.save(theme)
        saved = self.repo.save(self.call)
        record_audit(self.repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason=reason)
        return saved
