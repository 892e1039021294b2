"""A proposed workshop copy of a statement with personal data swapped for neutral placeholders.

It is only a proposal: a person confirms (or corrects) it before the statement can reach a workshop.
"""

from __future__ import annotations

import re

from .checker import check_statement
from .models import Flag, FlagKind
from .names import NOT_NAMES, PLACE_WORDS
from .personal_data import NAME

FALLBACK = "[name]"
# A capitalised word straight after a first name: the surname ("Sarah Jones", "Sarah Lloyd-Jones").
_SURNAME = re.compile(r"[ \t]+((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)(?![\w'’-])")


def personal_data(text: str) -> list[Flag]:
    """The personal data the checker finds in a statement, in reading order."""
    return sorted(
        (f for f in check_statement(text).flags if f.kind is FlagKind.PERSONAL_DATA), key=lambda f: f.start
    )


def _with_surname(text: str, flag: Flag) -> Flag:
    """A name flag widened over the surname after it, so "[name] Jones" never reaches a workshop."""
    surname = _SURNAME.match(text, flag.end) if flag.alternative == NAME else None
    if surname is None or surname.group(1) in NOT_NAMES or surname.group(1) in PLACE_WORDS:
        return flag
    return flag._replace(end=surname.end())


def propose_anonymised(text: str) -> tuple[str, list[Flag]]:
    """The text with each piece of personal data replaced by a placeholder such as [name] or [phone
    number], and the flags that were replaced. Overlapping finds are replaced once."""
    replaced: list[Flag] = []
    last_end = -1
    for flag in [_with_surname(text, found) for found in personal_data(text)]:
        if flag.start >= last_end:
            replaced.append(flag)
            last_end = flag.end
    pieces: list[str] = []
    cursor = 0
    for flag in replaced:
        pieces.append(text[cursor : flag.start])
        pieces.append(flag.alternative or FALLBACK)
        cursor = flag.end
    pieces.append(text[cursor:])
    return "".join(pieces), replaced
