"""The language a person chose: English or Cymraeg. Owns the session keys starting with ``language.``.

A person doing their own review chooses it on the sign-in screen, before typing their code, or on the
first screen of their review; it is kept on their review too (``Review.language``), so coming back later
opens everything in it again. What the person sees follows it: the sign-in screen, the sidebar, the
accessibility statement, every message and the review itself. Staff pages stay in English
(:func:`for_person` is English once staff are signed in).

Messages from the use cases are written in English. :func:`translated` finds each one among the English
texts of ``accessibility/texts/en/messages.toml`` (with its ``{placeholders}``) and gives the same message
from the Welsh file; a message that is not there becomes a general Welsh message, never English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Final

import streamlit as st

from accessibility.texts import DEFAULT_LANGUAGE, screen
from wtfc_collect.domain.access import Role, User

KEY: Final = "language.chosen"  # kept when signing out ("language." is kept like "display.")
NAMES: Final = {"en": "English", "cy": "Cymraeg"}
MESSAGES: Final = "messages"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def chosen() -> str:
    """The language this browser session chose ("en" until someone picks "cy")."""
    value = st.session_state.get(KEY)
    return value if isinstance(value, str) and value in NAMES else DEFAULT_LANGUAGE


def choose(language: str) -> None:
    st.session_state[KEY] = language if language in NAMES else DEFAULT_LANGUAGE


def for_person(user: User | None) -> str:
    """The language of what ``user`` sees around the pages: the chosen one for a person doing their own
    review or someone not signed in yet, English for staff."""
    return chosen() if user is None or user.role is Role.SELF_REVIEWER else DEFAULT_LANGUAGE


def chooser(place: str, on_change: Callable[[], object] | None = None) -> None:
    """English or Cymraeg as a choice on the page; ``place`` names where (its widget key), ``on_change``
    runs after the choice is kept."""
    key = f"{KEY}.{place}"
    st.session_state[key] = chosen()

    def keep() -> None:
        choose(str(st.session_state.get(key, DEFAULT_LANGUAGE)))
        if on_change is not None:
            on_change()

    label = screen("sign_in", chosen())["language_label"]  # in both languages until Welsh is chosen
    st.radio(label, list(NAMES), key=key, format_func=NAMES.__getitem__, horizontal=True, on_change=keep)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each English message as a pattern that finds its placeholders' words."""
    found = []
    for key, template in screen(MESSAGES, DEFAULT_LANGUAGE).items():
        parts = _PLACEHOLDER.split(template)  # text, name, text, name, …
        pattern = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
        found.append((key, re.compile(pattern)))
    return tuple(found)


def _filled(key: str, words: dict[str, str], language: str) -> str:
    t = screen(MESSAGES, language)
    # Words that are themselves English (a question's name, "30 seconds") come from the texts too.
    values = dict(words)
    if "question" in values:
        values["question"] = _question(values["question"], language)
    if "wait" in values:
        values["wait"] = _wait(values["wait"], language)
    if "count" in values:
        values["count"] = t.get(f"count_{values['count']}", values["count"])
    return t[key].format(**values)


def _question(label: str, language: str) -> str:
    english, wanted = screen(MESSAGES, DEFAULT_LANGUAGE), screen(MESSAGES, language)
    for key, value in english.items():
        if key.startswith("question_") and value == label:
            return wanted[key]
    return label


def _wait(words: str, language: str) -> str:
    number, _, unit = words.partition(" ")
    t = screen(MESSAGES, language)
    return t.get(f"wait_{unit}", "{n} " + unit).format(n=number)


def translated(message: str, language: str) -> str:
    """``message`` (written in English by a use case) in ``language``."""
    if language == DEFAULT_LANGUAGE or not message:
        return message
    for key, pattern in _patterns():
        if key.startswith(("question_", "wait_", "count_")):
            continue
        found = pattern.fullmatch(message)
        if found:
            return _filled(key, found.groupdict(), language)
    return screen(MESSAGES, language)["unknown"]
