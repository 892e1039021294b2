"""Reviews as a table: one row per statement, with its review's details on every row (CSV and XLSX).

Row 1 holds the column names. Columns may come in any order; their names ignore case and spaces.

==================== ==============================================================================
column               what goes in it
==================== ==============================================================================
person_ref           the person's reference, such as NV-0012 (never their name). Required.
review_date          the day of the review: 2026-05-01 or 01/05/2026 (day first). Required.
mode                 ``with_staff`` (the default when empty) or ``self`` (an own review).
team                 the team; when the project lists teams it must be one of them.
reviewer             who held the review with the person.
service_type         the kind of service; one of the project's when it lists them.
area                 the area; one of the project's when it lists them.
group                the group; one of the project's when it lists them.
consent_given        ``yes`` or ``no``; empty when consent is not recorded yet.
consent_by           ``person`` (the default) or ``representative``.
representative_role  who the representative is, when consent_by is ``representative``.
status               ``draft`` (the default) or ``submitted`` (sent in: then everything must be complete).
question             ``working``, ``not_working`` or ``future`` (the question's words work too).
statement            what the person said, exactly as said.
said_by              ``person`` (the default), ``family_or_carer`` or ``staff_on_behalf``.
priority             ``1`` (first choice), ``2`` (second choice) or empty.
participants         optional: who took part, separated by ``;``.
consent_date         optional: the day consent was recorded (empty: the review date).
==================== ==============================================================================

Rows with the same person_ref and review_date are one review, so its details must be the same on each of
its rows. A review with no statements has one row with question and statement left empty. A question the
person chose not to answer is a row with that question, an empty statement and ``declined`` as said_by.
Row numbers in messages are the ones a spreadsheet shows (the column names are row 1).

Withdrawn reviews are never exported, and cannot be imported: the person took back their consent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from wtfc_collect.domain import (
    QUESTION_LABELS,
    ConsentGiver,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Speaker,
)
from wtfc_collect.domain.review import Priority

from .validate import ItemInput, Problem, ReadLine, ReviewInput, parse_date, review_key

REVIEW_COLUMNS = (
    "person_ref",
    "review_date",
    "mode",
    "team",
    "reviewer",
    "service_type",
    "area",
    "group",
    "consent_given",
    "consent_by",
    "representative_role",
    "status",
)
STATEMENT_COLUMNS = ("question", "statement", "said_by", "priority")
OPTIONAL_COLUMNS = ("participants", "consent_date")
REQUIRED_COLUMNS = REVIEW_COLUMNS + STATEMENT_COLUMNS
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
DECLINED = "declined"
_DETAIL_COLUMNS = REVIEW_COLUMNS + OPTIONAL_COLUMNS
_LABELS = {"consent": "representative_role", "text": "statement", "declined": "question"}

Cell = str | int | date


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")


def _words(mapping: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_key(word): value for value, words in mapping.items() for word in (value, *words)}


_QUESTIONS = _words(
    {
        Question.WORKING: ("what is working", "what's working", QUESTION_LABELS[Question.WORKING]),
        Question.NOT_WORKING: (
            "not working",
            "what is not working",
            "what's not working",
            QUESTION_LABELS[Question.NOT_WORKING],
        ),
        Question.FUTURE: ("important for the future", QUESTION_LABELS[Question.FUTURE]),
    }
)
_MODES = _words({ReviewMode.WITH_STAFF: ("with staff", "staff"), ReviewMode.SELF: ("own", "own review")})
_STATUSES = _words({ReviewStatus.DRAFT: (), ReviewStatus.SUBMITTED: ("sent in",), ReviewStatus.WITHDRAWN: ()})
_SPEAKERS = _words(
    {
        Speaker.PERSON: ("the person",),
        Speaker.FAMILY_OR_CARER: ("family or carer", "family", "carer"),
        Speaker.STAFF_ON_BEHALF: ("staff", "staff on the person's behalf"),
        DECLINED: ("chose not to answer",),
    }
)
_GIVERS = _words({ConsentGiver.PERSON: ("the person",), ConsentGiver.REPRESENTATIVE: ()})
_YES_NO = {
    "yes": "yes",
    "y": "yes",
    "true": "yes",
    "1": "yes",
    "no": "no",
    "n": "no",
    "false": "no",
    "0": "no",
}
_CHOICES = {"mode": _MODES, "status": _STATUSES, "consent_given": _YES_NO, "consent_by": _GIVERS}
_DEFAULTS = {"mode": ReviewMode.WITH_STAFF.value, "status": ReviewStatus.DRAFT.value, "consent_by": "person"}
_PRIORITIES: dict[str, Priority] = {"1": 1, "1st": 1, "first": 1, "2": 2, "2nd": 2, "second": 2}


# --- export ------------------------------------------------------------------------------------------
def table_rows(reviews: Iterable[Review]) -> list[list[Cell]]:
    """The column names, then one row per statement (and per declined question) of each review.

    Withdrawn reviews are left out: the person took back their consent, so their words stay here.
    """
    rows: list[list[Cell]] = [list(COLUMNS)]
    for review in reviews:
        if review.status is ReviewStatus.WITHDRAWN:
            continue
        start, end = _detail_cells(review)
        items: list[list[Cell]] = [
            [s.question.value, s.text, s.said_by.value, s.priority or ""] for s in review.statements
        ]
        items += [[q.value, "", DECLINED, ""] for q in sorted(review.declined, key=list(Question).index)]
        for item in items or [["", "", "", ""]]:
            rows.append([*start, *item, *end])
    return rows


def _detail_cells(review: Review) -> tuple[list[Cell], list[Cell]]:
    consent = review.consent
    start: list[Cell] = [
        review.person_ref,
        review.review_date,
        review.mode.value,
        review.team or "",
        review.reviewer or "",
        review.service_type or "",
        review.area or "",
        review.group or "",
        "" if consent is None else "yes" if consent.given else "no",
        "" if consent is None else consent.given_by.value,
        "" if consent is None else consent.representative_role or "",
        review.status.value,
    ]
    end: list[Cell] = ["; ".join(review.participants), "" if consent is None else consent.recorded_on]
    return start, end


# --- import ------------------------------------------------------------------------------------------
def read_table(rows: Sequence[Sequence[str]]) -> tuple[list[ReviewInput], list[Problem]]:
    """Reviews from the rows of a table (row 1: column names), and every problem found in it."""
    if not rows:
        return [], [Problem("", "The file is empty. Row 1 must hold the column names.")]
    columns, problems = _header(rows[0])
    if problems:
        return [], problems
    reviews: dict[tuple[str, date], tuple[ReviewInput, dict[str, str]]] = {}
    seen_data = False
    for number, cells in enumerate(rows[1:], start=2):
        values = {
            name: (cells[i] if i < len(cells) else "").strip() for i, name in enumerate(columns) if name
        }
        if not any(values.values()):
            continue
        seen_data = True
        place = f"Row {number}"
        details, found = _details(values, place, number)
        item, item_found = _item(values, place, number)
        problems += found + item_found
        if found:
            continue
        key = review_key(details["person_ref"], details["review_date"])
        raw = _canonical(values)
        if key not in reviews:
            labels = {**{name: name for name in COLUMNS}, **_LABELS}
            reviews[key] = (ReviewInput(place, number, details, labels=labels), raw)
        else:
            first, first_raw = reviews[key]
            differ = [name for name in _DETAIL_COLUMNS if raw[name] != first_raw[name]]
            if differ:
                problems.append(
                    Problem(
                        place,
                        f"this is the same review as {first.place.lower()} (same person and date), but "
                        f"these differ: {', '.join(differ)}. Make them the same on every row of a review.",
                        number,
                    )
                )
                continue
        if item is not None:
            reviews[key][0].items.append(item)
    if not seen_data and not problems:
        problems.append(Problem("Row 2", "there are no reviews below the column names.", 2))
    return [given for given, _ in reviews.values()], problems


def table_lines(inputs: Sequence[ReviewInput]) -> list[ReadLine]:
    """Each statement of a table as it was read, for the preview (a declined question says so)."""
    lines: list[ReadLine] = []
    for given in inputs:
        for item in given.items:
            where = f"{item.place} ({given.details.get('person_ref', '')})"
            if item.declined:
                lines.append(ReadLine(where, "", item.question, left_out="the person chose not to answer"))
            else:
                lines.append(ReadLine(where, item.text, item.question, item.said_by, item.priority))
    return lines


def _canonical(values: dict[str, str]) -> dict[str, str]:
    """A review's detail cells in one spelling, so "Yes" and "y", or "North team" and "north team", agree."""
    canonical: dict[str, str] = {}
    for name in _DETAIL_COLUMNS:
        raw = values.get(name, "")
        words = _CHOICES.get(name)
        if words is not None:
            value = words.get(_key(raw), _key(raw)) if raw else _DEFAULTS.get(name, "")
        elif name in {"review_date", "consent_date"}:
            try:
                value = parse_date(raw).isoformat() if raw else ""
            except ValueError:
                value = raw
        else:
            value = "; ".join(" ".join(part.split()).casefold() for part in raw.split(";") if part.strip())
        canonical[name] = value
    return canonical


def _header(cells: Sequence[str]) -> tuple[list[str], list[Problem]]:
    names = [_key(cell) for cell in cells]
    known = [name if name in COLUMNS else "" for name in names]
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    unknown = [cell.strip() for cell, name in zip(cells, names, strict=True) if name and name not in COLUMNS]
    twice = sorted({name for name in names if name and names.count(name) > 1})
    parts = []
    if missing:
        parts.append(f"these columns are missing: {', '.join(missing)}.")
    if unknown:
        parts.append(f"these columns are not known: {', '.join(unknown)}.")
    if twice:
        parts.append(f"these columns appear twice: {', '.join(twice)}.")
    if not parts:
        return known, []
    parts.append(
        f"The columns are: {', '.join(REQUIRED_COLUMNS)} (and optionally {', '.join(OPTIONAL_COLUMNS)})."
    )
    return known, [Problem("Row 1 (column names)", " ".join(parts), 1)]


def _choice(values: dict[str, str], column: str, words: dict[str, str], default: str, hint: str) -> str:
    raw = values.get(column, "")
    if not raw:
        return default
    found = words.get(_key(raw))
    if found is None:
        raise ValueError(f"{column}: '{raw}' is not one of the choices: use {hint}.")
    return found


def _details(values: dict[str, str], place: str, row: int) -> tuple[dict[str, Any], list[Problem]]:
    details: dict[str, Any] = {"person_ref": values["person_ref"]}
    problems: list[Problem] = []

    def problem(message: str) -> None:
        problems.append(Problem(place, message, row))

    if not values["person_ref"]:
        problem("person_ref: please fill in the person's reference.")
    for column in ("review_date", "consent_date"):
        if values.get(column):
            try:
                details[column] = parse_date(values[column])
            except ValueError as error:
                problem(f"{column}: {error}.")
        elif column == "review_date":
            problem("review_date: please fill in the day of the review.")
    for column in ("team", "reviewer", "service_type", "area", "group"):
        details[column] = values[column] or None
    details["participants"] = [p.strip() for p in values.get("participants", "").split(";") if p.strip()]
    try:
        details["mode"] = ReviewMode(
            _choice(values, "mode", _MODES, ReviewMode.WITH_STAFF, "with_staff or self")
        )
        details["status"] = ReviewStatus(
            _choice(values, "status", _STATUSES, ReviewStatus.DRAFT, "draft or submitted")
        )
        given = _choice(values, "consent_given", _YES_NO, "", "yes or no")
        by = _choice(values, "consent_by", _GIVERS, "", "person or representative")
    except ValueError as error:
        problem(str(error))
        return details, problems
    if details["status"] is ReviewStatus.WITHDRAWN:
        problem("status: a withdrawn review cannot be imported: the person took back their consent.")
    if given:
        recorded_on = details.pop("consent_date", None) or details.get("review_date")
        details["consent"] = {
            "given": given == "yes",
            "given_by": by or ConsentGiver.PERSON,
            "representative_role": values["representative_role"] or None,
            "recorded_on": recorded_on,
        }
    else:
        details.pop("consent_date", None)
        filled = [c for c in ("consent_by", "representative_role", "consent_date") if values.get(c)]
        if filled:
            problem(f"{', '.join(filled)} is filled in but consent_given is empty: write yes or no there.")
    return details, problems


def _item(values: dict[str, str], place: str, row: int) -> tuple[ItemInput | None, list[Problem]]:
    raw_question, text = values["question"], values["statement"]
    try:
        said_by = _choice(
            values,
            "said_by",
            _SPEAKERS,
            Speaker.PERSON,
            "person, family_or_carer, staff_on_behalf or declined",
        )
        priority_text = values["priority"]
        priority = _PRIORITIES.get(_key(priority_text)) if priority_text else None
        if priority_text and priority is None:
            raise ValueError(f"priority: '{priority_text}' is not a choice: use 1, 2 or leave it empty.")
    except ValueError as error:
        return None, [Problem(place, str(error), row)]
    if not raw_question:
        if text or priority or said_by == DECLINED:
            return None, [
                Problem(
                    place, "question: say which question this answers (working, not_working or future).", row
                )
            ]
        return None, []
    question = _QUESTIONS.get(_key(raw_question))
    if question is None:
        return None, [
            Problem(
                place,
                f"question: '{raw_question}' is not one of the questions: "
                "use working, not_working or future.",
                row,
            )
        ]
    if said_by == DECLINED:
        if text or priority:
            return None, [
                Problem(
                    place,
                    "a row marked declined (the person chose not to answer) must have no statement "
                    "or priority.",
                    row,
                )
            ]
        return ItemInput(place, row, Question(question), declined=True), []
    if not text:
        return None, [
            Problem(
                place,
                "statement: it is empty. Write what the person said, or put declined in said_by if they "
                "chose not to answer this question.",
                row,
            )
        ]
    return ItemInput(place, row, Question(question), text, Speaker(said_by), priority), []
