"""Themes in numbers: sizes per question, and shares by area and by group, counted from workshop words."""

from __future__ import annotations

import pytest

from tests import factories as f
from tests.workshop_data import ACTOR, chosen_theme, ready_review, top
from wtfc_collect.domain import Question, Review
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.workshop import theme_charts
from wtfc_collect.storage.port import Repository

NW = Question.NOT_WORKING


@pytest.fixture
def people(memory_repo: Repository) -> list[Review]:
    """Five people: three in North (older people), two in South (one with no group recorded)."""
    project = memory_repo.save(f.project(groups=["Older people", "Mental health"]))
    where = [
        ("North", "Older people"),
        ("North", "Older people"),
        ("North", "Mental health"),
        ("South", "Mental health"),
        ("South", None),
    ]
    return [ready_review(memory_repo, project.id, area=area, group=group) for area, group in where]


def _themes(repo: Repository, people: list[Review]) -> tuple[str, str]:
    """ "Buses": everyone's first choice. "Carers": the second choice of the first, fourth and fifth."""
    project_id = people[0].project_id
    buses = chosen_theme(repo, project_id, "I want to get there on time", [top(r) for r in people])
    carers = chosen_theme(
        repo, project_id, "I want the same carers", [top(people[i], place=2) for i in (0, 3, 4)]
    )
    return buses.id, carers.id


def test_theme_sizes_count_statements_and_people_biggest_first(
    memory_repo: Repository, people: list[Review]
) -> None:
    project_id = people[0].project_id
    carers = chosen_theme(memory_repo, project_id, "I want the same carers", [top(people[0], place=2)])
    both = chosen_theme(memory_repo, project_id, "I want to get there on time", [top(r) for r in people[:2]])
    unnamed = chosen_theme(memory_repo, project_id, "I am lonely", [top(people[2])], chosen=False)
    memory_repo.save(unnamed.model_copy(update={"name": None}))
    chosen_theme(
        memory_repo, project_id, "I want to swim", [top(people[0], Question.FUTURE)], question=Question.FUTURE
    )
    sizes = theme_charts.theme_sizes(memory_repo, project_id, NW)
    assert [(s.name, s.statements, s.people, s.share, s.chosen) for s in sizes] == [
        ("I want to get there on time", 2, 2, 50, True),
        ("I want the same carers", 1, 1, 25, True),
        (theme_charts.UNNAMED, 1, 1, 25, False),
    ]
    assert [s.theme_id for s in sizes[:2]] == [both.id, carers.id]
    assert [s.name for s in theme_charts.theme_sizes(memory_repo, project_id, Question.FUTURE)] == [
        "I want to swim"
    ]
    assert theme_charts.theme_sizes(memory_repo, project_id, Question.WORKING) == []


def test_one_persons_two_statements_in_a_theme_count_as_one_person(
    memory_repo: Repository, people: list[Review]
) -> None:
    project_id = people[0].project_id
    chosen_theme(
        memory_repo, project_id, "I want things to change", [top(people[0]), top(people[0], place=2)]
    )
    (size,) = theme_charts.theme_sizes(memory_repo, project_id, NW)
    assert (size.statements, size.people) == (2, 1)


def test_theme_shares_by_area_add_up_to_each_areas_statements(
    memory_repo: Repository, people: list[Review]
) -> None:
    buses, carers = _themes(memory_repo, people)
    table = theme_charts.theme_shares(memory_repo, people[0].project_id, NW, "area")
    assert table.segments == ["North", "South"]
    assert table.totals == {"North": 4, "South": 4}
    shares = {(r.theme_id, r.segment): (r.statements, r.share) for r in table.rows}
    assert shares == {
        (buses, "North"): (3, 75),
        (buses, "South"): (2, 50),
        (carers, "North"): (1, 25),
        (carers, "South"): (2, 50),
    }
    assert table.wide() == [
        {"Theme": "I want to get there on time", "North": "75 % (3)", "South": "50 % (2)"},
        {"Theme": "I want the same carers", "North": "25 % (1)", "South": "50 % (2)"},
    ]


def test_theme_shares_by_group_put_unrecorded_last(memory_repo: Repository, people: list[Review]) -> None:
    _themes(memory_repo, people)
    table = theme_charts.theme_shares(memory_repo, people[0].project_id, NW, "group")
    assert table.segments == ["Mental health", "Older people", theme_charts.NOT_RECORDED]
    assert table.totals == {"Mental health": 3, "Older people": 3, theme_charts.NOT_RECORDED: 2}
    wide = table.wide()
    assert wide[1] == {
        "Theme": "I want the same carers",
        "Mental health": "33 % (1)",
        "Older people": "33 % (1)",
        theme_charts.NOT_RECORDED: "50 % (1)",
    }


def test_a_withdrawn_review_drops_out_of_every_count(memory_repo: Repository, people: list[Review]) -> None:
    _themes(memory_repo, people)
    withdraw_review(memory_repo, people[4].id, reason="person_asked", actor=ACTOR, now=f.NOW)
    project_id = people[0].project_id
    sizes = {s.name: (s.statements, s.people) for s in theme_charts.theme_sizes(memory_repo, project_id, NW)}
    assert sizes == {"I want to get there on time": (4, 4), "I want the same carers": (2, 2)}
    table = theme_charts.theme_shares(memory_repo, project_id, NW, "group")
    assert theme_charts.NOT_RECORDED not in table.segments


def test_no_themes_means_empty_tables_not_errors(memory_repo: Repository, people: list[Review]) -> None:
    table = theme_charts.theme_shares(memory_repo, people[0].project_id, NW, "area")
    assert (table.segments, table.rows, table.wide()) == ([], [], [])
    assert (
        theme_charts.percent(1, 0) == 0
        and theme_charts.percent(1, 3) == 33
        and theme_charts.percent(2, 3) == 67
    )
