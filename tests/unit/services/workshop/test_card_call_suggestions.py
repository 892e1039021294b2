"""Suggested groups on the card call: every card once, in its exact words; identical cards together; very
short cards on their own; names only from the cards; nothing placed until a group is taken, and then in one
move that undo takes back, with an audit entry that names no words."""

from __future__ import annotations

import pytest

from tests import factories as f
from tests.unit.services.workshop.test_card_call import person
from wtfc_collect.domain import DomainError, Question, Role
from wtfc_collect.domain.access import User
from wtfc_collect.domain.theme import Theme
from wtfc_collect.services import access
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import card_call, card_call_suggestions
from wtfc_collect.services.workshop.card_call_suggestions import group_texts, name_from_cards, shared_words
from wtfc_collect.storage.port import Repository

W, NW = Question.WORKING, Question.NOT_WORKING
ACTOR = "Facilitator Jo"
NOW = f.NOW
FOOD = ["The food is cold by the time it comes", "I hate the food here", "Meals are cold and late"]
STAFF = ["The nurses were so kind to me", "Staff are lovely and kind", "Kind, caring nurses"]


def _all_positions(grouping: card_call_suggestions.Grouping) -> list[int]:
    return sorted([p for group in grouping.groups for p in group] + list(grouping.alone))


# --- grouping texts -----------------------------------------------------------------------------------------
def test_every_text_is_in_exactly_one_group_or_on_its_own() -> None:
    texts = [*FOOD, *STAFF, "ok", "My garden is my joy", "I love my garden", "n/a", "", "Nothing", "nothing."]
    grouping = group_texts(texts)
    assert _all_positions(grouping) == list(range(len(texts)))
    assert all(len(group) >= 2 for group in grouping.groups)
    assert [len(g) for g in grouping.groups] == sorted((len(g) for g in grouping.groups), reverse=True)


def test_alike_cards_are_suggested_together_and_unlike_ones_apart() -> None:
    grouping = group_texts([*FOOD, *STAFF], groups=2)
    assert sorted(grouping.groups) == [(0, 1, 2), (3, 4, 5)]


def test_identical_cards_land_together_whatever_the_capitals_and_punctuation() -> None:
    texts = [*FOOD, *STAFF, "Nothing", "I like the garden", "NOTHING!", "nothing", "My dog"]
    for groups in (None, 2, 3, 5):
        grouping = group_texts(texts, groups)
        holding = [group for group in grouping.groups if 6 in group]
        assert holding and {6, 8, 9} <= set(holding[0]), groups


def test_very_short_cards_are_left_on_their_own_not_forced_into_a_group() -> None:
    grouping = group_texts([*FOOD, *STAFF, "ok", "n/a", "Fine", "?"], groups=2)
    assert grouping.alone == (6, 7, 8, 9)
    assert sorted(grouping.groups) == [(0, 1, 2), (3, 4, 5)]


def test_at_most_the_number_of_groups_asked_for_and_never_more_than_the_cards_allow() -> None:
    texts = [*FOOD, *STAFF, "I walk my dog every day", "Going to the pub with my mates"]
    assert len(group_texts(texts, groups=3).groups) <= 3
    assert len(group_texts(texts, groups=1).groups) == 1
    grouping = group_texts(["The bus is late", "The bus is late."], groups=5)
    assert grouping.groups == ((0, 1),) and grouping.alone == ()
    with pytest.raises(ValueError):
        group_texts(texts, groups=0)


def test_the_same_cards_give_the_same_groups_every_time() -> None:
    texts = [*FOOD, *STAFF, "I walk my dog every day", "I go to the pub with my mates", "Bingo on Tuesday"]
    assert group_texts(texts) == group_texts(list(texts))


def test_a_name_is_offered_only_as_the_words_of_a_card_that_is_an_i_statement() -> None:
    offered = name_from_cards(["Meals are cold", "I hate the  food here", "I want hot food"])
    assert offered == "I hate the food here"
    assert name_from_cards(["Meals are cold", "The food is late"]) is None
    long = "I " + "really " * 20 + "like it"
    assert name_from_cards([long]) is None


def test_shared_words_come_from_two_or_more_cards_without_small_words() -> None:
    shared = shared_words(["The nurses were kind", "Kind nurses", "Lovely staff, very kind"])
    assert shared == ("kind", "nurses")
    assert shared_words(["The bus", "A car"]) == ()


# --- the use cases ------------------------------------------------------------------------------------------
@pytest.fixture
def project_id(memory_repo: Repository) -> str:
    project = f.project()
    memory_repo.save(project)
    for number, (working, not_working) in enumerate(
        [
            (FOOD[0], "I wait ages for the bus"),
            (FOOD[1], "Nobody rings me back"),
            (STAFF[0], "ok"),
            (STAFF[1], "The bus never comes on time"),
            ("I love my garden", "Nobody rings me back"),
        ],
        start=1,
    ):
        person(memory_repo, project.id, f"P-{number:03}", working=(working,), not_working=(not_working,))
    return project.id


def _texts(repo: Repository, project_id: str, ids: tuple[str, ...], q: Question = W) -> list[str]:
    cards = {c.statement_id: c.text for c in card_call.card_call(repo, project_id, q).waiting}
    return [cards[i] for i in ids]


def test_suggested_groups_hold_every_card_still_to_place_in_its_exact_words(
    memory_repo: Repository, project_id: str
) -> None:
    suggestion = card_call_suggestions.suggest_groups(memory_repo, project_id, NW, groups=2)
    waiting = {c.statement_id: c.text for c in card_call.card_call(memory_repo, project_id, NW).waiting}
    shown = [sid for g in suggestion.groups for sid in g.statement_ids] + list(suggestion.alone)
    assert sorted(shown) == sorted(waiting)
    texts = [_texts(memory_repo, project_id, g.statement_ids, NW) for g in suggestion.groups]
    assert ["Nobody rings me back", "Nobody rings me back"] in texts  # the same words, together
    assert [waiting[s] for s in suggestion.alone] == ["ok"]  # too short to group
    assert card_call.card_call(memory_repo, project_id, NW).placed == 0  # nothing placed by suggesting


def test_fewer_than_four_cards_to_place_means_nothing_to_group(
    memory_repo: Repository, project_id: str
) -> None:
    waiting = card_call.card_call(memory_repo, project_id, W).waiting
    card_call.record_card_call(
        memory_repo,
        project_id,
        W,
        {"I like my food": [c.statement_id for c in waiting[:2]]},
        actor=ACTOR,
        now=NOW,
    )
    with pytest.raises(DomainError, match="3 cards are still to place: there is nothing to group"):
        card_call_suggestions.suggest_groups(memory_repo, project_id, W)


def test_parked_cards_are_grouped_too_and_a_finished_question_is_not(
    memory_repo: Repository, project_id: str
) -> None:
    first = card_call.card_call(memory_repo, project_id, W).waiting[0]
    card_call.park_card(memory_repo, project_id, W, first.statement_id, actor=ACTOR, now=NOW)
    suggestion = card_call_suggestions.suggest_groups(memory_repo, project_id, W)
    shown = [s for g in suggestion.groups for s in g.statement_ids] + list(suggestion.alone)
    assert first.statement_id in shown
    for card in card_call.card_call(memory_repo, project_id, W).waiting:
        card_call.start_theme(
            memory_repo, project_id, W, card.statement_id, "I like it", actor=ACTOR, now=NOW
        )
    card_call.place_card(
        memory_repo, project_id, W, first.statement_id,
        card_call.card_call(memory_repo, project_id, W).themes[0].theme.id, actor=ACTOR, now=NOW,
    )
    card_call.finish_card_call(memory_repo, project_id, W, actor=ACTOR, now=NOW)
    with pytest.raises(DomainError, match="finished"):
        card_call_suggestions.suggest_groups(memory_repo, project_id, W)


def test_taking_a_group_makes_one_theme_in_one_move_and_the_audit_names_no_words(
    memory_repo: Repository, project_id: str
) -> None:
    suggestion = card_call_suggestions.suggest_groups(memory_repo, project_id, W, groups=2)
    group = next(g for g in suggestion.groups if len(g.statement_ids) > 1)
    texts = _texts(memory_repo, project_id, group.statement_ids)
    theme = card_call_suggestions.take_suggested_group(
        memory_repo, project_id, W, group.statement_ids, "I like the people here", actor=ACTOR, now=NOW
    )
    assert theme.name == "I like the people here" and theme.statement_ids == list(group.statement_ids)
    view = card_call.card_call(memory_repo, project_id, W)
    assert view.placed == len(group.statement_ids)
    entry = memory_repo.audit_log()[-1]
    assert entry.actor == ACTOR and "suggested group used" in entry.reason
    assert not any(word in entry.reason for text in texts for word in text.split() if len(word) > 3)
    undone = card_call.undo_last_move(memory_repo, project_id, W, actor=ACTOR, now=NOW)
    assert len(undone) == len(group.statement_ids)
    assert card_call.card_call(memory_repo, project_id, W).placed == 0
    assert memory_repo.find(Theme, project_id=project_id) == []


def test_the_room_can_take_part_of_a_group_and_leave_the_name_for_later(
    memory_repo: Repository, project_id: str
) -> None:
    suggestion = card_call_suggestions.suggest_groups(memory_repo, project_id, W, groups=2)
    group = next(g for g in suggestion.groups if len(g.statement_ids) > 1)
    theme = card_call_suggestions.take_suggested_group(
        memory_repo, project_id, W, group.statement_ids[:1], None, actor=ACTOR, now=NOW
    )
    assert theme.name is None and theme.statement_ids == [group.statement_ids[0]]
    with pytest.raises(DomainError, match="in a theme already"):
        card_call_suggestions.take_suggested_group(
            memory_repo, project_id, W, group.statement_ids, None, actor=ACTOR, now=NOW
        )
    with pytest.raises(DomainError, match="Choose the cards"):
        card_call_suggestions.take_suggested_group(memory_repo, project_id, W, [], None, actor=ACTOR, now=NOW)


def test_a_name_that_is_not_an_i_statement_is_refused_and_nothing_moves(
    memory_repo: Repository, project_id: str
) -> None:
    suggestion = card_call_suggestions.suggest_groups(memory_repo, project_id, W, groups=2)
    with pytest.raises(InvalidInput):
        card_call_suggestions.take_suggested_group(
            memory_repo, project_id, W, suggestion.groups[0].statement_ids, "Food", actor=ACTOR, now=NOW
        )
    assert card_call.card_call(memory_repo, project_id, W).placed == 0


def test_only_workshop_roles_may_ask_for_suggestions(memory_repo: Repository, project_id: str) -> None:
    reviewer = User(username="rev", display_name="Rev", role=Role.REVIEWER)
    with access.acting_as(reviewer), pytest.raises(access.AccessDenied):
        card_call_suggestions.suggest_groups(memory_repo, project_id, W)
