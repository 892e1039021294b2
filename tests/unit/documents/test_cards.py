"""Workshop cards and strips, opened again with python-docx: content, colours, sizes, page set-up."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from wtfc_collect.documents.cards import (
    CARD_CHUNK,
    FILL,
    WorkshopCard,
    build_cards,
    build_strips,
    card_parts,
    strip_size,
)
from wtfc_collect.domain import Question

W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
CARDS = [
    WorkshopCard(NW, "The carers come at different times and I never know who", 2),
    WorkshopCard(W, "Going to the allotment with my brother", 1),
    WorkshopCard(F, "I want to learn to use the bus on my own", 3),
]


def _open(data: bytes):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(data))


def _fill(paragraph) -> str | None:  # type: ignore[no-untyped-def]
    shading = paragraph._p.pPr.find(qn("w:shd")) if paragraph._p.pPr is not None else None
    return None if shading is None else shading.get(qn("w:fill"))


def test_cards_one_per_page_in_question_order_with_the_question_written() -> None:
    document = _open(build_cards(CARDS))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert document.core_properties.title == "Workshop cards"
    assert document.core_properties.language == "en-GB"
    headings = [p for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [h.text for h in headings] == [q.label for q in (W, NW, F)]
    assert all(h.paragraph_format.page_break_before for h in headings)
    bodies = [p for p in document.paragraphs if p.paragraph_format.keep_together]
    assert [b.text for b in bodies] == [CARDS[1].text, CARDS[0].text, CARDS[2].text]
    assert [_fill(b) for b in bodies] == [FILL[W], FILL[NW], FILL[F]]
    assert all(run.font.size >= Pt(28) for b in bodies for run in b.runs)
    assert document.paragraphs[0].style.name == "Heading 1"


def test_long_statements_carry_over_onto_numbered_cards_and_control_characters_are_dropped() -> None:
    long_text = "\x07We " + "waited all morning for the carer to come. " * 40
    document = _open(build_cards([WorkshopCard(NW, long_text, 9)]))
    parts = card_parts(long_text.replace("\x07", ""))
    assert len(parts) >= 3 and all(len(p) <= CARD_CHUNK for p in parts)
    notes = [p.text for p in document.paragraphs if p.text.startswith("Card 9")]
    assert notes == [f"Card 9, part {i} of {len(parts)}" for i in range(1, len(parts) + 1)]
    assert "\x07" not in "".join(p.text for p in document.paragraphs)


def test_html_and_markdown_stay_literal() -> None:
    text = "<b>My</b> **garden** 🌻"
    document = _open(build_cards([WorkshopCard(W, text, 1)]))
    assert text in [p.text for p in document.paragraphs]


def test_strips_grouped_by_question_in_the_largest_type_that_fits() -> None:
    document = _open(build_strips(CARDS))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == [
        "What is working? (1)",
        "What is not working? (1)",
        "What is important to you for the future? (1)",
    ]
    strips = [p for p in document.paragraphs if _fill(p)]
    assert [s.runs[0].text for s in strips] == ["Working 1: ", "Not working 2: ", "Future 3: "]
    assert strips[0].runs[1].font.size == Pt(strip_size([c.text for c in CARDS]))


@pytest.mark.parametrize(("longest", "expected"), [(20, 36), (120, 28), (400, 16)])
def test_strip_size_shrinks_as_statements_grow(longest: int, expected: int) -> None:
    assert strip_size(["x" * longest, "short"]) == expected


def test_every_card_and_strip_is_a_formatted_copy_that_keeps_line_breaks_tabs_and_spaces() -> None:
    # Cards and strips are copied from one formatted paragraph (much faster than formatting each one):
    # each copy must carry its own words, its colour, its size and its breaks.
    odd = WorkshopCard(W, " I like it\nwhen they\tcome ", 9)
    many = [*CARDS, odd, WorkshopCard(W, "Short", 10)]
    cards = Document(io.BytesIO(build_cards(many)))
    words = [p for p in cards.paragraphs if p.style.name == "Normal" and p.runs and p.runs[0].font.size]
    assert [p.text for p in words][:3] == [CARDS[1].text, " I like it\nwhen they\tcome ", "Short"]
    assert len({id(p._p) for p in words}) == len(words) == len(many)
    for paragraph in words:
        fill = paragraph._p.pPr.find(qn("w:shd")).get(qn("w:fill"))
        assert fill in FILL.values() and paragraph.runs[0].font.size >= Pt(28)
    numbers = [p.text for p in cards.paragraphs if p.text.startswith("Card ")]
    assert numbers == ["Card 1", "Card 9", "Card 10", "Card 2", "Card 3"]
    strips = Document(io.BytesIO(build_strips(many)))
    texts = [p.text for p in strips.paragraphs]
    assert "Working 9:  I like it\nwhen they\tcome " in texts and "Working 10: Short" in texts
