"""The corpus of review forms (tests/form_corpus.py), made by python-docx, by LibreOffice from HTML and ODT,
saved again by LibreOffice and written as raw WordprocessingML: each imports exactly as written — details,
statements, questions, who said each one and the person's choices — and the preview shows it line by line.

LibreOffice converts the whole corpus once for this module (one run, a profile of its own)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests import factories as f
from tests.form_corpus import FORMS, Form, build
from wtfc_collect.domain import Review, ReviewStatus
from wtfc_collect.exchange.word_form import read_word_form
from wtfc_collect.services.collect.exchange import check_import, import_reviews
from wtfc_collect.storage.memory import MemoryRepository


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, bytes]]:
    yield build(tmp_path_factory.mktemp("form-corpus"))


def test_the_corpus_holds_ten_or_more_layouts_from_several_programs(corpus: dict[str, bytes]) -> None:
    assert len(FORMS) >= 10 and len({form.name for form in FORMS}) == len(FORMS)
    programs = {form.program for form in FORMS}
    assert {"python-docx", "LibreOffice (HTML)", "LibreOffice (ODT)"} <= programs and len(programs) >= 5
    assert {"appendix-2", "perspective-rows", "perspective-columns"} <= set(corpus)
    converted = [form.name for form in FORMS if form.ending != "docx"]
    for name in converted:  # really written by LibreOffice, not by python-docx
        assert corpus[name].startswith(b"PK") and corpus[name] != next(
            f.source for f in FORMS if f.name == name
        )


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.name)
def test_each_form_imports_exactly_as_written(corpus: dict[str, bytes], form: Form) -> None:
    repo = MemoryRepository()
    project = repo.save(f.project())
    report = import_reviews(repo, project.id, f"{form.name}.docx", corpus[form.name], actor="test", now=f.NOW)
    assert report.ok and report.written, report.lines()
    (review,) = repo.find(Review)
    assert (review.person_ref, review.review_date, review.reviewer) == (
        form.person_ref,
        form.review_date,
        form.reviewer,
    )
    assert review.status is ReviewStatus.DRAFT
    saved = [(s.question, s.text, s.said_by, s.priority) for s in review.statements]
    assert saved == list(form.statements)


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.name)
def test_the_preview_shows_each_form_line_by_line(corpus: dict[str, bytes], form: Form) -> None:
    repo = MemoryRepository()
    project = repo.save(f.project())
    report = check_import(repo, project.id, f"{form.name}.docx", corpus[form.name], now=f.NOW)
    assert repo.find(Review) == []  # a preview saves nothing
    read = [
        (line.question, line.text, line.said_by, line.priority)
        for line in report.preview
        if not line.left_out
    ]
    assert read == list(form.statements)
    left_out = [line for line in report.preview if line.left_out]
    assert left_out and all(line.where and line.text.strip() for line in left_out)
    statements = {text for _, text, _, _ in form.statements}
    assert not any(line.text in statements for line in left_out if "repeats an answer" not in line.left_out)
    none_marked = not any(priority for _, _, _, priority in form.statements)
    told = any(
        note.startswith("The form does not mark which answers the person chose") for note in report.notes
    )
    assert told is none_marked


def test_a_form_from_libreoffice_keeps_curly_apostrophes_and_accents(corpus: dict[str, bytes]) -> None:
    texts = [item.text for item in read_word_form(corpus["question-columns"]).inputs[0].items]
    assert "My job at the café" in texts
    headings = [
        line.text for line in read_word_form(corpus["question-columns"]).lines if "heading" in line.left_out
    ]
    assert "What’s working for Kim" in headings


def test_tracked_changes_form_fields_and_empty_controls_read_as_shown(corpus: dict[str, bytes]) -> None:
    reading = read_word_form(corpus["content-controls"])
    texts = [line.text for line in reading.lines]
    assert "Going out on my scooter" in texts and not any("the bus" in t for t in texts)
    assert not any("Click or tap" in t or "FORMTEXT" in t for t in texts)
    assert reading.inputs[0].details["reviewer"] is None
