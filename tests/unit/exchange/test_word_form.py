"""Reviews written in Word on the Appendix 2 "Person centred review feedback" form come in as drafts."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from docx.document import Document

from tests import factories as f
from wtfc_collect.domain import (
    STATEMENT_MAX_CHARS,
    AuditAction,
    Project,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Speaker,
)
from wtfc_collect.exchange.word_form import read_word_form
from wtfc_collect.services.collect.exchange import import_reviews
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository

W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE


def _bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def appendix_2(
    *,
    review_for: str = "EV-0012",
    date_of_review: str = "12th March 2026",
    extra: tuple[str, ...] = (),
    working: tuple[str, ...] = ("Going to the allotment with my brother", "My cat Smudge", "Sunday dinners"),
) -> bytes:
    """The form as the DH guide prints it: details, then four numbered questions with answers below."""
    document = docx.Document()
    document.add_paragraph("APPENDIX 2:")
    document.add_heading("Person centred review feedback", level=1)
    document.add_paragraph(f"Review for: {review_for}")
    document.add_paragraph(f"Date of review: {date_of_review}")
    document.add_paragraph("Review facilitator: Priya Shah")
    document.add_paragraph("People attending review: Mum, key worker and advocate")
    document.add_paragraph("Location of review: at home")
    for line in extra:
        document.add_paragraph(line)
    document.add_paragraph(
        "1) What are the three most significant things that are important to the person from their "
        "important to me now sheet?"
    )
    for answer in ("My routine in the morning", "Seeing my brother", "My music"):
        document.add_paragraph(answer, style="List Bullet")
    document.add_paragraph(
        "2) From the person's important for the future section, what are the three most significant things?"
    )
    for answer in ("Learning to use the bus on my own", "A job in a café", "A holiday by the sea"):
        document.add_paragraph(answer, style="List Bullet")
    document.add_paragraph(
        "3) What are the person's main priorities in the whats working section of the review?"
    )
    for answer in working:
        document.add_paragraph(answer, style="List Number")
    document.add_paragraph(
        "4) What are the person's main priorities in the whats not working section of the review?"
    )
    document.add_paragraph("The carers come at different times every day")
    document.add_paragraph("I can't get to the shops when it rains")
    return _bytes(document)


def _answers(data: bytes) -> dict[Question, list[tuple[str, int | None]]]:
    (given,), problems, _ = read_word_form(data)
    assert problems == []
    found: dict[Question, list[tuple[str, int | None]]] = {}
    for item in given.items:
        found.setdefault(item.question, []).append((item.text, item.priority))
    return found


def test_the_guide_s_form_is_read_details_answers_and_order() -> None:
    (given,), problems, notes = read_word_form(appendix_2())
    assert problems == []
    assert given.details["person_ref"] == "EV-0012"
    assert given.details["review_date"] == date(2026, 3, 12)
    assert given.details["reviewer"] == "Priya Shah"
    assert given.details["participants"] == ["Mum", "key worker", "advocate"]
    assert given.details["status"] is ReviewStatus.DRAFT and given.details["mode"] is ReviewMode.WITH_STAFF
    assert _answers(appendix_2()) == {
        F: [("Learning to use the bus on my own", 1), ("A job in a café", 2), ("A holiday by the sea", None)],
        W: [("Going to the allotment with my brother", 1), ("My cat Smudge", 2), ("Sunday dinners", None)],
        NW: [
            ("The carers come at different times every day", 1),
            ("I can't get to the shops when it rains", 2),
        ],
    }
    joined = " ".join(notes)
    assert "important to me now" in joined and "3 answer(s) were left out" in joined
    assert "location" in joined and "Consent is not on the form" in joined


def test_a_form_laid_out_in_tables_is_read_too() -> None:
    document = docx.Document()
    document.add_heading("Person centred review feedback", level=1)
    details = document.add_table(rows=4, cols=2)
    for row, (label, value) in zip(
        details.rows,
        [
            ("Review for", "EV-0044"),
            ("Date of review:", "03/02/2026"),
            ("Review facilitator", ""),
            ("Team", "south team"),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = label, value
    answers = document.add_table(rows=4, cols=3)
    header = ("What’s working?", "What’s not working?", "What is important for the future?")
    body = [
        ("My flat", "Waiting for the bus", "Going to college"),
        ("My friends at the club", "", "Cooking for myself"),
        ("", "", "Seeing my nan more"),
    ]
    for cell, text in zip(answers.rows[0].cells, header, strict=True):
        cell.text = text
    for row, texts in zip(answers.rows[1:], body, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    (given,), problems, _ = read_word_form(_bytes(document))
    assert problems == []
    assert (given.details["person_ref"], given.details["review_date"]) == ("EV-0044", date(2026, 2, 3))
    assert given.details["reviewer"] is None and given.details["team"] == "south team"
    assert _answers(_bytes(document)) == {
        W: [("My flat", 1), ("My friends at the club", 2)],
        NW: [("Waiting for the bus", 1)],
        F: [("Going to college", 1), ("Cooking for myself", 2), ("Seeing my nan more", None)],
    }


def test_headings_bullets_typed_by_hand_and_two_column_tables() -> None:
    document = docx.Document()
    document.add_paragraph("Review for: ______ EV-0101 ______")
    document.add_paragraph("Date of review:")
    document.add_paragraph("2026-01-20")
    document.add_heading("What is working", level=2)
    document.add_paragraph("- Working at the garden centre")
    document.add_paragraph("• My dog Bess")
    document.add_paragraph("My new wheelchair.\nIt lets me go out on my own.")  # one answer over two lines
    document.add_heading("What isn't working", level=2)
    document.add_paragraph("1. Not working at the moment, I want a job\n2. Noisy neighbours")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Hopes for the future"
    table.rows[0].cells[1].text = "To live with my friend Sam"
    document.add_heading("Signed:", level=3)
    document.add_paragraph("P. Shah")
    found = _answers(_bytes(document))
    assert found[W] == [
        ("Working at the garden centre", 1),
        ("My dog Bess", 2),
        ("My new wheelchair.\nIt lets me go out on my own.", None),
    ]
    assert found[NW] == [("Not working at the moment, I want a job", 1), ("Noisy neighbours", 2)]
    assert found[F] == [("To live with my friend Sam", 1)]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (appendix_2(review_for="Joan Smith"), "Review for: 'Joan Smith' looks like a name"),
        (appendix_2(review_for="______"), "does not say who the review is for"),
        (appendix_2(date_of_review=""), "does not give the date of the review"),
        (appendix_2(date_of_review="the spring"), "Date of review: 'the spring' is not a date I can read"),
        (appendix_2(extra=("Review for: EV-0013",)), "gives who the review is for twice"),
        (_bytes(docx.Document()), "no answers were found under the headings"),
        (
            b"Review for: EV-0012\nDate of review: 12/03/2026",
            "not a real Word (.docx) file: it looks like text",
        ),
    ],
)
def test_a_form_that_cannot_come_in_says_why(data: bytes, expected: str) -> None:
    inputs, problems, _ = read_word_form(data) if data.startswith(b"PK") else ([], [], [])
    if not data.startswith(b"PK"):
        repo, project = _repo()
        report = import_reviews(repo, project.id, "form.docx", data, actor="x", now=f.NOW)
        problems = list(report.rejected)
    assert inputs == []
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]


def _repo() -> tuple[Repository, Project]:
    repo = MemoryRepository()
    return repo, repo.save(f.project())


def test_importing_the_form_saves_a_draft_review_and_notes_it() -> None:
    repo, project = _repo()
    report = import_reviews(repo, project.id, "EV-0012 review.DOCX", appendix_2(), actor="Priya", now=f.NOW)
    assert report.ok and report.written, report.lines()
    assert report.summary == "Imported 1 review with 8 statements from the Word review form."
    (review,) = repo.find(Review)
    assert review.status is ReviewStatus.DRAFT and review.consent is None
    assert {s.said_by for s in review.statements} == {Speaker.PERSON}
    assert [s.text for s in review.prioritised(F)] == ["Learning to use the bus on my own", "A job in a café"]
    (event,) = repo.audit_log()
    assert event.action is AuditAction.IMPORT and "Smudge" not in event.model_dump_json()
    assert any("important to me now" in note for note in report.notes)


def test_rules_of_the_project_and_the_words_apply_to_forms_too() -> None:
    repo, project = _repo()
    long_words = ("x" * (STATEMENT_MAX_CHARS + 1), "Fine")
    data = appendix_2(working=long_words, extra=("Team: Nroth team",))
    report = import_reviews(repo, project.id, "form.docx", data, actor="x", now=f.NOW)
    assert [str(p) for p in report.rejected] == [
        "The review details: Team: 'Nroth team' is not one of the project's teams (North team, South team).",
        "Answer 1 under 'What is working?': the words: This is too long: please shorten it to "
        f"{STATEMENT_MAX_CHARS} characters or fewer.",
    ]
    assert repo.find(Review) == []
