"""Builders for workshop tests (Steps 6 to 8): statements that may reach a workshop, chosen themes, root
causes and measures, and a demo project worked through to the end of Step 5 without the card call seed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.demo import workshop_planning, workshop_review, workshop_understanding
from wtfc_collect.demo.timeline import Timeline
from wtfc_collect.domain import (
    COLLECTIONS,
    AuditEvent,
    Measure,
    Perspective,
    Project,
    Question,
    Review,
    RootCause,
    SuccessStatement,
    Theme,
    TriageStatus,
    WhyStep,
    new_id,
)
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.collect.reviews import get_review, submit_review
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository

ACTOR = "Fran (facilitator)"
_counter = iter(range(1, 100_000))


def make_ready(repo: Repository, review: Review, questions: Iterable[Question] = tuple(Question)) -> Review:
    """Accept the person's top two (for ``questions``); confirm workshop copies without personal data."""
    for question in questions:
        for statement in review.prioritised(question):
            check_statements.triage_statement(
                repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=ACTOR, now=f.NOW
            )
            text = check_statements.propose_workshop_text(statement).text
            check_statements.confirm_workshop_text(
                repo, review.id, statement.id, text, actor=ACTOR, now=f.NOW
            )
    stored = repo.get(Review, review.id)
    assert stored is not None
    return stored


def ready_review(repo: Repository, project_id: str, **overrides: Any) -> Review:
    """A complete review sent in with consent, whose top twos may all go to a workshop."""
    review = f.complete_review(project_id, person_ref=f"P-{next(_counter):04d}", **overrides)
    repo.save(review)
    submit_review(repo, review.id, actor=ACTOR, now=f.NOW)
    return make_ready(repo, get_review(repo, review.id))


def top(review: Review, question: Question = Question.NOT_WORKING, place: int = 1) -> str:
    """The id of the person's first (or second) choice for ``question``."""
    return review.prioritised(question)[place - 1].id


def chosen_theme(
    repo: Repository,
    project_id: str,
    name: str,
    statement_ids: Iterable[str],
    question: Question = Question.NOT_WORKING,
    chosen: bool = True,
) -> Theme:
    theme = Theme(
        id=new_id(),
        project_id=project_id,
        question=question,
        name=name,
        statement_ids=list(statement_ids),
        chosen=chosen,
        created_at=f.NOW,
    )
    return repo.save(theme)


def root_cause(repo: Repository, theme: Theme, cause: str, taken_forward: bool = True) -> RootCause:
    """A one-step chain ending in ``cause``, taken forward (so ideas and success may be about it) unless
    told otherwise."""
    chain = [WhyStep(why="Why does this happen?", because=cause)]
    return repo.save(
        RootCause(
            id=new_id(),
            project_id=theme.project_id,
            theme_id=theme.id,
            chain=chain,
            cause=cause,
            taken_forward=taken_forward,
        )
    )


def measure(repo: Repository, theme: Theme, description: str, baseline: float | None = None) -> Measure:
    success = repo.save(
        SuccessStatement(
            id=new_id(),
            project_id=theme.project_id,
            theme_id=theme.id,
            perspective=Perspective.PEOPLE,
            text="I know who is coming and when",
        )
    )
    return repo.save(
        Measure(
            id=new_id(),
            project_id=theme.project_id,
            success_id=success.id,
            description=description,
            baseline=baseline,
        )
    )


# --- the demo, up to the end of Step 5, without the card call seed ------------------------------------
DEMO_THEMES = (
    ("I never know who is coming or when", r"\b(carers?|staff|times?|different|changing|visit)\b"),
    ("I am lonely", r"\b(own|lonely|friends|nobody|weekends?|boring|company)\b"),
    ("I can't get out and about", r"\b(bus|taxis?|out|drive|lifts?|dark)\b"),
)


def timeline(now: datetime = f.NOW) -> Timeline:
    """Workshops a month before ``now``, the review half a year after it."""
    return Timeline(
        now - timedelta(days=40),
        now - timedelta(days=30),
        now - timedelta(days=28),
        now,
        (now + timedelta(days=180)).date(),
    )


def demo_to_step_5(repo: Repository, now: datetime = f.NOW) -> Project:
    """The demo project with its "not working" top twos ready, three chosen themes named as the demo card
    call names them (placed by keywords), and Steps 4 and 5 from their own chains in the demo's bank."""
    project = demo_project(repo, now=now, reviews=40)
    placed: dict[str, list[str]] = {name: [] for name, _ in DEMO_THEMES}
    for review in repo.find(Review, project_id=project.id):
        if not review.usable:
            continue
        ready = make_ready(repo, review, [Question.NOT_WORKING])
        for statement in ready.prioritised(Question.NOT_WORKING):
            for name, pattern in DEMO_THEMES:
                if re.search(pattern, statement.card_text, re.IGNORECASE):
                    placed[name].append(statement.id)
                    break
    for name, ids in placed.items():
        chosen_theme(repo, project.id, name, ids)
    workshop_understanding.seed(repo, project.id, now, timeline(now))
    return project


def demo_workshop(now: datetime = f.NOW) -> tuple[MemoryRepository, Project]:
    """The demo worked through Step 8 (Step 3 stood in for, then the demo's own seeds), in memory."""
    repo = MemoryRepository()
    project = demo_to_step_5(repo, now)
    workshop_planning.seed(repo, project.id, now, timeline(now))
    workshop_review.seed(repo, project.id, now, timeline(now))
    return repo, project


def copy_into(source: Repository, target: Repository) -> None:
    """Every record of ``source`` into ``target`` in one write (a file store is slow to fill one by one)."""
    records = [
        record.model_copy(update={"revision": 0})
        for kind in COLLECTIONS
        if kind is not AuditEvent
        for record in source.find(kind)
    ]
    target.save_all(records)
