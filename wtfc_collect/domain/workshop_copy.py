"""The workshop copy of a statement: the person's words, with personal details swapped for placeholders.

Confirming a workshop copy may only hide details: a name, a place, a phone number, an e-mail address, a
postcode, a date or an NHS number becomes a placeholder such as ``[name]`` or ``[phone number]``. Every
other word must stay exactly as the person said it (or as they agreed it, see ``AgreedWords`` on the
statement). So "My carer Jean never listens to me" may become "My carer [name] never listens to me", but
never "Addressing social isolation".

What a placeholder may stand for is kept narrow, so that hiding cannot be used to rewrite: a run of at most
``MAX_DETAIL_WORDS`` whole words on one line, each of which looks like a detail (it starts with a capital
letter or holds a digit or an @), or is a word of a date or an address ("may", "road"), or joins the
parts of a name between two such words ("of", "van"); at least one word must look like a detail. "I",
"my" and the like are never details.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

PLACEHOLDERS: tuple[str, ...] = (
    "[name]",
    "[place]",
    "[address]",
    "[postcode]",
    "[phone]",
    "[phone number]",
    "[e-mail]",
    "[email]",
    "[date]",
    "[date of birth]",
    "[age]",
    "[NHS number]",
    "[number]",
)
MAX_DETAIL_WORDS = 8
MAX_DETAIL_CHARS = 80

_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS), re.IGNORECASE)
_BRACKETED = re.compile(r"\[[^\[\]\n]{1,40}\]")
_WORD = re.compile(r"\S+")
# Small words that join the parts of a name or place ("Ruth van der Berg", "Isle of Wight"): only between
# two other words of a detail, never at its start or end.
_JOINING_WORDS = "of the and & de da di du la le van von der den ter bin ben al el upon"
# Words of dates and addresses that may be written in small letters ("3rd may", "12 long road").
_DATE_AND_ADDRESS_WORDS = """jan january feb february mar march apr april may jun june jul july aug august
    sep sept september oct october nov november dec december road rd street st lane ln avenue ave close
    drive dr way flat house court crescent gardens terrace hill park square place row walk mews"""
# Words that are never a detail, however they are written: hiding them would change who is speaking.
_NEVER_WORDS = "i i'm i’m i've i’ve i'd i’d i'll i’ll me my mine myself we our us"
_JOINING = frozenset(_JOINING_WORDS.split())
_DATE_AND_ADDRESS = frozenset(_DATE_AND_ADDRESS_WORDS.split())
_NEVER_DETAILS = frozenset(_NEVER_WORDS.split())
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def _kind_of_word(word: str) -> int:
    """3: the word looks like a detail itself (a capital, a digit, an @); 2: a word of a date or an address;
    1: punctuation, or a word that joins the parts of a name ("of", "van"); 0: no part of a detail."""
    bare = _EDGE.sub("", word)
    if not bare:
        return 1  # punctuation inside a detail: "Flat 3, 12 Long Road" or "(01632) 960 000"
    folded = bare.casefold()
    if folded in _NEVER_DETAILS:
        return 0
    if any(ch.isdigit() for ch in bare) or "@" in bare or bare[0].isupper():
        return 3
    if folded in _DATE_AND_ADDRESS:
        return 2
    return 1 if folded in _JOINING else 0


def _at_word_edge(text: str, position: int) -> bool:
    """True when ``position`` does not cut a word (or a number) in two."""
    if position in (0, len(text)):
        return True
    return not (text[position - 1].isalnum() and text[position].isalnum())


@lru_cache(maxsize=4096)
def is_detail(span: str) -> bool:
    """Whether ``span`` (taken from a statement) is something a placeholder may stand for."""
    if not span.strip() or span != span.strip() or "\n" in span or len(span) > MAX_DETAIL_CHARS:
        return False
    kinds = [_kind_of_word(word) for word in _WORD.findall(span)]
    return len(kinds) <= MAX_DETAIL_WORDS and 0 not in kinds and 3 in kinds and kinds[0] > 1 and kinds[-1] > 1


def _pieces(copy: str) -> list[tuple[bool, str]]:
    """The copy cut into placeholders (True) and the words between them (False), in order."""
    pieces: list[tuple[bool, str]] = []
    cursor = 0
    for found in _PLACEHOLDER.finditer(copy):
        if found.start() > cursor:
            pieces.append((False, copy[cursor : found.start()]))
        pieces.append((True, found.group()))
        cursor = found.end()
    if cursor < len(copy):
        pieces.append((False, copy[cursor:]))
    return pieces


def _detail_ends(words: str, start: int) -> Iterable[int]:
    if not _at_word_edge(words, start):
        return
    for end in range(start + 1, min(len(words), start + MAX_DETAIL_CHARS) + 1):
        if _at_word_edge(words, end) and is_detail(words[start:end]):
            yield end


def follows_words(words: str, copy: str) -> bool:
    """True when ``copy`` is ``words`` with some details (each a run of whole words) replaced by
    placeholders, and nothing else changed.

    Worked out by following the copy through the words: each piece of the copy's own text must come next
    in the words, exactly; each placeholder may take the place of any detail that starts there.
    """
    if copy == words:
        return True
    reachable = {0}
    for is_placeholder, piece in _pieces(copy):
        if is_placeholder:
            reachable = {end for start in reachable for end in _detail_ends(words, start)}
        else:
            reachable = {start + len(piece) for start in reachable if words.startswith(piece, start)}
        if not reachable:
            return False
    return len(words) in reachable


def unknown_placeholder(copy: str) -> str | None:
    """The first word in square brackets that is not one of the placeholders, if any ("[carer]")."""
    return next((m.group() for m in _BRACKETED.finditer(copy) if not _PLACEHOLDER.fullmatch(m.group())), None)


def copy_problem(words: str, copy: str) -> str | None:
    """Why ``copy`` may not be the workshop copy of ``words``, in plain words; None when it may."""
    if follows_words(words, copy):
        return None
    unknown = unknown_placeholder(copy)
    if unknown is not None:
        return (
            f"{unknown} is not one of the placeholders. Use one of: {', '.join(PLACEHOLDERS)}. "
            "To change other words, record words agreed with the person."
        )
    return (
        "The workshop copy can only swap names, places, dates and contact details for placeholders such "
        "as [name] or [phone number]; every other word stays as the person said it. To change other "
        "words, record words agreed with the person (who agreed, when and why)."
    )
