"""Shared building blocks for every domain model: a strict base, cleaned text types, ids and errors.

Nothing here does IO or reads the clock; callers pass ``now`` in.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

SCHEMA_VERSION = 1

# C0 controls except tab and newline, DEL and the C1 block. Word files and terminals break on them.
# Also lone surrogates and the non-characters U+FFFE/U+FFFF: XML (so Word) and UTF-8 files refuse them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"\s*[\n\t]\s*")


# Characters nobody sees that change what others see: a name written right to left from one point on
# (U+202E makes "nimda" read as "admin"), or split by a zero-width space so two names look the same.
# The zero-width joiners U+200C and U+200D are left alone: Persian and Indian names and emoji need them.
HIDDEN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    r"\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def no_hidden_characters(value: object) -> object:
    """Refuse a name (username, a person's name on an account) that holds a control character, one that
    turns the direction of the text, or one that takes no space: it would show as something it is not."""
    if isinstance(value, str) and HIDDEN.search(value.strip(" \t\n")):
        raise ValueError(
            "this holds a hidden character (one that changes the direction of the text or takes no "
            "space): type it again without copying it from elsewhere"
        )
    return value


def strip_control(value: object) -> object:
    """Remove control characters from text; normalise line endings. Other input is left to pydantic."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return _CONTROL.sub("", value).strip()
    return value


def one_line(value: object) -> object:
    """Like :func:`strip_control`, and fold tabs and line breaks into single spaces."""
    value = strip_control(value)
    if isinstance(value, str):
        return _LINE_BREAKS.sub(" ", value)
    return value


# The cleaning validator comes last in each Annotated type so that it runs first, before the length
# checks: then "   " counts as empty, and length errors are reported as string errors (plain messages).

# A short single-line label: names of teams, areas, people's roles.
Label = Annotated[str, StringConstraints(min_length=1, max_length=120), BeforeValidator(one_line)]
# A name that says who someone is (on an account, a sign-off): a label with no hidden characters.
Name = Annotated[
    str,
    StringConstraints(min_length=1, max_length=120),
    BeforeValidator(lambda value: one_line(no_hidden_characters(value))),
]
# A longer free text that may hold line breaks: purposes, plans, notes. May be left empty.
Text = Annotated[str, StringConstraints(max_length=4000), BeforeValidator(strip_control)]
# Like Text, but something must be written (an idea, a success statement, a measure).
FilledText = Annotated[str, StringConstraints(min_length=1, max_length=4000), BeforeValidator(strip_control)]
# What a person said. Long enough for a story, short enough to fit a workshop card.
STATEMENT_MAX_CHARS = 2000
StatementText = Annotated[
    str, StringConstraints(min_length=1, max_length=STATEMENT_MAX_CHARS), BeforeValidator(strip_control)
]
# Who did something: a staff member's name or account, or a role such as "self-review".
Actor = Annotated[str, StringConstraints(min_length=1, max_length=80), BeforeValidator(one_line)]
# Why something was done. Never the statement itself.
Reason = Annotated[str, StringConstraints(max_length=500), BeforeValidator(strip_control)]
RecordId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]


def _require_utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("must be a time with a time zone (UTC)")
    return value.astimezone(UTC)


UtcDateTime = Annotated[datetime, AfterValidator(_require_utc)]


def new_id() -> str:
    """A random record id (not derived from anything about the person)."""
    return uuid.uuid4().hex


_UNSET = object()


class StrictModel(BaseModel):
    """Base for every record: unknown fields are refused and assignments are validated.

    An assignment that breaks a whole-record rule is undone: pydantic stores the new value before it
    runs the record's own checks, so without this a refused change would stay in the object.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, validate_default=True)

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in type(self).model_fields:
            super().__setattr__(name, value)
            return
        old = self.__dict__.get(name, _UNSET)
        was_set = name in self.model_fields_set
        try:
            super().__setattr__(name, value)
        except ValidationError:
            if old is not _UNSET:
                self.__dict__[name] = old
            if not was_set:
                self.model_fields_set.discard(name)
            raise


class Record(StrictModel):
    """A stored record: it has an id and a revision that the store bumps on every save.

    The revision lets the store refuse a save made from an out-of-date copy, so two people editing
    the same review cannot silently overwrite each other.
    """

    id: RecordId
    revision: int = Field(default=0, ge=0)


class DomainError(ValueError):
    """A rule of the method was broken. ``message`` is written for the person using the tool."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def utc(value: datetime) -> datetime:
    """Return ``value`` as an aware UTC time (naive times are taken to be UTC already)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
