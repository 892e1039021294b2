"""Demo accounts: one staff account per role, and one own review opened with a code."""

from __future__ import annotations

from datetime import datetime

from wtfc_collect.domain import Account, Project, Review, ReviewMode, Role
from wtfc_collect.services.access import ADMIN, guard
from wtfc_collect.services.admin.accounts import create_account
from wtfc_collect.services.collect.codes import invite
from wtfc_collect.services.collect.reviews import start_review
from wtfc_collect.storage.port import Repository

DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "Demo administrator", Role.ADMINISTRATOR),
    ("reviewer", "Demo reviewer", Role.REVIEWER),
    ("quality", "Demo quality lead", Role.QUALITY_LEAD),
    ("facilitator", "Demo facilitator", Role.FACILITATOR),
)
DEMO_PERSON = "DEMO-OWN-1"


@guard(ADMIN)
def install_demo_accounts(
    repo: Repository, project_id: str, *, password: str, actor: str, now: datetime
) -> tuple[list[Account], str]:
    """Add the demo accounts that are missing (same password for all) and a code for an own review.

    The reviewer belongs to the project's first team, so they see that team's reviews. Returns the
    accounts added and the code (shown once; only its hash is kept).
    """
    project = repo.get(Project, project_id)
    teams = project.teams[:1] if project else []
    existing = {a.username for a in repo.find(Account)}
    added = [
        create_account(
            repo,
            username=username,
            display_name=name,
            role=role,
            password=password,
            teams=teams if role is Role.REVIEWER else [],
            actor=actor,
            now=now,
        )
        for username, name, role in DEMO_USERS
        if username not in existing
    ]
    own = next((r for r in repo.find(Review, project_id=project_id, person_ref=DEMO_PERSON)), None)
    if own is None:
        own = start_review(
            repo,
            project_id,
            person_ref=DEMO_PERSON,
            review_date=now.date(),
            mode=ReviewMode.SELF,
            details={"team": teams[0]} if teams else None,
            actor=actor,
            now=now,
        )
    _, code = invite(repo, own.id, actor=actor, now=now)
    return added, code
