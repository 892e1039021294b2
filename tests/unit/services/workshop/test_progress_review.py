"""Steps 7 and 8: readings against the baseline, action status, and what worked in the process itself."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests import factories as f
from tests.workshop_data import chosen_theme, measure
from wtfc_collect.domain import ActionStatus, AuditAction, DomainError, Measure, MeasureKind, Theme, new_id
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import plan, progress_review
from wtfc_collect.storage.port import Repository

WHO = {"actor": "Fran (facilitator)", "now": f.NOW}


@pytest.fixture
def theme(memory_repo: Repository) -> Theme:
    project = memory_repo.save(f.project())
    return chosen_theme(memory_repo, project.id, "I never know who is coming", [])


def test_readings_over_time_give_baseline_against_now(memory_repo: Repository, theme: Theme) -> None:
    m = measure(memory_repo, theme, "Different carers a person sees in a month", baseline=14)
    for day, value in ((date(2026, 3, 1), 12), (date(2026, 4, 20), 8), (date(2026, 4, 1), 10)):
        progress_review.add_reading(memory_repo, m.id, value, day, **WHO)
    (row,) = progress_review.measures(memory_repo, theme.project_id)
    assert (row.measure.baseline, row.measure.current, row.change) == (14, 8, -6)
    assert row.last_reading == date(2026, 4, 20) and row.theme == theme
    assert [r.value for r in progress_review.readings(row.measure)] == [12, 10, 8]
    assert [e.action for e in memory_repo.audit_log(m.id)] == [AuditAction.EDIT] * 3


@pytest.mark.parametrize("value", [None, float("nan"), float("inf"), True])
def test_a_reading_needs_a_number(memory_repo: Repository, theme: Theme, value: object) -> None:
    m = measure(memory_repo, theme, "Calls to the office")
    with pytest.raises(InvalidInput) as caught:
        progress_review.add_reading(memory_repo, m.id, value, date(2026, 4, 1), **WHO)  # type: ignore[arg-type]
    assert caught.value.errors == {"value": progress_review.NOT_A_NUMBER}
    assert memory_repo.get(Measure, m.id).readings == []  # type: ignore[union-attr]


def test_a_reading_needs_a_day_that_is_not_in_the_future(memory_repo: Repository, theme: Theme) -> None:
    m = measure(memory_repo, theme, "Calls to the office")
    with pytest.raises(InvalidInput) as caught:
        progress_review.add_reading(memory_repo, m.id, 3, None, **WHO)
    assert "day" in caught.value.errors["on"]
    with pytest.raises(InvalidInput) as caught:
        progress_review.add_reading(memory_repo, m.id, 3, f.TODAY + timedelta(days=1), **WHO)
    assert caught.value.errors == {"on": "The day cannot be in the future."}
    progress_review.add_reading(memory_repo, m.id, 3, f.TODAY, **WHO)


def test_a_missing_baseline_can_be_set_later_and_change_waits_for_both(
    memory_repo: Repository, theme: Theme
) -> None:
    m = measure(memory_repo, theme, "People who say they are lonely (%)")
    progress_review.add_reading(memory_repo, m.id, 30, date(2026, 4, 1), **WHO)
    (row,) = progress_review.measures(memory_repo, theme.project_id)
    assert row.change is None
    progress_review.set_baseline(memory_repo, m.id, 45, **WHO)
    (row,) = progress_review.measures(memory_repo, theme.project_id)
    assert row.change == -15
    with pytest.raises(InvalidInput):
        progress_review.set_baseline(memory_repo, m.id, None, **WHO)
    with pytest.raises(DomainError, match="could not be found"):
        progress_review.get_measure(memory_repo, "f" * 32)


def test_action_status_changes_are_saved_audited_and_counted(memory_repo: Repository, theme: Theme) -> None:
    first = plan.create_action_plan(memory_repo, theme.id, {"title": "Rota letters"}, **WHO)
    plan.create_action_plan(memory_repo, theme.id, {"title": "Small teams"}, **WHO)
    changed = progress_review.set_action_status(memory_repo, first.id, ActionStatus.DONE, **WHO)
    assert changed.status is ActionStatus.DONE and changed.title == "Rota letters"
    assert memory_repo.audit_log(first.id)[-1].reason == "status: done"
    counts = progress_review.status_counts(plan.action_plans(memory_repo, theme.project_id))
    assert counts == {
        ActionStatus.NOT_STARTED: 1,
        ActionStatus.UNDER_WAY: 0,
        ActionStatus.DONE: 1,
        ActionStatus.STOPPED: 0,
    }


def test_process_notes_keep_what_worked_and_what_did_not(memory_repo: Repository, theme: Theme) -> None:
    project_id = theme.project_id
    good = progress_review.add_process_note(memory_repo, project_id, True, "Starting with what works", **WHO)
    bad = progress_review.add_process_note(memory_repo, project_id, False, "Too little time for plans", **WHO)
    with pytest.raises(InvalidInput) as caught:
        progress_review.add_process_note(memory_repo, project_id, False, "  ", **WHO)
    assert caught.value.errors == {"text": "Please fill this in."}
    assert progress_review.process_notes(memory_repo, project_id) == ([good], [bad])
    progress_review.remove_process_note(memory_repo, bad.id, **WHO)
    assert progress_review.process_notes(memory_repo, project_id) == ([good], [])
    with pytest.raises(DomainError, match="already removed"):
        progress_review.remove_process_note(memory_repo, bad.id, **WHO)


def test_a_measure_in_words_keeps_what_people_said_not_numbers(memory_repo: Repository, theme: Theme) -> None:
    counted = measure(memory_repo, theme, "Late visits", baseline=14)
    words = memory_repo.save(
        Measure(
            id=new_id(),
            project_id=theme.project_id,
            success_id=counted.success_id,
            description="I know who is coming",
            kind=MeasureKind.WORDS,
        )
    )
    with pytest.raises(InvalidInput) as caught:
        progress_review.add_reading(memory_repo, words.id, 3, f.NOW.date(), **WHO)
    assert "write down what you heard" in caught.value.errors["value"]
    with pytest.raises(InvalidInput):
        progress_review.set_baseline(memory_repo, words.id, 3, **WHO)
    with pytest.raises(InvalidInput, match="add a reading"):
        progress_review.add_heard(memory_repo, counted.id, "Better", f.NOW.date(), **WHO)
    with pytest.raises(InvalidInput) as blank:
        progress_review.add_heard(memory_repo, words.id, "  ", f.NOW.date(), **WHO)
    assert "never who said it" in blank.value.errors["text"]
    with pytest.raises(InvalidInput):
        progress_review.add_heard(
            memory_repo, words.id, "Most said so", f.NOW.date() + timedelta(days=1), **WHO
        )
    progress_review.add_heard(memory_repo, words.id, "Most said so", date(2026, 4, 2), **WHO)
    saved = progress_review.add_heard(memory_repo, words.id, "A few said so", date(2026, 3, 1), **WHO)
    assert [h.text for h in progress_review.heard(saved)] == ["A few said so", "Most said so"]
    assert saved.latest_heard is not None and saved.latest_heard.text == "Most said so"
    row = next(r for r in progress_review.measures(memory_repo, theme.project_id) if r.measure.id == words.id)
    assert row.last_reading == date(2026, 4, 2) and row.change is None and not row.carried
    assert all("said so" not in e.reason for e in memory_repo.audit_log())
