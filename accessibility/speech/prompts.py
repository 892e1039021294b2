"""The tool's own fixed texts: the only texts that may go to an online engine or into the disk cache.

A text counts as a fixed prompt when, once made speakable, it is exactly one of the tool's texts (any
screen, any language), or one of its templates with only NUMBERS filled in ("Question 2 of 3").
Anything else — above all a person's own words — is private, whatever the caller says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from accessibility.speech.core import LANGUAGES
from accessibility.speech.speakable import speakable
from accessibility.texts import DEFAULT_LANGUAGE, SPOKEN_SCREENS, screen, screens

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def is_template(text: str) -> bool:
    return _PLACEHOLDER.search(text) is not None


class PromptCatalogue:
    """Recognises fixed prompts among spoken texts (texts already passed through ``speakable``)."""

    def __init__(self, texts: Iterable[str]) -> None:
        exact: set[str] = set()
        patterns: list[re.Pattern[str]] = []
        for text in texts:
            spoken = speakable(text)
            if not spoken:
                continue
            if is_template(spoken):
                pieces = (re.escape(piece) for piece in _PLACEHOLDER.split(spoken))
                patterns.append(re.compile(r"\d{1,9}".join(pieces)))
            else:
                exact.add(spoken)
        self._exact = frozenset(exact)
        self._patterns = tuple(patterns)

    def __contains__(self, spoken: object) -> bool:
        if not isinstance(spoken, str):
            return False
        return spoken in self._exact or any(p.fullmatch(spoken) for p in self._patterns)

    def __len__(self) -> int:
        return len(self._exact) + len(self._patterns)


@cache
def tool_catalogue() -> PromptCatalogue:
    """Every text of every screen in every language the tool speaks (read once, on first use)."""
    return PromptCatalogue(
        value
        for language in LANGUAGES
        for name in screens(language)
        for value in screen(name, language).values()
    )


def is_fixed_prompt(spoken: str) -> bool:
    return spoken in tool_catalogue()


def spoken_prompts(language: str = "en") -> dict[str, str]:
    """The texts of the spoken screens to pre-render, keyed ``"screen.key"``.

    Templates ("Question {n} of 3") are left out: the page fills them in before speaking, so the
    clip is made (and cached) the first time someone listens. So are texts not yet translated (the
    screen shows the English one): an English text must not be read out with a Welsh voice.
    """
    prompts: dict[str, str] = {}
    for name in SPOKEN_SCREENS:
        english = screen(name, DEFAULT_LANGUAGE)
        for key, value in screen(name, language).items():
            untranslated = language != DEFAULT_LANGUAGE and value == english.get(key)
            if not untranslated and not is_template(value) and speakable(value):
                prompts[f"{name}.{key}"] = value
    return prompts
