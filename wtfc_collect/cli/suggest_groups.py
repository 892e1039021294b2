"""``suggest-groups``: suggested card-call groups for the rows of a CSV or TSV file, a JSON line a row."""

from __future__ import annotations

import json
from pathlib import Path

import click

from wtfc_collect.cli.quality import _rows
from wtfc_collect.services.workshop.card_call_suggestions import group_texts


@click.command("suggest-groups")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--column", default="statement", show_default=True, help="The column with the statements.")
@click.option(
    "--groups",
    type=click.IntRange(1, 10_000),
    default=None,
    help="At most this many groups (default: about the square root of the number of rows, at most 60).",
)
def suggest_groups(file: Path, column: str, groups: int | None) -> None:
    """Suggest groups of statements that say something alike, as a start for the card call.

    Prints one JSON line per row of FILE (.csv or .tsv), rows numbered from 1 as `check` numbers them:
    {"row": 1, "group": 2, "on_its_own": false}. Groups are numbered from 1, biggest first. Rows with the
    same words are always in the same group. A row left on its own (a very short answer that no other row
    repeats, an empty one, or one like no other) gets a group number of its own, after the groups, with
    "on_its_own": true. Everything runs on this computer; nothing is sent anywhere.
    """
    texts = [text for text, _person, _relative in _rows(file, column, None)]
    grouping = group_texts(texts, groups)
    number: dict[int, int] = {}
    for group_number, group in enumerate(grouping.groups, start=1):
        number.update(dict.fromkeys(group, group_number))
    alone = set(grouping.alone)
    number.update({p: n for n, p in enumerate(grouping.alone, start=len(grouping.groups) + 1)})
    for position in range(len(texts)):
        line = {"row": position + 1, "group": number[position], "on_its_own": position in alone}
        click.echo(json.dumps(line))
