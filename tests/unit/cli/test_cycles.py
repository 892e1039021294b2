"""The command line: a project's cycles, starting the next one, and the summary for leaders."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner

from tests import factories as f
from wtfc_collect import bootstrap
from wtfc_collect.cli import main
from wtfc_collect.domain import Project
from wtfc_collect.services import access
from wtfc_collect.services.workshop import learning_review


def test_cycles_lists_each_cycle_oldest_first_with_where_it_stands(data_dir: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--reviews", "4"]).exit_code == 0
    repo = bootstrap.build_repository()
    first, second = sorted(repo.find(Project), key=lambda p: p.cycle)
    result = runner.invoke(main, ["cycles"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split("\t")[:3] for line in lines] == [
        ["1", first.id, first.name],
        ["2", second.id, second.name],
    ]
    assert "finished" in lines[0] and lines[1].endswith("under way")
    assert runner.invoke(main, ["cycles", "--project", first.id]).output == result.output


def test_next_cycle_starts_from_a_finished_cycle_only(data_dir: Path) -> None:
    runner = CliRunner()
    repo = bootstrap.build_repository()
    project = repo.save(f.project())
    refused = runner.invoke(main, ["next-cycle", "--project", project.id])
    assert refused.exit_code == 1 and "starts from a finished one" in refused.output
    with access.acting_as(access.operator()):
        learning_review.set_review_date(repo, project.id, f.TODAY - timedelta(days=2), actor="t", now=f.NOW)
        learning_review.finish_cycle(repo, project.id, f.TODAY, actor="t", now=f.NOW)
    started = runner.invoke(main, ["next-cycle", "--project", project.id, "--name", "Day services, year two"])
    assert started.exit_code == 0, started.output
    assert "Started cycle 2, 'Day services, year two'" in started.output
    made = next(p for p in bootstrap.build_repository().find(Project) if p.previous_id == project.id)
    assert made.name == "Day services, year two"
    again = runner.invoke(main, ["next-cycle", "--project", project.id])
    assert again.exit_code == 1 and "has already started" in again.output
    unknown = runner.invoke(main, ["cycles", "--project", "0" * 32])
    assert unknown.exit_code == 1 and "could not be found" in unknown.output


def test_export_writes_the_one_page_summary_for_leaders(data_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--reviews", "4"]).exit_code == 0
    out = tmp_path / "summary.docx"
    result = runner.invoke(main, ["export", "--kind", "summary", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"  # a Word file (a zip)


def test_export_writes_you_said_we_did_in_welsh_when_asked(data_dir: Path, tmp_path: Path) -> None:
    import io

    from docx import Document

    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--reviews", "4"]).exit_code == 0
    with runner.isolated_filesystem(temp_dir=tmp_path):
        result = runner.invoke(main, ["export", "--kind", "you-said-we-did", "--language", "cy"])
        assert result.exit_code == 0, result.output
        written = Path("you-said-we-did-cy.docx")
        document = Document(io.BytesIO(written.read_bytes()))
    assert document.core_properties.language == "cy-GB"
    assert document.paragraphs[0].text == "Dywedoch chi, gwnaethon ni"
    refused = runner.invoke(
        main, ["export", "--kind", "cards", "--language", "cy", "--out", str(tmp_path / "c")]
    )
    assert refused.exit_code == 1 and "Welsh" in refused.output


def test_export_writes_the_workshop_invitation_in_welsh_when_asked(data_dir: Path, tmp_path: Path) -> None:
    import io

    from docx import Document

    from accessibility.texts import screen

    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--reviews", "4"]).exit_code == 0
    with runner.isolated_filesystem(temp_dir=tmp_path):
        result = runner.invoke(main, ["export", "--kind", "workshop-invitation", "--language", "cy"])
        assert result.exit_code == 0, result.output
        assert "Wrote workshop-invitation-cy.docx" in result.output
        document = Document(io.BytesIO(Path("workshop-invitation-cy.docx").read_bytes()))
        english = runner.invoke(main, ["export", "--kind", "workshop-invitation"])
        assert english.exit_code == 0 and Path("workshop-invitation.docx").is_file()
    cy = screen("workshop_invitation", "cy")
    assert document.core_properties.language == "cy-GB"
    lines = [p.text for p in document.paragraphs if p.text]
    assert lines[0] == cy["title"] == "Dewch i'n gweithdy" and cy["what_heading"] in lines
    assert lines[-1].startswith("Ysgrifennon ni hwn ar ")
