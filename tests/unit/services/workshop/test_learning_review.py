"""Step 8: the review date, the communication plan, each group's evaluation, finishing the cycle, and the next
cycle started from it (carrying priorities, success and measures, never people's words or references)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import factories as f
from tests.workshop_data import ACTOR, chosen_theme, measure, ready_review, root_cause, top
from wtfc_collect.domain import (
    CycleReview,
    DomainError,
    EvaluationAnswer,
    Heard,
    Measure,
    MeasureKind,
    Perspective,
    Project,
    Reading,
    Review,
    SuccessStatement,
    Theme,
)
from wtfc_collect.domain.access import Role, User
from wtfc_collect.services import access
from wtfc_collect.services.common import InvalidInput, updated
from wtfc_collect.services.workshop import learning_review, success
from wtfc_collect.storage.port import Repository

WHO = {"actor": ACTOR, "now": f.NOW}
TODAY = f.NOW.date()


def _finished(repo: Repository, project: Project) -> None:
    learning_review.set_review_date(repo, project.id, TODAY - timedelta(days=3), **WHO)
    learning_review.finish_cycle(repo, project.id, TODAY, "Start earlier next time", **WHO)


# --- review date and finishing ------------------------------------------------------------------------
def test_a_cycle_is_finished_once_it_has_a_review_date_and_not_in_the_future(memory_repo: Repository) -> None:
    project = memory_repo.save(f.project())
    assert learning_review.cycle_review(memory_repo, project.id).review_on is None
    with pytest.raises(InvalidInput) as caught:
        learning_review.finish_cycle(memory_repo, project.id, TODAY, **WHO)
    assert "Set the review date first" in str(caught.value.errors)
    learning_review.set_review_date(memory_repo, project.id, TODAY + timedelta(days=30), **WHO)
    with pytest.raises(InvalidInput) as later:
        learning_review.finish_cycle(memory_repo, project.id, TODAY + timedelta(days=1), **WHO)
    assert later.value.errors == {"finished_on": "The day the cycle was finished cannot be in the future."}
    with pytest.raises(InvalidInput):
        learning_review.finish_cycle(memory_repo, project.id, None, **WHO)
    done = learning_review.finish_cycle(memory_repo, project.id, TODAY, "What we learned", **WHO)
    assert done.finished and done.summary == "What we learned"
    assert len(memory_repo.find(CycleReview, project_id=project.id)) == 1  # one record a project
    with pytest.raises(InvalidInput, match="keeps its review date"):
        learning_review.set_review_date(memory_repo, project.id, None, **WHO)
    again = learning_review.reopen_cycle(memory_repo, project.id, **WHO)
    assert not again.finished and again.review_on == TODAY + timedelta(days=30)


# --- the communication plan ------------------------------------------------------------------------------
def test_the_communication_plan_says_who_what_how_and_by_when(memory_repo: Repository) -> None:
    project = memory_repo.save(f.project())
    with pytest.raises(InvalidInput) as caught:
        learning_review.add_communication(memory_repo, project.id, " ", "", "  ", **WHO)
    assert set(caught.value.errors) == {"audience", "message", "channel"}
    later = learning_review.add_communication(
        memory_repo,
        project.id,
        "The board",
        "The priorities",
        "A briefing",
        TODAY + timedelta(days=30),
        **WHO,
    )
    sooner = learning_review.add_communication(
        memory_repo, project.id, "People who took part", "What we heard", "Easy-read letter", TODAY, **WHO
    )
    undated = learning_review.add_communication(
        memory_repo, project.id, "Staff", "What changes", "Team meetings", **WHO
    )
    assert [c.id for c in learning_review.communications(memory_repo, project.id)] == [
        sooner.id,
        later.id,
        undated.id,
    ]
    learning_review.set_communication_done(memory_repo, sooner.id, True, **WHO)
    ordered = learning_review.communications(memory_repo, project.id)
    assert [c.id for c in ordered] == [later.id, undated.id, sooner.id]  # what is still to do comes first
    learning_review.remove_communication(memory_repo, undated.id, **WHO)
    assert len(learning_review.communications(memory_repo, project.id)) == 2
    with pytest.raises(DomainError, match="could not be found"):
        learning_review.set_communication_done(memory_repo, undated.id, True, **WHO)


# --- how the process went --------------------------------------------------------------------------------
def test_each_group_has_one_evaluation_which_it_can_change(memory_repo: Repository) -> None:
    project = memory_repo.save(f.project())
    with pytest.raises(InvalidInput, match="Answer at least one question"):
        learning_review.save_evaluation(memory_repo, project.id, Perspective.PEOPLE, {}, **WHO)
    with pytest.raises(InvalidInput):
        learning_review.save_evaluation(
            memory_repo, project.id, Perspective.PEOPLE, {"made_up": EvaluationAnswer.YES}, **WHO
        )
    first = learning_review.save_evaluation(
        memory_repo,
        project.id,
        Perspective.PEOPLE,
        {"right_people": EvaluationAnswer.YES, "own_say": None},
        worked="Hearing our words read out",
        **WHO,
    )
    assert first.answers == {"right_people": EvaluationAnswer.YES}
    again = learning_review.save_evaluation(
        memory_repo, project.id, Perspective.PEOPLE, {"own_say": EvaluationAnswer.PARTLY}, **WHO
    )
    assert again.id == first.id and again.answers == {"own_say": EvaluationAnswer.PARTLY}
    with pytest.raises(InvalidInput) as unnamed:
        learning_review.save_evaluation(
            memory_repo, project.id, Perspective.OTHER, {"own_say": EvaluationAnswer.NO}, **WHO
        )
    assert "perspective_name" in unnamed.value.errors
    third = learning_review.save_evaluation(
        memory_repo,
        project.id,
        Perspective.OTHER,
        {"own_say": EvaluationAnswer.NO},
        perspective_name="third sector",
        **WHO,
    )
    learning_review.save_evaluation(
        memory_repo, project.id, Perspective.COMMISSIONERS, {"own_say": EvaluationAnswer.YES}, **WHO
    )
    names = [
        (e.perspective, e.perspective_name) for e in learning_review.evaluations(memory_repo, project.id)
    ]
    assert names == [
        (Perspective.PEOPLE, None),
        (Perspective.COMMISSIONERS, None),
        (Perspective.OTHER, "third sector"),
    ]
    learning_review.remove_evaluation(memory_repo, third.id, **WHO)
    assert len(learning_review.evaluations(memory_repo, project.id)) == 2


# --- the next cycle ---------------------------------------------------------------------------------------
def _worked_cycle(repo: Repository) -> tuple[Project, Theme, Measure, Measure]:
    """A project whose priority has a success statement with a counted and a worded measure, read twice."""
    project = repo.save(f.project(workshop_dates=[TODAY - timedelta(days=60)]))
    reviews = [ready_review(repo, project.id) for _ in range(2)]
    theme = chosen_theme(repo, project.id, "I never know who is coming", [top(r) for r in reviews])
    chosen_theme(repo, project.id, "I am bored", [top(reviews[0], place=2)], chosen=False)
    cause = root_cause(repo, theme, "Rotas change on the day")
    said = success.add_success(repo, theme.id, "I know who is coming", root_cause_id=cause.id, **WHO)
    counted = success.add_measure(repo, said.id, "Late visits", unit="%", baseline=23, **WHO)
    words = success.add_measure(
        repo, said.id, "I know who is coming", kind=MeasureKind.WORDS, how_we_will_know="Reviews", **WHO
    )
    counted = repo.save(updated(counted, {"readings": [Reading(on=TODAY - timedelta(days=20), value=19)]}))
    words = repo.save(updated(words, {"heard": [Heard(on=TODAY - timedelta(days=20), text="Most said so")]}))
    return project, theme, counted, words


def test_the_next_cycle_starts_only_from_a_finished_one(memory_repo: Repository) -> None:
    project, *_ = _worked_cycle(memory_repo)
    with pytest.raises(DomainError, match="starts from a finished one"):
        learning_review.start_next_cycle(memory_repo, project.id, **WHO)
    _finished(memory_repo, project)
    with access.acting_as(User(username="fran", role=Role.FACILITATOR)), pytest.raises(access.AccessDenied):
        learning_review.start_next_cycle(memory_repo, project.id, **WHO)
    made = learning_review.start_next_cycle(memory_repo, project.id, **WHO)
    with pytest.raises(DomainError, match="has already started from this one"):
        learning_review.start_next_cycle(memory_repo, project.id, **WHO)
    with pytest.raises(DomainError, match="has already started"):
        learning_review.reopen_cycle(memory_repo, project.id, **WHO)
    assert learning_review.next_cycle_of(memory_repo, project.id) == made


def test_the_next_cycle_copies_the_plan_and_carries_priorities_success_and_measures(
    memory_repo: Repository,
) -> None:
    project, theme, counted, words = _worked_cycle(memory_repo)
    _finished(memory_repo, project)
    made = learning_review.start_next_cycle(memory_repo, project.id, **WHO)
    assert (made.name, made.cycle, made.previous_id) == (f"{project.name} (cycle 2)", 2, project.id)
    same = ("purpose", "level", "sample_plan", "teams", "areas", "groups", "service_types")
    assert all(getattr(made, field) == getattr(project, field) for field in same)
    assert (made.checkpoint_date, made.workshop_dates) == (None, [])  # this cycle sets its own dates
    [carried] = memory_repo.find(Theme, project_id=made.id)
    assert (carried.name, carried.carried_from, carried.statement_ids, carried.chosen) == (
        theme.name,
        theme.id,
        [],
        False,
    )
    [said] = memory_repo.find(SuccessStatement, project_id=made.id)
    assert (said.theme_id, said.root_cause_id, said.text) == (carried.id, None, "I know who is coming")
    new = {m.carried_from: m for m in memory_repo.find(Measure, project_id=made.id)}
    assert set(new) == {counted.id, words.id}
    assert (new[counted.id].baseline, new[counted.id].readings) == (19, [])  # starts where it stood
    assert (new[words.id].kind, new[words.id].heard, new[words.id].how_we_will_know) == (
        MeasureKind.WORDS,
        [],
        "Reviews",
    )


def test_the_next_cycle_carries_nothing_about_people(memory_repo: Repository) -> None:
    project, *_ = _worked_cycle(memory_repo)
    _finished(memory_repo, project)
    made = learning_review.start_next_cycle(memory_repo, project.id, name="Home care, 2027", **WHO)
    assert made.name == "Home care, 2027"
    assert memory_repo.find(Review, project_id=made.id) == []
    words_of_people = {s.text for r in memory_repo.find(Review) for s in r.statements}
    refs = {r.person_ref for r in memory_repo.find(Review)}
    carried = [
        *memory_repo.find(Theme, project_id=made.id),
        *memory_repo.find(SuccessStatement, project_id=made.id),
        *memory_repo.find(Measure, project_id=made.id),
    ]
    dumped = " ".join(record.model_dump_json() for record in carried)
    assert not any(words in dumped for words in words_of_people)
    assert not any(ref in dumped for ref in refs)
    assert all(not t.statement_ids for t in memory_repo.find(Theme, project_id=made.id))
    created = [e for e in memory_repo.audit_log(made.id) if e.record_kind == "project"]
    assert created and "1 themes" in created[0].reason and "I never know" not in created[0].reason


def test_a_carried_measure_of_a_theme_without_readings_starts_from_its_baseline(
    memory_repo: Repository,
) -> None:
    project = memory_repo.save(f.project())
    review = ready_review(memory_repo, project.id)
    theme = chosen_theme(memory_repo, project.id, "I am lonely", [top(review)])
    measure(memory_repo, theme, "People who see friends weekly", baseline=41)
    _finished(memory_repo, project)
    made = learning_review.start_next_cycle(memory_repo, project.id, **WHO)
    [carried] = memory_repo.find(Measure, project_id=made.id)
    assert carried.baseline == 41 and carried.readings == []
