"""Priorities by dot voting: dots per participant, one per theme, results, and the themes taken forward;
and the demo workshop's Step 3 (checkpoint, card call and votes)."""

from __future__ import annotations

import pytest

from tests import factories as f
from tests.factories import demo_project
from tests.unit.services.workshop.test_card_call import ACTOR, NOW, person
from wtfc_collect.demo import workshop_theming
from wtfc_collect.demo.project import load_bank
from wtfc_collect.domain import DomainError, Question
from wtfc_collect.domain.dot_votes import Vote
from wtfc_collect.domain.participation import ParticipantPerspective
from wtfc_collect.domain.theme import CardCall, Theme, is_first_person
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import card_call, priorities, themes
from wtfc_collect.storage.port import Repository

W, NW, FU = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
NAMES = (
    "I wait too long",
    "I am lonely",
    "I can't get out",
    "I worry about money",
    "I am bored",
    "I am tired",
)


@pytest.fixture
def theme_ids(memory_repo: Repository) -> list[str]:
    """A project whose 'not working' cards are in six themes, one card each; returns their ids in order."""
    project = f.project()
    memory_repo.save(project)
    for number in range(3):
        person(
            memory_repo, project.id, f"P-00{number}", not_working=(f"Problem {number}a", f"Problem {number}b")
        )
    cards = card_call.card_call(memory_repo, project.id, Question.NOT_WORKING).waiting
    plan = {name: [card.statement_id] for name, card in zip(NAMES, cards, strict=True)}
    card_call.record_card_call(memory_repo, project.id, Question.NOT_WORKING, plan, actor=ACTOR, now=NOW)
    return [v.theme.id for v in themes.list_themes(memory_repo, project.id, Question.NOT_WORKING)]


def _project_id(repo: Repository) -> str:
    (theme, *_) = repo.find(Theme)
    return theme.project_id


def _vote(repo: Repository, voter: str, theme_ids: list[str]) -> list[Vote]:
    return priorities.record_votes(repo, _project_id(repo), voter, theme_ids, actor=ACTOR, now=NOW)


def test_each_participant_has_three_dots_one_per_theme(memory_repo: Repository, theme_ids: list[str]) -> None:
    votes = _vote(memory_repo, "Voter 1", theme_ids[:3])
    assert [(v.voter, v.target_id, v.dots) for v in votes] == [("Voter 1", t, 1) for t in theme_ids[:3]]
    with pytest.raises(DomainError) as caught:
        _vote(memory_repo, "Voter 2", theme_ids[:4])
    assert caught.value.field == "dots" and "3 dots" in caught.value.message
    with pytest.raises(DomainError, match="only one"):
        _vote(memory_repo, "Voter 2", [theme_ids[0], theme_ids[0]])
    assert priorities.voters(memory_repo, _project_id(memory_repo)) == {"Voter 1": 3}


def test_voting_again_replaces_a_participant_s_dots(memory_repo: Repository, theme_ids: list[str]) -> None:
    _vote(memory_repo, "Voter 1", theme_ids[:3])
    _vote(memory_repo, "  voter   1 ", [theme_ids[5]])  # the same person, typed differently
    project_id = _project_id(memory_repo)
    assert priorities.votes_of(memory_repo, project_id, "VOTER 1") == [theme_ids[5]]
    assert priorities.voters(memory_repo, project_id) == {"Voter 1": 1}  # the spelling first written
    assert priorities.next_voter_label(memory_repo, project_id) == "Voter 2"


def test_a_voter_needs_a_label(memory_repo: Repository, theme_ids: list[str]) -> None:
    with pytest.raises(InvalidInput) as caught:
        _vote(memory_repo, "   ", theme_ids[:1])
    assert caught.value.errors == {"voter": 'Give the voter a label, for example "Voter 7" (not their name).'}
    assert memory_repo.find(Vote) == []


def test_only_not_working_themes_with_cards_are_on_the_ballot(
    memory_repo: Repository, theme_ids: list[str]
) -> None:
    project_id = _project_id(memory_repo)
    working = card_call.card_call(memory_repo, project_id, Question.WORKING).waiting[0]
    other = card_call.start_theme(
        memory_repo, project_id, Question.WORKING, working.statement_id, "I like it", actor=ACTOR, now=NOW
    )
    assert [v.theme.id for v in priorities.ballot(memory_repo, project_id)] == theme_ids
    with pytest.raises(DomainError, match="no longer on the list"):
        _vote(memory_repo, "Voter 1", [other.id])


def test_results_count_dots_and_voters_most_first(memory_repo: Repository, theme_ids: list[str]) -> None:
    _vote(memory_repo, "Voter 1", [theme_ids[2], theme_ids[0], theme_ids[1]])
    _vote(memory_repo, "Voter 2", [theme_ids[2], theme_ids[0]])
    _vote(memory_repo, "Voter 3", [theme_ids[2]])
    found = priorities.results(memory_repo, _project_id(memory_repo))
    assert [(r.view.theme.name, r.dots, r.voters) for r in found[:3]] == [
        (NAMES[2], 3, 3),
        (NAMES[0], 2, 2),
        (NAMES[1], 1, 1),
    ]
    assert len(found) == 6 and {r.dots for r in found[3:]} == {0}


def test_the_facilitator_can_give_more_dots_but_not_fewer_than_used(
    memory_repo: Repository, theme_ids: list[str]
) -> None:
    project_id = _project_id(memory_repo)
    assert priorities.dots_per_person(memory_repo, project_id) == 3
    assert priorities.set_dots_per_person(memory_repo, project_id, 5, actor=ACTOR, now=NOW) == 5
    _vote(memory_repo, "Voter 1", theme_ids[:5])
    with pytest.raises(DomainError, match="Voter 1 has already used more than 3"):
        priorities.set_dots_per_person(memory_repo, project_id, 3, actor=ACTOR, now=NOW)
    with pytest.raises(DomainError, match="between 1 and 10"):
        priorities.set_dots_per_person(memory_repo, project_id, 0, actor=ACTOR, now=NOW)
    assert priorities.dots_per_person(memory_repo, project_id) == 5
    assert priorities.remove_votes(memory_repo, project_id, "voter 1", actor=ACTOR, now=NOW) == 5
    assert priorities.set_dots_per_person(memory_repo, project_id, 2, actor=ACTOR, now=NOW) == 2
    with pytest.raises(DomainError, match="Nobody of that name"):
        priorities.remove_votes(memory_repo, project_id, "voter 1", actor=ACTOR, now=NOW)


def test_the_top_four_are_offered_and_a_fifth_when_it_ties(
    memory_repo: Repository, theme_ids: list[str]
) -> None:
    project_id = _project_id(memory_repo)
    _vote(memory_repo, "Voter 1", theme_ids[:3])
    _vote(memory_repo, "Voter 2", theme_ids[:2])
    _vote(memory_repo, "Voter 3", [theme_ids[0], theme_ids[3]])
    assert priorities.suggested_priorities(priorities.results(memory_repo, project_id)) == theme_ids[:4]
    _vote(memory_repo, "Voter 4", [theme_ids[4]])  # ties with the fourth
    assert set(priorities.suggested_priorities(priorities.results(memory_repo, project_id))) == set(
        theme_ids[:5]
    )


def test_choosing_priorities_marks_only_those_themes(memory_repo: Repository, theme_ids: list[str]) -> None:
    project_id = _project_id(memory_repo)
    priorities.choose_priorities(memory_repo, project_id, theme_ids[:4], actor=ACTOR, now=NOW)
    priorities.choose_priorities(memory_repo, project_id, theme_ids[1:5], actor=ACTOR, now=NOW)
    assert [v.theme.id for v in priorities.chosen_themes(memory_repo, project_id)] == theme_ids[1:5]
    with pytest.raises(DomainError, match="at least one"):
        priorities.choose_priorities(memory_repo, project_id, [], actor=ACTOR, now=NOW)
    with pytest.raises(DomainError, match="Only the 'not working' themes"):
        priorities.choose_priorities(memory_repo, project_id, ["f" * 32], actor=ACTOR, now=NOW)


def test_a_theme_emptied_by_a_withdrawal_leaves_the_ballot_and_results(memory_repo: Repository) -> None:
    project = f.project()
    memory_repo.save(project)
    stays = person(memory_repo, project.id, "P-001", not_working=("Buses stop at six", "Taxis cost too much"))
    goes = person(memory_repo, project.id, "P-002", not_working=("Nobody rings me", "I am on my own"))
    cards = [
        c.statement_id for c in card_call.card_call(memory_repo, project.id, Question.NOT_WORKING).waiting
    ]
    plan = {"I can't get out": cards[:2], "I am lonely": cards[2:]}
    card_call.record_card_call(memory_repo, project.id, Question.NOT_WORKING, plan, actor=ACTOR, now=NOW)
    out, lonely = (v.theme.id for v in themes.list_themes(memory_repo, project.id))
    priorities.record_votes(memory_repo, project.id, "Voter 1", [out, lonely], actor=ACTOR, now=NOW)
    withdraw_review(memory_repo, goes.id, reason="person_asked", actor=ACTOR, now=NOW)
    assert [r.view.theme.id for r in priorities.results(memory_repo, project.id)] == [out]
    assert priorities.results(memory_repo, project.id)[0].view.cards[0].review_id == stays.id
    with pytest.raises(DomainError, match="no longer on the list"):
        priorities.record_votes(memory_repo, project.id, "Voter 2", [lonely], actor=ACTOR, now=NOW)


# --- the demo workshop --------------------------------------------------------------------------------------
def test_nearly_every_good_demo_statement_has_a_theme_rule() -> None:
    good = [e for e in load_bank() if e.flaw is None and e.question is not None]
    missed = [e.text for e in good if workshop_theming.theme_for(e.question, e.text) is None]
    assert len(missed) <= len(good) // 20, missed  # the rest go to the theme sharing most words


def test_a_card_no_rule_knows_goes_to_the_theme_sharing_most_words(memory_repo: Repository) -> None:
    project = f.project()
    memory_repo.save(project)
    person(
        memory_repo, project.id, "P-001", working=("Fish and chips on a Friday", "Zebra crossings near home")
    )
    person(
        memory_repo, project.id, "P-002", working=("My friend visits", "Crossings near the shops are safe")
    )
    workshop_theming.seed(memory_repo, project.id, NOW)
    view = card_call.card_call(memory_repo, project.id, W)
    assert view.call.finished and view.placed == 4
    crossings = [t for t in view.themes if any("Zebra" in c.text for c in t.cards)]
    assert {c.text for c in crossings[0].cards} == {
        "Zebra crossings near home",
        "Crossings near the shops are safe",
    }


def test_every_demo_theme_name_is_an_i_statement() -> None:
    names = [name for rules in workshop_theming.RULES.values() for name in rules]
    assert all(is_first_person(name) for name in names) and len(names) == len(set(names))


def test_demo_seed_fills_the_card_call_and_the_priorities(memory_repo: Repository) -> None:
    project = demo_project(memory_repo, now=NOW, reviews=40)
    seeded = workshop_theming.seed(memory_repo, project.id, NOW)
    assert seeded.accepted > 100 and seeded.voters == workshop_theming.VOTERS and len(seeded.chosen) == 4
    for question in (W, NW):
        view = card_call.card_call(memory_repo, project.id, question)
        assert view.call.finished and view.placed == view.total > 20 and len(view.themes) >= 6
        assert all(t.theme.name and is_first_person(t.theme.name) for t in view.themes)
    future = card_call.card_call(memory_repo, project.id, FU)
    assert (
        not future.call.finished
        and len(future.parked) == 2
        and len(future.waiting) == workshop_theming.FUTURE_LEFT
    )
    results = priorities.results(memory_repo, project.id)
    assert sum(r.dots for r in results) == workshop_theming.VOTERS * 3
    assert {v.theme.id for v in priorities.chosen_themes(memory_repo, project.id)} == {
        r.view.theme.id for r in results[:4]
    }
    # Only statements the checker finds in own words, with nothing personal, reach the cards.
    texts = [c.text for q in Question for c in themes.cards(memory_repo, project.id, q).values()]
    assert "Service user engages well with day opportunities" not in texts
    assert not any("@example.com" in t or "07700" in t for t in texts)
    again = workshop_theming.seed(memory_repo, project.id, NOW)
    assert again.accepted == 0 and again.themes == seeded.themes and again.chosen == seeded.chosen


def test_demo_seed_does_nothing_harmful_without_reviews(memory_repo: Repository) -> None:
    project = f.project()
    memory_repo.save(project)
    seeded = workshop_theming.seed(memory_repo, project.id, NOW)
    assert (seeded.accepted, seeded.themes, seeded.voters, seeded.chosen) == (0, 0, 0, ())
    assert memory_repo.find(Theme) == [] and memory_repo.find(CardCall) == []


def test_dots_carry_the_voter_s_perspective_when_given(memory_repo: Repository, theme_ids: list[str]) -> None:
    project_id = _project_id(memory_repo)
    said = priorities.record_votes(
        memory_repo,
        project_id,
        "Voter 1",
        theme_ids[:2],
        ParticipantPerspective.PROVIDER,
        actor=ACTOR,
        now=NOW,
    )
    assert {v.perspective for v in said} == {ParticipantPerspective.PROVIDER}
    unsaid = _vote(memory_repo, "Voter 2", theme_ids[:1])
    assert [v.perspective for v in unsaid] == [None]
    assert priorities.perspective_of(memory_repo, project_id, "VOTER 1") is ParticipantPerspective.PROVIDER
    assert priorities.perspective_of(memory_repo, project_id, "Voter 2") is None
    again = priorities.record_votes(
        memory_repo, project_id, "Voter 1", theme_ids[2:3], "family_or_carer", actor=ACTOR, now=NOW
    )
    assert [v.perspective for v in again] == [ParticipantPerspective.FAMILY]
    assert len([v for v in memory_repo.find(Vote) if v.voter == "Voter 1"]) == 1
