"""Actions for the person: what their own review leads to in their own support.

The 2009 guide has each review lead to "actions for individual change" (changing what is not working for
the person and working towards what matters to them for the future) as well as feeding the workshops.
An action says what will be done, who will do it, by when, and whether it is done; it may answer one thing
the person said. Actions belong to the person's review: they never go to a workshop or into a document
made for the workshops or for the people who took part.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints

from .base import Actor, DomainError, Label, RecordId, StrictModel, UtcDateTime, new_id, strip_control, utc

MAX_ACTIONS = 50
# What will be done: something must be written, in a sentence or two.
ActionText = Annotated[str, StringConstraints(min_length=1, max_length=1000), BeforeValidator(strip_control)]


class PersonAction(StrictModel):
    """One thing that will change in the person's own support."""

    id: str = Field(default_factory=new_id, pattern=r"^[0-9a-f]{32}$")
    what: ActionText
    who: Label
    by_when: date | None = None
    done_on: date | None = None  # set when it is done
    statement_id: RecordId | None = None  # the thing the person said that it answers, if any
    created_by: Actor
    created_at: UtcDateTime

    @property
    def done(self) -> bool:
        return self.done_on is not None


def new_action(
    what: str, who: str, by_when: date | None, statement_id: str | None, *, by: str, now: datetime
) -> PersonAction:
    """An action as written, refused in plain words when it says nothing or names nobody."""
    if not what.strip():
        raise DomainError("Say what will be done.", "what")
    if not who.strip():
        raise DomainError("Say who will do it: a name or a role.", "who")
    return PersonAction(
        what=what, who=who, by_when=by_when, statement_id=statement_id, created_by=by, created_at=utc(now)
    )
