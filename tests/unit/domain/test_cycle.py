"""The rules of the cycle (no IO): what a next cycle carries, how two cycles' themes go together, a measure's
history over both; and records written before these rules existed still read as they were."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests import factories as f
from wtfc_collect.domain import (
    ActionPlan,
    Heard,
    Measure,
    MeasureKind,
    Perspective,
    Project,
    Question,
    Reading,
    RootCause,
    SuccessStatement,
    Theme,
    new_id,
)
from wtfc_collect.domain.cycle import (
    ThemeSize,
    carry_forward,
    compare_sizes,
    history,
    next_cycle,
    next_cycle_name,
    theme_key,
)
from wtfc_collect.domain.dot_votes import Tally, top_with_ties
from wtfc_collect.domain.golden_thread import actions_moving, actions_towards
from wtfc_collect.storage import shared
from wtfc_collect.storage.tinydb_store import SCHEMA_VERSION, TinyDBRepository, close_all

N = Question.NOT_WORKING


def _size(name: str, people: int, *, chosen: bool = False, same_as: str | None = None) -> ThemeSize:
    return ThemeSize(new_id(), N, name, people, people, chosen, same_as)


def test_the_next_cycle_is_named_and_numbered_and_keeps_the_plan() -> None:
    assert next_cycle_name("Home care", 2) == "Home care (cycle 2)"
    assert next_cycle_name("Home care (Cycle 4)", 5) == "Home care (cycle 5)"
    last = f.project(checkpoint_date=date(2026, 2, 1), workshop_dates=[date(2026, 3, 1)], cycle=3)
    made = next_cycle(last, "Home care (cycle 4)", new_id(), f.NOW)
    assert (made.cycle, made.previous_id, made.created_at) == (4, last.id, f.NOW)
    assert (made.sample_plan, made.teams, made.purpose) == (last.sample_plan, last.teams, last.purpose)
    assert (made.checkpoint_date, made.workshop_dates) == (None, [])


def test_carrying_forward_takes_named_priorities_their_success_and_measures_only() -> None:
    project_id = new_id()
    named = Theme(
        id=new_id(), project_id=new_id(), question=N, name="I am lonely", chosen=True, created_at=f.NOW
    )
    unnamed = named.model_copy(update={"id": new_id(), "name": None})
    said = SuccessStatement(
        id=new_id(),
        project_id=named.project_id,
        theme_id=named.id,
        root_cause_id=new_id(),
        perspective=Perspective.OTHER,
        perspective_name="Third sector",
        text="We run evening groups",
    )
    elsewhere = said.model_copy(update={"id": new_id(), "theme_id": new_id()})
    counted = Measure(
        id=new_id(),
        project_id=named.project_id,
        success_id=said.id,
        description="Groups in the evening",
        baseline=3,
        readings=[Reading(on=date(2026, 1, 1), value=5), Reading(on=date(2026, 3, 1), value=7)],
    )
    worded = Measure(
        id=new_id(),
        project_id=named.project_id,
        success_id=said.id,
        description="I have somewhere to go",
        kind=MeasureKind.WORDS,
        heard=[Heard(on=date(2026, 3, 1), text="Most said so")],
    )
    carried = carry_forward(project_id, [named, unnamed], [said, elsewhere], [counted, worded], f.NOW)
    [theme] = carried.themes
    assert (theme.project_id, theme.name, theme.carried_from, theme.statement_ids) == (
        project_id,
        "I am lonely",
        named.id,
        [],
    )
    [success] = carried.successes
    assert (success.theme_id, success.root_cause_id, success.perspective_name, success.carried_from) == (
        theme.id,
        None,
        "Third sector",
        said.id,
    )
    by_origin = {m.carried_from: m for m in carried.measures}
    assert (by_origin[counted.id].baseline, by_origin[counted.id].readings) == (7, [])
    assert (by_origin[worded.id].kind, by_origin[worded.id].heard) == (MeasureKind.WORDS, [])


def test_a_carried_theme_holds_no_words_and_is_not_voted_on() -> None:
    with pytest.raises(ValueError, match="holds no statements"):
        Theme(
            id=new_id(),
            project_id=new_id(),
            question=N,
            name="I am lonely",
            statement_ids=[new_id()],
            created_at=f.NOW,
            carried_from=new_id(),
        )


def test_themes_of_two_cycles_go_together_by_hand_then_by_name() -> None:
    assert theme_key("I don’t get out.") == theme_key(" i don't  get OUT ")
    lonely, bored, money = _size("I am lonely", 6, chosen=True), _size("I am bored", 2), _size("I worry", 1)
    again = _size("I am lonely!", 3, chosen=True)
    renamed = _size("Nothing to do all day", 4, same_as=bored.theme_id)
    new = _size("I can't sleep", 1)
    rows = compare_sizes([lonely, bored, money], [again, renamed, new], {N: 10}, {N: 8})
    pairs = {(r.last.name if r.last else None, r.this.name if r.this else None) for r in rows}
    assert pairs == {
        ("I am lonely", "I am lonely!"),
        ("I am bored", "Nothing to do all day"),
        ("I worry", None),
        (None, "I can't sleep"),
    }
    first = rows[0]
    assert (first.name, first.last_share, first.this_share, first.change) == (
        "I am lonely!",
        60.0,
        37.5,
        -22.5,
    )
    shares = [max(r.last_share or 0, r.this_share or 0) for r in rows]
    assert shares == sorted(shares, reverse=True)  # the biggest in either cycle first


def test_a_measures_history_runs_over_both_cycles_in_date_order() -> None:
    last = Measure(
        id=new_id(),
        project_id=new_id(),
        success_id=new_id(),
        description="Late visits",
        readings=[Reading(on=date(2025, 9, 1), value=20), Reading(on=date(2025, 6, 1), value=22)],
    )
    this = last.model_copy(
        update={"id": new_id(), "readings": [Reading(on=date(2026, 3, 1), value=15)], "baseline": 20}
    )
    points = history(last, this, 1, 2)
    assert [(p.on.year, p.cycle, p.value) for p in points] == [(2025, 1, 22), (2025, 1, 20), (2026, 2, 15)]
    assert [p.cycle for p in history(None, this, 1, 2)] == [2]


def test_the_top_with_ties_offers_everyone_level_with_the_last_place() -> None:
    tallies = [Tally("a", 5, 2), Tally("b", 3, 1), Tally("c", 3, 2), Tally("d", 0, 0)]
    assert top_with_ties(tallies, 2) == ["a", "b", "c"]
    assert top_with_ties(tallies, 1) == ["a"]
    assert top_with_ties([Tally("a", 0, 0)], 2) == []


def test_the_thread_read_from_a_measure_or_a_success_statement() -> None:
    measure_id, success_id = new_id(), new_id()
    moving = ActionPlan(
        id=new_id(),
        project_id=new_id(),
        theme_id=new_id(),
        title="A",
        measure_ids=[measure_id],
        success_ids=[success_id],
    )
    other = moving.model_copy(update={"id": new_id(), "measure_ids": [], "success_ids": []})
    measure = Measure(id=measure_id, project_id=new_id(), success_id=success_id, description="Late visits")
    said = SuccessStatement(
        id=success_id, project_id=new_id(), theme_id=new_id(), perspective=Perspective.PEOPLE, text="On time"
    )
    assert actions_moving(measure, [moving, other]) == [moving]
    assert actions_towards(said, [moving, other]) == [moving]


# --- records written before: still read as they were -----------------------------------------------------
def test_records_written_before_the_cycle_still_read_from_the_file_store(tmp_path: Path) -> None:
    """A data file from before: no cycle on projects, no root cause taken forward, measures without a kind,
    plans without success or measures. Each new field has a default, so nothing needs upgrading."""
    project = f.project()
    theme_id, cause_id, success_id, measure_id, plan_id = (new_id() for _ in range(5))
    old_project = project.model_dump(mode="json")
    for new_field in ("previous_id", "cycle"):
        del old_project[new_field]
    documents = {
        "projects": {project.id: old_project},
        "themes": {
            theme_id: {
                "id": theme_id,
                "revision": 1,
                "project_id": project.id,
                "question": "not_working",
                "name": "I am lonely",
                "statement_ids": [],
                "chosen": True,
                "created_at": f.NOW.isoformat(),
            }
        },
        "root_causes": {
            cause_id: {
                "id": cause_id,
                "revision": 1,
                "project_id": project.id,
                "theme_id": theme_id,
                "chain": [{"why": "Why?", "because": "Nobody asks"}],
                "cause": "Nobody asks",
            }
        },
        "success_statements": {
            success_id: {
                "id": success_id,
                "revision": 1,
                "project_id": project.id,
                "theme_id": theme_id,
                "perspective": "people",
                "perspective_name": None,
                "text": "I see friends",
            }
        },
        "measures": {
            measure_id: {
                "id": measure_id,
                "revision": 1,
                "project_id": project.id,
                "success_id": success_id,
                "description": "Friends seen",
                "unit": None,
                "baseline": 4,
                "readings": [{"on": (f.TODAY - timedelta(days=9)).isoformat(), "value": 5}],
            }
        },
        "action_plans": {
            plan_id: {
                "id": plan_id,
                "revision": 1,
                "project_id": project.id,
                "theme_id": theme_id,
                "idea_ids": [],
                "title": "Friendship groups",
                "status": "under_way",
            }
        },
        shared.META_TABLE: shared.meta(SCHEMA_VERSION),
    }
    path = tmp_path / "wtfc.json"
    path.write_text(json.dumps(documents))
    try:
        repo = TinyDBRepository(path)
        loaded = repo.get(Project, project.id)
        assert loaded is not None and (loaded.cycle, loaded.previous_id) == (1, None)
        theme = repo.get(Theme, theme_id)
        assert theme is not None and (theme.carried_from, theme.follow_up) == (None, "")
        cause = repo.get(RootCause, cause_id)
        assert cause is not None and cause.taken_forward is False
        said = repo.get(SuccessStatement, success_id)
        assert said is not None and said.root_cause_id is None  # about the theme as a whole
        measure = repo.get(Measure, measure_id)
        assert measure is not None and (measure.kind, measure.current, measure.heard) == (
            MeasureKind.NUMBER,
            5,
            [],
        )
        plan = repo.get(ActionPlan, plan_id)
        assert plan is not None and (plan.success_ids, plan.measure_ids) == ([], [])
        repo.save(theme.model_copy(update={"follow_up": ""}))  # and they can be saved again
    finally:
        close_all()
