"""A review written on a Word form: the DH guide's "Person centred review feedback" (Appendix 2), and the
many layouts councils, NHS teams and providers use for person-centred reviews.

``word_blocks`` turns the file into paragraphs and tables, ``form_reader`` and ``form_tables`` read them
(headings, answers, perspective grids, marked choices) and this module turns what was read into one
review, the problems that stop it coming in, notes for the report and a preview of every line.

- **Who said it** comes from the form: a heading or label giving a view ("Family", "Staff", "From
  Kim's point of view") makes its answers said by family or carer, or by staff on the person's behalf;
  otherwise an answer is the person's.
- **Choices** only where the form marks them: "1st choice", "(2)", "Most important: …", a "Top two" or
  "Priority" column with 1, 2 or ticks, a "Top two:" part, numbers 1 and 2 in front of some answers
  but not all, or a heading that asks for the top two (then the first two, or those numbered 1 and 2).
  Otherwise there is none, and the report says the top two must be chosen with the person.
- Consent is not on these forms: the review comes in as a draft, to be completed in the tool.
"""

from __future__ import annotations

import re
from typing import Any

from wtfc_collect.domain import Question, ReviewMode, ReviewStatus, Speaker
from wtfc_collect.domain.review import Priority

from .form_marks import WHOLE_FILE
from .form_reader import Answer, FormReader
from .form_tables import read_table
from .validate import FileReading, ItemInput, Problem, ReadLine, ReviewInput, parse_date
from .word_blocks import read_blocks

_PLACES: tuple[Priority, Priority] = (1, 2)
_SEPARATORS = r"\s*(?:[;,\n]|\band\b)\s*"
_LOOKED_FOR = (
    "It looks for headings that name one of the three questions, such as 'What is working', "
    "'What’s not working for …' or 'What is important to … in the future', written as a heading, a bold "
    "line, a numbered line or a table's header."
)


def read_word_form(data: bytes) -> FileReading:
    """The one review on a Word form, the problems that stop it coming in, notes, and every line read."""
    reader = FormReader(table_reader=read_table)
    reader.read(read_blocks(data))
    priorities, choice_notes = _choices(reader.answers)
    lines = _preview(reader, priorities)
    details, problems = _details(reader)
    if not reader.questions_seen:  # one plain message: what was looked for, and what was found
        return FileReading([], [Problem(WHOLE_FILE, _no_question(reader))], [], lines)
    two = reader.two_reviews + _people(reader)
    if two:  # refused as a whole: the other problems would only be about which review is which
        return FileReading([], two[:1], [], lines)
    problems = reader.problems + problems
    if not reader.answers:
        named = ", ".join(f"'{q.label}'" for q in Question if q in reader.questions_seen)
        problems.append(
            Problem(WHOLE_FILE, f"it has the questions ({named}) but no answers were found under them.")
        )
    notes = _notes(reader, priorities, choice_notes)
    if problems:
        return FileReading([], problems, notes, lines)
    given = ReviewInput("The review details", None, details, labels={**reader.labels, "text": "the words"})
    for answer in reader.answers:
        place = f"{answer.where} (under '{answer.question.label}')"
        given.items.append(
            ItemInput(place, None, answer.question, answer.text, answer.speaker, priorities.get(id(answer)))
        )
    return FileReading([given], [], notes, lines)


# --- choices -------------------------------------------------------------------------------------------
def _choices(answers: list[Answer]) -> tuple[dict[int, Priority], list[str]]:
    """The first and second choice of each question, where the form marks them (see the module's notes)."""
    chosen: dict[int, Priority] = {}
    notes: list[str] = []
    for question in Question:
        mine = [a for a in answers if a.question is question]
        marked = [a for a in mine if a.choice is not None]
        ticked = [a for a in mine if a.tick]
        numbered = [a for a in mine if a.number is not None]
        if marked:
            chosen.update({id(a): a.choice for a in marked if a.choice is not None})
        elif ticked:
            if len(ticked) > 2:
                notes.append(
                    f"Under '{question.label}' {len(ticked)} answers are ticked as chosen, and only two can "
                    "be: none was made a choice."
                )
            else:
                chosen.update({id(a): place for a, place in zip(ticked, _PLACES, strict=False)})
                if len(ticked) == 2:
                    notes.append(
                        f"Under '{question.label}' two answers are ticked: the one higher up the form was "
                        "taken as the first choice. Check the order with the person."
                    )
        elif numbered and (len(numbered) < len(mine) or any(a.ranked for a in mine)):
            chosen.update({id(a): place for a in numbered for place in _PLACES if a.number == place})
        elif any(a.ranked for a in mine):
            chosen.update({id(a): place for a, place in zip(mine, _PLACES, strict=False)})
    return chosen, notes


# --- the review's details ------------------------------------------------------------------------------
def _details(reader: FormReader) -> tuple[dict[str, Any], list[Problem]]:
    fields, labels = reader.fields, reader.labels
    details: dict[str, Any] = {"mode": ReviewMode.WITH_STAFF, "status": ReviewStatus.DRAFT}
    problems: list[Problem] = []
    ref = fields.get("person_ref", "")
    name = fields.get("person_name", "")
    if not ref and any(ch.isdigit() for ch in name):
        ref, labels["person_ref"] = name, labels.get("person_name", "Name")
    if not ref:
        problems.append(
            Problem(
                labels.get("person_name", WHOLE_FILE),
                f"'{name}' looks like a name. Use the person's reference (such as NV-0012) instead: "
                "change it in the Word file and import it again."
                if name
                else "it does not say who the review is for. Fill in 'Review for:' with the person's "
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
    details["person_ref"] = _reference(ref)
    if not fields.get("review_date"):
        problems.append(
            Problem(WHOLE_FILE, "it does not give the date of the review. Fill in 'Date of review:'.")
        )
    else:
        try:
            details["review_date"] = parse_date(fields["review_date"])
        except ValueError as error:
            problems.append(Problem(labels["review_date"], f"{error}."))
    for field_name in ("reviewer", "team", "service_type", "area", "group"):
        details[field_name] = fields.get(field_name) or None
    people = fields.get("participants", "")
    details["participants"] = [p for p in re.split(_SEPARATORS, people) if p.strip()] if people else []
    return details, problems


_REF_TOKEN = re.compile(r"[A-Za-z]*[-/]?\d[\w/-]*")
_NAME_WORD = re.compile(r"\b[A-Z][a-z’'-]+\b")


def _reference(value: str) -> str:
    """The reference in "Kim Smith (KS-0042)": a name written beside it is not kept."""
    tokens: list[str] = _REF_TOKEN.findall(value)
    if len(tokens) == 1 and _NAME_WORD.search(value.replace(tokens[0], " ")):
        return tokens[0]
    return value


def _people(reader: FormReader) -> list[Problem]:
    """Headings about two different people: two reviews in one file."""
    firsts: list[str] = []
    for name in reader.heading_names:
        first = name.split()[0].casefold() if name.split() else ""
        if first and first not in firsts:
            firsts.append(first)
    if len(firsts) < 2:
        return []
    named = " and ".join(f"'{n.title()}'" for n in firsts[:3])
    return [
        Problem(
            WHOLE_FILE,
            f"it seems to hold more than one person's review: its questions are about {named}. Put each "
            "review in a Word file of its own and import them one at a time.",
        )
    ]


def _no_question(reader: FormReader) -> str:
    found: list[str] = []
    for heading in reader.headings:
        short = " ".join(heading.split())
        short = short if len(short) <= 60 else short[:59].rstrip() + "…"
        if short and short not in found:
            found.append(short)
    if found:
        listed = ", ".join(f"'{h}'" for h in found[:8]) + (
            f" and {len(found) - 8} more" if len(found) > 8 else ""
        )
        instead = f"Instead it found these headings: {listed}."
    else:
        first = [_short(text, 60) for _, text, _ in reader.lines if text.strip()][:3]
        shown = ", ".join(f"'{text}'" for text in first)
        instead = "Instead it found no headings at all" + (
            f"; the file starts with {shown}." if first else "."
        )
    return f"no question of the review was found. {_LOOKED_FOR} {instead}"


# --- report --------------------------------------------------------------------------------------------
def _preview(reader: FormReader, priorities: dict[int, Priority]) -> list[ReadLine]:
    answers = {a.line: a for a in reader.answers}
    lines: list[ReadLine] = []
    for index, (where, text, why) in enumerate(reader.lines):
        answer = answers.get(index)
        if answer is None:
            lines.append(ReadLine(where, text, left_out=why))
        else:
            lines.append(
                ReadLine(where, answer.text, answer.question, answer.speaker, priorities.get(id(answer)))
            )
    return lines


def _notes(reader: FormReader, priorities: dict[int, Priority], choice_notes: list[str]) -> list[str]:
    notes = [
        f"The part '{_short(heading, 140)}' is not one of the three questions, so its {count} answer(s) were "
        "left out."
        for heading, count in reader.skipped.items()
    ]
    if "location" in reader.fields:
        notes.append("The location of the review is not kept in this tool, so it was left out.")
    if reader.answers:
        counts = {s: sum(1 for a in reader.answers if a.speaker is s) for s in Speaker}
        if counts[Speaker.PERSON] == len(reader.answers):
            notes.append("Every answer counts as said by the person: the form does not name anyone else.")
        else:
            said = ", ".join(f"{n} by {s.label.lower()}" for s, n in counts.items() if n)
            notes.append(f"Who said each answer comes from the form's labels: {said}.")
        answered = [q for q in Question if any(a.question is q for a in reader.answers)]
        without = [
            q for q in answered if not any(priorities.get(id(a)) for a in reader.answers if a.question is q)
        ]
        if without == answered:
            notes.append(
                "The form does not mark which answers the person chose, so none is a first or second choice. "
                "Choose the top two with the person before sending the review in."
            )
        elif without:
            named = ", ".join(f"'{q.label}'" for q in without)
            notes.append(
                f"The form marks no first or second choice under {named}: choose the top two there with the "
                "person before sending the review in."
            )
    notes += choice_notes + reader.notes
    notes.append("Consent is not on the form: record it in the review before sending it in.")
    return notes


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
