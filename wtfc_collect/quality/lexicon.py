"""The lexicon: care, clinical and office words, each with a plain alternative, matched in one regex pass.

``lexicon.tsv`` beside this module holds the terms (see its header for where they come from). All terms
without a capital letter become one regular expression built as a trie ("care (?:plan|package)…"), so a
statement is scanned once, longest term first, whatever the number of terms. Terms with capitals (CPN,
DoLS) are acronyms: they are matched case-sensitively by looking up each capitalised token.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from .text import fold, trie_regex

LEXICON_FILE = "lexicon.tsv"
COLUMNS = ("term", "category", "alternative", "risk", "origin")


class Category(StrEnum):
    CARE_SERVICE = "care-service"
    CLINICAL = "clinical"
    ACRONYM = "acronym"
    MANAGEMENT = "management/bureaucratic"
    DEFICIT = "deficit-language"
    SERVICE_SOLUTION = "service-solution"  # names a service as the answer: package, placement, referral


class Risk(StrEnum):
    """How often people use the term about their own lives (so how weak a sign it is)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    category: Category
    alternative: str  # plain options, separated by " | "
    risk: Risk
    origin: str  # "shared" (from the project's reference list) or "added"

    @property
    def case_sensitive(self) -> bool:
        return any(ch.isupper() for ch in self.term)


@dataclass(frozen=True)
class Lexicon:
    terms: tuple[Term, ...]
    pattern: re.Pattern[str]  # every case-insensitive term and its endings, on folded text
    by_key: Mapping[str, Term]  # match key (see _key) -> term
    acronyms: Mapping[str, Term]  # exact spelling, and plural with "s" -> term
    spellings: frozenset[str] = frozenset()  # the folded spellings ``pattern`` is built from

    def find(self, folded: str) -> Iterator[tuple[int, int, Term]]:
        """Each case-insensitive term in a folded text, longest first, as (start, end, term)."""
        for match in self.pattern.finditer(folded):
            term = self.matched(match.group())
            if term is not None:
                yield match.start(), match.end(), term

    def matched(self, found: str) -> Term | None:
        """The term for words that ``pattern`` matched in a folded text ("carers  assessment"), or None."""
        return self.by_key.get(_key(found))

    def lookup(self, text: str) -> Term | None:
        """The term for a word or phrase as written ("CPN", "care packages"), or None."""
        if text in self.acronyms:
            return self.acronyms[text]
        return self.by_key.get(_key(fold(text)))


def _key(folded: str) -> str:
    return " ".join(folded.replace("'", "").split())


_VOWELS = set("aeiou")


def _endings(word: str) -> set[str]:
    """A word with its common endings: plural, -ed, -ing, with the usual spelling changes."""
    if not word.isalpha() or len(word) < 3:
        return {word}
    forms = {word}
    if word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("ss", "x", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    elif word.endswith("s"):
        pass  # already a plural ("needs", "outcomes") or a word like "bus"
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        if word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS and word[-3] not in _VOWELS:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # plan -> planning
    return forms


def _variants(term: str) -> set[str]:
    """Folded spellings of a term: endings on the last word, "packages of care", -ise and -ize."""
    parts = fold(term).split()
    found = {" ".join([*parts[:-1], last]) for last in _endings(parts[-1])}
    if len(parts) > 2 and parts[1] == "of" and parts[0].isalpha() and not parts[0].endswith("s"):
        found.add(" ".join([parts[0] + "s", *parts[1:]]))
    for variant in list(found):
        if re.search(r"is(?:e|es|ed|ing|ation)\b", variant):
            found.add(re.sub(r"is(e|es|ed|ing|ation)\b", r"iz\1", variant))
    return found


def parse(text: str, source: str = LEXICON_FILE) -> Lexicon:
    """Read a lexicon from the text of a tab-separated file; lines starting with '#' are notes."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t"))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise ValueError(f"{source}: the first row must be the column names {', '.join(COLUMNS)}")
    terms: list[Term] = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(COLUMNS) or not all(cell.strip() for cell in row):
            raise ValueError(f"{source}: row {number} needs {len(COLUMNS)} filled columns: {row!r}")
        try:
            terms.append(Term(row[0].strip(), Category(row[1]), row[2].strip(), Risk(row[3]), row[4]))
        except ValueError as error:
            raise ValueError(f"{source}: row {number}: {error}") from None
    by_key: dict[str, Term] = {}
    acronyms: dict[str, Term] = {}
    for term in terms:  # a term's own spelling wins over another term's ending ("placement" + "s")
        if term.case_sensitive:
            acronyms.setdefault(term.term, term)
        else:
            by_key.setdefault(_key(fold(term.term)), term)
    for term in terms:
        if term.case_sensitive:
            acronyms.setdefault(term.term + "s", term)
        else:
            for variant in sorted(_variants(term.term)):
                by_key.setdefault(_key(variant), term)
    spellings = frozenset(v for t in terms if not t.case_sensitive for v in _variants(t.term))
    pattern = re.compile(r"\b(?:" + trie_regex(spellings) + r")\b")
    return Lexicon(tuple(terms), pattern, by_key, acronyms, spellings)


@cache
def lexicon() -> Lexicon:
    """The project's lexicon, read and compiled once."""
    text = resources.files(__package__ or "wtfc_collect.quality").joinpath(LEXICON_FILE)
    return parse(text.read_text(encoding="utf-8"))
