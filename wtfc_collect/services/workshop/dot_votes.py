"""Recording dots, one way for themes (Step 3), root causes (Step 4) and ideas (Step 6).

A person's dots on one ballot replace the ones they had there, in one write: the new dots are saved and
the old ones removed together, or nothing changes. The rules (how many dots, one per target or not, which
labels are the same person) are the domain's, in ``domain.dot_votes``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from wtfc_collect.domain import AuditAction, DomainError, Record, new_id, utc
from wtfc_collect.domain.dot_votes import Vote, VoteTarget, check_ballot, same_voter, voter_key
from wtfc_collect.domain.participation import ParticipantPerspective
from wtfc_collect.services.common import InvalidInput, record_audit
from wtfc_collect.storage.port import Repository


def ballot_votes(
    repo: Repository, project_id: str, kind: VoteTarget, targets: Collection[str] | None = None
) -> list[Vote]:
    """The dots already on one ballot: every vote of this kind in the project, or only on ``targets``."""
    votes = repo.find(Vote, project_id=project_id, target_kind=kind.value)
    return votes if targets is None else [v for v in votes if v.target_id in targets]


def record_ballot(
    repo: Repository,
    *,
    project_id: str,
    kind: VoteTarget,
    voter: str,
    dots: Mapping[str, int],
    open_targets: Collection[str],
    earlier: Sequence[Vote],
    allowed: int,
    not_open: str,
    record: Record | None,
    actor: str,
    now: datetime,
    perspective: ParticipantPerspective | None = None,
) -> list[Vote]:
    """Put down one person's dots on a ballot, replacing theirs in ``earlier`` (the ballot's votes so far).

    Only the service that owns the ballot calls this, after its own role check. A broken rule comes back as
    InvalidInput naming the field (``voter`` or ``dots``), and nothing is saved; ``not_open`` is the message
    for dots on something that is not (or no longer) on the ballot.
    """
    try:
        label = same_voter(voter, dict.fromkeys(v.voter for v in earlier))
        if any(target not in open_targets for target in dots):
            raise DomainError(not_open, "dots")
        mine = [v for v in earlier if voter_key(v.voter) == voter_key(label)]
        wanted = check_ballot(kind, label, dots, allowed, had_dots=bool(mine))
    except DomainError as problem:
        raise InvalidInput({problem.field or "dots": problem.message}) from None
    at = utc(now)
    votes = [
        Vote(
            id=new_id(),
            project_id=project_id,
            target_kind=kind,
            target_id=target,
            voter=label,
            dots=count,
            at=at,
            perspective=perspective,
        )
        for target, count in wanted.items()
    ]
    repo.save_all(votes, remove=[(Vote, vote.id) for vote in mine])
    reason = f"{kind.value.replace('_', ' ')} dots: {sum(wanted.values())} recorded, {len(mine)} replaced"
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=record, now=now, reason=reason)
    return votes
