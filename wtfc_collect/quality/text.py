"""Shared text helpers: a folded copy of a statement that keeps every character in its place.

Matching runs on the folded copy (lower case, straight apostrophes, hyphens and dashes as spaces), so a
match's start and end are also positions in the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FOLD = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
        "-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ", "\u00a0": " ",
    }
)
_FOLD_TO = {chr(code): replacement for code, replacement in _FOLD.items()}
_TO_FOLD = re.compile("[" + re.escape("".join(chr(code) for code in _FOLD)) + "]")
_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# "I", "me", "my", "we" … in a folded text (an apostrophe ends a word, so "i'm" starts with "i").
FIRST_PERSON_WORDS = ("i", "im", "ive", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves")
SECOND_PERSON_WORDS = ("you", "your", "yours", "yourself", "ya")
FIRST_PERSON = re.compile(r"\b(?:" + "|".join(FIRST_PERSON_WORDS) + r")\b")
SECOND_PERSON = re.compile(r"\b(?:" + "|".join(SECOND_PERSON_WORDS) + r")\b")
VOICE = re.compile(r"\b(?:" + "|".join(FIRST_PERSON_WORDS + SECOND_PERSON_WORDS) + r")\b")


def fold(text: str) -> str:
    """Lower case, straight apostrophes, hyphens and dashes as spaces; always the same length as ``text``."""
    if text.isascii():  # the common case: of the characters to fold, only these two are ASCII
        return text.replace("-", " ").replace("`", "'").lower()
    if _TO_FOLD.search(text):  # most texts have none of these: replacing costs more than looking
        for character in set(_TO_FOLD.findall(text)):  # quicker than str.translate, which goes char by char
            text = text.replace(character, _FOLD_TO[character])
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    # A few characters grow when lowered (e.g. a dotted capital I): keep those as they are.
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def words(folded: str) -> list[str]:
    """The words of a folded text, apostrophes kept inside words ("don't")."""
    return _WORDS.findall(folded)


def voice(folded: str) -> tuple[bool, bool]:
    """(first person, first or second person): is someone speaking ("I", "my", "you"), not writing notes?"""
    found = VOICE.search(folded)
    if found is None:
        return False, False
    return found.group() not in SECOND_PERSON_WORDS or FIRST_PERSON.search(folded) is not None, True


def quote(text: str) -> str:
    """Options from the lexicon ("me | people who get support") as plain text: 'me' or 'people …'."""
    options = [f"'{option.strip()}'" for option in text.split("|") if option.strip()]
    if len(options) <= 1:
        return options[0] if options else ""
    return ", ".join(options[:-1]) + " or " + options[-1]


_Trie = dict[str, "_Trie"]  # one character -> the rest; "" marks the end of a string


# The ASCII characters that are white space to Python (and so to ``\s`` in a pattern not compiled ASCII).
ASCII_SPACE = r"[\t-\r\x1c- ]"


def trie_regex(strings: Iterable[str], space: str = r"\s") -> str:
    """One regex that matches any of ``strings``, built as a trie; longer matches are tried first.

    A space matches any run of white space (of ``space``), and an apostrophe may be left out ("carers
    assessment").
    """
    root: _Trie = {}
    for text in strings:
        node = root
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            atom = space + "+" if ch == " " else "'?" if ch == "'" else re.escape(ch)
            branches.append(atom + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
