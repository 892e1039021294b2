"""The same words in different people's reviews: a sign that a reviewer copied a sentence across.

Two statements are the same when their words match ignoring case and punctuation, and nearly the same
when both have at least 5 words, their sets of distinct words differ by at most one word (added, removed
or changed), and they share at least 90 % of them (Jaccard similarity >= 0.9). So a changed word counts
from about 18 words up, an added one from 9, a different word order always. Only statements from
*different* people count: a person may repeat themselves. Empty
answers ("nothing", "n/a") are left out: they have their own flag, and are not copying.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from .models import DuplicateGroup
from .patterns import vague
from .text import fold, words

NEAR = 0.9
NEAR_MIN_WORDS = 5
NEAR_MAX_WORDS = 60  # longer texts (rare) only match with exactly the same words: keeps the index small
# An exact copy of a short statement is strong evidence only when it is in this many people's reviews:
# two people may well say "I want a girlfriend".
SHORT_STRONG_PEOPLE = 3

Item = tuple[str, str, str]  # (statement_id, text, person_key)


def normalise(text: str) -> str:
    """The words of a statement, lower case, no punctuation: the key for exact copies."""
    return " ".join(w.replace("'", "") for w in words(fold(text)))


class _Groups:
    """Union-find over statement positions."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _join_near(token_sets: Sequence[frozenset[str]], groups: _Groups, reps: Sequence[int]) -> None:
    """Join statements whose word sets differ by at most one word (added, removed or changed) and still
    have a Jaccard similarity of at least NEAR.

    Each word set is filed under itself and under itself less each one word; two sets within one word
    of each other share a key. Within a key the similarity follows from the sizes alone, so no pair of
    statements is ever compared one by one: the time grows with the number of words, not its square.
    """
    # One word less only reaches NEAR from 10 words up (9/10): shorter sets are filed under themselves.
    shortest = next(n for n in range(2, 100) if (n - 1) / n >= NEAR)
    index: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, tokens in enumerate(token_sets):
        if len(tokens) >= NEAR_MIN_WORDS:
            index[tokens].append(i)
        if shortest <= len(tokens) <= NEAR_MAX_WORDS:
            for token in tokens:
                index[tokens - {token}].append(i)
    for key, members in index.items():
        if len(members) < 2:
            continue
        size = len(key)
        same = [i for i in members if len(token_sets[i]) == size]  # the key itself: one word fewer
        more = [i for i in members if len(token_sets[i]) > size]  # the key and one more word each
        for i in same[1:]:  # the same words in another order
            groups.join(reps[same[0]], reps[i])
        if same and size / (size + 1) >= NEAR:  # one word added or removed
            for i in more:
                groups.join(reps[same[0]], reps[i])
        if len(more) > 1 and size / (size + 2) >= NEAR:  # one word changed
            for i in more[1:]:
                groups.join(reps[more[0]], reps[i])


def duplicate_groups(items: Sequence[Item]) -> list[DuplicateGroup]:
    """Groups of statements with the same or nearly the same words from two or more different people.

    ``items`` are (statement_id, text, person_key). Groups come in the order of their first statement.
    """
    keys = [normalise(text) for _, text, _ in items]
    usable = [bool(key) and not vague(text, fold(text))
              for (_, text, _), key in zip(items, keys, strict=True)]
    groups = _Groups(len(items))
    first_with_key: dict[str, int] = {}
    for i, key in enumerate(keys):
        if usable[i]:
            groups.join(first_with_key.setdefault(key, i), i)
    # Near copies, over one statement per distinct text.
    reps = list(first_with_key.values())
    _join_near([frozenset(keys[i].split()) for i in reps], groups, reps)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        if usable[i]:
            members[groups.find(i)].append(i)
    found: list[DuplicateGroup] = []
    for root in sorted(members):
        indexes = members[root]
        people = sorted({items[i][2] for i in indexes})
        if len(people) < 2:
            continue
        exact = len({keys[i] for i in indexes}) == 1
        longest = max(len(keys[i].split()) for i in indexes)
        found.append(DuplicateGroup(
            text=items[root][1],
            statement_ids=tuple(items[i][0] for i in indexes),
            person_keys=tuple(people),
            exact=exact,
            strong=longest >= NEAR_MIN_WORDS or len(people) >= SHORT_STRONG_PEOPLE,
        ))
    return found


def count_by(groups: Iterable[DuplicateGroup], label_of: Mapping[str, str]) -> dict[str, int]:
    """How many copied statements each team (or reviewer) has: ``label_of`` maps statement id to label.

    Statements whose id is not in ``label_of`` are not counted.
    """
    counts: Counter[str] = Counter()
    for group in groups:
        for statement_id in group.statement_ids:
            if statement_id in label_of:
                counts[label_of[statement_id]] += 1
    return dict(counts)
