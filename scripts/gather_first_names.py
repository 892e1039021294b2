"""Write wtfc_collect/quality/first_names.txt from the ONS baby-name tables (run by hand, rarely).

The Office for National Statistics publishes the first names given to babies registered in England and
Wales: the top 100 for girls and for boys every ten years from 1904 (people now in care homes are in the
early columns), and every name given to three babies or more in a year. The list of first names the
checker finds (names that must be taken out before a workshop, and sentences about someone by name) is
every name of the ten-yearly tables and every name given to at least ``--at-least`` babies in the yearly
tables read. Source: ons.gov.uk, "Baby names in England and Wales" (historical and yearly datasets),
Crown copyright, Open Government Licence v3.0; the workbooks as kept in the public repository
rossbowen/babynames (`data-raw/`).

The file holds every name found. Names that are also everyday words or places ("Hope", "Willow",
"Chester") are in ``names.AMBIGUOUS_NAMES`` too, and that wins: they are found only after a clue ("my
friend Hope"). The file's other names are read as names wherever they are written with a capital letter.

    python scripts/gather_first_names.py --historical historicalnames2024.xlsx \
        --yearly boysnames2024.xlsx --yearly girlsnames2024.xlsx
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook

_YEAR = re.compile(r"(?:19|20)\d\d")

OUT = Path(__file__).resolve().parents[1] / "wtfc_collect" / "quality" / "first_names.txt"
HEADER = """\
# First names given to babies in England and Wales (ONS baby-name statistics): every name of the
# ten-yearly top 100 lists {decades} and every name given to at least {at_least} babies in {years}.
# Source: Office for National Statistics, "Baby names in England and Wales", Crown copyright,
# Open Government Licence v3.0. Made by scripts/gather_first_names.py. Names that are also everyday
# words or places are in names.AMBIGUOUS_NAMES as well, and are read as names only after a clue.
"""


def _name(value: object) -> str | None:
    """A name as the tables spell it ("Emily ", "ELLIE" in older tables): one word of letters, capitalised.
    Joined names ("Isla-Rose") are left out: the checker reads a name a word at a time, and the first part
    is a name of the list on its own."""
    word = value.strip() if isinstance(value, str) else ""
    if not word.isalpha():
        return None
    return word if not word.isupper() else word.capitalize()


def historical(path: Path, decades: set[int] | None = None) -> Iterator[str]:
    """Every name in the ten-yearly top 100 tables (one column a decade, a table for each sex); the years
    of the columns are added to ``decades``."""
    book = load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        if not sheet.title.startswith("Table"):
            continue
        for row in sheet.iter_rows(values_only=True):
            if row and row[0] == "Rank" and decades is not None:
                decades.update(year for year in row[1:] if isinstance(year, int))
            if row and isinstance(row[0], int):
                yield from (name for value in row[1:] if (name := _name(value)))


def yearly(path: Path, at_least: int) -> Iterator[str]:
    """The names of a year's full table (rank, name, count) given to at least ``at_least`` babies."""
    book = load_workbook(path, read_only=True)
    full = next((s for s in book.worksheets if s.title.startswith("Table") and s.max_column == 3), None)
    if full is None:
        raise SystemExit(f"{path}: no table of every name (rank, name, count), as the 2022 and later "
                         "workbooks have")
    for rank, value, count in full.iter_rows(min_col=1, max_col=3, values_only=True):
        if isinstance(rank, int) and isinstance(count, int) and count >= at_least and (name := _name(value)):
            yield name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--historical", type=Path, required=True)
    parser.add_argument("--yearly", type=Path, action="append", default=[])
    parser.add_argument("--at-least", type=int, default=100)
    args = parser.parse_args()
    decades: set[int] = set()
    found = set(historical(args.historical, decades))
    for path in args.yearly:
        found.update(yearly(path, args.at_least))
    kept = sorted(found)
    years = ", ".join(sorted({y.group() for p in args.yearly if (y := _YEAR.search(p.stem))})) or "no year"
    span = f"{min(decades)}-{max(decades)}" if decades else "of the workbook"
    header = HEADER.format(decades=span, at_least=args.at_least, years=years)
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names written to {OUT}")


if __name__ == "__main__":
    main()
