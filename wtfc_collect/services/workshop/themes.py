"""The wall of the card call: the cards that may be shown, themes as they are seen now, and the board
that moves cards between themes, the parking place and the pile (used by ``theming``).

Themes and the card call store statement ids only, never words. What a theme shows is worked out every
time it is read, from the statements that may still reach a workshop (``triage.workshop_statements``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wtfc_collect.domain import AuditAction, DomainError, Question, new_id, utc
from wtfc_collect.domain.theme import CardCall, CardMove, Theme
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.checkpoint.check_statements import workshop_statements
from wtfc_collect.services.common import build, record_audit
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.storage.port import Repository

ORDER = (Question.WORKING, Question.NOT_WORKING, Question.FUTURE)  # the guide starts with what is working


@dataclass(frozen=True)
class Card:
    """One statement as a workshop card: its workshop copy, and whose review it came from."""

    statement_id: str
    review_id: str
    text: str


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


@dataclass(frozen=True)
class CardCallView:
    """Where the card call for one question stands: themes, parked cards and the cards still to place."""

    call: CardCall
    themes: tuple[ThemeView, ...]
    parked: tuple[Card, ...]
    waiting: tuple[Card, ...]  # in reading order; the first is the card to read out now

    @property
    def current(self) -> Card | None:
        return self.waiting[0] if self.waiting else None

    @property
    def placed(self) -> int:
        return sum(view.statements for view in self.themes)

    @property
    def total(self) -> int:
        return self.placed + len(self.parked) + len(self.waiting)


# --- reading ------------------------------------------------------------------------------------------
@guard(FACILITATORS)
def cards(repo: Repository, project_id: str, question: Question) -> dict[str, Card]:
    """The cards that may be shown for one question, by statement id, in reading order."""
    return {
        s.id: Card(s.id, review.id, s.card_text)
        for review, s in workshop_statements(repo, project_id, question)
    }


def _stored_call(repo: Repository, project_id: str, question: Question) -> CardCall | None:
    found = repo.find(CardCall, project_id=project_id, question=question.value)
    return found[0] if found else None


@guard(FACILITATORS)
def card_call_record(repo: Repository, project_id: str, question: Question) -> CardCall:
    """The card call record for one question; a new, unsaved one if it has not started yet."""
    return _stored_call(repo, project_id, question) or CardCall(
        id=new_id(), project_id=project_id, question=question
    )


def _stored_themes(repo: Repository, project_id: str, question: Question | None) -> list[Theme]:
    where: dict[str, str] = {"project_id": project_id}
    if question is not None:
        where["question"] = question.value
    themes = repo.find(Theme, **where)
    return sorted(themes, key=lambda t: (ORDER.index(t.question), t.created_at))


def _view(theme: Theme, usable: dict[str, Card]) -> ThemeView:
    shown = theme.seen_with(usable)
    return ThemeView(shown, tuple(usable[sid] for sid in shown.statement_ids))


@guard(FACILITATORS)
def list_themes(repo: Repository, project_id: str, question: Question | None = None) -> list[ThemeView]:
    """The themes of a project (or of one question), each with only the cards that may still be shown.

    Every part of the workshop should read themes through this, so withdrawn words never reappear.
    """
    usable: dict[str, Card] = {}
    for q in [question] if question else list(Question):
        usable |= cards(repo, project_id, q)
    return [_view(theme, usable) for theme in _stored_themes(repo, project_id, question)]


@guard(FACILITATORS)
def get_theme(repo: Repository, theme_id: str) -> ThemeView:
    theme = repo.get(Theme, theme_id)
    if theme is None:
        raise DomainError("That theme no longer exists. It may have been merged into another.", "theme")
    return _view(theme, cards(repo, theme.project_id, theme.question))


@guard(FACILITATORS)
def card_call(repo: Repository, project_id: str, question: Question) -> CardCallView:
    """The card call for one question as it stands now."""
    get_project(repo, project_id)
    usable = cards(repo, project_id, question)
    call = card_call_record(repo, project_id, question)
    themes = tuple(_view(theme, usable) for theme in _stored_themes(repo, project_id, question))
    placed = {sid for view in themes for sid in view.theme.statement_ids}
    parked = tuple(usable[sid] for sid in call.parked_statement_ids if sid in usable)
    waiting = tuple(
        card for sid, card in usable.items() if sid not in placed and sid not in call.parked_statement_ids
    )
    return CardCallView(call, themes, parked, waiting)


@guard(FACILITATORS)
def question_to_start(repo: Repository, project_id: str) -> Question:
    """The first question (in the guide's order) whose card call is not finished yet."""
    for question in ORDER:
        call = _stored_call(repo, project_id, question)
        if call is None or not call.finished:
            return question
    return ORDER[0]


# --- the board -------------------------------------------------------------------------------------------
class Board:
    """The stored themes and card call of one question, changed together and saved together."""

    def __init__(self, repo: Repository, project_id: str, question: Question) -> None:
        get_project(repo, project_id)
        self.repo, self.project_id, self.question = repo, project_id, question
        self.call = card_call_record(repo, project_id, question)
        self.themes = {t.id: t for t in _stored_themes(repo, project_id, question)}
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
