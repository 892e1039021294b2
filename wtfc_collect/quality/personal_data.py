"""Personal data that must come out before a workshop: names, phone numbers, e-mails, postcodes, dates of
birth and NHS numbers.

Finding personal data never makes a statement "not in the person's own words": people name their
friends ("going to the allotment with Dave"). It only means the workshop copy needs [name] instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Flag, FlagKind
from .names import AMBIGUOUS_NAMES, FIRST_NAMES, NAME_CLUES, NOT_NAMES, PLACE_WORDS, TITLES, WORD_FIRST
from .patterns import sentence_start, verb_follows

NAME = "[name]"  # the placeholder for a name in the workshop copy (a flag's alternative)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+\s?44\s?(?:\(0\)\s?)?\d|\(?0\d)[\d\s().-]{7,14}\d(?!\d)")
_TEN_DIGITS = re.compile(r"(?<![\d.])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])")
_POSTCODE = re.compile(r"\b[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:19|20)?\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+"
    rf"(?:19|20)\d{{2}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}})(?!\d)",
    re.IGNORECASE,
)
_BIRTH_CONTEXT = re.compile(r"(?:\bdob|d\.o\.b\.?|date\s+of\s+birth|\bborn(?:\s+on)?|\bbirthday)\W{0,4}\Z",
                            re.IGNORECASE)
_NHS_CONTEXT = re.compile(r"\bnhs\b|\bchi\b|\bhospital\s+(?:no|number)\b", re.IGNORECASE)
# Capitalised words: the only places a name (or an acronym, see checker.py) can be. One pass finds them all.
CAPITALISED = re.compile(r"[A-Z](?<![\w&][A-Z])[A-Za-z&]*")  # starts with the capital: a quicker scan
_AFTER_TITLE = re.compile(r"\.?\s+[A-Z][a-zA-Z'’-]+")
_TITLES = frozenset(TITLES)
# A first name after these is part of a place or a title, not a person to take out: "Queen Elizabeth".
_NOT_A_NAME_BEFORE = frozenset({"St", "Saint", "Queen", "King", "Prince", "Princess", "Lord", "Lady", "Sir"})
_DIGIT = re.compile(r"\d")  # every contact detail but an e-mail address has one: most statements have none
_ASCII_DIGIT = re.compile("[0-9]")  # the same in an ASCII text, and quicker to look for
_NUMBER = re.compile(r"\d\d")  # phone numbers, NHS numbers and dates all have two digits in a row
_DATE_GATE = re.compile(r"\d[/.-]\d|(?:19|20)\d\d")
_POSTCODE_GATE = re.compile(r"[A-Z]\d")


def nhs_number_valid(digits: str) -> bool:
    """The NHS number check digit (modulus 11). About 1 in 11 random 10-digit numbers pass too."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _flag(start: int, end: int, explanation: str, alternative: str, strong: bool = True) -> Flag:
    return Flag(FlagKind.PERSONAL_DATA, start, end, explanation, alternative, strong)


def _phone(text: str) -> list[Flag]:
    flags = []
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group().replace("(0)", ""))
        digits = "0" + digits[2:] if digits.startswith("44") else digits
        if len(digits) in (10, 11) and digits[0] == "0" and digits[1] != "0":
            flags.append(_flag(*match.span(), "This looks like a phone number. It must not reach the "
                               "workshop: write [phone number] instead.", "[phone number]"))
    return flags


def _numbers(text: str, taken: list[Flag]) -> list[Flag]:
    """NHS numbers and dates (``taken``: phone numbers already found); only called for two digits in a row."""
    flags = []
    for match in _TEN_DIGITS.finditer(text):
        if any(f.start <= match.start() < f.end for f in taken):
            continue
        context = _NHS_CONTEXT.search(text, max(0, match.start() - 40), match.start()) is not None
        # Written as an NHS number ("NHS no 123 456 7890"): flagged even when its check digit is wrong (a
        # mistyped number still points to someone); a bare 10-digit number only when its check digit fits.
        if context or nhs_number_valid("".join(match.groups())):
            flags.append(_flag(
                *match.span(),
                "This looks like an NHS number. It must not reach the workshop: write [NHS number]."
                if context else "A 10-digit number: check it is not an NHS number or another ID before the "
                "workshop.", "[NHS number]", strong=context))
    for match in _DATE.finditer(text) if _DATE_GATE.search(text) else ():
        birth = _BIRTH_CONTEXT.search(text, max(0, match.start() - 20), match.start()) is not None
        flags.append(_flag(
            *match.span(),
            "This looks like a date of birth. It must not reach the workshop: write [date of birth]."
            if birth else "A full date can help identify someone. Keep it only if it matters to the "
            "statement; otherwise write [date].", "[date of birth]" if birth else "[date]", strong=birth))
    return flags


def _name_flag(text: str, start: int, end: int) -> Flag:
    return _flag(start, end, f"'{text[start:end]}' looks like a name: replace it with {NAME} for the "
                 "workshop. This is not a problem with the person's own words.", NAME)


def _word_before(folded: str, start: int) -> str:
    before = folded.rfind(" ", 0, max(0, start - 1))
    return folded[before + 1:start].strip().rstrip(",")


def _is_name(text: str, folded: str, start: int, end: int) -> bool:
    """A known first name, unless it is part of a place ("Elizabeth Street", "St John's")."""
    word = text[start:end]
    if _word_before(folded, start) in NAME_CLUES:  # "my friend Kelly", whatever follows
        return True
    after = _AFTER_PLACE.match(text, end)
    before = text[max(0, start - 9):start].split()
    if ((after and (after.group(1) in PLACE_WORDS or after.group(1) in _PLACE_WORDS_LOWER))
            or (before and before[-1] in _NOT_A_NAME_BEFORE)):
        return False
    if word not in AMBIGUOUS_NAMES:
        return True
    return word not in WORD_FIRST and sentence_start(folded, start) and verb_follows(folded, end)


_AFTER_PLACE = re.compile(r"\s+([A-Za-z][a-z]+)")
# Place words people write in small letters after a ward's or a street's name: "on Kingsley ward".
_PLACE_WORDS_LOWER = frozenset({"ward", "unit", "street", "road", "lane", "avenue", "hospital", "centre",
                                "surgery", "clinic"})


_JOINED = re.compile(r"\s*(?:,|and|&)\s*")


def names(text: str, folded: str, capitalised: Sequence[re.Match[str]]) -> list[Flag]:
    """Names of people: after a title ("Mrs Patel"), after a clue ("my friend Sam"), or a known first name.

    ``capitalised`` are the matches of :data:`CAPITALISED` in ``text``.
    """
    if not capitalised or text.isupper():
        return []
    flags: list[Flag] = []
    for match in capitalised:
        word = match.group()
        start, end = match.span()
        if word in _TITLES:
            if surname := _AFTER_TITLE.match(text, end):
                flags.append(_name_flag(text, start, surname.end()))
        elif word in FIRST_NAMES or word in AMBIGUOUS_NAMES:
            # A name that is also a word is a name next to another one: "Faye and Poppy visited".
            beside_a_name = bool(flags) and _JOINED.fullmatch(text, flags[-1].end, start) is not None
            if beside_a_name or _is_name(text, folded, start, end):
                flags.append(_name_flag(text, start, end))
        elif (start and word not in NOT_NAMES and word not in PLACE_WORDS and not word.isupper()
              and _word_before(folded, start) in NAME_CLUES):
            flags.append(_name_flag(text, start, end))
    return _merge(flags) if len(flags) > 1 else flags


def _merge(flags: list[Flag]) -> list[Flag]:
    """Drop a flag inside (or equal to) another one: 'Mrs Patel' wins over 'Patel'."""
    flags.sort(key=lambda f: (f.start, -f.end))
    kept: list[Flag] = []
    for flag in flags:
        if kept and flag.start < kept[-1].end:
            continue
        kept.append(flag)
    return kept


# A house number and a street: "12 Elm Road", "Flat 3, 14 Station Street". (Place words: see names.py.)
_STREET = re.compile(
    r"\b(?:(?i:flat|apartment|unit)\s+\d+[a-z]?,?\s+)?\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z'’-]+\s+){1,3}"
    r"(?i:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Grove|Place|Terrace|Gardens|"
    r"Walk|Row|Mews|View|Hill|Rise|Square|Park)\b")


def _addresses(text: str) -> list[Flag]:
    return [_flag(*m.span(), "This looks like a street address, which can show where someone lives. Write "
                  "[address] instead.", "[address]") for m in _STREET.finditer(text)]


def contact_details(text: str) -> list[Flag]:
    """E-mail addresses, phone numbers, NHS numbers, street addresses, postcodes and dates."""
    flags: list[Flag] = []
    if "@" in text:
        flags += [_flag(*m.span(), "This looks like an e-mail address. It must not reach the workshop: "
                        "write [e-mail] instead.", "[e-mail]") for m in _EMAIL.finditer(text)]
    digits = (_ASCII_DIGIT if text.isascii() else _DIGIT).search(text) is not None
    if digits and _NUMBER.search(text):
        flags += _phone(text)
        flags += _numbers(text, flags)
    if digits:
        flags += _addresses(text)
    if digits and _POSTCODE_GATE.search(text):
        flags += [_flag(*m.span(), "This looks like a postcode, which can show where someone lives. Write "
                        "[postcode] instead.", "[postcode]") for m in _POSTCODE.finditer(text)]
    return _merge(flags) if len(flags) > 1 else flags
