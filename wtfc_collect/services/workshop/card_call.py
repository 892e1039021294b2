"""Step 3, the card call: one card at a time into themes named as "I" statements; park, merge, split, undo.

Themes and the card call store statement ids only, never words. What a theme shows is worked out every time
it is read (``themes``), from the statements that may still reach a workshop: when a review is withdrawn, or
a statement is taken back at the check, its card leaves every theme, the card call and every count at once,
and comes back if the statement is accepted again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from wtfc_collect.domain import AuditAction, DomainError, Question, new_id
from wtfc_collect.domain.theme import ORDER, Card, CardCall, CardMove, Theme
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.common import change, record_audit, words_checked
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.services.workshop.card_call_board import Board, call_record, stored_call
from wtfc_collect.services.workshop.themes import ThemeView, cards, get_theme, stored_themes, view_of
from wtfc_collect.storage.port import Repository


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


# --- where it stands ------------------------------------------------------------------------------------
@guard(FACILITATORS)
def card_call_record(repo: Repository, project_id: str, question: Question) -> CardCall:
    """The card call record for one question; a new, unsaved one if it has not started yet."""
    return call_record(repo, project_id, question)


@guard(FACILITATORS)
def card_call(repo: Repository, project_id: str, question: Question) -> CardCallView:
    """The card call for one question as it stands now."""
    get_project(repo, project_id)
    usable = cards(repo, project_id, question)
    call = call_record(repo, project_id, question)
    themes = tuple(view_of(theme, usable) for theme in stored_themes(repo, project_id, question))
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
        call = stored_call(repo, project_id, question)
        if call is None or not call.finished:
            return question
    return ORDER[0]


# --- moving cards ---------------------------------------------------------------------------------------
@guard(FACILITATORS)
def place_card(
    repo: Repository,
    project_id: str,
    question: Question,
    statement_id: str,
    theme_id: str,
    *,
    actor: str,
    now: datetime,
) -> CardCall:
    """Put a card into an existing theme (from the pile, the parked cards or another theme)."""
    board = Board(repo, project_id, question)
    board.require_open()
    board.require_card(statement_id)
    target = board.theme(theme_id)
    if statement_id in target.statement_ids:
        raise DomainError("That card is in this theme already.", "theme")
    board.move(statement_id, target, park=False, now=now)
    return board.save(actor=actor, now=now, reason=f"card {statement_id} into theme {theme_id}")


@guard(FACILITATORS)
def start_theme(
    repo: Repository,
    project_id: str,
    question: Question,
    statement_id: str,
    name: str | None = None,
    *,
    actor: str,
    now: datetime,
) -> Theme:
    """Start a new theme with this card. A name may come now or later; when given it is an "I" statement."""
    board = Board(repo, project_id, question)
    board.require_open()
    board.require_card(statement_id)
    theme = board.new_theme((name or "").strip() or None, now)
    board.move(statement_id, theme, park=False, now=now)
    board.save(actor=actor, now=now, reason=f"card {statement_id} into new theme {theme.id}")
    return board.saved[theme.id].seen_with(board.cards)


@guard(FACILITATORS)
def park_card(
    repo: Repository, project_id: str, question: Question, statement_id: str, *, actor: str, now: datetime
) -> CardCall:
    """Put a card to one side until the themes are clearer."""
    board = Board(repo, project_id, question)
    board.require_open()
    board.require_card(statement_id)
    if statement_id in board.call.parked_statement_ids:
        raise DomainError("That card is parked already.", "card")
    board.move(statement_id, None, park=True, now=now)
    return board.save(actor=actor, now=now, reason=f"card {statement_id} parked")


@guard(FACILITATORS)
def unpark_card(
    repo: Repository, project_id: str, question: Question, statement_id: str, *, actor: str, now: datetime
) -> CardCall:
    """Put a parked card back on the pile of cards to place."""
    board = Board(repo, project_id, question)
    board.require_open()
    if statement_id not in board.call.parked_statement_ids:
        raise DomainError("That card is not parked.", "card")
    board.move(statement_id, None, park=False, now=now)
    return board.save(actor=actor, now=now, reason=f"card {statement_id} back to the pile")


@guard(FACILITATORS)
def undo_last_move(
    repo: Repository, project_id: str, question: Question, *, actor: str, now: datetime
) -> list[CardMove]:
    """Put back the last move (all the cards of a merge or a split at once). Returns the moves undone."""
    board = Board(repo, project_id, question)
    board.require_open()
    moves = board.call.last_moves()
    if not moves:
        raise DomainError("There is no move to undo yet.", "undo")
    for move in moves:  # the cards of one batch are all different: putting them back in order keeps it
        board.undo(move)
    board.call.moves = board.call.moves[: -len(moves)]
    board.save(actor=actor, now=now, reason=f"undid {len(moves)} card move(s)")
    return moves


@guard(FACILITATORS)
def record_card_call(
    repo: Repository,
    project_id: str,
    question: Question,
    themes: Mapping[str, Sequence[str]],
    parked: Sequence[str] = (),
    *,
    actor: str,
    now: datetime,
) -> CardCallView:
    """Record many moves at once, as done on the wall: cards by theme name, and cards parked.

    A name already used for a theme of this question adds to that theme. Each card is one move, so undo
    still takes them back one at a time. Nothing is saved if any name or card is refused.
    """
    board = Board(repo, project_id, question)
    board.require_open()
    before = len(board.call.moves)
    by_name = {(t.name or "").casefold(): t for t in board.themes.values() if t.name}
    for name, statement_ids in themes.items():
        if not statement_ids:
            continue
        theme = by_name.get(name.strip().casefold()) or board.new_theme(name, now)
        by_name[(theme.name or "").casefold()] = theme
        for statement_id in statement_ids:
            board.require_card(statement_id)
            if statement_id not in theme.statement_ids:
                board.move(statement_id, theme, park=False, now=now)
    for statement_id in parked:
        board.require_card(statement_id)
        if statement_id not in board.call.parked_statement_ids:
            board.move(statement_id, None, park=True, now=now)
    board.save(actor=actor, now=now, reason=f"{len(board.call.moves) - before} card moves recorded at once")
    return card_call(repo, project_id, question)


# --- shaping themes ------------------------------------------------------------------------------------
@guard(FACILITATORS)
def rename_theme(repo: Repository, theme_id: str, name: str, *, actor: str, now: datetime) -> Theme:
    """Name a theme as the people would say it: a short "I" statement."""

    def apply(theme: Theme) -> None:
        with words_checked("name"):
            theme.name = name

    saved = change(repo, Theme, theme_id, apply)
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="theme renamed")
    return get_theme(repo, saved.id).theme


def _theme_of(repo: Repository, theme_id: str) -> Theme:
    theme = repo.get(Theme, theme_id)
    if theme is None:
        raise DomainError("That theme no longer exists. It may have been merged into another.", "theme")
    return theme


@guard(FACILITATORS)
def merge_themes(repo: Repository, keep_id: str, absorb_id: str, *, actor: str, now: datetime) -> Theme:
    """Move every card of one theme into another; the emptied theme goes. Undo brings it back."""
    if keep_id == absorb_id:
        raise DomainError("Choose two different themes to merge.", "merge")
    keep = _theme_of(repo, keep_id)
    absorb = _theme_of(repo, absorb_id)
    if (absorb.project_id, absorb.question) != (keep.project_id, keep.question):
        raise DomainError("Only themes of the same question can be merged.", "merge")
    board = Board(repo, keep.project_id, keep.question)
    board.require_open()
    target, batch = board.theme(keep_id), new_id()
    for statement_id in list(board.theme(absorb_id).statement_ids):
        board.move(statement_id, target, park=False, now=now, batch=batch)
    board.save(actor=actor, now=now, reason=f"theme {absorb_id} merged into {keep_id}")
    return board.saved[keep_id].seen_with(board.cards)


@guard(FACILITATORS)
def split_theme(
    repo: Repository,
    theme_id: str,
    statement_ids: Iterable[str],
    name: str | None = None,
    *,
    actor: str,
    now: datetime,
) -> Theme:
    """Move the chosen cards out of a theme into a new theme of their own."""
    view = get_theme(repo, theme_id)
    moving = list(dict.fromkeys(statement_ids))
    if not moving:
        raise DomainError("Choose the cards to move into the new theme.", "split")
    if any(sid not in view.theme.statement_ids for sid in moving):
        raise DomainError("Choose only cards that are in this theme.", "split")
    if len(moving) == view.statements:
        raise DomainError("Leave at least one card in this theme, or rename it instead.", "split")
    board = Board(repo, view.theme.project_id, view.theme.question)
    board.require_open()
    new, batch = board.new_theme((name or "").strip() or None, now), new_id()
    for statement_id in moving:
        board.move(statement_id, new, park=False, now=now, batch=batch)
    board.save(actor=actor, now=now, reason=f"{len(moving)} card(s) split from {theme_id} into {new.id}")
    return board.saved[new.id].seen_with(board.cards)


def _cards(count: int) -> str:
    return "1 card" if count == 1 else f"{count} cards"


# --- finishing -------------------------------------------------------------------------------------------
@guard(FACILITATORS)
def finish_card_call(
    repo: Repository, project_id: str, question: Question, *, actor: str, now: datetime
) -> CardCall:
    """Close the card call for a question: every card is in a theme and every theme has a name."""
    view = card_call(repo, project_id, question)
    if view.waiting:
        raise DomainError(f"{_cards(len(view.waiting))} still to place. A theme of one card is fine.")
    if view.parked:
        raise DomainError(f"Parked: {_cards(len(view.parked))}. Put each in a theme before finishing.")
    unnamed = sum(1 for t in view.themes if t.theme.name is None and t.cards)
    if unnamed:
        themes = "1 theme has" if unnamed == 1 else f"{unnamed} themes have"
        raise DomainError(f'{themes} no name yet. Give each a short "I" statement.')
    board = Board(repo, project_id, question)
    board.call.finished = True
    return board.save(actor=actor, now=now, reason=f"card call finished: {question.value}")


@guard(FACILITATORS)
def reopen_card_call(
    repo: Repository, project_id: str, question: Question, *, actor: str, now: datetime
) -> CardCall:
    board = Board(repo, project_id, question)
    if not board.call.finished:
        raise DomainError("The card call for this question is still open.")
    board.call.finished = False
    return board.save(actor=actor, now=now, reason=f"card call reopened: {question.value}")
