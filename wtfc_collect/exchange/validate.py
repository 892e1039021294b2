"""Turn what a file says into validated reviews, or into plain problems that say where and what to fix.

Every reader (CSV/XLSX table, Word review form) first turns its file into ``ReviewInput`` objects; this
module applies the rules that do not depend on the file's shape: the project's own lists, one first and
one second choice per question, no review already in the project, and everything the domain checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from wtfc_collect.domain import (
    DomainError,
    Project,
    Question,
    Review,
    ReviewStatus,
    Speaker,
    new_id,
    plain_errors,
    utc,
)
from wtfc_collect.domain.review import Priority

# Review fields that must name one of the project's own lists, when the project has such a list.
PROJECT_LISTS = {"team": "teams", "area": "areas", "group": "groups", "service_type": "service_types"}
_PLACE_WORDS = {1: "first", 2: "second"}


@dataclass(frozen=True)
class Problem:
    """Why something in a file cannot be imported. ``place`` says where ("Row 5", "Date of review");
    it is empty for a problem with the whole file. ``row`` is the row number in a table, if any."""

    place: str
    message: str
    row: int | None = None

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


class Unreadable(Exception):
    """The whole file cannot be read. ``message`` is written for the person using the tool."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ItemInput:
    """One answer (or a question the person chose not to answer) as the file gives it."""

    place: str
    row: int | None
    question: Question
    text: str = ""
    said_by: Speaker = Speaker.PERSON
    priority: Priority | None = None
    declined: bool = False


@dataclass(frozen=True)
class ReadLine:
    """One line of a file as it was read, for the preview before anything is saved.

    A statement has its question, who said it and the person's choice (if the file marks one);
    ``left_out`` says why any other line is not a statement (a heading, a detail, a label, …)."""

    where: str
    text: str
    question: Question | None = None
    said_by: Speaker | None = None
    priority: Priority | None = None
    left_out: str = ""


@dataclass
class ReviewInput:
    """One review as the file gives it: parsed details, answers, and how the file names each field."""

    place: str
    row: int | None
    details: dict[str, Any]
    items: list[ItemInput] = field(default_factory=list)
    labels: Mapping[str, str] = field(default_factory=dict)


@dataclass
class FileReading:
    """What a file holds: the reviews as given, the problems that stop them coming in, notes for the
    report, and every line as it was read (for the preview)."""

    inputs: list[ReviewInput]
    problems: list[Problem]
    notes: list[str] = field(default_factory=list)
    lines: list[ReadLine] = field(default_factory=list)


def review_key(person_ref: str, review_date: date) -> tuple[str, date]:
    """Two reviews are the same review when they are for the same person on the same day."""
    return (" ".join(person_ref.split()).casefold(), review_date)


_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})$")
_MONTH_FIRST = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
DATE_HINT = "write the date like 2026-05-01 or 01/05/2026 (day first)"


def parse_date(text: str) -> date:
    """A date written as 2026-05-01, 01/05/2026 (day first, as in the UK), 1.5.26, 1st May 2026,
    12-Mar-2026 or March 12, 2026, with or without the day of the week in front.

    Raises ValueError with a plain message.
    """
    value = _WEEKDAY.sub("", " ".join(text.split()).casefold())
    try:
        if match := _ISO.match(value):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_FIRST.match(value):
            year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
            return date(year, int(match[2]), int(match[1]))
        if (match := _WORDS.match(value)) and match[2] in _MONTHS:
            return date(int(match[3]), _MONTHS[match[2]], int(match[1]))
        if (match := _MONTH_FIRST.match(value)) and match[1] in _MONTHS:
            return date(int(match[3]), _MONTHS[match[1]], int(match[2]))
    except ValueError:
        raise ValueError(f"'{text}' is not a real date") from None
    raise ValueError(f"'{text}' is not a date I can read: {DATE_HINT}")


def build_reviews(
    inputs: Sequence[ReviewInput], *, project: Project, existing: Iterable[Review], now: datetime
) -> tuple[list[Review], list[Problem]]:
    """Validated new reviews for ``project``, and every problem found (nothing may be saved if any)."""
    taken = {review_key(r.person_ref, r.review_date) for r in existing}
    reviews: list[Review] = []
    problems: list[Problem] = []
    for given in inputs:
        found = _check(given, project, taken)
        # With problems found already, rules about the whole review would only repeat them, less clearly.
        review, more = _review(given, project, now, whole_review_rules=not found)
        found += more
        if review is not None and not found:
            reviews.append(review)
        problems.extend(found)
    return reviews, problems


def _check(given: ReviewInput, project: Project, taken: set[tuple[str, date]]) -> list[Problem]:
    problems: list[Problem] = []
    details = given.details
    ref, day = details.get("person_ref"), details.get("review_date")
    if isinstance(ref, str) and isinstance(day, date) and review_key(ref, day) in taken:
        problems.append(
            Problem(
                given.place,
                f"the project already has a review for {ref} on {day:%d/%m/%Y}. "
                "Take this review out of the file if it was imported before.",
                given.row,
            )
        )
    for name, list_name in PROJECT_LISTS.items():
        value = details.get(name)
        allowed: list[str] = getattr(project, list_name)
        if not value or not allowed:
            continue
        match = next((a for a in allowed if a.casefold() == " ".join(str(value).split()).casefold()), None)
        if match is None:
            problems.append(
                Problem(
                    given.place,
                    f"{given.labels.get(name, name)}: '{value}' is not one of the project's "
                    f"{list_name.replace('_', ' ')} ({', '.join(allowed)}).",
                    given.row,
                )
            )
        else:
            details[name] = match  # the project's own spelling, so counts and filters match
    problems.extend(_choices(given))
    return problems


def _choices(given: ReviewInput) -> list[Problem]:
    """One first and one second choice per question; a question is either answered or declined."""
    problems: list[Problem] = []
    places: dict[tuple[Question, int], ItemInput] = {}
    answered: dict[Question, ItemInput] = {}
    declined: dict[Question, ItemInput] = {}
    for item in given.items:
        if item.declined:
            if item.question in declined:
                problems.append(
                    Problem(item.place, "this question is already marked as not answered.", item.row)
                )
            declined[item.question] = item
            continue
        answered.setdefault(item.question, item)
        if item.priority is not None:
            earlier = places.get((item.question, item.priority))
            if earlier is not None:
                problems.append(
                    Problem(
                        item.place,
                        f"'{item.question.label}' already has a {_PLACE_WORDS[item.priority]} choice "
                        f"({earlier.place.lower()}). Each question has one first and one second choice.",
                        item.row,
                    )
                )
            places[(item.question, item.priority)] = item
    for question, item in declined.items():
        if question in answered:
            problems.append(
                Problem(
                    item.place,
                    f"this says the person chose not to answer '{question.label}', but "
                    f"{answered[question].place.lower()} has an answer to it.",
                    item.row,
                )
            )
    return problems


def _review(
    given: ReviewInput, project: Project, now: datetime, *, whole_review_rules: bool
) -> tuple[Review | None, list[Problem]]:
    details = dict(given.details)
    status = details.pop("status", ReviewStatus.DRAFT)
    answers = [i for i in given.items if not i.declined]
    data = {
        **details,
        "id": new_id(),
        "project_id": project.id,
        "created_at": utc(now),
        "updated_at": utc(now),
        "declined": [i.question for i in given.items if i.declined],
        "statements": [
            {
                "question": i.question,
                "text": i.text,
                "said_by": i.said_by,
                "priority": i.priority,
                "created_at": utc(now),
            }
            for i in answers
        ],
    }
    try:
        review = Review.model_validate(data)
    except ValidationError as error:
        return None, _field_problems(given, answers, error, whole_review_rules)
    if status is ReviewStatus.SUBMITTED and whole_review_rules:
        missing = review.problems_before_submit()
        if missing:
            reasons = " ".join(p.message for p in missing)
            return None, [
                Problem(given.place, f"this review is marked as sent in, but: {reasons}", given.row)
            ]
        try:
            review.submit(now)
        except DomainError as error:  # pragma: no cover - the check above found every problem
            return None, [Problem(given.place, error.message, given.row)]
    return review, []


def _field_problems(
    given: ReviewInput, answers: list[ItemInput], error: ValidationError, whole_review_rules: bool
) -> list[Problem]:
    problems: list[Problem] = []
    for path, message in plain_errors(error).items():
        if not path and not whole_review_rules:
            continue
        parts = path.split(".")
        if (
            parts[0] == "statements"
            and len(parts) > 1
            and parts[1].isdigit()
            and int(parts[1]) < len(answers)
        ):
            item = answers[int(parts[1])]
            problems.append(
                Problem(item.place, f"{given.labels.get('text', 'statement')}: {message}", item.row)
            )
            continue
        label = given.labels.get(parts[0], parts[0]) if parts[0] else ""
        problems.append(Problem(given.place, f"{label}: {message}" if label else message, given.row))
    return problems
