"""The demo: a made-up project for an invented town, Northvale, to try every screen with.

One entry point, ``install``, used by Home and by ``python -m wtfc_collect demo``: the project's plan and
about 40 reviews (``project``, from the statement bank in ``bank``), what some reviews led to and who is
invited to the workshops (``participation``), optionally a whole workshop run on them in two cycles, last
year's finished and this year's under way (``cycles``, running ``workshop_theming``,
``workshop_understanding``, ``workshop_planning`` and ``workshop_review``, with their data files beside them),
and optionally one account per role with a code for a demo own review (``accounts``).

Nothing in the services or the domain imports this package: the demo goes through the same use cases as the
screens, so it follows their rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from wtfc_collect.domain import Account, AuditAction, DomainError, Project, utc
from wtfc_collect.services.access import ADMIN, PROJECT_ADMINS, guard, require
from wtfc_collect.services.common import record_audit
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.storage.port import Repository

from . import accounts, cycles, participation, project

__all__ = ["DemoInstalled", "install"]


@dataclass(frozen=True)
class DemoInstalled:
    """What ``install`` added: the project, the demo accounts (if asked for) and a code for an own review."""

    project: Project
    accounts: list[Account] = field(default_factory=list)
    code: str | None = None


@guard(PROJECT_ADMINS)
def install(
    repo: Repository,
    *,
    now: datetime,
    actor: str = "demo",
    reviews: int = 40,
    seed: int = 7,
    workshop: bool = False,
    password: str | None = None,
) -> DemoInstalled:
    """Add the demo project and its reviews in one write; with ``workshop``, two cycles of it instead, each
    with its workshop (checked statements, themes, votes, causes, success, ideas, plans, readings and the
    review), last year's finished and this year's started from it; with ``password``, add the demo accounts
    that are missing (administrators only) and make a code for a demo own review in this year's project."""
    if reviews < 1:
        raise DomainError("The demo needs at least one review.", "reviews")
    if password is not None:
        require(ADMIN)  # before anything is written: accounts are for administrators
    if workshop:
        saved = cycles.install(repo, now=utc(now), reviews=reviews, seed=seed, actor=actor)
    else:
        made, demo_reviews = project.build_demo(now=utc(now), reviews=reviews, seed=seed)
        repo.save_all([made, *participation.follow_up(demo_reviews, utc(now))])
        saved = get_project(repo, made.id)
        record_audit(
            repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now, reason="demo project"
        )
        participation.seed(repo, made.id, utc(now))
    if password is None:
        return DemoInstalled(saved)
    added, code = accounts.install_demo_accounts(repo, saved.id, password=password, actor=actor, now=now)
    return DemoInstalled(saved, added, code)
