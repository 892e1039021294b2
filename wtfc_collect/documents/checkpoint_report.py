"""The checkpoint report: progress against the sample plan, how the words read, the three questions
with their sign-off, and the actions agreed per team. No names: references and counts only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .common import new_document, safe, table, to_bytes


@dataclass(frozen=True)
class ProgressLine:
    name: str
    target: int | None
    submitted: int
    drafts: int


@dataclass(frozen=True)
class ShareLine:
    name: str
    statements: int
    flagged: int
    percent: int
    copied: int


@dataclass(frozen=True)
class CheckpointReport:
    project: str
    purpose: str
    made_on: date
    overall: ProgressLine
    by_team: list[ProgressLine]
    by_service_type: list[ProgressLine]
    statements: int
    flagged: int
    by_kind: list[tuple[str, int]]
    team_quality: list[ShareLine]
    reviewer_quality: list[ShareLine]
    answers: list[tuple[str, str, str]]  # question, answer, notes
    signed: str | None  # "Name, 01/02/2027" or None
    actions: list[tuple[str, str, str, str, str, str]]  # team, kind, what, who, by when, done
    examples: list[tuple[str, str, str]] = field(default_factory=list)  # team, words (anonymised), problems


def _progress_rows(lines: list[ProgressLine]) -> list[list[str]]:
    return [
        [ln.name, str(ln.submitted), str(ln.drafts), "–" if not ln.target else str(ln.target)] for ln in lines
    ]


def _share_rows(lines: list[ShareLine]) -> list[list[str]]:
    return [[s.name, str(s.statements), str(s.flagged), f"{s.percent} %", str(s.copied)] for s in lines]


def build_checkpoint_report(report: CheckpointReport) -> bytes:
    document = new_document(f"Checkpoint report: {report.project}")
    document.add_heading(safe(f"Checkpoint report: {report.project}"), level=1)
    document.add_paragraph(f"Made on {report.made_on:%d/%m/%Y}.")
    if report.purpose:
        document.add_paragraph(safe(report.purpose))

    document.add_heading("Progress against the sample plan", level=2)
    progress_header = ["", "Sent in", "In progress", "Target"]
    table(document, progress_header, _progress_rows([report.overall]))
    if report.by_team:
        document.add_heading("By team", level=3)
        table(document, ["Team", *progress_header[1:]], _progress_rows(report.by_team))
    if report.by_service_type:
        document.add_heading("By service type", level=3)
        table(document, ["Service type", *progress_header[1:]], _progress_rows(report.by_service_type))

    document.add_heading("Are the statements in people's own words?", level=2)
    percent = round(100 * report.flagged / report.statements) if report.statements else 0
    document.add_paragraph(
        f"{report.flagged} of {report.statements} statements ({percent} %) have something to check."
    )
    table(document, ["Kind of problem", "Statements"], [[kind, str(count)] for kind, count in report.by_kind])
    share_header = ["Statements", "To check", "Share", "Copied"]
    document.add_heading("By team", level=3)
    table(document, ["Team", *share_header], _share_rows(report.team_quality))
    document.add_heading("By reviewer", level=3)
    table(document, ["Reviewer", *share_header], _share_rows(report.reviewer_quality))
    if report.examples:
        document.add_heading("Examples to talk about", level=3)
        document.add_paragraph("Names and contact details are replaced by placeholders such as [name].")
        table(document, ["Team", "Words", "What to check"], [list(row) for row in report.examples])

    document.add_heading("The three checkpoint questions", level=2)
    table(document, ["Question", "Answer", "Notes"], [list(row) for row in report.answers])
    document.add_paragraph(f"Signed off by {report.signed}." if report.signed else "Not signed off yet.")

    document.add_heading("What each team will do", level=2)
    if report.actions:
        table(
            document,
            ["Team", "Kind of action", "What", "Who", "By when", "Done"],
            [list(row) for row in report.actions],
        )
    else:
        document.add_paragraph("No actions recorded yet.")
    return to_bytes(document)
