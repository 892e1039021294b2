"""``import`` and ``export-reviews``: reviews in and out of a project as CSV, XLSX or Word review forms."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from wtfc_collect import bootstrap
from wtfc_collect.domain import DomainError, Project
from wtfc_collect.exchange import MAX_FILE_BYTES
from wtfc_collect.services.collect.exchange import (
    EXPORT_FORMATS,
    ImportReport,
    check_import,
    export_counts,
    export_reviews,
    import_reviews,
)
from wtfc_collect.services.prepare.project_setup import current_project, get_project
from wtfc_collect.storage.port import Repository, StoreError
from wtfc_collect.storage.shared import write_private

CLI_ACTOR = "command line"


def _repository(data_dir: Path | None) -> Repository:
    try:
        return bootstrap.build_repository(data_dir)
    except StoreError as error:
        raise click.ClickException(str(error)) from None


def _project(repo: Repository, project_id: str | None) -> Project:
    """The project asked for, or else the newest one; a plain error if there is none."""
    if project_id:
        try:
            return get_project(repo, project_id)
        except DomainError as error:
            raise click.ClickException(f"{error.message} (project id {project_id})") from None
    project = current_project(repo)
    if project is None:
        raise click.ClickException("There is no project yet. Set one up first (or add the demo).")
    return project


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


_PROJECT_OPTION = click.option(
    "--project", "project_id", default=None, help="The project's id (default: the newest project)."
)


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_PROJECT_OPTION
@click.option(
    "--dry-run",
    is_flag=True,
    help="Save nothing: show each line as it was read (question, who said it, choice) and the lines left "
    "out, with why.",
)
@click.pass_obj
def import_command(data_dir: Path | None, file: Path, project_id: str | None, dry_run: bool) -> None:
    """Import the reviews in FILE: a .csv or .xlsx table, or a review form written in Word (.docx).

    Everything is checked first. If any row has a problem, nothing is imported, each problem is listed
    with its row number, and the exit code is 1. With --dry-run nothing is saved and every line read is
    shown. See the README for the columns of a table and the layouts of forms that are read.
    """
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise click.ClickException(
                f"{file.name} is too big ({size / 1_048_576:.1f} MB). The most is "
                f"{MAX_FILE_BYTES // 1_048_576} MB: split it into smaller files."
            )
        data = file.read_bytes()
    except OSError as error:
        raise click.ClickException(f"Could not read {file}: {error.strerror or error}.") from None
    repo = _repository(data_dir)
    project = _project(repo, project_id)
    now = datetime.now(UTC)
    if dry_run:
        report = check_import(repo, project.id, file.name, data, now=now)
    else:
        report = import_reviews(repo, project.id, file.name, data, actor=CLI_ACTOR, now=now)
    click.echo(f"Project: {project.name}")
    click.echo(report.summary)
    for problem in report.rejected:
        click.echo(f"  - {problem}")
    if dry_run:
        _echo_preview(report)
    for note in report.notes:
        click.echo(f"Note: {note}")
    if not report.ok:
        raise SystemExit(1)


def _echo_preview(report: ImportReport) -> None:
    """Each statement as read (where | question | who said it | choice | words), then what was left out."""
    statements = [line for line in report.preview if not line.left_out]
    left_out = [line for line in report.preview if line.left_out]
    click.echo(f"Read as statements ({len(statements)}):")
    for line in statements:
        question = line.question.label if line.question else ""
        said_by = line.said_by.label if line.said_by else ""
        choice = {1: "1st choice", 2: "2nd choice"}.get(line.priority or 0, "no choice")
        click.echo(f"  {line.where} | {question} | {said_by} | {choice} | {_one_line(line.text)}")
    if left_out:
        click.echo(f"Left out ({len(left_out)}):")
        for line in left_out:
            click.echo(f"  {line.where} | {_one_line(line.text)} | {line.left_out}")


def _one_line(text: str) -> str:
    return " / ".join(part.strip() for part in text.splitlines() if part.strip())


@click.command("export-reviews")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS, case_sensitive=False),
    default=None,
    help="csv or xlsx (default: from the ending of --out).",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The file to write."
)
@_PROJECT_OPTION
@click.pass_obj
def export_reviews_command(data_dir: Path | None, fmt: str | None, out: Path, project_id: str | None) -> None:
    """Write the project's reviews to a CSV or XLSX file: one row per statement.

    Withdrawn reviews are left out. The file holds personal data: only you can read it.
    """
    chosen = (fmt or out.suffix.lstrip(".")).lower()
    if chosen not in EXPORT_FORMATS:
        raise click.ClickException("Say --format csv or --format xlsx, or give --out a .csv or .xlsx ending.")
    repo = _repository(data_dir)
    project = _project(repo, project_id)
    data = export_reviews(repo, project.id, chosen, actor=CLI_ACTOR, now=datetime.now(UTC))
    try:
        write_private(out, data)
    except OSError as error:
        raise click.ClickException(f"Could not write {out}: {error.strerror or error}.") from None
    reviews, statements = export_counts(repo, project.id)
    held = f"{_count(reviews, 'review')} with {_count(statements, 'statement')}"
    click.echo(f"Wrote {held} from '{project.name}' to {out}")
    click.echo("It holds personal data: keep it somewhere as safe as the data folder itself.")
