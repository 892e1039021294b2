"""The own-words checker: one statement at a time (live, while staff type) or a whole batch (with copies).

A statement is "in the person's own words" unless it has a strong flag of kind jargon, third person,
service, vague or duplicate. Personal data and acronyms are flagged but never change that verdict.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Sequence
from functools import cache

from . import patterns
from .duplicates import Item, duplicate_groups
from .language import language
from .lexicon import Category, Risk, Term, lexicon
from .models import OWN_WORDS_KINDS, Flag, FlagKind, Verdict, verdict
from .names import AMBIGUOUS_NAMES, FIRST_NAMES, NAME_CLUES, TITLES
from .naming import judges
from .naming import named as named_things
from .personal_data import CAPITALISED, NAME, contact_details, names
from .register.flags import calls_professional, probability, reads_as_talk, register_flags
from .scan import FIRST_PERSON, VOICE, Terms, first_look, may_name, place
from .text import fold, quote

_UPPER = string.ascii_uppercase.encode()
_LOWER = string.ascii_lowercase.encode()
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


@cache
def _alternatives(term: Term) -> tuple[str, str]:
    """A term's plain options, quoted for an explanation and as a flag's alternative (made once a term)."""
    return quote(term.alternative), term.alternative.replace(" | ", " / ")


def _term_flag(text: str, start: int, end: int, term: Term, strong: bool) -> Flag:
    quoted, alternative = _alternatives(term)
    template = _EXPLAIN[term.category] if strong else _EXPLAIN_SOFT
    kind = FlagKind.SERVICE if term.category is Category.SERVICE_SOLUTION else FlagKind.JARGON
    return Flag(kind, start, end, template.format(t=text[start:end], a=quoted), alternative, strong)


def _strong(term: Term, first_person: bool) -> bool:
    """Low risk: strong. Medium: strong only when nobody speaks ('I', 'my') or judges. High: a soft note.

    A strong term may still become a soft note when the rest of the statement reads like the person
    talking (the register model's term gate, in :func:`check_statement`): "my CPN is brilliant" then keeps
    its words, "the balance of my dietary intake" does not."""
    if term.risk is Risk.HIGH:
        return False
    return term.risk is Risk.LOW or not first_person


def _shouting(text: str) -> bool:
    """Mostly capitals ("THANK YOU ALL SO MUCH"): capital words are then not acronyms."""
    # Counted as bytes: in UTF-8 the letters A-Z and a-z are only ever themselves.
    encoded = text.encode("utf-8", "surrogatepass")  # any str, even a lone surrogate, can be counted
    upper = len(encoded) - len(encoded.translate(None, _UPPER))
    return upper >= 6 and upper > 1.5 * (len(encoded) - len(encoded.translate(None, _LOWER)))


def _unknown_acronym(token: str) -> bool:
    """Capital letters not in the lexicon that deserve a soft note ("QMC"), not "GP", "NOT" or "HELP"."""
    letters = token[:-1] if token.endswith("s") else token
    if len(letters) < 2 or not letters.isupper() or token in _SHOUTED_WORDS or _ROMAN.fullmatch(token):
        return False
    if token in _EVERYDAY_ACRONYMS or letters in _EVERYDAY_ACRONYMS:
        return False
    # Four or more letters with a vowel are more often a word in capitals ("HELP") than an acronym.
    return len(letters) <= 3 or not any(ch in "AEIOU" for ch in letters)


def _jargon(text: str, folded: str, terms: Terms, capitalised: list[re.Match[str]],
            first: bool) -> list[Flag]:
    """Lexicon terms (any case, found by :func:`.scan.scan`) and acronyms (capitalised words), with their
    strength."""
    lex = lexicon()
    flags = [_term_flag(text, start, end, term, _strong(term, first))
             for start, end, term in terms]
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
            flags.append(_term_flag(text, start, end, term, _strong(term, first)))
        else:
            flags.append(Flag(
                kind=FlagKind.ACRONYM, start=start, end=end, strong=False,
                explanation=f"'{match.group()}': not everyone will know what these letters stand for. If it "
                            "is a service's short name, write what the person calls it."))
    return flags


_NAME_WORDS = FIRST_NAMES | AMBIGUOUS_NAMES | frozenset(TITLES)


def _may_matter(text: str, capitalised: list[str]) -> bool:
    """Whether names or acronyms can be found among the capitalised words of ``text`` (see :func:`_jargon`
    and ``names``): a name, a title, an acronym of the lexicon, or a capital or '&' as a word's second
    letter ("QMC", "A&E") that is not an everyday acronym."""
    if _NAME_WORDS.isdisjoint(capitalised) and lexicon().acronyms.keys().isdisjoint(capitalised):
        # A capital after a capital is not titlecase; an '&' is looked for on its own.
        if "&" not in text and " ".join(capitalised).istitle():
            return False
        return any(len(word) > 1 and not word[1].islower() and _unknown_acronym(word) for word in capitalised)
    return True


def _capitalised(text: str, plain: bool, words: Collection[str]) -> list[re.Match[str]]:
    """The capitalised words of ``text`` that names and acronyms are looked for in: none when none of them
    can be one (the usual case), and no clue word for a name ('my friend Sam') is among the cue ``words``.
    ``plain``: the text is usual (see :func:`.scan.first_look`), so names can be looked for among the cue
    words."""
    if NAME_CLUES.isdisjoint(words) and not (
            may_name(text, words) if plain else _may_matter(text, CAPITALISED.findall(text))):
        return []
    return list(CAPITALISED.finditer(text))


_CLEAN = Verdict(own_words=True, flags=())


def check_statement(text: str, field: str | None = None, *, relative_speaks: bool = False) -> Verdict:
    """Check one statement for jargon, care-record voice, service wording, vague answers, personal data,
    acronyms and professional writing (the register model). Duplicates need other people's statements: see
    :func:`check_statements`. ``field`` is the project's field (see :mod:`.naming`): social_care, health,
    housing or mixed (None: mixed). ``relative_speaks``: the statement is recorded as said by a family
    member or carer, so a relative telling the person's story is what was recorded, not a flag (the flag
    asks staff to record the relative under 'Said by')."""
    other = language(text)
    if other is not None:
        return verdict([*contact_details(text), Flag(
            FlagKind.LANGUAGE, 0, len(text), f"Not checked: {other}. The own-words check reads English "
            "only, so read this one yourself.", None, strong=False)])
    folded = fold(text)
    flags = _rules(text, folded, relative_speaks)
    if flags and flags[0].kind is FlagKind.VAGUE:
        return verdict(flags)
    # Names of things in the person's life (see naming.py) are looked for only where they could matter: a
    # strong term flag, or a statement the register model would call professional with them.
    strong_terms = any(f.strong and f.kind in _NAMING_KINDS for f in flags)
    likely = probability(text)
    professional = calls_professional(likely, text)
    talk = reads_as_talk(likely)
    named = named_things(text, folded, field) if strong_terms or professional else []
    if named:
        flags = [_soften(flag) if flag.strong and flag.kind in _NAMING_KINDS and _inside(flag, named)
                 else flag for flag in flags]
    # Someone named by a letter ("Mrs W", "Adult P"): a soft note where the statement reads as talk.
    flags += patterns.initialled(text, folded, relative_speaks or talk)
    if strong_terms and talk:
        # The rest of the statement reads like the person talking: a word services use is a soft note.
        flags = [_as_talk(flag, text) if flag.strong and flag.kind in _NAMING_KINDS else flag
                 for flag in flags]
    if not any(f.strong and f.kind in OWN_WORDS_KINDS for f in flags):
        # A question where the answer belongs: put to the person as a form asks it ("Do you have
        # difficulty breathing?") in a statement not read as talk, or one of the review's own; or
        # guidance to staff ("Speak slowly and use short words") in a statement not read as talk.
        if (asked := patterns.question(text, folded, talk)) is not None:
            flags.append(asked)
        elif not talk and (guide := patterns.guidance(text, folded)):
            flags.append(guide)
    if not any(f.strong and f.kind in OWN_WORDS_KINDS for f in flags):
        personal = [(f.start, f.end) for f in flags if f.kind is FlagKind.PERSONAL_DATA]
        flags += register_flags(text, named + personal, professional)
    if not flags:
        return _CLEAN
    return verdict(_without_repeats(flags) if len(flags) > 1 else flags)


def _rules(text: str, folded: str, relative_speaks: bool = False) -> list[Flag]:
    """The rule-based checks, each run only where it can find something (see scan.py). ``relative_speaks``:
    as for :func:`check_statement`."""
    # What the scan matched (cue words and the lexicon's terms); whether the text is usual (no digit, "@",
    # non-ASCII character or capitals in a row: no contact details), and whether also quiet (see below).
    found, plain, quiet = first_look(text, folded)
    if quiet:
        # The usual statement: no term, contact details, name, service wording or 'he'/'she'. Only an
        # empty answer is left, a care-notes opening, an instruction to staff, a line of a care plan or
        # someone described from outside when nobody speaks ('I', 'you'), a worker saying how they
        # support the person when someone does, and a report of what a group said ("People told us …").
        if len(folded) <= patterns.VAGUE_LONGEST and (flags := patterns.vague(text, folded)):
            return flags
        reported = patterns.reported_by_group(text, folded, found)
        if not VOICE.isdisjoint(found):  # "As a support worker I …" (a statement with 'him' is not quiet)
            reported = patterns.worker_speaking(text, folded, found) + reported
        else:
            opens = (patterns.OPENER.match(folded) or patterns.INSTRUCTION.match(folded)
                     or patterns.PLAN_LINE.match(folded) or patterns.DESCRIBED.search(folded)
                     or patterns.aged(text, folded))
            notes = patterns.third_person(text, folded, False, found) if opens else []
            return notes + reported + patterns.placeholder_subject(text, folded, False)
        return reported
    terms, words = place(folded, found)
    capitalised = _capitalised(text, plain, words)
    personal = [] if plain else contact_details(text)
    if capitalised:
        personal += names(text, folded, capitalised)
    flags = patterns.vague(text, folded) if len(folded) <= patterns.VAGUE_LONGEST else []
    if flags:
        return flags + personal
    first, voice = not FIRST_PERSON.isdisjoint(words), not VOICE.isdisjoint(words)
    # A person judging what happened to them ("The class has been very beneficial", "Good outcome and kind
    # treatment") speaks as much as one saying 'I': a medium-risk term there is a soft note, as with 'I'.
    speaking = first or (bool(terms) and judges(folded))
    flags = _jargon(text, folded, terms, capitalised, speaking) if terms or capitalised else []
    if not voice:
        flags += patterns.third_person(text, folded, voice, words, relative_speaks)
        flags += patterns.placeholder_subject(text, folded, voice)
    else:
        flags += patterns.worker_speaking(text, folded, words)
    flags += patterns.service(text, folded, first, words)
    flags += patterns.supported_to(text, folded, words)
    flags += patterns.reported_by_group(text, folded, words)
    if not relative_speaks:
        flags += patterns.relative_story(text, folded, words)
    if personal:
        flags += [named for flag in personal if flag.alternative == NAME
                  and (named := patterns.named_subject(text, folded, flag.start, flag.end, voice))]
    return flags + personal


def check_rules(text: str) -> Verdict:
    """The rules alone (no register model, no field, every language): what :func:`check_statement` builds
    on. Kept separate so its quick paths can be tested against running every check."""
    flags = _rules(text, fold(text))
    return verdict(_without_repeats(flags) if len(flags) > 1 else flags) if flags else _CLEAN


_NAMING_KINDS = frozenset({FlagKind.JARGON, FlagKind.SERVICE})


def _inside(flag: Flag, spans: list[tuple[int, int]]) -> bool:
    return any(start <= flag.start and flag.end <= end for start, end in spans)


def _soften(flag: Flag) -> Flag:
    """A term that names something in the person's life, in a sentence about it: a soft note only."""
    alternative = f" If not, try: {quote(flag.alternative)}." if flag.alternative else ""
    return flag._replace(strong=False, explanation=(
        "This names something in the person's life, in a sentence about what it is like for them, so it "
        f"may well be their words. Keep it if they said it.{alternative}"))


def _as_talk(flag: Flag, text: str) -> Flag:
    """A word services use in a statement that otherwise reads like a person talking: a soft note only."""
    alternative = f" If not, try: {quote(flag.alternative)}." if flag.alternative else ""
    return flag._replace(strong=False, explanation=(
        f"'{text[flag.start:flag.end]}' is how services often put it, but the rest of this reads like the "
        f"person talking, and people do use words like this. Keep it if they said it.{alternative}"))


def _without_repeats(flags: list[Flag]) -> list[Flag]:
    """One flag per kind and place: a service pattern and a lexicon term may cover the same words."""
    seen: set[tuple[FlagKind, int]] = set()
    kept = []
    for flag in sorted(flags, key=lambda f: (not f.strong, f.start)):
        if (flag.kind, flag.start) not in seen:
            seen.add((flag.kind, flag.start))
            kept.append(flag)
    return kept


def check_statements(items: Sequence[Item], field: str | None = None,
                     said_by_relatives: Collection[str] = ()) -> dict[str, Verdict]:
    """Check many statements: (statement_id, text, person_key) -> verdict, with copies across people.
    ``field``: the project's field, as for :func:`check_statement`; ``said_by_relatives``: the ids of the
    statements recorded as said by a family member or carer (``relative_speaks`` there)."""
    results = {statement_id: check_statement(text, field, relative_speaks=statement_id in said_by_relatives)
               for statement_id, text, _ in items}
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
