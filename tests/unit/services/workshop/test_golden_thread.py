"""The golden thread: from an action back to people's words, and what happens when someone withdraws."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests import factories as f
from tests.workshop_data import ACTOR, chosen_theme, ready_review, root_cause, top
from wtfc_collect.domain import (
    ActionStatus,
    DomainError,
    IdeaKind,
    Question,
    Review,
    RootCause,
    Speaker,
    Theme,
    TriageStatus,
)
from wtfc_collect.domain.golden_thread import evidence
from wtfc_collect.domain.theme import Card
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.collect.reviews import submit_review, withdraw_review
from wtfc_collect.services.workshop import golden_thread, plan, success
from wtfc_collect.storage.port import Repository

WHO = {"actor": ACTOR, "now": f.NOW}


@dataclass
class Thread:
    reviews: list[Review]
    theme: Theme
    cause: RootCause
    action_id: str


@pytest.fixture
def thread(memory_repo: Repository) -> Thread:
    """Three people; the theme holds the first choice of each (and the second choice of the first)."""
    project = memory_repo.save(f.project())
    reviews = [ready_review(memory_repo, project.id, area=area) for area in ("North", "South", "North")]
    ids = [top(r) for r in reviews] + [top(reviews[0], place=2)]
    theme = chosen_theme(memory_repo, project.id, "I want to get there on time", ids)
    cause = root_cause(memory_repo, theme, "There are no buses after six")
    idea = plan.add_idea(
        memory_repo, theme.id, IdeaKind.DIFFERENT, "Travel buddies", root_cause_id=cause.id, **WHO
    )
    action = plan.create_action_plan(
        memory_repo, theme.id, {"title": "Travel buddies scheme", "idea_ids": [idea.id]}, **WHO
    )
    return Thread(reviews, theme, cause, action.id)


def test_an_action_leads_back_through_idea_and_cause_to_everyone_in_the_theme(
    memory_repo: Repository, thread: Thread
) -> None:
    chain = golden_thread.action_thread(memory_repo, thread.action_id)
    assert [link.idea.text for link in chain.ideas] == ["Travel buddies"]
    assert chain.root_causes == (thread.cause,) and chain.theme == thread.theme
    assert chain.evidence.statements == 4
    assert chain.evidence.people == 3  # two statements from one person count once
    assert [c.text for c in chain.evidence.cards] == [
        "The bus is late so I miss the start",
        "The bus is late so I miss the start",
        "The bus is late so I miss the start",
        "Carers change all the time",
    ]


def test_withdrawing_a_review_removes_its_words_from_the_thread_and_the_counts(
    memory_repo: Repository, thread: Thread
) -> None:
    first = thread.reviews[0]
    withdraw_review(memory_repo, first.id, reason="person_asked", **WHO)
    chain = golden_thread.action_thread(memory_repo, thread.action_id)
    assert chain.evidence.people == 2 and chain.evidence.statements == 2
    assert {c.review_id for c in chain.evidence.cards} == {r.id for r in thread.reviews[1:]}
    assert "Carers change all the time" not in [c.text for c in chain.evidence.cards]
    (row,) = golden_thread.thread_table(memory_repo, thread.theme.project_id)
    assert (row.people, row.statements, row.status) == (2, 2, ActionStatus.NOT_STARTED)
    assert golden_thread.theme_evidence(memory_repo, thread.theme.id).people == 2
    # The theme keeps the ids (never the words), so nothing else needs changing and nothing breaks.
    assert memory_repo.get(Theme, thread.theme.id).statement_ids == thread.theme.statement_ids  # type: ignore[union-attr]


def test_everyone_withdrawing_leaves_an_empty_thread_not_an_error(
    memory_repo: Repository, thread: Thread
) -> None:
    for review in thread.reviews:
        withdraw_review(memory_repo, review.id, reason="person_asked", **WHO)
    chain = golden_thread.action_thread(memory_repo, thread.action_id)
    assert chain.evidence.cards == () and chain.evidence.people == 0
    assert chain.theme == thread.theme and chain.root_causes == (thread.cause,)


def test_the_thread_shows_the_confirmed_workshop_copy_never_the_original(memory_repo: Repository) -> None:
    project = memory_repo.save(f.project())
    draft = f.review(project.id, consent=f.complete_review(project.id).consent, person_ref="P-0900")
    for question, words in (
        (Question.WORKING, "Going to the allotment"),
        (Question.NOT_WORKING, "Ring my son Gareth on 07700 900123, he never hears from the agency"),
        (Question.FUTURE, "Swimming again"),
    ):
        statement = draft.add_statement(question, words, Speaker.PERSON, f.NOW)
        draft.set_priority(statement.id, 1, f.NOW)
    memory_repo.save(draft)
    submit_review(memory_repo, draft.id, **WHO)
    statement = draft.prioritised(Question.NOT_WORKING)[0]
    check_statements.triage_statement(memory_repo, draft.id, statement.id, TriageStatus.ACCEPTED, **WHO)
    check_statements.confirm_workshop_text(
        memory_repo,
        draft.id,
        statement.id,
        "Ring my son [name] on [phone], he never hears from the agency",
        **WHO,
    )
    theme = chosen_theme(memory_repo, project.id, "I want to be kept in the loop", [statement.id])
    action = plan.create_action_plan(memory_repo, theme.id, {"title": "One person to ring"}, **WHO)
    (card,) = golden_thread.action_thread(memory_repo, action.id).evidence.cards
    assert card.text == "Ring my son [name] on [phone], he never hears from the agency"
    assert "07700" not in card.text and "Gareth" not in card.text


def test_a_statement_taken_out_at_triage_leaves_the_thread_too(
    memory_repo: Repository, thread: Thread
) -> None:
    second = thread.reviews[1]
    check_statements.triage_statement(
        memory_repo, second.id, top(second), TriageStatus.EXCLUDED, reason="names a staff member", **WHO
    )
    chain = golden_thread.action_thread(memory_repo, thread.action_id)
    assert chain.evidence.people == 2 and second.id not in {c.review_id for c in chain.evidence.cards}


def test_a_removed_theme_or_cause_ends_the_thread_plainly(memory_repo: Repository, thread: Thread) -> None:
    memory_repo.delete(RootCause, thread.cause.id)
    chain = golden_thread.action_thread(memory_repo, thread.action_id)
    assert chain.ideas[0].root_cause is None and chain.root_causes == ()
    memory_repo.delete(Theme, thread.theme.id)
    chain = golden_thread.action_thread(memory_repo, thread.action_id)
    assert chain.theme is None and chain.evidence.cards == ()
    (row,) = golden_thread.thread_table(memory_repo, thread.theme.project_id)
    assert (row.theme, row.people, row.root_causes) == ("Theme removed", 0, "")
    with pytest.raises(DomainError, match="could not be found"):
        golden_thread.theme_evidence(memory_repo, thread.theme.id)
    with pytest.raises(DomainError, match="could not be found"):
        golden_thread.action_thread(memory_repo, "f" * 32)


def test_from_a_theme_to_the_actions_that_came_from_it(memory_repo: Repository, thread: Thread) -> None:
    other = chosen_theme(
        memory_repo, thread.theme.project_id, "I am lonely", [top(thread.reviews[1], place=2)]
    )
    second = plan.create_action_plan(memory_repo, thread.theme.id, {"title": "Evening bus"}, **WHO)
    assert [a.title for a in golden_thread.theme_actions(memory_repo, thread.theme.id)] == [
        "Travel buddies scheme",
        second.title,
    ]
    assert golden_thread.theme_actions(memory_repo, other.id) == []
    chosen_theme(memory_repo, thread.theme.project_id, "I want to swim", [], chosen=False)
    assert golden_thread.thread_themes(memory_repo, thread.theme.project_id) == [thread.theme, other]


def test_evidence_ignores_ids_listed_twice_and_unknown_ids() -> None:
    theme = Theme(
        id="a" * 32,
        project_id="b" * 32,
        question=Question.NOT_WORKING,
        name="I am lonely",
        statement_ids=["c" * 32, "c" * 32, "d" * 32],
        created_at=f.NOW,
    )
    cards = {"c" * 32: Card("c" * 32, "e" * 32, Question.NOT_WORKING, "On my own all weekend")}
    found = evidence(theme, cards)
    assert (found.statements, found.people) == (1, 1)
    assert evidence(None, cards).cards == ()


# --- on to success and measures, and read from a measure ------------------------------------------------
def test_the_thread_runs_on_to_success_and_measures_and_back_from_a_measure(
    memory_repo: Repository, thread: Thread
) -> None:
    chain = golden_thread.action_thread(memory_repo, thread.action_id)
    assert chain.missing == ("success statement", "measure")  # words, root cause and idea are there
    said = success.add_success(
        memory_repo, thread.theme.id, "I get there on time", root_cause_id=thread.cause.id, **WHO
    )
    counted = success.add_measure(memory_repo, said.id, "People late for the start", **WHO)
    action = plan.get_action_plan(memory_repo, thread.action_id)
    plan.update_action_plan(
        memory_repo,
        action.id,
        {"title": action.title, "measure_ids": [counted.id]},
        expected_revision=action.revision,
        **WHO,
    )
    chain = golden_thread.action_thread(memory_repo, thread.action_id)
    assert chain.missing == ()
    [towards] = chain.successes
    assert (towards.success.id, towards.root_cause, [m.id for m in towards.measures]) == (
        said.id,
        thread.cause,
        [counted.id],
    )
    assert [a.id for a in golden_thread.measure_actions(memory_repo, counted.id)] == [action.id]
    [row] = golden_thread.thread_table(memory_repo, thread.theme.project_id)
    assert (row.success, row.measures, row.missing) == (
        "I get there on time",
        "People late for the start",
        (),
    )
    choices = golden_thread.thread_measures(memory_repo, thread.theme.project_id)
    assert [(c.measure.id, c.theme) for c in choices] == [(counted.id, thread.theme)]
    with pytest.raises(DomainError, match="could not be found"):
        golden_thread.measure_actions(memory_repo, "f" * 32)


def test_a_thread_with_nobodys_words_left_says_so(memory_repo: Repository, thread: Thread) -> None:
    for review in thread.reviews:
        withdraw_review(memory_repo, review.id, reason="person_asked", **WHO)
    chain = golden_thread.action_thread(memory_repo, thread.action_id)
    assert chain.missing[0] == "people's words"
