"""After a review: the actions for the person (what, who, by when, done) and whether they would like to come
to the workshops, kept on their review."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import factories as f
from wtfc_collect.domain import DomainError, Question, Review, WithdrawalReason
from wtfc_collect.domain.participation import Come
from wtfc_collect.domain.person_actions import MAX_ACTIONS

SOON = f.TODAY + timedelta(weeks=3)


def _review() -> Review:
    return f.complete_review(f.new_id())


def test_an_action_says_what_who_and_by_when_and_can_answer_one_thing_said() -> None:
    review = _review()
    said = review.prioritised(Question.NOT_WORKING)[0]
    action = review.add_action(
        "Same two carers each week", "Home care coordinator", SOON, said.id, by="Sam", now=f.NOW
    )
    assert review.actions == [action]
    assert (action.what, action.who, action.by_when, action.statement_id) == (
        "Same two carers each week",
        "Home care coordinator",
        SOON,
        said.id,
    )
    assert (action.created_by, action.created_at, action.done) == ("Sam", f.NOW, False)


@pytest.mark.parametrize(("what", "who", "field"), [(" ", "Sam", "what"), ("Swimming", "  ", "who")])
def test_an_action_needs_what_and_who(what: str, who: str, field: str) -> None:
    review = _review()
    with pytest.raises(DomainError) as refused:
        review.add_action(what, who, None, None, by="Sam", now=f.NOW)
    assert refused.value.field == field
    assert review.actions == []


def test_an_action_can_only_answer_something_said_in_this_review() -> None:
    review = _review()
    with pytest.raises(DomainError, match="not in this review"):
        review.add_action("Swimming", "Sam", None, f.new_id(), by="Sam", now=f.NOW)


def test_done_and_not_done_after_all_and_taken_out() -> None:
    review = _review()
    action = review.add_action("Swimming", "Sam", None, None, by="Sam", now=f.NOW)
    assert review.set_action_done(action.id, f.TODAY, f.NOW).done
    assert review.action(action.id).done_on == f.TODAY
    assert not review.set_action_done(action.id, None, f.NOW).done
    review.remove_action(action.id, f.NOW)
    assert review.actions == []
    with pytest.raises(DomainError, match="not in this review"):
        review.remove_action(action.id, f.NOW)


def test_actions_can_be_added_after_the_review_is_sent_in_but_not_once_withdrawn() -> None:
    review = _review()
    review.submit(f.NOW)
    review.add_action("Swimming", "Sam", None, None, by="Sam", now=f.NOW)
    review.set_workshop_wish(Come.YES, "Step-free access", f.NOW)
    review.withdraw(WithdrawalReason.PERSON_ASKED, f.NOW)
    with pytest.raises(DomainError, match="withdrawn"):
        review.add_action("More", "Sam", None, None, by="Sam", now=f.NOW)
    with pytest.raises(DomainError, match="withdrawn"):
        review.set_workshop_wish(Come.NO, "", f.NOW)


def test_a_review_holds_a_limited_number_of_actions() -> None:
    review = _review()
    for number in range(MAX_ACTIONS):
        review.add_action(f"Action {number}", "Sam", None, None, by="Sam", now=f.NOW)
    with pytest.raises(DomainError, match=str(MAX_ACTIONS)):
        review.add_action("One more", "Sam", None, None, by="Sam", now=f.NOW)


def test_the_workshop_wish_starts_not_asked() -> None:
    review = _review()
    assert review.workshop.come is Come.NOT_ASKED and review.workshop.access_needs == ""
    review.set_workshop_wish(Come.MAYBE, "A quiet room", f.NOW + timedelta(hours=1))
    assert (review.workshop.come, review.workshop.access_needs) == (Come.MAYBE, "A quiet room")
    assert review.updated_at == f.NOW + timedelta(hours=1)
