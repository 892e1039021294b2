"""Step 1: the guides' sample advice for each level worked out for the number of people, a warning (never a
refusal) when the plan is outside it, and a warning when the checkpoint comes later than half way."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import factories as f
from wtfc_collect.domain import Level, Project, SamplePlan
from wtfc_collect.domain.sample_advice import (
    CheckpointWarning,
    SampleWarning,
    advised_range,
    checkpoint_timing,
    sample_advice,
)


def _project(level: Level, people: int | None, target: int) -> Project:
    return f.project().model_copy(
        update={"level": level, "people_at_level": people, "sample_plan": SamplePlan(target_reviews=target)}
    )


@pytest.mark.parametrize(
    ("level", "people", "expected"),
    [
        (Level.UNIT, 4, (2, 4)),  # everyone; at least half in a large place
        (Level.UNIT, 41, (21, 41)),
        (Level.PROVIDER, 75, (15, 75)),  # the guide's 15 reviews, which was 20 % of 75
        (Level.PROVIDER, 300, (60, 100)),  # a fifth; above about 100 more repeats the known
        (Level.PROVIDER, 10, (10, 10)),  # fewer people than 15: everyone
        (Level.SERVICE, 480, (48, 100)),  # 10 %
        (Level.SERVICE, 3000, (100, 100)),  # 10 % or 100, whichever is lower
        (Level.SERVICE, 50, (5, 50)),
        (Level.POPULATION, 20000, (None, 100)),  # a broad mix, no share
    ],
)
def test_the_advice_for_each_level(level: Level, people: int, expected: tuple[int | None, int]) -> None:
    assert advised_range(level, people) == expected


@given(st.sampled_from(Level), st.integers(1, 10_000_000))
def test_the_advice_never_asks_for_more_reviews_than_people(level: Level, people: int) -> None:
    fewest, most = advised_range(level, people)
    assert 1 <= most <= people
    assert fewest is None or 1 <= fewest <= most


@pytest.mark.parametrize(
    ("level", "people", "target", "warnings"),
    [
        (Level.SERVICE, 480, 60, ()),
        (Level.SERVICE, 480, 20, (SampleWarning.TOO_FEW,)),
        (Level.SERVICE, 480, 150, (SampleWarning.TOO_MANY,)),
        (Level.UNIT, 6, 8, (SampleWarning.MORE_THAN_PEOPLE,)),
        (Level.UNIT, 6, 2, (SampleWarning.TOO_FEW,)),
        (Level.POPULATION, 5000, 30, ()),
        (Level.SERVICE, 480, 0, (SampleWarning.NO_TARGET,)),
        (Level.SERVICE, None, 60, (SampleWarning.NO_PEOPLE,)),
        (Level.SERVICE, None, 150, (SampleWarning.NO_PEOPLE, SampleWarning.TOO_MANY)),
    ],
)
def test_a_plan_outside_the_advice_is_warned_about(
    level: Level, people: int | None, target: int, warnings: tuple[SampleWarning, ...]
) -> None:
    found = sample_advice(_project(level, people, target))
    assert found.warnings == warnings
    assert (found.people, found.target) == (people, target)


def test_outside_the_advice_a_project_is_still_saved() -> None:
    project = _project(Level.UNIT, 4, 300)  # warn, not block: the model takes it
    assert sample_advice(project).warnings == (SampleWarning.MORE_THAN_PEOPLE,)


START = date(2027, 1, 4)


def _dated(start: date | None, checkpoint: date | None, workshops: list[date]) -> Project:
    return f.project().model_copy(
        update={"collection_start": start, "checkpoint_date": checkpoint, "workshop_dates": workshops}
    )


def test_half_way_is_between_the_start_of_collecting_and_the_first_workshop() -> None:
    first = START + timedelta(weeks=12)
    timing = checkpoint_timing(_dated(START, START + timedelta(weeks=5), [first + timedelta(weeks=2), first]))
    assert timing.first_workshop == first
    assert timing.half_way == START + timedelta(weeks=6)
    assert timing.warnings == ()


@pytest.mark.parametrize(
    ("checkpoint", "warnings"),
    [
        (START + timedelta(weeks=6), ()),  # on the day half way: fine
        (START + timedelta(weeks=6, days=1), (CheckpointWarning.LATE,)),
        (START - timedelta(days=1), (CheckpointWarning.BEFORE_START,)),
        (START + timedelta(weeks=12), (CheckpointWarning.NOT_BEFORE_WORKSHOP,)),
    ],
)
def test_a_late_checkpoint_is_warned_about(checkpoint: date, warnings: tuple[CheckpointWarning, ...]) -> None:
    timing = checkpoint_timing(_dated(START, checkpoint, [START + timedelta(weeks=12)]))
    assert timing.warnings == warnings


def test_without_the_dates_there_is_no_half_way_and_no_warning() -> None:
    assert checkpoint_timing(_dated(None, START, [START + timedelta(weeks=2)])).half_way is None
    assert checkpoint_timing(_dated(START, None, [])).warnings == ()
    backwards = checkpoint_timing(_dated(START, None, [START - timedelta(days=3)]))
    assert backwards.warnings == (CheckpointWarning.START_NOT_BEFORE_WORKSHOP,)
