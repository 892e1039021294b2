"""This cycle against the last one: how big each theme is for each question, the priorities, and where each
measure carried forward has got to over both cycles. Also the line of cycles a project belongs to.

Everything about people is counted afresh in each cycle from its own cards (the checked workshop copies that
may still be shown), so a review withdrawn in either cycle drops out of the comparison at once. Themes go
together across cycles when the room matched them by hand, or when they have the same name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from wtfc_collect.domain import (
    AuditAction,
    DomainError,
    Measure,
    Project,
    Question,
    SuccessStatement,
    Theme,
)
from wtfc_collect.domain.cycle import MeasurePoint, SizeRow, ThemeSize, compare_sizes, history
from wtfc_collect.domain.theme import ORDER
from wtfc_collect.services.access import FACILITATORS, STAFF, guard
from wtfc_collect.services.common import record_audit, updated
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.services.workshop import priorities
from wtfc_collect.services.workshop.themes import ThemeView, cards, list_themes
from wtfc_collect.storage.port import ConflictError, Repository


# --- the line of cycles -----------------------------------------------------------------------------------
@guard(STAFF)
def cycles(repo: Repository, project_id: str) -> list[Project]:
    """Every cycle of the project's line, oldest first: the cycles it was started from, itself, and the
    cycles started from it."""
    project = get_project(repo, project_id)
    line = [project]
    seen = {project.id}
    while line[0].previous_id and line[0].previous_id not in seen:
        earlier = repo.get(Project, line[0].previous_id)
        if earlier is None:
            break
        line.insert(0, earlier)
        seen.add(earlier.id)
    while True:
        later = [p for p in repo.find(Project, previous_id=line[-1].id) if p.id not in seen]
        if not later:
            return line
        line.append(later[0])
        seen.add(later[0].id)


# --- the comparison ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PriorityRow:
    """A priority of either cycle: the theme in both (or one), and the dots it got in each."""

    row: SizeRow
    last_dots: int | None
    this_dots: int | None


@dataclass(frozen=True)
class CarriedMeasure:
    """A measure carried into this cycle, with the theme and success statement it belongs to, and its
    readings (or words heard) in the last cycle and in this one."""

    theme: str
    success: str
    measure: Measure  # this cycle's
    origin: Measure | None  # the last cycle's (None if it was removed there)
    points: tuple[MeasurePoint, ...]

    @property
    def first_baseline(self) -> float | None:
        """Where it stood when the last cycle began."""
        return self.origin.baseline if self.origin else self.measure.baseline

    @property
    def now(self) -> float | None:
        return self.measure.where_it_stands

    @property
    def change(self) -> float | None:
        """From the last cycle's baseline to now, over both cycles; None until both are known."""
        if self.first_baseline is None or self.now is None:
            return None
        return self.now - self.first_baseline


@dataclass(frozen=True)
class Comparison:
    this: Project
    last: Project
    people: dict[Question, tuple[int, int]]  # people whose words on the question reached the workshop
    sizes: dict[Question, list[SizeRow]]
    priorities: list[PriorityRow]
    measures: list[CarriedMeasure]


def _sizes(views: Sequence[ThemeView]) -> list[ThemeSize]:
    return [
        ThemeSize(
            v.theme.id,
            v.theme.question,
            v.theme.name or "",
            v.statements,
            v.people,
            v.theme.chosen,
            v.theme.last_cycle_theme_id,
        )
        for v in views
        if v.statements and v.theme.name
    ]


def _people(repo: Repository, project_id: str) -> dict[Question, int]:
    found: dict[Question, set[str]] = {q: set() for q in Question}
    for card in cards(repo, project_id).values():
        found[card.question].add(card.review_id)
    return {q: len(reviews) for q, reviews in found.items()}


def _dots(repo: Repository, project_id: str) -> dict[str, int]:
    return {r.view.theme.id: r.dots for r in priorities.results(repo, project_id)}


def _carried_measures(repo: Repository, this: Project) -> list[CarriedMeasure]:
    themes = {t.id: t for t in repo.find(Theme, project_id=this.id)}
    successes = {s.id: s for s in repo.find(SuccessStatement, project_id=this.id)}
    found = []
    for measure in repo.find(Measure, project_id=this.id):
        if measure.carried_from is None:
            continue
        origin = repo.get(Measure, measure.carried_from)
        success = successes.get(measure.success_id)
        theme = themes.get(success.theme_id) if success else None
        found.append(
            CarriedMeasure(
                (theme.name or "") if theme else "",
                success.text if success else "",
                measure,
                origin,
                tuple(history(origin, measure, this.cycle - 1, this.cycle)),
            )
        )
    return found


@guard(FACILITATORS)
def last_cycle(repo: Repository, project_id: str) -> Project | None:
    """The cycle this one was started from (None for a first cycle, or if it has been removed)."""
    project = get_project(repo, project_id)
    return repo.get(Project, project.previous_id) if project.previous_id else None


@guard(FACILITATORS)
def comparison(repo: Repository, project_id: str) -> Comparison | None:
    """This cycle against the one it was started from; None for a first cycle."""
    this = get_project(repo, project_id)
    last = last_cycle(repo, project_id)
    if last is None:
        return None
    last_views, this_views = list_themes(repo, last.id), list_themes(repo, this.id)
    last_people, this_people = _people(repo, last.id), _people(repo, this.id)
    rows = compare_sizes(_sizes(last_views), _sizes(this_views), last_people, this_people)
    last_dots, this_dots = _dots(repo, last.id), _dots(repo, this.id)
    return Comparison(
        this=this,
        last=last,
        people={q: (last_people[q], this_people[q]) for q in ORDER},
        sizes={q: [r for r in rows if r.question is q] for q in ORDER},
        priorities=[
            PriorityRow(
                row,
                last_dots.get(row.last.theme_id) if row.last else None,
                this_dots.get(row.this.theme_id) if row.this else None,
            )
            for row in rows
            if (row.last and row.last.chosen) or (row.this and row.this.chosen)
        ],
        measures=_carried_measures(repo, this),
    )


# --- matching a theme to the last cycle's by hand ------------------------------------------------------
@guard(FACILITATORS)
def last_cycle_themes(repo: Repository, project_id: str, question: Question) -> list[Theme]:
    """The last cycle's named themes of one question, to match this cycle's themes to."""
    last = last_cycle(repo, project_id)
    if last is None:
        return []
    return [v.theme for v in list_themes(repo, last.id, question) if v.theme.name and v.statements]


@guard(FACILITATORS)
def match_theme(
    repo: Repository, theme_id: str, last_theme_id: str | None, *, actor: str, now: datetime
) -> Theme:
    """Say which of the last cycle's themes this theme is the same as (None: go by the names)."""
    theme = repo.get(Theme, theme_id)
    if theme is None or theme.carried_from is not None:
        raise DomainError("That theme could not be found. It may have been merged or removed.", "match")
    if last_theme_id is not None:
        options = {t.id for t in last_cycle_themes(repo, theme.project_id, theme.question)}
        if last_theme_id not in options:
            raise DomainError("Choose one of the last cycle's themes for the same question.", "match")
    try:
        saved = repo.save(updated(theme, {"last_cycle_theme_id": last_theme_id}))
    except ConflictError:
        raise DomainError("Someone changed this theme meanwhile. Look at it again.", "match") from None
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="matched to last cycle"
    )
    return saved
