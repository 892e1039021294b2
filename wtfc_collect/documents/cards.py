"""Workshop cards (one statement per A4 page) and strips (many per page), coloured by question.

Green for what is working, red for what is not working, blue for the future — light tints with black
text, so the contrast stays high in print and on screen, and the question is written on every card
for anyone who cannot tell the colours apart.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from wtfc_collect.domain import Question

from .common import border, copy_of, heading, new_document, paragraph, prototype, safe, shade, to_bytes

FILL = {Question.WORKING: "C8E6C9", Question.NOT_WORKING: "FFCDD2", Question.FUTURE: "BBDEFB"}
EDGE = {Question.WORKING: "1B5E20", Question.NOT_WORKING: "B71C1C", Question.FUTURE: "0D47A1"}
SHORT = {Question.WORKING: "Working", Question.NOT_WORKING: "Not working", Question.FUTURE: "Future"}
CARD_SIZES = ((80, 44), (200, 36), (10_000, 28))  # (up to this many characters, point size)
CARD_CHUNK = 380  # characters that fit on one A4 card at 28 pt, with room for the card number
STRIP_SIZES = (36, 32, 28, 24, 20, 18, 16)
LINE_WIDTH_PT = 440.0  # usable width of a strip, less its padding
MAX_STRIP_LINES = 4


@dataclass(frozen=True)
class WorkshopCard:
    """One statement for the workshop wall: its question, the (anonymised) words and a card number."""

    question: Question
    text: str
    number: int


def card_size(text: str) -> int:
    return next(size for limit, size in CARD_SIZES if len(text) <= limit)


def card_parts(text: str) -> list[str]:
    """A statement too long for one card is carried over, at word boundaries, onto numbered cards."""
    if len(text) <= CARD_CHUNK:
        return [text]
    return textwrap.wrap(text, CARD_CHUNK, break_long_words=True, replace_whitespace=False)


def _card_models(document: DocumentObject, question: Question, size: int) -> tuple[Paragraph, ...]:
    """The three paragraphs of a card (question, words, card number), formatted once to be copied."""
    top = prototype(document, "Heading 2")
    top.paragraph_format.page_break_before = True
    top.paragraph_format.keep_with_next = True
    top.add_run().font.size = Pt(20)
    shade(top, FILL[question])
    body = prototype(document)
    body.paragraph_format.keep_together = True
    body.paragraph_format.keep_with_next = True
    body.paragraph_format.space_before = Pt(12)
    body.paragraph_format.space_after = Pt(12)
    body.add_run().font.size = Pt(size)
    shade(body, FILL[question])
    border(body, EDGE[question])
    note = prototype(document)
    note.add_run()
    note.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return top, body, note


def build_cards(cards: Sequence[WorkshopCard], title: str = "Workshop cards") -> bytes:
    """One card per A4 page, in question order. Never splits a card across pages."""
    document = new_document(title)
    heading(document, safe(title), 1)
    paragraph(
        document,
        f"{len(cards)} cards. Green: what is working. Red: what is not working. Blue: what is important "
        "for the future. The question is also written at the top of each card.",
    )
    models: dict[tuple[Question, int], tuple[Paragraph, ...]] = {}
    for card in sorted(cards, key=lambda c: (list(Question).index(c.question), c.number)):
        parts = card_parts(safe(card.text))
        for index, words in enumerate(parts, start=1):
            key = (card.question, card_size(words))
            if key not in models:
                models[key] = _card_models(document, *key)
            top, body, note = models[key]
            footer = f"Card {card.number}" + (f", part {index} of {len(parts)}" if len(parts) > 1 else "")
            copy_of(document, top, card.question.label)
            copy_of(document, body, words)
            copy_of(document, note, footer)
    return to_bytes(document)


def strip_size(texts: Sequence[str]) -> int:
    """The largest type in which the longest statement fits on a strip of a few lines."""
    longest = max((len(t) for t in texts), default=0)
    for size in STRIP_SIZES:
        characters_per_line = LINE_WIDTH_PT / (0.52 * size)
        if math.ceil(longest / characters_per_line) <= MAX_STRIP_LINES:
            return size
    return STRIP_SIZES[-1]


def build_strips(cards: Sequence[WorkshopCard], title: str = "Workshop strips") -> bytes:
    """Many statements per page, grouped by question, in the largest type that fits the longest one."""
    document = new_document(title)
    heading(document, safe(title), 1)
    for question in Question:
        chosen = sorted((c for c in cards if c.question is question), key=lambda c: c.number)
        if not chosen:
            continue
        top = heading(document, f"{question.label} ({len(chosen)})", 2)
        top.paragraph_format.page_break_before = True
        texts = [safe(c.text) for c in chosen]
        size = strip_size(texts)
        model = prototype(document)  # one strip, formatted once, then copied for each statement
        model.paragraph_format.keep_together = True
        model.paragraph_format.space_after = Pt(10)
        label = model.add_run()
        label.bold = True
        label.font.size = Pt(max(12, size // 2))
        model.add_run().font.size = Pt(size)
        shade(model, FILL[question])
        border(model, EDGE[question], 12)
        for card, words in zip(chosen, texts, strict=True):
            copy_of(document, model, f"{SHORT[question]} {card.number}: ", words)
    return to_bytes(document)
