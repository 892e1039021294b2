"""The demo workshop's chains, Steps 4 to 6: one chain for each "not working" theme, every piece of it about
that theme, and the seeds that put them on the demo's themes (ideas, dots, grid, plans that name success)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests import factories as f
from tests.factories import demo_project
from tests.workshop_data import demo_to_step_5, demo_workshop, timeline
from wtfc_collect.demo import chains as bank
from wtfc_collect.demo import workshop_planning, workshop_theming, workshop_understanding
from wtfc_collect.domain import (
    ActionPlan,
    Idea,
    IdeaKind,
    Measure,
    Project,
    Quadrant,
    Question,
    RootCause,
    SuccessStatement,
    Vote,
)
from wtfc_collect.domain.plan import IDEA_KINDS, PLAN_FIELDS, TOP_IDEAS, quadrant_of
from wtfc_collect.services.workshop import golden_thread
from wtfc_collect.services.workshop import plan as planning
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository

NOT_WORKING = list(workshop_theming.RULES[Question.NOT_WORKING])


@pytest.fixture(scope="module")
def seeded() -> tuple[MemoryRepository, Project]:
    return demo_workshop()


# --- the bank ------------------------------------------------------------------------------------------
def test_every_theme_the_demo_card_call_can_make_has_a_chain_of_its_own() -> None:
    assert sorted(bank.chains()) == sorted(NOT_WORKING)
    causes = [c.cause for chain in bank.chains().values() for c in chain.causes]
    assert len(causes) == len(set(causes)), "no two themes share a root cause"
    plans = [p.details["title"] for chain in bank.chains().values() for p in chain.plans]
    assert len(plans) == len(set(plans)), "no two themes share an action plan"


@pytest.mark.parametrize("name", NOT_WORKING)
def test_every_piece_of_a_chain_is_about_its_theme(name: str) -> None:
    """Each root cause, success statement, measure, idea and plan holds one of its theme's topic words."""
    chain = bank.chains()[name]
    off_topic = [(what, words) for what, words in chain.texts() if not bank.about(words, chain.topic)]
    assert off_topic == []


def test_the_topic_check_catches_a_chain_put_under_the_wrong_theme() -> None:
    """What the evaluators saw: a dial-a-ride plan under "I am worn out from caring", and a root cause about
    avoiding risk under letters and forms."""
    caring = bank.chains()["I am worn out from caring"]
    letters = bank.chains()["I find letters, forms and phones too hard"]
    assert not bank.about("Everyone knows about dial-a-ride", caring.topic)
    assert not bank.about(
        "A culture of avoiding risk means staff decide for people instead of with them.", letters.topic
    )
    assert bank.about("Breaks booked a year ahead", caring.topic)


@pytest.mark.parametrize("name", NOT_WORKING)
def test_each_chain_has_top_causes_success_ideas_and_plans_that_fit_together(name: str) -> None:
    chain = bank.chains()[name]
    forward = chain.causes[: bank.TAKEN_FORWARD]
    assert all(cause.success for cause in forward) and not chain.causes[-1].success
    for cause in forward:
        perspectives = {bank.perspective_key(s.perspective) for s in cause.success}
        assert "people" in perspectives, "success starts with what people would be saying"
        assert all(s.measures for s in cause.success)
    measures = [m for cause in forward for s in cause.success for m in s.measures]
    assert {m.kind.value for m in measures} == {"number", "words"}, "measures in numbers and in words"
    assert {i.kind for i in chain.ideas} == set(IDEA_KINDS) and len(chain.already) == 2
    votes = [i.votes for i in chain.ideas]
    assert sum(votes) <= 3 * workshop_planning.VOTERS
    order = sorted(range(len(votes)), key=lambda n: -votes[n])
    assert votes[order[TOP_IDEAS - 1]] > votes[order[TOP_IDEAS]], "no tie at the cut"
    best = [quadrant_of(chain.ideas[n].cost, chain.ideas[n].impact) for n in order[:TOP_IDEAS]]
    assert Quadrant.QUICK_WIN in best and Quadrant.MAJOR_PROJECT in best
    for plan in chain.plans:
        assert plan.idea in order[:TOP_IDEAS] and all(str(plan.details[f]).strip() for f in PLAN_FIELDS)


def test_over_all_the_themes_the_grid_gets_all_four_quadrants() -> None:
    placed = set()
    for chain in bank.chains().values():
        order = sorted(chain.ideas, key=lambda i: -i.votes)[:TOP_IDEAS]
        placed |= {quadrant_of(i.cost, i.impact) for i in order}
    assert placed == set(Quadrant)


def test_a_mistake_in_the_bank_names_the_theme() -> None:
    raw = {
        "theme": [{"name": "I am lonely", "topic": [], "already": [], "cause": [], "ideas": [], "plan": []}]
    }
    with pytest.raises(ValueError, match="theme 'I am lonely'"):
        bank.parse_chains(raw)


def test_dealing_gives_each_voter_three_dots_at_most_and_each_idea_its_dots() -> None:
    hands = bank.deal([8, 7, 6, 5, 2, 2], 10)
    assert len(hands) == 10 and all(sum(hand.values()) == 3 for hand in hands)
    totals: Counter[int] = Counter()
    for hand in hands:
        totals.update(hand)
    assert totals == Counter({0: 8, 1: 7, 2: 6, 3: 5, 4: 2, 5: 2})


# --- the seeds on the demo ---------------------------------------------------------------------------------
def test_the_seed_fills_every_step_of_the_plan(seeded: tuple[MemoryRepository, Project]) -> None:
    repo, project = seeded
    themes = planning.chosen_themes(repo, project.id)
    assert len(themes) == 3
    for theme in themes:
        chain = bank.chains()[theme.name or ""]
        assert len(planning.already_happening(repo, theme.id)) == 2
        ideas = planning.ideas_for(repo, theme.id)
        assert [i.text for i in ideas] == [i.text for i in chain.ideas]
        forward = {c.id for c in repo.find(RootCause, theme_id=theme.id) if c.taken_forward}
        assert len(forward) == 2 and all(i.root_cause_id in forward for i in ideas)
        results = planning.idea_results(repo, theme.id)
        assert len(results.dots_used) == 10 and all(n <= 3 for n in results.dots_used.values())
        chosen = [i for i in ideas if i.chosen]
        assert {i.id for i in chosen} == {r.idea.id for r in results.ideas[:TOP_IDEAS]}
        assert all(i.quadrant is not None for i in chosen)
        plans = planning.action_plans(repo, project.id, theme.id)
        assert [p.title for p in plans] == [p.details["title"] for p in chain.plans]
        for plan in plans:
            idea = repo.get(Idea, plan.idea_ids[0])
            assert idea is not None and idea.chosen
            named = [repo.get(SuccessStatement, s) for s in plan.success_ids]
            assert named and all(s is not None and s.root_cause_id == idea.root_cause_id for s in named)
            measures = [repo.get(Measure, m) for m in plan.measure_ids]
            assert measures and all(m is not None and m.success_id in plan.success_ids for m in measures)


def test_every_seeded_chain_is_about_its_theme(seeded: tuple[MemoryRepository, Project]) -> None:
    """Whatever themes the room takes forward, what the seeds wrote about each one is about that theme."""
    repo, project = seeded
    for theme in planning.chosen_themes(repo, project.id):
        topic = bank.chains()[theme.name or ""].topic
        written = [c.cause for c in repo.find(RootCause, theme_id=theme.id)]
        written += [s.text for s in repo.find(SuccessStatement, theme_id=theme.id)]
        written += [
            i.text for i in repo.find(Idea, theme_id=theme.id) if i.kind is not IdeaKind.ALREADY_HAPPENING
        ]
        written += [f"{a.title} {a.key_features}" for a in repo.find(ActionPlan, theme_id=theme.id)]
        assert [w for w in written if not bank.about(w, topic)] == [], theme.name


def test_every_seeded_action_traces_to_words_and_a_measure(seeded: tuple[MemoryRepository, Project]) -> None:
    repo, project = seeded
    for action in repo.find(ActionPlan, project_id=project.id):
        thread = golden_thread.action_thread(repo, action.id)
        assert thread.missing == (), action.title
        assert thread.evidence.people > 0 and thread.measures


def test_running_the_seed_again_adds_nothing(seeded: tuple[MemoryRepository, Project]) -> None:
    repo, project = seeded
    before = len(repo.find(Vote)), len(repo.find(Idea)), len(repo.find(ActionPlan))
    assert workshop_planning.seed(repo, project.id, f.NOW) == workshop_planning.PlanningSeed()
    assert (len(repo.find(Vote)), len(repo.find(Idea)), len(repo.find(ActionPlan))) == before


def test_without_chosen_themes_the_seed_adds_nothing(memory_repo: Repository) -> None:
    project = demo_project(memory_repo, now=f.NOW, reviews=20)
    assert workshop_planning.seed(memory_repo, project.id, f.NOW) == workshop_planning.PlanningSeed()
    assert memory_repo.find(Idea) == []


def test_a_theme_with_the_rooms_own_root_causes_is_left_to_the_room(memory_repo: Repository) -> None:
    project = demo_to_step_5(memory_repo)
    for cause in memory_repo.find(RootCause):
        memory_repo.delete(RootCause, cause.id)
    result = workshop_planning.seed(memory_repo, project.id, f.NOW, timeline())
    assert result == workshop_planning.PlanningSeed()
    assert memory_repo.find(Idea) == []


def test_after_the_card_call_seed_every_chosen_theme_is_planned_from_its_own_chain(
    memory_repo: Repository,
) -> None:
    project = demo_project(memory_repo, now=f.NOW, reviews=40)
    workshop_theming.seed(memory_repo, project.id, f.NOW)
    workshop_understanding.seed(memory_repo, project.id, f.NOW)
    result = workshop_planning.seed(memory_repo, project.id, f.NOW)
    themes = planning.chosen_themes(memory_repo, project.id)
    assert result.themes == len(themes) > 0
    for theme in themes:
        titles = [a.title for a in planning.action_plans(memory_repo, project.id, theme.id)]
        assert titles == [p.details["title"] for p in bank.chains()[theme.name or ""].plans]
    assert all(row.people > 0 and row.measures for row in golden_thread.thread_table(memory_repo, project.id))
