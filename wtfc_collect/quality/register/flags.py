"""The register model's verdict as flags: the phrases that weighed most, why, and a plainer way to say it."""

from __future__ import annotations

from ..lexicon import lexicon
from ..models import Flag, FlagKind
from ..text import fold, quote
from .model import explain, model

_ASK = ("Ask the person what it is like for them, and write down what they say, in their own words "
        "('I …', 'my …').")


def register_flags(text: str, named: list[tuple[int, int]] | None = None,
                   professional: bool | None = None) -> list[Flag]:
    """Flags when ``text`` reads like professional writing; none when it reads like a person talking.

    ``named`` are spans that name something in the person's life (see :mod:`..naming`): they are left out
    before the model reads the statement, so "Home care is always late" is judged on how it is said."""
    masked = _blank(text, named or [])
    if not (model().professional(masked) if named or professional is None else professional):
        return []
    found = explain(masked)
    reasons = "; ".join(found.reasons) if found.reasons else "it is worded as services write"
    if not found.phrases:
        return [Flag(FlagKind.REGISTER, 0, len(text),
                     f"This reads like professional writing, not the person's own words: {reasons}. {_ASK}")]
    flags = []
    for number, (start, end, _) in enumerate(found.phrases):
        words = text[start:end]
        # The first flag offers a plainer way for the statement's first term that has one, when the words
        # that weigh most are not themselves such a term ("Individual care plan.": 'care plan').
        alternative = _plainer(text, start, end) or (_plainer(text, 0, len(text)) if number == 0 else None)
        if number == 0:
            explanation = (f"This reads like professional writing, not the person's own words: {reasons}. "
                           f"'{words}' weighs most toward that. {_ASK}")
        else:
            explanation = f"'{words}': part of why this reads like professional writing."
        if alternative:
            explanation += f" A plainer way, if it fits what they said: {quote(alternative)}."
        flags.append(Flag(FlagKind.REGISTER, start, end, explanation,
                          alternative.replace(" | ", " / ") if alternative else None))
    return flags


def probability(text: str) -> float:
    """How likely the register model finds ``text``, as it stands (before names are left out), to be
    professional writing: compare with :func:`calls_professional` and :func:`reads_as_talk`."""
    return model().probability(text)


def calls_professional(probability: float, text: str) -> bool:
    """Whether ``text``, with this :func:`probability`, reads like professional writing."""
    return model().calls(probability, text)


def reads_as_talk(probability: float) -> bool:
    """Whether a statement with this :func:`probability` reads so much like a person talking that a word
    services use in it is a soft note only (below the model's term gate)."""
    return probability < model().term_gate


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` replaced by spaces (every other character keeps its place)."""
    if not spans:
        return text
    characters = list(text)
    for start, end in spans:
        characters[start:end] = " " * (end - start)
    return "".join(characters)


def _plainer(text: str, start: int, end: int) -> str | None:
    """A lexicon term's plain options, for the first term that overlaps ``start:end``."""
    for term_start, term_end, term in lexicon().find(fold(text)):
        if term_start < end and start < term_end:
            return term.alternative
    return None
