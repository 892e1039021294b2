"""Progress against the sample plan, plain-words errors, the audit record and the list of collections."""

from __future__ import annotations

import inspect
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

import wtfc_collect.domain as domain
from wtfc_collect.domain import (
    COLLECTIONS,
    AuditAction,
    AuditEvent,
    Consent,
    DomainError,
    ProgressRow,
    Project,
    Question,
    Record,
    Review,
    ReviewStatus,
    SamplePlan,
    SampleTarget,
    Statement,
    collection_of,
    plain_errors,
    progress,
)

NOW = datetime(2026, 5, 1, 10, tzinfo=UTC)
PROJECT_ID = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
OTHER_PROJECT_ID = "dddddddddddddddddddddddddddddddd"
_counter = iter(range(1, 10_000))


def next_id() -> str:
    return f"{next(_counter):032x}"


def make_project(**changes: Any) -> Project:
    fields: dict[str, Any] = {
        "id": PROJECT_ID,
        "name": "Homecare and day services",
        "teams": ["North", "South"],
        "service_types": ["Homecare", "Day service"],
        "sample_plan": SamplePlan(
            target_reviews=100,
            team_targets=[SampleTarget(name="North", target=10), SampleTarget(name="South", target=4)],
            service_type_targets=[SampleTarget(name="Homecare", target=60)],
        ),
        "created_at": NOW,
    }
    fields.update(changes)
    return Project(**fields)


def review(
    status: ReviewStatus = ReviewStatus.DRAFT,
    team: str | None = None,
    service_type: str | None = None,
    project_id: str = PROJECT_ID,
) -> Review:
    """A stored review in the given state (built as the store would load it, not through submit())."""
    return Review(
        id=next_id(),
        project_id=project_id,
        person_ref="P1",
        review_date=date(2026, 5, 1),
        team=team,
        service_type=service_type,
        status=status,
        consent=Consent(given=True, recorded_on=date(2026, 5, 1)),
        created_at=NOW,
        updated_at=NOW,
    )


S, D, X = ReviewStatus.SUBMITTED, ReviewStatus.DRAFT, ReviewStatus.WITHDRAWN


def rows(found: list[ProgressRow]) -> list[tuple[str, int | None, int, int]]:
    return [(row.name, row.target, row.submitted, row.drafts) for row in found]


# --- progress -------------------------------------------------------------------------------------


def test_progress_with_no_reviews_lists_every_team_and_service_type_with_its_target() -> None:
    result = progress(make_project(), [])
    assert (result.overall.name, result.overall.target, result.overall.submitted) == ("All reviews", 100, 0)
    assert result.withdrawn == 0
    assert rows(result.by_team) == [("North", 10, 0, 0), ("South", 4, 0, 0)]
    assert rows(result.by_service_type) == [("Homecare", 60, 0, 0), ("Day service", None, 0, 0)]


def test_progress_counts_sent_in_drafts_and_withdrawn_separately() -> None:
    reviews = [
        review(S, "North", "Homecare"),
        review(S, "North", "Homecare"),
        review(S, "South", "Day service"),
        review(D, "North", "Day service"),
        review(X, "North", "Homecare"),
        review(X, "South", "Homecare"),
    ]
    result = progress(make_project(), reviews)
    assert (result.overall.submitted, result.overall.drafts, result.withdrawn) == (3, 1, 2)
    assert rows(result.by_team) == [("North", 10, 2, 1), ("South", 4, 1, 0)]
    assert rows(result.by_service_type) == [("Homecare", 60, 2, 0), ("Day service", None, 1, 1)]


def test_progress_ignores_reviews_from_other_projects() -> None:
    reviews = [review(S, "North"), review(S, "North", project_id=OTHER_PROJECT_ID), review(X, "North",
               project_id=OTHER_PROJECT_ID)]
    result = progress(make_project(), reviews)
    assert result.overall.submitted == 1
    assert result.withdrawn == 0
    assert rows(result.by_team)[0] == ("North", 10, 1, 0)


def test_teams_not_in_the_projects_list_get_their_own_rows_after_the_listed_ones() -> None:
    reviews = [review(S, "West"), review(D, "East"), review(S, "West"), review(S, "North")]
    result = progress(make_project(), reviews)
    assert rows(result.by_team) == [
        ("North", 10, 1, 0),
        ("South", 4, 0, 0),
        ("East", None, 0, 1),
        ("West", None, 2, 0),
    ]


def test_a_team_used_only_by_withdrawn_reviews_gets_no_extra_row() -> None:
    result = progress(make_project(), [review(X, "West")])
    assert [row.name for row in result.by_team] == ["North", "South"]
    assert result.withdrawn == 1


def test_reviews_with_no_team_or_service_type_are_counted_as_not_set() -> None:
    reviews = [review(S), review(D), review(D, "North"), review(X)]
    result = progress(make_project(), reviews)
    assert rows(result.by_team)[-1] == ("(not set)", None, 1, 1)
    assert rows(result.by_service_type)[-1] == ("(not set)", None, 1, 2)
    assert result.overall.submitted + result.overall.drafts == 3


def test_no_not_set_row_when_every_review_has_a_team() -> None:
    result = progress(make_project(), [review(S, "North")])
    assert "(not set)" not in [row.name for row in result.by_team]


def test_team_names_on_reviews_match_the_project_list_ignoring_case() -> None:
    reviews = [review(S, "north"), review(S, "NORTH"), review(D, "east"), review(S, "East")]
    result = progress(make_project(), reviews)
    assert rows(result.by_team) == [("North", 10, 2, 0), ("South", 4, 0, 0), ("east", None, 1, 1)]


def test_a_target_spelled_differently_from_its_team_still_counts() -> None:
    project = make_project(
        sample_plan=SamplePlan(
            team_targets=[SampleTarget(name="north", target=8)],
            service_type_targets=[SampleTarget(name="day SERVICE", target=5)],
        )
    )
    result = progress(project, [review(S, "North", "Day service")])
    assert rows(result.by_team)[0] == ("North", 8, 1, 0)
    assert rows(result.by_service_type)[1] == ("Day service", 5, 1, 0)
    assert result.by_team[0].percent == 12


def test_a_project_without_a_total_target_has_no_overall_target() -> None:
    result = progress(make_project(sample_plan=SamplePlan()), [review(S, "North")])
    assert result.overall.target is None
    assert result.overall.percent is None
    assert [row.target for row in result.by_team] == [None, None]


@pytest.mark.parametrize(
    ("target", "submitted", "percent"),
    [(None, 5, None), (0, 5, None), (10, 3, 30), (3, 1, 33), (3, 2, 66), (4, 9, 100), (10, 0, 0)],
)
def test_percent_is_rounded_down_and_capped_at_a_hundred(
    target: int | None, submitted: int, percent: int | None
) -> None:
    assert ProgressRow(name="North", target=target, submitted=submitted, drafts=0).percent == percent


# --- plain errors ---------------------------------------------------------------------------------


def errors_of(build: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        build()
    return plain_errors(caught.value)


def test_a_domain_error_maps_to_its_field() -> None:
    assert plain_errors(DomainError("Say why.", "reason")) == {"reason": "Say why."}
    assert plain_errors(DomainError("Something is wrong.")) == {"": "Something is wrong."}


def test_missing_and_empty_fields_say_fill_this_in() -> None:
    no_name = lambda: Project(id=PROJECT_ID, created_at=NOW)  # type: ignore[call-arg]  # noqa: E731
    assert errors_of(no_name) == {"name": "Please fill this in."}
    assert errors_of(lambda: make_project(name="  ")) == {"name": "Please fill this in."}


def test_too_long_text_says_how_many_characters_are_allowed() -> None:
    assert errors_of(lambda: make_project(name="n" * 121)) == {
        "name": "This is too long: please shorten it to 120 characters or fewer."
    }
    assert errors_of(lambda: make_project(purpose="p" * 4001)) == {
        "purpose": "This is too long: please shorten it to 4000 characters or fewer."
    }


def test_too_many_entries_in_a_list_says_how_many_are_allowed() -> None:
    assert errors_of(lambda: make_project(teams=[f"T{n}" for n in range(201)], sample_plan=SamplePlan())) == {
        "teams": "There are too many entries here: 200 at most."
    }


def test_errors_inside_nested_records_are_keyed_by_their_path() -> None:
    plan = {"target_reviews": -1, "team_targets": [{"name": "North", "target": "lots"}]}
    assert errors_of(lambda: make_project(sample_plan=plan)) == {
        "sample_plan.target_reviews": "This must be 0 or more.",
        "sample_plan.team_targets.0.target": "Please enter a whole number.",
    }


def test_several_fields_each_get_their_own_message() -> None:
    found = errors_of(lambda: make_project(name="", level="country", checkpoint_date="soon"))
    assert found == {
        "name": "Please fill this in.",
        "level": "Please choose one of the options.",
        "checkpoint_date": "Please enter a date.",
    }


def test_only_the_first_message_for_a_field_is_kept() -> None:
    error = ValidationError.from_exception_data(
        "Project",
        [
            {"type": "missing", "loc": ("name",), "input": {}},
            {"type": "string_too_long", "loc": ("name",), "input": "x", "ctx": {"max_length": 3}},
            {"type": "string_too_long", "loc": ("purpose",), "input": "x", "ctx": {"max_length": 3}},
        ],
    )
    assert plain_errors(error) == {
        "name": "Please fill this in.",
        "purpose": "This is too long: please shorten it to 3 characters or fewer.",
    }


def test_length_errors_on_cleaned_text_are_not_mistaken_for_list_errors() -> None:
    # A text type whose cleaning runs after its length check reports "too_long" with field_type
    # "Value": that is still text, not a list of entries.
    error = ValidationError.from_exception_data(
        "Project",
        [
            {"type": "too_long", "loc": ("name",), "input": "x",
             "ctx": {"field_type": "Value", "max_length": 120, "actual_length": 121}},
            {"type": "too_short", "loc": ("purpose",), "input": "",
             "ctx": {"field_type": "Value", "min_length": 1, "actual_length": 0}},
            {"type": "too_long", "loc": ("teams",), "input": [],
             "ctx": {"field_type": "List", "max_length": 200, "actual_length": 201}},
        ],
    )
    assert plain_errors(error) == {
        "name": "This is too long: please shorten it to 120 characters or fewer.",
        "purpose": "Please fill this in.",
        "teams": "There are too many entries here: 200 at most.",
    }


def test_a_rule_about_the_whole_record_is_a_sentence_under_the_empty_key() -> None:
    plan = SamplePlan(team_targets=[SampleTarget(name="West", target=1)])
    assert errors_of(lambda: make_project(sample_plan=plan)) == {
        "": "The sample plan has a target for 'West', which is not a team."
    }


def test_a_field_rule_is_a_sentence_under_its_field() -> None:
    assert errors_of(lambda: make_project(teams=["North", "north"], sample_plan=SamplePlan())) == {
        "teams": "The name 'north' is listed twice."
    }


def test_changing_the_persons_words_gives_a_plain_message() -> None:
    statement = Statement(question=Question.WORKING, text="My job", created_at=NOW)

    def overwrite() -> None:
        statement.text = "Employment"  # type: ignore[misc]

    assert errors_of(overwrite) == {"text": "This cannot be changed once it is recorded."}


def test_unknown_fields_and_unexpected_kinds_get_a_message_too() -> None:
    assert errors_of(lambda: make_project(colour="blue")) == {
        "colour": "This is not something this record can hold."
    }
    assert errors_of(lambda: make_project(name=["a list"])) == {"name": "Please check this."}


# --- the audit record ------------------------------------------------------------------------------


def audit(**changes: Any) -> AuditEvent:
    fields: dict[str, Any] = {
        "id": next_id(),
        "at": NOW,
        "actor": "amy",
        "action": AuditAction.SUBMIT,
        "record_kind": "review",
        "record_id": PROJECT_ID,
    }
    fields.update(changes)
    return AuditEvent(**fields)


def test_audit_time_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        audit(at=datetime(2026, 5, 1, 10))
    assert plain_errors(caught.value) == {"at": "Must be a time with a time zone (UTC)."}
    with pytest.raises(ValidationError):
        audit(at="2026-05-01T10:00:00")


@pytest.mark.parametrize(
    "at",
    [
        datetime(2026, 5, 1, 11, tzinfo=timezone(timedelta(hours=1))),
        datetime(2026, 5, 1, 5, 30, tzinfo=timezone(timedelta(hours=-4, minutes=-30))),
        "2026-05-01T12:00:00+02:00",
        "2026-05-01T10:00:00Z",
    ],
)
def test_audit_times_in_other_zones_are_converted_to_utc(at: Any) -> None:
    event = audit(at=at)
    assert event.at == NOW
    assert event.at.tzinfo is UTC
    assert event.at.hour == 10


def test_audit_record_kind_is_a_lower_case_name() -> None:
    assert audit(record_kind="success_statement").record_kind == "success_statement"
    with pytest.raises(ValidationError):
        audit(record_kind="Review")
    with pytest.raises(ValidationError):
        audit(record_kind="review; drop")


def test_audit_reason_is_cleaned_and_limited() -> None:
    assert audit(reason="asked by\x00 the person\x1b").reason == "asked by the person"
    with pytest.raises(ValidationError):
        audit(reason="r" * 501)
    with pytest.raises(ValidationError):
        audit(actor="")


def test_audit_events_refuse_unknown_fields_such_as_the_statement_text() -> None:
    with pytest.raises(ValidationError):
        audit(text="Dave never listens to me")


# --- collections -----------------------------------------------------------------------------------


def _domain_records() -> set[type[Record]]:
    found = set()
    for _, value in inspect.getmembers(domain, inspect.isclass):
        if issubclass(value, Record) and value is not Record:
            found.add(value)
    return found


def test_every_stored_record_has_its_own_collection() -> None:
    assert set(COLLECTIONS) == _domain_records()
    assert len(set(COLLECTIONS.values())) == len(COLLECTIONS)
    assert collection_of(Review) == "reviews"
    assert collection_of(AuditEvent) == "audit"


def test_a_model_that_is_not_stored_has_no_collection() -> None:
    with pytest.raises(TypeError) as caught:
        collection_of(Record)
    assert "Record is not a stored record" in str(caught.value)
