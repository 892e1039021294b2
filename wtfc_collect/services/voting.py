"""Step 3, priorities: dot voting on the "not working" themes, and the themes the room takes forward.

Each participant has a number of dots (3 unless the facilitator changes it; kept with the "not working"
card call, so it is one setting per project). One dot per theme: the guide asks people for their three
highest priority themes, so three dots mean three different themes. A participant is recorded by a label
("Voter 7" is enough); entering their dots again replaces the ones they had, so a mistake can be put right.
Only themes that still hold a card count: a theme emptied by withdrawn reviews leaves the ballot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pydantic import TypeAdapter

from wtfc_collect.domain import AuditAction, DomainError, Question, new_id, utc
from wtfc_collect.domain.base import Label
from wtfc_collect.domain.workshop import MAX_DOTS, Theme, Vote, VoteTarget, check_dots
from wtfc_collect.storage.port import Repository

from .access import FACILITATORS, guard
from .common import record_audit, words_checked
from .projects import get_project
from .theming import ThemeView, card_call_record, list_themes

VOTED = Question.NOT_WORKING
TAKE_FORWARD = 4  # the guide: "we would generally take the top four or five 'not working' themes forward"
TAKE_FORWARD_MOST = 5
_LABEL = TypeAdapter(Label)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ThemeResult:
    """One theme's dots, and how many different participants gave them."""

    view: ThemeView
    dots: int
    voters: int


def _key(voter: str) -> str:
    return _SPACES.sub(" ", voter).strip().casefold()


@guard(FACILITATORS)
def ballot(repo: Repository, project_id: str) -> list[ThemeView]:
    """The "not working" themes that can be voted on: those holding at least one card."""
    get_project(repo, project_id)
    return [view for view in list_themes(repo, project_id, VOTED) if view.cards]


@guard(FACILITATORS)
def dots_per_person(repo: Repository, project_id: str) -> int:
    return card_call_record(repo, project_id, VOTED).dots_per_person


def _theme_votes(repo: Repository, project_id: str) -> list[Vote]:
    return repo.find(Vote, project_id=project_id, target_kind=VoteTarget.THEME.value)


@guard(FACILITATORS)
def voters(repo: Repository, project_id: str) -> dict[str, int]:
    """Each participant who has voted (as first written) and the dots they used, in the order they voted."""
    used: dict[str, int] = {}
    names: dict[str, str] = {}
    for vote in _theme_votes(repo, project_id):
        name = names.setdefault(_key(vote.voter), vote.voter)
        used[name] = used.get(name, 0) + vote.dots
    return used


@guard(FACILITATORS)
def votes_of(repo: Repository, project_id: str, voter: str) -> list[str]:
    """The themes one participant put their dots on."""
    key = _key(voter)
    return [v.target_id for v in _theme_votes(repo, project_id) if _key(v.voter) == key]


@guard(FACILITATORS)
def next_voter_label(repo: Repository, project_id: str) -> str:
    """ "Voter N" for the next participant: the first number not used yet."""
    taken = {_key(name) for name in voters(repo, project_id)}
    number = len(taken) + 1
    while _key(f"Voter {number}") in taken:
        number += 1
    return f"Voter {number}"


@guard(FACILITATORS)
def set_dots_per_person(repo: Repository, project_id: str, dots: int, *, actor: str, now: datetime) -> int:
    """Change how many dots each participant has. Refused below what someone has already used."""
    get_project(repo, project_id)
    if not 1 <= dots <= MAX_DOTS:
        raise DomainError(f"Give each person between 1 and {MAX_DOTS} dots.", "dots_per_person")
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
    repo: Repository, project_id: str, voter: str, theme_ids: Iterable[str], *, actor: str, now: datetime
) -> list[Vote]:
    """Record one participant's dots, replacing any they had. Refuses more dots than they have."""
    with words_checked("voter"):
        name = _SPACES.sub(" ", _LABEL.validate_python(voter))
    chosen = list(theme_ids)
    check_dots(chosen, dots_per_person(repo, project_id))
    open_ids = {view.theme.id for view in ballot(repo, project_id)}
    if any(theme_id not in open_ids for theme_id in chosen):
        raise DomainError("One of the chosen themes is no longer on the list. Choose again.", "dots")
    key = _key(name)
    for old in _theme_votes(repo, project_id):
        if _key(old.voter) == key:
            repo.delete(Vote, old.id)
    at = utc(now)
    votes = [
        repo.save(
            Vote(
                id=new_id(),
                project_id=project_id,
                target_kind=VoteTarget.THEME,
                target_id=theme_id,
                voter=name,
                at=at,
            )
        )
        for theme_id in chosen
    ]
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=None, now=now, reason=f"{len(votes)} dots recorded"
    )
    return votes


@guard(FACILITATORS)
def remove_votes(repo: Repository, project_id: str, voter: str, *, actor: str, now: datetime) -> int:
    """Take away every dot of one participant (for example, recorded under the wrong label)."""
    key = _key(voter)
    gone = [v for v in _theme_votes(repo, project_id) if _key(v.voter) == key]
    if not gone:
        raise DomainError("Nobody of that name has voted yet.", "voter")
    for vote in gone:
        repo.delete(Vote, vote.id)
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=None, now=now, reason=f"{len(gone)} dots removed"
    )
    return len(gone)


@guard(FACILITATORS)
def results(repo: Repository, project_id: str) -> list[ThemeResult]:
    """Every theme on the ballot with its dots, most dots first (then most people behind the theme)."""
    votes = _theme_votes(repo, project_id)
    found = []
    for view in ballot(repo, project_id):
        mine = [v for v in votes if v.target_id == view.theme.id]
        found.append(ThemeResult(view, sum(v.dots for v in mine), len({_key(v.voter) for v in mine})))
    return sorted(found, key=lambda r: (-r.dots, -r.view.people, -r.view.statements, r.view.theme.name or ""))


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
