"""Word documents rendered for real by LibreOffice: pages, paper size and text come out as intended."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from accessibility.texts import screen
from tests import factories as f
from tests.documents_render import render
from tests.factories import demo_project
from wtfc_collect.documents.cards import WorkshopCard, build_cards, build_strips
from wtfc_collect.domain import DomainError, Question
from wtfc_collect.services.reports.documents import DocumentKind, export_document
from wtfc_collect.services.workshop import plan
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository

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
    from wtfc_collect.services.reports.documents import DocumentKind, export_document
    from wtfc_collect.storage.memory import MemoryRepository

    repo = MemoryRepository()
    project = demo_project(repo, now=f.NOW, reviews=40)
    data = export_document(repo, project.id, DocumentKind.CHECKPOINT, actor="test", now=f.NOW)
    rendered = render(data, tmp_path)
    flat = " ".join(rendered.text.split())
    assert rendered.pages >= 2
    assert "Checkpoint report: Day and home support in Northvale" in flat
    assert "Progress against the sample plan" in flat and "Not signed off yet." in flat


def _demo_workshop() -> tuple[Repository, str]:
    repo = MemoryRepository()
    return repo, demo_project(repo, now=f.NOW, reviews=40, workshop=True).id


def test_wtfc_report_renders_every_section_with_its_tables(tmp_path: Path) -> None:
    repo, project_id = _demo_workshop()
    data = export_document(repo, project_id, DocumentKind.REPORT, actor="test", now=f.NOW)
    rendered = render(data, tmp_path)
    flat = " ".join(rendered.text.split())
    assert 8 <= rendered.pages <= 40
    assert "Working Together for Change report: Day and home support in Northvale" in flat
    for heading in (
        "Who took part",
        "Who came to the workshops",
        "Priorities and dot votes",
        "Root causes (five whys)",
        "The golden thread",
    ):
        assert heading in flat
    for action in plan.action_plans(repo, project_id):
        assert " ".join(action.title.split()) in flat
    assert "Quick win" in flat and "Not done yet" not in flat
    # The chain from words to action, what is working and missing, Step 8 and this cycle against the last.
    for heading in (
        "What is working, and what is missing",
        "Keep and spread",
        "Gaps: what matters for the future",
        "If this root cause were put right",
        "Learning and review",
        "Telling people: the communication plan",
        "How the process went, for each group who took part",
        "This cycle and the last (cycle 1)",
        "Measures carried forward",
    ):
        assert heading in flat, heading
    for link in ("People's words", "Root cause", "Success", "Measure", "Idea", "Action"):
        assert link in flat


def test_the_summary_for_leaders_is_one_a4_page(tmp_path: Path) -> None:
    repo, project_id = _demo_workshop()
    data = export_document(repo, project_id, DocumentKind.SUMMARY, actor="test", now=f.NOW)
    rendered = render(data, tmp_path)
    flat = " ".join(rendered.text.split())
    assert rendered.pages == 1
    for heading in (
        "Summary for leaders",
        "The biggest themes",
        "Priorities",
        "Actions and where they stand",
    ):
        assert heading in flat
    solid = "".join(flat.split())  # table cells wrap long titles, at spaces or at hyphens
    for action in plan.action_plans(repo, project_id):
        assert "".join(action.title.split()) in solid
    assert "Next review of progress:" in flat


def test_you_said_we_did_renders_in_large_type_with_its_pictures(tmp_path: Path) -> None:
    repo, project_id = _demo_workshop()
    data = export_document(repo, project_id, DocumentKind.YOU_SAID_WE_DID, actor="test", now=f.NOW)
    rendered = render(data, tmp_path)
    flat = " ".join(rendered.text.split())
    texts = screen("you_said_we_did")
    assert 2 <= rendered.pages <= 8
    for key in ("title", "said_heading", "working_heading", "doing_heading", "next_heading", "next_tell"):
        assert texts[key] in flat
    listed = subprocess.run(
        ["pdfimages", "-list", str(rendered.pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout.splitlines()[2:]
    pictures = [line for line in listed if line.split()[2] == "image"]
    # One for each question and each part of the letter (clear backgrounds are masks, not pictures).
    assert len(pictures) == 6
    assert "We will " in flat  # actions said as what we will do, in easy read


def test_you_said_we_did_in_welsh_renders_with_welsh_words_only(tmp_path: Path) -> None:
    repo, project_id = _demo_workshop()
    data = export_document(
        repo, project_id, DocumentKind.YOU_SAID_WE_DID, language="cy", actor="test", now=f.NOW
    )
    rendered = render(data, tmp_path)
    flat = " ".join(rendered.text.split())
    cy, en = screen("you_said_we_did", "cy"), screen("you_said_we_did")
    assert 2 <= rendered.pages <= 8
    for key in ("title", "said_heading", "working_heading", "doing_heading", "next_heading", "next_tell"):
        assert cy[key] in flat, key
    english = [value for key, value in en.items() if key != "months" and value in flat and value != cy[key]]
    assert not english, f"English sentences in the Welsh letter: {english}"
    listed = subprocess.run(
        ["pdfimages", "-list", str(rendered.pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout.splitlines()[2:]
    assert len([line for line in listed if line.split()[2] == "image"]) == 6
    refused = pytest.raises(DomainError, match="Welsh")
    with refused:
        export_document(repo, project_id, DocumentKind.REPORT, language="cy", actor="test", now=f.NOW)
