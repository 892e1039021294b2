"""The easy-read invitation rendered for real by LibreOffice: A4, large type, its six pictures, every part."""

from __future__ import annotations

import subprocess
from pathlib import Path

from accessibility.texts import screen
from tests import factories as f
from tests.documents_render import render
from tests.factories import demo_project
from wtfc_collect.services.reports.documents import DocumentKind, export_document
from wtfc_collect.services.workshop import participation
from wtfc_collect.storage.memory import MemoryRepository


def test_the_invitation_renders_with_its_pictures_and_every_part(tmp_path: Path) -> None:
    repo = MemoryRepository()
    project = demo_project(repo, now=f.NOW, reviews=8)
    details = {
        "place": "Riverside centre",
        "times": "10am to 3pm",
        "help_on_offer": "Hearing loop",
        "contact": "Fran",
    }
    participation.save_arrangements(repo, project.id, details, expected_revision=0, actor="test", now=f.NOW)
    data = export_document(repo, project.id, DocumentKind.INVITATION, actor="test", now=f.NOW)
    rendered = render(data, tmp_path)
    flat = " ".join(rendered.text.split())
    texts = screen("workshop_invitation")
    assert 3 <= rendered.pages <= 10
    for key in (
        "title",
        "what_heading",
        "when_heading",
        "who_heading",
        "theme_heading",
        "ideas_heading",
        "traditional_name",
        "radical_name",
        "different_name",
        "help_heading",
        "reply_heading",
    ):
        assert texts[key] in flat, key
    assert "Place: Riverside centre" in flat and "Time: 10am to 3pm" in flat
    for day in sorted(project.workshop_dates):
        assert f"{day:%A} {day.day} {day:%B %Y}" in flat
    listed = subprocess.run(
        ["pdfimages", "-list", str(rendered.pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout.splitlines()[2:]
    assert len([line for line in listed if line.split()[2] == "image"]) == 6
    size = subprocess.run(
        ["pdfinfo", str(rendered.pdf)], check=True, capture_output=True, text=True, timeout=60
    )
    assert "pts (A4)" in size.stdout


def test_the_welsh_invitation_renders_with_welsh_sentences_only(tmp_path: Path) -> None:
    repo = MemoryRepository()
    project = demo_project(repo, now=f.NOW, reviews=8)
    details = {
        "place": "Canolfan Glan yr Afon",
        "times": "10 tan 3",
        "help_on_offer": "Dolen sain",
        "contact": "Fran",
    }
    participation.save_arrangements(repo, project.id, details, expected_revision=0, actor="test", now=f.NOW)
    data = export_document(repo, project.id, DocumentKind.INVITATION, language="cy", actor="test", now=f.NOW)
    rendered = render(data, tmp_path)
    flat = " ".join(rendered.text.split())
    cy, en = screen("workshop_invitation", "cy"), screen("workshop_invitation")
    assert 3 <= rendered.pages <= 10
    for key in ("title", "what_heading", "when_heading", "who_heading", "ideas_heading", "radical_name"):
        assert cy[key] in flat, key
    assert "Lle: Canolfan Glan yr Afon" in flat and "Amser: 10 tan 3" in flat
    weekdays, months = cy["weekdays"].split(), cy["months"].split()
    for day in sorted(project.workshop_dates):
        assert f"Dydd {weekdays[day.weekday()]} {day.day} {months[day.month - 1]} {day.year}" in flat
    words_only = {"weekdays", "months", "date_line"}
    english = [v for k, v in en.items() if k not in words_only and v in flat and v != cy[k]]
    assert not english, f"English sentences in the Welsh invitation: {english}"
    assert not any(f"{day:%A}" in flat or f"{day:%B}" in flat for day in project.workshop_dates)
    listed = subprocess.run(
        ["pdfimages", "-list", str(rendered.pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout.splitlines()[2:]
    assert len([line for line in listed if line.split()[2] == "image"]) == 6
