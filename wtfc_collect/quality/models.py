"""What the own-words checker reports: flags on parts of a statement, a verdict, groups of copied text."""

from __future__ import annotations

from enum import StrEnum
from operator import attrgetter
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict


class FlagKind(StrEnum):
    """The kinds of problem the checker looks for."""

    JARGON = "jargon"  # care, clinical or office words the person would not use
    THIRD_PERSON = "third_person"  # written about the person ("He enjoys …", "Requires …")
    SERVICE = "service"  # a service or a solution instead of the person's life ("3 hours of home care")
    VAGUE = "vague"  # an empty answer ("ok", "nothing", "n/a")
    DUPLICATE = "duplicate"  # the same words in different people's reviews
    PERSONAL_DATA = "personal_data"  # a name, phone number, e-mail … that must not reach a workshop
    ACRONYM = "acronym"  # capital letters not everyone will know (a soft note only)
    REGISTER = "register"  # written like a report, a plan or a policy (the register model's verdict)
    LANGUAGE = "language"  # not checked: the statement is in Welsh or another language (a note only)

    @property
    def label(self) -> str:
        """The kind's name for staff, on the checkpoint screens and in the documents."""
        return FLAG_KIND_LABELS[self]


FLAG_KIND_LABELS = {
    FlagKind.JARGON: "Professional words",
    FlagKind.THIRD_PERSON: "Not in the first person",
    FlagKind.SERVICE: "A service, not a life",
    FlagKind.VAGUE: "Too vague",
    FlagKind.DUPLICATE: "Copied between people",
    FlagKind.PERSONAL_DATA: "Names or contact details",
    FlagKind.ACRONYM: "Abbreviations",
    FlagKind.REGISTER: "Written like a report or plan",
    FlagKind.LANGUAGE: "Not checked: another language",
}

# The kinds that count against "in the person's own words". Personal data and acronyms do not: a name
# must come out before the workshop, but the statement can still be the person's own words.
OWN_WORDS_KINDS = frozenset(
    {FlagKind.JARGON, FlagKind.THIRD_PERSON, FlagKind.SERVICE, FlagKind.VAGUE, FlagKind.DUPLICATE,
     FlagKind.REGISTER}
)


class Flag(NamedTuple):
    """One problem found in a statement: ``text[start:end]``, with a plain explanation for staff.

    ``strong`` is False for a soft note: something to look at, which may well be the person's own words.
    Flags and verdicts are named tuples, not validated models: only the checker makes them, for every
    statement, and building a validated model (or a frozen dataclass) cost more than checking the words.
    """

    kind: FlagKind
    start: int
    end: int
    explanation: str
    alternative: str | None = None
    strong: bool = True


class Verdict(NamedTuple):
    """The checker's view of one statement. ``own_words`` is False when any strong own-words flag is set."""

    own_words: bool
    flags: tuple[Flag, ...]

    def of_kind(self, kind: FlagKind) -> tuple[Flag, ...]:
        """The flags of one kind, in the order they appear in the text."""
        return tuple(flag for flag in self.flags if flag.kind is kind)


_PLACE = attrgetter("start", "end")


def verdict(flags: list[Flag]) -> Verdict:
    """A verdict from flags: sorted by place in the text, ``own_words`` worked out from the strong ones."""
    if len(flags) > 1:
        flags.sort(key=_PLACE)
    for flag in flags:
        if flag.strong and flag.kind in OWN_WORDS_KINDS:
            return Verdict(False, tuple(flags))  # as positions: quicker for a named tuple
    return Verdict(True, tuple(flags))


class DuplicateGroup(BaseModel):
    """Statements with the same (or nearly the same) words from two or more different people.

    ``statement_ids`` and ``person_keys`` let a caller count copying per team or per reviewer
    (see :func:`wtfc_collect.quality.duplicates.count_by`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str  # the words as first seen in the group
    statement_ids: tuple[str, ...]
    person_keys: tuple[str, ...]  # the different people, sorted
    exact: bool  # every statement has the same words (ignoring case and punctuation)
    strong: bool  # long enough, or common enough, that it is very unlikely to be chance

    @property
    def people(self) -> int:
        return len(self.person_keys)
