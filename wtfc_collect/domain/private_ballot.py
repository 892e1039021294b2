"""A private ballot: dots given where nobody sees who put them where, for rooms where people follow the
loudest voice.

Two ways: each person fills in a paper slip and the facilitator types the slips in (``SLIPS``), or each
person votes on their own phone or tablet after typing the workshop code (``DEVICES``). Either way the
dots are ordinary dot votes on the same ballot (the "not working" themes), under a label that names nobody
("Slip 4", "Phone KM4T"), with the voter's perspective if they gave it; the results stay hidden until the
facilitator closes the ballot.

What may be voted on is fixed when the ballot opens (its ``options``): a device never has to ask the
workshop's screens what is on the ballot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field, model_validator

from .base import Actor, Label, Record, RecordId, StrictModel, UtcDateTime
from .dot_votes import MAX_DOTS, Vote, VoteTarget
from .participation import ParticipantPerspective

SLIP_PREFIX = "Slip"
DEVICE_PREFIX = "Phone"


class BallotMode(StrEnum):
    SLIPS = "slips"
    DEVICES = "devices"


class BallotOption(StrictModel):
    """One thing on the ballot: its id and what it is called."""

    target_id: RecordId
    name: Label


class Ballot(Record):
    """A private ballot on the "not working" themes: open until the facilitator closes it."""

    project_id: RecordId
    kind: VoteTarget = VoteTarget.THEME
    mode: BallotMode
    options: list[BallotOption] = Field(min_length=1, max_length=300)
    dots: int = Field(ge=1, le=MAX_DOTS)
    # Devices only: a hash of the workshop code (the code itself is shown once and never kept).
    code_hash: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    opened_by: Actor
    opened_at: UtcDateTime
    closed_at: UtcDateTime | None = None

    @model_validator(mode="after")
    def _rules(self) -> Ballot:
        if (self.mode is BallotMode.DEVICES) != (self.code_hash is not None):
            raise ValueError("a ballot on people's own devices needs a code, and only such a ballot has one")
        ids = [o.target_id for o in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError("each theme can be on the ballot once")
        return self

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def target_ids(self) -> list[str]:
        return [o.target_id for o in self.options]


def next_slip_label(labels: Iterable[str]) -> str:
    """ "Slip N" after the highest slip number used so far."""
    pattern = re.compile(rf"^{SLIP_PREFIX}\s+(\d+)$", re.IGNORECASE)
    numbers = [int(m.group(1)) for label in labels if (m := pattern.match(label.strip()))]
    return f"{SLIP_PREFIX} {max(numbers, default=0) + 1}"


@dataclass(frozen=True)
class PerspectiveTally:
    """The dots one target got from each perspective (None: the voter did not say)."""

    target_id: str
    dots: dict[ParticipantPerspective | None, int]

    @property
    def total(self) -> int:
        return sum(self.dots.values())


def tally_by_perspective(votes: Iterable[Vote], target_ids: Sequence[str]) -> list[PerspectiveTally]:
    """Dots per target and perspective, in the order of ``target_ids``; votes for others are ignored."""
    found: dict[str, dict[ParticipantPerspective | None, int]] = {target: {} for target in target_ids}
    for vote in votes:
        if vote.target_id in found:
            per = found[vote.target_id]
            per[vote.perspective] = per.get(vote.perspective, 0) + vote.dots
    return [PerspectiveTally(target, dots) for target, dots in found.items()]
