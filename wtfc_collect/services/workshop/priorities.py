"""Step 3, priorities: dot voting on the "not working" themes, and the themes the room takes forward.

Each participant has a number of dots (3 unless the facilitator changes it; kept with the "not working"
card call, so it is one setting per project). One dot per theme: the guide asks people for their three
highest priority themes, so three dots mean three different themes. A participant is recorded by a label
("Voter 7" is enough); entering their dots again replaces the ones they had, so a mistake can be put right.
Only themes that still hold a card count: a theme emptied by withdrawn reviews leaves the ballot.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from wtfc_collect.domain import AuditAction, DomainError, Question
from wtfc_collect.domain.dot_votes import (
    Vote,
    VoteTarget,
    check_allowed,
    dots_used,
    tally,
    voter_key,
)
from wtfc_collect.domain.dot_votes import (
    next_voter_label as _next_label,
)
from wtfc_collect.domain.participation import ParticipantPerspective
from wtfc_collect.domain.theme import Theme
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.common import record_audit
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.services.workshop.card_call import card_call_record
from wtfc_collect.services.workshop.dot_votes import ballot_votes, record_ballot
from wtfc_collect.services.workshop.themes import ThemeView, list_themes
from wtfc_collect.storage.port import Repository

VOTED = Question.NOT_WORKING
KIND = VoteTarget.THEME
TAKE_FORWARD = 4  # the guide: "we would generally take the top four or five 'not working' themes forward"
TAKE_FORWARD_MOST = 5
NOT_OPEN = "One of the chosen themes is no longer on the list. Choose again."


@dataclass(frozen=True)
class ThemeResult:
    """One theme's dots, and how many different participants gave them."""

    view: ThemeView
    dots: int
    voters: int


@guard(FACILITATORS)
def ballot(repo: Repository, project_id: str) -> list[ThemeView]:
    """The "not working" themes that can be voted on: those holding at least one card."""
    get_project(repo, project_id)
    return [view for view in list_themes(repo, project_id, VOTED) if view.cards]


@guard(FACILITATORS)
def dots_per_person(repo: Repository, project_id: str) -> int:
    return card_call_record(repo, project_id, VOTED).dots_per_person


def _theme_votes(repo: Repository, project_id: str) -> list[Vote]:
    return ballot_votes(repo, project_id, KIND)


@guard(FACILITATORS)
def voters(repo: Repository, project_id: str) -> dict[str, int]:
    """Each participant who has voted (as first written) and the dots they used, in the order they voted."""
    return dots_used(_theme_votes(repo, project_id))


@guard(FACILITATORS)
def votes_of(repo: Repository, project_id: str, voter: str) -> list[str]:
    """The themes one participant put their dots on."""
    key = voter_key(voter)
    return [v.target_id for v in _theme_votes(repo, project_id) if voter_key(v.voter) == key]


@guard(FACILITATORS)
def perspective_of(repo: Repository, project_id: str, voter: str) -> ParticipantPerspective | None:
    """The perspective one participant gave with their dots (None if they did not say)."""
    key = voter_key(voter)
    mine = [v for v in _theme_votes(repo, project_id) if voter_key(v.voter) == key]
    return next((v.perspective for v in mine if v.perspective is not None), None)


@guard(FACILITATORS)
def next_voter_label(repo: Repository, project_id: str) -> str:
    """ "Voter N" for the next participant: after the highest number used so far."""
    return _next_label(voters(repo, project_id))


@guard(FACILITATORS)
def set_dots_per_person(repo: Repository, project_id: str, dots: int, *, actor: str, now: datetime) -> int:
    """Change how many dots each participant has. Refused below what someone has already used."""
    get_project(repo, project_id)
    check_allowed(KIND, dots, "dots_per_person")
    over = [name for name, used in voters(repo, project_id).items() if used > dots]
    if over:
        raise DomainError(
            f"{over[0]} has already used more than {dots} dots. Change their dots first, then try again.",
            "dots_per_person",
        )
    call = card_call_record(repo, project_id, VOTED)
    call.dots_per_person = dots
    saved = repo.save(call)
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason=f"{dots} dots per person"
    )
    return saved.dots_per_person


@guard(FACILITATORS)
def record_votes(
    repo: Repository,
    project_id: str,
    voter: str,
    theme_ids: Iterable[str],
    perspective: ParticipantPerspective | None = None,
    *,
    actor: str,
    now: datetime,
) -> list[Vote]:
    """Record one participant's dots (one on each theme chosen), replacing any they had, with the
    perspective they speak from if they gave it (so results can be shown by perspective).

    Refuses more dots than they have, or two on one theme. No theme at all takes their dots back.
    """
    return record_ballot(
        repo,
        project_id=project_id,
        kind=KIND,
        voter=voter,
        dots=Counter(theme_ids),
        open_targets={view.theme.id for view in ballot(repo, project_id)},
        earlier=_theme_votes(repo, project_id),
        allowed=dots_per_person(repo, project_id),
        not_open=NOT_OPEN,
        record=None,
        actor=actor,
        now=now,
        perspective=None if perspective is None else ParticipantPerspective(perspective),
    )


@guard(FACILITATORS)
def remove_votes(repo: Repository, project_id: str, voter: str, *, actor: str, now: datetime) -> int:
    """Take away every dot of one participant (for example, recorded under the wrong label)."""
    gone = votes_of(repo, project_id, voter)
    if not gone:
        raise DomainError("Nobody of that name has voted yet.", "voter")
    record_votes(repo, project_id, voter, [], actor=actor, now=now)
    return len(gone)


@guard(FACILITATORS)
def results(repo: Repository, project_id: str) -> list[ThemeResult]:
    """Every theme on the ballot with its dots, most dots first (then most people behind the theme)."""
    views = sorted(ballot(repo, project_id), key=lambda v: (-v.people, -v.statements, v.theme.name or ""))
    by_id = {view.theme.id: view for view in views}
    counted = tally(_theme_votes(repo, project_id), list(by_id))
    return [ThemeResult(by_id[t.target_id], t.dots, t.voters) for t in counted]


def suggested_priorities(found: list[ThemeResult]) -> list[str]:
    """The themes to offer for taking forward: the top four with dots, and a fifth if it ties the fourth."""
    voted = [r for r in found if r.dots > 0]
    chosen = voted[:TAKE_FORWARD]
    if len(voted) > TAKE_FORWARD and voted[TAKE_FORWARD].dots == voted[TAKE_FORWARD - 1].dots:
        chosen = voted[:TAKE_FORWARD_MOST]
    return [r.view.theme.id for r in chosen]


@guard(FACILITATORS)
def choose_priorities(
    repo: Repository, project_id: str, theme_ids: Iterable[str], *, actor: str, now: datetime
) -> list[Theme]:
    """Mark the themes the room takes forward; every other "not working" theme is no longer chosen."""
    wanted = set(theme_ids)
    if not wanted:
        raise DomainError("Choose at least one theme to take forward.", "chosen")
    open_ids = {view.theme.id for view in ballot(repo, project_id)}
    if not wanted <= open_ids:
        raise DomainError("Only the 'not working' themes on the list can be taken forward.", "chosen")
    for theme in repo.find(Theme, project_id=project_id, question=VOTED.value):
        if theme.chosen != (theme.id in wanted):
            theme.chosen = theme.id in wanted
            repo.save(theme)
    chosen = [view.theme for view in chosen_themes(repo, project_id)]
    record_audit(
        repo,
        actor=actor,
        action=AuditAction.EDIT,
        record=None,
        now=now,
        reason=f"{len(chosen)} themes taken forward",
    )
    return chosen


@guard(FACILITATORS)
def chosen_themes(repo: Repository, project_id: str) -> list[ThemeView]:
    """The priorities taken forward to Step 4, with the cards they hold now."""
    return [view for view in list_themes(repo, project_id, VOTED) if view.theme.chosen]
