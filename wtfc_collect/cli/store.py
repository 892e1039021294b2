"""``copy-data``: move a whole store between a data folder and a PostgreSQL database, and check the copy."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from wtfc_collect import bootstrap
from wtfc_collect.services.admin.backup import copy_all_data
from wtfc_collect.storage.port import Recordings, Repository, StoreError

CLI_ACTOR = "command line"
ADDRESS_HELP = "a postgresql://USER@HOST:PORT/DATABASE address, or a data folder"


def _is_database(address: str) -> bool:
    return address.strip().lower().startswith(("postgresql://", "postgres://"))


def _open(address: str, role: str) -> tuple[Repository, Recordings]:
    if not _is_database(address):
        folder = Path(address).expanduser()
        if role == "source" and not bootstrap.store_path(folder.resolve()).is_file():
            raise click.ClickException(
                f"There is no WTfC Collect data in {folder} (no {bootstrap.STORE_FILE}), so there is nothing "
                "to copy. Name the data folder with --from, or set WTFC_DATA_DIR."
            )
        if role == "target":
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        return bootstrap.open_store(address)
    except StoreError as error:
        raise click.ClickException(str(error)) from None


@click.command("copy-data")
@click.option("--to", "target", required=True, metavar="ADDRESS", help=f"Where to copy to: {ADDRESS_HELP}.")
@click.option(
    "--from",
    "source",
    default=None,
    metavar="ADDRESS",
    help=f"Where to copy from: {ADDRESS_HELP} (default: the store in use, $WTFC_DATABASE_URL or the data "
    "folder).",
)
@click.pass_obj
def copy_data(data_dir: Path | None, target: str, source: str | None) -> None:
    """Copy everything (records, audit log, voice recordings) into an empty database or data folder, then
    check that the copy holds the same as the original. Stop the app first, so nothing changes meanwhile."""
    source = source or bootstrap.database_url() or str(data_dir or bootstrap.data_dir())
    source_name, target_name = bootstrap.describe_address(source), bootstrap.describe_address(target)
    if source_name == target_name:
        raise click.ClickException("The source and the target are the same store: nothing was copied.")
    from_store, from_recordings = _open(source, "source")
    to_store, to_recordings = _open(target, "target")
    click.echo(f"Copying {source_name} to {target_name} …")
    try:
        check = copy_all_data(
            from_store, from_recordings, to_store, to_recordings,
            target_name=target_name, actor=CLI_ACTOR, now=datetime.now(UTC),
        )
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    width = max(len(what) for what, _, _ in check.rows)
    click.echo(f"{'':<{width}}  {'source':>9}  {'target':>9}")
    for what, before, after in check.rows:
        click.echo(f"{what:<{width}}  {before:>9,}  {after:>9,}{'' if before == after else '  differs'}")
    if not check.matches:
        raise click.ClickException(
            "The copy does not hold the same as the original: " + "; ".join(check.differences)
            + ". Empty the target and run copy-data again; keep using the original meanwhile."
        )
    click.echo(
        "Everything was copied and checked: the same records, audit entries and recordings on both sides."
    )
    if _is_database(target):
        click.echo(
            f"To use it, set WTFC_DATABASE_URL to {target_name} (with its password, or a ~/.pgpass file) on "
            "every app server. The copy holds personal data: keep it as safe as the original."
        )
    else:
        click.echo(
            f"To use it, unset WTFC_DATABASE_URL and set WTFC_DATA_DIR={target_name}. The copy holds "
            "personal data: keep it as safe as the original."
        )
