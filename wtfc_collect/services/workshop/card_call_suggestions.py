"""Step 3, the card call: suggested groups, to help the room pre-sort many cards (the 2009 guide has two or
three people arrange initial clusters when there are more than thirty reviews).

Suggestions only. Every card not yet in a theme is in exactly one suggested group, or on its own, and is
always shown in its exact workshop words. Nothing moves until a person takes a group as a new theme; the
audit log then notes that a suggested group was used (ids and a count, never words). A name may be
proposed, but only as the words of one of the group's cards, never as new text.

How the groups are made, on this computer only: each card becomes a vector with the WordLlama "l2_supercat"
static word vectors that ship inside the ``wordllama`` package (the mean of its tokens' vectors), and
k-means (scikit-learn) puts similar vectors together. Cards that are the same words (ignoring capitals,
spaces and punctuation) are one point, so they always land together. A very short card ("ok") that no
other card repeats stays on its own rather than being forced into a group.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wtfc_collect.domain import DomainError, Question, new_id
from wtfc_collect.domain.theme import Theme, is_first_person
from wtfc_collect.quality.register import vectors
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.workshop.card_call import card_call
from wtfc_collect.services.workshop.card_call_board import Board
from wtfc_collect.storage.port import Repository

MIN_CARDS = 4  # fewer cards than this: read them out one at a time
MOST_GROUPS = 60
NAME_MOST_CHARS = 80  # a card's words offered as a theme name only when they are short enough for one
SHARED_WORDS = 4
_WORD = re.compile(r"\w+")


# --- grouping texts (no store, no roles: the command line uses it too) -----------------------------------
@dataclass(frozen=True)
class Grouping:
    """Positions of the texts given: ``groups`` (biggest first, each in the order given) and ``alone``.

    ``typical`` has, for each group, its positions from the most typical card to the least.
    """

    groups: tuple[tuple[int, ...], ...]
    alone: tuple[int, ...]
    typical: tuple[tuple[int, ...], ...]


def same_words(text: str) -> str:
    """What makes two cards the same: their words, ignoring capitals, spaces and punctuation."""
    return " ".join(_WORD.findall(text.casefold()))


def too_short(key: str) -> bool:
    """A card of fewer than two words of two letters or more ("ok", "n/a", "Nothing") says too little to
    be grouped on its own strength."""
    return sum(1 for word in key.split() if len(word) >= 2) < 2


def _model() -> tuple[Any, Any]:
    """The tokenizer and the word vectors shipped inside the wordllama package (see :mod:`vectors`)."""
    try:
        return vectors.load()
    except vectors.MissingVectors as missing:
        raise DomainError(f"Suggested groups: {missing}", "suggest") from missing


def embed(texts: Sequence[str]) -> Any:
    """One unit-length vector for each text: the mean of its tokens' word vectors."""
    import numpy as np

    tokenizer, table = _model()
    encoded = tokenizer.encode_batch(list(texts), add_special_tokens=False)
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for row, one in enumerate(encoded):
        if one.ids:
            ids = np.clip(np.asarray(one.ids), 0, table.shape[0] - 1)
            out[row] = table[ids].mean(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


def automatic_groups(cards: int) -> int:
    """How many groups to suggest when nobody says: about the square root of the number of cards
    (9 for 80 cards, 15 for 240), which keeps groups small enough to read out on a projector."""
    return max(2, min(MOST_GROUPS, round(math.sqrt(cards))))


def group_texts(
    texts: Sequence[str], groups: int | None = None, vectorise: Callable[[Sequence[str]], Any] = embed
) -> Grouping:
    """Suggest groups for ``texts``: at most ``groups`` groups (or :func:`automatic_groups`).

    Every position is in exactly one group or in ``alone``. Texts with the same words are in the same
    group. A text with no words, a very short text no other repeats, and a group that would hold one
    text only, are ``alone``. ``vectorise`` turns texts into unit-length rows (the benchmark swaps in
    TF-IDF to show what the word vectors add).
    """
    import numpy as np
    from sklearn.cluster import KMeans

    if groups is not None and groups < 1:
        raise ValueError("ask for at least one group")
    by_key: dict[str, list[int]] = {}
    alone: list[int] = []
    for position, text in enumerate(texts):
        key = same_words(text)
        if key:
            by_key.setdefault(key, []).append(position)
        else:
            alone.append(position)
    units = [members for key, members in by_key.items() if len(members) > 1 or not too_short(key)]
    alone.extend(members[0] for key, members in by_key.items() if len(members) == 1 and too_short(key))
    cards = sum(len(members) for members in units)
    wanted = min(groups or automatic_groups(cards), len(units))
    if wanted <= 1:
        labels = np.zeros(len(units), dtype=int)
        vectors = np.zeros((len(units), 1), dtype=np.float32)
        centres = np.zeros((1, 1), dtype=np.float32)
    else:
        vectors = vectorise([texts[members[0]] for members in units])
        weights = np.array([len(members) for members in units], dtype=float)
        fitted = KMeans(n_clusters=wanted, n_init=4, random_state=0).fit(vectors, sample_weight=weights)
        labels, centres = fitted.labels_, fitted.cluster_centers_
    found: dict[int, list[int]] = {}
    for unit, label in enumerate(labels):
        found.setdefault(int(label), []).append(unit)
    kept: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for label, members in found.items():
        positions = sorted(p for unit in members for p in units[unit])
        if len(positions) == 1:
            alone.append(positions[0])
            continue
        closeness = vectors[members] @ centres[label]
        by_closeness = [units[members[i]] for i in np.argsort(-closeness, kind="stable")]
        kept.append((tuple(positions), tuple(p for unit in by_closeness for p in unit)))
    kept.sort(key=lambda group: (-len(group[0]), group[0][0]))
    return Grouping(
        groups=tuple(g for g, _ in kept), alone=tuple(sorted(alone)), typical=tuple(t for _, t in kept)
    )


def name_from_cards(texts: Sequence[str]) -> str | None:
    """The words of the first card (most typical first) that would do as a theme name: an "I" statement
    short enough to read as one. None when no card would: the room finds the words."""
    for text in texts:
        words = " ".join(text.split())
        if words and len(words) <= NAME_MOST_CHARS and is_first_person(words):
            return words
    return None


def shared_words(texts: Sequence[str]) -> tuple[str, ...]:
    """Words that two or more of the cards use (small words such as "the" or "very" left out), most used
    first, in small letters."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    counts: Counter[str] = Counter()
    for text in texts:
        words = _WORD.findall(text.casefold())
        counts.update({w for w in words if len(w) > 2 and w not in ENGLISH_STOP_WORDS})
    return tuple(word for word, count in counts.most_common() if count >= 2)[:SHARED_WORDS]


# --- use cases ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SuggestedGroup:
    """Cards that seem to say something alike, by statement id in reading order."""

    statement_ids: tuple[str, ...]
    name: str | None  # the words of one of the cards, offered as a name; None if no card would do
    shared_words: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    question: Question
    groups: tuple[SuggestedGroup, ...]
    alone: tuple[str, ...]  # statement ids of cards left on their own


@guard(FACILITATORS)
def suggest_groups(
    repo: Repository, project_id: str, question: Question, groups: int | None = None
) -> Suggestion:
    """Suggested groups for the cards of ``question`` that are not in a theme yet (still to read out, or
    parked). Nothing is saved: the room decides what to do with each group."""
    view = card_call(repo, project_id, question)
    if view.call.finished:
        raise DomainError("The card call for this question is finished. Reopen it to group cards.", "suggest")
    cards = [*view.waiting, *view.parked]
    if len(cards) < MIN_CARDS:
        count = "No card is" if not cards else "1 card is" if len(cards) == 1 else f"{len(cards)} cards are"
        raise DomainError(
            f"{count} still to place: there is nothing to group. Read them out one at a time.", "suggest"
        )
    texts = [card.text for card in cards]
    grouping = group_texts(texts, groups)
    made = tuple(
        SuggestedGroup(
            statement_ids=tuple(cards[p].statement_id for p in group),
            name=name_from_cards([texts[p] for p in typical]),
            shared_words=shared_words([texts[p] for p in group]),
        )
        for group, typical in zip(grouping.groups, grouping.typical, strict=True)
    )
    return Suggestion(question, made, tuple(cards[p].statement_id for p in grouping.alone))


@guard(FACILITATORS)
def take_suggested_group(
    repo: Repository,
    project_id: str,
    question: Question,
    statement_ids: Sequence[str],
    name: str | None = None,
    *,
    actor: str,
    now: datetime,
) -> Theme:
    """Start a new theme with the cards of a suggested group (or the ones the room kept of it), all in one
    move that "undo" takes back at once. The audit log notes that a suggested group was used."""
    moving = list(dict.fromkeys(statement_ids))
    if not moving:
        raise DomainError("Choose the cards to take into the new theme.", "take")
    board = Board(repo, project_id, question)
    board.require_open()
    placed = {sid for theme in board.themes.values() for sid in theme.statement_ids}
    for statement_id in moving:
        board.require_card(statement_id)
        if statement_id in placed:
            raise DomainError(
                "Some of these cards are in a theme already. Ask for suggested groups again.", "take"
            )
    theme, batch = board.new_theme((name or "").strip() or None, now), new_id()
    for statement_id in moving:
        board.move(statement_id, theme, park=False, now=now, batch=batch)
    cards = "1 card" if len(moving) == 1 else f"{len(moving)} cards"
    board.save(actor=actor, now=now, reason=f"suggested group used: {cards} into new theme {theme.id}")
    return board.saved[theme.id].seen_with(board.cards)
