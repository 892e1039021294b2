"""``check``: run the own-words checker over a CSV or TSV file and print one JSON line per row."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import click

from wtfc_collect.domain import Speaker
from wtfc_collect.quality import Verdict, check_statements

DELIMITERS = {".csv": ",", ".tsv": "\t", ".tab": "\t"}
SPEAKERS = tuple(speaker.value for speaker in Speaker)


def _rows(path: Path, column: str, person_column: str | None,
          said_by_column: str | None = None) -> Iterator[tuple[str, str, bool]]:
    """(text, person, said by a family member or carer) for each data row; plain errors for a wrong file,
    a missing column or a said_by value that is not one of :class:`Speaker`'s."""
    delimiter = DELIMITERS.get(path.suffix.lower())
    if delimiter is None:
        raise click.ClickException(f"{path.name}: use a .csv or .tsv file (the ending tells how to read it).")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=delimiter)
            columns = reader.fieldnames or []
            for wanted in (column, person_column, said_by_column):
                if wanted is not None and wanted not in columns:
                    raise click.ClickException(
                        f"{path.name} has no column '{wanted}'. Its columns are: "
                        + (", ".join(columns) if columns else "none (the file is empty)") + "."
                    )
            for number, row in enumerate(reader, start=1):
                person = row.get(person_column) if person_column else None
                said_by = (row.get(said_by_column) or "").strip().lower() if said_by_column else ""
                if said_by and said_by not in SPEAKERS:
                    raise click.ClickException(
                        f"Row {number}: '{said_by_column}' says '{said_by}'. Use one of: "
                        f"{', '.join(SPEAKERS)} (or leave it empty for the person)."
                    )
                relative = bool(said_by) and Speaker(said_by).relative
                yield row.get(column) or "", person or f"row {number}", relative
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
@click.option(
    "--said-by-column",
    default=None,
    help="A column that tells who said each statement: person, family_or_carer or staff_on_behalf (as "
    "in the review tables). A relative telling the person's story is then not flagged where a family "
    "member or carer said it.",
)
def check(file: Path, column: str, person_column: str | None, field: str, said_by_column: str | None) -> None:
    """Check the statements in FILE (.csv or .tsv) for own words; print one JSON line per row.

    Rows are numbered from 1 (the first row after the column names). Each line has "own_words" and the
    "flags" found: kind, start and end (character positions), a plain explanation, an alternative, and
    "strong" (false for a soft note). The file is read on this computer only; nothing is sent anywhere.
    """
    rows = list(_rows(file, column, person_column, said_by_column))
    relatives = {str(n) for n, (_, _, relative) in enumerate(rows, start=1) if relative}
    verdicts = check_statements(
        [(str(n), text, person) for n, (text, person, _) in enumerate(rows, start=1)], field, relatives)
    for number in range(1, len(rows) + 1):
        click.echo(_line(number, verdicts[str(number)]))
