"""Reviews written on Word forms: details, answers, who said them, the person's choices, the preview of
every line, and the forms that cannot come in. (Forms made by other programs: tests/integration.)"""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from docx.document import Document

from tests import factories as f
from tests.form_corpus import (
    APPENDIX_2,
    ASH_MARKED,
    LEE_NUMBERED,
    RAY_ROWS,
    SAM_BOLD,
    Expected,
    appendix_2_form,
)
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
from wtfc_collect.exchange import FileReading
from wtfc_collect.exchange.word_form import read_word_form
from wtfc_collect.services.collect.exchange import import_reviews
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository

W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
P, FAM, STAFF = Speaker.PERSON, Speaker.FAMILY_OR_CARER, Speaker.STAFF_ON_BEHALF


def _bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _read(data: bytes) -> FileReading:
    reading = read_word_form(data)
    assert reading.problems == [], [str(p) for p in reading.problems]
    return reading


def _statements(data: bytes) -> list[Expected]:
    (given,) = _read(data).inputs
    return [(i.question, i.text, i.said_by, i.priority) for i in given.items]


def _form(*lines: str, bold: tuple[str, ...] = ()) -> bytes:
    """A form of plain paragraphs (those in ``bold`` in bold), after a reference and a date."""
    document = docx.Document()
    document.add_paragraph("Review for: EV-0500")
    document.add_paragraph("Date of review: 01/04/2026")
    for line in lines:
        paragraph = document.add_paragraph()
        paragraph.add_run(line).bold = line in bold
    return _bytes(document)


def _table_form(*rows: tuple[str, ...], merge_down: tuple[tuple[int, int], ...] = ()) -> bytes:
    """A form whose answers are in one table; "|" in a cell starts a new paragraph."""
    document = docx.Document()
    document.add_paragraph("Review for: TB-0001")
    document.add_paragraph("Date of review: 12/03/2026")
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=False):
            first, *more = text.split("|")
            cell.text = first
            for line in more:
                cell.add_paragraph(line)
    for top, bottom in merge_down:
        table.cell(top, 0).merge(table.cell(bottom, 0))
    return _bytes(document)


@pytest.mark.parametrize(
    "form", [APPENDIX_2, RAY_ROWS, SAM_BOLD, LEE_NUMBERED, ASH_MARKED], ids=lambda f: f.name
)
def test_forms_made_with_python_docx_read_exactly_as_written(form: object) -> None:
    from tests.form_corpus import Form

    assert isinstance(form, Form)
    (given,) = _read(form.source).inputs
    assert (given.details["person_ref"], given.details["review_date"]) == (form.person_ref, form.review_date)
    assert given.details["reviewer"] == form.reviewer
    assert given.details["status"] is ReviewStatus.DRAFT and given.details["mode"] is ReviewMode.WITH_STAFF
    assert _statements(form.source) == list(form.statements)


def test_the_guide_s_form_keeps_its_details_and_marks_no_choice() -> None:
    reading = _read(appendix_2_form())
    (given,) = reading.inputs
    assert given.details["participants"] == ["Mum", "key worker", "advocate"]
    assert all(item.priority is None for item in given.items)  # "main priorities" does not say which two
    joined = " ".join(reading.notes)
    assert "important to me now" in joined and "3 answer(s) were left out" in joined
    assert "location" in joined and "Consent is not on the form" in joined
    assert "Choose the top two with the person before sending the review in." in joined
    assert "Every answer counts as said by the person" in joined


def test_a_table_headed_with_contractions_and_the_person_s_name_is_read() -> None:
    document = docx.Document()
    document.add_paragraph("Review for: KM-0001")
    document.add_paragraph("Date of review: 3 May 2026")
    table = document.add_table(rows=2, cols=3)
    header = ("What’s working for Kim", "What's not working for Kim", "Whats important to Kim in the future")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("My flat", "The lift", "A dog"), strict=True):
        cell.text = text
    assert _statements(_bytes(document)) == [
        (W, "My flat", P, None),
        (NW, "The lift", P, None),
        (F, "A dog", P, None),
    ]


def test_a_perspective_grid_s_labels_are_never_statements_and_say_who_said_it() -> None:
    reading = _read(RAY_ROWS.source)
    texts = [item.text for item in reading.inputs[0].items]
    assert not {"Ray", "Family", "Staff", "Perspective"} & set(texts)
    left = {line.text: line.left_out for line in reading.lines if line.left_out}
    assert left["Family"] == "a label that says whose words the row holds"
    assert (
        left["Working and not working from different perspectives"]
        == "a heading that names more than one question"
    )
    assert any("2 by family or carer" in note for note in reading.notes)


def test_an_unclear_label_in_a_perspective_grid_stops_the_import_with_a_request() -> None:
    data = _table_form(
        ("", "What is working"), ("Ray", "Pool"), ("Family", "He is calmer"), ("Others", "Sleeps")
    )
    reading = read_word_form(data)
    assert reading.inputs == []
    (problem,) = reading.problems
    assert problem.place == "Table 1, row 4, column 1"
    assert "the row label 'Others' does not say clearly whose words these are" in problem.message


def test_topics_down_the_side_are_labels_and_the_words_stay_the_person_s() -> None:
    document = docx.Document()
    document.add_paragraph("Review for: TP-0001")
    document.add_paragraph("Date of review: 12/03/2026")
    table = document.add_table(rows=3, cols=3)
    for row, texts in zip(
        table.rows,
        [
            ("", "What's working", "What's not working"),
            ("At home", "My cat", "Stairs"),
            ("Out and about", "Bus pass", ""),
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    assert _statements(_bytes(document)) == [
        (W, "My cat", P, None),
        (NW, "Stairs", P, None),
        (W, "Bus pass", P, None),
    ]


def test_views_given_by_labels_and_by_headings_above_questions() -> None:
    data = _form(
        "What’s working for Kim",
        "Kim: I love my job",
        "Support worker: Kim is more settled",
        "Family:",
        "She laughs more",
        "What’s not working",
        "The van is late",
        "Jo: she is proud of me",
        bold=("What’s working for Kim", "What’s not working", "Family:"),
    )
    assert _statements(data) == [
        (W, "I love my job", P, None),
        (W, "Kim is more settled", STAFF, None),
        (W, "She laughs more", FAM, None),
        (NW, "The van is late", P, None),  # a label's view ends at the next question
        (NW, "Jo: she is proud of me", P, None),  # a name not known as anyone's: kept as written
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # numbers on some answers only: those are the choices
            ("What is working?", "Cooking", "2. Swimming", "1. My friends"),
            [(W, "Cooking", P, None), (W, "Swimming", P, 2), (W, "My friends", P, 1)],
        ),
        (  # every answer numbered: a list, not choices
            ("What is working?", "1. Cooking", "2. Swimming", "3. My friends"),
            [(W, "Cooking", P, None), (W, "Swimming", P, None), (W, "My friends", P, None)],
        ),
        (  # a heading asking for the top two, most important first
            ("What are the top two things that are working?", "Cooking", "Swimming"),
            [(W, "Cooking", P, 1), (W, "Swimming", P, 2)],
        ),
        (  # choices written in words, before or after the answer
            ("What is not working?", "Noise (2nd choice)", "First choice: the bus", "Rain"),
            [(NW, "Noise", P, 2), (NW, "the bus", P, 1), (NW, "Rain", P, None)],
        ),
        (  # a "top two" part naming answers above (not added twice) or new ones
            ("What is working?", "Cooking", "Swimming", "Top two:", "Swimming", "Painting"),
            [(W, "Cooking", P, None), (W, "Swimming", P, 1), (W, "Painting", P, 2)],
        ),
        (  # words that only look like marks
            ("What is working?", "Most important is my family", "3 hours at the day centre"),
            [(W, "Most important is my family", P, None), (W, "3 hours at the day centre", P, None)],
        ),
    ],
)
def test_choices_come_only_from_what_the_form_marks(lines: tuple[str, ...], expected: list[Expected]) -> None:
    assert _statements(_form(*lines)) == expected


def test_question_rows_with_a_priority_column_and_a_question_corner() -> None:
    data = _table_form(
        ("Question", "Kim’s answers", "Priority (1 or 2)"),
        ("What is working?", "Bowling", "1"),
        ("", "Cinema", ""),
        ("", "My keyworker", "2"),
        ("What would you like in the future?", "A dog", ""),
    )
    assert _statements(data) == [
        (W, "Bowling", P, 1),
        (W, "Cinema", P, None),
        (W, "My keyworker", P, 2),
        (F, "A dog", P, None),
    ]


def test_perspective_columns_over_question_rows() -> None:
    data = _table_form(
        ("Question", "Ray (person)", "Family", "Staff"),
        ("Working", "Pool|Bedroom", "Calmer", "Out more"),
        ("Not working", "Carers late", "", "Rota"),
    )
    assert _statements(data) == [
        (W, "Pool", P, None),
        (W, "Bedroom", P, None),
        (W, "Calmer", FAM, None),
        (W, "Out more", STAFF, None),
        (NW, "Carers late", P, None),
        (NW, "Rota", STAFF, None),
    ]


def test_a_label_merged_down_several_rows_holds_for_each_and_is_shown_once() -> None:
    data = _table_form(
        ("Who", "What’s working", "What’s not working"),
        ("Kim", "Pool", "Noise"),
        ("", "Bingo", ""),
        ("Family", "Calmer", ""),
        ("", "", "Visits"),
        merge_down=((1, 2), (3, 4)),
    )
    assert _statements(data) == [
        (W, "Pool", P, None),
        (NW, "Noise", P, None),
        (W, "Bingo", P, None),
        (W, "Calmer", FAM, None),
        (NW, "Visits", FAM, None),
    ]
    labels = [line.text for line in _read(data).lines if line.left_out.startswith("a label")]
    assert labels == ["Kim", "Family"]


def test_who_said_it_and_choices_written_beside_answers() -> None:
    data = _form(
        "What’s working for Kim",
        "I like my job (Kim)",
        "She seems happier (mum)",
        "Going to the café (with my mum)",
        "What do I want for my future?",
        "☒ A holiday",
        "☐ A car",
        bold=("What’s working for Kim",),
    )
    assert _statements(data) == [
        (W, "I like my job", P, None),
        (W, "She seems happier", FAM, None),
        (W, "Going to the café (with my mum)", P, None),
        (F, "A holiday", P, 1),
        (F, "A car", P, None),
    ]


def test_signatures_end_the_answers_and_a_name_beside_a_reference_is_not_kept() -> None:
    document = docx.Document()
    for line in (
        "Review for: Kim Smith (KS-0042)",
        "Date: Thursday 12 March 2026",
        "What is working?",
        "Music",
        "Signed: ____ Name: Sue Bell Date: 02/04/2026",
        "Sue Bell",
    ):
        document.add_paragraph(line)
    reading = _read(_bytes(document))
    (given,) = reading.inputs
    assert (given.details["person_ref"], given.details["review_date"]) == ("KS-0042", date(2026, 3, 12))
    assert [item.text for item in given.items] == ["Music"]


def test_sub_headings_within_a_question_keep_its_answers_and_other_parts_end_them() -> None:
    document = docx.Document()
    document.add_paragraph("Review for: SH-0001")
    document.add_paragraph("Date of review: 2/5/2026")
    document.add_heading("What’s working for Kim", 2)
    document.add_heading("At home", 3)
    document.add_paragraph("My cat", style="List Bullet")
    document.add_paragraph("Out and about:")
    document.add_paragraph("Bus pass", style="List Bullet")
    document.add_paragraph().add_run("Work is going well").bold = True  # an answer in bold, not a heading
    document.add_paragraph().add_run("Learning to cook").bold = True  # likewise
    document.add_paragraph("Comments:")
    document.add_paragraph("Kim was happy with the review")
    reading = _read(_bytes(document))
    assert [item.text for item in reading.inputs[0].items] == [
        "My cat",
        "Bus pass",
        "Work is going well",
        "Learning to cook",
    ]
    why = {line.text: line.left_out for line in reading.lines}
    assert why["At home"] == why["Out and about:"] == "a sub-heading within 'What is working?'"
    assert why["Kim was happy with the review"] == "not under any of the three questions"


def test_more_than_two_ticks_make_no_choice_and_say_so() -> None:
    data = _table_form(
        ("What's working for Tia", "Tick your top two"), ("Art", "✓"), ("Dance", "✓"), ("Pets", "✓")
    )
    reading = _read(data)
    assert [i.priority for i in reading.inputs[0].items] == [None, None, None]
    assert any("3 answers are ticked as chosen" in note for note in reading.notes)


def test_answers_written_over_several_lines() -> None:
    data = _form(
        "What is working",
        "My new wheelchair.\nIt lets me go out on my own.",  # one answer over two lines
        "Gardening\nSeeing my nan",  # two short answers, one a line
        "- Bowls\n- Darts",
        bold=("What is working",),
    )
    assert [text for _, text, _, _ in _statements(data)] == [
        "My new wheelchair.\nIt lets me go out on my own.",
        "Gardening",
        "Seeing my nan",
        "Bowls",
        "Darts",
    ]


def test_the_preview_lists_every_line_with_its_reading_or_why_it_was_left_out() -> None:
    reading = _read(SAM_BOLD.source)
    rows = [
        (line.where, line.text, line.question, line.said_by, line.priority, line.left_out)
        for line in reading.lines
    ]
    assert rows[:3] == [
        (
            "Paragraph 1",
            "Annual review",
            None,
            None,
            None,
            "a heading that is not one of the three questions",
        ),
        ("Paragraph 2", "Reference: SM-0042", None, None, None, "a detail of the review (Reference)"),
        ("Paragraph 3", "Date: 5 January 2026", None, None, None, "a detail of the review (Date)"),
    ]
    assert rows[3] == (
        "Paragraph 4",
        "What’s working for Sam",
        None,
        None,
        None,
        "the heading of 'What is working?'",
    )
    assert rows[5] == ("Paragraph 6", "My dog Bella", W, P, 1, "")
    assert (
        "Paragraph 9",
        "My dog Bella",
        None,
        None,
        None,
        "repeats an answer above, marking it as the person's choice",
    ) in rows
    assert rows[-1] == (
        "Paragraph 18",
        "Date: 06/01/2026",
        None,
        None,
        None,
        "'Date' again, left out: the first one is kept",
    )


def test_a_bold_question_and_its_answers_in_one_paragraph_split_by_line_breaks() -> None:
    document = docx.Document()
    document.add_paragraph("Review for: BR-0001")
    document.add_paragraph("Date of review: 2/5/2026")
    paragraph = document.add_paragraph()
    paragraph.add_run("Kim’s working list").bold = True
    for answer in ("Going to the gym", "My dog"):
        paragraph.add_run().add_break()
        paragraph.add_run(answer)
    reading = _read(_bytes(document))
    assert [(item.question, item.text) for item in reading.inputs[0].items] == [
        (W, "Going to the gym"),
        (W, "My dog"),
    ]
    assert [line.where for line in reading.lines[2:]] == [f"Paragraph 3, line {n}" for n in (1, 2, 3)]


def test_a_reference_is_used_and_a_name_beside_it_is_not_kept() -> None:
    document = docx.Document()
    for line in (
        "Name: Kim Jones",
        "Person reference: KJ-0042",
        "Date: 2/3/2026",
        "What is working?",
        "Music",
    ):
        document.add_paragraph(line)
    reading = _read(_bytes(document))
    assert reading.inputs[0].details["person_ref"] == "KJ-0042"
    assert reading.lines[0].left_out == "the person's name: not kept (the review uses their reference)"


def test_a_form_with_no_question_gives_one_plain_message() -> None:
    document = docx.Document()
    document.add_heading("About me", level=1)
    document.add_paragraph("I like trains")
    document.add_heading("My week", level=2)
    document.add_paragraph("Monday: college")
    reading = read_word_form(_bytes(document))
    assert reading.inputs == []
    (problem,) = reading.problems
    assert problem.message.startswith("no question of the review was found. It looks for headings that name")
    assert "'What is working'" in problem.message
    assert problem.message.endswith("Instead it found these headings: 'About me', 'My week'.")
    assert read_word_form(_bytes(docx.Document())).problems[0].message.endswith("found no headings at all.")
    plain = _form("Good day at the zoo", "We saw the lions")
    assert (
        read_word_form(plain)
        .problems[0]
        .message.endswith(
            "Instead it found no headings at all; the file starts with 'Review for: EV-0500', "
            "'Date of review: 01/04/2026', 'Good day at the zoo'."
        )
    )


@pytest.mark.parametrize(
    "data",
    [
        appendix_2_form(extra=("Review for: EV-0013",)),
        _form("What’s working for Kim", "Football", "What’s working for Ray", "Cooking"),
    ],
    ids=["two references", "two people in the headings"],
)
def test_two_people_s_reviews_in_one_file_are_refused(data: bytes) -> None:
    reading = read_word_form(data)
    assert reading.inputs == []
    (problem,) = reading.problems
    assert "more than one person's review" in problem.message
    assert "Put each review in a Word file of its own" in problem.message
    repo, project = _repo()
    report = import_reviews(repo, project.id, "two.docx", data, actor="x", now=f.NOW)
    assert not report.ok and repo.find(Review) == [] and repo.audit_log() == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (appendix_2_form(review_for="Joan Smith"), "Review for: 'Joan Smith' looks like a name"),
        (appendix_2_form(review_for="______"), "does not say who the review is for"),
        (appendix_2_form(date_of_review=""), "does not give the date of the review"),
        (
            appendix_2_form(date_of_review="the spring"),
            "Date of review: 'the spring' is not a date I can read",
        ),
        (
            _form("What is working?", "What is not working?"),
            "has the questions ('What is working?', 'What is",
        ),
        (
            b"Review for: EV-0012\nDate of review: 12/03/2026",
            "not a real Word (.docx) file: it looks like text",
        ),
    ],
)
def test_a_form_that_cannot_come_in_says_why(data: bytes, expected: str) -> None:
    repo, project = _repo()
    report = import_reviews(repo, project.id, "form.docx", data, actor="x", now=f.NOW)
    assert any(expected in str(p) for p in report.rejected), [str(p) for p in report.rejected]
    assert repo.find(Review) == []


def _repo() -> tuple[Repository, Project]:
    repo = MemoryRepository()
    return repo, repo.save(f.project())


def test_importing_a_form_saves_a_draft_with_its_speakers_and_notes_it() -> None:
    repo, project = _repo()
    report = import_reviews(
        repo, project.id, "RB-0101 review.DOCX", RAY_ROWS.source, actor="Priya", now=f.NOW
    )
    assert report.ok and report.written, report.lines()
    assert report.summary == "Imported 1 review with 10 statements from the Word review form."
    (review,) = repo.find(Review)
    assert review.status is ReviewStatus.DRAFT and review.consent is None
    assert review.review_date == date(2026, 3, 12)
    assert [s.said_by for s in review.statements_for(W)] == [P, P, FAM, STAFF]
    assert review.prioritised(W) == []  # to be chosen with the person
    (event,) = repo.audit_log()
    assert event.action is AuditAction.IMPORT and "pool" not in event.model_dump_json().casefold()
    assert "RB-0101 review" not in event.model_dump_json()


def test_rules_of_the_project_and_the_words_apply_to_forms_too() -> None:
    repo, project = _repo()
    long_words = ("x" * (STATEMENT_MAX_CHARS + 1), "Fine")
    data = appendix_2_form(working=long_words, extra=("Team: Nroth team",))
    report = import_reviews(repo, project.id, "form.docx", data, actor="x", now=f.NOW)
    assert [str(p) for p in report.rejected] == [
        "The review details: Team: 'Nroth team' is not one of the project's teams (North team, South team).",
        "Paragraph 18 (under 'What is working?'): the words: This is too long: please shorten it to "
        f"{STATEMENT_MAX_CHARS} characters or fewer.",
    ]
    assert repo.find(Review) == []
