"""AppTest for the suggested groups on the card call, on the demo workshop ("the future" is part way)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.ui.workshop import test_card_call_and_priorities as card_call_screen
from tests.ui.workshop.test_card_call_and_priorities import _click, _errors, _open, _project_id, _said
from tests.unit.services.workshop.test_card_call import person
from wtfc_collect.domain import Question
from wtfc_collect.domain.theme import Theme
from wtfc_collect.services.workshop import card_call
from wtfc_collect.storage.port import Repository

FU = Question.FUTURE
ASK = "card_call.suggest.ask.future"
# The card call screen's fixtures: the demo workshop built once, copied into each test's data folder.
seeded_folder = card_call_screen.seeded_folder
demo_repo = card_call_screen.demo_repo
empty_repo = card_call_screen.empty_repo


def _suggested_cards(at: AppTest) -> list[str]:
    """The cards shown in the suggested groups and among the cards on their own."""
    parts = [e for e in at.expander if e.label.startswith(("Suggested group", "Cards on their own"))]
    return [str(t.value).removeprefix("• ") for e in parts for t in e.text if str(t.value).startswith("• ")]


def _group_keys(at: AppTest, kind: str) -> list[str]:
    return [str(b.key) for b in at.button if str(b.key).startswith(f"card_call.suggest.{kind}.")]


def test_nothing_is_suggested_until_asked_then_every_card_shows_once_in_its_exact_words(
    demo_repo: Repository,
) -> None:
    view = card_call.card_call(demo_repo, _project_id(demo_repo), FU)
    at = _open("card_call", demo_repo)
    assert at.button(key=ASK).label == "Suggest groups for the cards still to place"
    assert not _group_keys(at, "take")
    _click(at, ASK)
    assert not _errors(at)
    open_cards = [c.text for c in (*view.waiting, *view.parked)]
    assert sorted(_suggested_cards(at)) == sorted(open_cards)  # each card once, as written
    assert _group_keys(at, "take") and at.button(key=ASK).label == "Suggest groups again"
    labels = [e.label for e in at.expander]
    assert any(label.startswith("Suggested group 1: ") for label in labels)
    assert card_call.card_call(demo_repo, _project_id(demo_repo), FU).placed == view.placed  # nothing moved


def test_take_a_group_as_a_new_theme_named_by_the_room_and_undo_it(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    before = card_call.card_call(demo_repo, project_id, FU)
    at = _open("card_call", demo_repo)
    _click(at, ASK)
    take = _group_keys(at, "take")[0]
    number = take.rsplit(".", 1)[1]
    chosen = at.multiselect(key=next(m.key for m in at.multiselect if f".cards.{number}." in str(m.key)))
    name = next(str(t.key) for t in at.text_input if f".name.{number}." in str(t.key))
    cards = list(chosen.value)
    at.text_input(key=name).input("Going out")
    _click(at, take)
    assert len(_errors(at)) == 1 and 'starting with "I"' in _errors(at)[0]
    assert at.text_input(key=name).value == "Going out"  # nothing typed is lost
    assert card_call.card_call(demo_repo, project_id, FU).placed == before.placed
    at.text_input(key=name).input("I want to get out more")
    _click(at, take)
    assert not _errors(at)
    made = [t for t in demo_repo.find(Theme, project_id=project_id) if t.name == "I want to get out more"]
    assert len(made) == 1 and made[0].statement_ids == cards
    assert any("A new theme was started with" in said for said in _said(at))
    assert "suggested group used" in demo_repo.audit_log()[-1].reason
    _click(at, "card_call.move.future.#.undo")
    assert card_call.card_call(demo_repo, project_id, FU).placed == before.placed


def test_split_the_chosen_cards_off_then_ignore_a_group(demo_repo: Repository) -> None:
    at = _open("card_call", demo_repo)
    _click(at, ASK)
    splits = _group_keys(at, "split")
    assert splits, "the demo has a suggested group of two cards or more"
    number = splits[0].rsplit(".", 1)[1]
    chosen = next(str(m.key) for m in at.multiselect if f".cards.{number}." in str(m.key))
    groups_before = len(_group_keys(at, "take"))
    _click(at, splits[0])
    assert _errors(at) == ["Choose some of the cards to split off, not all of them."]
    at.multiselect(key=chosen).set_value(list(at.multiselect(key=chosen).value)[:1]).run()
    _click(at, splits[0])
    assert len(_group_keys(at, "take")) == groups_before + 1
    _click(at, _group_keys(at, "ignore")[0])
    assert len(_group_keys(at, "take")) == groups_before
    assert "The group was ignored. Its cards wait to be read out as usual." in _said(at)


def test_with_fewer_than_four_cards_the_button_says_there_is_nothing_to_group(
    empty_repo: Repository,
) -> None:
    project = f.project()
    empty_repo.save(project)
    person(empty_repo, project.id, "P-001")
    at = _open("card_call", empty_repo)
    _click(at, "card_call.suggest.ask.working")
    said = "2 cards are still to place: there is nothing to group. Read them out one at a time."
    assert _errors(at) == [said]
    assert not _group_keys(at, "take")
