"""Themes in numbers: how big each theme is per question, and how theme shares compare by area and by
group, as the 2009 guide's bar charts do. Counted afresh from the statements that may go to a workshop."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from wtfc_collect.domain import Question, Theme
from wtfc_collect.domain.golden_thread import evidence
from wtfc_collect.domain.theme import Card
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.workshop.themes import cards as cards_now
from wtfc_collect.storage.port import Repository

NOT_RECORDED = "Not recorded"
UNNAMED = "Not named yet"
Segment = Literal["area", "group"]


def percent(part: int, whole: int) -> int:
    """``part`` of ``whole`` as a whole percentage (0 when there is nothing to share)."""
    return round(100 * part / whole) if whole else 0


def theme_label(theme: Theme) -> str:
    return theme.name or UNNAMED


@dataclass(frozen=True)
class ThemeSize:
    theme_id: str
    name: str
    question: Question
    statements: int
    people: int
    share: int  # percent of the question's statements placed in themes
    chosen: bool


def _themes(repo: Repository, project_id: str, question: Question) -> list[Theme]:
    """This cycle's themes of one question (not the last cycle's priorities carried in as a baseline)."""
    return [t for t in repo.find(Theme, project_id=project_id, question=question) if t.carried_from is None]


@guard(FACILITATORS)
def theme_sizes(repo: Repository, project_id: str, question: Question) -> list[ThemeSize]:
    """Each theme of one question with how many statements and people are in it, biggest first."""
    cards = cards_now(repo, project_id, question)
    found = [(theme, evidence(theme, cards)) for theme in _themes(repo, project_id, question)]
    placed = sum(e.statements for _, e in found)
    sizes = [
        ThemeSize(
            t.id, theme_label(t), question, e.statements, e.people, percent(e.statements, placed), t.chosen
        )
        for t, e in found
    ]
    return sorted(sizes, key=lambda s: -s.statements)


@dataclass(frozen=True)
class ShareRow:
    theme_id: str
    theme: str
    segment: str
    statements: int
    share: int  # percent of that segment's statements placed in this question's themes


@dataclass(frozen=True)
class ShareTable:
    """Theme shares for each area (or group): which part of what people there said sits in each theme."""

    segments: list[str]  # areas or groups, with how many statements each has in themes
    totals: dict[str, int]
    rows: list[ShareRow]

    def wide(self) -> list[dict[str, str | int]]:
        """One row per theme, one column per segment ("12 % (3)"): the table beside the chart."""
        table: dict[str, dict[str, str | int]] = {}
        for row in self.rows:
            line = table.setdefault(row.theme_id, {"Theme": row.theme})
            line[row.segment] = f"{row.share} % ({row.statements})"
        return list(table.values())


def _segment_of(card: Card, by: Segment) -> str:
    return (card.area if by == "area" else card.group) or NOT_RECORDED


@guard(FACILITATORS)
def theme_shares(repo: Repository, project_id: str, question: Question, by: Segment) -> ShareTable:
    """For each area (``by="area"``) or group (``by="group"``), each theme's share of its statements."""
    cards = cards_now(repo, project_id, question)
    themes = sorted(
        ((t, evidence(t, cards)) for t in _themes(repo, project_id, question)), key=lambda p: -p[1].statements
    )
    totals: Counter[str] = Counter()
    per_theme: list[tuple[Theme, Counter[str]]] = []
    for theme, found in themes:
        counts = Counter(_segment_of(card, by) for card in found.cards)
        totals.update(counts)
        per_theme.append((theme, counts))
    segments = sorted(totals, key=lambda s: (s == NOT_RECORDED, s))
    rows = [
        ShareRow(
            theme.id, theme_label(theme), segment, counts[segment], percent(counts[segment], totals[segment])
        )
        for theme, counts in per_theme
        for segment in segments
    ]
    return ShareTable(segments, dict(totals), rows)
