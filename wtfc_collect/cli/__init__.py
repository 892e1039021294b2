"""Command line: ``python -m wtfc_collect COMMAND``. Run with ``--help`` for the list.

The group and the store commands live here; other commands live in modules of this package and are
added at the bottom of this file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from wtfc_collect import bootstrap, demo
from wtfc_collect.demo.accounts import DEMO_PERSON
from wtfc_collect.domain import Role
from wtfc_collect.services import access
from wtfc_collect.services.admin.accounts import create_account
from wtfc_collect.services.admin.backup import backup_store
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.prepare.project_setup import list_projects
from wtfc_collect.storage.port import Repository, StoreError

CLI_ACTOR = "command line"


def _now() -> datetime:
    return datetime.now(UTC)


def _open(data_dir: Path | None) -> Repository:
    try:
        return bootstrap.build_repository(data_dir)
    except StoreError as error:
        raise click.ClickException(str(error)) from None


@click.group()
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=bootstrap.DATA_DIR_VARIABLE,
    default=None,
    help="Folder for the data (default: $WTFC_DATA_DIR, else ./data).",
)
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None) -> None:
    """WTfC Collect: people's own words for Working Together for Change."""
    ctx.obj = data_dir.resolve() if data_dir else None
    # Whoever runs these commands can read the data folder anyway: they act as an administrator.
    access.use_identity(access.operator)


@main.command("demo")
@click.option(
    "--reviews", default=40, show_default=True, type=click.IntRange(1, 100_000), help="How many reviews."
)
@click.option("--seed", default=7, show_default=True, type=int, help="Change for a different demo.")
@click.option("--if-empty", is_flag=True, help="Only add the demo when there are no projects yet.")
@click.option("--no-workshop", is_flag=True, help="Leave out the demo workshop (themes, votes, plans).")
@click.option(
    "--password",
    default=None,
    help="Also add demo accounts admin, reviewer, quality and facilitator with this password.",
)
@click.pass_obj
def demo_command(
    data_dir: Path | None, reviews: int, seed: int, if_empty: bool, no_workshop: bool, password: str | None
) -> None:
    """Add a demo project with made-up reviews (some with typical quality problems to find)."""
    repo = _open(data_dir)
    if if_empty and list_projects(repo):
        click.echo("The data folder already has a project, so no demo was added (and no demo accounts).")
        return
    try:
        installed = demo.install(
            repo,
            now=_now(),
            reviews=reviews,
            seed=seed,
            actor=CLI_ACTOR,
            workshop=not no_workshop,
            password=password,
        )
    except InvalidInput as invalid:
        raise click.ClickException(invalid.message) from None
    if no_workshop:
        click.echo(f"Added the demo project '{installed.project.name}' with {reviews} reviews.")
    else:
        click.echo(
            f"Added the demo project in two cycles, each with {reviews} reviews and a workshop: last year's, "
            f"finished, and this year's, '{installed.project.name}', started from it."
        )
    if installed.code is None:
        return
    names = ", ".join(a.username for a in installed.accounts) or "none (they were there already)"
    click.echo(f"Demo accounts added: {names}. They all use the password you gave.")
    click.echo(f"Code for a demo own review (person {DEMO_PERSON}): {installed.code}")


@main.command("create-admin")
@click.option("--username", prompt="Username", help="Small letters, numbers, dots, dashes.")
@click.option("--name", "display_name", prompt="Name shown to others", help="For example: Sam Jones.")
@click.password_option(help="At least 10 characters (asked for twice, not shown).")
@click.pass_obj
def create_admin(data_dir: Path | None, username: str, display_name: str, password: str) -> None:
    """Add an administrator account (the first one, or another)."""
    repo = _open(data_dir)
    try:
        account = create_account(
            repo,
            username=username,
            display_name=display_name,
            role=Role.ADMINISTRATOR,
            password=password,
            actor=CLI_ACTOR,
            now=_now(),
        )
    except InvalidInput as invalid:
        raise click.ClickException(" ".join(invalid.errors.values())) from None
    click.echo(f"Administrator '{account.username}' added. Sign in with this username and the password.")


@main.command()
@click.option(
    "--to",
    "destination",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the backup (default: the data folder's backups/).",
)
@click.pass_obj
def backup(data_dir: Path | None, destination: Path | None) -> None:
    """Copy all data into one backup file (safe while the app is running)."""
    repo = _open(data_dir)
    path = backup_store(
        repo, destination or bootstrap.backup_dir(data_dir), actor=CLI_ACTOR, now=_now()
    )
    click.echo(f"Backup written to {path}")
    click.echo("It holds personal data: keep it somewhere as safe as the data folder itself.")


from wtfc_collect.cli.audio import audio  # noqa: E402

main.add_command(audio)

from wtfc_collect.cli.quality import check  # noqa: E402

main.add_command(check)

from wtfc_collect.cli.documents import export  # noqa: E402

main.add_command(export)

from wtfc_collect.cli.exchange import import_command  # noqa: E402

main.add_command(import_command)

from wtfc_collect.cli.exchange import export_reviews_command  # noqa: E402

main.add_command(export_reviews_command)

from wtfc_collect.cli.suggest_groups import suggest_groups  # noqa: E402

main.add_command(suggest_groups)

from wtfc_collect.cli.cycles import cycles_command, next_cycle_command  # noqa: E402

main.add_command(cycles_command)
main.add_command(next_cycle_command)

from wtfc_collect.cli.store import copy_data  # noqa: E402

main.add_command(copy_data)
