"""Looking after the store itself: backups."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from wtfc_collect.domain import AuditAction
from wtfc_collect.services.access import ADMIN, guard
from wtfc_collect.services.common import record_audit
from wtfc_collect.storage.port import Repository


@guard(ADMIN)
def backup_store(repo: Repository, directory: Path, *, actor: str, now: datetime) -> Path:
    """Write a consistent copy of all data into ``directory`` and note it in the audit log."""
    path = repo.backup(directory)
    record_audit(repo, actor=actor, action=AuditAction.BACKUP, record=None, now=now, reason=path.name)
    return path
