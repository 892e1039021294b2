""" "You said, we did": an easy-read letter back to the people who took part, in English or Welsh.

Large type (16 pt and up), short sentences, one idea on each line, and a picture (a Mulberry pictogram)
for each of the three questions and each part of the letter. Each action is said as what we will do, in the
easy-read "We will …" words written on its action plan. Every fixed sentence lives in
``accessibility/texts/en/you_said_we_did.toml`` (Welsh: ``texts/cy/``), where the tests hold it to easy
read (reading grade 5 or lower, 15 words or fewer a sentence). The only other words are the theme names
(the people's own "I" statements), the plans' "We will …" words, and the titles of plans that have none yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from docx.document import Document as DocumentObject
from docx.shared import Cm

from accessibility.pictures import png
from accessibility.texts import screen
from wtfc_collect.domain import ActionStatus, Question

from .common import (
    EASY_READ_PT,
    LANGUAGE_TAGS,
    easy_read_styles,
    heading,
    new_document,
    paragraph,
    picture,
    safe,
    to_bytes,
)

TEXTS = "you_said_we_did"
BODY_PT = EASY_READ_PT
PICTURE = Cm(3.5)
QUESTION_ORDER = (Question.WORKING, Question.NOT_WORKING, Question.FUTURE)


@dataclass(frozen=True)
class SaidTheme:
    """A theme as the people named it ("I …"), and how many people said something in it."""

    name: str
    people: int


@dataclass(frozen=True)
class Doing:
    """What is being done about one theme: each action's title, where it stands, and what we will do in
    easy read ("We will …", written on the action plan; "" until it is)."""

    theme: str | None  # None when the theme has no name yet
    actions: list[tuple[str, ActionStatus, str]]


@dataclass(frozen=True)
class YouSaidWeDid:
    project: str
    made_on: date
    people: int  # reviews sent in with consent, not withdrawn
    said: dict[Question, list[SaidTheme]]
    doing: list[Doing]


def _line(
    document: DocumentObject, words: str, *, lead: str = "", bold: bool = False, keep: bool = False
) -> None:
    """One idea on one line (``lead``, such as "We will:", in plain type before it); ``keep`` keeps it on
    the same page as the next line."""
    line = paragraph(document)
    line.paragraph_format.keep_with_next = keep
    if lead:
        line.add_run(f"{lead} ")
    line.add_run(safe(words)).bold = bold


def _people(t: dict[str, str], count: int) -> str:
    return t["people_one"] if count == 1 else t["people_many"].format(n=count)


def _section(document: DocumentObject, t: dict[str, str], name: str, key: str) -> None:
    """A part of the letter: its picture, then its heading, kept on one page."""
    drawn = picture(document, png(name), t[f"{name}_picture"], PICTURE)
    drawn.paragraph_format.keep_with_next = True
    heading(document, t[key], 2)


def _said(document: DocumentObject, t: dict[str, str], letter: YouSaidWeDid) -> None:
    _section(document, t, "you_said", "said_heading")
    if not any(letter.said.get(q) for q in QUESTION_ORDER):
        _line(document, t["nothing_yet"])
        return
    for question in QUESTION_ORDER:
        themes = letter.said.get(question, [])
        if not themes:
            continue
        drawn = picture(document, png(question.value), t[f"{question.value}_picture"], PICTURE)
        drawn.paragraph_format.keep_with_next = True  # the picture stays on the page of its heading
        heading(document, t[f"{question.value}_heading"], 3)
        for theme in themes:
            _line(document, theme.name, bold=True, keep=True)
            _line(document, _people(t, theme.people))


def _doing(document: DocumentObject, t: dict[str, str], letter: YouSaidWeDid) -> None:
    _section(document, t, "we_do", "doing_heading")
    if not any(d.actions for d in letter.doing):
        _line(document, t["no_plans"])
        _line(document, t["no_plans_next"])
        return
    for item in letter.doing:
        heading(document, safe(f"{t['you_said']} {item.theme or t['unnamed']}"), 3)
        if not item.actions:
            _line(document, t["still_planning"])
        for title, status, we_will in item.actions:
            if we_will:  # "We will …" in easy read, as written on the action plan
                _line(document, we_will, bold=True, keep=True)
            else:
                _line(document, title, lead=t["working_on"], bold=True, keep=True)
            _line(document, t[f"status_{status.value}"])


def build_you_said_we_did(letter: YouSaidWeDid, language: str = "en") -> bytes:
    """The letter in ``language``: "en" (English) or "cy" (Welsh, from ``accessibility/texts/cy/``)."""
    t = screen(TEXTS, language)
    document = new_document(
        f"{t['title']}: {letter.project}", base_size=BODY_PT, language=LANGUAGE_TAGS.get(language, "en-GB")
    )
    easy_read_styles(document)
    heading(document, t["title"], 1)
    _line(document, letter.project, bold=True)
    _line(document, t["thanks"])
    if letter.people:
        _line(document, t["told_us_one"] if letter.people == 1 else t["told_us"].format(n=letter.people))
    _line(document, t["about"])
    _said(document, t, letter)
    _doing(document, t, letter)
    _section(document, t, "next", "next_heading")
    for key in ("next_check", "next_tell", "next_review"):
        _line(document, t[key])
    made = letter.made_on
    month = t["months"].split()[made.month - 1]
    _line(document, t["made_on"].format(date=f"{made.day} {month} {made.year}"))
    return to_bytes(document)
