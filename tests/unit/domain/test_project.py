"""Step 1, Prepare: the project record, its sample plan, and the shared building blocks (ids, times, text)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from wtfc_collect.domain import (
    LEVEL_DESCRIPTIONS,
    LEVEL_LABELS,
    DomainError,
    Level,
    Project,
    SamplePlan,
    SampleTarget,
    new_id,
    plain_errors,
    utc,
)

NOW = datetime(2026, 5, 1, 10, tzinfo=UTC)
BST = timezone(timedelta(hours=1))
FIXED_ID = "0123456789abcdef0123456789abcdef"


def make_project(**changes: Any) -> Project:
    fields: dict[str, Any] = {"id": FIXED_ID, "name": "Day opportunities review", "created_at": NOW}
    fields.update(changes)
    return Project(**fields)


def error_types(error: ValidationError) -> list[str]:
    return [item["type"] for item in error.errors()]


# --- ids and times ---------------------------------------------------------------------------------


def test_new_id_is_32_hex_digits_and_different_each_time() -> None:
    first, second = new_id(), new_id()
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_utc_takes_a_naive_time_to_be_utc_already() -> None:
    result = utc(datetime(2026, 5, 1, 10))
    assert result == NOW
    assert result.tzinfo is UTC


def test_utc_converts_other_time_zones_to_utc_keeping_the_instant() -> None:
    result = utc(datetime(2026, 5, 1, 11, tzinfo=BST))
    assert result.tzinfo is UTC
    assert result.hour == 10
    assert result == NOW


def test_project_id_must_be_a_32_digit_hex_id() -> None:
    with pytest.raises(ValidationError) as caught:
        make_project(id="project-1")
    assert error_types(caught.value) == ["string_pattern_mismatch"]


def test_project_created_at_must_have_a_time_zone() -> None:
    with pytest.raises(ValidationError) as caught:
        make_project(created_at=datetime(2026, 5, 1, 10))
    assert "time zone" in str(caught.value)


def test_project_created_at_in_another_zone_is_stored_in_utc() -> None:
    project = make_project(created_at=datetime(2026, 5, 1, 11, tzinfo=BST))
    assert project.created_at.tzinfo is UTC
    assert project.created_at == NOW
    assert project.created_at.hour == 10


def test_new_project_starts_at_revision_zero_with_the_current_schema() -> None:
    project = make_project()
    assert project.revision == 0
    assert project.schema_version == 1
    assert project.level is Level.SERVICE
    assert project.teams == [] and project.sample_plan == SamplePlan()


# --- strict models ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: make_project(colour="blue"),
        lambda: SamplePlan(what="Older people", target=10),  # type: ignore[call-arg]
        lambda: SampleTarget(name="North", target=5, note="x"),  # type: ignore[call-arg]
    ],
    ids=["project", "sample-plan", "sample-target"],
)
def test_unknown_fields_are_refused(build: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        build()
    assert "extra_forbidden" in error_types(caught.value)


def test_assignment_is_validated_too() -> None:
    project = make_project()
    with pytest.raises(ValidationError):
        project.name = ""
    with pytest.raises(ValidationError):
        project.level = "country"  # type: ignore[assignment]
    assert project.name == "Day opportunities review"
    assert project.level is Level.SERVICE


def test_project_round_trips_through_json() -> None:
    project = make_project(
        purpose="We are using WTfC to review day services so that people have more choice",
        teams=["North", "South"],
        service_types=["Homecare"],
        workshop_dates=[date(2026, 6, 1), date(2026, 6, 15)],
        checkpoint_date=date(2026, 5, 15),
        sample_plan=SamplePlan(
            target_reviews=40,
            team_targets=[SampleTarget(name="North", target=20)],
            service_type_targets=[SampleTarget(name="Homecare", target=10)],
        ),
    )
    again = Project.model_validate_json(project.model_dump_json())
    assert again == project
    assert again.created_at.tzinfo is not None


# --- text cleaning and lengths -------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f"])
def test_control_characters_are_taken_out_of_names(bad: str) -> None:
    project = make_project(name=f"Day{bad} services", teams=[f"North{bad}"])
    assert project.name == "Day services"
    assert project.teams == ["North"]


def test_names_fold_line_breaks_and_tabs_into_one_space() -> None:
    project = make_project(name="Day\r\n  services\treview", areas=["  North\nEast  "])
    assert project.name == "Day services review"
    assert project.areas == ["North East"]


def test_purpose_keeps_its_line_breaks_but_loses_control_characters() -> None:
    project = make_project(purpose="We are using WTfC\r\nto learn\x00 so that\rthings improve")
    assert project.purpose == "We are using WTfC\nto learn so that\nthings improve"


def test_names_keep_welsh_emoji_and_markup_literally() -> None:
    name = "Tîm Gogledd 🙂 <b>&amp;</b>"
    project = make_project(name=name, teams=["Tîm Gogledd"])
    assert project.name == name
    assert project.teams == ["Tîm Gogledd"]


@pytest.mark.parametrize("empty", ["", "   ", "\x00\x01", "\n\t"])
def test_a_name_of_nothing_but_spaces_or_control_characters_counts_as_empty(empty: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_project(name=empty)
    assert error_types(caught.value) == ["string_too_short"]
    assert plain_errors(caught.value) == {"name": "Please fill this in."}


def test_name_length_limit_is_120_characters_after_cleaning() -> None:
    assert make_project(name="  " + "n" * 120 + "  ").name == "n" * 120
    with pytest.raises(ValidationError) as caught:
        make_project(name="n" * 121)
    assert error_types(caught.value) == ["string_too_long"]


def test_purpose_length_limit_is_4000_characters() -> None:
    assert len(make_project(purpose="p" * 4000).purpose) == 4000
    with pytest.raises(ValidationError) as caught:
        make_project(purpose="p" * 4001)
    assert error_types(caught.value) == ["string_too_long"]


def test_lists_of_names_have_a_limit() -> None:
    make_project(teams=[f"Team {n}" for n in range(200)])
    with pytest.raises(ValidationError) as caught:
        make_project(teams=[f"Team {n}" for n in range(201)])
    assert error_types(caught.value) == ["too_long"]
    with pytest.raises(ValidationError):
        make_project(workshop_dates=[date(2026, 6, 1) + timedelta(days=n) for n in range(21)])


# --- the project's lists -------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["teams", "areas", "groups", "service_types"])
def test_each_list_refuses_the_same_name_twice_ignoring_case_and_spaces(field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_project(**{field: ["North", " north "]})
    assert "listed twice" in str(caught.value)
    assert field in plain_errors(caught.value)


def test_the_same_name_may_appear_in_different_lists() -> None:
    project = make_project(teams=["North"], areas=["North"], groups=["North"])
    assert project.teams == project.areas == project.groups == ["North"]


def test_assigning_a_list_with_a_repeat_is_refused() -> None:
    project = make_project(teams=["North"])
    with pytest.raises(ValidationError):
        project.teams = ["North", "NORTH"]
    assert project.teams == ["North"]


# --- the sample plan ------------------------------------------------------------------------------


def test_sample_plan_targets_must_name_a_known_team() -> None:
    plan = SamplePlan(team_targets=[SampleTarget(name="West", target=5)])
    with pytest.raises(ValidationError) as caught:
        make_project(teams=["North", "South"], sample_plan=plan)
    assert "'West', which is not a team" in str(caught.value)


def test_sample_plan_targets_must_name_a_known_service_type() -> None:
    plan = SamplePlan(service_type_targets=[SampleTarget(name="Respite", target=5)])
    with pytest.raises(ValidationError) as caught:
        make_project(service_types=["Homecare"], sample_plan=plan)
    assert "'Respite', which is not a service type" in str(caught.value)


def test_a_team_name_is_not_accepted_as_a_service_type_target() -> None:
    plan = SamplePlan(service_type_targets=[SampleTarget(name="North", target=5)])
    with pytest.raises(ValidationError):
        make_project(teams=["North"], service_types=["Homecare"], sample_plan=plan)


def test_sample_plan_targets_match_names_ignoring_case() -> None:
    plan = SamplePlan(
        team_targets=[SampleTarget(name="north", target=5)],
        service_type_targets=[SampleTarget(name="HOMECARE", target=3)],
    )
    project = make_project(teams=["North"], service_types=["Homecare"], sample_plan=plan)
    assert project.sample_plan.target_for_team("North") == 5
    assert project.sample_plan.target_for_service_type("homecare") == 3


def test_removing_a_team_that_has_a_target_is_refused() -> None:
    plan = SamplePlan(team_targets=[SampleTarget(name="North", target=5)])
    project = make_project(teams=["North", "South"], sample_plan=plan)
    with pytest.raises(ValidationError):
        project.teams = ["South"]
    assert project.teams == ["North", "South"]


def test_target_for_a_team_without_one_is_none() -> None:
    plan = SamplePlan(team_targets=[SampleTarget(name="North", target=5)])
    assert plan.target_for_team("South") is None
    assert plan.target_for_service_type("Homecare") is None


@pytest.mark.parametrize("field", ["team_targets", "service_type_targets"])
def test_one_target_per_team_or_service_type(field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        SamplePlan(**{field: [SampleTarget(name="North", target=5), SampleTarget(name="NORTH", target=2)]})
    assert "only one target" in str(caught.value)


@pytest.mark.parametrize("target", [-1, 100_001])
def test_targets_must_be_between_zero_and_a_hundred_thousand(target: int) -> None:
    with pytest.raises(ValidationError):
        SampleTarget(name="North", target=target)
    with pytest.raises(ValidationError):
        SamplePlan(target_reviews=target)


def test_sample_plan_holds_the_what_how_who_where_when_table() -> None:
    plan = SamplePlan(
        what="Older people living in the community",
        how="Outcomes focused reviews and one page surveys",
        who="Care management teams",
        where="Day service and homecare",
        when="Two weeks before Day 1",
        target_reviews=100,
    )
    assert plan.what.startswith("Older people")
    assert plan.target_reviews == 100


# --- levels ----------------------------------------------------------------------------------------


def test_the_four_levels_of_the_method_each_have_a_label_and_description() -> None:
    assert [level.value for level in Level] == ["unit", "provider", "service", "population"]
    assert set(LEVEL_LABELS) == set(LEVEL_DESCRIPTIONS) == set(Level)
    assert Level.UNIT.label == "Unit"
    assert "everyone" in Level.UNIT.description
    assert "100" in Level.SERVICE.description
    for level in Level:
        assert level.description.endswith(".")


# --- the purpose -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "purpose",
    [
        "We are using WTfC to review day opportunities for older people across the borough so that "
        "people have more choice and control over what they do during the day",
        "We are using WTfC to understand how our service is working so that we can improve people's "
        "experience of the support we provide",
        "WE ARE USING WTFC TO LISTEN\nSO THAT\nwe change things",
    ],
)
def test_purpose_in_the_methods_pattern_is_recognised(purpose: str) -> None:
    assert make_project(purpose=purpose).purpose_follows_pattern() is True


@pytest.mark.parametrize(
    "purpose",
    [
        "",
        "To improve services",
        "We want things to get better",
        "So that we can talk to people",  # the outcome comes first, with no "to …" before it
        "We are using WTfC to review day services so that",  # nothing after "so that"
        "We are using WTfC so that people have more choice",  # nothing saying what will be done
    ],
)
def test_purpose_not_in_the_pattern_is_not_recognised(purpose: str) -> None:
    assert make_project(purpose=purpose).purpose_follows_pattern() is False


def test_domain_error_carries_a_plain_message_and_a_field() -> None:
    error = DomainError("Please choose a level.", "level")
    assert isinstance(error, ValueError)
    assert error.message == str(error) == "Please choose a level."
    assert error.field == "level"
    assert DomainError("Something is wrong.").field is None
