"""The command line: demo and backup, on a temporary data folder, with plain errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from wtfc_collect import bootstrap
from wtfc_collect.cli import main
from wtfc_collect.domain import Project, Review


def test_demo_creates_two_cycles_with_reviews(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--reviews", "12"])
    assert result.exit_code == 0, result.output
    assert "two cycles, each with 12 reviews" in result.output
    repo = bootstrap.build_repository()
    projects = sorted(repo.find(Project), key=lambda p: p.cycle)
    assert [p.cycle for p in projects] == [1, 2] and projects[1].previous_id == projects[0].id
    assert len(repo.find(Review)) == 24
    assert {r.project_id for r in repo.find(Review)} == {p.id for p in projects}
    assert bootstrap.store_path() == data_dir / "wtfc.json"


def test_demo_without_the_workshop_is_one_project(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--reviews", "5", "--no-workshop"])
    assert result.exit_code == 0, result.output
    assert "with 5 reviews" in result.output
    assert len(bootstrap.build_repository().find(Project)) == 1


def test_demo_if_empty_adds_nothing_the_second_time(data_dir: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--if-empty", "--reviews", "3", "--no-workshop"]).exit_code == 0
    second = runner.invoke(main, ["demo", "--if-empty", "--reviews", "3"])
    assert second.exit_code == 0 and "no demo was added" in second.output
    assert len(bootstrap.build_repository().find(Project)) == 1


def test_demo_refuses_zero_reviews(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--reviews", "0"])
    assert result.exit_code != 0
    assert not (data_dir / "wtfc.json").exists() or not bootstrap.build_repository().find(Project)


def test_backup_writes_a_copy_and_notes_it(data_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["demo", "--reviews", "5"])
    result = runner.invoke(main, ["backup", "--to", str(tmp_path / "safe")])
    assert result.exit_code == 0, result.output
    written = list((tmp_path / "safe").glob("*.json"))
    assert len(written) == 1 and str(written[0]) in result.output
    assert json.loads(written[0].read_text(encoding="utf-8"))
    default = runner.invoke(main, ["backup"])
    assert default.exit_code == 0 and len(list((data_dir / "backups").glob("*.json"))) == 1


def test_unreadable_store_is_a_plain_message_not_a_traceback(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "wtfc.json").write_text("{ this is not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "wtfc.json" in result.output
    assert (data_dir / "wtfc.json").read_text(encoding="utf-8") == "{ this is not json"


def test_module_entry_point_runs(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wtfc_collect", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0
    assert "demo" in done.stdout and "backup" in done.stdout
