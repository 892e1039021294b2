"""Looking after the store itself: backups, and copying the whole store to another (folder <-> database)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from wtfc_collect.domain import AuditAction
from wtfc_collect.services.access import ADMIN, guard
from wtfc_collect.services.common import record_audit
from wtfc_collect.storage import transfer
from wtfc_collect.storage.port import Recordings, Repository


@guard(ADMIN)
def backup_store(repo: Repository, directory: Path, *, actor: str, now: datetime) -> Path:
    """Write a consistent copy of all data into ``directory`` and note it in the audit log."""
    path = repo.backup(directory)
    record_audit(repo, actor=actor, action=AuditAction.BACKUP, record=None, now=now, reason=path.name)
    return path


@guard(ADMIN)
def copy_all_data(
    source: Repository,
    source_recordings: Recordings,
    target: Repository,
    target_recordings: Recordings,
    *,
    target_name: str,
    actor: str,
    now: datetime,
) -> transfer.CopyCheck:
    """Copy everything (records, audit log, voice recordings) into an empty store, and check the copy.

    The copy is noted in the source's audit log first, so the note travels with it. ``target_name`` names
    the target without any password (it goes into the audit log).
    """
    transfer.check_empty(target, target_recordings)
    record_audit(
        source, actor=actor, action=AuditAction.BACKUP, record=None, now=now,
        reason=f"whole copy to {target_name}"[:500],
    )
    return transfer.copy_everything(source, source_recordings, target, target_recordings)
