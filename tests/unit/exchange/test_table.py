"""The one-row-per-statement table: columns, export rows, reading rows back, CSV and XLSX files."""

from __future__ import annotations

import io
import random
import zipfile
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories as f
from tests.strategies import text
from wtfc_collect.domain import (
    STATEMENT_MAX_CHARS,
    Consent,
    ConsentGiver,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Speaker,
    Statement,
    WithdrawalReason,
)
from wtfc_collect.exchange import COLUMNS, DECLINED, REQUIRED_COLUMNS, parse_date
from wtfc_collect.exchange.csv_xlsx import (
    MAX_RATIO,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    read_csv,
    read_xlsx,
    to_csv,
    to_xlsx,
)
from wtfc_collect.exchange.table import read_table, table_rows
from wtfc_collect.exchange.validate import Unreadable

PROJECT = f.project()
W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE


def _row(**values: str) -> list[str]:
    base = {"person_ref": "P-001", "review_date": "2026-05-01", **values}
    return [base.get(name, "") for name in COLUMNS]


def _dicts(rows: list[list[object]]) -> list[dict[str, object]]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]  # type: ignore[arg-type]


# --- export rows ---------------------------------------------------------------------------------------
def test_columns_are_the_documented_ones_in_order() -> None:
    assert REQUIRED_COLUMNS == (
        "person_ref", "review_date", "mode", "team", "reviewer", "service_type", "area", "group",
        "consent_given", "consent_by", "representative_role", "status",
        "question", "statement", "said_by", "priority",
    )  # fmt: skip
    assert (*REQUIRED_COLUMNS, "participants", "consent_date") == COLUMNS


def test_one_row_per_statement_with_the_review_details_on_each() -> None:
    review = f.complete_review(PROJECT.id, reviewer="Priya", participants=["Mum", "Key worker"])
    review.submit(f.NOW)
    rows = _dicts(table_rows([review]))  # type: ignore[arg-type]
    assert len(rows) == 6
    assert {r["person_ref"] for r in rows} == {"P-001"} and {r["status"] for r in rows} == {"submitted"}
    assert rows[0]["review_date"] == date(2026, 5, 1)
    assert [(r["question"], r["priority"]) for r in rows[:2]] == [("working", 1), ("working", 2)]
    assert rows[0]["statement"] == "Going to the allotment on Tuesdays"
    assert rows[0]["consent_given"] == "yes" and rows[0]["consent_by"] == "person"
    assert rows[0]["participants"] == "Mum; Key worker" and rows[0]["reviewer"] == "Priya"


def test_review_without_statements_gets_one_row_and_declined_questions_get_a_marker() -> None:
    empty = f.review(PROJECT.id, person_ref="P-002")
    declined = f.review(PROJECT.id, person_ref="P-003")
    declined.add_statement(W, "My garden", Speaker.FAMILY_OR_CARER, f.NOW)
    declined.decline(F, f.NOW)
    declined.decline(NW, f.NOW)
    rows = _dicts(table_rows([empty, declined]))  # type: ignore[arg-type]
    assert [(r["person_ref"], r["question"], r["statement"], r["said_by"]) for r in rows] == [
        ("P-002", "", "", ""),
        ("P-003", "working", "My garden", "family_or_carer"),
        ("P-003", "not_working", "", DECLINED),  # in question order, whatever order they were declined
        ("P-003", "future", "", DECLINED),
    ]


def test_withdrawn_reviews_are_never_exported() -> None:
    gone = f.complete_review(PROJECT.id, person_ref="P-009")
    gone.withdraw(WithdrawalReason.PERSON_ASKED, f.NOW)
    assert table_rows([gone]) == [list(COLUMNS)]


# --- reading rows back ----------------------------------------------------------------------------------
def test_rows_of_one_review_are_grouped_and_words_are_tolerated() -> None:
    header = [c.upper() + " " for c in COLUMNS]  # case and spaces in column names do not matter
    rows = [
        header,
        _row(question="What is working?", statement="My dog", priority="1st", consent_given="Yes"),
        _row(question="not working", statement="The stairs", said_by="Family or carer", consent_given="y"),
        ["", ""],  # blank rows are skipped
        _row(question="FUTURE", said_by="declined", consent_given="YES"),
        _row(person_ref="P-002", review_date="02/05/2026", mode="own review", status="sent in"),
    ]
    inputs, problems = read_table(rows)
    assert problems == []
    first, second = inputs
    assert (first.row, first.details["consent"]["given"], first.details["mode"]) == (
        2,
        True,
        ReviewMode.WITH_STAFF,
    )
    assert [(i.question, i.text, i.said_by, i.priority, i.declined) for i in first.items] == [
        (W, "My dog", Speaker.PERSON, 1, False),
        (NW, "The stairs", Speaker.FAMILY_OR_CARER, None, False),
        (F, "", Speaker.PERSON, None, True),
    ]
    assert second.details["review_date"] == date(2026, 5, 2) and second.details["mode"] is ReviewMode.SELF
    assert second.details["status"] is ReviewStatus.SUBMITTED and second.items == []


def test_wrong_columns_are_named_on_row_1() -> None:
    header = [c for c in COLUMNS if c not in {"status", "priority"}] + ["teem", "team"]
    _, problems = read_table([header, _row()])
    assert len(problems) == 1 and problems[0].row == 1
    message = problems[0].message
    assert "missing: status, priority" in message
    assert "not known: teem" in message and "appear twice: team" in message
    assert "The columns are: person_ref, review_date" in message


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"review_date": "31/02/2026"}, "review_date: '31/02/2026' is not a real date."),
        ({"review_date": "next Tuesday"}, "review_date: 'next Tuesday' is not a date I can read"),
        ({"review_date": ""}, "review_date: please fill in the day of the review."),
        ({"person_ref": ""}, "person_ref: please fill in the person's reference."),
        ({"question": "hopes", "statement": "x"}, "question: 'hopes' is not one of the questions"),
        ({"statement": "My flat"}, "question: say which question this answers"),
        ({"question": "working"}, "statement: it is empty."),
        ({"question": "working", "statement": "x", "priority": "3"}, "priority: '3' is not a choice"),
        (
            {"question": "working", "statement": "x", "said_by": "neighbour"},
            "said_by: 'neighbour' is not one",
        ),
        ({"question": "future", "statement": "x", "said_by": "declined"}, "must have no statement"),
        ({"mode": "phone"}, "mode: 'phone' is not one of the choices: use with_staff or self."),
        ({"consent_given": "maybe"}, "consent_given: 'maybe' is not one of the choices: use yes or no."),
        ({"consent_by": "representative"}, "consent_by is filled in but consent_given is empty"),
        ({"status": "withdrawn"}, "a withdrawn review cannot be imported"),
    ],
)
def test_each_bad_cell_is_a_plain_message_with_its_row(values: dict[str, str], expected: str) -> None:
    _, problems = read_table([list(COLUMNS), _row(person_ref="P-000"), _row(**values)])
    assert [p.row for p in problems] == [3], problems
    assert expected in problems[0].message and str(problems[0]).startswith("Row 3: ")


def test_rows_of_one_review_must_agree_on_its_details() -> None:
    rows = [list(COLUMNS), _row(team="North team"), _row(team="South team", reviewer="Sam")]
    _, problems = read_table(rows)
    assert [(p.row, p.message[:40]) for p in problems] == [(3, "this is the same review as row 2 (same p")]
    assert "these differ: team, reviewer" in problems[0].message


def test_only_column_names_is_a_problem_and_so_is_an_empty_file() -> None:
    assert [p.row for p in read_table([list(COLUMNS), ["", ""]])[1]] == [2]
    assert "empty" in read_table([])[1][0].message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2026-05-01", date(2026, 5, 1)),
        ("2026-05-01 00:00:00", date(2026, 5, 1)),
        ("01/05/2026", date(2026, 5, 1)),
        ("1/5/26", date(2026, 5, 1)),
        ("1.5.2026", date(2026, 5, 1)),
        ("1st May 2026", date(2026, 5, 1)),
        ("12 Sept 2025", date(2025, 9, 12)),
        ("Thursday 12 March 2026", date(2026, 3, 12)),
        ("12-Mar-2026", date(2026, 3, 12)),
        ("March 12, 2026", date(2026, 3, 12)),
    ],
)
def test_dates_are_read_day_first(written: str, expected: date) -> None:
    assert parse_date(written) == expected


# --- CSV and XLSX files ----------------------------------------------------------------------------------
def test_csv_guards_formulas_and_reads_them_back_exactly() -> None:
    rows: list[list[str | int | date]] = [
        ["statement", "n"],
        ['=HYPERLINK("http://x")', 1],
        ["-not a sum", 2],
        ["'quoted' at the start", 3],
        ['plain, with "quotes"\nand a line break', 4],
    ]
    data = to_csv(rows)
    assert data.startswith(b"\xef\xbb\xbf")  # a byte order mark, so Excel reads UTF-8
    assert b"'=HYPERLINK" in data and b"'-not a sum" in data
    assert read_csv(data) == [[str(c) for c in row] for row in rows]


def test_csv_with_semicolons_is_read() -> None:
    data = (
        ";".join(COLUMNS).encode()
        + b"\r\n"
        + ";".join(_row(question="working", statement="Tea, toast")).encode()
    )
    rows = read_csv(data)
    assert rows[0] == list(COLUMNS) and rows[1][COLUMNS.index("statement")] == "Tea, toast"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("statement\ncafé".encode("latin-1"), "not UTF-8"),
        (b"PK\x03\x04rest", "not a CSV file"),
        (b"a,b\nc,\x00d", "not text"),
    ],
)
def test_csv_that_cannot_be_read_says_why(data: bytes, expected: str) -> None:
    with pytest.raises(Unreadable, match=expected):
        read_csv(data)


def test_xlsx_keeps_text_as_text_and_dates_as_dates() -> None:
    from openpyxl import load_workbook

    rows: list[list[str | int | date]] = [
        ["statement", "review_date", "priority"],
        ["=1+1", date(2026, 5, 1), 2],
    ]
    data = to_xlsx(rows)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Reviews" and sheet["A1"].font.bold
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == "=1+1"
    assert sheet["B2"].value.date() == date(2026, 5, 1) and sheet["C2"].value == 2
    assert read_xlsx(data) == [["statement", "review_date", "priority"], ["=1+1", "2026-05-01", "2"]]


def _spreadsheet_with(extra: dict[str, bytes]) -> bytes:
    """A real spreadsheet of ours with more parts packed into it."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(to_xlsx([["statement"], ["Bingo"]]))) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for part in source.infolist():
            target.writestr(part, source.read(part))
        for name, content in extra.items():
            target.writestr(name, content, compresslevel=9)
    return buffer.getvalue()


def test_a_small_spreadsheet_that_would_unpack_to_something_huge_is_refused_before_it_is_opened() -> None:
    bomb = _spreadsheet_with({"xl/worksheets/sheet9.xml": b"<row/>" * 30_000_000})  # 180 MB of one thing
    assert len(bomb) < 1_000_000
    with pytest.raises(Unreadable, match="would unpack to more than 100 MB"):
        read_xlsx(bomb)
    small_bomb = _spreadsheet_with(
        {"xl/worksheets/sheet9.xml": b"<row/>" * 2_000_000}
    )  # 12 MB, packed 1,000 times
    with pytest.raises(Unreadable, match="packed in a way real files never are"):
        read_xlsx(small_bomb)


def test_our_own_export_of_the_most_rows_of_the_longest_words_is_below_the_limits() -> None:
    """Measured on a tenth of the most rows, every statement as long as allowed (the size grows with the
    rows)."""
    sample, pick = MAX_ROWS // 10, random.Random(7)
    vocabulary = "I like going to the day centre bus my carer helps me cook friends on Tuesdays".split()  # noqa: SIM905

    def words() -> str:
        return " ".join(pick.choice(vocabulary) for _ in range(STATEMENT_MAX_CHARS))[:STATEMENT_MAX_CHARS]

    statement = COLUMNS.index("statement")
    rows = [list(COLUMNS)] + [
        [words() if i == statement else f"{name} {n}" for i, name in enumerate(COLUMNS)]
        for n in range(sample)
    ]
    data = to_xlsx(rows)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
    assert sum(p.file_size for p in parts) * 10 < MAX_UNPACKED_BYTES
    assert max(p.file_size / max(p.compress_size, 1) for p in parts) < MAX_RATIO / 4
    assert len(read_xlsx(data)) == sample + 1


def test_xlsx_that_is_really_something_else_says_so() -> None:
    with pytest.raises(Unreadable, match=r"not a real Excel .*looks like text.*ending \.csv"):
        read_xlsx(b"person_ref,review_date\nP-1,2026-05-01\n")
    with pytest.raises(Unreadable, match="damaged"):
        read_xlsx(b"PK\x03\x04 not really a zip")
    docx = io.BytesIO()
    import docx as python_docx

    python_docx.Document().save(docx)
    with pytest.raises(Unreadable, match="it is a Word"):
        read_xlsx(docx.getvalue())


# --- round trip through the table, with awkward words ---------------------------------------------------
def _comparable(review: Review) -> dict[str, object]:
    keep = {"person_ref", "review_date", "mode", "team", "reviewer", "service_type", "area", "group"}
    data = review.model_dump(include=keep | {"participants", "consent", "status", "declined"})
    data["statements"] = [(s.question, s.text, s.said_by, s.priority) for s in review.statements]
    return data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(text(Statement, "text"), min_size=1, max_size=4),
    reviewer=text(Review, "reviewer"),
    fmt=st.sampled_from(["csv", "xlsx"]),
)
def test_awkward_words_survive_export_and_import(words: list[str], reviewer: str, fmt: str) -> None:
    from wtfc_collect.exchange import build_reviews

    review = f.review(
        PROJECT.id,
        reviewer=reviewer,
        consent=Consent(
            given=True, given_by=ConsentGiver.REPRESENTATIVE, representative_role="Son", recorded_on=f.TODAY
        ),
    )
    for word in words:
        review.add_statement(NW, word, Speaker.STAFF_ON_BEHALF, f.NOW)
    review.set_priority(review.statements[0].id, 1, f.NOW)
    rows = table_rows([review])
    cells = read_csv(to_csv(rows)) if fmt == "csv" else read_xlsx(to_xlsx(rows))
    inputs, problems = read_table(cells)
    assert problems == []
    back, problems = build_reviews(inputs, project=PROJECT, existing=[], now=f.NOW)
    assert problems == [] and [_comparable(r) for r in back] == [_comparable(review)]
