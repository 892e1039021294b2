"""Tables on review forms, read by their shape (see ``form_reader`` for the layouts).

A table is read row by row. A row whose cells name questions (and perhaps a "Top two" column, or a
corner such as "Perspective") is a header: the rows below hold answers, one column per question, and
their first cell, if it is not under a question, labels whose words the row holds. A row whose first
cell names a question holds that question's answers in its other cells; a row of labels above such rows
("" | "Kim" | "Family" | "Staff") says whose words each column holds. Any other row is read cell by
cell, like paragraphs.

Labels are never statements. In a grid of perspectives (some labels say "Family", "Staff", …), a label
that names nobody known — most often the person's first name — is the person when no other label is;
any other such label stops the import with a request to say whose words they are. Labels in a grid
with no perspective words ("At home", "At college") are topics: the answers are the person's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wtfc_collect.domain import Speaker

from . import form_marks as marks
from . import form_words as words
from .form_reader import Answer, Section, View
from .validate import Problem
from .word_blocks import Cell, Paragraph, Table

if TYPE_CHECKING:
    from .form_reader import FormReader

# What the corner above a column of labels may say.
_CORNERS = frozenset(
    {"perspective", "perspectives", "who", "whose view", "view", "views", "name", "people", "person"}
    | {"said by", "who said it", "from", "whose words", "question", "questions", "the question", "topic"}
)


@dataclass
class _Column:
    question: words.Heading | None = None  # the question of this column
    marks: int | None = None  # a "Top two" column: the column whose answers it marks
    label: bool = False  # the column of row labels
    name: str = ""  # the header's words


@dataclass
class _Layout:
    columns: dict[int, _Column] = field(default_factory=dict)  # from the last header row
    speakers: dict[int, Speaker] = field(default_factory=dict)  # by column, from a row of labels
    marks: set[int] = field(default_factory=set)  # columns of choices beside question rows
    question: Section | None = None  # the question of the last question row
    question_cell: Cell | None = None  # and the cell that holds it
    across: Speaker | None = None  # from a row spanning the table ("Family")
    view: View | None = None  # the reader's view when the table started


def read_table(reader: FormReader, table: Table) -> None:
    rows = table.rows
    if table.width <= 1:
        for row in rows:
            for cell in _unique(row):
                reader.cell(cell)
        return
    shapes = [_shape(row) for row in rows]
    within = isinstance(reader.section, Section)  # a table under a question's heading
    labelled, row_speakers = _row_labels(reader, table, shapes, within=within)
    layout = _Layout(question=reader.section if isinstance(reader.section, Section) else None)
    layout.view = reader.view  # a view given above the table holds in it; one given in a cell, not beyond
    for number, (row, shape) in enumerate(zip(rows, shapes, strict=True)):
        if shape == "empty":
            continue
        if shape == "header":
            layout = _Layout(columns=_columns(row))
            _read_header(reader, row, layout, rows[number + 1 :])
        elif shape == "question" and layout.question is not None and row[0] is layout.question_cell:
            _answers_across(reader, row, layout, layout.question, None)  # the question's cell spans rows
        elif shape == "question":
            layout.columns = {}
            _question_row(reader, row, layout)
            layout.question_cell = row[0]
        elif shape == "labels":
            layout.speakers, layout.marks = _column_labels(reader, row)
        elif _across(reader, row, layout):
            continue
        elif layout.columns:
            _body_row(reader, row, layout, row_speakers.get(number))
        elif layout.question is not None:
            _more_answers(reader, row, layout, row_speakers.get(number), labelled=number in labelled)
        else:
            for cell in _unique(row):
                reader.cell(cell)
    reader.section = None
    reader.view = layout.view


# --- shapes ----------------------------------------------------------------------------------------------
def _unique(row: list[Cell | None]) -> list[Cell]:
    seen: list[Cell] = []
    for cell in row:
        if cell is not None and not any(cell is s for s in seen):
            seen.append(cell)
    return seen


def _starts(row: list[Cell | None]) -> list[tuple[int, Cell]]:
    """(column, cell) where each cell starts in the row, empty ones included."""
    return [
        (c, cell) for c, cell in enumerate(row) if cell is not None and (c == 0 or row[c - 1] is not cell)
    ]


def _text(cell: Cell) -> str:
    """A cell's first line: its heading or label."""
    return next((x.strip() for p in cell.paragraphs for x in p.text.split("\n") if x.strip()), "")


def _question(cell: Cell | None) -> words.Heading | None:
    if cell is None:
        return None
    text = _text(cell)
    if not text or marks.field_label(text.partition(":")[0]) is not None:
        return None
    found = words.question_heading(text, kind="sure", in_section=False)
    return found if found is not None and found.question is not None else None


def _short_label(cell: Cell) -> bool:
    text = _text(cell)
    return bool(text) and len(text.split()) <= 5 and marks.field_label(text.partition(":")[0]) is None


def _shape(row: list[Cell | None]) -> str:
    """ "header" (questions across), "question" (a question, then its answers), "labels" (labels across,
    over question rows: decided later), or "body"."""
    starts = [(c, cell) for c, cell in _starts(row) if cell.text]
    if not starts:
        return "empty"
    questions = [c for c, cell in starts if _question(cell) is not None]
    others = [(c, cell) for c, cell in starts if c not in questions]
    marked = [c for c, cell in others if marks.choice_header(_text(cell))]
    across = bool(questions) and (len(questions) >= 2 or questions[0] != 0 or bool(marked))
    if across and all(c in marked or (c < questions[0] and _short_label(cell)) for c, cell in others):
        return "header"
    if questions == [0] and len(starts) >= 1:
        return "question"
    return "body"


def _row_labels(
    reader: FormReader, table: Table, shapes: list[str], *, within: bool
) -> tuple[set[int], dict[int, Speaker]]:
    """The rows whose first cell labels the answers beside it, and who speaks in each. In a table under
    a question's heading, only the labels of a perspective grid count ("Kim" | …, "Family" | …)."""
    for number, shape in enumerate(shapes):
        if shape == "body" and _labels_over_questions(table.rows, shapes, number):
            shapes[number] = "labels"
    shaped = "header" in shapes or "question" in shapes
    if not shaped and not within:
        return set(), {}
    labels: list[tuple[int, Cell, str]] = []
    for number, (row, shape) in enumerate(zip(table.rows, shapes, strict=True)):
        first = row[0]
        if shape != "body" or first is None or not first.text or _question(first) is not None:
            continue
        if not any(cell is not first and cell.text for cell in _unique(row)) or not _short_label(first):
            continue
        labels.append((number, first, _text(first)))
    speakers = _resolve(reader, labels, "row")
    if not shaped and not speakers:
        return set(), {}  # answers side by side, not labels
    return {number for number, _, _ in labels}, speakers


def _labels_over_questions(rows: list[list[Cell | None]], shapes: list[str], number: int) -> bool:
    """A row of short labels with an empty first cell (or a corner), straight above the first question
    row."""
    if "question" in shapes[:number] or "header" in shapes[:number]:
        return False
    below = next((s for s in shapes[number + 1 :] if s != "empty"), None)
    row = rows[number]
    first = row[0]
    if below != "question" or (first is not None and first.text and not _corner(first)):
        return False
    labels = [cell for c, cell in _starts(row) if c and cell.text]
    return bool(labels) and all(_short_label(cell) for cell in labels)


def _corner(cell: Cell) -> bool:
    """The first cell of a row of labels: a corner word ("Perspective"), or a title such as "Working and
    not working" (a few words, naming no single question)."""
    text = _text(cell)
    return words.norm(text) in _CORNERS or (len(text.split()) <= 8 and _question(cell) is None)


def _columns(row: list[Cell | None]) -> dict[int, _Column]:
    columns: dict[int, _Column] = {}
    for column, cell in _starts(row):
        heading = _question(cell)
        text = _text(cell)
        if heading is not None:
            columns[column] = _Column(question=heading, name=text)
        elif text and marks.choice_header(text):
            columns[column] = _Column(name=text, marks=-1)
        else:
            columns[column] = _Column(label=True, name=text)
    questions = sorted(c for c, col in columns.items() if col.question is not None)
    for column, col in columns.items():
        if col.marks == -1:
            left = [c for c in questions if c < column]
            col.marks = left[-1] if left else next(c for c in questions if c > column)
        elif col.label and column > questions[0]:
            col.label = False  # a column beside the questions that is none of them: left out
    return columns


# --- header rows ---------------------------------------------------------------------------------------
def _read_header(
    reader: FormReader, row: list[Cell | None], layout: _Layout, below: list[list[Cell | None]]
) -> None:
    for column, cell in _starts(row):
        col = layout.columns[column]
        text = _text(cell)
        if not text:
            continue
        where = _where(cell)
        if col.question is not None:
            reader.section = None
            reader.line(_first(cell), text, header=True)
            section = reader.section
            if isinstance(section, Section):
                col.question = words.Heading(section.question, section.speaker, ranked=section.ranked)
            under = [r[column] for r in below if column < len(r)]
            answers_below = any(c is not None and c is not cell and c.text for c in under)
            _rest_of_heading_cell(reader, cell, text, section if not answers_below else None)
        elif col.marks is not None:
            reader.leave(where, text, "the heading of the column that marks the person's choices")
        elif col.label:
            reader.leave(where, text, "the heading of the column of labels")
        else:
            reader.leave(where, text, "a column that is not one of the three questions")
    reader.section = None


def _rest_of_heading_cell(reader: FormReader, cell: Cell, heading: str, section: object) -> None:
    """Lines under a heading in its own cell: answers if nothing is below it, else the form's notes."""
    done = False
    for para in cell.paragraphs:
        for line in (x.strip() for x in para.text.split("\n") if x.strip()):
            if not done and line == heading:
                done = True
                continue
            if isinstance(section, Section):
                reader.section = section
                reader.line(para, line)
            else:
                reader.leave(para.where, line, "notes under a heading, above the answers")


def _column_labels(reader: FormReader, row: list[Cell | None]) -> tuple[dict[int, Speaker], set[int]]:
    """Speakers by column, from labels across the top of question rows ("" | "Kim" | "Family"), and the
    columns that mark the person's choices ("Priority")."""
    first = row[0]
    if first is not None and first.text:
        reader.leave(_where(first), _text(first), "the corner of the table")
    marked = {c for c, cell in _starts(row) if c and cell.text and marks.choice_header(_text(cell))}
    labels = [(c, cell, _text(cell)) for c, cell in _starts(row) if c and cell.text and c not in marked]
    found = _resolve(reader, labels, "column")
    for column, cell, text in labels:
        reader.leave(_where(cell), text, _label_reason(column in found, "column"))
    for column, cell in _starts(row):
        if column in marked:
            reader.leave(
                _where(cell), _text(cell), "the heading of the column that marks the person's choices"
            )
    return found, marked


# --- rows with answers ---------------------------------------------------------------------------------
def _question_row(reader: FormReader, row: list[Cell | None], layout: _Layout) -> None:
    first = row[0]
    if first is None:
        return
    reader.section = None
    reader.line(_first(first), _text(first), header=True)
    section = reader.section
    if not isinstance(section, Section):
        return
    layout.question = section
    has_answers_beside = any(cell.text for c, cell in _starts(row) if c)
    _rest_of_heading_cell(reader, first, _text(first), None if has_answers_beside else section)
    _answers_across(reader, row, layout, section, None)


def _more_answers(
    reader: FormReader, row: list[Cell | None], layout: _Layout, speaker: Speaker | None, *, labelled: bool
) -> None:
    """A row under a question row: more of its answers, perhaps with a label in the first cell."""
    if layout.question is None:
        return
    first = row[0]
    if labelled and first is not None:
        _leave_label(reader, first, _label_reason(speaker is not None, "row"))
    _answers_across(reader, row, layout, layout.question, speaker, skip_first=bool(labelled))


def _answers_across(
    reader: FormReader,
    row: list[Cell | None],
    layout: _Layout,
    section: Section,
    speaker: Speaker | None,
    *,
    skip_first: bool = True,
) -> None:
    added_from = len(reader.answers)
    for column, cell in _starts(row):
        if (column == 0 and skip_first) or not cell.text or column in layout.marks:
            continue
        who = section.speaker or speaker or layout.speakers.get(column)
        reader.section = Section(section.question, who, section.ranked)
        reader.view = None if who is not None else layout.view
        reader.cell(cell)
    for column in sorted(layout.marks):
        _mark_cell(reader, row[column] if column < len(row) else None, reader.answers[added_from:])
    reader.section = layout.question


def _across(reader: FormReader, row: list[Cell | None], layout: _Layout) -> bool:
    """One cell across the table: whose words the rows below hold ("Family"), or a title."""
    starts = [cell for _, cell in _starts(row) if cell.text]
    if len(starts) != 1 or sum(1 for c in row if c is starts[0]) < 2:
        return False
    cell = starts[0]
    label = words.label_speaker(_text(cell))
    if (
        label.speaker is not None
        and label.extra == 0
        and not label.several
        and (layout.columns or layout.question)
    ):
        layout.across = label.speaker
        reader.leave(_where(cell), _text(cell), "says whose words the rows below hold")
        return True
    reader.section = None
    reader.cell(cell, header=True)
    layout.question = reader.section if isinstance(reader.section, Section) else None
    return True


def _body_row(reader: FormReader, row: list[Cell | None], layout: _Layout, speaker: Speaker | None) -> None:
    starts = [(c, cell) for c, cell in _starts(row) if cell.text]
    speaker = speaker or layout.across
    for column, cell in starts:
        col = layout.columns.get(column)
        if col is None:
            reader.section = None
            reader.cell(cell)
        elif col.question is not None and col.question.question is not None:
            before = len(reader.answers)
            who = col.question.speaker or speaker
            reader.section = Section(col.question.question, who, col.question.ranked)
            reader.view = None if who is not None else layout.view
            reader.cell(cell)
            _mark(reader, row, layout, column, reader.answers[before:])
        elif col.label:
            _leave_label(reader, cell, _label_reason(speaker is not None, "row"))
        elif col.marks is None:
            for para in cell.paragraphs:
                if para.text.strip():
                    reader.leave(
                        para.where, para.text, f"under '{col.name}', which is not one of the three questions"
                    )
    reader.section = None


def _mark(
    reader: FormReader, row: list[Cell | None], layout: _Layout, column: int, added: list[Answer]
) -> None:
    """The "Top two" or "Priority" cells beside an answer's column."""
    for mark_column, col in layout.columns.items():
        if col.marks == column:
            _mark_cell(reader, row[mark_column] if mark_column < len(row) else None, added)


def _mark_cell(reader: FormReader, cell: Cell | None, added: list[Answer]) -> None:
    """A mark beside an answer: 1, 2, or a tick (chosen, in no order)."""
    if cell is None or not cell.text:
        return
    value = marks.mark_value(cell.text)
    if value is None or not added:
        reader.leave(_where(cell), cell.text, "a mark in the choices column that is not 1, 2 or a tick")
    elif len(added) > 1:
        reader.leave(_where(cell), cell.text, "a mark beside more than one answer: not taken as a choice")
    else:
        reader.leave(_where(cell), cell.text, "a mark in the column of the person's choices")
        if value is True:
            added[0].tick = True
        else:
            added[0].choice = value


# --- whose words ---------------------------------------------------------------------------------------
def _resolve(reader: FormReader, labels: list[tuple[int, Cell, str]], kind: str) -> dict[int, Speaker]:
    """Speakers for a table's labels, by row or column (see the module's notes); none for topics."""
    read = [(key, cell, text, words.label_speaker(text)) for key, cell, text in labels]
    if not any(label.speaker is not None or label.several for _, _, _, label in read):
        return {}  # topics, not perspectives
    found: dict[int, Speaker] = {}
    done: dict[int, int] = {}  # a label merged down several rows is decided once
    person = any(label.speaker is Speaker.PERSON for _, _, _, label in read)
    for key, cell, text, label in read:
        if id(cell) in done:
            if done[id(cell)] in found:
                found[key] = found[done[id(cell)]]
            continue
        done[id(cell)] = key
        if label.speaker is not None and not label.several:
            found[key] = label.speaker
        elif words.norm(text) in _CORNERS:
            continue
        elif label.name and reader.is_person(label.name):
            found[key] = Speaker.PERSON
        elif label.name and not person:
            found[key], person = Speaker.PERSON, True
            reader.names.append(label.name)
        else:
            reader.problems.append(
                Problem(
                    _where(cell),
                    f"the {kind} label '{text}' does not say clearly whose words these are. Write the "
                    "person's first name, 'Family' (or 'Carer'), or 'Staff' there.",
                )
            )
    return found


def _leave_label(reader: FormReader, cell: Cell, why: str) -> None:
    """A label for the preview, once, also when it is merged down several rows."""
    if id(cell) not in reader.labels_seen:
        reader.labels_seen.add(id(cell))
        reader.leave(_where(cell), _text(cell), why)


def _label_reason(known: bool, kind: str) -> str:
    return f"a label that says whose words the {kind} holds" if known else f"a {kind} label, not a statement"


def _first(cell: Cell) -> Paragraph:
    return next((p for p in cell.paragraphs if p.text.strip()), Paragraph("", _where(cell)))


def _where(cell: Cell) -> str:
    first = next((p for p in cell.paragraphs if p.text.strip()), None)
    where = first.where if first is not None else ""
    return where.rsplit(", line", 1)[0]
