"""The demo workshop's Steps 6 to 8: realistic ideas, dots, grid, plans, readings and notes on the demo."""

from __future__ import annotations

from collections import Counter

import pytest

from tests import factories as f
from tests.factories import demo_project
from tests.workshop_data import demo_to_step_5, demo_workshop
from wtfc_collect.demo import workshop_planning, workshop_theming, workshop_understanding
from wtfc_collect.domain import (
    ActionPlan,
    ActionStatus,
    Idea,
    IdeaKind,
    Measure,
    ProcessNote,
    Project,
    Quadrant,
    RootCause,
    Vote,
)
from wtfc_collect.domain.plan import IDEA_KINDS, PLAN_FIELDS, TOP_IDEAS, quadrant_of
from wtfc_collect.services.workshop import golden_thread
from wtfc_collect.services.workshop import plan as planning
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository


@pytest.fixture(scope="module")
def seeded() -> tuple[MemoryRepository, Project]:
    return demo_workshop()


def test_every_topic_gives_all_four_quadrants_over_two_themes() -> None:
    for topic in workshop_planning.load_topics():
        ideas = topic["idea"]
        assert Counter(i["kind"] for i in ideas) == {k.value: 2 for k in IDEA_KINDS}, topic["key"]
        assert len(topic["already"]) == 2 and sum(i["votes"] for i in ideas) <= 3 * workshop_planning.VOTERS
        placed = []
        for third in workshop_planning.THIRD:
            dots = workshop_planning.dots_for(ideas, third)
            order = sorted(range(len(ideas)), key=lambda n: -dots[n])
            best = order[:TOP_IDEAS]
            assert dots[best[-1]] > dots[order[TOP_IDEAS]]  # no tie at the cut
            quadrants = [quadrant_of(ideas[n]["cost"], ideas[n]["impact"]) for n in best]
            assert quadrants == [Quadrant.QUICK_WIN, Quadrant.MAJOR_PROJECT, third], topic["key"]
            placed.append(set(quadrants))
            assert all(plan["idea"] in best for plan in topic["plan"]), topic["key"]
        assert placed[0] | placed[1] == set(Quadrant), topic["key"]
        for plan in topic["plan"]:
            assert all(str(plan[field]).strip() for field in PLAN_FIELDS), (topic["key"], plan["title"])


def test_dealing_gives_each_voter_three_dots_at_most_and_each_idea_its_dots() -> None:
    hands = workshop_planning.deal([8, 7, 6, 5, 2, 2])
    assert len(hands) == 10 and all(sum(hand.values()) == 3 for hand in hands)
    totals: Counter[int] = Counter()
    for hand in hands:
        totals.update(hand)
    assert totals == Counter({0: 8, 1: 7, 2: 6, 3: 5, 4: 2, 5: 2})


@pytest.mark.parametrize(
    ("name", "topic"),
    [
        ("I never know who is coming or when", "same_people"),
        ("I am lonely", "on_my_own"),
        ("I can't get out and about", "getting_about"),
        ("I am not treated like a grown-up", "choice"),
        ("I find letters, forms and phones too hard", "information"),
        ("I wait too long and nobody gets back to me", "waiting"),
        ("I worry about money", "money"),
        ("I like zebras", "general"),
    ],
)
def test_themes_get_the_topic_that_fits_their_name(name: str, topic: str) -> None:
    assert workshop_planning.pick_topic(workshop_planning._words(name), set(), set())["key"] == topic


def test_the_name_counts_more_than_the_statements_and_a_topic_is_used_once() -> None:
    said = {"bus", "taxi", "drive", "lifts"}
    assert workshop_planning.pick_topic({"wait", "long"}, said, set())["key"] == "waiting"
    assert workshop_planning.pick_topic(set(), said, set())["key"] == "getting_about"
    assert workshop_planning.pick_topic(set(), said, {"getting_about"})["key"] != "getting_about"
    assert (
        workshop_planning.pick_topic({"zebra"}, set(), {"general"})["key"] == "general"
    )  # the general topic repeats


def test_the_seed_fills_every_step_of_the_plan(seeded: tuple[MemoryRepository, Project]) -> None:
    repo, project = seeded
    themes = planning.chosen_themes(repo, project.id)
    assert len(themes) == 3
    for number, theme in enumerate(themes):
        assert len(planning.already_happening(repo, theme.id)) == 2
        ideas = planning.ideas_for(repo, theme.id)
        assert Counter(i.kind for i in ideas) == dict.fromkeys(IDEA_KINDS, 2)
        causes = {c.id for c in repo.find(RootCause, theme_id=theme.id)}
        assert all(i.root_cause_id in causes for i in ideas)  # every idea tackles one of the theme's causes
        results = planning.idea_results(repo, theme.id)
        assert len(results.dots_used) == 10 and all(n <= 3 for n in results.dots_used.values())
        chosen = [i for i in ideas if i.chosen]
        assert {i.id for i in chosen} == {r.idea.id for r in results.ideas[:TOP_IDEAS]}
        assert all(i.quadrant is not None for i in chosen)
        plans = planning.action_plans(repo, project.id, theme.id)
        assert len(plans) == (2 if number % 2 == 0 else 1)
        for plan in plans:
            assert all(getattr(plan, field) for field in PLAN_FIELDS), plan.title
            assert plan.idea_ids and all(i in {c.id for c in chosen} for i in plan.idea_ids)
    placed = {i.quadrant for i in repo.find(Idea, project_id=project.id) if i.chosen}
    assert placed == set(Quadrant)
    statuses = Counter(a.status for a in repo.find(ActionPlan, project_id=project.id))
    assert statuses[ActionStatus.DONE] == 1 and statuses[ActionStatus.UNDER_WAY] >= 1
    assert statuses[ActionStatus.NOT_STARTED] >= 1
    notes = repo.find(ProcessNote, project_id=project.id)
    assert {n.worked for n in notes} == {True, False} and 2 <= len(notes) <= 3


def test_the_seed_adds_readings_that_move_towards_success(seeded: tuple[MemoryRepository, Project]) -> None:
    repo, project = seeded
    measures = repo.find(Measure, project_id=project.id)
    assert measures and all(len(m.readings) == 3 and m.baseline is not None for m in measures)
    fewer_carers, fewer_lonely = measures
    assert fewer_carers.baseline == 14 and fewer_carers.current is not None and fewer_carers.current < 14
    assert fewer_lonely.current is not None and fewer_lonely.baseline is not None
    assert fewer_lonely.current < fewer_lonely.baseline
    assert all(r.on <= f.NOW.date() for m in measures for r in m.readings)


def test_the_seeded_thread_reaches_real_words(seeded: tuple[MemoryRepository, Project]) -> None:
    repo, project = seeded
    for row in golden_thread.thread_table(repo, project.id):
        assert row.people > 0 and row.ideas and row.root_causes


def test_running_the_seed_again_adds_nothing(seeded: tuple[MemoryRepository, Project]) -> None:
    repo, project = seeded
    before = len(repo.find(Vote)), len(repo.find(Idea)), len(repo.find(ProcessNote))
    assert workshop_planning.seed(repo, project.id, f.NOW) == workshop_planning.PlanningSeed()
    assert (len(repo.find(Vote)), len(repo.find(Idea)), len(repo.find(ProcessNote))) == before


def test_without_chosen_themes_the_seed_adds_nothing(memory_repo: Repository) -> None:
    project = demo_project(memory_repo, now=f.NOW, reviews=20)
    assert workshop_planning.seed(memory_repo, project.id, f.NOW) == workshop_planning.PlanningSeed()
    assert memory_repo.find(Idea) == [] and memory_repo.find(ProcessNote) == []


def test_without_root_causes_or_measures_ideas_are_simply_not_linked(memory_repo: Repository) -> None:
    project = demo_to_step_5(memory_repo)
    for cause in memory_repo.find(RootCause):
        memory_repo.delete(RootCause, cause.id)
    for measure in memory_repo.find(Measure):
        memory_repo.delete(Measure, measure.id)
    result = workshop_planning.seed(memory_repo, project.id, f.NOW)
    assert (result.themes, result.readings) == (3, 0) and result.plans == 5
    assert all(i.root_cause_id is None for i in memory_repo.find(Idea))
    assert all(i.kind is IdeaKind.ALREADY_HAPPENING or i.kind in IDEA_KINDS for i in memory_repo.find(Idea))


def test_after_the_earlier_seeds_every_chosen_theme_is_planned(memory_repo: Repository) -> None:
    project = demo_project(memory_repo, now=f.NOW, reviews=40)
    workshop_theming.seed(memory_repo, project.id, f.NOW)
    workshop_understanding.seed(memory_repo, project.id, f.NOW)
    result = workshop_planning.seed(memory_repo, project.id, f.NOW)
    themes = planning.chosen_themes(memory_repo, project.id)[: workshop_planning.MAX_THEMES]
    assert result.themes == len(themes) > 0
    for theme in themes:
        assert planning.action_plans(memory_repo, project.id, theme.id)
    if len(themes) >= 2:
        assert {i.quadrant for i in memory_repo.find(Idea) if i.chosen} == set(Quadrant)
    assert all(row.people > 0 for row in golden_thread.thread_table(memory_repo, project.id))
