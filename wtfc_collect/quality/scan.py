"""One pass over a statement that finds its lexicon terms and the few words the other checks need.

Most statements are plain ("Staff were kind and the food was lovely"): no care words, no 'he' or 'she',
no hours or referrals, no names, no numbers. Rather than run each check's regex over every statement, the
checker scans the folded text once with one regex: the lexicon's trie (see :mod:`.lexicon`) with the
*cue words* added, the whole words without which a check cannot match (:func:`cue_words`: 'i', 'you',
'he', 'hours', 'friend', and names in lower case). A check then runs only when one of its words is there,
and gives what it would have given anyway: a skipped check would have found nothing. An ASCII text (most)
is scanned with a copy of the regex compiled ASCII-only, which means the same there and is quicker.

Why this finds the same terms as the lexicon's own pass, and every cue word: a cue word is one run of word
characters, so matching one never skips the start of another word. At a word start where a lexicon
spelling can match, the trie tries it before a cue word (longer spellings, and a left-out apostrophe,
come first), and so finds the term the lexicon's pass would. Cue words inside a term are taken from the
term's words.

Capitals and digits are looked for in the text as written, with one quick search (:func:`first_look`).
A statement with no capitals or digits whose cue words are only 'I', 'you', 'care' and the like (most
real comments) then needs only the checks for an empty answer and a care-notes opening.

Where a term is: the scan gives the matched strings only (no Python step per match, which is quicker);
for the few statements with a term, :func:`_where` finds each term's place from the strings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from functools import cache

from .lexicon import Term, lexicon
from .names import AMBIGUOUS_NAMES, FIRST_NAMES, NAME_CLUES, TITLES
from .patterns import CUE_WORDS as PATTERN_WORDS
from .patterns import STARTING_WORDS
from .text import ASCII_SPACE, FIRST_PERSON_WORDS, SECOND_PERSON_WORDS, trie_regex

FIRST_PERSON = frozenset(FIRST_PERSON_WORDS)
VOICE = frozenset(FIRST_PERSON_WORDS + SECOND_PERSON_WORDS)
# Names, titles and the few lexicon acronyms with a small second letter ("Dx"): the capitalised words that
# matter other than acronyms like "QMC". Scanned for in lower case, then looked for as written.
_NAME_LIKE = FIRST_NAMES | AMBIGUOUS_NAMES | frozenset(TITLES)
_WORD = re.compile(r"\w+")

Terms = Sequence[tuple[int, int, Term]]  # as :meth:`.Lexicon.find` gives them


class _Scanner:
    """The scanning regexes (one for ASCII text, which is quicker, one for any text) and the word lists."""

    def __init__(self) -> None:
        lex = lexicon()
        self.as_written: Mapping[str, tuple[str, ...]] = _lower_to_written(
            _NAME_LIKE | {a for a in lex.acronyms if a[1:2].islower()})
        self.name_words = frozenset(self.as_written)
        self.cue_words = PATTERN_WORDS | NAME_CLUES | VOICE | self.name_words
        spellings = lex.spellings | self.cue_words
        # In an ASCII text \b and \w mean the same with re.ASCII; \s is given as the same characters.
        self.ascii = re.compile(r"\b(?:" + trie_regex(spellings, ASCII_SPACE) + r")\b", re.ASCII)
        self.unicode = re.compile(r"\b(?:" + trie_regex(spellings) + r")\b")
        self.plain_words = frozenset(word for word in self.cue_words if lex.matched(word) is None)
        # 'I', 'my', 'you', 'care', 'be' …: cue words in which no check finds anything on its own (no name,
        # clue, 'he'/'she' or word that lets a service pattern run).
        self.quiet_words = self.plain_words - self.name_words - NAME_CLUES - STARTING_WORDS


def _lower_to_written(words: Collection[str]) -> dict[str, tuple[str, ...]]:
    written: defaultdict[str, list[str]] = defaultdict(list)
    for word in sorted(words):
        written[word.lower()].append(word)
    return {low: tuple(spellings) for low, spellings in written.items()}


@cache
def _scanner() -> _Scanner:
    return _Scanner()


def scan(folded: str) -> tuple[Terms, Collection[str]]:
    """The lexicon terms in a folded statement, in order as (start, end, term), and its cue words (maybe
    with other words of the terms)."""
    found, _, _ = first_look(folded, folded)
    return place(folded, found)


def first_look(text: str, folded: str) -> tuple[list[str], bool, bool]:
    """The checker's first step for every statement, in one call:

    * what the scan matches in the folded text, in order (cue words and the lexicon's terms);
    * whether the text is *usual*: no digit, '@', '_', non-ASCII character, or capital before a capital
      or '&' (one quick search of the text as written);
    * whether it is also *quiet*: its cue words (if any) are only ones in which no check finds anything
      on its own: 'I', 'my', 'you', which tell whose voice a statement is in, and words such as 'care'
      or 'be', which only narrow a service pattern that another word lets run. A usual, quiet statement
      has no term, contact details, name, service wording or 'he'/'she'.
    """
    scanner = _scanner()
    found = (scanner.ascii if folded.isascii() else scanner.unicode).findall(folded)
    plain = _UNUSUAL.search(text) is None
    return found, plain, plain and scanner.quiet_words.issuperset(found)


def place(folded: str, found: list[str]) -> tuple[Terms, Collection[str]]:
    """The terms among what the scan ``found`` (see :func:`first_look`), with where they are, and the cue
    words."""
    scanner = _scanner()
    if scanner.plain_words.issuperset(found):  # cue words only (or nothing): no term, no positions needed
        return (), found
    # A term: find where (see _where). The words of terms count as cue words too.
    lex = lexicon()
    plain_words = scanner.plain_words
    terms: list[tuple[int, int, Term]] = []
    words: list[str] = []
    cursor = 0
    for found_here in found:
        term = None if found_here in plain_words else lex.matched(found_here)
        if term is None:  # a cue word (maybe a term's word that is not a term on its own)
            words.append(found_here)
            continue
        words += _WORD.findall(found_here)
        start = _where(folded, found_here, cursor)
        cursor = start + len(found_here)
        terms.append((start, cursor, term))
    if any(start < 0 for start, _, _ in terms):  # cannot happen (see _where): then the regex says where
        terms = list(lex.find(folded))
    return terms, (set(words) if len(words) > 4 else words)  # many words: each look then takes one


def _where(folded: str, found: str, cursor: int) -> int:
    """Where the scan matched ``found`` (a term), the match after the term before it ended at ``cursor``.

    That is the first place from ``cursor`` where ``found`` stands as whole words: the regex matches at the
    first place where any of its spellings does, and ``found`` is one. (A cue word matched between the two
    terms is one word, so it never holds a term that stands as whole words: a term that starts with it is
    longer, and the regex tries longer spellings first.) A spelling starts and ends with a word character,
    so "whole words" means no word character just before or just after."""
    end_of_text = len(folded)
    start = folded.find(found, cursor)
    while start >= 0:
        end = start + len(found)
        if (start == 0 or not _word_character(folded[start - 1])) and (
                end == end_of_text or not _word_character(folded[end])):
            return start
        start = folded.find(found, start + 1)
    return -1


def _word_character(character: str) -> bool:
    """What ``\\w`` matches: a letter or digit of any script, or '_'."""
    return character.isalnum() or character == "_"


# A digit, '@', '_', a non-ASCII or control character, or a capital before a capital or '&' ("QMC",
# "A&E"): most statements have none, and then have no contact details or acronyms, and names only in
# plain letters. (The first character is any but a small letter and the usual punctuation: quick to skip.)
_UNUSUAL = re.compile(r"[^\t\n\r !-/:-?\[-^`{-~a-z](?:(?<=[A-Z])[A-Z&]|(?<![A-Z]))")


def may_name(text: str, words: Collection[str]) -> bool:
    """Whether a name, a title or an acronym like "Dx" may be in a usual text (see :func:`first_look`),
    whose cue ``words`` are given. Those are whole words, written in letters only: so they are among the
    cue words in lower case, and then in the text as written."""
    scanner = _scanner()
    if scanner.name_words.isdisjoint(words):
        return False
    as_written = scanner.as_written
    return any(spelling in text for word in as_written.keys() & words for spelling in as_written[word])


def cue_words() -> frozenset[str]:
    """Every cue word the scan looks for (each one run of letters)."""
    return _scanner().cue_words
