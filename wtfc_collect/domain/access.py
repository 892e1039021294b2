"""Who may do what: roles, the signed-in user, staff accounts and self-review invitations.

No IO and no clock reads; password hashing and code making live in the services.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, ConfigDict, Field

from .base import Actor, Label, Name, Record, RecordId, StrictModel, UtcDateTime, no_hidden_characters


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    REVIEWER = "reviewer"
    QUALITY_LEAD = "quality_lead"
    FACILITATOR = "facilitator"
    SELF_REVIEWER = "self_reviewer"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.ADMINISTRATOR: "Administrator",
    Role.REVIEWER: "Reviewer",
    Role.QUALITY_LEAD: "Quality lead",
    Role.FACILITATOR: "Facilitator",
    Role.SELF_REVIEWER: "Person doing their own review",
}

STAFF_ROLES = frozenset({Role.ADMINISTRATOR, Role.REVIEWER, Role.QUALITY_LEAD, Role.FACILITATOR})


class User(StrictModel):
    """The person using the app in this session.

    Staff sign in with an account (``account_id``); a person doing their own review opens it with a code
    (``invitation_id``), and then ``review_id`` is the one review they may reach. The app checks the account
    or code again as the store changes, so access ends when it is taken away.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    username: str = Field(min_length=1, max_length=80)
    role: Role
    display_name: str = Field(default="", max_length=120)
    teams: tuple[str, ...] = ()
    review_id: RecordId | None = None
    project_id: RecordId | None = None
    account_id: RecordId | None = None
    invitation_id: RecordId | None = None

    @property
    def name(self) -> str:
        return self.display_name or self.username


class Account(Record):
    """A staff member's local account. Only a password hash is kept, never the password."""

    username: Annotated[
        str,
        Field(min_length=1, max_length=40, pattern=r"^[a-z0-9][a-z0-9._-]*$"),
        BeforeValidator(no_hidden_characters),
    ]
    display_name: Name
    role: Role
    teams: list[Label] = Field(default_factory=list, max_length=50)
    password_hash: str = Field(default="", max_length=400)
    # For single sign-on: the e-mail address the identity provider gives for this person.
    sso_email: str = Field(default="", max_length=254)
    active: bool = True
    created_at: UtcDateTime


class Invitation(Record):
    """A code that opens one person's own review, until it expires or is revoked.

    Only a hash of the code is stored: a copy of the data folder does not give anyone a way in.
    """

    project_id: RecordId
    review_id: RecordId
    code_hash: str = Field(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")
    created_by: Actor
    created_at: UtcDateTime
    expires_at: UtcDateTime
    revoked_at: UtcDateTime | None = None
    used_at: UtcDateTime | None = None


class StoreSecret(Record):
    """A random key of this store, made once: it turns what someone typed (a username, a code, an address)
    into a label that cannot be read back, for counting refused tries without keeping the typed text."""

    value: str = Field(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")
    created_at: UtcDateTime
