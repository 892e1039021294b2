"""Reading a review form's blocks (paragraphs and tables) into details, answers and left-out lines.

Paragraphs are read in order: a question heading opens that question's part, and each paragraph, bullet
or numbered line under it is one answer, until the next heading. A heading may name whose view follows
("From Kim's point of view", "Family:"); it holds for the answers under it, and for the questions under
it when they follow it straight away.

Tables are read by their shape:

- question columns: a header row naming questions ("What’s working for Kim" | "What’s not working for
  Kim" | …), answers below; a first column of labels ("Kim", "Family", "Staff") gives whose words each row
  holds; a column headed "Top two", "Priority" or similar marks the person's choices;
- question rows: the first column names the question, the other cells hold the answers; a header row of
  labels ("Kim" | "Family" | "Staff") gives whose words each column holds;
- anything else (the review's details, titles) is read cell by cell like paragraphs.

Every line is kept for the preview: answers with their question, who said them and any choice marked,
and every other line with the reason it is not a statement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from wtfc_collect.domain import Question, Speaker
from wtfc_collect.domain.review import Priority

from . import form_marks as marks
from . import form_words as words
from .validate import Problem
from .word_blocks import Cell, Paragraph, Table

_BULLET = re.compile(r"^\s*(?:[-•*–·▪◦➢✓►→o]\s+|[•·▪◦➢►→]|\(?[a-zA-Z][.)]\s+)")
_LEADERS = re.compile(r"^[\s_.…\-]+|[\s_….]+$")
_SAID_AFTER = re.compile(r"\s*\(([^()]{1,40})\)\s*[.!]?\s*$")
_SENTENCE_END = re.compile(r"[.!?;,:]['’\")]*\s*$")


@dataclass
class Answer:
    """One answer as read: where it is in the list of read lines, and how the form marks it."""

    line: int  # index into FormReader.lines
    text: str
    question: Question
    speaker: Speaker
    where: str
    choice: Priority | None = None  # marked as the 1st or 2nd choice in so many words
    tick: bool = False  # ticked as chosen, without an order
    number: int | None = None  # a number typed in front of it
    ranked: bool = False  # under a heading that asks for the top two, most important first


@dataclass
class Section:
    """The part of the form that answers one question, as far as the next heading."""

    question: Question
    speaker: Speaker | None  # named by the heading itself
    ranked: bool = False
    choosing: int = -1  # inside a "Top two" part: how many chosen so far (-1: not in one)
    level: int | None = None  # the level of its heading, if it is a heading style


@dataclass
class View:
    """Whose view the answers give, from a heading such as "From the family's point of view"."""

    speaker: Speaker
    level: int | None = None  # its heading level, if it is a heading
    fresh: bool = True  # nothing read since it
    holds: bool = False  # it stands above question headings, so they keep it


@dataclass
class FormReader:
    """What has been read so far, line by line; ``table_reader`` reads a table (see ``form_tables``)."""

    fields: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    strong: dict[str, bool] = field(default_factory=dict)  # whether a field came from a sure label
    answers: list[Answer] = field(default_factory=list)
    lines: list[tuple[str, str, str]] = field(default_factory=list)  # (where, text, why left out)
    problems: list[Problem] = field(default_factory=list)
    two_reviews: list[Problem] = field(default_factory=list)  # signs of more than one review in the file
    skipped: dict[str, int] = field(default_factory=dict)  # answers under other parts, by part
    headings: list[str] = field(default_factory=list)  # headings that name no question
    names: list[str] = field(default_factory=list)  # the person's name, as headings and labels give it
    heading_names: list[str] = field(default_factory=list)  # whom the question headings are about
    questions_seen: set[Question] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    labels_seen: set[int] = field(default_factory=set)  # label cells already in the preview
    section: Section | str | None = None  # a question's part, another part's name, or none
    view: View | None = None
    pending: tuple[str, str, bool, str] | None = None  # a detail's label (and where) waiting for its value
    table_reader: Callable[[FormReader, Table], None] = field(default=lambda reader, table: None, repr=False)

    # --- blocks ------------------------------------------------------------------------------------
    def read(self, blocks: list[Paragraph | Table]) -> None:
        for block in blocks:
            if isinstance(block, Table):
                self.table(block)
            else:
                self.paragraph(block)

    def paragraph(self, para: Paragraph, *, header: bool = False) -> None:
        lines = self._split(para.text)
        bold = para.line_bold if len(para.line_bold) == len(lines) else ()
        for number, text in enumerate(lines):
            line = para
            if len(lines) > 1:
                line = replace(para, where=f"{para.where}, line {number + 1}")
            if bold and bold[number] != para.bold:  # "<b>What is working?</b><br>My garden"
                line = replace(line, bold=bold[number])
            self.line(line, text, header=header)

    def _split(self, text: str) -> list[str]:
        """A paragraph with line breaks: one answer over several lines, or one answer a line."""
        lines = [line for line in text.split("\n") if line.strip()]
        if len(lines) <= 1:
            return [text.strip()]
        if isinstance(self.section, Section) and not all(
            _BULLET.match(x) or words.numbered(x) for x in lines
        ):
            prose = any(_SENTENCE_END.search(x) for x in lines[:-1]) or any(
                x.lstrip()[:1].islower() for x in lines[1:]
            )
            labelled = any(self._field(x) or self._question(x, "plain") for x in lines)
            if prose and not labelled:
                return ["\n".join(x.strip() for x in lines)]
        return [x.strip() for x in lines]

    # --- one line ----------------------------------------------------------------------------------
    def line(self, para: Paragraph, text: str, *, header: bool = False) -> None:
        where = para.where
        if not _LEADERS.sub("", text):
            return
        pending, self.pending = self.pending, None
        if self._detail(where, text):
            return
        styled = header or para.level is not None
        stripped = text.rstrip()
        kind = "sure" if styled or stripped.endswith(("?", ":")) or words.numbered(text) else "plain"
        kind = "bold" if kind == "plain" and para.bold else kind
        heading = self._question(text, kind)
        if heading is not None:
            self._open(where, text, heading, para.level)
            return
        if pending is not None and kind == "plain" and marks.same_row(pending[3], where):
            name, label, strong, _ = pending
            self._set(name, label, _LEADERS.sub("", text), where, text, strong=strong)
            return
        if (
            self._view_heading(where, text, styled or para.bold, para.level)
            or self._choice_heading(where, text, kind)
            or self._other_heading(where, text, kind, styled=styled, level=para.level)
        ):
            return
        if marks.END_LINE.match(text):  # "Signed: …", "Signature", "Date signed": the answers end here
            self.section = ""
            self.view = None
            self.leave(where, text, "a signature or note at the end, not a statement")
        elif marks.prompt(text):
            self.leave(where, text, "a prompt of the blank form")
        elif para.italic and marks.guidance(text):
            self.leave(where, text, "instructions printed on the form")
        else:
            self._answer(where, text)

    def _question(self, text: str, kind: str) -> words.Heading | None:
        section = self.section
        found = words.question_heading(text, kind=kind, in_section=isinstance(section, Section))
        if found is None or not (found.question or found.mixed):
            return None
        if (
            kind == "bold"
            and isinstance(section, Section)
            and found.question is section.question
            and not found.asks
        ):
            return None  # "Work is going well" in bold among the answers to "What is working?"
        return found

    def _open(self, where: str, text: str, heading: words.Heading, level: int | None) -> None:
        """A question heading: the answers below belong to it (or, naming several, a title). A view
        given by a heading of the same or a higher level ends here."""
        if heading.name and heading.speaker in (None, Speaker.PERSON):
            self.names.append(heading.name)
            self.heading_names.append(heading.name)
        view = self.view
        if view is not None and view.level is not None and level is not None and level <= view.level:
            view = self.view = None
        if view is not None and view.fresh:
            view.holds = True  # straight after a view's heading: it covers the questions below it
        if heading.mixed or heading.question is None:
            self.view = View(heading.speaker) if heading.speaker is not None else None
            self.section = None
            self.leave(where, text, "a heading that names more than one question")
            return
        if view is not None and not view.holds:
            self.view = view = None
        speaker = heading.speaker or (view.speaker if view is not None else None)
        self.section = Section(heading.question, speaker, heading.ranked, level=level)
        self.questions_seen.add(heading.question)
        if view is not None:
            view.fresh = False
        self.leave(where, text, f"the heading of '{heading.question.label}'")

    def _view_heading(self, where: str, text: str, looks: bool, level: int | None) -> bool:
        """A heading or label that says whose view follows ("Family:", "From Kim's point of view")."""
        stripped = text.strip().rstrip(":").strip()
        count = len(words.tokens(stripped))
        says = bool(re.search(r"point\s+of\s+view|perspective|\bviews?\b|\bsays\b|\bsaid\b", stripped, re.I))
        colon = text.rstrip().endswith(":")
        label_like = looks and count <= 3 and words.tokens(stripped)[:1] != ["my"]
        if count > 8 or not (says or colon or label_like):
            return False
        label = words.label_speaker(stripped)
        speaker = label.speaker if label.extra == 0 else None
        if speaker is None and label.name and (says or colon) and (says or self.is_person(label.name)):
            speaker = Speaker.PERSON
            self.names.append(label.name)
        if speaker is None:
            return False
        self.view = View(speaker, level)
        self.leave(where, text, f"says whose words follow: {speaker.label.lower()}")
        return True

    def _choice_heading(self, where: str, text: str, kind: str) -> bool:
        """Inside a question: "Top two:", "Kim's top two", "Most important" – the answers below are the
        person's choices, in order. "Top two: X" on one line chooses X."""
        if not isinstance(self.section, Section):
            return False
        label, colon, value = text.partition(":")
        if marks.choice_mark(text)[0] is not None:
            return False  # "2nd choice: …" is an answer with its mark
        if colon and value.strip() and marks.choice_header(label):
            self.section.choosing = max(self.section.choosing, 0)
            self._answer(where, value.strip())
            return True
        if (kind != "plain" or colon) and marks.choice_header(text):
            self.section.choosing = 0
            self.leave(where, text, "says the answers below are the person's choices")
            return True
        return False

    def _sub_heading(self, section: Section, text: str, styled: bool, level: int | None) -> bool:
        """Within a question's answers: a heading of a lower level ("At home" under "What is working"),
        or a short line ending with a colon ("At college:") — the answers below still answer it."""
        if styled:
            return level is not None and section.level is not None and level > section.level
        return text.endswith(":") and len(text.split()) <= 6 and not words.numbered(text)

    def _other_heading(self, where: str, text: str, kind: str, *, styled: bool, level: int | None) -> bool:
        """A heading that is not one of the three questions: it ends the part before it."""
        stripped = text.strip()
        in_section = isinstance(self.section, Section)
        count = len(stripped.split())
        asks_else = bool(marks.OTHER_QUESTIONS.search(stripped)) and count <= 16
        part = asks_else or (bool(marks.END_PARTS.search(stripped)) and count <= 8)
        numbered = words.numbered(stripped)
        section = self.section
        if isinstance(section, Section) and not part and self._sub_heading(section, stripped, styled, level):
            self.leave(where, text, f"a sub-heading within '{section.question.label}'")
            return True
        if styled:
            heading = True
        elif stripped.endswith(":"):
            heading = count <= 8 or part
        elif stripped.endswith("?"):
            in_part = isinstance(self.section, str) and bool(self.section)
            heading = (not in_section and not in_part) or numbered or part
        elif kind == "bold":
            heading = not in_section or part
        else:
            heading = numbered and not in_section and part
        if not heading:
            return False
        if self.view is not None and not self.view.holds:
            self.view = None
        name = re.sub(r"^\s*(?:q(?:uestion)?\s*)?\(?\d{1,2}\s*[).:]\s*", "", stripped).rstrip(":").strip()
        self.section = name if (stripped.endswith("?") or numbered or asks_else) else ""
        self.headings.append(name)
        self.leave(where, text, "a heading that is not one of the three questions")
        return True

    def _answer(self, where: str, text: str) -> None:
        section = self.section
        if not isinstance(section, Section):
            if section:
                self.skipped[section] = self.skipped.get(section, 0) + 1
                self.leave(where, text, f"under '{_short(section)}', which is not one of the three questions")
            else:
                self.leave(where, text, "not under any of the three questions")
            return
        body = _BULLET.sub("", text).strip() if not words.numbered(text) else text.strip()
        number, body = marks.typed_number(body)
        tick, body = marks.tick_box(body)
        choice, body = marks.choice_mark(body)
        speaker = section.speaker or (self.view.speaker if self.view is not None else None)
        said, body = self._said_by(body)
        if said is not None:
            speaker = said
            if choice is None:
                choice, body = marks.choice_mark(body)
        if not body:
            return
        if self.view is not None:
            self.view.fresh = False
        if section.choosing >= 0:
            choice = choice or (1 if section.choosing == 0 else 2 if section.choosing == 1 else None)
            section.choosing += 1
            earlier = self._same(section.question, body)
            if earlier is not None:
                earlier.choice = earlier.choice or choice
                self.leave(where, text, "repeats an answer above, marking it as the person's choice")
                return
        self.add(
            where,
            text,
            body,
            section.question,
            speaker or Speaker.PERSON,
            choice=choice,
            number=number,
            tick=tick,
        )
        self.answers[-1].ranked = section.ranked

    def _said_by(self, body: str) -> tuple[Speaker | None, str]:
        """Who said an answer, when the line says it: "Mum: …", "Kim said: …" or "… (staff)"."""
        label, colon, rest = body.partition(":")
        if colon and rest.strip() and len(words.tokens(label)) <= 4:
            found = self._label(label)
            if found is not None:
                return found, rest.strip()
        after = _SAID_AFTER.search(body)
        if after and body[: after.start()].strip():
            found = self._label(after[1])
            if found is not None:
                return found, body[: after.start()].strip()
        return None, body

    def _label(self, text: str) -> Speaker | None:
        label = words.label_speaker(text)
        if label.speaker is not None and label.extra == 0 and not label.several:
            return label.speaker
        if label.name and self.is_person(label.name):
            return Speaker.PERSON
        return None

    def _same(self, question: Question, text: str) -> Answer | None:
        key = words.norm(text)
        return next((a for a in self.answers if a.question is question and words.norm(a.text) == key), None)

    def add(
        self,
        where: str,
        shown: str,
        text: str,
        question: Question,
        speaker: Speaker,
        *,
        choice: Priority | None = None,
        number: int | None = None,
        tick: bool = False,
    ) -> None:
        self.lines.append((where, shown, ""))
        self.answers.append(Answer(len(self.lines) - 1, text, question, speaker, where, choice, tick, number))

    def leave(self, where: str, text: str, why: str) -> None:
        self.lines.append((where, text, why))

    def is_person(self, name: str) -> bool:
        first = name.split()[0].casefold() if name.split() else ""
        known = [n.split()[0].casefold() for n in self.names if n.split()]
        person = self.fields.get("person_name", "")
        if person:
            known += [w.casefold() for w in words.tokens(person)]
        return bool(first) and first in known

    # --- details -----------------------------------------------------------------------------------
    def _field(self, text: str) -> tuple[str, bool, str, str] | None:
        label, colon, value = text.partition(":")
        found = marks.field_label(label)
        if found is None:
            return None
        return found[0], found[1], label.strip(), _LEADERS.sub("", value) if colon else ""

    def _detail(self, where: str, text: str) -> bool:
        found = self._field(text)
        if found is None:
            return False
        name, strong, label, value = found
        self.section, self.pending = None, None
        if value:
            self._set(name, label, value, where, text, strong=strong)
        else:
            self.pending = (name, label, strong, where)
            self.leave(where, text, "the label of a detail of the review")
        return True

    def _set(self, name: str, label: str, value: str, where: str, text: str, *, strong: bool) -> None:
        """A detail: a second, different value clashes when both labels are sure ("Review for"); a weak
        label ("Date", "Name") gives way to a sure one, and after it to nothing else."""
        earlier = self.fields.get(name)
        if earlier is None or (strong and not self.strong[name]):
            self.fields[name], self.labels[name], self.strong[name] = value, label, strong
            if name == "person_name":
                self.leave(where, text, "the person's name: not kept (the review uses their reference)")
            else:
                self.leave(where, text, f"a detail of the review ({label})")
        elif earlier.casefold() == value.casefold():
            self.leave(where, text, f"a detail of the review ({label}), again")
        elif strong:
            found = marks.twice(name, self.labels[name], earlier, value)
            (self.two_reviews if name in ("person_ref", "review_date") else self.problems).append(found)
            self.leave(where, text, f"a second '{label}', which does not match the first")
        elif name == "person_name" and marks.has_digit(earlier) and marks.has_digit(value):
            self.two_reviews.append(marks.twice("person_ref", self.labels[name], earlier, value))
            self.leave(where, text, f"a second '{label}', which does not match the first")
        else:
            self.leave(where, text, f"'{label}' again, left out: the first one is kept")

    # --- tables ------------------------------------------------------------------------------------
    def table(self, table: Table) -> None:
        self.table_reader(self, table)

    def cell(self, cell: Cell, *, header: bool = False) -> None:
        """A cell read like paragraphs (inner tables too)."""
        for block in cell.blocks:
            if isinstance(block, Table):
                self.table(block)
            else:
                self.paragraph(block, header=header and bool(block.text.strip()))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
