"""``check``: run the own-words checker over a CSV or TSV file and print one JSON line per row."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import click

from wtfc_collect.quality import Verdict, check_statements

DELIMITERS = {".csv": ",", ".tsv": "\t", ".tab": "\t"}


def _rows(path: Path, column: str, person_column: str | None) -> Iterator[tuple[str, str]]:
    """(text, person) for each data row; plain errors for a wrong file or a missing column."""
    delimiter = DELIMITERS.get(path.suffix.lower())
    if delimiter is None:
        raise click.ClickException(f"{path.name}: use a .csv or .tsv file (the ending tells how to read it).")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=delimiter)
            columns = reader.fieldnames or []
            for wanted in (column, person_column):
                if wanted is not None and wanted not in columns:
                    raise click.ClickException(
                        f"{path.name} has no column '{wanted}'. Its columns are: "
                        + (", ".join(columns) if columns else "none (the file is empty)") + "."
                    )
            for number, row in enumerate(reader, start=1):
                person = row.get(person_column) if person_column else None
                yield row.get(column) or "", person or f"row {number}"
    except OSError as error:
        raise click.ClickException(f"Could not read {path}: {error.strerror or error}.") from None
    except (UnicodeDecodeError, csv.Error) as error:
        kind = path.suffix[1:].upper()
        raise click.ClickException(f"Could not read {path} as a UTF-8 {kind} file: {error}.") from None


def _line(row: int, verdict: Verdict) -> str:
    flags = [
        {"kind": flag.kind.value, "start": flag.start, "end": flag.end, "explanation": flag.explanation,
         "alternative": flag.alternative, "strong": flag.strong}
        for flag in verdict.flags
    ]
    return json.dumps({"row": row, "own_words": verdict.own_words, "flags": flags}, ensure_ascii=False)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--column", default="statement", show_default=True, help="The column with the statements.")
@click.option(
    "--person-column",
    default=None,
    help="A column that tells whose statement it is, so copies are only counted across different people "
    "(default: every row is a different person).",
)
@click.option(
    "--field",
    type=click.Choice(["social_care", "health", "housing", "mixed"]),
    default="mixed",
    show_default=True,
    help="The project's field: naming a condition, a nurse, home care or a tenancy is then read as the "
    "person's own words.",
)
def check(file: Path, column: str, person_column: str | None, field: str) -> None:
    """Check the statements in FILE (.csv or .tsv) for own words; print one JSON line per row.

    Rows are numbered from 1 (the first row after the column names). Each line has "own_words" and the
    "flags" found: kind, start and end (character positions), a plain explanation, an alternative, and
    "strong" (false for a soft note). The file is read on this computer only; nothing is sent anywhere.
    """
    rows = list(_rows(file, column, person_column))
    verdicts = check_statements([(str(n), text, person) for n, (text, person) in enumerate(rows, start=1)],
                                field)
    for number in range(1, len(rows) + 1):
        click.echo(_line(number, verdicts[str(number)]))
