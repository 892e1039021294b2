"""The Welsh texts: every text a person sees has a Welsh version with the same keys, and every Welsh word is
in the open Welsh Hunspell dictionary (tests/data/hunspell/, Bangor University's cy_GB, LGPL) or on the
short allow-list of names and abbreviations."""

from __future__ import annotations

import hashlib
import io
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from accessibility.texts import (
    DOCUMENT_SCREENS,
    SHARED_SCREENS,
    SPOKEN_SCREENS,
    WELSH_SCREENS,
    screen,
    screens,
)
from tests.welsh import ALLOWED, HUNSPELL, allowed, dictionary, known, unknown_words, words
from wtfc_collect.documents.you_said import Doing, SaidTheme, YouSaidWeDid, build_you_said_we_did
from wtfc_collect.domain import ActionStatus, Question
from wtfc_collect.domain.access import Role
from wtfc_collect.ui.navigation import OPEN_WITHOUT_SIGNING_IN, PAGES

TEXTS = Path(__file__).resolve().parents[3] / "accessibility" / "texts"
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}")
# Welsh texts that are rightly the same as the English: the tool's name, and numbers.
SAME_IN_BOTH = {("sign_in", "language_label")}


def _file(language: str, name: str) -> dict[str, str]:
    with (TEXTS / language / f"{name}.toml").open("rb") as handle:
        return {key: str(value) for key, value in tomllib.load(handle).items()}


def test_the_screens_a_person_sees_are_all_in_welsh() -> None:
    person_pages = {Path(s.path).stem for s in PAGES if Role.SELF_REVIEWER in s.roles}
    assert person_pages <= set(WELSH_SCREENS)  # My review and the accessibility statement
    assert set(SHARED_SCREENS) <= set(WELSH_SCREENS)  # sign-in, sidebar, Listen, messages
    assert set(OPEN_WITHOUT_SIGNING_IN) <= set(WELSH_SCREENS)  # the statement and the workshop Vote screen
    assert set(DOCUMENT_SCREENS) <= set(WELSH_SCREENS)  # "You said, we did" and the workshop invitation
    assert "you_said_we_did" in WELSH_SCREENS and set(SPOKEN_SCREENS) - {"review_with_person"} <= set(
        WELSH_SCREENS
    )
    assert set(WELSH_SCREENS) <= set(screens("cy")) and set(screens("cy")) <= set(WELSH_SCREENS)


@pytest.mark.parametrize("name", WELSH_SCREENS)
def test_every_english_text_has_a_welsh_one_with_the_same_keys_and_placeholders(name: str) -> None:
    english, welsh = _file("en", name), _file("cy", name)
    assert set(welsh) == set(english), (
        f"texts/cy/{name}.toml: missing {sorted(set(english) - set(welsh))}, "
        f"extra {sorted(set(welsh) - set(english))}"
    )
    for key, value in english.items():
        assert sorted(PLACEHOLDER.findall(welsh[key])) == sorted(PLACEHOLDER.findall(value)), key
        if (name, key) not in SAME_IN_BOTH and words(value):
            assert welsh[key] != value, f"{name}.{key} is not translated"


@pytest.mark.parametrize("name", WELSH_SCREENS)
def test_every_welsh_word_is_in_the_welsh_dictionary(name: str) -> None:
    misspelt = {key: unknown_words(value) for key, value in _file("cy", name).items() if unknown_words(value)}
    assert not misspelt, (
        f"texts/cy/{name}.toml has words the Welsh dictionary does not know (fix the word; only names and "
        f"placeholders go on tests/data/hunspell/allowed_cy.txt): {misspelt}"
    )


def test_the_spelling_check_is_real() -> None:
    assert unknown_words("Dyma eich adolygiad. Rydych chi'n ateb tri chwestiwn.") == []
    assert unknown_words("Dyma eich adolgyiad.") == ["adolgyiad"]  # two letters swapped
    assert unknown_words("Please sign in first.") == ["Please", "sign", "in", "first"]  # English is caught
    assert unknown_words("Agor {text} a `python -m wtfc_collect`") == []  # placeholders and commands
    assert known("i'r") and known("gweithio'n") and not known("gweithio'x")


def test_the_allow_list_holds_only_names_that_are_used_and_not_welsh_words() -> None:
    used = {w for name in WELSH_SCREENS for value in _file("cy", name).values() for w in words(value)}
    for word in allowed():
        assert word in used, f"{word} is on allowed_cy.txt but no Welsh text uses it"
        assert not dictionary().lookup(word), f"{word} is a Welsh word: take it off allowed_cy.txt"
    assert len(allowed()) <= 12  # names and abbreviations only, never a way round the dictionary
    assert ALLOWED.is_file()


def test_the_dictionary_is_kept_with_its_licence_and_source() -> None:
    readme = (HUNSPELL / "README.md").read_text(encoding="utf-8")
    aff = (HUNSPELL / "cy_GB.aff").read_text(encoding="utf-8")
    assert "LGPL" in readme and "Prifysgol Bangor" in aff and "Lai GNU (yr LGPL)" in aff
    assert (
        (HUNSPELL / "LGPL-3.txt")
        .read_text(encoding="utf-8")
        .startswith("                   GNU LESSER GENERAL PUBLIC LICENSE")
    )
    for name in ("cy_GB.aff", "cy_GB.dic"):
        digest = hashlib.sha256((HUNSPELL / name).read_bytes()).hexdigest()
        assert digest in readme, f"{name} changed: note its source and checksum in the README"


PLANNED = "Byddwn ni'n trefnu amser i weld ffrindiau."  # "We will …" as written on an action plan


def _letter() -> YouSaidWeDid:
    return YouSaidWeDid(
        project="Gwasanaethau Dydd",
        made_on=date(2026, 5, 1),
        people=12,
        said={q: [SaidTheme(f"Dw i'n hoffi {q.value}", 3)] for q in Question},
        doing=[
            Doing(
                "Dw i eisiau gweld fy ffrindiau",
                [("Yr un gofalwyr bob wythnos", s, "") for s in ActionStatus]
                + [("Amser i weld ffrindiau", ActionStatus.UNDER_WAY, PLANNED)],
            )
        ],
    )


def test_you_said_we_did_in_welsh_has_only_welsh_fixed_sentences_and_welsh_language() -> None:
    letter = _letter()
    document = Document(io.BytesIO(build_you_said_we_did(letter, "cy")))
    cy, en = screen("you_said_we_did", "cy"), screen("you_said_we_did")
    lines = [p.text for p in document.paragraphs if p.text]
    text = "\n".join(lines)
    given = {
        letter.project,
        *(t.name for ts in letter.said.values() for t in ts),
        "Yr un gofalwyr bob wythnos",
        PLANNED,
    }
    assert cy["title"] in text and "1 Mai 2026" in text and cy["working_on"] in text
    assert PLANNED in text  # the plan's own "We will …" words
    assert not [v for k, v in en.items() if k != "months" and v in text and v != cy[k]], (
        "English in the letter"
    )
    assert unknown_words(text, also=frozenset(w for g in given for w in words(g))) == []
    described = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    parts = ("you_said", "working", "not_working", "future", "we_do", "next")
    assert described == [cy[f"{part}_picture"] for part in parts]
    assert document.core_properties.language == "cy-GB"
    assert 'w:val="cy-GB"' in document.styles["Normal"].element.xml
    english = Document(io.BytesIO(build_you_said_we_did(letter)))
    assert english.core_properties.language == "en-GB" and "1 May 2026" in "\n".join(
        p.text for p in english.paragraphs
    )
