"""What the Step 8 documents say, on the demo's two cycles: the report's sections on what is working and
missing, learning and review, and this cycle against the last; and the one-page summary for leaders."""

from __future__ import annotations

import pytest

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.domain import ActionPlan, Measure, MeasureKind, Project, Theme
from wtfc_collect.services.reports import learning_review as documents
from wtfc_collect.services.reports.report_content import wtfc_report
from wtfc_collect.services.workshop import learning_review, priorities
from wtfc_collect.storage.memory import MemoryRepository


@pytest.fixture(scope="module")
def demo() -> tuple[MemoryRepository, Project, Project]:
    repo = MemoryRepository()
    this = demo_project(repo, now=f.NOW, reviews=24, workshop=True)
    last = repo.get(Project, this.previous_id or "")
    assert last is not None
    return repo, last, this


def test_the_report_has_every_theme_step_8_and_the_comparison(
    demo: tuple[MemoryRepository, Project, Project],
) -> None:
    repo, last, this = demo
    sections = documents.review_sections(repo, this.id)
    assert sections.keep and sections.gaps and all(line.people > 0 for line in sections.keep + sections.gaps)
    assert sections.review_on and not sections.finished_on
    assert [c.audience for c in sections.communications] == [
        c.audience for c in learning_review.communications(repo, this.id)
    ]
    assert sections.evaluations and all(e.answers and e.notes for e in sections.evaluations)
    found = sections.comparison
    assert found is not None and (found.last_cycle, found.this_cycle, found.last_name) == (1, 2, last.name)
    assert {q for q, _, _ in found.people} == {
        "What is working?",
        "What is not working?",
        "What is important to you for the future?",
    }
    assert found.sizes and any("points" in s.change for s in found.sizes)
    assert (
        found.priorities and found.measures and all(m.readings != "No readings yet" for m in found.measures)
    )
    first = documents.review_sections(repo, last.id)
    assert first.comparison is None and first.finished_on and first.learned  # the first cycle has no last


def test_a_measure_in_words_stands_at_what_people_said_last(
    demo: tuple[MemoryRepository, Project, Project],
) -> None:
    repo, _, this = demo
    report = wtfc_report(repo, this.id, f.NOW)
    words = [m for m in repo.find(Measure, project_id=this.id) if m.kind is MeasureKind.WORDS and m.heard]
    assert words
    lines = {line.measure: line for line in report.measures}
    for measure in words:
        latest = measure.latest_heard
        assert latest is not None and lines[measure.description].latest.startswith(f"“{latest.text}”")


def test_the_summary_gives_the_biggest_themes_the_priorities_and_the_actions(
    demo: tuple[MemoryRepository, Project, Project],
) -> None:
    repo, _, this = demo
    summary = documents.leaders_summary(repo, this.id, f.NOW)
    assert (summary.project, summary.cycle, summary.made_on) == (this.name, 2, f.NOW.date())
    assert summary.review_on == learning_review.cycle_review(repo, this.id).review_on
    assert {t.question for t in summary.biggest} == {
        "What is working?",
        "What is not working?",
        "What is important to you for the future?",
    }
    chosen = [t for t in repo.find(Theme, project_id=this.id) if t.chosen]
    assert sorted(p.name for p in summary.priorities) == sorted(t.name or "" for t in chosen)
    dots = [p.dots for p in summary.priorities]
    assert dots == sorted(dots, reverse=True) and all(p.root_causes for p in summary.priorities)
    assert {r.view.theme.id for r in priorities.results(repo, this.id) if r.dots} >= {t.id for t in chosen}
    actions = repo.find(ActionPlan, project_id=this.id)
    assert [a.title for a in summary.actions] == [a.title for a in actions]
    assert sum(n for _, n in summary.status_counts) == len(actions)
