"""``import`` and ``export-reviews`` on the command line, on a temporary data folder."""

from __future__ import annotations

import stat
from pathlib import Path

from click.testing import CliRunner

from tests import factories as f
from tests.form_corpus import RAY_ROWS
from tests.form_corpus import appendix_2_form as appendix_2
from wtfc_collect import bootstrap
from wtfc_collect.cli import main
from wtfc_collect.domain import AuditAction, Project, Review
from wtfc_collect.exchange import COLUMNS


def _store_with_reviews() -> tuple[Project, Project]:
    repo = bootstrap.build_repository()
    older = repo.save(f.project(name="Older project", created_at=f.NOW.replace(year=2025)))
    newest = repo.save(f.project(name="Eastvale home care"))
    sent = f.complete_review(newest.id, person_ref="EV-0001")
    sent.submit(f.NOW)
    repo.save(sent)
    repo.save(f.review(newest.id, person_ref="EV-0002"))
    return older, newest


def test_export_then_import_into_another_project(data_dir: Path, tmp_path: Path) -> None:
    older, _ = _store_with_reviews()
    runner = CliRunner()
    out = tmp_path / "reviews.xlsx"
    result = runner.invoke(main, ["export-reviews", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote 2 reviews with 6 statements from 'Eastvale home care'" in result.output
    assert out.read_bytes().startswith(b"PK") and stat.S_IMODE(out.stat().st_mode) == 0o600

    imported = runner.invoke(main, ["import", str(out), "--project", older.id])
    assert imported.exit_code == 0, imported.output
    assert "Project: Older project" in imported.output
    assert "Imported 2 reviews with 6 statements from the Excel spreadsheet." in imported.output
    repo = bootstrap.build_repository()
    assert sorted(r.person_ref for r in repo.find(Review, project_id=older.id)) == ["EV-0001", "EV-0002"]
    actions = [e.action for e in repo.audit_log()]
    assert actions.count(AuditAction.EXPORT) == 1 and actions.count(AuditAction.IMPORT) == 1


def test_export_as_csv_by_format_or_ending(data_dir: Path, tmp_path: Path) -> None:
    _store_with_reviews()
    runner = CliRunner()
    by_ending = tmp_path / "a.csv"
    assert runner.invoke(main, ["export-reviews", "--out", str(by_ending)]).exit_code == 0
    by_option = tmp_path / "b.txt"
    assert runner.invoke(main, ["export-reviews", "--format", "CSV", "--out", str(by_option)]).exit_code == 0
    assert by_ending.read_bytes() == by_option.read_bytes()
    assert by_ending.read_text(encoding="utf-8-sig").splitlines()[0] == ",".join(COLUMNS)
    unknown = runner.invoke(main, ["export-reviews", "--out", str(tmp_path / "c.pdf")])
    assert unknown.exit_code == 1 and "--format csv or --format xlsx" in unknown.output


def test_import_with_problems_lists_them_exits_1_and_writes_nothing(data_dir: Path, tmp_path: Path) -> None:
    _store_with_reviews()
    bad = tmp_path / "bad.csv"
    rows = [
        ",".join(COLUMNS),
        "EV-0100,2026-05-01,,,,,,,,,,,working,My garden,,1",
        "EV-0101,31/02/2026,,,,,,,,,,,working,My bike,,1",
        "EV-0102,2026-05-01,,,,,,,,,,,hopes,A new job,,",
    ]
    bad.write_text("\n".join(rows), encoding="utf-8")
    before = len(bootstrap.build_repository().find(Review))
    result = CliRunner().invoke(main, ["import", str(bad)])
    assert result.exit_code == 1
    assert "Nothing was imported: 2 problems need fixing first." in result.output
    assert "  - Row 3: review_date: '31/02/2026' is not a real date." in result.output
    assert "  - Row 4: question: 'hopes' is not one of the questions" in result.output
    assert "Traceback" not in result.output
    assert len(bootstrap.build_repository().find(Review)) == before


def test_import_a_word_review_form_notes_what_was_left_out(data_dir: Path, tmp_path: Path) -> None:
    _store_with_reviews()
    form = tmp_path / "form.docx"
    form.write_bytes(appendix_2(review_for="EV-0200"))
    result = CliRunner().invoke(main, ["import", str(form)])
    assert result.exit_code == 0, result.output
    assert "Imported 1 review with 8 statements from the Word review form." in result.output
    assert "Note: The part 'What are the three most significant things" in result.output


def test_plain_errors_for_missing_file_unknown_project_and_no_project(data_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    nothing = runner.invoke(main, ["import", str(tmp_path / "missing.csv")])
    assert nothing.exit_code == 1 and "Could not read" in nothing.output
    (tmp_path / "r.csv").write_text(",".join(COLUMNS), encoding="utf-8")
    no_project = runner.invoke(main, ["import", str(tmp_path / "r.csv")])
    assert no_project.exit_code == 1 and "There is no project yet" in no_project.output
    _store_with_reviews()
    wrong = runner.invoke(main, ["export-reviews", "--out", str(tmp_path / "x.csv"), "--project", "f" * 32])
    assert wrong.exit_code == 1 and "could not be found" in wrong.output
    assert not (tmp_path / "x.csv").exists()
    for output in (nothing.output, no_project.output, wrong.output):
        assert "Traceback" not in output


def test_import_dry_run_shows_each_line_as_read_and_saves_nothing(data_dir: Path, tmp_path: Path) -> None:
    _store_with_reviews()
    form = tmp_path / "form.docx"
    form.write_bytes(RAY_ROWS.source)
    before = bootstrap.build_repository()
    reviews, events = len(before.find(Review)), len(before.audit_log())
    result = CliRunner().invoke(main, ["import", str(form), "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        "Ready to import 1 review with 10 statements from the Word review form. Nothing has been saved yet."
        in lines
    )
    assert "Read as statements (10):" in lines
    first = "Table 1, row 2, column 2, line 1 | What is working? | The person | no choice | Playing pool"
    family = "Table 1, row 3, column 2 | What is working? | Family or carer | no choice | Ray is calmer"
    assert f"  {first} at the club" in lines and f"  {family} since he moved" in lines
    assert "  Table 1, row 3, column 1 | Family | a label that says whose words the row holds" in lines
    assert any(line.startswith("Left out (") for line in lines)
    assert any("Choose the top two with the person" in line for line in lines)
    after = bootstrap.build_repository()
    assert (len(after.find(Review)), len(after.audit_log())) == (reviews, events)


def test_import_dry_run_of_a_form_that_cannot_come_in_says_why_and_exits_1(
    data_dir: Path, tmp_path: Path
) -> None:
    _store_with_reviews()
    form = tmp_path / "two.docx"
    form.write_bytes(appendix_2(extra=("Review for: EV-0013",)))
    result = CliRunner().invoke(main, ["import", str(form), "--dry-run"])
    assert result.exit_code == 1
    assert "more than one person's review ('EV-0012' and 'EV-0013')" in result.output
    assert "Read as statements (" in result.output and "Traceback" not in result.output
