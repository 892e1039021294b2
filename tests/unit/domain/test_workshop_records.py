"""Steps 3 to 8: themes named as "I" statements, votes, five whys, success, measures, ideas, action plans."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from wtfc_collect.domain import (
    ActionPlan,
    ActionStatus,
    Card,
    CardCall,
    Idea,
    IdeaKind,
    Measure,
    Perspective,
    ProcessNote,
    Quadrant,
    Question,
    Reading,
    RootCause,
    SuccessStatement,
    Theme,
    Vote,
    VoteTarget,
    WhyStep,
    is_first_person,
    plain_errors,
)
from wtfc_collect.domain.golden_thread import thread_for

NOW = datetime(2026, 5, 1, 10, tzinfo=UTC)
PROJECT_ID = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
THEME_ID = "cccccccccccccccccccccccccccccccc"
_counter = iter(range(1, 10_000))


def next_id() -> str:
    """Predictable ids: 00…01, 00…02, …"""
    return f"{next(_counter):032x}"


def theme(name: str | None = "I am lonely", **changes: Any) -> Theme:
    fields: dict[str, Any] = {
        "id": next_id(),
        "project_id": PROJECT_ID,
        "question": Question.NOT_WORKING,
        "name": name,
        "created_at": NOW,
    }
    fields.update(changes)
    return Theme(**fields)


def idea(cost: int | None = None, impact: int | None = None, **changes: Any) -> Idea:
    fields: dict[str, Any] = {
        "id": next_id(),
        "project_id": PROJECT_ID,
        "theme_id": THEME_ID,
        "kind": IdeaKind.RADICAL,
        "text": "A befriending scheme run by local volunteers",
        "cost": cost,
        "impact": impact,
    }
    fields.update(changes)
    return Idea(**fields)


def measure(*readings: tuple[date, float], **changes: Any) -> Measure:
    fields: dict[str, Any] = {
        "id": next_id(),
        "project_id": PROJECT_ID,
        "success_id": next_id(),
        "description": "People in paid employment",
        "readings": [Reading(on=on, value=value) for on, value in readings],
    }
    fields.update(changes)
    return Measure(**fields)


def success(perspective: Perspective, **changes: Any) -> SuccessStatement:
    fields: dict[str, Any] = {
        "id": next_id(),
        "project_id": PROJECT_ID,
        "theme_id": THEME_ID,
        "perspective": perspective,
        "text": "I have more choices, options and opportunities",
    }
    fields.update(changes)
    return SuccessStatement(**fields)


def action(theme_id: str, **changes: Any) -> ActionPlan:
    fields: dict[str, Any] = {
        "id": next_id(),
        "project_id": PROJECT_ID,
        "theme_id": theme_id,
        "title": "Personal budgets for employment support",
    }
    fields.update(changes)
    return ActionPlan(**fields)


# --- theme names are "I" statements ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "I don't like where I live",
        "I am lonely",
        "I’m bored",  # curly apostrophe, as phones and Word type it
        "I'm bored",
        "Im bored",
        "I’ve only got staff in my life",
        "We want to see more of friends and family",
        "We’re not listened to",
        "My bedroom is not right for me",
        "i want to choose my staff",
        '"I am lonely"',
        "‘I am lonely’",  # curly single quotes around the whole name
        "'I am lonely'",
        "“I want a job”",
        "  I want a job",
    ],
)
def test_first_person_theme_names_are_accepted(name: str) -> None:
    assert is_first_person(name) is True
    assert theme(name).name == name.strip()


@pytest.mark.parametrize(
    "name",
    [
        "Getting out and about",
        "Loneliness",
        "Addressing social isolation",
        "Ice cream on Fridays",  # starts with the letter I, not the word
        "It is hard to get a job",
        "Staff don't listen",
        "Inadequate transport",
        "2 people feel lonely",
        "…",
    ],
)
def test_theme_names_that_are_not_first_person_are_refused(name: str) -> None:
    assert is_first_person(name) is False
    with pytest.raises(ValidationError) as caught:
        theme(name)
    message = plain_errors(caught.value)["name"]
    assert message.startswith('Name the theme as the people would say it, starting with "I"')


def test_an_empty_theme_name_is_refused_as_empty() -> None:
    with pytest.raises(ValidationError) as caught:
        theme("   ")
    assert plain_errors(caught.value) == {"name": "Please fill this in."}


def test_a_cluster_may_have_no_name_yet() -> None:
    assert theme(None).name is None


def test_renaming_a_theme_is_checked_and_a_bad_name_is_undone() -> None:
    cluster = theme("I am lonely")
    with pytest.raises(ValidationError):
        cluster.name = "Loneliness"
    assert cluster.name == "I am lonely"
    cluster.name = "I only have staff in my life"
    assert cluster.name == "I only have staff in my life"


def test_theme_names_have_the_label_length_limit_and_are_cleaned() -> None:
    assert theme("I am\x00 lonely\n").name == "I am lonely"
    with pytest.raises(ValidationError):
        theme("I " + "a" * 119)


def test_theme_defaults() -> None:
    cluster = theme()
    assert cluster.statement_ids == []
    assert cluster.chosen is False


@pytest.mark.parametrize(
    "model",
    [
        lambda: theme(colour="red"),
        lambda: WhyStep(why="Why?", because="Because", who="x"),  # type: ignore[call-arg]
        lambda: Reading(on=date(2026, 1, 1), value=1, note="x"),  # type: ignore[call-arg]
        lambda: idea(votes=3),
    ],
    ids=["theme", "why-step", "reading", "idea"],
)
def test_workshop_records_refuse_unknown_fields(model: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        model()
    assert "extra_forbidden" in [e["type"] for e in caught.value.errors()]


def test_theme_created_at_must_have_a_time_zone() -> None:
    with pytest.raises(ValidationError):
        theme(created_at=datetime(2026, 5, 1, 10))
    stamped = theme(created_at=datetime(2026, 5, 1, 12, tzinfo=timezone(timedelta(hours=2))))
    assert stamped.created_at == NOW and stamped.created_at.tzinfo is UTC


# --- card call and votes -------------------------------------------------------------------------


def test_card_call_starts_with_nothing_parked() -> None:
    call = CardCall(id=next_id(), project_id=PROJECT_ID, question=Question.WORKING)
    assert call.parked_statement_ids == []
    assert call.finished is False


@pytest.mark.parametrize("dots", [0, -1, 21])
def test_votes_have_between_one_and_twenty_dots(dots: int) -> None:
    with pytest.raises(ValidationError):
        Vote(
            id=next_id(),
            project_id=PROJECT_ID,
            target_kind=VoteTarget.THEME,
            target_id=THEME_ID,
            voter="table 3",
            dots=dots,
            at=NOW,
        )


def test_a_vote_defaults_to_one_dot() -> None:
    vote = Vote(
        id=next_id(),
        project_id=PROJECT_ID,
        target_kind=VoteTarget.ROOT_CAUSE,
        target_id=THEME_ID,
        voter="table 3",
        at=NOW,
    )
    assert vote.dots == 1
    with pytest.raises(ValidationError):
        vote.voter = ""


# --- five whys -------------------------------------------------------------------------------------


def test_a_root_cause_holds_a_chain_of_up_to_ten_whys() -> None:
    step = WhyStep(why="Why are older people lonely?", because="Staff don't connect people")
    cause = RootCause(id=next_id(), project_id=PROJECT_ID, theme_id=THEME_ID, chain=[step] * 10)
    assert len(cause.chain) == 10
    assert cause.cause == ""
    with pytest.raises(ValidationError):
        RootCause(id=next_id(), project_id=PROJECT_ID, theme_id=THEME_ID, chain=[step] * 11)


# --- success statements and measures ---------------------------------------------------------------


def test_another_perspective_must_be_named() -> None:
    with pytest.raises(ValidationError) as caught:
        success(Perspective.OTHER)
    assert plain_errors(caught.value) == {"": "Name the perspective, for example 'third sector'."}
    with pytest.raises(ValidationError):
        success(Perspective.OTHER, perspective_name="  ")
    assert success(Perspective.OTHER, perspective_name="Third sector").perspective_name == "Third sector"


@pytest.mark.parametrize(
    "perspective", [Perspective.PEOPLE, Perspective.COMMISSIONERS, Perspective.PROVIDERS]
)
def test_the_three_main_perspectives_need_no_name(perspective: Perspective) -> None:
    assert success(perspective).perspective_name is None


def test_success_statements_may_be_first_or_third_person() -> None:
    words = "Commissioners factor relationships into contracts and see from reviews that it works"
    assert success(Perspective.COMMISSIONERS, text=words).text == words


@pytest.mark.parametrize("empty", ["", "   ", "\x00"])
def test_success_statements_ideas_measures_and_notes_need_words(empty: str) -> None:
    with pytest.raises(ValidationError):
        success(Perspective.PEOPLE, text=empty)
    with pytest.raises(ValidationError):
        idea(text=empty)
    with pytest.raises(ValidationError):
        measure(description=empty)
    with pytest.raises(ValidationError):
        ProcessNote(id=next_id(), project_id=PROJECT_ID, worked=True, text=empty, at=NOW)


def test_a_measure_with_no_readings_has_no_current_value() -> None:
    assert measure(baseline=150_000).current is None


def test_the_current_value_is_the_latest_reading_whatever_order_they_were_added() -> None:
    readings = measure((date(2026, 9, 1), 12), (date(2027, 3, 1), 20), (date(2026, 6, 1), 9), baseline=5)
    assert readings.current == 20


def test_of_two_readings_on_the_same_day_the_one_added_last_is_current() -> None:
    corrected = measure((date(2026, 9, 1), 12), (date(2026, 9, 1), 14))
    assert corrected.current == 14


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_readings_and_baselines_must_be_real_numbers(value: float) -> None:
    with pytest.raises(ValidationError) as caught:
        Reading(on=date(2026, 1, 1), value=value)
    assert plain_errors(caught.value) == {"value": "Please enter a number."}
    with pytest.raises(ValidationError):
        measure(baseline=value)


# --- ideas and the cost/impact grid ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("cost", "impact", "quadrant"),
    [
        (1, 4, Quadrant.QUICK_WIN),
        (2, 3, Quadrant.QUICK_WIN),
        (3, 3, Quadrant.MAJOR_PROJECT),
        (4, 4, Quadrant.MAJOR_PROJECT),
        (1, 1, Quadrant.FILL_IN),
        (2, 2, Quadrant.FILL_IN),
        (3, 2, Quadrant.THANKLESS_TASK),
        (4, 1, Quadrant.THANKLESS_TASK),
    ],
)
def test_cost_and_impact_place_an_idea_in_a_quadrant(cost: int, impact: int, quadrant: Quadrant) -> None:
    assert idea(cost, impact).quadrant is quadrant


@pytest.mark.parametrize(("cost", "impact"), [(None, 3), (2, None), (None, None)])
def test_an_idea_not_yet_placed_has_no_quadrant(cost: int | None, impact: int | None) -> None:
    assert idea(cost, impact).quadrant is None


def test_moving_an_idea_on_the_grid_changes_its_quadrant() -> None:
    placed = idea(1, 4)
    placed.cost = 4
    assert placed.quadrant is Quadrant.MAJOR_PROJECT


@pytest.mark.parametrize("score", [0, 5])
def test_cost_and_impact_are_scored_from_one_to_four(score: int) -> None:
    with pytest.raises(ValidationError):
        idea(cost=score, impact=2)
    with pytest.raises(ValidationError):
        idea(cost=2, impact=score)


def test_ideas_can_be_already_happening_traditional_radical_or_different() -> None:
    assert {kind.value for kind in IdeaKind} == {"already_happening", "traditional", "radical", "different"}
    assert idea(kind="different").kind is IdeaKind.DIFFERENT


# --- action plans and the golden thread ----------------------------------------------------------


def test_an_action_plan_starts_not_started_and_needs_a_title() -> None:
    plan = action(THEME_ID)
    assert plan.status is ActionStatus.NOT_STARTED
    assert plan.idea_ids == []
    with pytest.raises(ValidationError) as caught:
        action(THEME_ID, title=" ")
    assert plain_errors(caught.value) == {"title": "Please fill this in."}


def test_the_thread_of_an_action_follows_its_ideas_and_their_causes_to_its_theme_and_cards() -> None:
    s1, s2, s3 = "a" * 32, "b" * 32, "c" * 32
    lonely = theme("I am lonely", statement_ids=[s1, s2, s3, s1])
    cause = RootCause(id=next_id(), project_id=PROJECT_ID, theme_id=lonely.id, cause="No transport at night")
    tackles = idea(theme_id=lonely.id, root_cause_id=cause.id)
    unlinked = idea(theme_id=lonely.id, text="A lift rota")
    plan = action(lonely.id, idea_ids=[tackles.id, unlinked.id, "d" * 32])  # the third idea was removed
    cards = {
        sid: Card(sid, review, Question.NOT_WORKING, f"words {sid[0]}")
        for sid, review in ((s1, "r1"), (s2, "r1"), (s3, "r2"))
    }
    del cards[s3]  # its review was withdrawn: no card, so it drops out of the thread
    thread = thread_for(
        plan,
        {i.id: i for i in (tackles, unlinked)},
        {cause.id: cause},
        {lonely.id: lonely},
        cards,
    )
    assert [(link.idea.id, link.root_cause) for link in thread.ideas] == [
        (tackles.id, cause),
        (unlinked.id, None),
    ]
    assert thread.root_causes == (cause,)
    assert thread.theme == lonely
    assert [c.statement_id for c in thread.evidence.cards] == [s1, s2]  # each card once, in the theme's order
    assert (thread.evidence.statements, thread.evidence.people) == (2, 1)


def test_the_thread_of_an_action_whose_theme_was_removed_has_no_words() -> None:
    thread = thread_for(action(THEME_ID), {}, {}, {}, {})
    assert thread.theme is None
    assert thread.ideas == ()
    assert (thread.evidence.statements, thread.evidence.people) == (0, 0)


def test_a_process_note_time_must_have_a_time_zone() -> None:
    with pytest.raises(ValidationError):
        ProcessNote(
            id=next_id(),
            project_id=PROJECT_ID,
            worked=False,
            text="Too few carers came",
            at=date(2026, 5, 1),
        )
    with pytest.raises(ValidationError):
        ProcessNote(
            id=next_id(),
            project_id=PROJECT_ID,
            worked=False,
            text="Too few carers came",
            at=datetime(2026, 5, 1, 10),
        )


def test_an_action_plan_says_what_we_will_do_in_easy_read() -> None:
    base = {"id": "a" * 32, "project_id": "b" * 32, "theme_id": "c" * 32, "title": "Same carers"}
    plan = ActionPlan.model_validate({**base, "we_will": "  We will send you   the same carers. "})
    assert plan.we_will == "We will send you the same carers."
    assert ActionPlan.model_validate(base).we_will == ""  # written later
    for wrong, why in (
        ("Send the same carers.", "start with 'We will'"),
        ("We will " + "make sure that " * 5 + "it happens.", "15 words or fewer"),
        ("We will " + "go. " * 60, "200 characters"),
    ):
        with pytest.raises(ValidationError, match=why):
            ActionPlan.model_validate({**base, "we_will": wrong})
