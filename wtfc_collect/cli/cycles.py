"""``python -m wtfc_collect cycles`` and ``next-cycle``: the cycles of a project, and starting the next."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from wtfc_collect import bootstrap
from wtfc_collect.domain import DomainError, Project
from wtfc_collect.services.prepare.project_setup import current_project
from wtfc_collect.services.workshop import compare_cycles, learning_review
from wtfc_collect.storage.port import Repository, StoreError

CLI_ACTOR = "command line"


def _project(data_dir: Path | None, project_id: str | None) -> tuple[Repository, Project]:
    repo = bootstrap.build_repository(data_dir)
    project = current_project(repo, project_id)
    if project is None or (project_id and project.id != project_id):
        raise click.ClickException("That project could not be found. Leave out --project for the newest one.")
    return repo, project


@click.command("cycles")
@click.option("--project", "project_id", default=None, help="Project id (default: the most recent project).")
@click.pass_obj
def cycles_command(data_dir: Path | None, project_id: str | None) -> None:
    """List the cycles of a project, oldest first: number, id, name, when it started, and whether it is
    finished."""
    try:
        repo, project = _project(data_dir, project_id)
        line = compare_cycles.cycles(repo, project.id)
        reviews = {p.id: learning_review.cycle_review(repo, p.id) for p in line}
    except (DomainError, StoreError) as problem:
        raise click.ClickException(getattr(problem, "message", None) or str(problem)) from None
    for cycle in line:
        review = reviews[cycle.id]
        state = f"finished {review.finished_on:%d/%m/%Y}" if review.finished_on else "under way"
        click.echo(f"{cycle.cycle}\t{cycle.id}\t{cycle.name}\tstarted {cycle.created_at:%d/%m/%Y}\t{state}")


@click.command("next-cycle")
@click.option(
    "--project", "project_id", default=None, help="The finished cycle (default: the newest project)."
)
@click.option("--name", default=None, help='Name of the new cycle (default: the name with "(cycle N)").')
@click.pass_obj
def next_cycle_command(data_dir: Path | None, project_id: str | None, name: str | None) -> None:
    """Start the next cycle from a finished one: purpose, sample plan, teams and areas copied; priorities,
    success statements and measures carried forward; no reviews or statements."""
    try:
        repo, project = _project(data_dir, project_id)
        made = learning_review.start_next_cycle(
            repo, project.id, name, actor=CLI_ACTOR, now=datetime.now(UTC)
        )
    except (DomainError, StoreError) as problem:
        raise click.ClickException(getattr(problem, "message", None) or str(problem)) from None
    click.echo(f"Started cycle {made.cycle}, '{made.name}' ({made.id}), from '{project.name}'.")
