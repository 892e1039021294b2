"""The demo with its workshop, in two cycles: last year's finished, this year's started from it. Every chain
is about its theme, every action traces to people's words and a measure, and the dates make sense."""

from __future__ import annotations

from datetime import date

import pytest

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.demo import chains as bank
from wtfc_collect.domain import (
    ActionPlan,
    ActionStatus,
    AuditAction,
    Communication,
    Idea,
    IdeaKind,
    Measure,
    MeasureKind,
    Project,
    Question,
    Review,
    RootCause,
    SuccessStatement,
    Theme,
)
from wtfc_collect.domain.participation import Come, Participant, ParticipantPerspective
from wtfc_collect.services.reports import report_content
from wtfc_collect.services.workshop import compare_cycles, golden_thread, keep_and_spread, learning_review
from wtfc_collect.storage.memory import MemoryRepository

TODAY = f.NOW.date()


@pytest.fixture(scope="module")
def demo() -> tuple[MemoryRepository, Project, Project]:
    repo = MemoryRepository()
    this = demo_project(repo, now=f.NOW, reviews=40, workshop=True)
    last = repo.get(Project, this.previous_id or "")
    assert last is not None
    return repo, last, this


def test_two_cycles_last_years_finished_and_this_years_started_from_it(
    demo: tuple[MemoryRepository, Project, Project],
) -> None:
    repo, last, this = demo
    assert (last.cycle, this.cycle, this.previous_id) == (1, 2, last.id)
    assert compare_cycles.cycles(repo, this.id) == [last, this]
    finished = learning_review.cycle_review(repo, last.id)
    assert finished.finished and finished.review_on is not None and finished.summary
    assert not learning_review.cycle_review(repo, this.id).finished
    assert learning_review.cycle_review(repo, this.id).review_on is not None
    for project in (last, this):
        assert len(repo.find(Review, project_id=project.id)) == 40
        assert learning_review.communications(repo, project.id)
        assert len(learning_review.evaluations(repo, project.id)) >= 2
    assert all(c.done for c in repo.find(Communication, project_id=last.id))
    assert not all(c.done for c in repo.find(Communication, project_id=this.id))
    statuses = {a.status for a in repo.find(ActionPlan, project_id=last.id)}
    assert ActionStatus.DONE in statuses


def test_every_chain_in_both_cycles_is_about_its_own_theme(
    demo: tuple[MemoryRepository, Project, Project],
) -> None:
    repo, last, this = demo
    for project in (last, this):
        themes = [t for t in repo.find(Theme, project_id=project.id) if t.chosen]
        assert len(themes) >= 4
        for theme in themes:
            topic = bank.chains()[theme.name or ""].topic
            written = [c.cause for c in repo.find(RootCause, theme_id=theme.id)]
            written += [s.text for s in repo.find(SuccessStatement, theme_id=theme.id)]
            written += [
                i.text for i in repo.find(Idea, theme_id=theme.id) if i.kind is not IdeaKind.ALREADY_HAPPENING
            ]
            written += [f"{a.title} {a.key_features}" for a in repo.find(ActionPlan, theme_id=theme.id)]
            assert written and [w for w in written if not bank.about(w, topic)] == [], theme.name


def test_every_action_traces_to_someones_words_and_at_least_one_measure(
    demo: tuple[MemoryRepository, Project, Project],
) -> None:
    repo, last, this = demo
    for project in (last, this):
        actions = repo.find(ActionPlan, project_id=project.id)
        assert actions
        for action in actions:
            thread = golden_thread.action_thread(repo, action.id)
            assert thread.evidence.people >= 1 and thread.evidence.cards, action.title
            assert thread.measures and thread.root_causes and thread.ideas, action.title
            assert thread.missing == ()


def test_the_dates_follow_the_method(demo: tuple[MemoryRepository, Project, Project]) -> None:
    """Workshops after the reviews; actions and readings after the workshops, never after today; readings
    after their baseline; the next cycle after the last was finished."""
    repo, last, this = demo
    finished_on = learning_review.cycle_review(repo, last.id).finished_on
    assert finished_on is not None and finished_on < this.created_at.date()
    for project in (last, this):
        day_two = max(project.workshop_dates)
        reviewed = max(r.review_date for r in repo.find(Review, project_id=project.id))
        assert reviewed < min(project.workshop_dates) <= day_two < TODAY
        end = finished_on if project is last else TODAY
        for action in repo.find(ActionPlan, project_id=project.id):
            changes = [
                e.at.date()
                for e in repo.audit_log(action.id)
                if e.action is AuditAction.EDIT and e.reason.startswith("status")
            ]
            assert all(day_two <= day <= end for day in changes), action.title
        for measure in repo.find(Measure, project_id=project.id):
            days = [r.on for r in measure.readings] + [h.on for h in measure.heard]
            assert all(day <= end for day in days), measure.description
            if measure.carried_from is None:
                assert all(day > day_two for day in days), measure.description
            else:
                origin = repo.get(Measure, measure.carried_from)
                assert origin is not None
                started = max(
                    [r.on for r in origin.readings] + [h.on for h in origin.heard], default=date.min
                )
                assert all(day > started for day in days), "read again after the last cycle's readings"
    review_on = learning_review.cycle_review(repo, last.id).review_on
    assert review_on is not None and review_on <= finished_on


def test_this_cycle_carries_last_years_priorities_but_nobodys_words(
    demo: tuple[MemoryRepository, Project, Project],
) -> None:
    repo, last, this = demo
    carried = [t for t in repo.find(Theme, project_id=this.id) if t.carried_from]
    priorities = [t for t in repo.find(Theme, project_id=last.id) if t.chosen]
    assert sorted(t.name or "" for t in carried) == sorted(t.name or "" for t in priorities)
    assert all(t.statement_ids == [] and not t.chosen for t in carried)
    carried_measures = [m for m in repo.find(Measure, project_id=this.id) if m.carried_from]
    assert carried_measures and {m.kind for m in carried_measures} == {MeasureKind.NUMBER, MeasureKind.WORDS}
    # (Statements of a few words, such as "Nothing", could be inside any sentence: those are left out.)
    last_words = {
        s.text for r in repo.find(Review, project_id=last.id) for s in r.statements if len(s.text) > 20
    }
    records = [*carried, *repo.find(SuccessStatement, project_id=this.id), *carried_measures]
    assert not any(words in record.model_dump_json() for words in last_words for record in records)


def test_the_comparison_and_the_other_themes_have_real_content(
    demo: tuple[MemoryRepository, Project, Project],
) -> None:
    repo, _, this = demo
    found = compare_cycles.comparison(repo, this.id)
    assert found is not None
    assert all(found.sizes[q] for q in Question)
    assert any(row.last and row.this for q in Question for row in found.sizes[q])  # themes heard both years
    assert found.priorities and found.measures
    assert all(m.points for m in found.measures)
    keep, gaps = keep_and_spread.keep_and_spread(repo, this.id), keep_and_spread.gaps(repo, this.id)
    assert keep and gaps and all(k.note for k in keep) and any(g.note for g in gaps)


def test_both_cycles_have_their_guests_follow_up_and_who_came_on_the_days_held(
    demo: tuple[MemoryRepository, Project, Project],
) -> None:
    repo, last, this = demo
    for cycle in (last, this):
        guests = repo.find(Participant, project_id=cycle.id)
        assert {g.perspective for g in guests} == set(ParticipantPerspective)
        held = sorted(d for d in cycle.workshop_dates if d < TODAY)
        assert held, f"{cycle.name}: no workshop day held yet"
        places = [p for g in guests for p in g.days if p.day in held]
        assert all(p.attended is not None for p in places)  # every day held has who came
        assert any(p.attended for p in places) and not all(p.attended for p in places)
        reviews = repo.find(Review, project_id=cycle.id)
        assert any(r.actions for r in reviews) and any(r.workshop.come is Come.YES for r in reviews)
    report = report_content.wtfc_report(repo, this.id, f.NOW).participation
    assert report is not None and any(d.came for d in report.days)
