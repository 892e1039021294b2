"""Welsh spelling for the tests: the open Welsh Hunspell dictionary kept in ``tests/data/hunspell/``
(Bangor University's cy_GB, LGPL; see the README there), read by spylls (pure Python, nothing downloaded).

``unknown_words(text)`` lists the words of a text that the dictionary does not know and that are not on
the allow-list of names and placeholders (``tests/data/hunspell/allowed_cy.txt``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from spylls.hunspell import Dictionary

HUNSPELL = Path(__file__).resolve().parent / "data" / "hunspell"
ALLOWED = HUNSPELL / "allowed_cy.txt"
# What is not a word to check: {placeholders}, `commands`, web addresses, and Markdown signs.
_NOT_WORDS = re.compile(r"\{[^}]*\}|`[^`]*`|https?://\S+|[*_#>]")
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŴŵŶŷ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿŴŵŶŷ]+)*['’]?|['’][A-Za-zŵŷ]+")


@cache
def dictionary() -> Dictionary:
    return Dictionary.from_files(str(HUNSPELL / "cy_GB"))


@cache
def allowed() -> frozenset[str]:
    """Names and placeholders that are not Welsh words (one a line; # starts a note)."""
    lines = (line.split("#", 1)[0].strip() for line in ALLOWED.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line)


def words(text: str) -> list[str]:
    return _WORD.findall(_NOT_WORDS.sub(" ", text.replace("’", "'")))


def known(word: str) -> bool:
    """Whether the dictionary knows ``word``; a word with an apostrophe ("chi'n", "i'r") is known when
    each part is ("chi" and "'n"), as Hunspell's BREAK rule for Welsh reads it."""
    lookup = dictionary().lookup
    if lookup(word) or lookup(word.lower()):
        return True
    if "'" in word.strip("'"):
        head, _, tail = word.partition("'")
        return known(head) and (lookup("'" + tail) or known(tail))
    if "-" in word:
        return all(known(part) for part in word.split("-") if part)
    if word.startswith("'") or word.endswith("'"):
        return known(word.strip("'")) if word.strip("'") else True
    return False


def unknown_words(text: str, also: frozenset[str] = frozenset()) -> list[str]:
    """The words of ``text`` neither in the dictionary nor allowed (names, placeholders, ``also``)."""
    ok = allowed() | also
    return [w for w in words(text) if w not in ok and w.strip("'") not in ok and not known(w)]
