"""Sections of the WTfC report about the chain and the cycle: the golden thread from people's words to each
action, what is working to keep and spread, the gaps in what is on offer for the future, Step 8 (the review
date, the communication plan and how each group found the process), and this cycle against the last one.

Numbers only about people, as in the rest of the report; the services choose the content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document as DocumentObject

from .common import heading, paragraph, safe, table


@dataclass(frozen=True)
class ThreadLine:
    """One action and what lies behind it and ahead of it, link by link."""

    action: str
    ideas: str
    root_causes: str
    theme: str
    statements: int
    people: int
    success: str = ""
    measures: str = ""
    status: str = ""


@dataclass(frozen=True)
class FollowUpLine:
    """A "working" or "future" theme, the people behind it, and the room's note on it."""

    name: str
    people: int
    note: str


@dataclass(frozen=True)
class CommunicationLine:
    audience: str
    message: str
    channel: str
    due: str
    done: bool


@dataclass(frozen=True)
class EvaluationLine:
    """One group's view of the process: its answers to the short questions and its notes."""

    perspective: str
    answers: list[tuple[str, str]]  # question, answer
    notes: list[tuple[str, str]]  # what the note is about, the note


@dataclass(frozen=True)
class SizeLine:
    question: str
    theme: str
    last: str  # "12 (30%)", or "–" when the theme was not there
    this: str
    change: str  # in percentage points, or "–"


@dataclass(frozen=True)
class PriorityLine:
    theme: str
    last: str  # "Priority, 14 dots" or "Not a priority" or "–"
    this: str


@dataclass(frozen=True)
class CarriedLine:
    theme: str
    measure: str
    start: str  # where it stood when the last cycle began
    now: str
    change: str
    readings: str  # every reading of both cycles, in date order


@dataclass(frozen=True)
class CycleComparison:
    last_name: str
    last_cycle: int
    this_cycle: int
    people: list[tuple[str, int, int]]  # question, people last cycle, people this cycle
    sizes: list[SizeLine]
    priorities: list[PriorityLine]
    measures: list[CarriedLine]


@dataclass(frozen=True)
class ReviewSections:
    keep: list[FollowUpLine] = field(default_factory=list)
    gaps: list[FollowUpLine] = field(default_factory=list)
    review_on: str = ""  # dd/mm/yyyy, or empty when not set
    finished_on: str = ""
    learned: str = ""
    communications: list[CommunicationLine] = field(default_factory=list)
    evaluations: list[EvaluationLine] = field(default_factory=list)
    comparison: CycleComparison | None = None


def _follow_ups(
    document: DocumentObject, title: str, intro: str, lines: list[FollowUpLine], col: str
) -> None:
    heading(document, title, 3)
    if not lines:
        paragraph(document, "Not done yet: no theme for this question yet.")
        return
    paragraph(document, intro)
    table(
        document,
        ["Theme", "People", col],
        [[line.name, str(line.people), line.note or "–"] for line in lines],
        (4, 1.2, 6),
    )


def keep_and_gaps(document: DocumentObject, sections: ReviewSections) -> None:
    heading(document, "What is working, and what is missing", 2)
    _follow_ups(
        document,
        "Keep and spread",
        "What is working for people is good practice: what to keep, and how it could reach more people.",
        sections.keep,
        "How we will keep it and spread it",
    )
    _follow_ups(
        document,
        "Gaps: what matters for the future",
        "What people want for their future, set against what is on offer now.",
        sections.gaps,
        "What is on offer now, and what is missing",
    )


def review(document: DocumentObject, sections: ReviewSections) -> None:
    heading(document, "Learning and review", 2)
    review_on = sections.review_on or "not set yet"
    finished = f" The cycle was finished on {sections.finished_on}." if sections.finished_on else ""
    paragraph(document, f"Review of progress: {review_on}.{finished}")
    if sections.learned.strip():
        heading(document, "What we learned", 3)
        paragraph(document, safe(sections.learned))
    heading(document, "Telling people: the communication plan", 3)
    if sections.communications:
        table(
            document,
            ["Who needs to know", "What", "How", "By when", "Done"],
            [
                [c.audience, c.message, c.channel, c.due or "–", "Yes" if c.done else "No"]
                for c in sections.communications
            ],
            (3, 4, 3, 1.8, 1.2),
        )
    else:
        paragraph(document, "Not done yet.")
    heading(document, "How the process went, for each group who took part", 3)
    if not sections.evaluations:
        paragraph(document, "Not done yet.")
    for line in sections.evaluations:
        heading(document, safe(line.perspective), 4)
        if line.answers:
            table(document, ["Question", "Answer"], [list(pair) for pair in line.answers], (5, 1.5))
        for about, note in line.notes:
            item = paragraph(document, style="List Bullet")
            item.add_run(safe(f"{about} ")).bold = True
            item.add_run(safe(note))


def comparison(document: DocumentObject, sections: ReviewSections) -> None:
    found = sections.comparison
    if found is None:
        return
    heading(document, f"This cycle and the last (cycle {found.last_cycle})", 2)
    paragraph(
        document,
        safe(
            f"Cycle {found.this_cycle} was started from “{found.last_name}”. People are counted afresh in "
            "each cycle: the share is of the people whose words on that question reached the workshop."
        ),
    )
    table(
        document,
        ["Question", f"People, cycle {found.last_cycle}", f"People, cycle {found.this_cycle}"],
        [[q, str(last), str(this)] for q, last, this in found.people],
        (4, 2, 2),
    )
    heading(document, "How big each theme is", 3)
    if found.sizes:
        table(
            document,
            ["Question", "Theme", f"Cycle {found.last_cycle}", f"Cycle {found.this_cycle}", "Change"],
            [[s.question, s.theme, s.last, s.this, s.change] for s in found.sizes],
            (2.2, 5, 1.8, 1.8, 1.6),
        )
    else:
        paragraph(document, "Not done yet: neither cycle has named themes.")
    heading(document, "Priorities", 3)
    if found.priorities:
        table(
            document,
            ["Theme", f"Cycle {found.last_cycle}", f"Cycle {found.this_cycle}"],
            [[p.theme, p.last, p.this] for p in found.priorities],
            (5, 2.5, 2.5),
        )
    else:
        paragraph(document, "Not done yet.")
    heading(document, "Measures carried forward", 3)
    if found.measures:
        table(
            document,
            ["Theme", "Measure", "At the start", "Now", "Change", "Readings"],
            [[m.theme, m.measure, m.start, m.now, m.change, m.readings] for m in found.measures],
            (2.5, 3.5, 1.6, 1.4, 1.4, 3.5),
        )
    else:
        paragraph(document, "No measure was carried forward from the last cycle.")


def thread(document: DocumentObject, lines: list[ThreadLine]) -> None:
    """The golden thread: for each action, a short table from people's words to the action."""
    heading(document, "The golden thread", 2)
    if not lines:
        paragraph(document, "Not done yet: there are no action plans to follow back.")
        return
    paragraph(
        document,
        "For each action, the chain from what people said to what is being done: the theme and how many "
        "people are behind it, the root cause, what success would look like, how we will know, and the "
        "idea the action came from.",
    )
    for t in lines:
        heading(document, safe(t.action), 3)
        table(
            document,
            ["Link", "What"],
            [
                ["People's words", f"{t.statements} statements from {t.people} people"],
                ["Theme", t.theme],
                ["Root cause", t.root_causes or "–"],
                ["Success", t.success or "–"],
                ["Measure", t.measures or "–"],
                ["Idea", t.ideas or "–"],
                ["Action", f"{t.action} ({t.status})" if t.status else t.action],
            ],
            (1, 4),
        )
