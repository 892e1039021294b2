"""Step 1, Prepare: the project's scope, level and sample plan."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from .base import SCHEMA_VERSION, Label, Record, RecordId, StrictModel, Text, UtcDateTime


class Level(StrEnum):
    """How wide the project looks: the method's four levels."""

    UNIT = "unit"
    PROVIDER = "provider"
    SERVICE = "service"
    POPULATION = "population"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]

    @property
    def description(self) -> str:
        return LEVEL_DESCRIPTIONS[self]


LEVEL_LABELS = {
    Level.UNIT: "Unit",
    Level.PROVIDER: "Provider",
    Level.SERVICE: "Service",
    Level.POPULATION: "Population",
}
LEVEL_DESCRIPTIONS = {
    Level.UNIT: "A few people sharing one service or home. Try to hear from everyone.",
    Level.PROVIDER: "Everything one organisation provides. Include each kind of service in proportion.",
    Level.SERVICE: "One kind of service from several providers. About 10% of people, up to 100 reviews.",
    Level.POPULATION: "Many services for one group of people. A broad mix, up to about 100 reviews.",
}


class WorkField(StrEnum):
    """The project's field: which everyday names (a condition, a nurse, home care, a tenancy) the own-words
    check treats as the person's own words."""

    SOCIAL_CARE = "social_care"
    HEALTH = "health"
    HOUSING = "housing"
    MIXED = "mixed"

    @property
    def label(self) -> str:
        return FIELD_LABELS[self]


FIELD_LABELS = {
    WorkField.SOCIAL_CARE: "Social care",
    WorkField.HEALTH: "Health",
    WorkField.HOUSING: "Housing",
    WorkField.MIXED: "Mixed",
}


class SampleTarget(StrictModel):
    """How many reviews are wanted from one team or one kind of service."""

    name: Label
    target: int = Field(ge=0, le=100_000)


class SamplePlan(StrictModel):
    """What will be collected, how, by whom, where from, by when, and how many reviews."""

    what: Text = ""
    how: Text = ""
    who: Text = ""
    where: Text = ""
    when: Text = ""
    target_reviews: int = Field(default=0, ge=0, le=100_000)
    team_targets: list[SampleTarget] = Field(default_factory=list, max_length=200)
    service_type_targets: list[SampleTarget] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _names_unique(self) -> SamplePlan:
        for kind, targets in (("team", self.team_targets), ("service type", self.service_type_targets)):
            names = [t.name.casefold() for t in targets]
            if len(names) != len(set(names)):
                raise ValueError(f"each {kind} can have only one target")
        return self

    def target_for_team(self, team: str) -> int | None:
        """The target for a team, matched ignoring case like the project's lists; None if there is none."""
        return next((t.target for t in self.team_targets if t.name.casefold() == team.casefold()), None)

    def target_for_service_type(self, service_type: str) -> int | None:
        key = service_type.casefold()
        return next((t.target for t in self.service_type_targets if t.name.casefold() == key), None)


# "… to <something> so that <something>", ignoring case; the words may run across line breaks.
_PURPOSE_PATTERN = re.compile(r"\bto\s+\w.*?\bso\s+that\s+\w", re.IGNORECASE)


def _unique_labels(values: list[str], what: str) -> list[str]:
    seen: set[str] = set()
    for value in values:
        key = value.casefold()
        if key in seen:
            raise ValueError(f"{what} '{value}' is listed twice")
        seen.add(key)
    return values


class Project(Record):
    """One run of Working Together for Change."""

    name: Label
    purpose: Text = ""
    level: Level = Level.SERVICE
    field: WorkField = WorkField.MIXED
    sample_plan: SamplePlan = Field(default_factory=SamplePlan)
    # How many people there are at the chosen level (in the unit, supported by the provider, using the
    # service, in the population): the guides' sample advice is worked out from it.
    people_at_level: int | None = Field(default=None, ge=1, le=10_000_000)
    collection_start: date | None = None  # the day collecting reviews starts
    checkpoint_date: date | None = None
    workshop_dates: list[date] = Field(default_factory=list, max_length=20)
    teams: list[Label] = Field(default_factory=list, max_length=200)
    areas: list[Label] = Field(default_factory=list, max_length=200)
    groups: list[Label] = Field(default_factory=list, max_length=200)
    service_types: list[Label] = Field(default_factory=list, max_length=200)
    created_at: UtcDateTime
    schema_version: int = SCHEMA_VERSION
    # Working Together for Change runs in cycles (perhaps every year): the cycle this project was started
    # from, and its number (1 for a first run).
    previous_id: RecordId | None = None
    cycle: int = Field(default=1, ge=1, le=1000)

    @field_validator("teams", "areas", "groups", "service_types")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        return _unique_labels(values, "the name")

    @model_validator(mode="after")
    def _targets_match_lists(self) -> Project:
        teams = {t.casefold() for t in self.teams}
        for target in self.sample_plan.team_targets:
            if target.name.casefold() not in teams:
                raise ValueError(f"the sample plan has a target for '{target.name}', which is not a team")
        kinds = {s.casefold() for s in self.service_types}
        for target in self.sample_plan.service_type_targets:
            if target.name.casefold() not in kinds:
                raise ValueError(
                    f"the sample plan has a target for '{target.name}', which is not a service type"
                )
        return self

    def purpose_follows_pattern(self) -> bool:
        """True when the purpose reads "We are using WTfC to … so that …", as the method suggests.

        It needs what will be done ("to …") before the outcome ("so that …"), and words after each.
        """
        return _PURPOSE_PATTERN.search(" ".join(self.purpose.split())) is not None
