"""Step 5, identify success: what people would be saying if things were put right, from each perspective
in the room (people, carers and families, commissioners, providers, and others the room names), and the
measures that would show it, with a baseline where one is known and readings over time (Step 8).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from .base import DomainError, FilledText, Label, Record, RecordId, StrictModel, one_line


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
    """What success would look like from one perspective."""

    project_id: RecordId
    theme_id: RecordId
    perspective: Perspective
    perspective_name: Label | None = None  # for OTHER, e.g. "Third sector"
    text: FilledText

    @model_validator(mode="after")
    def _other_named(self) -> SuccessStatement:
        if self.perspective is Perspective.OTHER and not self.perspective_name:
            raise ValueError("name the perspective, for example 'third sector'")
        return self


class Reading(StrictModel):
    on: date
    value: float = Field(allow_inf_nan=False)


class Measure(Record):
    """How we will know: a measure with an optional baseline and readings over time (Steps 5 and 8)."""

    project_id: RecordId
    success_id: RecordId
    description: FilledText
    unit: Label | None = None
    baseline: float | None = Field(default=None, allow_inf_nan=False)
    readings: list[Reading] = Field(default_factory=list)

    @property
    def current(self) -> float | None:
        """The latest reading; of two on the same day, the one added last."""
        if not self.readings:
            return None
        latest = max(range(len(self.readings)), key=lambda i: (self.readings[i].on, i))
        return self.readings[latest].value


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
