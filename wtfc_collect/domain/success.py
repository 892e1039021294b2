"""Step 5, identify success: what people would be saying if the top root causes were put right, from each
perspective in the room (people, carers and families, commissioners, providers, and others the room names),
and the measures that would show it. A measure is a number (a unit, a baseline where one is known, and
readings over time in Step 8) or words (what we will hear people say, and what they said when we asked).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from .base import DomainError, FilledText, Label, Record, RecordId, StrictModel, Text, one_line


class Perspective(StrEnum):
    PEOPLE = "people"  # people using support, carers and families
    COMMISSIONERS = "commissioners"
    PROVIDERS = "providers"
    OTHER = "other"


PERSPECTIVE_LABELS = {
    Perspective.PEOPLE: "People, carers and families",
    Perspective.COMMISSIONERS: "Commissioners",
    Perspective.PROVIDERS: "Providers",
}
MAIN_PERSPECTIVES = tuple(PERSPECTIVE_LABELS)
# Names a room may type for a main perspective; these are filed under it, not as a new one.
_MAIN_ALIASES = {
    "people": Perspective.PEOPLE,
    "person": Perspective.PEOPLE,
    "people carers and families": Perspective.PEOPLE,
    "people using support": Perspective.PEOPLE,
    "carers": Perspective.PEOPLE,
    "families": Perspective.PEOPLE,
    "commissioner": Perspective.COMMISSIONERS,
    "commissioners": Perspective.COMMISSIONERS,
    "provider": Perspective.PROVIDERS,
    "providers": Perspective.PROVIDERS,
}


class SuccessStatement(Record):
    """What success would look like from one perspective, if one of the theme's top root causes were put
    right. Written before root causes were taken forward, or carried from the last cycle, it is about the
    theme as a whole (no root cause)."""

    project_id: RecordId
    theme_id: RecordId
    perspective: Perspective
    perspective_name: Label | None = None  # for OTHER, e.g. "Third sector"
    text: FilledText
    root_cause_id: RecordId | None = None
    carried_from: RecordId | None = None  # the last cycle's success statement this one carries forward

    @model_validator(mode="after")
    def _other_named(self) -> SuccessStatement:
        if self.perspective is Perspective.OTHER and not self.perspective_name:
            raise ValueError("name the perspective, for example 'third sector'")
        return self


class Reading(StrictModel):
    on: date
    value: float = Field(allow_inf_nan=False)


class Heard(StrictModel):
    """What people said, on a day, about a measure in words (at reviews, in a survey, at a meeting)."""

    on: date
    text: FilledText


class MeasureKind(StrEnum):
    NUMBER = "number"  # something counted: a unit, a baseline and readings
    WORDS = "words"  # what we will hear people say


MEASURE_KIND_LABELS = {
    MeasureKind.NUMBER: "A number we count",
    MeasureKind.WORDS: "Words we will hear people say",
}


class Measure(Record):
    """How we will know (Step 5): a number with an optional baseline and readings over time, or the words
    we will hear people say with what they said when asked (Steps 7 and 8)."""

    project_id: RecordId
    success_id: RecordId
    description: FilledText  # what we count, or what we will hear people say
    unit: Label | None = None
    baseline: float | None = Field(default=None, allow_inf_nan=False)
    readings: list[Reading] = Field(default_factory=list)
    kind: MeasureKind = MeasureKind.NUMBER
    how_we_will_know: Text = ""  # where the figures or the words will come from
    heard: list[Heard] = Field(default_factory=list)
    carried_from: RecordId | None = None  # the last cycle's measure this one carries forward

    @model_validator(mode="after")
    def _kind_fits(self) -> Measure:
        if self.kind is MeasureKind.WORDS and (self.unit or self.baseline is not None or self.readings):
            raise ValueError("a measure in words has no unit, baseline or readings")
        if self.kind is MeasureKind.NUMBER and self.heard:
            raise ValueError("a measure that counts has readings, not words heard")
        return self

    @property
    def current(self) -> float | None:
        """The latest reading; of two on the same day, the one added last."""
        if not self.readings:
            return None
        latest = max(range(len(self.readings)), key=lambda i: (self.readings[i].on, i))
        return self.readings[latest].value

    @property
    def latest_heard(self) -> Heard | None:
        """What people said most recently (of two on the same day, the one added last)."""
        if not self.heard:
            return None
        return self.heard[max(range(len(self.heard)), key=lambda i: (self.heard[i].on, i))]

    @property
    def where_it_stands(self) -> float | None:
        """The figure a next cycle starts from: the latest reading, else the baseline."""
        return self.current if self.current is not None else self.baseline


def resolve_perspective(name: str, known: Iterable[str] = ()) -> tuple[Perspective, str | None]:
    """The perspective for a name typed by the room: a main one ("providers"), or another one spelt as
    it was first written ("third sector" becomes "Third sector" if that is already in use)."""
    cleaned = " ".join(str(one_line(name)).split())
    if not cleaned:
        raise DomainError('Name the perspective, for example "Third sector".', "perspective_name")
    key = re.sub(r"[^a-z ]", "", cleaned.casefold().replace(",", " ").replace("&", " and ")).split()
    main = _MAIN_ALIASES.get(" ".join(key))
    if main is not None:
        return main, None
    for label in known:
        if label.casefold() == cleaned.casefold():
            return Perspective.OTHER, label
    return Perspective.OTHER, cleaned


def parse_baseline(value: str | float | None) -> float | None:
    """A baseline as typed ("1,500", "£150,000", "38%", "2.5") as a number; empty means not known yet."""
    if value is None or isinstance(value, int | float):
        return None if value is None else float(value)
    cleaned = re.sub(r"[\s,£$€%]", "", value)
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise DomainError(
            "Write the baseline as a number, for example 38 or 1500000, or leave it empty.", "baseline"
        )
    return number


def perspective_label(statement: SuccessStatement) -> str:
    if statement.perspective is Perspective.OTHER:
        return statement.perspective_name or "Other"
    return PERSPECTIVE_LABELS[statement.perspective]


def perspective_key(statement: SuccessStatement) -> str:
    """One key per perspective: the main ones by value, others by their name ignoring case."""
    if statement.perspective is Perspective.OTHER:
        return "other:" + (statement.perspective_name or "").casefold()
    return statement.perspective.value
