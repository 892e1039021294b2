"""The audit trail: who did what to which record, when and why. Never the words of a statement."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from .base import Actor, Reason, Record, UtcDateTime


class AuditAction(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_REFUSED = "sign_in_refused"
    SIGN_OUT = "sign_out"
    TIMED_OUT = "timed_out"
    ACCESS_ENDED = "access_ended"  # the account was stopped, or the code stopped, while signed in
    INVITE = "invite"
    REVOKE = "revoke"
    CREATE = "create"
    EDIT = "edit"
    VIEW = "view"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    TRIAGE = "triage"
    EXPORT = "export"
    IMPORT = "import"
    ERASE = "erase"
    BACKUP = "backup"


class ErasureReason(StrEnum):
    """Why a person's review was erased: chosen from a list, because the audit entry outlives the review
    and must hold no personal details."""

    ASKED_TO_BE_FORGOTTEN = "asked_to_be_forgotten"
    WRONG_PERSON = "wrong_person"
    ADDED_BY_MISTAKE = "added_by_mistake"
    COPY_OF_ANOTHER = "copy_of_another"
    KEPT_LONG_ENOUGH = "kept_long_enough"
    NO_AGREEMENT = "no_agreement"

    @property
    def label(self) -> str:
        return ERASURE_REASON_LABELS[self]


ERASURE_REASON_LABELS = {
    ErasureReason.ASKED_TO_BE_FORGOTTEN: "The person asked for their words to be erased",
    ErasureReason.WRONG_PERSON: "The review was written down for the wrong person",
    ErasureReason.ADDED_BY_MISTAKE: "The review was added by mistake",
    ErasureReason.COPY_OF_ANOTHER: "It is a copy of another review",
    ErasureReason.KEPT_LONG_ENOUGH: "It has been kept for as long as allowed",
    ErasureReason.NO_AGREEMENT: "There was never agreement to keep it",
}


class AuditEvent(Record):
    """One entry of the append-only audit log."""

    at: UtcDateTime
    actor: Actor
    action: AuditAction
    record_kind: str = Field(max_length=40, pattern=r"^[a-z_]*$")
    record_id: str = Field(default="", pattern=r"^([0-9a-f]{32})?$")
    reason: Reason = ""
