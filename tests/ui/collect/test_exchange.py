"""The "Import and export reviews" page through AppTest: downloads offered, uploads checked, then imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.form_corpus import RAY_ROWS
from tests.form_corpus import appendix_2_form as appendix_2
from tests.ui.shown import said
from tests.ui.tables import column, tables
from wtfc_collect import bootstrap
from wtfc_collect.domain import AuditAction, Project, Review
from wtfc_collect.exchange import COLUMNS, MIME_TYPES
from wtfc_collect.services.collect.exchange import export_reviews
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.context import PROJECT_KEY

ROOT = Path(__file__).resolve().parents[3]
CSV = "text/csv"


@pytest.fixture
def repo(data_dir: Path) -> Repository:
    return bootstrap.build_repository()


@pytest.fixture
def project(repo: Repository) -> Project:
    repo.save(f.project(name="Another project", created_at=f.NOW.replace(year=2030)))
    return repo.save(f.project(name="Eastvale home care"))


def _page(project: Project) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/exchange.py"), default_timeout=30)
    at.session_state[PROJECT_KEY] = project.id
    at.run()
    assert not at.exception, at.exception
    return at


def _upload(at: AppTest, name: str, data: bytes, mime: str) -> AppTest:
    at.file_uploader[0].set_value((name, data, mime)).run()
    assert not at.exception, at.exception
    return at


def _csv(*lines: str) -> bytes:
    return "\n".join([",".join(COLUMNS), *lines]).encode("utf-8")


def test_downloads_are_offered_without_writing_anything_until_pressed(
    repo: Repository, project: Project
) -> None:
    sent = f.complete_review(project.id)
    sent.submit(f.NOW)
    repo.save(sent)
    at = _page(project)
    assert at.title[0].value == "Import and export reviews"
    assert "Eastvale home care" in [c.value for c in at.caption]  # the chosen project, not the newest
    assert "Reviews in the file: 1. Statements: 6." in at.markdown[1].value
    buttons = at.download_button
    assert [b.label for b in buttons] == ["Download as CSV", "Download as Excel (.xlsx)"]
    assert not any(b.disabled for b in buttons)
    assert [e for e in repo.audit_log() if e.action is AuditAction.EXPORT] == []
    assert export_reviews(repo, project.id, "csv", actor="x", now=f.NOW).startswith(
        b"\xef\xbb\xbfperson_ref,"
    )


def test_no_reviews_means_nothing_to_download(project: Project) -> None:
    at = _page(project)
    assert "There are no reviews to export yet." in said(at.info)
    assert all(b.disabled for b in at.download_button)


def test_a_good_file_is_previewed_then_imported_and_the_uploader_empties(
    repo: Repository, project: Project
) -> None:
    at = _page(project)
    data = _csv(
        "EV-0001,2026-05-01,,North team,,,,,yes,,,,working,My garden,,1",
        "EV-0001,2026-05-01,,North team,,,,,yes,,,,future,,declined,",
    )
    _upload(at, "reviews.csv", data, CSV)
    assert any(i.value.startswith("Ready to import 1 review with 1 statement") for i in at.info)
    assert repo.find(Review) == []  # the preview saves nothing
    at.button(key="exchange.import").click().run()
    assert not at.exception, at.exception
    (review,) = repo.find(Review)
    assert (review.person_ref, review.project_id, review.declined[0].value) == (
        "EV-0001",
        project.id,
        "future",
    )
    assert said(at.success)[0].startswith("Imported 1 review with 1 statement")
    assert at.file_uploader[0].value is None  # a fresh, empty uploader: the same file is not offered again
    assert not at.button  # nothing to import now


def test_a_file_with_problems_lists_them_and_offers_no_import(repo: Repository, project: Project) -> None:
    at = _page(project)
    data = _csv(
        "EV-0001,2026-05-01,,,,,,,,,,,working,My garden,,1",
        "EV-0002,40/05/2026,,,,,,,,,,,working,My bike,,1",
        "EV-0003,2026-05-01,,Nroth team,,,,,,,,,working,**Not bold**,,1",
    )
    _upload(at, "reviews.csv", data, CSV)
    assert said(at.error)[0].startswith("Nothing was imported: 2 problems need fixing first.")
    table = tables(at)[0]
    assert column(table, "Where") == ["Row 3", "Row 4"]
    assert "review_date: '40/05/2026' is not a real date." in table[0]["What to fix"]
    assert "'Nroth team' is not one of the project's teams" in table[1]["What to fix"]
    assert not [b for b in at.button if b.label == "Import these reviews"]
    assert repo.find(Review) == []


@pytest.mark.parametrize(
    ("name", "data", "mime", "expected"),
    [
        ("reviews.xlsx", b"person_ref,review_date\n", MIME_TYPES["xlsx"], "not a real Excel (.xlsx) file"),
        ("reviews.csv", "person_ref\nCafé".encode("cp1252"), CSV, "not UTF-8"),
        ("form.docx", b"PK\x03\x04 broken", MIME_TYPES["docx"], "not a real Word (.docx) file"),
    ],
)
def test_content_is_checked_not_just_the_ending(
    repo: Repository, project: Project, name: str, data: bytes, mime: str, expected: str
) -> None:
    at = _page(project)
    _upload(at, name, data, mime)
    assert at.error and said(at.error)[0].startswith("Nothing was imported")
    (row,) = tables(at)[0]
    assert row["Where"] == "The whole file" and expected in row["What to fix"]
    assert repo.find(Review) == []


def test_a_word_review_form_shows_its_notes_and_comes_in_as_a_draft(
    repo: Repository, project: Project
) -> None:
    at = _page(project)
    _upload(at, "EV-0012.docx", appendix_2(), MIME_TYPES["docx"])
    notes = [t.value for t in at.text]
    assert any("important to me now" in n for n in notes) and any(
        "Consent is not on the form" in n for n in notes
    )
    at.button(key="exchange.import").click().run()
    (review,) = repo.find(Review)
    assert review.person_ref == "EV-0012" and len(review.statements) == 8 and review.consent is None


def test_the_uploader_accepts_the_three_kinds_up_to_5_mb(project: Project) -> None:
    uploader = _page(project).file_uploader[0]
    assert sorted(uploader.allowed_type) == [".csv", ".docx", ".xlsx"]
    assert uploader.proto.max_upload_size_mb == 5


def test_a_form_is_previewed_line_by_line_with_who_said_it_before_importing(
    repo: Repository, project: Project
) -> None:
    at = _page(project)
    _upload(at, "RB-0101.docx", RAY_ROWS.source, MIME_TYPES["docx"])
    assert [s.value for s in at.subheader][:2] == ["What was read", "Lines left out, and why"]
    rows = tables(at)[0]
    assert list(rows[0]) == ["Where", "Question", "Said by", "Choice", "Words"]
    assert rows[0] == {
        "Where": "Table 1, row 2, column 2, line 1",
        "Question": "What is working?",
        "Said by": "The person",
        "Choice": "",
        "Words": "Playing pool at the club",
    }
    assert [r["Said by"] for r in rows if r["Question"] == "What is not working?"] == [
        "The person",
        "The person",
        "Family or carer",
        "Staff, on the person's behalf",
    ]
    left = tables(at)[1]
    assert {
        "Where": "Table 1, row 3, column 1",
        "Words": "Family",
        "Why it was left out": "a label that says whose words the row holds",
    } in left
    assert any("Choose the top two with the person" in t.value for t in at.text)
    assert repo.find(Review) == []  # nothing saved by looking
    at.button(key="exchange.import").click().run()
    (review,) = repo.find(Review)
    assert [s.said_by.value for s in review.statements][:4] == ["person"] * 4
    assert all(s.priority is None for s in review.statements)


def test_words_in_the_preview_are_shown_as_typed(repo: Repository, project: Project) -> None:
    import io

    import docx

    document = docx.Document()
    for line in (
        "Review for: EV-0777",
        "Date of review: 2/4/2026",
        "What is working?",
        "**Not bold** <b>x</b>",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    at = _page(project)
    _upload(at, "form.docx", buffer.getvalue(), MIME_TYPES["docx"])
    (row,) = tables(at)[0]
    assert row["Words"] == "**Not bold** <b>x</b>"


def test_a_file_is_checked_once_however_often_the_page_is_drawn(
    repo: Repository, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wtfc_collect.ui.collect import exchange as screen

    checks: list[str] = []
    original = screen.check_import

    def counted(*args: object, **kwargs: object) -> object:
        checks.append(str(args[2]))
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(screen, "check_import", counted)
    at = _page(project)
    _upload(at, "reviews.csv", _csv("N-1,02/05/2026,North team,,,,,,yes,,Bingo,person,,"), CSV)
    for _ in range(3):
        at.run()  # clicks elsewhere on the page
        assert not at.exception, at.exception
    assert checks == ["reviews.csv"]
    repo.save(f.review(project.id, person_ref="OTHER-1"))  # the store changed: checked again
    at.run()
    assert checks == ["reviews.csv", "reviews.csv"]
