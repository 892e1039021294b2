"""Working Together for Change runs in cycles, perhaps every year: what the next cycle carries forward from a
finished one, and how one cycle compares with the last.

A new cycle carries the last cycle's priority themes (their names), their success statements and their
measures, so they can be followed on as a baseline. It never carries what people said or whose review it
was: a carried theme holds no statements, and everything about people is counted afresh in each cycle
from its own reviews. No IO and no clock: the services pass records and times in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from .base import new_id, utc
from .project import Project
from .statement import Question
from .success import Measure, SuccessStatement
from .theme import ORDER, Theme

_CYCLE_SUFFIX = re.compile(r"\s*[(,–-]?\s*cycle\s+\d+\s*\)?\s*$", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def next_cycle_name(name: str, cycle: int) -> str:
    """The name offered for cycle ``cycle`` of a project: "Home care in Eastvale (cycle 2)"."""
    base = _CYCLE_SUFFIX.sub("", name).strip() or name.strip()
    return f"{base} (cycle {cycle})"


def next_cycle(last: Project, name: str, new_project_id: str, now: datetime) -> Project:
    """A new project for the next cycle of ``last``: its purpose, level, sample plan, teams, areas, groups
    and service types copied; dates left to be set (the checkpoint and the workshops come round again)."""
    return Project.model_validate(
        {
            **last.model_dump(
                include={
                    "purpose",
                    "level",
                    "sample_plan",
                    "teams",
                    "areas",
                    "groups",
                    "service_types",
                }
            ),
            "id": new_project_id,
            "name": name,
            "created_at": utc(now),
            "previous_id": last.id,
            "cycle": last.cycle + 1,
        }
    )


@dataclass(frozen=True)
class Carried:
    """Everything a new cycle starts with from the last one (and nothing about people)."""

    themes: tuple[Theme, ...]
    successes: tuple[SuccessStatement, ...]
    measures: tuple[Measure, ...]


def carry_forward(
    project_id: str,
    priorities: Iterable[Theme],
    successes: Iterable[SuccessStatement],
    measures: Iterable[Measure],
    now: datetime,
) -> Carried:
    """The last cycle's ``priorities`` as baseline themes of project ``project_id``, with their success
    statements and measures. A measure starts from where it stood (its latest reading, else its baseline);
    its readings, and the words heard, stay with the cycle they were taken in."""
    themes: list[Theme] = []
    carried_successes: list[SuccessStatement] = []
    carried_measures: list[Measure] = []
    by_theme: dict[str, list[SuccessStatement]] = {}
    for success in successes:
        by_theme.setdefault(success.theme_id, []).append(success)
    by_success: dict[str, list[Measure]] = {}
    for measure in measures:
        by_success.setdefault(measure.success_id, []).append(measure)
    for theme in priorities:
        if not theme.name:
            continue  # a theme nobody named is not a baseline anyone could follow
        new_theme = Theme(
            id=new_id(),
            project_id=project_id,
            question=theme.question,
            name=theme.name,
            created_at=utc(now),
            carried_from=theme.id,
        )
        themes.append(new_theme)
        for success in by_theme.get(theme.id, []):
            new_success = SuccessStatement(
                id=new_id(),
                project_id=project_id,
                theme_id=new_theme.id,
                perspective=success.perspective,
                perspective_name=success.perspective_name,
                text=success.text,
                carried_from=success.id,
            )
            carried_successes.append(new_success)
            carried_measures += [
                Measure(
                    id=new_id(),
                    project_id=project_id,
                    success_id=new_success.id,
                    description=m.description,
                    unit=m.unit,
                    baseline=m.where_it_stands,
                    kind=m.kind,
                    how_we_will_know=m.how_we_will_know,
                    carried_from=m.id,
                )
                for m in by_success.get(success.id, [])
            ]
    return Carried(tuple(themes), tuple(carried_successes), tuple(carried_measures))


# --- comparing two cycles ----------------------------------------------------------------------------
def theme_key(name: str | None) -> str:
    """What makes two theme names the same theme across cycles: case, apostrophes, quote marks, spaces
    and a full stop at the end are ignored."""
    text = (name or "").translate(_APOSTROPHES).casefold()
    text = re.sub(r"[\"“”]", "", text)
    return " ".join(text.split()).rstrip(".!").strip()


@dataclass(frozen=True)
class ThemeSize:
    """One theme of one cycle, as counted now: how many statements and different people are behind it."""

    theme_id: str
    question: Question
    name: str
    statements: int
    people: int
    chosen: bool
    last_cycle_theme_id: str | None = None  # for this cycle's themes: the one it was matched to by hand


@dataclass(frozen=True)
class SizeRow:
    """A theme in both cycles (or one of them), with the share of that question's people behind it."""

    question: Question
    name: str
    last: ThemeSize | None
    this: ThemeSize | None
    last_share: float | None  # % of the people whose words on this question reached the workshop
    this_share: float | None

    @property
    def change(self) -> float | None:
        """The change in share, in percentage points; None unless the theme is in both cycles."""
        if self.last_share is None or self.this_share is None:
            return None
        return self.this_share - self.last_share


def _share(size: ThemeSize | None, people: Mapping[Question, int]) -> float | None:
    if size is None:
        return None
    total = people.get(size.question, 0)
    return 100.0 * size.people / total if total else 0.0


def compare_sizes(
    last: Sequence[ThemeSize],
    this: Sequence[ThemeSize],
    last_people: Mapping[Question, int],
    this_people: Mapping[Question, int],
) -> list[SizeRow]:
    """Each theme of either cycle once, by question: a theme of this cycle goes with the last cycle's theme
    it was matched to by hand, else with the one of the same name. Biggest first (in either cycle)."""
    rows: list[SizeRow] = []
    by_id = {size.theme_id: size for size in last}
    by_key = {(size.question, theme_key(size.name)): size for size in last}
    used: set[str] = set()
    for size in this:
        match = by_id.get(size.last_cycle_theme_id or "")
        if match is None or match.question is not size.question:
            match = by_key.get((size.question, theme_key(size.name)))
        if match is not None and match.theme_id in used:
            match = None
        if match is not None:
            used.add(match.theme_id)
        rows.append(
            SizeRow(
                size.question,
                size.name,
                match,
                size,
                _share(match, last_people),
                _share(size, this_people),
            )
        )
    rows += [
        SizeRow(size.question, size.name, size, None, _share(size, last_people), None)
        for size in last
        if size.theme_id not in used
    ]

    def biggest(row: SizeRow) -> tuple[int, float, str]:
        share = max(row.last_share or 0.0, row.this_share or 0.0)
        return ORDER.index(row.question), -share, theme_key(row.name)

    return sorted(rows, key=biggest)


@dataclass(frozen=True)
class MeasurePoint:
    """One reading (or words heard) of a measure followed over two cycles."""

    on: date
    cycle: int
    value: float | None = None
    words: str = ""


def history(last: Measure | None, this: Measure, last_cycle: int, this_cycle: int) -> list[MeasurePoint]:
    """A carried measure's readings (or what was heard) in the last cycle and in this one, oldest first."""
    points: list[MeasurePoint] = []
    for measure, cycle in ((last, last_cycle), (this, this_cycle)):
        if measure is None:
            continue
        points += [MeasurePoint(r.on, cycle, value=r.value) for r in measure.readings]
        points += [MeasurePoint(h.on, cycle, words=h.text) for h in measure.heard]
    return sorted(points, key=lambda p: (p.on, p.cycle))
