"""Step 3, the card call: placing, parking, naming, merging, splitting, undoing and finishing; a withdrawn
review leaving every theme. (The demo workshop's Step 3 is tested in test_voting.py.)"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest

from tests import factories as f
from wtfc_collect.domain import Consent, DomainError, Question, Review, Speaker, TriageStatus
from wtfc_collect.domain.theme import CardCall, Theme
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import card_call, priorities, themes
from wtfc_collect.storage.port import Repository

W, NW, FU = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
ACTOR = "Facilitator Jo"
NOW = f.NOW


def person(
    repo: Repository,
    project_id: str,
    ref: str,
    working: Sequence[str] = ("Going to the allotment", "My sister visits"),
    not_working: Sequence[str] = ("The bus is always late", "Carers come at different times"),
    future: Sequence[str] = ("I want to learn to swim", "Living nearer my sister"),
    *,
    ready: bool = True,
) -> Review:
    """A review sent in with consent; its top two per question accepted with a confirmed workshop copy."""
    review = f.review(project_id, person_ref=ref, consent=Consent(given=True, recorded_on=f.TODAY))
    for question, texts in ((W, working), (NW, not_working), (FU, future)):
        for place, text in enumerate(texts, start=1):
            statement = review.add_statement(question, text, Speaker.PERSON, NOW)
            review.set_priority(statement.id, place, NOW)
    review.submit(NOW)
    repo.save(review)
    if ready:
        for statement in review.statements:
            check_statements.triage_statement(
                repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=ACTOR, now=NOW
            )
            check_statements.confirm_workshop_text(
                repo, review.id, statement.id, statement.text, actor=ACTOR, now=NOW
            )
    stored = repo.get(Review, review.id)
    assert stored is not None
    return stored


@pytest.fixture
def project_id(memory_repo: Repository) -> str:
    project = f.project()
    memory_repo.save(project)
    person(memory_repo, project.id, "P-001")
    person(
        memory_repo,
        project.id,
        "P-002",
        working=("Fish and chips on a Friday", "My cat"),
        not_working=("Nobody rings me back", "I am lonely at weekends"),
    )
    return project.id


def _ids(repo: Repository, project_id: str, question: Question = W) -> list[str]:
    return [c.statement_id for c in card_call.card_call(repo, project_id, question).waiting]


def _place(repo: Repository, project_id: str, statement_id: str, theme_id: str, q: Question = W) -> None:
    card_call.place_card(repo, project_id, q, statement_id, theme_id, actor=ACTOR, now=NOW)


def _start(repo: Repository, project_id: str, statement_id: str, name: str | None = None) -> Theme:
    return card_call.start_theme(repo, project_id, W, statement_id, name, actor=ACTOR, now=NOW)


# --- the pile -----------------------------------------------------------------------------------------
def test_the_card_call_deals_each_question_s_workshop_cards_in_order(memory_repo: Repository) -> None:
    project = f.project()
    memory_repo.save(project)
    first = person(memory_repo, project.id, "P-001")
    person(memory_repo, project.id, "P-002", working=("Not ready yet", "Nor this"), ready=False)
    view = card_call.card_call(memory_repo, project.id, W)
    assert [c.text for c in view.waiting] == ["Going to the allotment", "My sister visits"]
    assert view.current is not None and view.current.review_id == first.id
    assert (view.placed, view.total, view.themes, view.parked) == (0, 2, (), ())
    assert [c.text for c in card_call.card_call(memory_repo, project.id, NW).waiting] == [
        "The bus is always late",
        "Carers come at different times",
    ]


def test_cards_show_the_confirmed_workshop_copy_never_the_original(memory_repo: Repository) -> None:
    project = f.project()
    memory_repo.save(project)
    review = person(memory_repo, project.id, "P-001", working=("Tea with Sarah Jones", "Bingo"), ready=False)
    for statement in review.prioritised(W):
        check_statements.triage_statement(
            memory_repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=ACTOR, now=NOW
        )
        copy = statement.text.replace("Sarah Jones", "[name]")
        check_statements.confirm_workshop_text(
            memory_repo, review.id, statement.id, copy, actor=ACTOR, now=NOW
        )
    assert [c.text for c in card_call.card_call(memory_repo, project.id, W).waiting] == [
        "Tea with [name]",
        "Bingo",
    ]


def test_the_card_call_starts_with_the_first_unfinished_question(
    memory_repo: Repository, project_id: str
) -> None:
    assert card_call.question_to_start(memory_repo, project_id) is W
    for statement_id in _ids(memory_repo, project_id):
        _start(memory_repo, project_id, statement_id, "I like my food")
    card_call.finish_card_call(memory_repo, project_id, W, actor=ACTOR, now=NOW)
    assert card_call.question_to_start(memory_repo, project_id) is NW


# --- placing, naming and parking ---------------------------------------------------------------------------
def test_start_a_theme_then_place_cards_in_it(memory_repo: Repository, project_id: str) -> None:
    a, b, c, d = _ids(memory_repo, project_id)
    theme = _start(memory_repo, project_id, a)
    assert theme.name is None and theme.statement_ids == [a]
    _place(memory_repo, project_id, b, theme.id)
    _place(memory_repo, project_id, c, theme.id)
    view = card_call.card_call(memory_repo, project_id, W)
    (shown,) = view.themes
    assert shown.statements == 3 and shown.people == 2  # two of the cards are from the same person
    assert (view.placed, view.total, [x.statement_id for x in view.waiting]) == (3, 4, [d])
    with pytest.raises(DomainError, match="already"):
        _place(memory_repo, project_id, b, theme.id)


def test_a_new_theme_name_must_be_an_i_statement_and_nothing_moves_when_it_is_not(
    memory_repo: Repository, project_id: str
) -> None:
    a = _ids(memory_repo, project_id)[0]
    with pytest.raises(InvalidInput) as caught:
        _start(memory_repo, project_id, a, "Transport problems")
    assert caught.value.field == "name" and '"I"' in caught.value.message
    assert memory_repo.find(Theme) == [] and _ids(memory_repo, project_id)[0] == a
    assert _start(memory_repo, project_id, a, "I’m out and about").name == "I’m out and about"


def test_rename_checks_the_i_statement_in_plain_words(memory_repo: Repository, project_id: str) -> None:
    theme = _start(memory_repo, project_id, _ids(memory_repo, project_id)[0])
    with pytest.raises(InvalidInput) as caught:
        card_call.rename_theme(memory_repo, theme.id, "Loneliness", actor=ACTOR, now=NOW)
    assert caught.value.errors == {"name": caught.value.message} and "starting with" in caught.value.message
    with pytest.raises(InvalidInput, match="fill this in"):
        card_call.rename_theme(memory_repo, theme.id, "   ", actor=ACTOR, now=NOW)
    renamed = card_call.rename_theme(memory_repo, theme.id, "We like getting out", actor=ACTOR, now=NOW)
    assert renamed.name == "We like getting out"


def test_park_and_unpark_a_card(memory_repo: Repository, project_id: str) -> None:
    a, b, *_ = _ids(memory_repo, project_id)
    card_call.park_card(memory_repo, project_id, W, a, actor=ACTOR, now=NOW)
    view = card_call.card_call(memory_repo, project_id, W)
    assert [c.statement_id for c in view.parked] == [a] and view.current and view.current.statement_id == b
    with pytest.raises(DomainError, match="parked already"):
        card_call.park_card(memory_repo, project_id, W, a, actor=ACTOR, now=NOW)
    card_call.unpark_card(memory_repo, project_id, W, a, actor=ACTOR, now=NOW)
    view = card_call.card_call(memory_repo, project_id, W)
    assert view.parked == () and view.current and view.current.statement_id == a  # back at the front
    with pytest.raises(DomainError, match="not parked"):
        card_call.unpark_card(memory_repo, project_id, W, a, actor=ACTOR, now=NOW)


def test_a_parked_card_can_go_straight_into_a_theme(memory_repo: Repository, project_id: str) -> None:
    a, b, *_ = _ids(memory_repo, project_id)
    card_call.park_card(memory_repo, project_id, W, a, actor=ACTOR, now=NOW)
    theme = _start(memory_repo, project_id, b, "I enjoy my food")
    _place(memory_repo, project_id, a, theme.id)
    view = card_call.card_call(memory_repo, project_id, W)
    assert view.parked == () and view.themes[0].theme.statement_ids == [b, a]


def test_cards_and_themes_of_another_question_are_refused(memory_repo: Repository, project_id: str) -> None:
    theme = _start(memory_repo, project_id, _ids(memory_repo, project_id)[0])
    other = _ids(memory_repo, project_id, NW)[0]
    with pytest.raises(DomainError, match="no longer in the workshop"):
        _place(memory_repo, project_id, other, theme.id)
    with pytest.raises(DomainError, match="not in this card call"):
        _place(memory_repo, project_id, other, theme.id, NW)


# --- undo ------------------------------------------------------------------------------------------------
def test_undo_puts_back_each_kind_of_move_in_turn(memory_repo: Repository, project_id: str) -> None:
    a, b, c, _ = _ids(memory_repo, project_id)
    theme = _start(memory_repo, project_id, a, "I like my food")
    _place(memory_repo, project_id, b, theme.id)
    card_call.park_card(memory_repo, project_id, W, c, actor=ACTOR, now=NOW)

    def undo() -> card_call.CardCallView:
        card_call.undo_last_move(memory_repo, project_id, W, actor=ACTOR, now=NOW)
        return card_call.card_call(memory_repo, project_id, W)

    view = undo()
    assert view.parked == () and view.current and view.current.statement_id == c
    view = undo()
    assert view.themes[0].theme.statement_ids == [a] and view.current and view.current.statement_id == b
    view = undo()
    assert view.themes == () and memory_repo.find(Theme) == [] and view.placed == 0  # the new theme goes
    with pytest.raises(DomainError, match="no move to undo"):
        undo()


def test_undo_returns_a_card_to_the_theme_it_left_even_if_that_theme_had_gone(
    memory_repo: Repository, project_id: str
) -> None:
    a, b, *_ = _ids(memory_repo, project_id)
    first = _start(memory_repo, project_id, a, "I like my food")
    second = _start(memory_repo, project_id, b, "I love my pets")
    _place(memory_repo, project_id, a, second.id)  # the first theme is left empty, so it goes
    assert memory_repo.get(Theme, first.id) is None
    card_call.undo_last_move(memory_repo, project_id, W, actor=ACTOR, now=NOW)
    back = themes.get_theme(memory_repo, first.id)
    assert back.theme.name == "I like my food" and back.theme.statement_ids == [a]
    assert themes.get_theme(memory_repo, second.id).theme.statement_ids == [b]


# --- merge and split --------------------------------------------------------------------------------------
def test_merge_two_themes_and_undo_the_merge_in_one_step(memory_repo: Repository, project_id: str) -> None:
    a, b, c, d = _ids(memory_repo, project_id)
    keep = _start(memory_repo, project_id, a, "I get out and about")
    _place(memory_repo, project_id, b, keep.id)
    absorb = _start(memory_repo, project_id, c, "I see my friends")
    _place(memory_repo, project_id, d, absorb.id)
    merged = card_call.merge_themes(memory_repo, keep.id, absorb.id, actor=ACTOR, now=NOW)
    assert merged.statement_ids == [a, b, c, d] and memory_repo.get(Theme, absorb.id) is None
    with pytest.raises(DomainError, match="two different"):
        card_call.merge_themes(memory_repo, keep.id, keep.id, actor=ACTOR, now=NOW)
    undone = card_call.undo_last_move(memory_repo, project_id, W, actor=ACTOR, now=NOW)
    assert len(undone) == 2
    views = {v.theme.id: v for v in themes.list_themes(memory_repo, project_id, W)}
    assert views[keep.id].theme.statement_ids == [a, b]
    assert (
        views[absorb.id].theme.statement_ids == [c, d] and views[absorb.id].theme.name == "I see my friends"
    )


def test_merge_refuses_themes_of_different_questions(memory_repo: Repository, project_id: str) -> None:
    mine = _start(memory_repo, project_id, _ids(memory_repo, project_id)[0], "I like my food")
    other = card_call.start_theme(
        memory_repo,
        project_id,
        NW,
        _ids(memory_repo, project_id, NW)[0],
        "I wait for the bus",
        actor=ACTOR,
        now=NOW,
    )
    with pytest.raises(DomainError, match="same question"):
        card_call.merge_themes(memory_repo, mine.id, other.id, actor=ACTOR, now=NOW)


def test_split_moves_chosen_cards_into_a_new_theme(memory_repo: Repository, project_id: str) -> None:
    a, b, c, d = _ids(memory_repo, project_id)
    theme = _start(memory_repo, project_id, a, "I enjoy life")
    for statement_id in (b, c):
        _place(memory_repo, project_id, statement_id, theme.id)

    def split(ids: list[str], name: str | None = None) -> Theme:
        return card_call.split_theme(memory_repo, theme.id, ids, name, actor=ACTOR, now=NOW)

    with pytest.raises(DomainError, match="Choose the cards"):
        split([])
    with pytest.raises(DomainError, match="Leave at least one"):
        split([a, b, c])
    with pytest.raises(DomainError, match="only cards that are in this theme"):
        split([d])
    with pytest.raises(InvalidInput):
        split([b], "Food")
    new = split([b, c], "I love my food")
    assert new.statement_ids == [b, c] and themes.get_theme(memory_repo, theme.id).theme.statement_ids == [
        a
    ]
    card_call.undo_last_move(memory_repo, project_id, W, actor=ACTOR, now=NOW)
    assert themes.get_theme(memory_repo, theme.id).theme.statement_ids == [a, b, c]
    assert memory_repo.get(Theme, new.id) is None


# --- finishing ----------------------------------------------------------------------------------------------
def test_finish_needs_every_card_in_a_named_theme_and_locks_the_cards(
    memory_repo: Repository, project_id: str
) -> None:
    a, b, c, d = _ids(memory_repo, project_id)

    def finish() -> CardCall:
        return card_call.finish_card_call(memory_repo, project_id, W, actor=ACTOR, now=NOW)

    theme = _start(memory_repo, project_id, a)
    with pytest.raises(DomainError, match="3 cards still to place"):
        finish()
    for statement_id in (b, c):
        _place(memory_repo, project_id, statement_id, theme.id)
    card_call.park_card(memory_repo, project_id, W, d, actor=ACTOR, now=NOW)
    with pytest.raises(DomainError, match="Parked: 1 card"):
        finish()
    card_call.start_theme(
        memory_repo, project_id, W, d, "I like my cat", actor=ACTOR, now=NOW
    )  # a theme of one
    with pytest.raises(DomainError, match="1 theme has no name"):
        finish()
    card_call.rename_theme(memory_repo, theme.id, "I enjoy my days", actor=ACTOR, now=NOW)
    assert finish().finished
    with pytest.raises(DomainError, match="finished"):
        card_call.undo_last_move(memory_repo, project_id, W, actor=ACTOR, now=NOW)
    card_call.reopen_card_call(memory_repo, project_id, W, actor=ACTOR, now=NOW)
    card_call.undo_last_move(memory_repo, project_id, W, actor=ACTOR, now=NOW)
    assert [c.statement_id for c in card_call.card_call(memory_repo, project_id, W).parked] == [d]


def test_the_last_card_cannot_leave_a_theme_taken_forward(memory_repo: Repository, project_id: str) -> None:
    a, b, *_ = _ids(memory_repo, project_id, NW)
    theme = card_call.start_theme(memory_repo, project_id, NW, a, "I wait for the bus", actor=ACTOR, now=NOW)
    priorities.choose_priorities(memory_repo, project_id, [theme.id], actor=ACTOR, now=NOW)
    with pytest.raises(DomainError, match="taken forward"):
        card_call.park_card(memory_repo, project_id, NW, a, actor=ACTOR, now=NOW)
    _place(memory_repo, project_id, b, theme.id, NW)
    card_call.park_card(memory_repo, project_id, NW, a, actor=ACTOR, now=NOW)  # one card stays: fine


def test_record_card_call_adds_to_a_theme_of_the_same_name(memory_repo: Repository, project_id: str) -> None:
    a, b, c, d = _ids(memory_repo, project_id)
    theme = _start(memory_repo, project_id, a, "I like my food")
    view = card_call.record_card_call(
        memory_repo, project_id, W, {"i like my FOOD": [b], "I love my cat": [c]}, [d], actor=ACTOR, now=NOW
    )
    assert [(t.theme.id == theme.id, t.theme.statement_ids) for t in view.themes] == [
        (True, [a, b]),
        (False, [c]),
    ]
    assert [x.statement_id for x in view.parked] == [d] and view.waiting == ()
    with pytest.raises(InvalidInput):
        card_call.record_card_call(
            memory_repo, project_id, NW, {"Buses": _ids(memory_repo, project_id, NW)}, actor=ACTOR, now=NOW
        )
    assert card_call.card_call(memory_repo, project_id, NW).themes == ()


def test_records_keep_ids_only_and_the_audit_names_no_words(memory_repo: Repository, project_id: str) -> None:
    a, b, *_ = _ids(memory_repo, project_id)
    _start(memory_repo, project_id, a, "I like my allotment")
    card_call.park_card(memory_repo, project_id, W, b, actor=ACTOR, now=NOW)
    stored = [t.model_dump_json() for t in memory_repo.find(Theme)] + [
        c.model_dump_json() for c in memory_repo.find(CardCall)
    ]
    reasons = [e.reason for e in memory_repo.audit_log()]
    for text in ("Going to the allotment", "My sister visits"):
        assert not any(text in s for s in stored + reasons)


# --- the golden thread: a withdrawn review ------------------------------------------------------------
def test_a_withdrawn_review_leaves_its_theme_the_card_call_and_the_counts(memory_repo: Repository) -> None:
    project = f.project()
    memory_repo.save(project)
    stays = person(memory_repo, project.id, "P-001")
    goes = person(memory_repo, project.id, "P-002", not_working=("The bus never comes", "I wait all day"))
    later = person(memory_repo, project.id, "P-003", not_working=("The buses stop at six", "Too few buses"))
    cards = _ids(memory_repo, project.id, NW)
    theme = card_call.start_theme(
        memory_repo, project.id, NW, cards[0], "I can't get about", actor=ACTOR, now=NOW
    )
    for statement_id in cards[1:3]:
        _place(memory_repo, project.id, statement_id, theme.id, NW)
    card_call.park_card(memory_repo, project.id, NW, cards[3], actor=ACTOR, now=NOW)
    priorities.record_votes(memory_repo, project.id, "Voter 1", [theme.id], actor=ACTOR, now=NOW)
    before = themes.get_theme(memory_repo, theme.id)
    assert (before.statements, before.people) == (3, 2)

    withdraw_review(memory_repo, goes.id, reason="person_asked", actor=ACTOR, now=NOW + timedelta(1))

    after = themes.get_theme(memory_repo, theme.id)
    gone = {s.id for s in goes.statements}
    assert (after.statements, after.people) == (2, 1)
    assert not gone & set(after.theme.statement_ids) and {c.review_id for c in after.cards} == {stays.id}
    view = card_call.card_call(memory_repo, project.id, NW)
    shown = {c.statement_id for c in view.waiting + view.parked} | {
        s for t in view.themes for s in t.theme.statement_ids
    }
    assert not shown & gone and view.total == 4 and view.parked == ()
    assert [c.review_id for c in view.waiting] == [later.id, later.id]
    assert [t.theme.statement_ids for t in themes.list_themes(memory_repo, project.id)] == [cards[:2]]
    with pytest.raises(DomainError, match="no longer in the workshop"):
        _place(memory_repo, project.id, cards[2], theme.id, NW)
    (result,) = priorities.results(memory_repo, project.id)
    assert (result.view.statements, result.view.people, result.dots) == (2, 1, 1)
    card_call.undo_last_move(memory_repo, project.id, NW, actor=ACTOR, now=NOW)  # unparks a withdrawn card
    assert card_call.card_call(memory_repo, project.id, NW).total == 4
