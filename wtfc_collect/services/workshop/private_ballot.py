"""A private ballot on the "not working" themes (Step 3), for rooms where people follow the loudest voice.

The facilitator opens it in one of two ways: paper slips, typed in here one by one with the perspective
written on the slip; or people's own phones and tablets, which join with a workshop code shown on the
projector (the ``vote`` screen). The themes on the ballot and each person's dots are fixed when it opens.
The dots are ordinary dot votes on the priorities ballot, under labels that name nobody, so the Priorities
screen counts them with any others. The results, also by perspective, are shown once the ballot is closed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from wtfc_collect.documents.report_participation import VotesByPerspective
from wtfc_collect.domain import AuditAction, DomainError, new_id, utc
from wtfc_collect.domain.dot_votes import Vote, VoteTarget, voter_key
from wtfc_collect.domain.participation import PERSPECTIVE_LABELS, Participant, ParticipantPerspective
from wtfc_collect.domain.private_ballot import (
    DEVICE_PREFIX,
    SLIP_PREFIX,
    Ballot,
    BallotMode,
    PerspectiveTally,
    next_slip_label,
    tally_by_perspective,
)
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.collect.codes import code_hash, new_code
from wtfc_collect.services.common import build, record_audit, updated
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.services.workshop import priorities
from wtfc_collect.services.workshop.dot_votes import ballot_votes, record_ballot
from wtfc_collect.services.workshop.theme_charts import theme_label
from wtfc_collect.storage.port import Repository

KIND = VoteTarget.THEME
NOT_ON_BALLOT = "One of the chosen themes is not on this ballot."
CLOSED = "This ballot is closed. Open a new one to vote again."


@dataclass(frozen=True)
class BallotProgress:
    """How many ballots are in, beside how many people are recorded as here today (None: not recorded)."""

    ballots_in: int
    people_here: int | None


@dataclass(frozen=True)
class PerspectiveResult:
    """One theme's dots by the voters' perspectives."""

    name: str
    tally: PerspectiveTally


@guard(FACILITATORS)
def latest_ballot(repo: Repository, project_id: str) -> Ballot | None:
    """The project's most recent private ballot, open or closed."""
    found = sorted(repo.find(Ballot, project_id=project_id), key=lambda b: b.opened_at)
    return found[-1] if found else None


def _ballot(repo: Repository, ballot_id: str) -> Ballot:
    found = repo.get(Ballot, ballot_id)
    if found is None:
        raise DomainError("That ballot could not be found.", "ballot")
    return found


@guard(FACILITATORS)
def open_ballot(
    repo: Repository, project_id: str, mode: BallotMode, *, actor: str, now: datetime
) -> tuple[Ballot, str | None]:
    """Open a private ballot on the "not working" themes that hold cards, with the project's dots per
    person. For own devices, also the workshop code (shown once: only a hash of it is kept)."""
    get_project(repo, project_id)
    current = latest_ballot(repo, project_id)
    if current is not None and current.is_open:
        raise DomainError("A private ballot is open already. Close it first.", "mode")
    themes = priorities.ballot(repo, project_id)
    if not themes:
        raise DomainError(
            "There is no 'not working' theme to vote on yet. Put cards into themes on the Card call first.",
            "mode",
        )
    code = new_code() if BallotMode(mode) is BallotMode.DEVICES else None
    ballot = build(
        Ballot,
        {
            "id": new_id(),
            "project_id": project_id,
            "kind": KIND,
            "mode": BallotMode(mode),
            "options": [{"target_id": v.theme.id, "name": theme_label(v.theme)} for v in themes],
            "dots": priorities.dots_per_person(repo, project_id),
            "code_hash": code_hash(code) if code else None,
            "opened_by": actor,
            "opened_at": utc(now),
        },
    )
    saved = repo.save(ballot)
    record_audit(
        repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now, reason=f"private ballot: {mode}"
    )
    return saved, code


@guard(FACILITATORS)
def new_ballot_code(repo: Repository, ballot_id: str, *, actor: str, now: datetime) -> str:
    """A new workshop code for an open ballot on own devices; the old code stops working at once."""
    ballot = _ballot(repo, ballot_id)
    if not ballot.is_open or ballot.mode is not BallotMode.DEVICES:
        raise DomainError("Only an open ballot on people's own devices has a code.", "code")
    code = new_code()
    saved = repo.save(updated(ballot, {"code_hash": code_hash(code)}))
    record_audit(
        repo, actor=actor, action=AuditAction.INVITE, record=saved, now=now, reason="new ballot code"
    )
    return code


@guard(FACILITATORS)
def close_ballot(repo: Repository, ballot_id: str, *, actor: str, now: datetime) -> Ballot:
    """Close the ballot: no more dots can be given on it, and its results can be shown."""
    ballot = _ballot(repo, ballot_id)
    if not ballot.is_open:
        return ballot
    saved = repo.save(updated(ballot, {"closed_at": utc(now)}))
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="private ballot closed"
    )
    return saved


def _slip_labels(votes: Iterable[Vote]) -> list[str]:
    return [v.voter for v in votes if voter_key(v.voter).startswith(SLIP_PREFIX.casefold())]


@guard(FACILITATORS)
def enter_slip(
    repo: Repository,
    ballot_id: str,
    theme_ids: Iterable[str],
    perspective: ParticipantPerspective | None,
    *,
    actor: str,
    now: datetime,
) -> str:
    """Type in one paper slip: the themes ticked on it and the perspective written on it, if any. The slip
    gets the next number ("Slip 7"), which is all that is kept about who voted."""
    ballot = _ballot(repo, ballot_id)
    if not ballot.is_open:
        raise DomainError(CLOSED, "dots")
    earlier = ballot_votes(repo, ballot.project_id, ballot.kind)
    label = next_slip_label(_slip_labels(earlier))
    record_ballot(
        repo,
        project_id=ballot.project_id,
        kind=ballot.kind,
        voter=label,
        dots=Counter(theme_ids),
        open_targets=set(ballot.target_ids),
        earlier=earlier,
        allowed=ballot.dots,
        not_open=NOT_ON_BALLOT,
        record=ballot,
        actor=actor,
        now=now,
        perspective=None if perspective is None else ParticipantPerspective(perspective),
    )
    return label


def ballot_voters(votes: Iterable[Vote], ballot: Ballot) -> set[str]:
    """The people (labels) who put dots on this ballot since it opened, on slips or their own devices."""
    prefix = (SLIP_PREFIX if ballot.mode is BallotMode.SLIPS else DEVICE_PREFIX).casefold()
    return {
        voter_key(v.voter)
        for v in votes
        if v.at >= ballot.opened_at
        and voter_key(v.voter).startswith(prefix)
        and v.target_id in ballot.target_ids
    }


@guard(FACILITATORS)
def ballot_progress(repo: Repository, ballot_id: str, today: date) -> BallotProgress:
    """How many have voted on the ballot so far, beside how many people were recorded as here ``today``
    (more ballots than people would mean someone voted twice)."""
    ballot = _ballot(repo, ballot_id)
    voted = ballot_voters(ballot_votes(repo, ballot.project_id, ballot.kind), ballot)
    places = [p.place_on(today) for p in repo.find(Participant, project_id=ballot.project_id)]
    noted = [place.attended for place in places if place is not None and place.attended is not None]
    return BallotProgress(len(voted), sum(noted) if noted else None)


@guard(FACILITATORS)
def results_by_perspective(repo: Repository, project_id: str) -> list[PerspectiveResult]:
    """Every theme on the priorities ballot (most dots first) with its dots by the voters' perspectives:
    dots given on the Priorities screen have no perspective unless it was recorded."""
    results = priorities.results(repo, project_id)
    tallies = tally_by_perspective(ballot_votes(repo, project_id, KIND), [r.view.theme.id for r in results])
    return [PerspectiveResult(theme_label(r.view.theme), t) for r, t in zip(results, tallies, strict=True)]


@guard(FACILITATORS)
def report_votes(repo: Repository, project_id: str) -> VotesByPerspective | None:
    """For the WTfC report: the dots on each theme by perspective, once any dot carries one (else None)."""
    found = [r for r in results_by_perspective(repo, project_id) if r.tally.total]
    if not any(p is not None for r in found for p in r.tally.dots):
        return None
    order: list[ParticipantPerspective | None] = [*ParticipantPerspective, None]
    return VotesByPerspective(
        perspectives=[PERSPECTIVE_LABELS[p] if p else "Not said" for p in order],
        themes=[(r.name, [r.tally.dots.get(p, 0) for p in order]) for r in found],
    )
