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


class AuditEvent(Record):
    """One entry of the append-only audit log."""

    at: UtcDateTime
    actor: Actor
    action: AuditAction
    record_kind: str = Field(max_length=40, pattern=r"^[a-z_]*$")
    record_id: str = Field(default="", pattern=r"^([0-9a-f]{32})?$")
    reason: Reason = ""
