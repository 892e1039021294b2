"""Erasing a person: their review, statements, voice answers and codes, everywhere in the data folder.

Only a content-free audit entry is left: who erased which record id, when, and why — the why chosen from
a list (:class:`ErasureReason`), because the entry outlives the person's data and must name nobody.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from wtfc_collect.domain import AuditAction, DomainError, ErasureReason, Invitation, Review, Theme
from wtfc_collect.domain.theme import CardCall
from wtfc_collect.domain.voice import VoiceAnswer
from wtfc_collect.services.access import QUALITY, guard
from wtfc_collect.services.collect.voice_answers import erase_review_recordings
from wtfc_collect.services.common import record_audit, updated
from wtfc_collect.storage import shared
from wtfc_collect.storage.port import Recordings, Repository


def _forget_statements(repo: Repository, project_id: str, statement_ids: set[str]) -> None:
    """Take the erased statements' ids off the themes and the card call (the words are in the review)."""
    for theme in repo.find(Theme, project_id=project_id):
        if statement_ids & set(theme.statement_ids):
            kept = [s for s in theme.statement_ids if s not in statement_ids]
            repo.save(updated(theme, {"statement_ids": kept}))
    for call in repo.find(CardCall, project_id=project_id):
        moves = [m for m in call.moves if m.statement_id not in statement_ids]
        parked = [s for s in call.parked_statement_ids if s not in statement_ids]
        if len(moves) != len(call.moves) or len(parked) != len(call.parked_statement_ids):
            repo.save(
                updated(call, {"moves": [m.model_dump() for m in moves], "parked_statement_ids": parked})
            )


@guard(QUALITY)
def erase_person(
    repo: Repository,
    recordings: Recordings,
    review_id: str,
    *,
    reason: ErasureReason | str | None,
    backups: Path | None,
    actor: str,
    now: datetime,
) -> None:
    """Erase one person's review and everything of theirs, including from backup files in ``backups``.

    ``reason`` says why, from the list; nothing typed goes into the audit log.
    """
    if reason not in set(ErasureReason):
        raise DomainError("Choose why this review is being erased.", "reason")
    why = ErasureReason(reason)
    review = repo.get(Review, review_id)
    if review is None:
        raise DomainError("That review could not be found. It may have been erased already.")
    gone: set[str] = {review.id}
    gone |= {a.id for a in repo.find(VoiceAnswer, review_id=review_id)}
    erase_review_recordings(repo, recordings, review_id, actor=actor, now=now)
    for invitation in repo.find(Invitation, review_id=review_id):
        gone.add(invitation.id)
        repo.delete(Invitation, invitation.id)
    _forget_statements(repo, review.project_id, {s.id for s in review.statements})
    repo.delete(Review, review.id)
    if backups is not None:
        shared.erase_from_backups(backups, gone)
    record_audit(repo, actor=actor, action=AuditAction.ERASE, record=review, now=now, reason=why.value)
