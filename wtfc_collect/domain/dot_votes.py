"""Dot votes, one set of rules for Steps 3, 4 and 6: dots on themes, on root causes and on ideas.

Each person in the room is a label ("Voter 7" is enough, never a name). Labels are compared trimmed, with
runs of spaces as one and ignoring case, so "voter 3" and "Voter 3" are one person; a label keeps the
spelling it was first written with. A person's dots on one ballot (the "not working" themes, the root causes
of a theme, the ideas of a theme) replace what they had put there before; an empty ballot takes them back.

What differs by what is voted on is written in ``RULES``: the guide asks people for their three highest
priority themes, so a person's dots on themes go on different themes, while dots on root causes and ideas
may be stacked on one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field

from .base import DomainError, Label, Record, RecordId, UtcDateTime, one_line
from .participation import ParticipantPerspective

DEFAULT_DOTS = 3  # the guide: each person's "three highest priority" themes; three dots elsewhere too
VOTER_PREFIX = "Voter"
LABEL_MAX = 40  # a label, not a name: "Voter 7"
NO_LABEL = 'Give the voter a label, for example "Voter 7" (not their name).'
LONG_LABEL = "Keep the label short, for example 'Voter 7'."


class VoteTarget(StrEnum):
    THEME = "theme"
    ROOT_CAUSE = "root_cause"
    IDEA = "idea"


@dataclass(frozen=True)
class DotRules:
    """How dots work on one kind of ballot."""

    noun: str  # what one dot goes on, in plain words
    one_each: bool  # at most one of a person's dots on each target
    most: int  # the most dots a facilitator may give each person


RULES = {
    VoteTarget.THEME: DotRules("theme", one_each=True, most=10),
    VoteTarget.ROOT_CAUSE: DotRules("root cause", one_each=False, most=20),
    VoteTarget.IDEA: DotRules("idea", one_each=False, most=20),
}
MAX_DOTS = max(rule.most for rule in RULES.values())


class Vote(Record):
    """Dots one participant put on one theme, root cause or idea."""

    project_id: RecordId
    target_kind: VoteTarget
    target_id: RecordId
    voter: Label
    dots: int = Field(default=1, ge=1, le=MAX_DOTS)
    at: UtcDateTime
    perspective: ParticipantPerspective | None = None  # the voter's, when they gave it


# --- who is voting --------------------------------------------------------------------------------------
def _collapsed(label: str) -> str:
    return " ".join(str(one_line(label)).split())


def voter_key(label: str) -> str:
    """What makes two labels one person: trimmed, spaces collapsed, case ignored."""
    return _collapsed(label).casefold()


def same_voter(label: str, existing: Iterable[str]) -> str:
    """The label as already used by this person (so their dots are replaced, not added to), or the new
    label cleaned. Refuses an empty or over-long label (field ``voter``)."""
    cleaned = _collapsed(label)
    if not cleaned:
        raise DomainError(NO_LABEL, "voter")
    if len(cleaned) > LABEL_MAX:
        raise DomainError(LONG_LABEL, "voter")
    key = cleaned.casefold()
    return next((known for known in existing if voter_key(known) == key), cleaned)


def voter_label(number: int) -> str:
    return f"{VOTER_PREFIX} {number}"


def next_voter_label(existing: Iterable[str]) -> str:
    """The label after the highest "Voter N" used so far ("Voter 1" when there is none)."""
    pattern = re.compile(rf"^{VOTER_PREFIX}\s+(\d+)$", re.IGNORECASE)
    numbers = [int(m.group(1)) for label in existing if (m := pattern.match(_collapsed(label)))]
    return voter_label(max(numbers, default=0) + 1)


# --- one person's dots ------------------------------------------------------------------------------------
def _dots(count: int) -> str:
    return "dot" if count == 1 else "dots"


def check_allowed(kind: VoteTarget, allowed: int, field: str = "allowed") -> int:
    """How many dots each person has on this kind of ballot: refused outside 1 to the kind's most."""
    most = RULES[kind].most
    if not 1 <= allowed <= most:
        raise DomainError(f"Give each person between 1 and {most} dots.", field)
    return allowed


def check_ballot(
    kind: VoteTarget, voter: str, dots: Mapping[str, int], allowed: int, *, had_dots: bool = False
) -> dict[str, int]:
    """One person's dots on one ballot, without the noughts; refused in plain words when they break a rule.

    An empty ballot takes back the dots the person had (``had_dots``); with none to take back it is refused.
    """
    rules = RULES[kind]
    check_allowed(kind, allowed)
    if any(count < 0 for count in dots.values()):
        raise DomainError("A number of dots cannot be below nought.", "dots")
    if rules.one_each and any(count > 1 for count in dots.values()):
        raise DomainError(f"Each {rules.noun} can have only one of a person's dots.", "dots")
    given = sum(dots.values())
    if given > allowed:
        extra = given - allowed
        raise DomainError(
            f"{voter} has {allowed} {_dots(allowed)} but {given} were given. "
            f"Take {extra} {_dots(extra)} off, then save again.",
            "dots",
        )
    if not given and not had_dots:
        raise DomainError(f"Choose at least one {rules.noun} for this person's dots.", "dots")
    return {target: count for target, count in dots.items() if count > 0}


# --- counting -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Tally:
    """How many dots one target got, and from how many different people."""

    target_id: str
    dots: int
    voters: int


def tally(votes: Iterable[Vote], target_ids: Sequence[str]) -> list[Tally]:
    """Dots per target, most first; ties keep the order of ``target_ids``. Votes for others are ignored."""
    dots = dict.fromkeys(target_ids, 0)
    people: dict[str, set[str]] = {target: set() for target in target_ids}
    for vote in votes:
        if vote.target_id in dots:
            dots[vote.target_id] += vote.dots
            people[vote.target_id].add(voter_key(vote.voter))
    order = {target: place for place, target in enumerate(dots)}
    ranked = sorted(dots, key=lambda target: (-dots[target], order[target]))
    return [Tally(target, dots[target], len(people[target])) for target in ranked]


def dots_by_voter(votes: Iterable[Vote]) -> dict[str, dict[str, int]]:
    """Each person's dots per target, people in the order they first voted, under their first spelling."""
    found: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    for vote in votes:
        name = names.setdefault(voter_key(vote.voter), vote.voter)
        per_target = found.setdefault(name, {})
        per_target[vote.target_id] = per_target.get(vote.target_id, 0) + vote.dots
    return found


def dots_used(votes: Iterable[Vote]) -> dict[str, int]:
    """How many dots each person has put down, in the order they first voted."""
    return {name: sum(targets.values()) for name, targets in dots_by_voter(votes).items()}


def top(tallies: Sequence[Tally], n: int) -> list[str]:
    """The ``n`` targets with the most dots (never one with none)."""
    return [t.target_id for t in tallies[:n] if t.dots > 0]


def tied_at_cut(tallies: Sequence[Tally], n: int) -> bool:
    """True when the last place taken and the first place left have the same dots: the room decides."""
    return len(tallies) > n and tallies[n - 1].dots > 0 and tallies[n - 1].dots == tallies[n].dots


def top_with_ties(tallies: Sequence[Tally], n: int) -> list[str]:
    """The ``n`` targets with the most dots, and any more with as many dots as the last of them: where the
    cut falls between equals the room decides, so none of them is left out of what is offered."""
    chosen = top(tallies, n)
    if not chosen:
        return []
    last = next(t.dots for t in tallies if t.target_id == chosen[-1])
    return [t.target_id for t in tallies if t.dots > 0 and (t.target_id in chosen or t.dots == last)]
