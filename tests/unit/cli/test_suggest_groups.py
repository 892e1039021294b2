"""``python -m wtfc_collect suggest-groups FILE``: a JSON line a row, numbered as ``check`` does."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from wtfc_collect.cli import main

ROOT = Path(__file__).resolve().parents[3]
ROWS = [
    "The food is cold by the time it comes",
    "Staff are lovely and kind",
    "I hate the food here",
    "ok",
    "The nurses were so kind to me",
    "Meals are cold and late",
    "Nothing",
    "Kind, caring nurses",
    "nothing.",
]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["suggest-groups", *args])
    return result.exit_code, result.output


def write(path: Path, rows: list[str], column: str = "statement", delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["id", column])
        writer.writerows([number, text] for number, text in enumerate(rows, start=1))
    return path


def test_one_json_line_a_row_with_identical_rows_together_and_short_ones_on_their_own(tmp_path: Path) -> None:
    code, output = run(str(write(tmp_path / "cards.csv", ROWS)), "--groups", "3")
    assert code == 0, output
    lines = [json.loads(line) for line in output.splitlines()]
    assert [line["row"] for line in lines] == list(range(1, len(ROWS) + 1))
    assert all(set(line) == {"row", "group", "on_its_own"} for line in lines)
    group = {line["row"]: line["group"] for line in lines}
    assert group[7] == group[9]  # "Nothing" and "nothing."
    assert group[1] == group[3] == group[6] and group[2] == group[5] == group[8]
    assert len({group[1], group[2], group[7]}) == 3
    alone = [line for line in lines if line["on_its_own"]]
    assert [line["row"] for line in alone] == [4]  # "ok"
    assert alone[0]["group"] not in {group[r] for r in group if r != 4}


def test_tsv_with_another_column_and_groups_chosen_by_the_tool(tmp_path: Path) -> None:
    code, output = run(str(write(tmp_path / "cards.tsv", ROWS, "words", "\t")), "--column", "words")
    assert code == 0, output
    lines = [json.loads(line) for line in output.splitlines()]
    assert len(lines) == len(ROWS) and min(line["group"] for line in lines) == 1


def test_a_missing_column_or_a_wrong_kind_of_file_is_a_plain_error(tmp_path: Path) -> None:
    code, output = run(str(write(tmp_path / "cards.csv", ROWS)), "--column", "comment")
    assert code == 1 and "has no column 'comment'" in output
    other = tmp_path / "cards.txt"
    other.write_text("words", encoding="utf-8")
    code, output = run(str(other))
    assert code == 1 and "use a .csv or .tsv file" in output
    code, output = run(str(write(tmp_path / "few.csv", ROWS)), "--groups", "0")
    assert code == 2


def test_the_command_runs_as_a_module_with_an_empty_home_folder(tmp_path: Path) -> None:
    """As a person would run it: a fresh process reads the word vectors from the installed package, not
    from a cache in the home folder. (The tests above run under the network guard: nothing is fetched.)"""
    done = subprocess.run(
        [sys.executable, "-m", "wtfc_collect", "suggest-groups", str(write(tmp_path / "c.csv", ROWS))],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
        env={"PATH": "", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)},
    )
    assert len(done.stdout.splitlines()) == len(ROWS), done.stderr
