"""The demo with its workshop runs in two cycles, as the method expects WTfC to run each year.

Last year's cycle is finished: reviews, the checkpoint, two workshop days, action plans, a year of readings,
the communication plan, the evaluation and the review. This year's cycle was started from it with "Start the
next cycle" (so its priorities, success statements and measures were carried forward as a baseline, never
anyone's words), then collected its own reviews, and has had its workshops: its actions are under way and
the measures carried from last year have been read again. Every date follows from today: the workshops come
before the actions, and the readings after the baselines.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from wtfc_collect.domain import AuditAction, Project, utc
from wtfc_collect.services.common import record_audit, updated
from wtfc_collect.services.workshop import learning_review
from wtfc_collect.storage.port import Repository

from . import (
    participation,
    project,
    workshop_planning,
    workshop_review,
    workshop_theming,
    workshop_understanding,
)
from .timeline import Timeline

ACTOR = "demo"
LAST_YEAR = timedelta(weeks=64)  # when last year's reviews were being collected, before today
THIS_YEAR = timedelta(weeks=12)  # when this year's were
REVIEW_AFTER = timedelta(weeks=34)  # from last year's second workshop day to its review
LAST_SEED = 100  # last year's reviews come from another seed, so the two years differ


def _workshop(repo: Repository, made: Project, when: Timeline, *, finished: bool) -> None:
    workshop_theming.seed(repo, made.id, when.day_one, when)
    workshop_understanding.seed(repo, made.id, when.day_one, when)
    workshop_planning.seed(repo, made.id, when.day_two, when)
    workshop_review.seed(repo, made.id, when.end, when, finished=finished)


def _collect(repo: Repository, at: datetime, reviews: int, seed: int, actor: str) -> Project:
    made, demo_reviews = project.build_demo(now=at, reviews=reviews, seed=seed)
    repo.save_all([made, *participation.follow_up(demo_reviews, at)])
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=made, now=at, reason="demo project")
    participation.seed(repo, made.id, at)
    return made


def install(repo: Repository, *, now: datetime, reviews: int, seed: int, actor: str) -> Project:
    """Add both cycles; returns this year's project (the one the screens open on)."""
    now = utc(now)
    last = _collect(repo, now - LAST_YEAR, reviews, seed + LAST_SEED, actor)
    first_day_two = max(last.workshop_dates)
    review_on = first_day_two + REVIEW_AFTER
    finished_at = datetime.combine(review_on + timedelta(days=2), datetime.min.time(), now.tzinfo)
    _workshop(repo, last, Timeline.of(last, finished_at + timedelta(hours=16), review_on), finished=True)
    participation.attendance(repo, last.id, finished_at)

    started = finished_at + timedelta(days=5, hours=10)
    this = learning_review.start_next_cycle(repo, last.id, actor=actor, now=started)
    built, this_reviews = project.build_demo(now=now - THIS_YEAR, reviews=reviews, seed=seed)
    # This year's dates, set in Step 1 as for any cycle (the sample plan's "when" names them).
    plan = this.sample_plan.model_copy(update={"when": built.sample_plan.when})
    dates = {"checkpoint_date": built.checkpoint_date, "workshop_dates": built.workshop_dates}
    this = repo.save(updated(this, {**dates, "sample_plan": plan.model_dump()}))
    moved = [r.model_copy(update={"project_id": this.id}) for r in this_reviews]
    repo.save_all(participation.follow_up(moved, now - THIS_YEAR))
    record_audit(
        repo, actor=actor, action=AuditAction.CREATE, record=this, now=now - THIS_YEAR, reason="demo reviews"
    )
    participation.seed(repo, this.id, now - THIS_YEAR)
    review_next = (now + timedelta(weeks=26)).date()
    _workshop(repo, this, Timeline.of(this, now, review_next), finished=False)
    participation.attendance(repo, this.id, now)
    return this
