"""The quick paths of the own-words checker's rules give exactly what running every check gives.

``check_rules`` (the rules under ``check_statement``, before the register model) skips a check when a
cheap look (one scan for lexicon terms and cue words, one search of the text for digits and capitals: see
wtfc_collect/quality/scan.py) shows it cannot find anything.
``reference`` below is the checker without those shortcuts: every check on every statement, the lexicon's
own pass, the voice regex and the original fold. The two must give equal verdicts on every text.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wtfc_collect.demo.project import demo_flaws, load_bank
from wtfc_collect.quality import Flag, Verdict, lexicon
from wtfc_collect.quality import patterns as pattern_checks
from wtfc_collect.quality.checker import _CLEAN, _jargon, _without_repeats, check_rules
from wtfc_collect.quality.models import verdict
from wtfc_collect.quality.names import AMBIGUOUS_NAMES, FIRST_NAMES, NAME_CLUES, TITLES
from wtfc_collect.quality.naming import judges
from wtfc_collect.quality.personal_data import CAPITALISED, NAME, contact_details, names
from wtfc_collect.quality.scan import _word_character, cue_words, scan
from wtfc_collect.quality.text import _FOLD, fold, voice

DATA = Path(__file__).resolve().parents[2] / "data"
SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"
_TO_FOLD = re.compile("[" + re.escape("".join(chr(code) for code in _FOLD)) + "]")


def reference_fold(text: str) -> str:
    """The fold as first written: translate only when a character to fold is there."""
    if _TO_FOLD.search(text):
        text = text.translate(_FOLD)
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


_VAGUE_WORDS = re.compile(r"[^\w']+")


def reference_is_vague(folded: str) -> bool:
    """The vague check as first written: the words joined by single spaces, then the vague pattern."""
    if len(folded) > pattern_checks.VAGUE_LONGEST or not pattern_checks._VAGUE_FIRST.match(folded):
        return False
    core = " ".join(_VAGUE_WORDS.sub(" ", folded).split())
    return not core or pattern_checks._VAGUE.fullmatch(core) is not None


def reference_vague(text: str, folded: str) -> list[Flag]:
    flags = pattern_checks.vague(text, folded)
    assert bool(flags) == reference_is_vague(folded), text
    return flags


def reference(text: str) -> Verdict:
    """check_rules with every check run on every statement."""
    folded = reference_fold(text)
    capitalised = list(CAPITALISED.finditer(text))
    personal = contact_details(text) + names(text, folded, capitalised)
    flags = reference_vague(text, folded)
    if not flags:
        first, speaking = voice(folded)
        every_word = pattern_checks.CUE_WORDS  # has a word of each list: no pattern is skipped
        terms = list(lexicon().find(folded))
        # A person judging what happened to them speaks as much as one saying 'I' (see checker._rules).
        judging = first or (bool(terms) and judges(folded))
        flags = _jargon(text, folded, terms, capitalised, judging)
        flags += pattern_checks.third_person(text, folded, speaking, every_word)
        flags += pattern_checks.placeholder_subject(text, folded, speaking)
        if speaking:
            flags += pattern_checks.worker_speaking(text, folded, every_word)
        flags += pattern_checks.service(text, folded, first, every_word)
        flags += pattern_checks.supported_to(text, folded, every_word)
        flags += pattern_checks.reported_by_group(text, folded, set(re.findall(r"\w+", folded)))
        flags += pattern_checks.relative_story(text, folded, every_word)
        flags += [found for flag in personal if flag.alternative == NAME
                  and (found := pattern_checks.named_subject(text, folded, flag.start, flag.end, speaking))]
    if not flags and not personal:
        return _CLEAN
    flags += personal
    return verdict(_without_repeats(flags))


def _tsv_statements(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [row["statement"] for row in rows]


TRICKY = [
    "", " ", "ok", "Nothing.", "N/A", "Very good", "THANK YOU ALL SO MUCH", "I was NOT happy with the GP",
    "Service user requires support with personal care", "He enjoys 3 hours a week at the day centre",
    "Mrs Patel said my friend Sam, 07700 900461, sam@example.com, NG7 2UH", "Dave2 and Anné came", "A&E",
    "Seen by Dx and Tx today", "Dr. Smith", "my friend, Will", "Will is lovely", "Carer’s assessment due",
    "care-plan to be set up", "Respite 2 days a week", "Increase in support hours", "awaiting OT",
    "x\x1cy care\x1cplan", "İstanbul CARE PLAN", "Ⅻ ² ٣ digits", "meet her needs", "referred to the CMHT",
    "Born 12/03/1950, NHS 943 476 5919", "The gentleman is settled", "Requires prompting", "QMC and NOK",
    "Sister Mary and Father Ted", "June came in June", "DoLS in place", "ADLs", "snake_case words",
    "homecare, home care and home  care", "careplan? care-plan. care plans", "daycare is day care", "ok!!",
    "n/a", "N / A", "'", "...", "it's fine, thanks", "Nothing - really", "no_thing", "Enjoys day care",
    "The class has been very beneficial", "Treatments could commence sooner; they are always late",
    "Good outcome and kind treatment", "Positive outcomes for the local population",
    "The nurse was kind and did all she could", "Carer says she slept well", "Dr Patel said he would ring",
    "A widower in their seventies who loves bingo.", "Gwen, 91, keeps budgies", "I am supported to cook",
    "People are encouraged to take part", "The home is registered to provide care for up to 30 people",
    "A large number of residents stayed in bed", "* Doesn't like loud noises", "* has been so helpful",
    "The lady was kind.", "The advice she gave was clear", "a frail 88-year-old woman",
    "Willow is a 9 bed home",
]


def _corpus() -> list[str]:
    texts = list(TRICKY)
    for path in sorted(DATA.glob("*.tsv")):
        texts += _tsv_statements(path)
    texts += [entry.text for entry in load_bank()]
    texts += [text for group in demo_flaws().values() for text in group]
    return texts


def test_the_quick_checker_agrees_with_running_every_check() -> None:
    texts = _corpus()
    texts += [text.upper() for text in texts] + [text.lower() for text in texts]
    for text in texts:
        assert check_rules(text) == reference(text), text


@pytest.mark.skipif(not (SHARED / "nhs_fft_comments.csv").exists(),
                    reason="shared/data is not beside the repo")
def test_the_quick_checker_agrees_on_real_comments() -> None:
    with (SHARED / "nhs_fft_comments.csv").open(encoding="utf-8", newline="") as handle:
        comments = [row["feedback"] for row in csv.DictReader(handle)]
    for text in comments[::3]:
        assert check_rules(text) == reference(text), text


# Pieces statements are made of, chosen to reach every shortcut: lexicon terms, cue words, names and
# titles in any case, acronyms, digits, e-mail, non-ASCII letters, digits and spaces, and joiners.
_PIECES = sorted(
    {t.term for t in lexicon().terms[::7]} | set(list(cue_words())[::3]) | set(TITLES)
    | set(sorted(FIRST_NAMES)[::9]) | set(sorted(AMBIGUOUS_NAMES)[::3]) | set(NAME_CLUES)
    | {"QMC", "GP", "A&E", "Dx", "CPNs", "NOT", "XII", "07700 900461", "12/03/1950", "NG7", "a@b.co", "é",
       "İ", "ß", "٣", "\u2019", "\u2014", "-", "`", "_", "&", ".", ",", "?", "\x1c", "\xa0", "\n", "3", "x"}
)
_JOINERS = st.sampled_from([" ", " ", " ", "", "-", ", ", ". ", "'", "\u2019", "  ", "\t", "\x1d"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), _JOINERS,
                          st.sampled_from([str, str, str.upper, str.lower, str.title])), max_size=12))
def test_the_quick_checker_agrees_on_made_up_statements(
        parts: list[tuple[str, str, Callable[[str], str]]]) -> None:
    text = "".join(case(piece) + joiner for piece, joiner, case in parts)
    assert check_rules(text) == reference(text), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=40))
def test_the_quick_checker_agrees_on_any_characters(text: str) -> None:
    assert check_rules(text) == reference(text)


@given(st.text(max_size=60))
def test_fold_is_unchanged(text: str) -> None:
    assert fold(text) == reference_fold(text)


def test_cue_words_are_single_words() -> None:
    # The scan's proof needs each cue word to be one run of word characters (see scan.py).
    assert all(re.fullmatch(r"[a-z]+", word) for word in cue_words())
    assert cue_words() >= pattern_checks.CUE_WORDS


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), _JOINERS), max_size=12))
def test_the_scan_finds_the_lexicons_terms_and_every_cue_word(parts: list[tuple[str, str]]) -> None:
    folded = fold("".join(piece + joiner for piece, joiner in parts))
    terms, words = scan(folded)
    assert list(terms) == list(lexicon().find(folded))
    present = {word for word in cue_words() if re.search(rf"\b{word}\b", folded)}
    assert present <= set(words)


def test_word_character_is_what_a_regex_calls_one() -> None:
    # The scan finds where a term is by looking at the characters around it (scan._where).
    word = re.compile(r"\w")
    assert [chr(code) for code in range(0x110000)
            if (word.match(chr(code)) is not None) != _word_character(chr(code))] == []


def test_every_spelling_starts_and_ends_with_a_word_character() -> None:
    # So "stands as whole words" in scan._where is the regex's \b on both sides.
    assert [s for s in lexicon().spellings | cue_words() if not re.fullmatch(r"\w(?:.*\w)?", s)] == []


def test_a_term_is_placed_where_it_stands_as_whole_words() -> None:
    folded = "my home careful, homecare and home care, day cares and day care"
    terms, _ = scan(folded)
    assert [(folded[start:end], start) for start, end, _ in terms] == list(
        (folded[m.start():m.end()], m.start()) for m in lexicon().pattern.finditer(folded))
    assert [folded[start:end] for start, end, _ in terms][:1] == ["home care"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("oknthigae '/.!-_?\u2019\n")), max_size=24))
def test_vague_as_written_is_vague_on_the_joined_words(text: str) -> None:
    folded = fold(text)
    assert bool(pattern_checks.vague(text, folded)) == reference_is_vague(folded)


def test_any_text_can_be_checked_even_a_lone_surrogate() -> None:
    from wtfc_collect.quality import check_statement

    assert check_statement("lone \ud83d surrogate AB THANK YOU ALL").own_words in (True, False)
