"""Step 2: reviews in and out of the tool, as CSV or XLSX tables and Word review forms.

Importing is all or nothing: a file with any problem writes nothing, and the report says, row by row and
in plain words, what to fix. The audit trail records counts only, never a person's words or a file name
(which may hold a name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from wtfc_collect.domain import AuditAction, DomainError, Project, Review, ReviewStatus, utc
from wtfc_collect.exchange import (
    FILE_KINDS,
    Problem,
    ReadLine,
    TableFormat,
    Unreadable,
    build_reviews,
    export_table,
    file_kind,
    read_reviews,
)
from wtfc_collect.services.access import QUALITY, guard
from wtfc_collect.services.common import record_audit
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.storage.port import Repository

EXPORT_FORMATS: tuple[TableFormat, ...] = ("csv", "xlsx")


@dataclass(frozen=True)
class ImportReport:
    """What a file would bring in (or brought in), and every problem that stops it."""

    kind: str
    reviews: int = 0
    statements: int = 0
    declined: int = 0
    rejected: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()
    written: bool = False
    preview: tuple[ReadLine, ...] = ()  # every line as read: statements, and the rest with why

    @property
    def ok(self) -> bool:
        """True when the file can be (or was) imported: no problems and at least one review."""
        return not self.rejected and self.reviews > 0

    @property
    def summary(self) -> str:
        if self.rejected:
            count = len(self.rejected)
            return (
                f"Nothing was imported: {count} {'problem needs' if count == 1 else 'problems need'} fixing "
                "first. Fix the file and import it again."
            )
        what = f"{_count(self.reviews, 'review')} with {_count(self.statements, 'statement')}"
        if self.declined:
            what += f" ({_count(self.declined, 'question')} the person chose not to answer)"
        if self.written:
            return f"Imported {what} from the {self.kind}."
        return f"Ready to import {what} from the {self.kind}. Nothing has been saved yet."

    def lines(self) -> list[str]:
        """The whole report as plain lines: the summary, each problem, then each note."""
        return [self.summary, *(str(p) for p in self.rejected), *self.notes]


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --- export ------------------------------------------------------------------------------------------
@guard(QUALITY)
def exportable_reviews(repo: Repository, project_id: str) -> list[Review]:
    """The reviews an export holds, oldest first: all but withdrawn ones (their words stay here)."""
    get_project(repo, project_id)
    found = [r for r in repo.find(Review, project_id=project_id) if r.status is not ReviewStatus.WITHDRAWN]
    return sorted(found, key=lambda r: (r.review_date, r.person_ref.casefold(), r.created_at))


@guard(QUALITY)
def export_counts(repo: Repository, project_id: str) -> tuple[int, int]:
    """How many reviews and statements an export of the project holds."""
    reviews = exportable_reviews(repo, project_id)
    return len(reviews), sum(len(r.statements) for r in reviews)


@guard(QUALITY)
def export_reviews(
    repo: Repository, project_id: str, fmt: TableFormat, *, actor: str, now: datetime
) -> bytes:
    """The project's reviews as a CSV or XLSX file (one row per statement). Noted in the audit trail."""
    if fmt not in EXPORT_FORMATS:
        raise DomainError("Choose CSV or XLSX.", "format")
    reviews = exportable_reviews(repo, project_id)
    data = export_table(reviews, fmt)
    record_audit(
        repo,
        actor=actor,
        action=AuditAction.EXPORT,
        record=get_project(repo, project_id),
        now=now,
        reason=f"{_count(len(reviews), 'review')} with "
        f"{_count(sum(len(r.statements) for r in reviews), 'statement')} exported as {fmt.upper()}",
    )
    return data


def export_filename(project: Project, fmt: TableFormat, now: datetime) -> str:
    """A file name such as ``reviews-day-services-2026-05-01.csv`` (letters, digits and dashes only)."""
    slug = re.sub(r"[^a-z0-9]+", "-", project.name.casefold()).strip("-")[:40].strip("-") or "project"
    return f"reviews-{slug}-{utc(now):%Y-%m-%d}.{fmt}"


# --- import ------------------------------------------------------------------------------------------
def _plan(
    repo: Repository, project_id: str, filename: str, data: bytes, now: datetime
) -> tuple[ImportReport, list[Review]]:
    project = get_project(repo, project_id)
    try:
        kind = FILE_KINDS[file_kind(filename)]
    except Unreadable:
        kind = "file"
    reading = read_reviews(filename, data)
    problems, notes = reading.problems, reading.notes
    reviews: list[Review] = []
    if reading.inputs:
        existing = repo.find(Review, project_id=project_id)
        reviews, found = build_reviews(reading.inputs, project=project, existing=existing, now=now)
        problems = [*problems, *found]
    problems = sorted(problems, key=lambda p: (p.row is not None, p.row or 0))
    report = ImportReport(
        kind=kind,
        reviews=len(reviews),
        statements=sum(len(r.statements) for r in reviews),
        declined=sum(len(r.declined) for r in reviews),
        rejected=tuple(problems),
        notes=tuple(notes),
        preview=tuple(reading.lines),
    )
    return report, ([] if problems else reviews)


@guard(QUALITY)
def check_import(
    repo: Repository, project_id: str, filename: str, data: bytes, *, now: datetime
) -> ImportReport:
    """What importing this file would do, without saving anything (for a preview)."""
    return _plan(repo, project_id, filename, data, now)[0]


@guard(QUALITY)
def import_reviews(
    repo: Repository, project_id: str, filename: str, data: bytes, *, actor: str, now: datetime
) -> ImportReport:
    """Bring the reviews of a CSV, XLSX or Word file into the project: all of them, or none.

    ``filename`` only tells the kind of file (by its ending); the content is checked too.
    """
    report, reviews = _plan(repo, project_id, filename, data, now)
    if not report.ok:
        return report
    repo.save_all(reviews)
    record_audit(
        repo,
        actor=actor,
        action=AuditAction.IMPORT,
        record=get_project(repo, project_id),
        now=now,
        reason=f"{_count(report.reviews, 'review')} with {_count(report.statements, 'statement')} "
        f"imported from a {report.kind}",
    )
    return replace(report, written=True)
