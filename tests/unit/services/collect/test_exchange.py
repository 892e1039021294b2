"""Export and import of reviews through the services: round trips, all-or-nothing, plain reports."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests import factories as f
from wtfc_collect.domain import (
    STATEMENT_MAX_CHARS,
    AuditAction,
    Consent,
    ConsentGiver,
    DomainError,
    Project,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Speaker,
    WithdrawalReason,
)
from wtfc_collect.exchange import COLUMNS, MAX_FILE_BYTES
from wtfc_collect.services.collect.exchange import (
    check_import,
    export_counts,
    export_filename,
    export_reviews,
    import_reviews,
)
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository

W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE


def _repo() -> tuple[Repository, Project]:
    repo = MemoryRepository()
    project = repo.save(f.project())
    return repo, project


def _fill(repo: Repository, project: Project) -> None:
    sent = f.complete_review(project.id, person_ref="EV-0001", reviewer="Priya", participants=["Mum"])
    sent.submit(f.NOW)
    draft = f.review(
        project.id,
        person_ref="EV-0002",
        team="South team",
        area="South",
        service_type="Home care",
        mode=ReviewMode.SELF,
        consent=Consent(
            given=True,
            given_by=ConsentGiver.REPRESENTATIVE,
            representative_role="Daughter",
            recorded_on=f.TODAY,
        ),
    )
    said = draft.add_statement(W, 'Sunday dinners, with "gravy"\nand pudding', Speaker.FAMILY_OR_CARER, f.NOW)
    draft.add_statement(W, "=not a formula", Speaker.STAFF_ON_BEHALF, f.NOW)
    draft.set_priority(said.id, 2, f.NOW)
    draft.decline(NW, f.NOW)
    refused = f.review(project.id, person_ref="EV-0003", consent=Consent(given=False, recorded_on=f.TODAY))
    gone = f.complete_review(project.id, person_ref="EV-0004")
    gone.withdraw(WithdrawalReason.PERSON_ASKED, f.NOW)
    for review in (sent, draft, refused, gone):
        repo.save(review)


def _same_project_elsewhere(project: Project) -> Repository:
    """Another store holding the same project (as if it had been set up there too)."""
    other = MemoryRepository()
    other.save(project.model_copy(update={"revision": 0}))
    return other


def _comparable(review: Review) -> dict[str, Any]:
    data = review.model_dump(
        exclude={"id", "revision", "project_id", "created_at", "updated_at", "submitted_at"}
    )
    data["statements"] = [(s.question, s.text, s.said_by, s.priority) for s in review.statements]
    return data


def _reviews(repo: Repository) -> list[Review]:
    return sorted(repo.find(Review), key=lambda r: r.person_ref)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_gives_equal_reviews(fmt: str) -> None:
    repo, project = _repo()
    _fill(repo, project)
    data = export_reviews(repo, project.id, fmt, actor="Priya", now=f.NOW)  # type: ignore[arg-type]

    other = _same_project_elsewhere(project)
    report = import_reviews(other, project.id, f"reviews.{fmt}", data, actor="Sam", now=f.NOW)
    assert report.ok and report.written, report.lines()
    assert (report.reviews, report.statements, report.declined) == (3, 8, 1)
    wanted = [r for r in _reviews(repo) if r.status is not ReviewStatus.WITHDRAWN]
    assert [_comparable(r) for r in _reviews(other)] == [_comparable(r) for r in wanted]
    sent = next(r for r in _reviews(other) if r.person_ref == "EV-0001")
    assert sent.status is ReviewStatus.SUBMITTED and sent.submitted_at == f.NOW
    assert {r.project_id for r in _reviews(other)} == {project.id}


def test_export_and_import_are_in_the_audit_trail_with_counts_only() -> None:
    repo, project = _repo()
    _fill(repo, project)
    data = export_reviews(repo, project.id, "csv", actor="Priya", now=f.NOW)
    other = _same_project_elsewhere(project)
    import_reviews(other, project.id, "Mrs Smith's reviews.csv", data, actor="Sam", now=f.NOW)
    (exported,) = [e for e in repo.audit_log() if e.action is AuditAction.EXPORT]
    (imported,) = [e for e in other.audit_log() if e.action is AuditAction.IMPORT]
    assert (exported.actor, exported.record_id, exported.reason) == (
        "Priya",
        project.id,
        "3 reviews with 8 statements exported as CSV",
    )
    assert (imported.actor, imported.record_kind, imported.reason) == (
        "Sam",
        "project",
        "3 reviews with 8 statements imported from a CSV file",
    )
    logged = " ".join(e.model_dump_json() for e in [*repo.audit_log(), *other.audit_log()])
    assert "Sunday" not in logged and "allotment" not in logged and "Smith" not in logged


def test_export_counts_and_file_name() -> None:
    repo, project = _repo()
    _fill(repo, project)
    assert export_counts(repo, project.id) == (3, 8)
    assert export_filename(project, "xlsx", f.NOW) == "reviews-day-services-review-2026-05-01.xlsx"
    with pytest.raises(DomainError, match="Choose CSV or XLSX"):
        export_reviews(repo, project.id, "pdf", actor="x", now=f.NOW)  # type: ignore[arg-type]


def test_importing_the_same_file_twice_brings_nothing_in_the_second_time() -> None:
    repo, project = _repo()
    _fill(repo, project)
    data = export_reviews(repo, project.id, "xlsx", actor="x", now=f.NOW)
    again = import_reviews(repo, project.id, "reviews.xlsx", data, actor="x", now=f.NOW)
    assert not again.ok and not again.written
    assert "Row 2: the project already has a review for EV-0001 on 01/05/2026" in again.lines()[1]
    assert len(repo.find(Review)) == 4


def test_preview_saves_nothing() -> None:
    repo, project = _repo()
    data = _csv({"question": "working", "statement": "My garden"})
    report = check_import(repo, project.id, "r.csv", data, now=f.NOW)
    assert report.ok and not report.written
    assert (
        report.summary
        == "Ready to import 1 review with 1 statement from the CSV file. Nothing has been saved yet."
    )
    assert repo.find(Review) == [] and repo.audit_log() == []


def test_the_preview_of_a_table_lists_each_statement_as_read() -> None:
    repo, project = _repo()
    data = _csv(
        {"question": "working", "statement": "My garden", "priority": "1"},
        {"question": "not working", "statement": "The lift", "said_by": "family"},
        {"question": "future", "said_by": "declined"},
    )
    report = check_import(repo, project.id, "r.csv", data, now=f.NOW)
    assert [
        (line.where, line.text, line.question, line.said_by, line.priority, line.left_out)
        for line in report.preview
    ] == [
        ("Row 2 (P-001)", "My garden", Question.WORKING, Speaker.PERSON, 1, ""),
        ("Row 3 (P-001)", "The lift", Question.NOT_WORKING, Speaker.FAMILY_OR_CARER, None, ""),
        ("Row 4 (P-001)", "", Question.FUTURE, None, None, "the person chose not to answer"),
    ]


# --- malformed files: a plain message with the row, and nothing written ------------------------------
def _csv(*rows: dict[str, str], columns: tuple[str, ...] = COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({"person_ref": "P-001", "review_date": "2026-05-01", "team": "North team", **row})
    return buffer.getvalue().encode("utf-8")


GOOD = {"question": "working", "statement": "My garden", "priority": "1"}


@pytest.mark.parametrize(
    ("name", "data", "row", "expected"),
    [
        pytest.param(
            "r.csv",
            _csv(GOOD, columns=tuple(c for c in COLUMNS if c != "said_by")),
            1,
            "these columns are missing: said_by.",
            id="wrong columns",
        ),
        pytest.param(
            "r.csv", _csv(GOOD, {**GOOD, "review_date": "2026-13-40"}), 3, "is not a real date", id="date"
        ),
        pytest.param(
            "r.csv",
            _csv(GOOD, {"question": "hopes and dreams", "statement": "A holiday"}),
            3,
            "question: 'hopes and dreams' is not one of the questions",
            id="unknown question",
        ),
        pytest.param(
            "r.csv",
            _csv(GOOD, {"question": "future", "statement": "x" * (STATEMENT_MAX_CHARS + 1)}),
            3,
            f"statement: This is too long: please shorten it to {STATEMENT_MAX_CHARS} characters or fewer.",
            id="over-long text",
        ),
        pytest.param(
            "r.csv",
            _csv(GOOD, {**GOOD, "statement": "My cat"}),
            3,
            "'What is working?' already has a first choice (row 2)",
            id="two first choices",
        ),
        pytest.param(
            "r.csv",
            _csv(GOOD, {**GOOD, "person_ref": "jo@example.com"}),
            3,
            "Use a reference, not a phone number, email address or NHS number.",
            id="contact details as reference",
        ),
        pytest.param(
            "r.csv",
            _csv(GOOD, {**GOOD, "person_ref": "P-2", "team": "Nroth team"}),
            3,
            "'Nroth team' is not",
            id="team",
        ),
        pytest.param(
            "r.csv",
            _csv({**GOOD, "status": "submitted", "consent_given": "yes"}),
            2,
            "marked as sent in, but: Add what the person said for 'What is not working?'",
            id="sent in but incomplete",
        ),
        pytest.param(
            "r.csv",
            _csv({**GOOD, "consent_given": "yes", "consent_by": "representative"}),
            2,
            "representative_role: Say who the representative is",
            id="representative without a role",
        ),
        pytest.param("r.csv", "person_ref\ncafé".encode("cp1252"), None, "not UTF-8", id="not UTF-8"),
        pytest.param(
            "r.xlsx", _csv(GOOD), None, "not a real Excel (.xlsx) file: it looks like text", id="xlsx text"
        ),
        pytest.param(
            "r.docx", b"PK\x03\x04junk", None, "not a real Word (.docx) file, or it is damaged", id="bad docx"
        ),
        pytest.param("r.txt", _csv(GOOD), None, "Choose a .csv or .xlsx file", id="other ending"),
        pytest.param("r.xls", b"\xd0\xcf\x11\xe0", None, "saved again as .xlsx", id="old excel"),
        pytest.param("r.csv", b"", None, "The file is empty.", id="empty"),
        pytest.param("r.csv", b"x" * (MAX_FILE_BYTES + 1), None, "too big", id="too big"),
    ],
)
def test_malformed_files_give_a_plain_message_and_write_nothing(
    name: str, data: bytes, row: int | None, expected: str
) -> None:
    repo, project = _repo()
    report = import_reviews(repo, project.id, name, data, actor="x", now=f.NOW)
    assert not report.ok and not report.written
    assert report.summary.startswith("Nothing was imported: ")
    assert any(expected in p.message for p in report.rejected), report.lines()
    assert report.rejected[-1].row == row, report.lines()
    assert "Traceback" not in "\n".join(report.lines())
    assert repo.find(Review) == [] and repo.audit_log() == []


def test_one_bad_row_among_good_ones_stops_the_whole_file() -> None:
    repo, project = _repo()
    good = [{**GOOD, "person_ref": f"P-{n:03}"} for n in range(1, 30)]
    bad = {**GOOD, "person_ref": "P-100", "priority": "top"}
    report = import_reviews(repo, project.id, "r.csv", _csv(*good, bad), actor="x", now=f.NOW)
    assert [str(p) for p in report.rejected] == [
        "Row 31: priority: 'top' is not a choice: use 1, 2 or leave it empty."
    ]
    assert repo.find(Review) == []


def test_every_problem_is_listed_in_row_order() -> None:
    repo, project = _repo()
    rows = [{**GOOD, "review_date": "soon"}, {**GOOD, "person_ref": "P-2", "question": "why"}, GOOD]
    report = check_import(repo, project.id, "r.csv", _csv(*rows), now=f.NOW)
    assert [p.row for p in report.rejected] == [2, 3]
    assert (
        report.summary
        == "Nothing was imported: 2 problems need fixing first. Fix the file and import it again."
    )


def test_a_file_made_in_a_spreadsheet_with_dates_and_numbers_is_read() -> None:
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    values = {"person_ref": "P-7", "review_date": datetime(2026, 4, 2), "question": "What is working?",
              "statement": "Bingo", "priority": 1.0, "team": "north TEAM", "consent_given": True}  # fmt: skip
    sheet.append([values.get(c) for c in COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    repo, project = _repo()
    report = import_reviews(repo, project.id, "Book1.XLSX", buffer.getvalue(), actor="x", now=f.NOW)
    assert report.ok, report.lines()
    (review,) = repo.find(Review)
    assert (review.person_ref, review.review_date.isoformat(), review.team) == (
        "P-7",
        "2026-04-02",
        "North team",
    )
    assert (
        review.consent is not None
        and review.consent.given
        and review.consent.recorded_on == review.review_date
    )
    assert [(s.text, s.priority) for s in review.statements] == [("Bingo", 1)]
