"""Step 1: setting up a project, and reading progress against its sample plan."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from wtfc_collect.domain import AuditAction, DomainError, Progress, Project, Review, new_id, progress, utc
from wtfc_collect.services.access import PROJECT_ADMINS, STAFF, guard
from wtfc_collect.services.common import build, kept_records, kept_until_changed, record_audit, updated
from wtfc_collect.storage.port import ConflictError, Repository


@guard(PROJECT_ADMINS)
def create_project(repo: Repository, details: Mapping[str, Any], *, actor: str, now: datetime) -> Project:
    """Create a project from the set-up form's fields (name, purpose, level, sample_plan, …)."""
    project = build(Project, {**details, "id": new_id(), "created_at": utc(now)})
    saved = repo.save(project)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now)
    return saved


@guard(PROJECT_ADMINS)
def update_project(
    repo: Repository,
    project_id: str,
    changes: Mapping[str, Any],
    *,
    expected_revision: int,
    actor: str,
    now: datetime,
) -> Project:
    """Save changes from the set-up form. Refuses if someone else saved the project meanwhile."""
    current = get_project(repo, project_id)
    if current.revision != expected_revision:
        raise ConflictError(
            "Someone else changed this project while you were editing it. Your changes are still "
            "on the screen: copy anything you need, reload the page and enter them again."
        )
    changes = {
        k: v for k, v in changes.items() if k not in {"id", "revision", "created_at", "schema_version"}
    }
    saved = repo.save(updated(current, changes))
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now)
    return saved


@guard(STAFF)
def get_project(repo: Repository, project_id: str) -> Project:
    project = _project(repo, project_id)
    if project is None:
        raise DomainError("That project could not be found. It may have been removed.", "project")
    return project


@guard(STAFF)
def list_projects(repo: Repository) -> list[Project]:
    """All projects, newest first."""
    return sorted(kept_records(repo, Project), key=lambda p: p.created_at, reverse=True)


def _project(repo: Repository, project_id: str) -> Project | None:
    """The project, from the few kept until the store changes (every page run asks for it)."""
    return next((p for p in kept_records(repo, Project) if p.id == project_id), None)


@guard(STAFF)
def current_project(repo: Repository, project_id: str | None = None) -> Project | None:
    """The project asked for if it exists, else the most recently created one, else None."""
    if project_id:
        chosen = _project(repo, project_id)
        if chosen is not None:
            return chosen
    projects = list_projects(repo)
    return projects[0] if projects else None


@guard(STAFF)
def project_progress(repo: Repository, project_id: str) -> Progress:
    """Reviews sent in against the sample plan (kept until the store changes)."""
    project = get_project(repo, project_id)
    return kept_until_changed(
        repo,
        "project_progress",
        project_id,
        lambda: progress(project, repo.find(Review, project_id=project_id)),
    )
