"""The register model at work: is a statement written like a person talking, or like professional writing?

Reads ``model.json`` (made by ``train.py``; nothing is downloaded) and scores a statement in plain Python,
exactly as scikit-learn would score it, but without building a matrix for every statement: the words,
word pairs, pieces of words and runs of the sentence's frame it has (see :mod:`.features`) are looked up
in one table. A word's pieces
are worked out once and kept, so the usual statement costs one lookup per word and pair. The statement's
vector of meaning (:mod:`.vectors`) is the sum of its words' vectors, times the weights once. Statements
that say 'I' are also read by a second model (the speaker model, see train.speaker_rows): the same
features, other weights.

:func:`explain` says which words weighed most and, in plain words, what about the writing did.
"""

from __future__ import annotations

import json
import math
import operator
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from itertools import pairwise
from typing import Any, cast

import numpy as np

from .features import (
    END,
    SHAPES,
    SPEAKER,
    START,
    char_features,
    frame_features,
    frame_runs,
    shapes,
    speaks,
    word_features,
    word_spans,
    words,
)
from .vectors import digest, word_vector

MODEL_FILE = "model.json"
_CACHE_LIMIT = 200_000  # words whose pieces are kept; cleared when full


@dataclass(frozen=True)
class Limits:
    """A model's thresholds (chosen by train.py out of fold): at or above ``threshold`` a statement is
    professional writing; from ``long_words`` words (0: never) at or above ``long_threshold`` instead; and
    one that says 'I', 'me' or 'my' at or above ``first_person`` as well."""

    threshold: float
    first_person: float
    long_words: int = 0
    long_threshold: float = 1.0

    def calls(self, probability: float, text: str) -> bool:
        tokens = words(text)
        limit = self.long_threshold if self.long_words and len(tokens) >= self.long_words else self.threshold
        return probability >= limit or (probability >= self.first_person and speaks(tokens))

    @cached_property
    def lowest(self) -> float:
        """The lowest of the thresholds: below it no statement is professional writing."""
        return min(self.threshold, self.first_person, self.long_threshold if self.long_words else 1.0)


@dataclass(frozen=True)
class Model:
    intercept: float
    threshold: float  # at or above: professional writing
    # The same for a statement that says 'I', 'me' or 'my' (see train.thresholds_for): people's words in
    # the first person score lower than other own words, so policy written as 'I' needs its own line.
    first_person_threshold: float
    # Below this, a word services use in the statement is a soft note only: the rest reads like a person
    # talking (chosen by train.py from out-of-fold predictions; never above the threshold).
    term_gate: float
    weights: dict[str, tuple[float, float]]  # feature -> (idf x weight, idf squared)
    shape_weights: tuple[tuple[float, float, float], ...]  # per shape: mean, scale, weight
    # The same folded into one factor per shape and one sum: (value - mean) / scale x weight, added up, is
    # value x (weight / scale), added up, minus the sum of mean x weight / scale.
    shape_factors: tuple[float, ...]
    shape_offset: float
    # The weight of each dimension of the statement's vector (a numpy array; see vectors.py).
    vector_weights: Any = field(compare=False, repr=False)
    # The speaker model: trained on statements that say 'I' only (see train.speaker_rows). Such a statement's
    # probability is the mean of this model's and the speaker model's. None in a file without one.
    speaker: Model | None = field(default=None, compare=False, repr=False)
    # From this many words (0: never), ``long_threshold`` stands in for ``threshold`` (see
    # train.long_thresholds_for): a long statement gives the model more to weigh than a short one.
    long_words: int = 0
    long_threshold: float = 1.0
    # Kept with the model (another model, with other features, must not read them), worked out once per
    # word: word -> the pieces of it this model knows (for explain), and those with the word itself.
    pieces: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, compare=False, repr=False)
    grams: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, compare=False, repr=False)
    # Each feature's number (the register model's, which the speaker model shares) and, in that order, its
    # weight as one number, idf x weight + idf squared j: one sum gives both the score's numerator and its
    # norm (the tf-idf rows are scaled to length 1), and a statement's features are found as numbers, so
    # adding them up takes one pass over a list.
    index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    column: list[complex] = field(default_factory=list, compare=False, repr=False)

    def probability(self, text: str) -> float:
        """The probability that ``text`` is professional writing (as scikit-learn's predict_proba); for a
        statement that says 'I', the mean of this model's and the speaker model's. The two read the same
        words, pieces and shapes, so a statement is taken apart once: the speaker model's features are
        among this model's (training keeps a feature seen in two statements, and the statements that say
        'I' are among all of them), and its vector of meaning is the same sum of word vectors."""
        tokens = words(text)
        found = self._grams(tokens)
        values = shapes(text, tokens)
        total, norm = self._meaning(tokens)
        own = _sigmoid(self._score(found, values, total, norm))
        if self.speaker is not None and speaks(tokens):
            return (own + _sigmoid(self.speaker._score(found, values, total, norm))) / 2
        return own

    def score(self, text: str) -> float:
        """This model's own score (log-odds) for ``text``, without the speaker model."""
        tokens = words(text)
        return self._score(self._grams(tokens), shapes(text, tokens), *self._meaning(tokens))

    def _score(self, found: set[int], values: list[float], total: Any, norm: float) -> float:
        """The log-odds from the statement's features (``found``), its shapes and its vector of meaning (the
        sum of its words' vectors, and that sum's length)."""
        grams = sum(map(self.column.__getitem__, found))
        score = grams.real / math.sqrt(grams.imag) if grams else 0.0
        score += float(sum(map(operator.mul, values, self.shape_factors))) + self.shape_offset
        if norm > 0:
            score += float(total @ self.vector_weights) / norm
        return score + self.intercept

    def _meaning(self, tokens: list[str]) -> tuple[Any, float]:
        """The statement's vector of meaning before it is scaled to length 1 (its words' vectors added up)
        and its length."""
        if not tokens:
            return None, 0.0
        total = np.add.reduce([word_vector(token) for token in tokens])
        return total, math.sqrt(float(total @ total))

    def _grams(self, tokens: list[str]) -> set[int]:
        """The numbers (see ``index``) of the statement's words, word pairs, pieces of words and runs of its
        frame that this model knows."""
        named: set[int | None] = {*map(self.index.get, [
            *(f"w:{a} {b}" for a, b in pairwise([START, *tokens, END])), *frame_features(tokens)])}
        named.discard(None)
        found = cast(set[int], named)
        grams = self.grams
        for token in tokens:
            known = grams.get(token)
            found.update(_known_grams(self, token) if known is None else known)
        return found

    def professional(self, text: str) -> bool:
        return self.calls(self.probability(text), text)

    def calls(self, probability: float, text: str) -> bool:
        """Whether ``text``, with this :meth:`probability`, reads like professional writing."""
        limits = self.limits
        return probability >= limits.lowest and limits.calls(probability, text)

    @cached_property
    def limits(self) -> Limits:
        return Limits(self.threshold, self.first_person_threshold, self.long_words, self.long_threshold)


def _known_pieces(model: Model, token: str) -> tuple[str, ...]:
    """The pieces of a word that the model knows, worked out once per word and model."""
    pieces = model.pieces
    known = pieces.get(token)
    if known is None:
        if len(pieces) >= _CACHE_LIMIT:
            pieces.clear()
        known = pieces[token] = tuple(g for g in char_features(token) if g in model.weights)
    return known


def _known_grams(model: Model, token: str) -> tuple[int, ...]:
    """The numbers of the word (as a feature) and its pieces, those the model knows, worked out once per
    word and model."""
    grams = model.grams
    if len(grams) >= _CACHE_LIMIT:
        grams.clear()
    word = f"w:{token}"
    names = ((word,) if word in model.weights else ()) + _known_pieces(model, token)
    known = grams[token] = tuple(map(model.index.__getitem__, names))
    return known


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-value)) if value >= 0 else math.exp(value) / (1.0 + math.exp(value))


def parse(text: str) -> Model:
    raw = json.loads(text)
    if raw["vectors_sha256"] != digest():
        raise ValueError("The register model was trained with other word vectors than the wordllama package "
                         "installed here: install the pinned requirements, or train the model again.")
    features = raw["features"]
    own = {g: v for g, v in features.items() if not g.startswith(SPEAKER)}
    speaker = None
    if "speaker" in raw:
        theirs = {g[len(SPEAKER):]: v for g, v in features.items() if g.startswith(SPEAKER)}
        if not theirs.keys() <= own.keys():
            raise ValueError("The speaker model has features the register model has not: train it again.")
        # Every feature of the register model has a value in the speaker model (0 where it is not one of
        # its own), in the register model's order, so the features found once are added up by number.
        speaker = _scorer(raw["speaker"], theirs, raw, order=list(own))
    return _scorer(raw, own, raw, speaker, order=list(own))


def _scorer(part: dict[str, Any], features: dict[str, Any], raw: dict[str, Any],
            speaker: Model | None = None, order: list[str] | None = None) -> Model:
    """A model from one part of the model file (its intercept, shapes and vector weights) and its features;
    the thresholds are the file's. ``order``: the features' numbers (the register model's), each with a
    value of 0 where it is not among this part's own."""
    weights = {g: (idf * weight, idf * idf) for g, (idf, weight) in features.items()}
    shape_weights = tuple(tuple(part["shapes"][name]) for name in SHAPES)
    order = list(features) if order is None else order
    both = {**dict.fromkeys(order, 0j), **{g: complex(w, q) for g, (w, q) in weights.items()}}
    index = {g: i for i, g in enumerate(order)}
    column = [both[g] for g in order]
    factors = tuple(weight / scale for _, scale, weight in shape_weights)
    offset = -sum(mean * weight / scale for mean, scale, weight in shape_weights)
    return Model(float(part["intercept"]), float(raw["threshold"]), float(raw["first_person_threshold"]),
                 float(raw["term_gate"]), weights, shape_weights, factors, offset,
                 np.asarray(part["vector_weights"], dtype=np.float64), speaker,
                 int(raw.get("long_words", 0)), float(raw.get("long_threshold", 1.0)), index=index,
                 column=column)


@cache
def model() -> Model:
    """The project's register model, read once."""
    text = resources.files(__package__ or "wtfc_collect.quality.register").joinpath(MODEL_FILE)
    return parse(text.read_text(encoding="utf-8"))


# What each way of writing means, for staff, when it weighs toward professional writing.
REASONS = {
    "no_first_person": "it never says 'I', 'me' or 'my'",
    "third_person": "it talks about someone as 'he' or 'she'",
    "people_words": "it talks about 'people', 'service users' or 'individuals' in general",
    "no_verb": "it reads like a heading or a label on a form, not something said",
    "passive": "it is written in the passive, as reports are ('were managed', 'is provided')",
    "abstract": "it has many abstract words (ending in -tion, -ment, -ity …) that people rarely use about "
                "their own day",
    "word_length": "its words are long, as in written reports",
    "instruction": "it reads like an instruction to staff",
    "to_goal": "it reads like a goal written for a plan ('To …')",
    "terms": "it has several words services use",
    "office_terms": "it uses office or policy words",
    "strong_terms": "it uses care-service words",
    "capitals": "it has Capital Letters Like A Heading",
}


@dataclass(frozen=True)
class Explanation:
    probability: float
    phrases: tuple[tuple[int, int, float], ...]  # (start, end, weight) in the text, strongest first
    reasons: tuple[str, ...]  # plain words, strongest first


def explain(text: str, most: int = 3) -> Explanation:
    """Why the model calls ``text`` professional writing: its strongest phrases and ways of writing."""
    m = model()
    tokens = words(text)
    spans = word_spans(text)
    per_word = _per_word(m, tokens)
    if m.speaker is not None and speaks(tokens):  # as its probability, the mean of the two models
        per_word = [(a + b) / 2 for a, b in zip(per_word, _per_word(m.speaker, tokens), strict=True)]
    phrases = _phrases(per_word, spans)[:most]
    values = shapes(text, tokens)
    pushes = sorted(((value - mean) / scale * weight, name) for value, (mean, scale, weight), name
                    in zip(values, m.shape_weights, SHAPES, strict=True))
    reasons = tuple(REASONS[name] for push, name in reversed(pushes) if push > 0.15 and name in REASONS)
    return Explanation(m.probability(text), tuple(phrases), reasons[:3])


def _per_word(m: Model, tokens: list[str]) -> list[float]:
    """How much each word weighs toward professional writing in model ``m``: its share of the features
    it is part of (words, pairs, pieces) and of the statement's vector of meaning."""
    weights = m.weights
    found: dict[str, list[int]] = {}  # feature -> the positions of the words it touches
    for i, gram in enumerate(word_features(tokens)):
        if gram in weights:
            if i < len(tokens):
                found.setdefault(gram, []).append(i)
            else:  # a pair: positions i - len(tokens) - 1 and the next (start and end are not words)
                j = i - len(tokens) - 1
                found.setdefault(gram, []).extend(k for k in (j, j + 1) if 0 <= k < len(tokens))
    for i, token in enumerate(tokens):
        for gram in _known_pieces(m, token):
            found.setdefault(gram, []).append(i)
    for first, gram in frame_runs(tokens):  # a run of the frame: the words it spans
        if gram in weights:
            spans = (first - 1, first, first + 1)
            found.setdefault(gram, []).extend(k for k in spans if 0 <= k < len(tokens))
    norm = math.sqrt(sum(weights[g][1] for g in found)) or 1.0
    per_word = [0.0] * len(tokens)
    for gram, where in found.items():
        if where:
            share = weights[gram][0] / norm / len(where)
            for k in where:
                per_word[k] += share
    if tokens:  # the meaning of each word, as it weighs in the statement's vector
        known = [word_vector(token) for token in tokens]
        length = math.sqrt(float((total := np.add.reduce(known)) @ total)) or 1.0
        for k, vector in enumerate(known):
            per_word[k] += float(vector @ m.vector_weights) / length
    return per_word


def _phrases(per_word: list[float], spans: list[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Runs of neighbouring words that each weigh toward professional writing, heaviest first."""
    runs: list[tuple[int, int, float]] = []
    start = None
    total = 0.0
    for i, weight in enumerate([*per_word, -1.0]):
        if weight > 0.02:
            if start is None:
                start, total = i, 0.0
            total += weight
        elif start is not None:
            runs.append((spans[start][0], spans[i - 1][1], total))
            start = None
    return sorted(runs, key=lambda run: -run[2])
