"""The easy-read invitation and briefing: every fixed sentence comes from its texts file (held to easy read
with the own review's texts), each part has its picture with a description, and the type is large."""

from __future__ import annotations

import io
import re
from datetime import date

from docx import Document
from docx.shared import Pt

from accessibility.easy_read import reading
from accessibility.texts import DOCUMENT_SCREENS, EASY_READ_SCREENS, WELSH_SCREENS, WORD_LISTS, screen
from tests.welsh import unknown_words, words
from wtfc_collect.documents.invitation import WorkshopInvitation, build_invitation

TEXTS = screen("workshop_invitation")
FULL = WorkshopInvitation(
    project="Day and home support in Northvale",
    made_on=date(2027, 1, 10),
    days=[date(2027, 3, 16), date(2027, 3, 2)],
    place="Riverside centre, Mill Lane",
    times="10am to 3pm",
    help_on_offer="Step-free entrance\nHearing loop\n\nLunch",
    contact="Fran, 01632 960000",
)


def _document(invitation: WorkshopInvitation, language: str = "en") -> object:
    return Document(io.BytesIO(build_invitation(invitation, language)))


def test_its_texts_are_held_to_easy_read() -> None:
    assert "workshop_invitation" in EASY_READ_SCREENS and "workshop_invitation" in DOCUMENT_SCREENS
    sentences = {k: v for k, v in TEXTS.items() if ("workshop_invitation", k) not in WORD_LISTS}
    hard = {key: reading(value) for key, value in sentences.items() if not reading(value).easy}
    assert hard == {}


def test_every_line_is_a_fixed_sentence_or_what_the_facilitator_wrote() -> None:
    document = _document(FULL)
    given = {
        FULL.project,
        "Tuesday 2 March 2027",
        "Tuesday 16 March 2027",
        "Step-free entrance",
        "Hearing loop",
        "Lunch",
        "Fran, 01632 960000",
    }
    patterns = [re.sub(r"\\\{[a-z_]+\\\}", ".+", re.escape(value)) for value in TEXTS.values()]
    lines = [p.text for p in document.paragraphs if p.text]  # type: ignore[attr-defined]
    for line in lines:
        assert line in given or any(re.fullmatch(p, line) for p in patterns), f"not from the texts: {line!r}"
    assert lines.index("Tuesday 2 March 2027") < lines.index("Tuesday 16 March 2027")
    assert "Time: 10am to 3pm" in lines and "Place: Riverside centre, Mill Lane" in lines
    assert "The workshop is on 2 days:" in lines
    shown = "\n".join(lines)
    for key in (
        "what_heading",
        "who_heading",
        "theme_heading",
        "ideas_heading",
        "radical_name",
        "help_heading",
    ):
        assert TEXTS[key] in shown


def test_each_part_has_its_picture_with_a_description() -> None:
    document = _document(FULL)
    described = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]  # type: ignore[attr-defined]
    assert described == [
        TEXTS["when_picture"],
        TEXTS["who_picture"],
        TEXTS["theme_picture"],
        TEXTS["traditional_picture"],
        TEXTS["radical_picture"],
        TEXTS["different_picture"],
    ]


def test_large_type_and_a_title_for_screen_readers() -> None:
    document = _document(FULL)
    assert document.styles["Normal"].font.size == Pt(16)  # type: ignore[attr-defined]
    assert document.styles["Heading 1"].font.size == Pt(32)  # type: ignore[attr-defined]
    assert document.core_properties.title == f"{TEXTS['title']}: {FULL.project}"  # type: ignore[attr-defined]
    assert document.core_properties.language == "en-GB"  # type: ignore[attr-defined]


def test_without_days_or_arrangements_it_still_reads_well() -> None:
    bare = WorkshopInvitation(project="Northvale", made_on=date(2027, 1, 10), days=[])
    lines = [p.text for p in _document(bare).paragraphs if p.text]  # type: ignore[attr-defined]
    assert TEXTS["days_none"] in lines
    assert not any(line.startswith(("Time:", "Place:")) for line in lines)
    assert TEXTS["help_here"] not in lines and TEXTS["reply_contact"] not in lines
    assert lines[-1] == "We wrote this on 10 January 2027."


def test_in_welsh_every_fixed_sentence_is_welsh_with_welsh_dates_and_language() -> None:
    assert "workshop_invitation" in WELSH_SCREENS
    cy = screen("workshop_invitation", "cy")
    document = _document(FULL, "cy")
    lines = [p.text for p in document.paragraphs if p.text]  # type: ignore[attr-defined]
    text = "\n".join(lines)
    assert lines[0] == cy["title"] == "Dewch i'n gweithdy"
    assert "Dydd Mawrth 2 Mawrth 2027" in lines and "Dydd Mawrth 16 Mawrth 2027" in lines
    assert "Mae'r gweithdy ar 2 diwrnod:" in lines and "Amser: 10am to 3pm" in lines
    assert lines[-1] == "Ysgrifennon ni hwn ar 10 Ionawr 2027."
    english = [v for k, v in TEXTS.items() if ("workshop_invitation", k) not in WORD_LISTS and v in text]
    assert english == [], f"English in the Welsh invitation: {english}"
    typed = {FULL.project, FULL.place, FULL.times, FULL.help_on_offer, FULL.contact}
    assert unknown_words(text, also=frozenset(w for g in typed for w in words(g))) == []
    described = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]  # type: ignore[attr-defined]
    parts = ("when", "who", "theme", "traditional", "radical", "different")
    assert described == [cy[f"{part}_picture"] for part in parts]
    assert document.core_properties.language == "cy-GB"  # type: ignore[attr-defined]
    assert document.core_properties.title == f"Dewch i'n gweithdy: {FULL.project}"  # type: ignore[attr-defined]
    assert 'w:val="cy-GB"' in document.styles["Normal"].element.xml  # type: ignore[attr-defined]
