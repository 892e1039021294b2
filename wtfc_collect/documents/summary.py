"""A one-page summary for leaders (Step 8): the biggest themes, the priorities, the actions and where they
stand, and the date of the next review. For the busy reader who will not open the full report.

Numbers only about people, and the themes in the room's "I" words: no statement, name or reference. Lists are
kept short (and long lines cut) so that the summary stays on one A4 page; the full report has the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from docx.shared import Cm, Pt

from .common import heading, new_document, paragraph, safe, table, to_bytes

BIGGEST = 2  # themes of each question
PRIORITIES = 5
ACTIONS = 8
LONGEST = 110  # characters of a theme, root cause or action shown


@dataclass(frozen=True)
class SummaryTheme:
    question: str
    name: str
    people: int


@dataclass(frozen=True)
class SummaryPriority:
    name: str
    people: int
    dots: int
    root_causes: list[str]  # the top root causes taken forward


@dataclass(frozen=True)
class SummaryAction:
    title: str
    theme: str
    lead: str
    status: str


@dataclass(frozen=True)
class LeadersSummary:
    project: str
    cycle: int
    made_on: date
    purpose: str
    people: int  # reviews sent in with consent, not withdrawn
    statements: int  # statements that reached the workshop
    biggest: list[SummaryTheme]
    priorities: list[SummaryPriority]
    actions: list[SummaryAction]
    review_on: date | None = None
    status_counts: list[tuple[str, int]] = field(default_factory=list)  # status, how many actions


def cut(text: str, limit: int = LONGEST) -> str:
    """One line of at most ``limit`` characters (an ellipsis shows where it was cut)."""
    line = " ".join(safe(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def build_summary(summary: LeadersSummary) -> bytes:
    title = f"Summary for leaders: {summary.project}"
    document = new_document(title, base_size=9)
    for section in document.sections:
        section.top_margin = section.bottom_margin = Cm(1.5)
    for level, size in ((1, 15), (2, 11)):
        style = document.styles[f"Heading {level}"]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(8 if level == 2 else 0)
        style.paragraph_format.space_after = Pt(3)
    heading(document, cut(title, 90), 1)
    paragraph(document, f"Cycle {summary.cycle}. Made on {summary.made_on:%d/%m/%Y}.")
    if summary.purpose.strip():
        paragraph(document, cut(summary.purpose, 300))
    paragraph(
        document,
        f"{summary.people} people told us what is working, what is not working and what matters for the "
        f"future; {summary.statements} of their statements reached the workshops. Nobody is named here.",
    )
    heading(document, "The biggest themes", 2)
    if summary.biggest:
        table(
            document,
            ["Question", "Theme, in people's words", "People"],
            [[t.question, cut(t.name), str(t.people)] for t in summary.biggest],
            (3, 7, 1.2),
        )
    else:
        paragraph(document, "Not done yet: no statements have been put into themes.")
    heading(document, "Priorities", 2)
    if summary.priorities:
        table(
            document,
            ["Priority", "People", "Dots", "The top root cause"],
            [
                [
                    cut(p.name, 70),
                    str(p.people),
                    str(p.dots),
                    cut(p.root_causes[0], 100) if p.root_causes else "–",
                ]
                for p in summary.priorities[:PRIORITIES]
            ],
            (4, 1.5, 1.1, 6.5),
        )
    else:
        paragraph(document, "Not done yet: no theme has been taken forward.")
    heading(document, "Actions and where they stand", 2)
    if summary.actions:
        if summary.status_counts:
            paragraph(document, "; ".join(f"{name}: {count}" for name, count in summary.status_counts) + ".")
        table(
            document,
            ["Action", "Priority", "Lead", "Status"],
            [
                [cut(a.title, 60), cut(a.theme, 50), cut(a.lead, 36) or "–", a.status]
                for a in summary.actions[:ACTIONS]
            ],
            (4.2, 3.8, 3, 1.7),
        )
        if len(summary.actions) > ACTIONS:
            paragraph(document, f"And {len(summary.actions) - ACTIONS} more actions in the full report.")
    else:
        paragraph(document, "Not done yet: no action plan has been made.")
    review = f"{summary.review_on:%d/%m/%Y}" if summary.review_on else "not set yet"
    paragraph(document, f"Next review of progress: {review}. The WTfC report has the whole story.")
    return to_bytes(document)
