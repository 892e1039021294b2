"""Word documents rendered for real by LibreOffice: pages, paper size and text come out as intended."""

from __future__ import annotations

from pathlib import Path

from tests.documents_render import render
from wtfc_collect.documents.cards import WorkshopCard, build_cards, build_strips
from wtfc_collect.domain import Question

CARDS = [
    WorkshopCard(Question.WORKING, "Going to the allotment with my brother", 1),
    WorkshopCard(Question.NOT_WORKING, "Nobody tells me when the carer is running late", 2),
    WorkshopCard(Question.FUTURE, "Learning to cook a roast dinner", 3),
    WorkshopCard(Question.FUTURE, "Seeing the sea again 🌊", 4),
]


def test_cards_render_one_card_per_page(tmp_path: Path) -> None:
    rendered = render(build_cards(CARDS), tmp_path)
    assert rendered.pages == 1 + len(CARDS)  # a cover page, then one page per card
    flat = " ".join(rendered.text.split())
    for card in CARDS:
        assert " ".join(card.text.replace(" 🌊", "").split()) in flat
    assert "What is not working?" in flat


def test_a_very_long_statement_never_splits_a_card_across_pages(tmp_path: Path) -> None:
    long_text = "We waited all morning for the carer and nobody phoned to say why. " * 25
    rendered = render(build_cards([WorkshopCard(Question.NOT_WORKING, long_text, 7)]), tmp_path)
    flat = " ".join(rendered.text.split())
    parts = flat.count("Card 7, part")
    assert parts >= 2
    assert rendered.pages == 1 + parts  # each part on a page of its own, nothing spills over


def test_strips_render_in_a_few_pages(tmp_path: Path) -> None:
    many = [WorkshopCard(Question.WORKING, f"Statement number {n} about my week", n) for n in range(1, 31)]
    rendered = render(build_strips(many), tmp_path)
    assert 2 <= rendered.pages <= 8
    assert "Statement number 30 about my week" in " ".join(rendered.text.split())


def test_checkpoint_report_renders_with_its_tables(tmp_path: Path) -> None:
    from tests import factories as f
    from wtfc_collect import services
    from wtfc_collect.services.documents import DocumentKind, export_document
    from wtfc_collect.storage.memory import MemoryRepository

    repo = MemoryRepository()
    project = services.install_demo(repo, now=f.NOW, reviews=40)
    data = export_document(repo, project.id, DocumentKind.CHECKPOINT, actor="test", now=f.NOW)
    rendered = render(data, tmp_path)
    flat = " ".join(rendered.text.split())
    assert rendered.pages >= 2
    assert "Checkpoint report: Day and home support in Northvale" in flat
    assert "Progress against the sample plan" in flat and "Not signed off yet." in flat
