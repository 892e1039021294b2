"""Dot votes: one set of rules for themes, root causes and ideas (``domain.dot_votes``), and one way of
recording a person's dots (``services.workshop.dot_votes``), shown by giving the same ballots to all three."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import factories as f
from tests.workshop_data import chosen_theme, ready_review, root_cause, top
from wtfc_collect.domain import DomainError, IdeaKind, Question, Vote, VoteTarget, new_id
from wtfc_collect.domain.dot_votes import (
    RULES,
    Tally,
    check_allowed,
    check_ballot,
    dots_by_voter,
    dots_used,
    next_voter_label,
    same_voter,
    tally,
    tied_at_cut,
    voter_key,
)
from wtfc_collect.domain.dot_votes import top as top_ids
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import card_call, plan, priorities, understand
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository

ACTOR = "Fran (facilitator)"
KINDS = list(VoteTarget)


def _vote(target: str, voter: str, dots: int = 1, kind: VoteTarget = VoteTarget.IDEA) -> Vote:
    return Vote(
        id=new_id(), project_id=new_id(), target_kind=kind, target_id=target, voter=voter, dots=dots, at=f.NOW
    )


# --- who is voting ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["Voter 3", "voter 3", "  VOTER   3 ", "Voter\t3"])
def test_a_label_is_the_same_person_trimmed_and_whatever_the_case(typed: str) -> None:
    assert voter_key(typed) == "voter 3"
    assert same_voter(typed, ["Voter 1", "Voter 3"]) == "Voter 3"  # kept as first written


def test_a_new_label_is_cleaned_and_an_empty_or_long_one_is_refused() -> None:
    assert same_voter("  Table   two ", ["Voter 1"]) == "Table two"
    with pytest.raises(DomainError) as empty:
        same_voter("   ", [])
    assert (empty.value.field, empty.value.message) == (
        "voter",
        'Give the voter a label, for example "Voter 7" (not their name).',
    )
    with pytest.raises(DomainError, match="Keep the label short"):
        same_voter("x" * 41, [])


def test_the_next_label_follows_the_highest_number_used() -> None:
    assert next_voter_label([]) == "Voter 1"
    assert next_voter_label(["Voter 2", "voter  7", "Ann"]) == "Voter 8"
    assert next_voter_label(["Voter 1", "Voter 2", "Voter 4"]) == "Voter 5"  # never a number used before


# --- one person's dots --------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_too_many_dots_are_refused_saying_how_many_to_take_off(kind: VoteTarget) -> None:
    with pytest.raises(DomainError) as caught:
        check_ballot(kind, "Voter 3", {"a": 1, "b": 1, "c": 1, "d": 1}, 3)
    assert caught.value.message == "Voter 3 has 3 dots but 4 were given. Take 1 dot off, then save again."
    assert caught.value.field == "dots"
    assert check_ballot(kind, "Voter 3", {"a": 1, "b": 0, "c": 1}, 3) == {"a": 1, "c": 1}


@pytest.mark.parametrize("kind", KINDS)
def test_negative_dots_and_allowances_out_of_range_are_refused(kind: VoteTarget) -> None:
    with pytest.raises(DomainError, match="below nought"):
        check_ballot(kind, "Voter 3", {"a": -1, "b": 2}, 3)
    most = RULES[kind].most
    for allowed in (0, most + 1):
        with pytest.raises(DomainError, match=f"between 1 and {most} dots"):
            check_ballot(kind, "Voter 3", {"a": 1}, allowed)
    assert check_allowed(kind, most) == most


def test_only_themes_take_one_dot_each_while_causes_and_ideas_may_be_stacked() -> None:
    with pytest.raises(DomainError, match="Each theme can have only one of a person's dots"):
        check_ballot(VoteTarget.THEME, "Voter 3", {"a": 2}, 3)
    assert check_ballot(VoteTarget.ROOT_CAUSE, "Voter 3", {"a": 3}, 3) == {"a": 3}
    assert check_ballot(VoteTarget.IDEA, "Voter 3", {"a": 2, "b": 1}, 3) == {"a": 2, "b": 1}


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_ballot_takes_dots_back_but_is_refused_from_someone_with_none(kind: VoteTarget) -> None:
    assert check_ballot(kind, "Voter 3", {"a": 0}, 3, had_dots=True) == {}
    with pytest.raises(DomainError, match=f"Choose at least one {RULES[kind].noun}"):
        check_ballot(kind, "Voter 3", {}, 3)


# --- counting -----------------------------------------------------------------------------------------
def test_tally_counts_dots_and_different_people_most_first_ties_in_the_order_given() -> None:
    a, b, c, other = (new_id() for _ in range(4))
    votes = [_vote(b, "Voter 1", 2), _vote(c, "Voter 2", 2), _vote(b, "voter 2"), _vote(other, "Voter 9", 5)]
    result = tally(votes, [a, b, c])
    assert [(t.target_id, t.dots, t.voters) for t in result] == [(b, 3, 2), (c, 2, 1), (a, 0, 0)]
    tied = tally([_vote(c, "Voter 1"), _vote(b, "Voter 2")], [a, b, c])
    assert [t.target_id for t in tied] == [b, c, a]
    assert top_ids(result, 3) == [b, c]  # never a target without dots


def test_each_persons_dots_are_counted_under_their_first_spelling() -> None:
    a, b = "a" * 32, "b" * 32
    votes = [_vote(a, "Voter 1", 2), _vote(b, "VOTER 1"), _vote(a, "Voter 2")]
    assert dots_by_voter(votes) == {"Voter 1": {a: 2, b: 1}, "Voter 2": {a: 1}}
    assert dots_used(votes) == {"Voter 1": 3, "Voter 2": 1}


def test_a_tie_across_the_cut_is_reported_so_the_room_decides() -> None:
    def tie(dots: list[int], n: int = 3) -> bool:
        return tied_at_cut([Tally(f"{i:032x}", d, d) for i, d in enumerate(dots)], n)

    assert tie([5, 4, 2, 2])
    assert not tie([5, 4, 3, 2])
    assert not tie([5, 0, 0, 0])  # places with no dots are not a tie
    assert not tie([1, 1, 1], n=3)  # nothing left out


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
