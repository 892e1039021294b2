"""A review written in Word on the "Person centred review feedback" form (the DH guide's Appendix 2).

The form has the review's details ("Review for:", "Date of review:", "Review facilitator:", "People
attending review:", "Location of review:") and then a heading for each question with the person's
answers below it, most important first. Forms differ from place to place, so reading is tolerant:

- a detail may be "Label: value" in one paragraph, the label and the value in two paragraphs, or two
  cells of a table; blank forms' "______" leaders are ignored;
- a question heading is recognised by its words ("what is working", "not working", "future"), whether
  it is a Word heading, a numbered line "3) What are …?" or a table cell; a table whose first row holds
  several question headings is read column by column;
- each answer is a paragraph, a bullet or a numbered item (the bullet or number is taken off).

Answers under a heading that is not one of the three questions (the form's "important to me now" part)
are left out, and the report says so. The first answer under a question becomes the person's first
choice and the second their second choice, in the order written. Every answer counts as said by the
person. Consent is not on the form: the review comes in as a draft, to be completed in the tool.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from wtfc_collect.domain import Question, ReviewMode, ReviewStatus
from wtfc_collect.domain.review import Priority

from .csv_xlsx import check_zip
from .validate import ItemInput, Problem, ReviewInput, Unreadable, parse_date

WHOLE_FILE = "The Word file"
_FIELDS = {
    "person_ref": (
        "review for",
        "person",
        "person reference",
        "person ref",
        "reference",
        "name",
        "name of person",
    ),
    "review_date": ("date of review", "review date", "date"),
    "reviewer": ("review facilitator", "facilitator", "reviewer", "facilitated by", "completed by"),
    "participants": ("people attending review", "people attending", "who attended", "attending", "present"),
    "location": ("location of review", "location", "venue", "where"),
    "team": ("team",),
    "service_type": ("service type", "type of service"),
    "area": ("area",),
    "group": ("group",),
}
_LABEL_FIELDS = {label: name for name, labels in _FIELDS.items() for label in labels}
_QUESTION_WORDS = (
    (
        Question.NOT_WORKING,
        re.compile(r"\b(not|isn't|aren't|doesn't|don't|never)\s+(working|work|going well)\b"),
    ),
    (Question.FUTURE, re.compile(r"\b(future|aspirations?)\b")),
    (Question.WORKING, re.compile(r"\b(working|works|going well)\b")),
)
# Short headings that name a question without asking it (compared without punctuation or apostrophes).
_SHORT_HEADINGS = (
    {
        f"{start}{words}"
        for start in ("", "what is ", "whats ")
        for words in ("working", "working well", "not working", "not working well", "isnt working")
    }
    | {
        f"{start}{words}"
        for start in ("", "what is ", "whats ", "hopes ", "hopes and dreams ", "important ")
        for words in ("future", "the future", "for the future", "my future", "important for the future")
    }
    | {
        f"{start}important to {who} for the future"
        for start in ("", "what is ", "whats ")
        for who in ("me", "you", "the person")
    }
)
_NUMBER = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\(?\d{1,2}\s*[).:]\s*", re.IGNORECASE)
_MARKER = re.compile(r"^\s*(?:[-•*–·▪◦➢✓]\s*|\(?\d{1,2}[.)]\s*|\(?[a-zA-Z][.)]\s+)")
_LEADERS = re.compile(r"^[\s_.…]+|[\s_…]+$")
_SEPARATORS = re.compile(r"\s*(?:[;,\n]|\band\b)\s*")


@dataclass
class _Line:
    text: str
    heading: bool = False


@dataclass
class _Form:
    fields: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    answers: dict[Question, list[str]] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_word_form(data: bytes) -> tuple[list[ReviewInput], list[Problem], list[str]]:
    """The one review on a Word review form, the problems that stop it coming in, and notes."""
    form = _read(_lines(_open(data)))
    notes = [
        f"The part '{_short(heading, 140)}' is not one of the three questions, so its {count} answer(s) were "
        "left out."
        for heading, count in form.skipped.items()
    ]
    if "location" in form.fields:
        notes.append("The location of the review is not kept in this tool, so it was left out.")
    details, problems = _details(form)
    problems = form.problems + problems
    if not any(form.answers.values()):
        problems.append(
            Problem(
                WHOLE_FILE,
                "no answers were found under the headings 'What is working', 'What is not working' and "
                "'What is important for the future'. Check that the file is a review form with those parts.",
            )
        )
    if problems:
        return [], problems, notes
    given = ReviewInput("The review details", None, details, labels={**form.labels, "text": "the words"})
    for question, texts in form.answers.items():
        for number, text in enumerate(texts, start=1):
            place = f"Answer {number} under '{question.label}'"
            priority: Priority | None = 1 if number == 1 else 2 if number == 2 else None
            given.items.append(ItemInput(place, None, question, text, priority=priority))
    notes.append(
        "The first two answers under each question became the person's first and second choice, and every "
        "answer counts as said by the person. Consent is not on the form: record it in the review before "
        "sending it in."
    )
    return [given], [], notes


def _open(data: bytes) -> Any:
    check_zip(data, "word/document.xml")
    import io

    from docx import Document

    try:
        return Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged file
        raise Unreadable(f"The Word file is damaged and cannot be read ({type(error).__name__}).") from None


def _lines(document: Any) -> Iterator[_Line]:
    """Every paragraph of the document in reading order, table cells included."""
    seen: dict[int, Any] = {}  # merged cells already read (holding each keeps its id unique)
    for block in document.iter_inner_content():
        yield from _block_lines(block, seen)


def _block_lines(block: Any, seen: dict[int, Any]) -> Iterator[_Line]:
    if hasattr(block, "rows"):
        grid = [list(_cells(row, seen)) for row in block.rows]
        headings = sum(1 for cell in grid[0] if _question_of(_cell_text(cell), True)) if grid else 0
        if headings >= 2:  # one question per column: read down each column
            width = max(len(row) for row in grid)
            order = [row[c] for c in range(width) for row in grid if c < len(row)]
        else:
            order = [cell for row in grid for cell in row]
        for cell in order:
            for inner in cell.iter_inner_content():
                yield from _block_lines(inner, seen)
        return
    style = (block.style.name if block.style is not None else "") or ""
    heading = style.startswith(("Heading", "Title")) or (
        bool(block.runs) and all(r.bold for r in block.runs if r.text.strip())
    )
    yield _Line(block.text, heading)


def _cells(row: Any, seen: dict[int, Any]) -> Iterator[Any]:
    """The row's cells, each merged cell once."""
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen[id(cell._tc)] = cell._tc
            yield cell


def _cell_text(cell: Any) -> str:
    return " ".join(p.text for p in cell.paragraphs)


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").casefold()
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text).split())


def _question_of(text: str, heading: bool, in_section: bool = False) -> Question | None:
    """The question a heading asks, or None. Inside a question's answers only a clear heading counts."""
    numbered = bool(_NUMBER.match(text))
    words = _norm(_NUMBER.sub("", text))
    if not words:
        return None
    question = next((q for q, pattern in _QUESTION_WORDS if pattern.search(words)), None)
    if question is None:
        return None
    asks = text.rstrip().endswith(("?", ":"))
    starts = words.startswith(("what ", "which ", "from the person")) or "section" in words
    clear = heading or words.replace("'", "") in _SHORT_HEADINGS or ((starts or numbered) and asks)
    return question if clear or (not in_section and (asks or starts)) else None


def _other_heading(text: str, heading: bool, in_section: bool) -> bool:
    """A heading that is not one of the three questions (it ends the part before it)."""
    stripped = text.strip()
    if heading or (stripped.endswith(":") and len(stripped.split()) <= 8):
        return True
    return stripped.endswith("?") and (not in_section or bool(_NUMBER.match(stripped)))


def _field_of(text: str) -> tuple[str, str, str] | None:
    """(field, label as written, value) for a line such as "Review for: NV-0012" or "Review for"."""
    label, colon, value = text.partition(":")
    name = _LABEL_FIELDS.get(_norm(label))
    if name is None:
        return None
    return name, label.strip(), _LEADERS.sub("", value) if colon else ""


def _read(lines: Iterator[_Line]) -> _Form:
    form = _Form()
    section: Question | str | None = None
    pending: tuple[str, str] | None = None
    for line in lines:
        for part in _split(line.text, section):
            text = part.strip()
            if not _LEADERS.sub("", text):
                continue
            in_section = isinstance(section, Question)
            found = _field_of(text)
            if found is not None:
                name, label, value = found
                section, pending = None, None if value else (name, label)
                if value:
                    _set(form, name, label, value)
                continue
            question = _question_of(text, line.heading, in_section)
            if question is not None:
                section, pending = question, None
                form.answers.setdefault(question, [])
            elif pending is not None:
                _set(form, pending[0], pending[1], _LEADERS.sub("", text))
                pending = None
            elif _other_heading(text, line.heading, in_section):
                # Answers under another question are counted for the report; under a title, ignored.
                asks = text.endswith("?") or bool(_NUMBER.match(text))
                section = _NUMBER.sub("", text).strip() if asks else ""
            elif isinstance(section, Question):
                answer = _MARKER.sub("", text).strip()
                if answer:
                    form.answers[section].append(answer)
            elif section and _MARKER.sub("", text).strip():
                form.skipped[section] = form.skipped.get(section, 0) + 1
    return form


def _split(text: str, section: Question | str | None) -> list[str]:
    """Lines of one paragraph: each on its own, unless they are one answer written over several lines."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) <= 1:
        return [text]
    one_answer = isinstance(section, Question) and not all(_MARKER.match(line) for line in lines)
    if one_answer and not any(_field_of(line) or _question_of(line, False, True) for line in lines):
        return [text]
    return lines


def _set(form: _Form, name: str, label: str, value: str) -> None:
    earlier = form.fields.get(name)
    if earlier is not None and earlier.casefold() != value.casefold():
        where = "who the review is for" if name == "person_ref" else f"'{label}'"
        form.problems.append(
            Problem(
                WHOLE_FILE,
                f"it gives {where} twice, differently. Keep one review in each Word file.",
            )
        )
        return
    form.fields[name] = value
    form.labels[name] = label


def _details(form: _Form) -> tuple[dict[str, Any], list[Problem]]:
    fields, labels = form.fields, form.labels
    details: dict[str, Any] = {"mode": ReviewMode.WITH_STAFF, "status": ReviewStatus.DRAFT}
    problems: list[Problem] = []
    ref = fields.get("person_ref", "")
    if not ref:
        problems.append(
            Problem(
                WHOLE_FILE,
                "it does not say who the review is for. Fill in 'Review for:' with the person's "
                "reference, such as NV-0012.",
            )
        )
    elif not any(ch.isdigit() for ch in ref):
        problems.append(
            Problem(
                labels.get("person_ref", "Review for"),
                f"'{ref}' looks like a name. Use the person's reference (such as NV-0012) instead: "
                "change it in the Word file and import it again.",
            )
        )
    details["person_ref"] = ref
    if not fields.get("review_date"):
        problems.append(
            Problem(WHOLE_FILE, "it does not give the date of the review. Fill in 'Date of review:'.")
        )
    else:
        try:
            details["review_date"] = parse_date(fields["review_date"])
        except ValueError as error:
            problems.append(Problem(labels["review_date"], f"{error}."))
    for name in ("reviewer", "team", "service_type", "area", "group"):
        details[name] = fields.get(name) or None
    people = fields.get("participants", "")
    details["participants"] = [p for p in _SEPARATORS.split(people) if p.strip()] if people else []
    return details, problems


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
