"""Voting on one's own phone or tablet in a private ballot (the Vote screen): no account, only the workshop
code the facilitator shows in the room.

The code opens one thing: the open ballot it belongs to. A device that has typed it holds a ``BallotPass``
(the ballot, the hash of the code it came in with, and a label such as "Phone KM4T" that names nobody) and
can do nothing else: every use case here takes the pass, and checks again that the ballot is still open
and its code unchanged. Wrong codes are counted, from each place and over everyone, like the codes for own
reviews, so a code cannot be found by guessing. The dots go onto the priorities ballot as any others do,
with the voter's perspective if they give it.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from wtfc_collect.domain import AuditAction, DomainError
from wtfc_collect.domain.dot_votes import Vote, voter_key
from wtfc_collect.domain.participation import ParticipantPerspective
from wtfc_collect.domain.private_ballot import DEVICE_PREFIX, Ballot, BallotMode, BallotOption
from wtfc_collect.services.access import entrance
from wtfc_collect.services.collect.codes import ALPHABET, CODE_LENGTH, code_hash, normalise
from wtfc_collect.services.common import InvalidInput, Throttle, keyed, record_audit, wait_words
from wtfc_collect.services.workshop.dot_votes import ballot_votes, record_ballot
from wtfc_collect.storage.port import Repository

VOTER = "workshop vote (code)"  # who gave the dots, in the audit log: never a person
LABEL_LETTERS = 4
FROM_ONE_PLACE = Throttle(free=10)
EVERYONE = Throttle(free=100, window=timedelta(minutes=10), longest_wait=timedelta(minutes=5))
EVERYONE_LABEL = "ballot-codes:everyone"
REFUSED = "That code does not open a vote. Check it with the person running the workshop."
CLOSED = "This vote has closed, or its code has changed. Ask the person running the workshop."
TOO_MANY = "Too many wrong codes were tried. Wait {wait}, then try again."
NOT_ON_BALLOT = "One of the chosen themes is not on this vote. Choose again."
TOO_MANY_TICKS = "Tick up to {n} themes, then send your vote again."
NO_TICKS = "Tick at least one theme, then send your vote."


@dataclass(frozen=True)
class BallotPass:
    """What a device holds once it has typed the code: the one ballot it may vote on."""

    ballot_id: str
    code_hash: str
    label: str


def _open_ballot(repo: Repository, ballot_pass: BallotPass) -> Ballot:
    ballot = repo.get(Ballot, ballot_pass.ballot_id)
    if ballot is None or not ballot.is_open or ballot.code_hash != ballot_pass.code_hash:
        raise DomainError(CLOSED, "ballot")
    return ballot


def _new_label(taken: Iterable[str]) -> str:
    used = {voter_key(label) for label in taken}
    while True:
        label = f"{DEVICE_PREFIX} " + "".join(secrets.choice(ALPHABET) for _ in range(LABEL_LETTERS))
        if voter_key(label) not in used:
            return label


@entrance
def join_ballot(repo: Repository, code: str, *, now: datetime, source: str = "") -> BallotPass:
    """The pass a workshop code gives: the open ballot on own devices it belongs to. DomainError if
    refused; past a few wrong codes from one place (or many from everyone), each try waits."""
    labels = {FROM_ONE_PLACE: keyed(repo, "ballot-place", source, now), EVERYONE: EVERYONE_LABEL}
    waits = [w for t, label in labels.items() if (w := t.wait(repo, label, now)) is not None]
    if waits:
        raise DomainError(TOO_MANY.format(wait=wait_words(max(waits))), "code")
    wanted = normalise(code)
    hashed = code_hash(wanted)
    found = (
        [b for b in repo.find(Ballot, code_hash=hashed) if b.is_open and b.mode is BallotMode.DEVICES]
        if len(wanted) == CODE_LENGTH
        else []
    )
    if not found:
        for throttle, label in labels.items():
            if throttle.starts_waiting(repo, label, now):
                record_audit(
                    repo,
                    actor=VOTER,
                    action=AuditAction.SIGN_IN_REFUSED,
                    record=None,
                    now=now,
                    reason="waits begin for ballot codes"
                    + ("" if throttle is EVERYONE else " from one place"),
                )
        raise DomainError(REFUSED, "code")
    ballot = found[0]
    label = _new_label(v.voter for v in ballot_votes(repo, ballot.project_id, ballot.kind))
    record_audit(
        repo, actor=VOTER, action=AuditAction.SIGN_IN, record=ballot, now=now, reason="joined a vote"
    )
    return BallotPass(ballot.id, hashed, label)


@entrance
def ballot_options(repo: Repository, ballot_pass: BallotPass) -> tuple[list[BallotOption], int]:
    """What may be voted on, and how many dots each person has (one per theme)."""
    ballot = _open_ballot(repo, ballot_pass)
    return list(ballot.options), ballot.dots


def _mine(repo: Repository, ballot: Ballot, label: str) -> list[Vote]:
    return [
        v
        for v in ballot_votes(repo, ballot.project_id, ballot.kind)
        if voter_key(v.voter) == voter_key(label)
    ]


@entrance
def my_vote(repo: Repository, ballot_pass: BallotPass) -> tuple[list[str], ParticipantPerspective | None]:
    """The themes this device has put its dots on so far, and the perspective it gave."""
    ballot = _open_ballot(repo, ballot_pass)
    mine = _mine(repo, ballot, ballot_pass.label)
    return [v.target_id for v in mine], next((v.perspective for v in mine), None)


@entrance
def cast_vote(
    repo: Repository,
    ballot_pass: BallotPass,
    theme_ids: Iterable[str],
    perspective: ParticipantPerspective | None,
    *,
    now: datetime,
) -> list[Vote]:
    """Put this device's dots down (one per theme chosen), replacing any it gave before, with the voter's
    perspective if they said. Refused in plain words when the ballot has closed or too many are chosen."""
    ballot = _open_ballot(repo, ballot_pass)
    chosen = list(theme_ids)
    if len(set(chosen)) > ballot.dots:  # said to the voter as they see it: ticks, not "Phone KM4T has …"
        raise InvalidInput({"dots": TOO_MANY_TICKS.format(n=ballot.dots)})
    if not chosen and not _mine(repo, ballot, ballot_pass.label):
        raise InvalidInput({"dots": NO_TICKS})
    return record_ballot(
        repo,
        project_id=ballot.project_id,
        kind=ballot.kind,
        voter=ballot_pass.label,
        dots=Counter(chosen),
        open_targets=set(ballot.target_ids),
        earlier=ballot_votes(repo, ballot.project_id, ballot.kind),
        allowed=ballot.dots,
        not_open=NOT_ON_BALLOT,
        record=ballot,
        actor=VOTER,
        now=now,
        perspective=None if perspective is None else ParticipantPerspective(perspective),
    )
