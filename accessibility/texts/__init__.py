"""All user-facing texts, one TOML file per screen and language, so translating is a data change.

``text("home", "intro")`` returns the English text; ``text("home", "intro", "cy")`` the Welsh one,
falling back to English while a Welsh text is missing (the tests make sure none is missing for the
screens of ``WELSH_SCREENS``).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

DEFAULT_LANGUAGE = "en"
# Screens whose texts can be listened to (and are pre-rendered by `python -m wtfc_collect audio prerender`).
SPOKEN_SCREENS: tuple[str, ...] = ("self_review", "review_with_person")
# Texts of parts shown on many pages rather than of one page: the text size and contrast choices, and
# the words of the Listen button and speed choice.
SHARED_SCREENS: tuple[str, ...] = ("display", "widgets", "sign_in", "messages")
# Texts of Word documents rather than of a page (wtfc_collect/documents/).
DOCUMENT_SCREENS: tuple[str, ...] = ("you_said_we_did", "workshop_invitation")
# Screens written in easy read, held to a reading grade of 5 and 15 words a sentence by the tests.
EASY_READ_SCREENS: tuple[str, ...] = (
    "self_review",
    "display",
    "widgets",
    "you_said_we_did",
    "workshop_invitation",
    "vote",
)
# Texts that are lists of words rather than sentences (the names of the months): not measured as sentences.
WORD_LISTS: frozenset[tuple[str, str]] = frozenset(
    {
        ("you_said_we_did", "months"),
        ("workshop_invitation", "months"),
        ("workshop_invitation", "weekdays"),
        ("workshop_invitation", "date_line"),
    }
)
# Everything a person doing their own review sees, the Vote screen of a workshop, and the documents for the
# people who took part and those invited: each
# has a Welsh file with the same keys (texts/cy/), checked word by word against a Welsh dictionary by the
# tests. Staff screens are in English only.
WELSH_SCREENS: tuple[str, ...] = (
    "self_review",
    "display",
    "widgets",
    "sign_in",
    "messages",
    "accessibility_statement",
    "you_said_we_did",
    "workshop_invitation",
    "vote",
)
_ROOT = Path(__file__).parent


@cache
def screen(name: str, language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every text of one screen in one language (English where a translation is missing)."""
    texts: dict[str, str] = {}
    for lang in dict.fromkeys((DEFAULT_LANGUAGE, language)):
        path = _ROOT / lang / f"{name}.toml"
        if path.is_file():
            with path.open("rb") as handle:
                texts.update({key: str(value) for key, value in tomllib.load(handle).items()})
    if not texts:
        raise KeyError(f"no texts for screen '{name}'")
    return texts


def text(screen_name: str, key: str, language: str = DEFAULT_LANGUAGE) -> str:
    return screen(screen_name, language)[key]


def screens(language: str = DEFAULT_LANGUAGE) -> list[str]:
    return sorted(p.stem for p in (_ROOT / language).glob("*.toml"))
