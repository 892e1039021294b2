"""The list of first names the checker finds: read from the ONS lists kept in the package, and made again
by scripts/gather_first_names.py from workbooks shaped like the ONS ones."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from wtfc_collect.quality import names

ROOT = Path(__file__).resolve().parents[3]


def _script():  # type: ignore[no-untyped-def]
    path = ROOT / "scripts" / "gather_first_names.py"
    spec = importlib.util.spec_from_file_location("gather_first_names", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_published_names_cover_every_generation() -> None:
    # 1904 (Doris, Winifred), 1954 (Susan), 1994 (Rebecca) and the 2020s (Nora, Sara, Muhammad)
    for name in ("Doris", "Winifred", "Susan", "Rebecca", "Nora", "Sara", "Muhammad", "Kathryn"):
        assert name in names.FIRST_NAMES
    assert len(names.FIRST_NAMES) > 1000


def test_names_that_are_also_words_or_places_need_a_clue() -> None:
    for word in ("Willow", "Poppy", "Chester", "India", "Christian", "Will", "Hope"):
        assert word in names.AMBIGUOUS_NAMES
        assert word not in names.FIRST_NAMES
    assert names.FIRST_NAMES.isdisjoint(names.NOT_NAMES | names.PLACE_WORDS)


def test_the_file_says_where_it_comes_from() -> None:
    text = (ROOT / "wtfc_collect" / "quality" / names.NAMES_FILE).read_text("utf-8")
    assert "Office for National Statistics" in text and "Open Government Licence v3.0" in text
    listed = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert listed == sorted(set(listed))


def _historical(path: Path) -> None:
    book = Workbook()
    book.active.title = "Cover_sheet"
    tables = (("Table_1", ["Mary", "Margaret ", "SUSAN"]), ("Table_2", ["John", "William", "David"]))
    for title, column in tables:
        sheet = book.create_sheet(title)
        sheet.append([f"{title}: Top 100 names"])
        sheet.append(["Rank", 1904, 1954])
        for rank, name in enumerate(column, 1):
            sheet.append([rank, name, name])
    book.save(path)


def _yearly(path: Path) -> None:
    book = Workbook()
    book.active.title = "Table_1"
    book.active.append(["Rank", "Name", "Count", "Change"])
    sheet = book.create_sheet("Table_6")
    sheet.append(["Table 6: Top names"])
    sheet.append(["Rank", "Name", "Count"])
    counts = (("Nora", 900), ("Sara", 120), ("Isla-Rose", 150), ("Zebedee", 4))
    for rank, (name, count) in enumerate(counts, 1):
        sheet.append([rank, name, count])
    book.save(path)


def test_the_script_reads_the_ten_yearly_and_the_yearly_tables(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = _script()
    out = tmp_path / "first_names.txt"
    monkeypatch.setattr(script, "OUT", out)
    _historical(tmp_path / "historical.xlsx")
    _yearly(tmp_path / "girlsnames2024.xlsx")
    monkeypatch.setattr(sys, "argv", ["gather", "--historical", str(tmp_path / "historical.xlsx"),
                                      "--yearly", str(tmp_path / "girlsnames2024.xlsx")])
    script.main()
    listed = [line for line in out.read_text("utf-8").splitlines() if not line.startswith("#")]
    # Spaces trimmed, capitals of older tables made a name's; a joined name and one given to 4 babies
    # left out.
    assert listed == ["David", "John", "Margaret", "Mary", "Nora", "Sara", "Susan", "William"]
    assert "lists 1904-1954 and every name given to at least 100 babies in 2024" in out.read_text("utf-8")


def test_the_script_says_plainly_when_a_workbook_has_no_full_table(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = _script()
    monkeypatch.setattr(script, "OUT", tmp_path / "first_names.txt")
    _historical(tmp_path / "historical.xlsx")
    book = Workbook()
    book.active.title = "Table_1"
    book.active.append(["Rank", "Name", "Count", "Change"])
    book.save(tmp_path / "boysnames2019.xlsx")
    monkeypatch.setattr(sys, "argv", ["gather", "--historical", str(tmp_path / "historical.xlsx"),
                                      "--yearly", str(tmp_path / "boysnames2019.xlsx")])
    with pytest.raises(SystemExit, match="no table of every name"):
        script.main()
