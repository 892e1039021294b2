"""``python -m wtfc_collect check FILE``: one JSON line per row, CSV or TSV, plain errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from wtfc_collect.cli import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.output


def lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines()]


def test_csv_rows_give_one_json_line_each(tmp_path: Path) -> None:
    file = tmp_path / "reviews.csv"
    file.write_text('id,statement\n1,"Service user requires prompting"\n2,Going to the allotment with Dave\n'
                    "3,\n", encoding="utf-8")
    code, output = run(str(file))
    assert code == 0, output
    first, second, third = lines(output)
    assert first["row"] == 1 and first["own_words"] is False
    assert set(first) == {"row", "own_words", "flags"}
    flags = first["flags"]
    assert isinstance(flags, list)
    assert {"kind", "start", "end", "explanation", "alternative"} <= set(flags[0])
    assert flags[0]["kind"] == "jargon" and (flags[0]["start"], flags[0]["end"]) == (0, 12)
    assert second == {"row": 2, "own_words": True, "flags": [
        {"kind": "personal_data", "start": 28, "end": 32, "strong": True, "alternative": "[name]",
         "explanation": "'Dave' looks like a name: replace it with [name] for the workshop. This is not a "
                        "problem with the person's own words."}]}
    assert third["row"] == 3 and [f["kind"] for f in third["flags"]] == ["vague"]  # type: ignore[union-attr]


def test_tsv_with_another_column_and_copies_across_people(tmp_path: Path) -> None:
    file = tmp_path / "export.tsv"
    copied = "To reduce social isolation and increase community participation"
    file.write_text(f"person\twords\nA\t{copied}\nB\t{copied}\nB\tMy flat is damp and cold\n"
                    "B\tMy flat is damp and cold\n", encoding="utf-8")
    code, output = run(str(file), "--column", "words", "--person-column", "person")
    assert code == 0, output
    kinds = [[f["kind"] for f in row["flags"]] for row in lines(output)]  # type: ignore[attr-defined]
    assert "duplicate" in kinds[0] and "duplicate" in kinds[1]
    assert kinds[2] == kinds[3] == []  # the same person twice is not copying


def test_a_missing_column_is_a_plain_error(tmp_path: Path) -> None:
    file = tmp_path / "reviews.csv"
    file.write_text("id,text\n1,hello\n", encoding="utf-8")
    code, output = run(str(file))
    assert code == 1
    assert "reviews.csv has no column 'statement'. Its columns are: id, text." in output
    assert "Traceback" not in output


def test_unreadable_or_unknown_files_are_plain_errors(tmp_path: Path) -> None:
    code, output = run(str(tmp_path / "missing.csv"))
    assert code == 1 and "Could not read" in output and "No such file" in output
    other = tmp_path / "notes.txt"
    other.write_text("statement\nhello\n", encoding="utf-8")
    code, output = run(str(other))
    assert code == 1 and "use a .csv or .tsv file" in output
    broken = tmp_path / "latin.csv"
    broken.write_bytes(b"statement\ncaf\xe9 with my friend\n")
    code, output = run(str(broken))
    assert code == 1 and "UTF-8" in output and "Traceback" not in output


def test_a_byte_order_mark_from_excel_is_fine(tmp_path: Path) -> None:
    file = tmp_path / "excel.csv"
    file.write_bytes("\ufeffstatement\nok\n".encode())
    code, output = run(str(file))
    assert code == 0 and lines(output)[0]["own_words"] is False


def test_the_field_is_an_option_and_the_output_keeps_its_fields(tmp_path: Path) -> None:
    file = tmp_path / "health.csv"
    file.write_text("statement\nCOPD nurse is brilliant\nTenancy sustainment support\n", encoding="utf-8")
    code, output = run(str(file), "--field", "health")
    assert code == 0, output
    first, second = lines(output)
    assert set(first) == set(second) == {"row", "own_words", "flags"}
    assert first["own_words"] is True and second["own_words"] is False
    code, output = run(str(file), "--field", "farming")
    assert code == 2 and "farming" in output


def test_a_said_by_column_lets_a_relatives_story_stand_where_a_relative_said_it(tmp_path: Path) -> None:
    file = tmp_path / "reviews.csv"
    file.write_text("statement,said_by\nMy dad is 91 now and has had three falls.,person\n"
                    "My mum is 88 now and can no longer walk to the shops.,Family_or_carer\n"
                    "My husband has dementia and needs help with everything.,\n", encoding="utf-8")
    code, output = run(str(file), "--said-by-column", "said_by")
    assert code == 0, output
    own = [row["own_words"] for row in lines(output)]
    assert own == [False, True, False]


def test_a_said_by_value_that_is_not_a_speaker_is_a_plain_error(tmp_path: Path) -> None:
    file = tmp_path / "reviews.csv"
    file.write_text("statement,who\nI like my garden,person\nMum is 90 now,her son\n", encoding="utf-8")
    code, output = run(str(file), "--said-by-column", "who")
    assert code == 1
    assert "Row 2: 'who' says 'her son'. Use one of: person, family_or_carer, staff_on_behalf" in output
    assert "Traceback" not in output
