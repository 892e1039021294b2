"""What the Step 8 documents say: the one-page summary for leaders, and the WTfC report's sections on what is
working and what is missing, on learning and review, and on this cycle against the last.

Numbers only about people; their words only as the themes' "I" statements the room named (the report's
priorities section quotes confirmed workshop copies, chosen in ``report_content``).
"""

from __future__ import annotations

from datetime import date, datetime

from wtfc_collect.documents.report_review import (
    CarriedLine,
    CommunicationLine,
    CycleComparison,
    EvaluationLine,
    FollowUpLine,
    PriorityLine,
    ReviewSections,
    SizeLine,
)
from wtfc_collect.documents.summary import LeadersSummary, SummaryAction, SummaryPriority, SummaryTheme
from wtfc_collect.domain import Evaluation, Perspective, Review
from wtfc_collect.domain.cycle import SizeRow, ThemeSize
from wtfc_collect.domain.plan import ACTION_STATUS_LABELS
from wtfc_collect.domain.progress_review import (
    EVALUATION_ANSWER_LABELS,
    EVALUATION_NOTES,
    EVALUATION_QUESTIONS,
)
from wtfc_collect.domain.success import PERSPECTIVE_LABELS
from wtfc_collect.domain.theme import ORDER
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.services.workshop import (
    compare_cycles,
    golden_thread,
    keep_and_spread,
    learning_review,
    priorities,
    understand,
)
from wtfc_collect.services.workshop.compare_cycles import CarriedMeasure, Comparison
from wtfc_collect.services.workshop.keep_and_spread import FollowUp
from wtfc_collect.services.workshop.progress_review import status_counts
from wtfc_collect.services.workshop.themes import cards, list_themes
from wtfc_collect.storage.port import Repository

BIGGEST = 2


def day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def figure(value: float | None, unit: str | None = None, *, sign: bool = False) -> str:
    """ "1,500,000", "40.5", "+3" (at most two decimals), with the unit if there is one; "–" if unknown."""
    if value is None:
        return "–"
    text = f"{value:{'+' if sign else ''},.2f}".rstrip("0").rstrip(".")
    return text + (f" {unit}" if unit else "")


def perspective_name(evaluation: Evaluation) -> str:
    if evaluation.perspective is Perspective.OTHER:
        return evaluation.perspective_name or "Other"
    return PERSPECTIVE_LABELS[evaluation.perspective]


# --- the summary for leaders ------------------------------------------------------------------------------
@guard(FACILITATORS)
def leaders_summary(repo: Repository, project_id: str, now: datetime) -> LeadersSummary:
    project = get_project(repo, project_id)
    shown = cards(repo, project_id)
    biggest: list[SummaryTheme] = []
    for question in ORDER:
        views = [v for v in list_themes(repo, project_id, question) if v.theme.name and v.people]
        views.sort(key=lambda v: (-v.people, -v.statements))
        biggest += [SummaryTheme(question.label, v.theme.name or "", v.people) for v in views[:BIGGEST]]
    dots = {r.view.theme.id: r.dots for r in priorities.results(repo, project_id)}
    chosen = priorities.chosen_themes(repo, project_id)
    chosen.sort(key=lambda v: -dots.get(v.theme.id, 0))
    themes = {v.theme.id: v.theme for v in chosen}
    actions = golden_thread.action_plans(repo, project_id)
    counts = status_counts(actions)
    reviews = [r for r in repo.find(Review, project_id=project_id) if r.usable]
    return LeadersSummary(
        project=project.name,
        cycle=project.cycle,
        made_on=now.date(),
        purpose=project.purpose,
        people=len(reviews),
        statements=len(shown),
        biggest=biggest,
        priorities=[
            SummaryPriority(
                v.theme.name or "",
                v.people,
                dots.get(v.theme.id, 0),
                [c.cause for c in understand.forward_causes(repo, v.theme.id)],
            )
            for v in chosen
        ],
        actions=[
            SummaryAction(
                a.title,
                (themes[a.theme_id].name or "") if a.theme_id in themes else "",
                a.lead or "",
                ACTION_STATUS_LABELS[a.status],
            )
            for a in actions
        ],
        review_on=learning_review.cycle_review(repo, project_id).review_on,
        status_counts=[(ACTION_STATUS_LABELS[s], n) for s, n in counts.items() if n],
    )


# --- the WTfC report's sections -----------------------------------------------------------------------------
def _follow_up(found: FollowUp) -> FollowUpLine:
    return FollowUpLine(found.theme.name or "A theme with no name yet", found.people, found.note)


def _evaluation(evaluation: Evaluation) -> EvaluationLine:
    return EvaluationLine(
        perspective_name(evaluation),
        [
            (question, EVALUATION_ANSWER_LABELS[evaluation.answers[key]])
            for key, question in EVALUATION_QUESTIONS.items()
            if key in evaluation.answers
        ],
        [
            (about, str(getattr(evaluation, key)).strip())
            for key, about in EVALUATION_NOTES.items()
            if str(getattr(evaluation, key)).strip()
        ],
    )


def _size(size: ThemeSize | None, share: float | None) -> str:
    if size is None or share is None:
        return "–"
    people = "1 person" if size.people == 1 else f"{size.people} people"
    return f"{people} ({share:.0f}%)"


def _size_line(row: SizeRow) -> SizeLine:
    change = "–" if row.change is None else f"{row.change:+.0f} points"
    return SizeLine(
        row.question.label, row.name, _size(row.last, row.last_share), _size(row.this, row.this_share), change
    )


def _priority(size: ThemeSize | None, dots: int | None) -> str:
    if size is None:
        return "–"
    if not size.chosen:
        return f"Not a priority ({dots or 0} dots)"
    return f"Priority ({dots or 0} dots)"


def _readings(found: CarriedMeasure) -> str:
    unit = found.measure.unit
    return "; ".join(
        f"{p.on:%d/%m/%Y}: " + (figure(p.value, unit) if p.value is not None else f"“{p.words}”")
        for p in found.points
    )


def _carried(found: CarriedMeasure) -> CarriedLine:
    unit = found.measure.unit
    return CarriedLine(
        found.theme,
        found.measure.description,
        figure(found.first_baseline, unit),
        figure(found.now, unit),
        figure(found.change, unit, sign=True),
        _readings(found) or "No readings yet",
    )


def _comparison(found: Comparison) -> CycleComparison:
    return CycleComparison(
        last_name=found.last.name,
        last_cycle=found.last.cycle,
        this_cycle=found.this.cycle,
        people=[(q.label, *found.people[q]) for q in ORDER],
        sizes=[_size_line(row) for q in ORDER for row in found.sizes[q]],
        priorities=[
            PriorityLine(p.row.name, _priority(p.row.last, p.last_dots), _priority(p.row.this, p.this_dots))
            for p in found.priorities
        ],
        measures=[_carried(m) for m in found.measures],
    )


@guard(FACILITATORS)
def review_sections(repo: Repository, project_id: str) -> ReviewSections:
    """What is working and missing, Step 8, and the comparison with the last cycle, for the WTfC report."""
    review = learning_review.cycle_review(repo, project_id)
    found = compare_cycles.comparison(repo, project_id)
    return ReviewSections(
        keep=[_follow_up(f) for f in keep_and_spread.keep_and_spread(repo, project_id)],
        gaps=[_follow_up(f) for f in keep_and_spread.gaps(repo, project_id)],
        review_on=day(review.review_on),
        finished_on=day(review.finished_on),
        learned=review.summary,
        communications=[
            CommunicationLine(c.audience, c.message, c.channel, day(c.due), c.done)
            for c in learning_review.communications(repo, project_id)
        ],
        evaluations=[_evaluation(e) for e in learning_review.evaluations(repo, project_id) if not e.empty],
        comparison=_comparison(found) if found else None,
    )
