"""Reading measures for the tool's own easy-read texts: sentence length and reading grade.

Used by the tests that keep the own review's texts easy to read (grade 5 or lower, 15 words or fewer a
sentence). The grade is textstat's Flesch–Kincaid grade with syllables counted by pyphen alone, so
nothing is downloaded: textstat 0.7 would otherwise fetch nltk's cmudict on first use. textstat and
pyphen are development packages (requirements-dev.txt); the app itself never imports this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Final

from accessibility.speech import speakable

MAX_GRADE: Final = 5.0
MAX_SENTENCE_WORDS: Final = 15
HYPHENATION: Final = "en_GB"  # pyphen's dictionary for counting syllables

# Sample values for a template's placeholders, so "Question {n} of 3" is measured as it is read.
SAMPLES: Final[dict[str, str]] = {"n": "2", "limit": "1000", "text": "My cat"}
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_WORD = re.compile(r"[A-Za-z0-9À-ÿŵŷŴŶ’']+")


@dataclass(frozen=True)
class Reading:
    """How hard a text is to read."""

    grade: float  # Flesch–Kincaid grade (US school year); 5 is about age 10
    longest_sentence: int  # in words

    @property
    def easy(self) -> bool:
        return self.grade <= MAX_GRADE and self.longest_sentence <= MAX_SENTENCE_WORDS


def filled(text: str) -> str:
    """``text`` with each ``{placeholder}`` replaced by a sample value, and markdown removed."""
    return speakable(_PLACEHOLDER.sub(lambda m: SAMPLES.get(m.group(1), "this"), text))


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(filled(text).strip()) if _WORD.search(part)]


def words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


def longest_sentence(text: str) -> int:
    return max((len(words(s)) for s in sentences(text)), default=0)


@cache
def _grade_function() -> Callable[[str], float]:
    """textstat's Flesch–Kincaid grade, made to count syllables with pyphen only (offline)."""
    try:
        import textstat
        import textstat.backend.counts._count_syllables as syllables
    except ImportError as missing:  # pragma: no cover - a development install has both
        raise RuntimeError(
            "Reading grades need textstat and pyphen: pip install -r requirements-dev.txt"
        ) from missing
    # No cmudict: textstat then counts every word's syllables with pyphen (and downloads nothing).
    syllables.get_cmudict = lambda lang: None
    reader = textstat.textstat
    reader.set_lang(HYPHENATION)
    return lambda text: float(reader.flesch_kincaid_grade(text))


def grade(text: str) -> float:
    """The Flesch–Kincaid grade of ``text`` (placeholders filled in, markdown removed)."""
    plain = filled(text)
    return _grade_function()(plain) if plain else 0.0


def reading(text: str) -> Reading:
    return Reading(grade=round(grade(text), 1), longest_sentence=longest_sentence(text))
