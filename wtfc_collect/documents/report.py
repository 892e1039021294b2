"""The Working Together for Change report (Step 8): why the project was run, who took part, what people
said, the priorities, root causes, success, ideas, action plans and the golden thread that ties an action
back to the words behind it.

Numbers only about the people who took part: no names and no references. The only words of theirs are
workshop copies a person has confirmed, chosen by the service that fills in ``WtfcReport``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from docx.document import Document as DocumentObject

from .common import heading, new_document, paragraph, safe, table, to_bytes
from .report_participation import (
    VotesByPerspective,
    WorkshopParticipation,
    participation_section,
    votes_by_perspective_section,
)
from .report_review import ReviewSections, ThreadLine, comparison, keep_and_gaps, review, thread

NOT_YET = "Not done yet."


@dataclass(frozen=True)
class Count:
    """A label and how many: reviews of one team, statements of one question."""

    name: str
    count: int


@dataclass(frozen=True)
class ThemeLine:
    name: str
    statements: int
    people: int
    chosen: bool


@dataclass(frozen=True)
class QuestionThemes:
    """The themes of one question, biggest first, with the statements placed in them."""

    question: str
    statements: int  # statements of this question that may go to the workshop
    themes: list[ThemeLine]


@dataclass(frozen=True)
class VoteLine:
    theme: str
    dots: int
    voters: int
    chosen: bool


@dataclass(frozen=True)
class ChainLine:
    """One five-whys chain: its steps (why, because), the root cause it ends in and the dots on it."""

    number: int
    steps: list[tuple[str, str]]
    cause: str
    dots: int
    taken_forward: bool = False


@dataclass(frozen=True)
class SuccessLine:
    perspective: str
    text: str
    measures: list[str]
    cause: str = ""  # the root cause it puts right ("" for the theme as a whole)


@dataclass(frozen=True)
class IdeaLine:
    text: str
    kind: str
    dots: int
    chosen: bool


@dataclass(frozen=True)
class PriorityTheme:
    """A theme taken forward, with what people said in it and the work of Steps 4 to 6 on it."""

    name: str
    question: str
    statements: int
    people: int
    said: list[str]  # confirmed workshop copies only
    chains: list[ChainLine]
    success: list[SuccessLine]
    already_happening: list[str]
    ideas: list[IdeaLine]


@dataclass(frozen=True)
class GridLine:
    quadrant: str
    idea: str
    theme: str
    cost: str
    impact: str


@dataclass(frozen=True)
class ActionLine:
    title: str
    theme: str
    status: str
    answers: list[tuple[str, str]]  # planning question, answer (only those answered)


@dataclass(frozen=True)
class MeasureLine:
    theme: str
    measure: str
    baseline: str
    latest: str
    change: str


@dataclass(frozen=True)
class WtfcReport:
    project: str
    purpose: str
    made_on: date
    scope: list[tuple[str, str]]  # what, and its answer (level, the sample plan, dates)
    reviews: int  # sent in with consent, not withdrawn
    by_mode: list[Count]
    by_team: list[Count]
    by_area: list[Count]
    by_group: list[Count]
    statements: list[Count]  # per question, statements that may go to the workshop
    questions: list[QuestionThemes]
    votes: list[VoteLine]
    voters: int
    dots_per_person: int
    priorities: list[PriorityTheme]
    grid: list[GridLine]
    grid_key: list[tuple[str, str]]  # quadrant, what it means
    actions: list[ActionLine]
    thread: list[ThreadLine]
    measures: list[MeasureLine] = field(default_factory=list)
    worked: list[str] = field(default_factory=list)
    did_not_work: list[str] = field(default_factory=list)
    participation: WorkshopParticipation | None = None
    votes_by_perspective: VotesByPerspective | None = None
    review: ReviewSections = field(default_factory=ReviewSections)


def _counts(document: DocumentObject, title: str, first: str, counts: list[Count]) -> None:
    if counts:
        heading(document, title, 3)
        table(document, [first, "Reviews"], [[c.name, str(c.count)] for c in counts], (3, 1))


def _not_yet(document: DocumentObject, text: str = NOT_YET) -> None:
    paragraph(document, text)


def _purpose(document: DocumentObject, report: WtfcReport) -> None:
    heading(document, "Why we did this", 2)
    paragraph(document, safe(report.purpose) if report.purpose.strip() else "No purpose written yet.")
    if report.scope:
        heading(document, "Scope", 3)
        table(document, ["Part of the plan", "What was agreed"], [list(row) for row in report.scope], (1, 3))


def _who(document: DocumentObject, report: WtfcReport) -> None:
    heading(document, "Who took part", 2)
    if not report.reviews:
        _not_yet(document, "No reviews have been sent in yet.")
        return
    paragraph(
        document,
        f"{report.reviews} reviews were sent in with consent. Only numbers are given here: nobody is named.",
    )
    _counts(document, "How the reviews were done", "How", report.by_mode)
    _counts(document, "By team", "Team", report.by_team)
    _counts(document, "By area", "Area", report.by_area)
    _counts(document, "By group", "Group", report.by_group)
    heading(document, "Statements for the workshop", 3)
    if not any(c.count for c in report.statements):
        _not_yet(document, "Not done yet: no statement has been accepted and checked for the workshop.")
        return
    paragraph(
        document,
        "Each person's top two for each question, accepted at the quality check, with a workshop copy "
        "that has been checked so it names nobody.",
    )
    table(document, ["Question", "Statements"], [[c.name, str(c.count)] for c in report.statements], (3, 1))


def _themes(document: DocumentObject, report: WtfcReport) -> None:
    heading(document, "What people said: the themes", 2)
    if not any(q.themes for q in report.questions):
        _not_yet(document, "Not done yet: the card call has not sorted any statements into themes.")
        return
    for question in report.questions:
        heading(document, safe(question.question), 3)
        if not question.themes:
            _not_yet(document)
            continue
        placed = sum(t.statements for t in question.themes)
        paragraph(document, f"{placed} of {question.statements} statements are in a theme.")
        table(
            document,
            ["Theme", "Statements", "People", "Taken forward"],
            [
                [t.name, str(t.statements), str(t.people), "Yes" if t.chosen else "No"]
                for t in question.themes
            ],
            (5.5, 2.6, 2, 2.4),
        )


def _votes(document: DocumentObject, report: WtfcReport) -> None:
    heading(document, "Priorities and dot votes", 2)
    if not report.votes or not report.voters:
        _not_yet(document, "Not done yet: nobody has voted on the themes.")
        return
    paragraph(
        document,
        f"{report.voters} people in the room each had {report.dots_per_person} dots to put on the "
        "'not working' themes that matter most to them.",
    )
    table(
        document,
        ["Theme", "Dots", "People who voted for it", "Taken forward"],
        [[v.theme, str(v.dots), str(v.voters), "Yes" if v.chosen else "No"] for v in report.votes],
        (6, 1.5, 2.5, 2),
    )


def _chain(document: DocumentObject, chain: ChainLine) -> None:
    """One five-whys chain as the room wrote it: each "why?" and its "because", then the cause."""
    title = paragraph(document)
    title.paragraph_format.keep_with_next = True
    title.add_run(f"Chain {chain.number}").bold = True
    for why, because in chain.steps:
        step = paragraph(document, style="List Bullet")
        step.paragraph_format.keep_with_next = True
        step.add_run(safe(why) + " ").italic = True
        step.add_run(safe(because))
    paragraph(document, safe(f"Root cause: {chain.cause}" if chain.cause else "No root cause written yet."))


def _causes(document: DocumentObject, report: WtfcReport) -> None:
    heading(document, "Root causes (five whys)", 2)
    if not any(p.chains for p in report.priorities):
        _not_yet(document)
        return
    for theme in report.priorities:
        heading(document, safe(theme.name), 3)
        if not theme.chains:
            _not_yet(document)
            continue
        table(
            document,
            ["Chain", "Root cause", "Dots", "Taken forward"],
            [
                [str(c.number), c.cause or "Not written yet", str(c.dots), "Yes" if c.taken_forward else "No"]
                for c in theme.chains
            ],
            (1, 7, 1, 1.6),
        )
        for chain in theme.chains:
            _chain(document, chain)


def _success(document: DocumentObject, report: WtfcReport) -> None:
    heading(document, "What success would look like", 2)
    if not any(p.success for p in report.priorities):
        _not_yet(document)
    for theme in report.priorities:
        if not theme.success:
            continue
        heading(document, safe(theme.name), 3)
        for cause in dict.fromkeys(s.cause for s in theme.success):
            about = f"If this root cause were put right: {cause}" if cause else "For the theme as a whole"
            paragraph(document, safe(about)).runs[0].bold = True
            table(
                document,
                ["Perspective", "What they would be saying", "How else we would know"],
                [
                    [s.perspective, s.text, "\n".join(s.measures) or "–"]
                    for s in theme.success
                    if s.cause == cause
                ],
                (2, 3, 3),
            )
    if report.measures:
        heading(document, "Measures: where they stand", 3)
        table(
            document,
            ["Theme", "Measure", "Baseline", "Latest", "Change"],
            [[m.theme, m.measure, m.baseline, m.latest, m.change] for m in report.measures],
            (3, 4, 1.5, 1.5, 1.5),
        )


def _ideas(document: DocumentObject, report: WtfcReport) -> None:
    heading(document, "Ideas", 2)
    if not any(p.ideas or p.already_happening for p in report.priorities):
        _not_yet(document)
    for theme in report.priorities:
        if not (theme.ideas or theme.already_happening):
            continue
        heading(document, safe(theme.name), 3)
        if theme.already_happening:
            paragraph(document, "Already happening:")
            for text in theme.already_happening:
                paragraph(document, safe(text), "List Bullet")
        if theme.ideas:
            table(
                document,
                ["Idea", "Kind", "Dots", "Chosen"],
                [[i.text, i.kind, str(i.dots), "Yes" if i.chosen else "No"] for i in theme.ideas],
                (7, 2, 1, 1.5),
            )
    heading(document, "The cost and impact grid", 3)
    for name, meaning in report.grid_key:
        line = paragraph(document, style="List Bullet")
        line.add_run(safe(f"{name}: ")).bold = True
        line.add_run(safe(meaning))
    if report.grid:
        table(
            document,
            ["Quadrant", "Idea", "Theme", "Cost", "Impact"],
            [[g.quadrant, g.idea, g.theme, g.cost, g.impact] for g in report.grid],
            (2, 4, 3, 1.5, 1.5),
        )
    else:
        _not_yet(document, "Not done yet: no idea has been chosen for the grid.")


def _actions(document: DocumentObject, report: WtfcReport) -> None:
    heading(document, "Action plans", 2)
    if not report.actions:
        _not_yet(document)
        return
    for action in report.actions:
        heading(document, safe(action.title), 3)
        paragraph(document, safe(f"Theme: {action.theme}. Status: {action.status}."))
        if action.answers:
            table(document, ["Question", "Answer"], [list(pair) for pair in action.answers], (2, 3))


def _process(document: DocumentObject, report: WtfcReport) -> None:
    if not (report.worked or report.did_not_work):
        return
    heading(document, "How the project went", 2)
    for title, notes in (("What worked", report.worked), ("What did not work", report.did_not_work)):
        if notes:
            heading(document, title, 3)
            for note in notes:
                paragraph(document, safe(note), "List Bullet")


def build_report(report: WtfcReport) -> bytes:
    title = f"Working Together for Change report: {report.project}"
    document = new_document(title)
    heading(document, safe(title), 1)
    paragraph(document, f"Made on {report.made_on:%d/%m/%Y}.")
    _purpose(document, report)
    _who(document, report)
    participation_section(document, report.participation)
    _themes(document, report)
    _votes(document, report)
    votes_by_perspective_section(document, report.votes_by_perspective)
    keep_and_gaps(document, report.review)
    if report.priorities:
        heading(document, "What people said in the priorities", 2)
        for theme in report.priorities:
            heading(document, safe(theme.name), 3)
            paragraph(
                document, safe(f"{theme.question} {theme.statements} statements from {theme.people} people.")
            )
            for words in theme.said:
                paragraph(document, safe(f"“{words}”"), "List Bullet")
            if theme.statements > len(theme.said):
                paragraph(document, f"And {theme.statements - len(theme.said)} more statements.")
    _causes(document, report)
    _success(document, report)
    _ideas(document, report)
    _actions(document, report)
    thread(document, report.thread)
    _process(document, report)
    review(document, report.review)
    comparison(document, report.review)
    return to_bytes(document)
