"""Step 1, Prepare: the guides' advice on how many reviews to collect, and when to hold the checkpoint.

The 2012 guide gives a sample for each level of project:

- unit: everyone who lives there or uses it; in a large place, at least half of them;
- provider: a cross-section of people, each kind of service in proportion; the smallest sample that has
  worked was 15 reviews, a fifth of the people;
- service: at least one in ten people or 100 reviews, whichever is fewer, and no more than about 100;
- population: a broad mix rather than a share, no more than about 100 and maybe far fewer.

Above about 100 reviews, more tend to repeat what is known already. The advice is advice: a plan outside
it gets a warning, never a refusal. The checkpoint should come no later than half way through collecting,
with time left before the first workshop to put things right.

Nothing here reads the clock or says anything in words: the screens word the advice (their texts file).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .project import Level, Project

MOST_REVIEWS = 100  # "information from no more than 100 subjects"
PROVIDER_FEWEST = 15  # the smallest provider sample the guide has worked with
PROVIDER_SHARE = 0.2  # ... which was 20 % of the people
SERVICE_SHARE = 0.1  # "at least 10% or 100 reviews, whichever is the lowest"
UNIT_SHARE = 0.5  # "at least 50% of the possible sample" in a large unit


class SampleWarning(StrEnum):
    NO_TARGET = "no_target"  # no number of reviews in the plan yet
    NO_PEOPLE = "no_people"  # the number of people at this level is not known
    TOO_FEW = "too_few"  # fewer reviews than the advice
    TOO_MANY = "too_many"  # more than about 100: more repeats, little new
    MORE_THAN_PEOPLE = "more_than_people"  # more reviews than there are people


@dataclass(frozen=True)
class SampleAdvice:
    """What the guides advise for a project's level and number of people, and how its plan compares."""

    level: Level
    people: int | None  # how many people there are at this level (None: not known)
    fewest: int | None  # the fewest reviews advised (None: no number to give)
    most: int | None  # the most reviews advised
    target: int  # the reviews the plan asks for (0: not set)
    warnings: tuple[SampleWarning, ...]


def advised_range(level: Level, people: int) -> tuple[int | None, int]:
    """The fewest and most reviews the guides advise at ``level`` for ``people`` people."""
    if level is Level.UNIT:
        return math.ceil(people * UNIT_SHARE), people
    if level is Level.PROVIDER:
        fewest = min(people, max(PROVIDER_FEWEST, math.ceil(people * PROVIDER_SHARE)))
        return fewest, max(fewest, min(people, MOST_REVIEWS))
    if level is Level.SERVICE:
        return min(math.ceil(people * SERVICE_SHARE), MOST_REVIEWS), min(people, MOST_REVIEWS)
    return None, min(people, MOST_REVIEWS)


def sample_advice(project: Project) -> SampleAdvice:
    """The advice for ``project``'s level and number of people, with a warning for each way its plan
    differs from it."""
    target = project.sample_plan.target_reviews
    people = project.people_at_level
    warnings: list[SampleWarning] = []
    if not target:
        warnings.append(SampleWarning.NO_TARGET)
    if people is None:
        warnings.append(SampleWarning.NO_PEOPLE)
        too_many = target > MOST_REVIEWS and project.level is not Level.UNIT
        if too_many:
            warnings.append(SampleWarning.TOO_MANY)
        return SampleAdvice(project.level, None, None, None, target, tuple(warnings))
    fewest, most = advised_range(project.level, people)
    if target:
        if target > people:
            warnings.append(SampleWarning.MORE_THAN_PEOPLE)
        elif target > most:
            warnings.append(SampleWarning.TOO_MANY)
        elif fewest is not None and target < fewest:
            warnings.append(SampleWarning.TOO_FEW)
    return SampleAdvice(project.level, people, fewest, most, target, tuple(warnings))


class CheckpointWarning(StrEnum):
    LATE = "late"  # later than half way between the start of collecting and the first workshop
    BEFORE_START = "before_start"  # before collecting starts
    NOT_BEFORE_WORKSHOP = "not_before_workshop"  # on or after the first workshop
    START_NOT_BEFORE_WORKSHOP = "start_not_before_workshop"  # collecting starts on or after the workshop


@dataclass(frozen=True)
class CheckpointTiming:
    """Where the checkpoint falls between the start of collecting and the first workshop."""

    start: date | None
    checkpoint: date | None
    first_workshop: date | None
    half_way: date | None  # None unless collecting starts before the first workshop
    warnings: tuple[CheckpointWarning, ...]


def checkpoint_timing(project: Project) -> CheckpointTiming:
    """The half-way day of collecting and a warning for a checkpoint that falls later (or out of order)."""
    start, checkpoint = project.collection_start, project.checkpoint_date
    first = min(project.workshop_dates, default=None)
    warnings: list[CheckpointWarning] = []
    half_way = None
    if start is not None and first is not None:
        if start >= first:
            warnings.append(CheckpointWarning.START_NOT_BEFORE_WORKSHOP)
        else:
            half_way = start + timedelta(days=(first - start).days // 2)
    if checkpoint is not None:
        if start is not None and checkpoint < start:
            warnings.append(CheckpointWarning.BEFORE_START)
        if first is not None and checkpoint >= first:
            warnings.append(CheckpointWarning.NOT_BEFORE_WORKSHOP)
        elif half_way is not None and checkpoint > half_way:
            warnings.append(CheckpointWarning.LATE)
    return CheckpointTiming(start, checkpoint, first, half_way, tuple(warnings))
