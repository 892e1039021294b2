"""What is working, to keep and spread, and what is important for the future, to show the gaps.

The card call themes all three questions; only the "not working" ones are voted on and worked through
Steps 4 to 6. The method uses the other two as well: the "working" themes are good practice to keep and to
spread, and the "future" themes show what people want that is not on offer yet. Each theme comes with how
many people said something in it (counted now, so a withdrawn review drops out) and the room's note on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wtfc_collect.domain import AuditAction, DomainError, Question, Theme
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.common import record_audit, updated, words_checked
from wtfc_collect.services.workshop.themes import ThemeView, list_themes
from wtfc_collect.storage.port import ConflictError, Repository

STALE = "Someone changed this note while you were typing. Look at it again, then make your change."
# Which list each question feeds.
LISTS = {Question.WORKING: "keep_and_spread", Question.FUTURE: "gaps"}


@dataclass(frozen=True)
class FollowUp:
    """A "working" or "future" theme, how many people and statements are behind it, and the room's note."""

    theme: Theme
    statements: int
    people: int
    said: tuple[str, ...]  # the workshop copies of what people said in it

    @property
    def note(self) -> str:
        return self.theme.follow_up


def _listed(views: list[ThemeView]) -> list[FollowUp]:
    found = [
        FollowUp(view.theme, view.statements, view.people, tuple(card.text for card in view.cards))
        for view in views
        if view.statements
    ]
    return sorted(found, key=lambda f: (-f.people, -f.statements, f.theme.created_at))


@guard(FACILITATORS)
def keep_and_spread(repo: Repository, project_id: str) -> list[FollowUp]:
    """The "working" themes, most people first: what to keep, and what to spread to more people."""
    return _listed(list_themes(repo, project_id, Question.WORKING))


@guard(FACILITATORS)
def gaps(repo: Repository, project_id: str) -> list[FollowUp]:
    """The "important for the future" themes, most people first: set against what is on offer now."""
    return _listed(list_themes(repo, project_id, Question.FUTURE))


@guard(FACILITATORS)
def set_follow_up(
    repo: Repository,
    theme_id: str,
    text: str,
    *,
    expected_revision: int | None = None,
    actor: str,
    now: datetime,
) -> Theme:
    """Write the room's note on a "working" theme (how to keep and spread it) or a "future" one (what is on
    offer now and what is missing). An empty note takes it away."""
    theme = repo.get(Theme, theme_id)
    if theme is None:
        raise DomainError("That theme could not be found. It may have been merged or removed.", "follow_up")
    if theme.question not in LISTS:
        raise DomainError(
            "Notes here are for what is working and what matters for the future. The 'not working' "
            "themes are worked through on the next screens.",
            "follow_up",
        )
    if expected_revision is not None and theme.revision != expected_revision:
        raise DomainError(STALE, "follow_up")
    with words_checked("follow_up"):
        changed = updated(theme, {"follow_up": text})
    try:
        saved = repo.save(changed)
    except ConflictError:
        raise DomainError(STALE, "follow_up") from None
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="follow-up note")
    return saved
