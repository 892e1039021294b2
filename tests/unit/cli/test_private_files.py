"""Files the command line writes hold people's words: readable by the account that runs it only, also
when a file of that name was there before and readable by everyone."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from click.testing import CliRunner

from wtfc_collect.cli import main


def test_word_documents_and_exports_are_written_readable_by_the_owner_only(
    data_dir: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--reviews", "4"]).exit_code == 0
    cards, table = tmp_path / "cards.docx", tmp_path / "reviews.csv"
    table.write_text("left from before")
    table.chmod(0o644)
    old = os.umask(0o022)
    try:
        for command in (
            ["export", "--kind", "cards", "--out", str(cards)],
            ["export-reviews", "--out", str(table)],
        ):
            result = runner.invoke(main, command)
            assert result.exit_code == 0, result.output
    finally:
        os.umask(old)
    assert cards.read_bytes()[:2] == b"PK" and "statement" in table.read_text()
    assert [stat.S_IMODE(p.stat().st_mode) for p in (cards, table)] == [0o600, 0o600]


def test_backups_go_in_a_private_folder(data_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--reviews", "2"]).exit_code == 0
    old = os.umask(0o022)
    try:
        result = runner.invoke(main, ["backup", "--to", str(tmp_path / "kept")])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((tmp_path / "kept").stat().st_mode) == 0o700
