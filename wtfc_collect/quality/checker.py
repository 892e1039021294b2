"""The own-words checker: one statement at a time (live, while staff type) or a whole batch (with copies).

A statement is "in the person's own words" unless it has a strong flag of kind jargon, third person,
service, vague or duplicate. Personal data and acronyms are flagged but never change that verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import patterns
from .duplicates import Item, duplicate_groups
from .lexicon import Category, Risk, Term, lexicon
from .models import Flag, FlagKind, Verdict, verdict
from .personal_data import CAPITALISED, NAME, contact_details, names
from .text import fold, quote, voice

_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
# Capital letters everyone knows: no note.
_EVERYDAY_ACRONYMS = frozenset(re.findall(r"\S+", """
GP GPs NHS TV OK UK A&E ID DVD CD CDs BBC ITV PC PIN ATM MOT DIY USB SMS PE IT AM PM BBQ WC ASAP FYI NB PS
ICU ECG MRI CT DJ MP PhD HGV VAT USA US EU GB KFC RSPCA YMCA AA RAF HQ SOS RIP IQ VIP ASDA COVID CV ENT ER
XL DWP GCSE GCSEs BTEC NVQ HIV ADHD OCD PTSD IBS MS ME MND DLA ESA JSA UC DVLA HMRC PCSO CAB NI BT EE TK
RNIB WiFi LGBT LGBTQ DOB CBT PPE
"""))
# Short everyday words written in capitals for emphasis ("I was NOT happy"): not acronyms.
_SHOUTED_WORDS = frozenset(re.findall(r"\S+", """
A AN THE AND BUT OR IF SO TO OF IN ON AT UP BY NO NOT YES YOU YOUR ALL ANY MY ME WE US OUR HE SHE HIS
HER IS BE AM ARE WAS DO DID DONE HAS HAD CAN GET GOT FOR ONE TWO BAD SAD MAD HOW WHY WHO NOW NEW OLD BIG
OUT OFF TOO LOT LET SAY SEE TRY WAY DAY ASK
"""))
_ROMAN = re.compile(r"[IVX]+")
_POSSESSIVE = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?\Z")

_EXPLAIN = {
    Category.CARE_SERVICE: "'{t}' is how services talk. Is this how the person said it? Try: {a}.",
    Category.CLINICAL: "'{t}' is a medical word. Did the person say it? Try: {a}.",
    Category.MANAGEMENT: "'{t}' is office or policy language, not everyday talk. Try: {a}.",
    Category.DEFICIT: "'{t}' is how services talk about people, often by a label or a problem. Is this "
                      "how the person said it? Try: {a}.",
    Category.ACRONYM: "'{t}' is a short form services use. Write what the person calls it, for example {a}.",
    Category.SERVICE_SOLUTION: "'{t}' names a service, which is a solution, not the person's life. What "
                               "difference does it make to them? Try: {a}.",
}
_EXPLAIN_SOFT = ("'{t}': people do say this about their own lives, so it may be their words. Keep it if "
                 "they said it; if not, try: {a}.")


def _term_flag(text: str, start: int, end: int, term: Term, strong: bool) -> Flag:
    written = text[start:end]
    template = _EXPLAIN[term.category] if strong else _EXPLAIN_SOFT
    kind = FlagKind.SERVICE if term.category is Category.SERVICE_SOLUTION else FlagKind.JARGON
    explanation = template.format(t=written, a=quote(term.alternative))
    return Flag(kind=kind, start=start, end=end, explanation=explanation,
                alternative=term.alternative.replace(" | ", " / "), strong=strong)


def _strong(term: Term, folded: str, start: int, first_person: bool) -> bool:
    """Low risk: strong unless 'my …'. Medium: strong only with no 'I'/'my'. High: always a soft note."""
    if term.risk is Risk.HIGH:
        return False
    if _POSSESSIVE.search(folded, max(0, start - 30), start):
        return False
    return term.risk is Risk.LOW or not first_person


def _shouting(text: str) -> bool:
    """Mostly capitals ("THANK YOU ALL SO MUCH"): capital words are then not acronyms."""
    upper = len(_UPPER.findall(text))
    return upper >= 6 and upper > 1.5 * len(_LOWER.findall(text))


def _unknown_acronym(token: str) -> bool:
    """Capital letters not in the lexicon that deserve a soft note ("QMC"), not "GP", "NOT" or "HELP"."""
    letters = token[:-1] if token.endswith("s") else token
    if len(letters) < 2 or not letters.isupper() or token in _SHOUTED_WORDS or _ROMAN.fullmatch(token):
        return False
    if token in _EVERYDAY_ACRONYMS or letters in _EVERYDAY_ACRONYMS:
        return False
    # Four or more letters with a vowel are more often a word in capitals ("HELP") than an acronym.
    return len(letters) <= 3 or not any(ch in "AEIOU" for ch in letters)


def _jargon(text: str, folded: str, capitalised: list[re.Match[str]], first: bool) -> list[Flag]:
    """Lexicon terms (any case) and acronyms (capitalised words), with their strength."""
    lex = lexicon()
    flags = [_term_flag(text, start, end, term, _strong(term, folded, start, first))
             for start, end, term in lex.find(folded)]
    shouting: bool | None = None
    for match in capitalised:
        word = match.group()
        if len(word) < 2 or (word[1].islower() and word not in lex.acronyms):
            continue  # an ordinary capitalised word ("The", "Staff"): the common case, kept quick
        term = lex.acronyms.get(word)
        if term is None and not _unknown_acronym(word):
            continue
        if shouting is None:
            shouting = _shouting(text)
        if shouting:
            break
        start, end = match.span()
        if term is not None:
            flags.append(_term_flag(text, start, end, term, _strong(term, folded, start, first)))
        else:
            flags.append(Flag(
                kind=FlagKind.ACRONYM, start=start, end=end, strong=False,
                explanation=f"'{match.group()}': not everyone will know what these letters stand for. If it "
                            "is a service's short name, write what the person calls it."))
    return flags


_CLEAN = Verdict(own_words=True, flags=())


def check_statement(text: str) -> Verdict:
    """Check one statement for jargon, care-record voice, service wording, vague answers, personal data
    and acronyms. Duplicates need other people's statements: see :func:`check_statements`."""
    folded = fold(text)
    capitalised = list(CAPITALISED.finditer(text))
    personal = contact_details(text) + names(text, folded, capitalised)
    flags = patterns.vague(text, folded)
    if not flags:
        first, speaking = voice(folded)
        flags = _jargon(text, folded, capitalised, first)
        flags += patterns.third_person(text, folded, speaking)
        flags += patterns.service(text, folded, first)
        flags += [found for flag in personal if flag.alternative == NAME
                  and (found := patterns.named_subject(text, folded, flag.start, flag.end, speaking))]
    if not flags and not personal:
        return _CLEAN
    flags += personal
    return verdict(_without_repeats(flags))


def _without_repeats(flags: list[Flag]) -> list[Flag]:
    """One flag per kind and place: a service pattern and a lexicon term may cover the same words."""
    seen: set[tuple[FlagKind, int]] = set()
    kept = []
    for flag in sorted(flags, key=lambda f: (not f.strong, f.start)):
        if (flag.kind, flag.start) not in seen:
            seen.add((flag.kind, flag.start))
            kept.append(flag)
    return kept


def check_statements(items: Sequence[Item]) -> dict[str, Verdict]:
    """Check many statements: (statement_id, text, person_key) -> verdict, with copies across people."""
    results = {statement_id: check_statement(text) for statement_id, text, _ in items}
    texts = {statement_id: text for statement_id, text, _ in items}
    for group in duplicate_groups(items):
        others = group.people - 1
        for statement_id in group.statement_ids:
            text = texts[statement_id]
            copied = Flag(
                kind=FlagKind.DUPLICATE, start=0, end=len(text), strong=group.strong,
                explanation=("The same words are in " if group.exact else "Nearly the same words are in ")
                + f"{others} other {'person' if others == 1 else 'people'}'s review"
                + ("" if others == 1 else "s") + ". Was this copied? Each statement should be what this "
                "person said.")
            results[statement_id] = verdict([*results[statement_id].flags, copied])
    return results
