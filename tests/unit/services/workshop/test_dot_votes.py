"""Recording dots, one way for themes, root causes and ideas (``services.workshop.dot_votes``): the same
ballots given to all three screens' use cases give the same counts, a refused ballot changes nothing, and a
new ballot replaces the old one in a single write."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import factories as f
from tests.workshop_data import chosen_theme, ready_review, root_cause, top
from wtfc_collect.domain import IdeaKind, Question, Vote, VoteTarget
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import card_call, plan, priorities, understand
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository

ACTOR = "Fran (facilitator)"
KINDS = list(VoteTarget)


# --- the same ballots on themes, root causes and ideas ------------------------------------------------------
BALLOTS: list[tuple[str, list[int]]] = [
    # (label as typed, indexes of the three targets chosen): the same people, typed in different ways
    ("Voter 1", [0, 1, 2]),
    ("Voter 2", [0, 2]),
    ("voter 3", [2]),
    ("  VOTER 1 ", [0, 3]),  # Voter 1 again: replaces their first ballot
    ("Voter 4", [3, 0]),
    ("voter 2", []),  # takes Voter 2's dots back
]
EXPECTED_DOTS = [2, 0, 1, 2]  # per target, after every ballot above
EXPECTED_PEOPLE = {"Voter 1": 2, "voter 3": 1, "Voter 4": 2}


def _targets(repo: Repository) -> dict[VoteTarget, tuple[str, list[str]]]:
    """Four themes, four root causes of one chosen theme, and four ideas for it; with their project."""
    project = f.project()
    repo.save(project)
    reviews = [ready_review(repo, project.id) for _ in range(2)]
    statements = [top(r, place=p) for r in reviews for p in (1, 2)]
    themes = [
        chosen_theme(repo, project.id, name, [sid], chosen=False)
        for name, sid in zip(("I wait", "I am lonely", "I am bored", "I am tired"), statements, strict=True)
    ]
    theme = themes[0]
    theme.chosen = True
    theme = repo.save(theme)
    causes = [root_cause(repo, theme, f"Cause {n}") for n in range(4)]
    ideas = [
        plan.add_idea(repo, theme.id, IdeaKind.RADICAL, f"Idea {n}", actor=ACTOR, now=f.NOW) for n in range(4)
    ]
    return {
        VoteTarget.THEME: (project.id, [t.id for t in themes]),
        VoteTarget.ROOT_CAUSE: (theme.id, [c.id for c in causes]),
        VoteTarget.IDEA: (theme.id, [i.id for i in ideas]),
    }


def _put(repo: Repository, kind: VoteTarget, owner: str, voter: str, chosen: list[str], minute: int) -> None:
    now = f.NOW + timedelta(minutes=minute)
    if kind is VoteTarget.THEME:
        priorities.record_votes(repo, owner, voter, chosen, actor=ACTOR, now=now)
    elif kind is VoteTarget.ROOT_CAUSE:
        understand.record_dots(repo, owner, voter, dict.fromkeys(chosen, 1), actor=ACTOR, now=now)
    else:
        plan.record_idea_votes(repo, owner, voter, dict.fromkeys(chosen, 1), actor=ACTOR, now=now)


def _counts(
    repo: Repository, kind: VoteTarget, owner: str, ids: list[str]
) -> tuple[list[int], dict[str, int]]:
    """Dots per target (in ``ids`` order) and dots per person, as each screen counts them."""
    if kind is VoteTarget.THEME:
        dots = {r.view.theme.id: r.dots for r in priorities.results(repo, owner)}
        return [dots[i] for i in ids], priorities.voters(repo, owner)
    if kind is VoteTarget.ROOT_CAUSE:
        dots = {r.cause.id: r.dots for r in understand.cause_results(repo, owner)}
        people = {name: sum(d.values()) for name, d in understand.theme_dots(repo, owner).items()}
        return [dots[i] for i in ids], people
    found = plan.idea_results(repo, owner)
    dots = {r.idea.id: r.dots for r in found.ideas}
    return [dots[i] for i in ids], found.dots_used


@pytest.mark.parametrize("kind", KINDS)
def test_the_same_ballots_give_the_same_counts_on_themes_causes_and_ideas(
    memory_repo: MemoryRepository, kind: VoteTarget
) -> None:
    owner, ids = _targets(memory_repo)[kind]
    for minute, (voter, chosen) in enumerate(BALLOTS):
        _put(memory_repo, kind, owner, voter, [ids[i] for i in chosen], minute)
    dots, people = _counts(memory_repo, kind, owner, ids)
    assert dots == EXPECTED_DOTS
    assert (
        people == EXPECTED_PEOPLE
    )  # "voter 3" and "Voter 3" would be one person; spelling kept as first typed
    votes = memory_repo.find(Vote, target_kind=kind.value)
    assert sorted(v.voter for v in votes) == ["Voter 1", "Voter 1", "Voter 4", "Voter 4", "voter 3"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_refused_ballot_changes_nothing_on_any_kind(
    memory_repo: MemoryRepository, kind: VoteTarget
) -> None:
    owner, ids = _targets(memory_repo)[kind]
    _put(memory_repo, kind, owner, "Voter 1", ids[:2], 0)
    before = memory_repo.find(Vote, target_kind=kind.value)
    with pytest.raises(InvalidInput) as too_many:
        _put(memory_repo, kind, owner, "voter 1", ids, 1)  # four dots for a person who has three
    assert too_many.value.errors == {
        "dots": "Voter 1 has 3 dots but 4 were given. Take 1 dot off, then save again."
    }
    with pytest.raises(InvalidInput) as unnamed:
        _put(memory_repo, kind, owner, "  ", ids[:1], 2)
    assert set(unnamed.value.errors) == {"voter"}
    assert memory_repo.find(Vote, target_kind=kind.value) == before


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_ballot_replaces_the_old_one_in_a_single_write(
    memory_repo: MemoryRepository, kind: VoteTarget
) -> None:
    owner, ids = _targets(memory_repo)[kind]
    _put(memory_repo, kind, owner, "Voter 1", ids[:3], 0)
    version = int(memory_repo.version())
    _put(memory_repo, kind, owner, "VOTER 1", ids[3:], 1)
    # one change for the dots (old ones removed and new ones saved together) and one audit entry
    assert int(memory_repo.version()) == version + 2
    assert [v.target_id for v in memory_repo.find(Vote, target_kind=kind.value)] == ids[3:]


def test_a_theme_ballot_is_for_the_not_working_question(memory_repo: MemoryRepository) -> None:
    project, ids = _targets(memory_repo)[VoteTarget.THEME]
    assert card_call.card_call(memory_repo, project, Question.NOT_WORKING).call.dots_per_person == 3
    assert {r.view.theme.id for r in priorities.results(memory_repo, project)} == set(ids)
