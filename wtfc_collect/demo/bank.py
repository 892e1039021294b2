"""The demo's statement bank, and the dealer that hands its statements out to the demo's reviews.

The bank (``statements.toml``, beside this module) has about 180 good statements and 30 flawed ones
(jargon, third person, service) per question. The dealer never deals a statement again while an unused
one fits, so a demo of up to about 60 reviews gives no statement to two people, apart from the sentence a
reviewer deliberately pastes and vague answers ("fine"), which the checker does not count as copies.

Larger demos need statements again. A good statement then gets a new wording (another day, relative or
friend word, or a short spoken ending such as "more than anything"), chosen so that the quality checker
does not count the wordings as copies of each other. Most statements have 7 wordings, some up to 24, so
demos of up to about 500 reviews have almost no copied good statements, and much larger ones (benchmarks
use up to 10,000 reviews) repeat many. Flawed statements are never reworded (their exact text is how tests
and benchmarks recognise them), so they repeat from about 60 reviews, as a poor reviewer's stock phrases do.
"""

from __future__ import annotations

import random
import re
import sys
import tomllib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import zip_longest

from wtfc_collect.domain import Question
from wtfc_collect.quality import normalise
from wtfc_collect.quality.duplicates import NEAR

BANK_FILE = "statements.toml"
FLAW_KINDS = ("jargon", "third_person", "service", "vague", "duplicate", "personal_data")
# Whose life a good statement comes from: the three groups, any of them, or a family carer's own.
BANK_GROUPS = (
    "older_people",
    "learning_disability",
    "mental_health",
    "anyone",
    "carer_older",
    "carer_younger",
)
# Poor practice: which problems a reviewer who leads rather than supports the review tends to write.
POOR_KIND_WEIGHTS = {"jargon": 3.0, "third_person": 3.0, "service": 3.0, "vague": 1.5, "personal_data": 0.5}
# Good practice still meets the odd vague answer or a name that has to come out before the workshop.
BACKGROUND_KIND_WEIGHTS = {"vague": 5.0, "personal_data": 1.0}
# Each piece of personal data is used once only: one phone number in two reviews would look copied.
ONCE_ONLY = frozenset({"personal_data"})
# Vague answers ("ok", "fine") may repeat: the checker does not count them as copies.
REPEATABLE = frozenset({"vague"})
# How often a group takes a statement anyone could make, against one of its own: "anyone" serves three.
SHARED_WEIGHT = 1 / 3


@dataclass(frozen=True)
class BankEntry:
    """One statement in the demo bank. ``flaw`` is None for a good statement."""

    question: Question | None  # None: a vague answer that fits any question
    text: str
    group: str = ""  # one of BANK_GROUPS; "" when flawed
    flaw: str | None = None
    why: str = ""


@cache
def load_bank() -> tuple[BankEntry, ...]:
    """Every statement in the bank, good and flawed, checked for mistakes in the data file."""
    raw = tomllib.loads(
        resources.files(__package__ or "wtfc_collect.demo").joinpath(BANK_FILE).read_text(encoding="utf-8")
    )
    entries: list[BankEntry] = []
    for question in Question:
        for group, texts in raw[question.value].items():
            if group not in BANK_GROUPS:
                raise ValueError(f"{BANK_FILE}: unknown group {group!r} under {question.value}")
            entries += [BankEntry(question, text, group) for text in texts]
    for item in raw["flawed"]:
        if item["flaw"] not in FLAW_KINDS:
            raise ValueError(f"{BANK_FILE}: unknown flaw {item['flaw']!r} for {item['text']!r}")
        asked = None if item["question"] == "any" else Question(item["question"])
        entries.append(BankEntry(asked, item["text"], "", item["flaw"], item.get("why", "")))
    keys = [normalise(e.text) for e in entries]
    if len(keys) != len(set(keys)):
        raise ValueError(f"{BANK_FILE}: a statement is listed twice")
    for kind in POOR_KIND_WEIGHTS:
        for question in Question:
            if not _flawed(entries, question, kind):
                raise ValueError(f"{BANK_FILE}: no {kind} statement for {question.value}")
    return tuple(entries)


def _flawed(entries: Sequence[BankEntry], question: Question, kind: str) -> list[BankEntry]:
    return [e for e in entries if e.flaw == kind and e.question in (question, None)]


def demo_flaws() -> dict[str, list[str]]:
    """The deliberately flawed statements by kind of problem, for the quality checker's tests."""
    flaws: dict[str, list[str]] = {kind: [] for kind in FLAW_KINDS}
    for entry in load_bank():
        if entry.flaw:
            flaws[entry.flaw].append(entry.text)
    return flaws


def copied_sentence() -> str:
    """The sentence one reviewer pasted into several people's reviews."""
    return demo_flaws()["duplicate"][0]


# --- new wordings for a statement dealt again ---------------------------------------------------------------
def _ring(*words: str) -> dict[str, tuple[str, ...]]:
    return {word: tuple(other for other in words if other != word) for word in words}


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Not May: it is a word as well as a month.
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# One word for another that keeps the sentence true to life. Lower-case words match a capital too.
SWAPS: dict[str, tuple[str, ...]] = {
    **_ring(*_DAYS),
    **_ring(*(f"{day}s" for day in _DAYS)),
    **_ring(*_MONTHS),
    **_ring("mornings", "afternoons"),
    **_ring("friend", "mate", "pal"),
    **_ring("friends", "mates", "pals"),
    **_ring("weeks", "months"),
    **_ring("frightened", "scared"),
    "two": ("three",),
    "three": ("four",),
    "seven": ("eight",),
    "eight": ("nine",),
    "mum": ("nan", "auntie"),
    "dad": ("grandad", "uncle"),
    "son": ("nephew", "grandson"),
    "daughter": ("niece", "granddaughter"),
    "brother": ("cousin",),
    "sister": ("cousin",),
    "staff": ("workers",),
    "doctor": ("nurse",),
    "telly": ("TV",),
    "lovely": ("smashing",),
    "proper": ("real",),
    "brew": ("cuppa",),
    "summer": ("spring",),
    "Christmas": ("Easter",),
    "seaside": ("coast",),
}
_SWAP_WORD = re.compile(
    r"\b(?:" + "|".join(sorted({w[:1].upper() + w[1:] for w in SWAPS} | set(SWAPS))) + r")\b"
)
# The same statement with a short spoken ending, as people add when they talk.
ENDINGS = {
    Question.WORKING: (
        "{}, that really matters to me",
        "{} - that's a big one for me",
        "{}, it makes a real difference",
        "{} - I wouldn't want to lose that",
        "{}, that's what keeps me going",
        "{}, and that means a lot",
    ),
    Question.NOT_WORKING: (
        "{}, that really gets to me",
        "{} - that's the worst of it",
        "{}, and it gets me down",
        "{} - it's been like that for ages",
        "{}, I'm fed up with it",
        "{}, and it's not right",
    ),
    Question.FUTURE: (
        "{}, more than anything",
        "{} - that's what I'd like",
        "{}, that would mean the world",
        "{} - I'd love that",
        "{}, if I can",
        "{} - that's my hope",
    ),
}
MAX_WORDINGS = 24
_SKIPPED = sys.maxsize  # the use count given to statements the dealer must not pick
_PoolKey = tuple[Question, tuple[str, ...], str]  # (question, groups, kind of flaw)


def _swapped(text: str) -> Iterator[str]:
    """The text with one word changed for another of the same kind, every way it can be."""
    for found in _SWAP_WORD.finditer(text):
        word = found.group()
        for other in SWAPS.get(word) or SWAPS[word.lower()]:
            if word[:1].isupper():
                other = other[:1].upper() + other[1:]
            yield text[: found.start()] + other + text[found.end() :]


def _far(one: frozenset[str], other: frozenset[str]) -> bool:
    """Too different for the checker to call one a near copy of the other (it needs a one-word
    difference and a Jaccard similarity of at least NEAR): a safe side of its rule, not the rule itself."""
    if one == other:
        return False
    differ = len(one ^ other)
    return differ >= 3 or len(one & other) / len(one | other) < NEAR


def wordings(entry: BankEntry) -> tuple[str, ...]:
    """The statement's own words first, then new wordings, none a copy of another in the checker's eyes."""
    return tuple(text for text, _ in _wordings(entry))


@cache
def _wordings(entry: BankEntry) -> tuple[tuple[str, str], ...]:
    """``wordings`` with the normalised text of each."""
    if entry.flaw or entry.question is None:
        return ((entry.text, normalise(entry.text)),)
    base = entry.text.rstrip(".")
    swaps = list(_swapped(base))
    endings = ENDINGS[entry.question]
    ended = [ending.format(base) for ending in endings]
    # A changed word and an added ending by turns, then both together.
    candidates = [entry.text, *(text for pair in zip_longest(swaps, ended) for text in pair if text)]
    candidates += [ending.format(text) for text in swaps for ending in endings]
    kept: list[tuple[str, str]] = []
    sets: list[frozenset[str]] = []
    for text in candidates:
        key = normalise(text)
        words = frozenset(key.split())
        if all(_far(words, seen) for seen in sets):
            kept.append((text, key))
            sets.append(words)
            if len(kept) == MAX_WORDINGS:
                break
    return tuple(kept)


# --- the dealer ------------------------------------------------------------------------------------------
class Dealer:
    """Hands out bank statements, an unused one whenever one fits, so reviews repeat each other as little as
    possible; a good statement dealt again comes in a wording not yet dealt."""

    def __init__(self, rng: random.Random, bank: Sequence[BankEntry]) -> None:
        self._rng = rng
        self._bank = bank
        self._pools: dict[_PoolKey, tuple[tuple[BankEntry, ...], tuple[str, ...]]] = {}
        self._spent: set[_PoolKey] = set()  # pools whose every statement has been dealt
        self._uses = dict.fromkeys((e.text for e in bank), 0)
        self._dealt: set[str] = set()  # the normalised good wordings dealt so far
        # Poor practice shows every kind of problem once before any kind repeats.
        self._first_kinds = list(POOR_KIND_WEIGHTS)
        rng.shuffle(self._first_kinds)

    def _pool(self, key: _PoolKey) -> tuple[tuple[BankEntry, ...], tuple[str, ...]]:
        if key not in self._pools:
            question, groups, kind = key
            entries = tuple(
                _flawed(self._bank, question, kind)
                if kind
                else (
                    e for e in self._bank if e.question is question and e.flaw is None and e.group in groups
                )
            )
            self._pools[key] = (entries, tuple(e.text for e in entries))
        return self._pools[key]

    def fresh(
        self, question: Question, groups: tuple[str, ...] = (), kind: str = "", skip: Collection[str] = ()
    ) -> bool:
        """Whether a statement from ``groups``, or of ``kind``, is still unused (and not in ``skip``)."""
        key = (question, groups, kind)
        if key in self._spent:
            return False
        unused = [text for text in self._pool(key)[1] if not self._uses[text]]
        if not unused:
            self._spent.add(key)
        return any(text not in skip for text in unused)

    def deal(
        self, question: Question, groups: tuple[str, ...] = (), kind: str = "", skip: Collection[str] = ()
    ) -> tuple[BankEntry, str]:
        """A good statement from ``groups``, or a flawed one of ``kind``, not one of the ``skip`` texts,
        least used first: the bank entry and the words to write down."""
        entries, texts = self._pool((question, groups, kind))
        uses = self._uses
        counts = (
            [_SKIPPED if text in skip else uses[text] for text in texts]
            if skip
            else [*map(uses.__getitem__, texts)]
        )
        fewest = min(counts, default=_SKIPPED)
        if fewest == _SKIPPED or (fewest and kind in ONCE_ONLY):
            raise ValueError(f"{BANK_FILE}: nothing left to deal for {question.value} {groups or kind}")
        least = [e for e, count in zip(entries, counts, strict=True) if count == fewest]
        # A statement anyone could make is shared by every group: each takes it less often than its own, so
        # that no group runs out of unused statements while another still has plenty.
        entry = self._rng.choices(least, [SHARED_WEIGHT if e.group == "anyone" else 1.0 for e in least])[0]
        uses[entry.text] += 1
        if entry.flaw:
            return entry, entry.text
        return entry, self._wording(entry, fewest)

    def _wording(self, entry: BankEntry, used: int) -> str:
        """The next wording of a good statement that no one has been dealt yet; a repeat when none is left."""
        options = _wordings(entry)
        if used < len(options):
            for text, key in options[used:] + options[:used]:
                if key not in self._dealt:
                    self._dealt.add(key)
                    return text
        return options[used % len(options)][0]

    def flawed(
        self, question: Question, weights: dict[str, float], skip: Collection[str]
    ) -> tuple[BankEntry, str]:
        """A flawed statement of a kind drawn by ``weights``.

        When every statement of the drawn kind has been used, another kind with an unused one is taken
        instead, so a demo of up to about 60 reviews repeats only the deliberately copied sentence. When
        none is left, the kind repeats, or becomes a vague answer if it may be used once only.
        """
        if weights is POOR_KIND_WEIGHTS and self._first_kinds:
            kind = self._first_kinds.pop()
        else:
            kind = self._rng.choices(list(weights), weights=list(weights.values()))[0]
        if kind not in REPEATABLE and not self.fresh(question, kind=kind, skip=skip):
            unused = [k for k in weights if k not in REPEATABLE and self.fresh(question, kind=k, skip=skip)]
            if unused:
                kind = self._rng.choices(unused, weights=[weights[k] for k in unused])[0]
            elif kind in ONCE_ONLY:
                kind = "vague"
        return self.deal(question, kind=kind, skip=skip)
