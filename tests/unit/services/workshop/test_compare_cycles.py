"""This cycle against the last: the line of cycles, theme sizes per question (matched by name or by hand),
the priorities, each carried measure's readings over both cycles, and carrying last cycle's success on."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import factories as f
from tests.workshop_data import ACTOR, chosen_theme, ready_review, root_cause, top
from wtfc_collect.domain import (
    DomainError,
    Measure,
    Project,
    Question,
    Reading,
    SuccessStatement,
    Theme,
)
from wtfc_collect.domain.cycle import compare_sizes, next_cycle_name, theme_key
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.common import updated
from wtfc_collect.services.workshop import compare_cycles, learning_review, priorities, success, understand
from wtfc_collect.storage.port import Repository

WHO = {"actor": ACTOR, "now": f.NOW}
TODAY = f.NOW.date()
LATE = "I never know who is coming"


def _cycle_one(repo: Repository) -> tuple[Project, list[str]]:
    project = repo.save(f.project())
    reviews = [ready_review(repo, project.id) for _ in range(4)]
    late = chosen_theme(repo, project.id, LATE, [top(r) for r in reviews])
    chosen_theme(repo, project.id, "I am bored", [top(r, place=2) for r in reviews[:1]], chosen=False)
    chosen_theme(
        repo,
        project.id,
        "I like my allotment",
        [top(r, Question.WORKING) for r in reviews[:2]],
        Question.WORKING,
        chosen=False,
    )
    priorities.record_votes(repo, project.id, "Voter 1", [late.id], **WHO)
    cause = root_cause(repo, late, "Rotas change on the day")
    said = success.add_success(repo, late.id, "I know who is coming", root_cause_id=cause.id, **WHO)
    counted = success.add_measure(repo, said.id, "Late visits", unit="%", baseline=23, **WHO)
    repo.save(updated(counted, {"readings": [Reading(on=TODAY - timedelta(days=40), value=19)]}))
    learning_review.set_review_date(repo, project.id, TODAY - timedelta(days=5), **WHO)
    learning_review.finish_cycle(repo, project.id, TODAY - timedelta(days=4), **WHO)
    return project, [r.id for r in reviews]


def _cycle_two(repo: Repository, last: Project) -> Project:
    this = learning_review.start_next_cycle(repo, last.id, **WHO)
    reviews = [ready_review(repo, this.id) for _ in range(2)]
    chosen_theme(repo, this.id, "I never know who is coming.", [top(reviews[0])])  # same name, a full stop
    chosen_theme(repo, this.id, "I can't get to the shops", [top(reviews[1])], chosen=False)
    return this


def test_the_line_of_cycles_runs_oldest_first_from_any_of_them(memory_repo: Repository) -> None:
    first, _ = _cycle_one(memory_repo)
    assert compare_cycles.cycles(memory_repo, first.id) == [first]
    assert compare_cycles.comparison(memory_repo, first.id) is None
    second = _cycle_two(memory_repo, first)
    assert compare_cycles.cycles(memory_repo, first.id) == compare_cycles.cycles(memory_repo, second.id)
    assert [p.cycle for p in compare_cycles.cycles(memory_repo, second.id)] == [1, 2]


def test_theme_sizes_per_question_go_together_by_name_and_count_shares(memory_repo: Repository) -> None:
    first, _ = _cycle_one(memory_repo)
    second = _cycle_two(memory_repo, first)
    found = compare_cycles.comparison(memory_repo, second.id)
    assert found is not None and found.last == first and found.this == second
    assert found.people[Question.NOT_WORKING] == (4, 2)
    rows = {row.name: row for row in found.sizes[Question.NOT_WORKING]}
    both = rows["I never know who is coming."]
    assert both.last is not None and both.this is not None
    assert (both.last.people, both.this.people) == (4, 1)
    assert (both.last_share, both.this_share, both.change) == (100.0, 50.0, -50.0)
    assert rows["I am bored"].this is None and rows["I am bored"].change is None  # not heard this time
    assert rows["I can't get to the shops"].last is None  # new this cycle
    assert [r.name for r in found.sizes[Question.WORKING]] == ["I like my allotment"]
    # The carried baseline theme of this cycle is no theme of its card call: it is not counted twice.
    assert len(found.sizes[Question.NOT_WORKING]) == 3
    [priority] = found.priorities
    assert (priority.last_dots, priority.this_dots) == (1, 0)


def test_a_theme_named_differently_this_time_can_be_matched_by_hand(memory_repo: Repository) -> None:
    first, _ = _cycle_one(memory_repo)
    second = _cycle_two(memory_repo, first)
    shops = next(
        t for t in memory_repo.find(Theme, project_id=second.id) if t.name == "I can't get to the shops"
    )
    bored = next(t for t in memory_repo.find(Theme, project_id=first.id) if t.name == "I am bored")
    allotment = next(
        t for t in memory_repo.find(Theme, project_id=first.id) if t.question is Question.WORKING
    )
    with pytest.raises(DomainError, match="same question"):
        compare_cycles.match_theme(memory_repo, shops.id, allotment.id, **WHO)
    compare_cycles.match_theme(memory_repo, shops.id, bored.id, **WHO)
    found = compare_cycles.comparison(memory_repo, second.id)
    assert found is not None
    row = next(r for r in found.sizes[Question.NOT_WORKING] if r.name == "I can't get to the shops")
    assert row.last is not None and row.last.name == "I am bored"
    assert len(found.sizes[Question.NOT_WORKING]) == 2
    compare_cycles.match_theme(memory_repo, shops.id, None, **WHO)  # back to going by the name
    again = compare_cycles.comparison(memory_repo, second.id)
    assert again is not None and len(again.sizes[Question.NOT_WORKING]) == 3


def test_each_carried_measure_shows_its_readings_over_both_cycles(memory_repo: Repository) -> None:
    first, _ = _cycle_one(memory_repo)
    second = _cycle_two(memory_repo, first)
    [carried] = [m for m in memory_repo.find(Measure, project_id=second.id)]
    memory_repo.save(updated(carried, {"readings": [Reading(on=TODAY, value=15)]}))
    found = compare_cycles.comparison(memory_repo, second.id)
    assert found is not None
    [line] = found.measures
    assert (line.theme, line.success) == (LATE, "I know who is coming")
    assert [(p.cycle, p.value) for p in line.points] == [(1, 19), (2, 15)]
    assert (line.first_baseline, line.now, line.change) == (23, 15, -8)


def test_a_withdrawn_review_of_the_last_cycle_drops_out_of_the_comparison(memory_repo: Repository) -> None:
    first, review_ids = _cycle_one(memory_repo)
    second = _cycle_two(memory_repo, first)
    withdraw_review(memory_repo, review_ids[0], reason="person_asked", **WHO)
    found = compare_cycles.comparison(memory_repo, second.id)
    assert found is not None and found.people[Question.NOT_WORKING] == (3, 2)
    row = next(r for r in found.sizes[Question.NOT_WORKING] if r.name.startswith(LATE))
    assert row.last is not None and row.last.people == 3
    assert all(r.name != "I am bored" for r in found.sizes[Question.NOT_WORKING])  # only that person said it


def test_a_priority_again_carries_on_last_cycles_success_under_the_same_root_cause(
    memory_repo: Repository,
) -> None:
    first, _ = _cycle_one(memory_repo)
    second = _cycle_two(memory_repo, first)
    theme = next(t for t in memory_repo.find(Theme, project_id=second.id) if t.chosen)
    cause = root_cause(memory_repo, theme, "Rotas change on the day")
    items = success.carried_success(memory_repo, theme.id)
    assert [i.statement.text for i in items] == ["I know who is coming"]
    assert success.carry_on(memory_repo, theme.id, **WHO) == 1
    [said] = memory_repo.find(SuccessStatement, theme_id=theme.id)
    assert said.root_cause_id == cause.id  # the room took the same root cause forward again
    assert [m.description for m in memory_repo.find(Measure, success_id=said.id)] == ["Late visits"]
    assert success.carried_success(memory_repo, theme.id) == []
    with pytest.raises(DomainError, match="nothing from the last cycle"):
        success.carry_on(memory_repo, theme.id, **WHO)
    assert understand.forward_causes(memory_repo, theme.id) == [memory_repo.get(type(cause), cause.id)]


# --- the rules, without a store -----------------------------------------------------------------------
def test_names_keys_and_history() -> None:
    assert next_cycle_name("Home care", 2) == "Home care (cycle 2)"
    assert next_cycle_name("Home care (cycle 2)", 3) == "Home care (cycle 3)"
    assert theme_key("  I don’t get  OUT.") == theme_key("I don't get out")
    assert compare_sizes([], [], {}, {}) == []
