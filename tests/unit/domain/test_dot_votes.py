"""Dot votes, one set of rules for themes, root causes and ideas: who is voting, one person's dots, and
counting them (``domain.dot_votes``)."""

from __future__ import annotations

import pytest

from tests import factories as f
from wtfc_collect.domain import DomainError, Vote, VoteTarget, new_id
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
