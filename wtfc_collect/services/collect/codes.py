"""Codes that let a person open their own review without an account or a password.

A code is eight characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B),
shown as two groups of four, easy to read aloud and to type. Only a hash of it is stored. A code opens
exactly one review, until it expires or staff stop it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from wtfc_collect.domain import AuditAction, DomainError, Invitation, Review, Role, User, new_id, utc
from wtfc_collect.domain.review import ReviewMode, ReviewStatus
from wtfc_collect.services.access import COLLECTORS, entrance, guard
from wtfc_collect.services.common import Throttle, build, keyed, record_audit, updated, wait_words
from wtfc_collect.storage.port import Repository

ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
CODE_LENGTH = 8
DEFAULT_DAYS = 14
HAND_OVER = timedelta(hours=12)  # a device handed over for an own review: a sitting, not days
MAX_DAYS = 90
SELF_REVIEW_ACTOR = "own review (code)"
CODE_REFUSED = (
    "That code does not open a review. It may be mistyped, out of date or stopped. "
    "Ask the person who gave it to you for a new one."
)
_NOT_CODE = re.compile(r"[^A-Z0-9]")
# Wrong codes free before each try waits: from one place, and from everyone together (about 78 billion
# codes exist, so a hundred guesses every ten minutes never comes near one).
FROM_ONE_PLACE = Throttle(free=10)
EVERYONE = Throttle(free=100, window=timedelta(minutes=10), longest_wait=timedelta(minutes=5))
TOO_MANY = "Too many wrong codes were tried. Wait {wait}, then try again."


def new_code() -> str:
    """A fresh random code such as ``KM4T-9XPA``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(code: str) -> str:
    """What counts of a typed code: letters and digits, upper case (spaces, dashes, case ignored)."""
    return _NOT_CODE.sub("", code.upper())


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise(code).encode("ascii", "ignore")).hexdigest()


def is_active(invitation: Invitation, now: datetime) -> bool:
    return invitation.revoked_at is None and utc(now) < invitation.expires_at


def _open_review(repo: Repository, review_id: str) -> Review:
    """The own review a code may open; refused in plain words otherwise."""
    review = repo.get(Review, review_id)
    if review is None:
        raise DomainError("That review could not be found. It may have been erased.")
    if review.mode is not ReviewMode.SELF:
        raise DomainError(
            "Codes are for reviews a person does on their own. Change how the review is done first."
        )
    if review.status is ReviewStatus.WITHDRAWN:
        raise DomainError("This review was withdrawn, so it cannot be opened again.")
    return review


def _new_invitation(review: Review, code: str, *, actor: str, now: datetime, lasts: timedelta) -> Invitation:
    return build(
        Invitation,
        {
            "id": new_id(),
            "project_id": review.project_id,
            "review_id": review.id,
            "code_hash": code_hash(code),
            "created_by": actor,
            "created_at": utc(now),
            "expires_at": utc(now) + lasts,
        },
    )


@guard(COLLECTORS)
def invite(
    repo: Repository, review_id: str, *, days: int = DEFAULT_DAYS, actor: str, now: datetime
) -> tuple[Invitation, str]:
    """Make a code for the person whose own review this is. Earlier codes for it stop working.

    Returns the invitation and the code itself, which is shown once and never stored.
    """
    review = _open_review(repo, review_id)
    if not 1 <= days <= MAX_DAYS:
        raise DomainError(f"A code can last from 1 to {MAX_DAYS} days.", "days")
    for earlier in repo.find(Invitation, review_id=review_id):
        if is_active(earlier, now):
            repo.save(updated(earlier, {"revoked_at": utc(now)}))
    code = new_code()
    saved = repo.save(_new_invitation(review, code, actor=actor, now=now, lasts=timedelta(days=days)))
    record_audit(repo, actor=actor, action=AuditAction.INVITE, record=review, now=now)
    return saved, code


@guard(COLLECTORS)
def hand_over(repo: Repository, review_id: str, *, actor: str, now: datetime) -> User:
    """Give this device to the person whose own review this is: the session becomes theirs, for that one
    review only. It works like a code nobody is shown (only its hash is kept) that lasts ``HAND_OVER``;
    "Stop this code" on Reviews ends it, and the codes the person was given keep working. The member of
    staff who handed over is signed out of that browser tab (the screen does that)."""
    review = _open_review(repo, review_id)
    code = new_code()
    repo.save(_new_invitation(review, code, actor=actor, now=now, lasts=HAND_OVER))
    record_audit(repo, actor=actor, action=AuditAction.INVITE, record=review, now=now, reason="handed over")
    return open_with_code(repo, code, now=now)


@guard(COLLECTORS)
def invitations(repo: Repository, review_id: str) -> list[Invitation]:
    """The codes made for a review, newest first (their hashes only)."""
    return sorted(repo.find(Invitation, review_id=review_id), key=lambda i: i.created_at, reverse=True)


@guard(COLLECTORS)
def revoke(repo: Repository, review_id: str, invitation_id: str, *, actor: str, now: datetime) -> Invitation:
    """Stop a code working at once."""
    invitation = repo.get(Invitation, invitation_id)
    if invitation is None or invitation.review_id != review_id:
        raise DomainError("That code could not be found.")
    if invitation.revoked_at is not None:
        return invitation
    saved = repo.save(updated(invitation, {"revoked_at": utc(now)}))
    record_audit(repo, actor=actor, action=AuditAction.REVOKE, record=saved, now=now)
    return saved


@entrance
def open_with_code(repo: Repository, code: str, *, now: datetime, source: str = "") -> User:
    """The user a code stands for: a person who may reach exactly one review. DomainError if refused.

    Wrong codes are counted in the store, from each place (``source``: where the try comes from, kept only
    as a label that cannot be read back) and over everyone: past the free tries, each try waits, so codes
    cannot be guessed by trying many, however many connections are opened.
    """
    labels = {FROM_ONE_PLACE: keyed(repo, "place", source, now), EVERYONE: "codes:everyone"}
    waits = [w for t, label in labels.items() if (w := t.wait(repo, label, now)) is not None]
    if waits:
        raise DomainError(TOO_MANY.format(wait=wait_words(max(waits))), "code")
    wanted = normalise(code)
    found = repo.find(Invitation, code_hash=code_hash(wanted)) if len(wanted) == CODE_LENGTH else []
    invitation = found[0] if found else None
    review = repo.get(Review, invitation.review_id) if invitation else None
    if (
        invitation is None
        or review is None
        or not is_active(invitation, now)
        or review.status is ReviewStatus.WITHDRAWN
        or review.mode is not ReviewMode.SELF
    ):
        for throttle, label in labels.items():
            if throttle.starts_waiting(repo, label, now):  # the audit log notes only when waits begin
                record_audit(
                    repo,
                    actor=SELF_REVIEW_ACTOR,
                    action=AuditAction.SIGN_IN_REFUSED,
                    record=None,
                    now=now,
                    reason="waits begin for codes" + ("" if throttle is EVERYONE else " from one place"),
                )
        raise DomainError(CODE_REFUSED, "code")
    if invitation.used_at is None:
        invitation = repo.save(updated(invitation, {"used_at": utc(now)}))
    record_audit(repo, actor=SELF_REVIEW_ACTOR, action=AuditAction.SIGN_IN, record=invitation, now=now)
    return _person(invitation, review)


def _person(invitation: Invitation, review: Review) -> User:
    return User(
        username=SELF_REVIEW_ACTOR,
        role=Role.SELF_REVIEWER,
        review_id=review.id,
        project_id=review.project_id,
        invitation_id=invitation.id,
    )


@entrance
def still_open(repo: Repository, user: User, *, now: datetime) -> User | None:
    """The person doing their own review, while the code they came in with still opens it; None once it was
    stopped, replaced or ran out, or the review was withdrawn or erased: then their access ends at once."""
    invitation = repo.get(Invitation, user.invitation_id) if user.invitation_id else None
    review = repo.get(Review, invitation.review_id) if invitation else None
    if (
        invitation is None
        or review is None
        or review.id != user.review_id
        or not is_active(invitation, now)
        or review.status is ReviewStatus.WITHDRAWN
        or review.mode is not ReviewMode.SELF
    ):
        return None
    return _person(invitation, review)
