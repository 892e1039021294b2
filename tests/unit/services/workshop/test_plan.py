"""Step 6, Plan: dots per participant, the top three, the cost and impact grid, and action plans."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import factories as f
from tests.workshop_data import chosen_theme, ready_review, root_cause, top
from wtfc_collect.domain import (
    ActionPlan,
    AuditAction,
    DomainError,
    Idea,
    IdeaKind,
    Quadrant,
    Question,
    Theme,
    Vote,
    VoteTarget,
    new_id,
)
from wtfc_collect.domain.plan import QUADRANT_AREAS, SCORES, by_quadrant, quadrant_of
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import plan as planning
from wtfc_collect.services.workshop import success
from wtfc_collect.storage.port import Repository

WHO = {"actor": "Fran (facilitator)", "now": f.NOW}


def _vote(target: str, voter: str, dots: int = 1) -> Vote:
    return Vote(
        id=new_id(),
        project_id=new_id(),
        target_kind=VoteTarget.IDEA,
        target_id=target,
        voter=voter,
        dots=dots,
        at=f.NOW,
    )


# --- pure rules -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("cost", SCORES)
@pytest.mark.parametrize("impact", SCORES)
def test_quadrant_of_follows_the_same_rule_as_an_idea_and_its_drawn_area(cost: int, impact: int) -> None:
    idea = Idea(
        id=new_id(),
        project_id=new_id(),
        theme_id=new_id(),
        kind=IdeaKind.RADICAL,
        text="x",
        cost=cost,
        impact=impact,
    )
    assert quadrant_of(cost, impact) is idea.quadrant
    x0, x1, y0, y1 = QUADRANT_AREAS[quadrant_of(cost, impact)]
    assert x0 < cost < x1 and y0 < impact < y1


def test_quadrants_by_the_guide() -> None:
    assert quadrant_of(1, 4) is Quadrant.QUICK_WIN  # low cost, high impact
    assert quadrant_of(4, 4) is Quadrant.MAJOR_PROJECT
    assert quadrant_of(1, 1) is Quadrant.FILL_IN
    assert quadrant_of(4, 1) is Quadrant.THANKLESS_TASK
    assert quadrant_of(2, 3) is Quadrant.QUICK_WIN and quadrant_of(3, 2) is Quadrant.THANKLESS_TASK


def test_ideas_are_grouped_by_quadrant_with_unplaced_ones_apart() -> None:
    def idea(cost: int | None, impact: int | None) -> Idea:
        return Idea(
            id=new_id(),
            project_id=new_id(),
            theme_id=new_id(),
            kind=IdeaKind.TRADITIONAL,
            text="x",
            cost=cost,
            impact=impact,
        )

    quick, major, unplaced = idea(1, 4), idea(3, 3), idea(None, 2)
    groups = by_quadrant([quick, major, unplaced])
    assert list(groups) == [*Quadrant, None]
    assert groups[Quadrant.QUICK_WIN] == [quick] and groups[Quadrant.MAJOR_PROJECT] == [major]
    assert groups[None] == [unplaced] and groups[Quadrant.FILL_IN] == []


# --- a theme to plan for ----------------------------------------------------------------------------------
@pytest.fixture
def theme(memory_repo: Repository) -> Theme:
    project = memory_repo.save(f.project())
    review = ready_review(memory_repo, project.id)
    return chosen_theme(memory_repo, project.id, "I want to get there on time", [top(review)])


def _ideas(repo: Repository, theme: Theme, count: int = 5) -> list[Idea]:
    kinds = [IdeaKind.TRADITIONAL, IdeaKind.RADICAL, IdeaKind.DIFFERENT]
    return [planning.add_idea(repo, theme.id, kinds[n % 3], f"Idea {n + 1}", **WHO) for n in range(count)]


def test_ideas_and_already_happening_notes_are_kept_apart(memory_repo: Repository, theme: Theme) -> None:
    note = planning.add_idea(memory_repo, theme.id, IdeaKind.ALREADY_HAPPENING, "Dial-a-ride exists", **WHO)
    ideas = _ideas(memory_repo, theme, 3)
    assert planning.already_happening(memory_repo, theme.id) == [note]
    assert planning.ideas_for(memory_repo, theme.id) == ideas
    assert [e.action for e in memory_repo.audit_log(note.id)] == [AuditAction.CREATE]


def test_an_idea_needs_words_a_chosen_theme_and_a_cause_of_that_theme(
    memory_repo: Repository, theme: Theme
) -> None:
    with pytest.raises(InvalidInput) as caught:
        planning.add_idea(memory_repo, theme.id, IdeaKind.RADICAL, "   ", **WHO)
    assert caught.value.errors == {"text": "Please fill this in."}
    other = chosen_theme(memory_repo, theme.project_id, "I am lonely", [], chosen=False)
    with pytest.raises(DomainError, match="took forward"):
        planning.add_idea(memory_repo, other.id, IdeaKind.RADICAL, "A club", **WHO)
    elsewhere = root_cause(memory_repo, other, "Nothing on in the evening")
    with pytest.raises(InvalidInput) as caught:
        planning.add_idea(memory_repo, theme.id, IdeaKind.RADICAL, "A bus", root_cause_id=elsewhere.id, **WHO)
    assert "root_cause_id" in caught.value.errors
    cause = root_cause(memory_repo, theme, "No buses after six")
    idea = planning.add_idea(memory_repo, theme.id, IdeaKind.RADICAL, "A bus", root_cause_id=cause.id, **WHO)
    assert idea.root_cause_id == cause.id
    assert memory_repo.find(Idea, theme_id=other.id) == []


# --- dots -------------------------------------------------------------------------------------------------
def test_each_participant_has_three_dots_and_over_voting_changes_nothing(
    memory_repo: Repository, theme: Theme
) -> None:
    a, b, c, *_ = _ideas(memory_repo, theme)
    planning.record_idea_votes(memory_repo, theme.id, "Voter 1", {a.id: 2, b.id: 1}, **WHO)
    with pytest.raises(InvalidInput) as caught:
        planning.record_idea_votes(memory_repo, theme.id, "Voter 1", {a.id: 3, c.id: 1}, **WHO)
    assert caught.value.errors == {
        "dots": "Voter 1 has 3 dots but 4 were given. Take 1 dot off, then save again."
    }
    assert planning.idea_results(memory_repo, theme.id).dots_used == {"Voter 1": 3}
    planning.record_idea_votes(memory_repo, theme.id, "Voter 2", {a.id: 4, c.id: 1}, allowed=5, **WHO)
    results = planning.idea_results(memory_repo, theme.id)
    assert [(r.idea.id, r.dots, r.voters) for r in results.ideas[:3]] == [
        (a.id, 6, 2),
        (b.id, 1, 1),
        (c.id, 1, 1),
    ]
    assert results.dots_used == {"Voter 1": 3, "Voter 2": 5}


def test_voting_again_replaces_a_voters_dots_and_zero_takes_them_back(
    memory_repo: Repository, theme: Theme
) -> None:
    a, b, *_ = _ideas(memory_repo, theme)
    planning.record_idea_votes(memory_repo, theme.id, "Voter 1", {a.id: 3}, **WHO)
    planning.record_idea_votes(memory_repo, theme.id, " Voter 1 ", {a.id: 1, b.id: 2}, **WHO)
    assert {(v.target_id, v.dots) for v in memory_repo.find(Vote)} == {(a.id, 1), (b.id, 2)}
    planning.record_idea_votes(memory_repo, theme.id, "Voter 1", {a.id: 0, b.id: 0}, **WHO)
    assert memory_repo.find(Vote) == []


def test_dots_need_a_label_and_only_go_on_this_themes_ideas(memory_repo: Repository, theme: Theme) -> None:
    (a,) = _ideas(memory_repo, theme, 1)
    note = planning.add_idea(memory_repo, theme.id, IdeaKind.ALREADY_HAPPENING, "Lunch club", **WHO)
    with pytest.raises(InvalidInput) as caught:
        planning.record_idea_votes(memory_repo, theme.id, "  ", {a.id: 1}, **WHO)
    assert "Voter 7" in caught.value.errors["voter"]
    with pytest.raises(DomainError, match="this theme's traditional, radical and different ideas"):
        planning.record_idea_votes(memory_repo, theme.id, "Voter 1", {note.id: 1}, **WHO)
    assert memory_repo.find(Vote) == []


def test_the_top_three_are_chosen_by_dots_and_choosing_again_follows_new_dots(
    memory_repo: Repository, theme: Theme
) -> None:
    a, b, c, d, e = _ideas(memory_repo, theme)
    with pytest.raises(DomainError, match="No dots"):
        planning.choose_top_ideas(memory_repo, theme.id, **WHO)
    planning.record_idea_votes(memory_repo, theme.id, "Voter 1", {a.id: 1, b.id: 1, c.id: 1}, **WHO)
    planning.record_idea_votes(memory_repo, theme.id, "Voter 2", {b.id: 1, d.id: 2}, **WHO)
    chosen = planning.choose_top_ideas(memory_repo, theme.id, **WHO)
    assert {i.id for i in chosen} == {b.id, d.id, a.id}  # a and c tie on one dot: a came first
    assert planning.idea_results(memory_repo, theme.id).tie_at_cut
    planning.record_idea_votes(memory_repo, theme.id, "Voter 3", {e.id: 3}, **WHO)
    chosen = planning.choose_top_ideas(memory_repo, theme.id, **WHO)
    assert {i.id for i in chosen} == {e.id, b.id, d.id}
    assert not memory_repo.get(Idea, a.id).chosen


def test_ideas_can_be_chosen_by_hand_up_to_three(memory_repo: Repository, theme: Theme) -> None:
    a, b, c, d, _ = _ideas(memory_repo, theme)
    with pytest.raises(InvalidInput) as caught:
        planning.set_chosen_ideas(memory_repo, theme.id, [a.id, b.id, c.id, d.id], **WHO)
    assert caught.value.errors == {"chosen": "Choose 3 ideas at most: 4 are ticked."}
    chosen = planning.set_chosen_ideas(memory_repo, theme.id, [d.id, a.id], **WHO)
    assert [i.id for i in chosen] == [a.id, d.id]


# --- the grid ---------------------------------------------------------------------------------------------
def test_only_chosen_ideas_go_on_the_grid_with_scores_from_one_to_four(
    memory_repo: Repository, theme: Theme
) -> None:
    a, b, *_ = _ideas(memory_repo, theme)
    planning.set_chosen_ideas(memory_repo, theme.id, [a.id], **WHO)
    with pytest.raises(DomainError, match="Only the chosen ideas"):
        planning.place_idea(memory_repo, b.id, 1, 4, **WHO)
    with pytest.raises(InvalidInput) as caught:
        planning.place_ideas(memory_repo, {a.id: (0, 5)}, **WHO)
    assert caught.value.errors == {f"cost.{a.id}": planning.NO_SCORE, f"impact.{a.id}": planning.NO_SCORE}
    assert [row.quadrant for row in planning.grid(memory_repo, theme.project_id)] == [None]
    planning.place_ideas(memory_repo, {a.id: (4, 3)}, **WHO)
    rows = planning.grid(memory_repo, theme.project_id, theme.id)
    assert [(r.idea.id, r.quadrant, r.theme.id) for r in rows] == [(a.id, Quadrant.MAJOR_PROJECT, theme.id)]
    assert planning.place_ideas(memory_repo, {a.id: (4, 3)}, **WHO) == []


# --- action plans -----------------------------------------------------------------------------------------
PLAN = {
    "title": "Who is coming this week",
    "key_features": "A weekly sheet with photos",
    "who_is_involved": "Coordinators and two people who use home care",
    "lead": "Home care coordinator",
    "first_steps": "Try it on one street",
    "six_to_twelve_months": "Everyone gets the sheet",
    "resources": "Half a day a week",
    "what_else_would_help": "Carers happy to have a photo",
    "how_we_will_know": "Fewer calls to the office",
    "how_we_will_tell_people": "A letter with the first sheet",
}


def test_an_action_plan_holds_every_answer_and_comes_from_the_themes_ideas(
    memory_repo: Repository, theme: Theme
) -> None:
    (a,) = _ideas(memory_repo, theme, 1)
    plan = planning.create_action_plan(memory_repo, theme.id, {**PLAN, "idea_ids": [a.id]}, **WHO)
    stored = planning.get_action_plan(memory_repo, plan.id)
    assert {k: getattr(stored, k) for k in PLAN} == PLAN
    assert (stored.theme_id, stored.idea_ids, stored.project_id) == (theme.id, [a.id], theme.project_id)
    assert [e.action for e in memory_repo.audit_log(plan.id)] == [AuditAction.CREATE]


def test_an_action_plan_needs_a_title_and_ideas_of_its_own_theme(
    memory_repo: Repository, theme: Theme
) -> None:
    with pytest.raises(InvalidInput) as caught:
        planning.create_action_plan(memory_repo, theme.id, {**PLAN, "title": "  "}, **WHO)
    assert "short title" in caught.value.errors["title"]
    other = chosen_theme(memory_repo, theme.project_id, "I am lonely", [])
    (elsewhere,) = _ideas(memory_repo, other, 1)
    with pytest.raises(InvalidInput) as caught:
        planning.create_action_plan(memory_repo, theme.id, {**PLAN, "idea_ids": [elsewhere.id]}, **WHO)
    assert caught.value.errors == {"idea_ids": "Choose ideas from this theme."}
    assert memory_repo.find(ActionPlan) == []


def test_an_edit_from_an_old_copy_is_refused_and_an_empty_lead_is_no_lead(
    memory_repo: Repository, theme: Theme
) -> None:
    plan = planning.create_action_plan(memory_repo, theme.id, PLAN, **WHO)
    edited = planning.update_action_plan(
        memory_repo, plan.id, {**PLAN, "lead": " "}, expected_revision=plan.revision, **WHO
    )
    assert edited.lead is None and edited.status is plan.status
    with pytest.raises(DomainError, match="Someone else changed this plan"):
        planning.update_action_plan(
            memory_repo, plan.id, {**PLAN, "title": "Old"}, expected_revision=plan.revision, **WHO
        )
    assert planning.get_action_plan(memory_repo, plan.id).title == PLAN["title"]


def test_an_idea_added_by_mistake_goes_with_its_dots_unless_a_plan_came_from_it(
    memory_repo: Repository, theme: Theme
) -> None:
    a, b, *_ = _ideas(memory_repo, theme)
    planning.record_idea_votes(memory_repo, theme.id, "Voter 1", {a.id: 1, b.id: 2}, **WHO)
    planning.create_action_plan(memory_repo, theme.id, {**PLAN, "idea_ids": [a.id]}, **WHO)
    with pytest.raises(DomainError, match="golden thread"):
        planning.remove_idea(memory_repo, a.id, **WHO)
    planning.remove_idea(memory_repo, b.id, actor="Fran", now=f.NOW + timedelta(minutes=1))
    assert memory_repo.get(Idea, b.id) is None
    assert [v.target_id for v in memory_repo.find(Vote)] == [a.id]


def test_chosen_themes_put_not_working_first(memory_repo: Repository, theme: Theme) -> None:
    future = chosen_theme(memory_repo, theme.project_id, "I want to swim", [], question=Question.FUTURE)
    chosen_theme(memory_repo, theme.project_id, "I am lonely", [], chosen=False)
    assert [t.id for t in planning.chosen_themes(memory_repo, theme.project_id)] == [theme.id, future.id]


# --- roots and targets: only the top root causes; plans name success and measures ----------------------
def test_ideas_tackle_only_the_root_causes_taken_forward(memory_repo: Repository, theme: Theme) -> None:
    top_one = root_cause(memory_repo, theme, "No buses after six")
    left = root_cause(memory_repo, theme, "Not enough money", taken_forward=False)
    assert planning.root_causes(memory_repo, theme.id) == [top_one]
    assert planning.causes_left(memory_repo, theme.id) == [left]
    with pytest.raises(InvalidInput) as caught:
        planning.add_idea(memory_repo, theme.id, IdeaKind.RADICAL, "A bus", root_cause_id=left.id, **WHO)
    assert "taken forward" in caught.value.errors["root_cause_id"]


def test_a_plan_names_the_success_and_measures_it_moves_and_a_measure_brings_its_success(
    memory_repo: Repository, theme: Theme
) -> None:
    cause = root_cause(memory_repo, theme, "No buses after six")
    said = success.add_success(memory_repo, theme.id, "I get there on time", root_cause_id=cause.id, **WHO)
    counted = success.add_measure(memory_repo, said.id, "Late arrivals", **WHO)
    other = chosen_theme(memory_repo, theme.project_id, "I am lonely", [], chosen=True)
    elsewhere_cause = root_cause(memory_repo, other, "Nothing in the evening")
    elsewhere = success.add_success(
        memory_repo, other.id, "I see friends", root_cause_id=elsewhere_cause.id, **WHO
    )
    foreign = success.add_measure(memory_repo, elsewhere.id, "Friends seen", **WHO)
    with pytest.raises(InvalidInput) as caught:
        planning.create_action_plan(
            memory_repo, theme.id, {"title": "A", "success_ids": [elsewhere.id]}, **WHO
        )
    assert caught.value.errors == {"success_ids": "Choose success statements of this theme."}
    with pytest.raises(InvalidInput) as caught:
        planning.create_action_plan(memory_repo, theme.id, {"title": "A", "measure_ids": [foreign.id]}, **WHO)
    assert "measure_ids" in caught.value.errors
    made = planning.create_action_plan(
        memory_repo, theme.id, {"title": "A", "measure_ids": [counted.id]}, **WHO
    )
    assert (made.success_ids, made.measure_ids) == ([said.id], [counted.id])
    renamed = planning.update_action_plan(
        memory_repo, made.id, {"title": "A bus at seven"}, expected_revision=made.revision, **WHO
    )
    assert (renamed.success_ids, renamed.measure_ids) == ([said.id], [counted.id])  # an edit keeps them
