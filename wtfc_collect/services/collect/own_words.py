"""Gentle own-words notes while a review is being filled in, from the quality checker."""

from __future__ import annotations

from dataclasses import dataclass

from wtfc_collect.domain import STATEMENT_MAX_CHARS
from wtfc_collect.quality import FlagKind, check_statement

# Duplicates need the whole project and acronyms are only a weak signal: neither is worth
# interrupting a conversation for.
_NOTE_KINDS = frozenset(
    {FlagKind.JARGON, FlagKind.THIRD_PERSON, FlagKind.SERVICE, FlagKind.VAGUE, FlagKind.PERSONAL_DATA,
     FlagKind.REGISTER}
)


@dataclass(frozen=True)
class OwnWordsNote:
    """One thing worth checking with the person: the words, why, and a plainer way if there is one."""

    kind: str
    words: str
    explanation: str
    alternative: str | None


def own_words_notes(text: str, field: str | None = None) -> list[OwnWordsNote]:
    """Notes for a statement as typed (strong signals only). Empty when it reads like the person.
    ``field``: the project's field (social_care, health, housing or mixed; see ``Project.field``)."""
    verdict = check_statement(text, field)
    return [
        OwnWordsNote(flag.kind.value, text[flag.start : flag.end], flag.explanation, flag.alternative)
        for flag in verdict.flags
        if flag.strong and flag.kind in _NOTE_KINDS
    ]


def fit_statement(text: str) -> tuple[str, bool]:
    """The text cut to the longest a statement may be, and whether anything was cut off."""
    if len(text) <= STATEMENT_MAX_CHARS:
        return text, False
    return text[:STATEMENT_MAX_CHARS], True
