"""``python -m wtfc_collect export``: Word documents from the command line."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from wtfc_collect import bootstrap
from wtfc_collect.domain import DomainError
from wtfc_collect.services.prepare.project_setup import current_project
from wtfc_collect.services.reports.documents import (
    LETTER_LANGUAGES,
    DocumentKind,
    export_document,
    file_name,
)
from wtfc_collect.storage.port import StoreError
from wtfc_collect.storage.shared import write_private


@click.command("export")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in DocumentKind]),
    required=True,
    help="cards (one per page), strips (many per page), checkpoint (the checkpoint report), report (the "
    "WTfC report), you-said-we-did (the easy-read letter for the people who took part), summary (one "
    "page for leaders) or workshop-invitation (the easy-read invitation and briefing for the workshops).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The .docx file to write (default: workshop-cards.docx, wtfc-report.docx … in this folder).",
)
@click.option("--project", "project_id", default=None, help="Project id (default: the most recent project).")
@click.option(
    "--language",
    type=click.Choice(list(LETTER_LANGUAGES)),
    default="en",
    show_default=True,
    help="Language of you-said-we-did and workshop-invitation: en (English) or cy (Welsh). The other "
    "documents are in English.",
)
@click.pass_obj
def export(data_dir: Path | None, kind: str, out: Path | None, project_id: str | None, language: str) -> None:
    """Write a Word document for a project."""
    out = out or Path(file_name(DocumentKind(kind), language))
    try:
        repo = bootstrap.build_repository(data_dir)
        project = current_project(repo, project_id)
        if project is None or (project_id and project.id != project_id):
            raise click.ClickException(
                "That project could not be found. Leave out --project for the newest one."
            )
        data = export_document(
            repo,
            project.id,
            DocumentKind(kind),
            language=language,
            actor="command line",
            now=datetime.now(UTC),
        )
    except (DomainError, StoreError) as problem:
        raise click.ClickException(getattr(problem, "message", None) or str(problem)) from None
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_private(out, data)  # it holds people's words: readable by this account only
    except OSError as error:
        raise click.ClickException(f"Could not write {out}: {error.strerror or error}.") from None
    click.echo(f"Wrote {out} ({len(data) // 1024} KB).")
