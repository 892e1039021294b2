"""The words of review forms: question headings, whose view a label gives, marks of the choices, and the
labels of a review's details."""

from __future__ import annotations

import pytest

from wtfc_collect.domain import Question, Speaker
from wtfc_collect.exchange import form_marks as marks
from wtfc_collect.exchange import form_words as words

W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
P, FAM, STAFF = Speaker.PERSON, Speaker.FAMILY_OR_CARER, Speaker.STAFF_ON_BEHALF


@pytest.mark.parametrize(
    ("text", "kind", "question"),
    [
        ("What’s working for Kim", "plain", W),
        ("What's working for Kim", "plain", W),
        ("Whats working", "plain", W),
        ("What’s not working for Kim", "plain", NW),
        ("What isn’t working so well?", "sure", NW),
        ("Things that are not working well", "plain", NW),
        ("What needs to change?", "sure", NW),
        ("What’s important to Kim in the future", "plain", F),
        ("What is important to Ray now and in the future", "plain", F),
        ("Hopes and dreams", "bold", F),
        ("What would Mo like to happen in the future?", "sure", F),
        ("3) What are the person's main priorities in the whats working section of the review?", "sure", W),
        ("4) … the whats not working/what needs to change section of the review?", "sure", NW),
        ("WHAT’S WORKING FOR KIM", "bold", W),
        ("What is working from Kim's point of view", "bold", W),
        ("Q2 What is not working", "plain", NW),
        ("Good things in my life", "bold", W),
        ("Not so good things", "bold", NW),
        ("What would you like to change?", "sure", NW),
        ("Beth sy’n gweithio?", "sure", W),
        ("Beth sydd ddim yn gweithio?", "sure", NW),
        ("Beth sy’n bwysig i mi ar gyfer y dyfodol?", "sure", F),
    ],
)
def test_question_headings_are_read_by_their_words(text: str, kind: str, question: Question) -> None:
    heading = words.question_heading(text, kind=kind, in_section=True)
    assert heading is not None and heading.question is question and not heading.mixed


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("What's not working is the bus", "plain"),
        ("Working at the garden centre", "plain"),
        ("Not working at the moment, I want a job", "plain"),
        ("I worry about my future", "bold"),
        ("I like working with animals", "plain"),
        ("My brother is not working and he is sad", "plain"),
        ("What’s important to Kim", "sure"),  # "important to" now: not one of the three questions
        ("Important to me now", "bold"),
    ],
)
def test_answers_that_share_a_question_s_words_are_not_headings(text: str, kind: str) -> None:
    assert words.question_heading(text, kind=kind, in_section=True) is None


def test_a_heading_naming_two_questions_is_a_title() -> None:
    heading = words.question_heading(
        "Working and not working from different perspectives", kind="sure", in_section=False
    )
    assert heading is not None and heading.mixed and heading.question is None


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        ("What’s working for Kim", None, "kim"),  # about Kim: no view named
        ("What is working from Kim's point of view", P, "kim"),
        ("What’s working from the family’s point of view", FAM, None),
        ("What is not working (staff)", STAFF, None),
        ("What's working for the family", FAM, None),
        ("What is working for you?", P, None),
        ("What is working?", None, None),
        ("What's not working for Kim's mum", FAM, None),
        ("What is working – staff", STAFF, None),
    ],
)
def test_whose_view_a_question_heading_names(text: str, speaker: Speaker | None, name: str | None) -> None:
    assert words.heading_speaker(text) == (speaker, name)


@pytest.mark.parametrize(
    ("label", "speaker", "name", "several"),
    [
        ("Family", FAM, None, False),
        ("Mum and Dad", FAM, None, False),
        ("Jo’s mum", FAM, None, False),
        ("The person's family", FAM, None, False),
        ("Support staff", STAFF, None, False),
        ("Staff at Oak House", STAFF, None, False),
        ("Key worker", STAFF, None, False),
        ("Social worker", STAFF, None, False),
        ("Me", P, None, False),
        ("The person", P, None, False),
        ("Ray", None, "ray", False),
        ("Mum and support worker", None, None, True),
        ("What family say", FAM, None, False),
        ("My views", P, None, False),
        ("Others", None, None, False),
    ],
)
def test_whose_words_a_label_gives(
    label: str, speaker: Speaker | None, name: str | None, several: bool
) -> None:
    found = words.label_speaker(label)
    assert (found.speaker, found.name, found.several) == (speaker, name, several)


@pytest.mark.parametrize(
    ("text", "place", "rest"),
    [
        ("1st choice: Living with my friends", 1, "Living with my friends"),
        ("First choice - the bus", 1, "the bus"),
        ("Choice 2: A job in a shop", 2, "A job in a shop"),
        ("The taxi is late (1st choice)", 1, "The taxi is late"),
        ("Noise [2nd]", 2, "Noise"),
        ("Seeing my sister (1)", 1, "Seeing my sister"),
        ("Staying in my own home (most important)", 1, "Staying in my own home"),
        ("Most important: Seeing my grandson", 1, "Seeing my grandson"),
        ("Second most important - the phone line", 2, "the phone line"),
        ("My dog – 2nd choice", 2, "My dog"),
        ("Most important is my family", None, "Most important is my family"),
        ("I have 2 cats (and a dog)", None, "I have 2 cats (and a dog)"),
        ("Top two: going out", None, "Top two: going out"),
    ],
)
def test_choices_written_in_words(text: str, place: int | None, rest: str) -> None:
    assert marks.choice_mark(text) == (place, rest)


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [
        ("1. Cooking", 1, "Cooking"),
        ("2) Swimming", 2, "Swimming"),
        ("(1) Art", 1, "Art"),
        ("1.5 hours of support", None, "1.5 hours of support"),
        ("3 cats at home", None, "3 cats at home"),
        ("2 - 3 times a week", None, "2 - 3 times a week"),
    ],
)
def test_numbers_typed_in_front(text: str, number: int | None, rest: str) -> None:
    assert marks.typed_number(text) == (number, rest)


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("Top two", True),
        ("Top 2", True),
        ("Priority", True),
        ("Kim’s top two", True),
        ("Tick your top two", True),
        ("Rank (1 or 2)", True),
        ("What's working", False),
        ("Comments", False),
        ("Family", False),
    ],
)
def test_a_column_or_part_that_marks_choices(text: str, header: bool) -> None:
    assert marks.choice_header(text) is header


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("1", 1),
        ("1st", 1),
        ("2", 2),
        ("Second", 2),
        ("✓", True),
        ("☒", True),
        ("x", True),
        ("Yes", True),
        ("", None),
        ("3", None),
    ],
)
def test_what_a_choices_cell_says(cell: str, value: int | bool | None) -> None:
    assert marks.mark_value(cell) == value


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Review for", ("person_ref", True)),
        ("Person’s reference", ("person_ref", True)),
        ("Name", ("person_name", False)),
        ("Date of review", ("review_date", True)),
        ("Date", ("review_date", False)),
        ("Date of birth", None),
        ("Facilitated by", ("reviewer", True)),
        ("Date of this review", ("review_date", True)),
        ("Client ID number", ("person_ref", True)),
        ("NHS number", None),
        ("Service user’s name", ("person_name", False)),
        ("Name of reviewer", ("reviewer", True)),
        ("Who was at the review", ("participants", True)),
        ("Date of next review", None),
        ("Date of last review", None),
    ],
)
def test_labels_of_the_review_s_details(label: str, field: tuple[str, bool] | None) -> None:
    assert marks.field_label(label) == field
