"""Steps 4 and 5 as pure rules: five-whys chains, dots on root causes, and the perspectives of success.

Step 4 asks "why?" of each chosen "not working" theme, up to five times, in several chains, and each chain
ends in a root cause. The room then puts dots on the causes that, if tackled, would make the biggest
difference and that the people in the room can do something about. Step 5 describes success from
different perspectives: people, carers and families, commissioners, providers, and others the room names.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .base import DomainError, one_line
from .workshop import Perspective, RootCause, SuccessStatement, Vote, WhyStep

MAX_WHYS = 5
DEFAULT_DOTS = 3
MAX_DOTS = 20
VOTER_PREFIX = "Voter"

PERSPECTIVE_LABELS = {
    Perspective.PEOPLE: "People, carers and families",
    Perspective.COMMISSIONERS: "Commissioners",
    Perspective.PROVIDERS: "Providers",
}
MAIN_PERSPECTIVES = tuple(PERSPECTIVE_LABELS)
# Names a room may type for a main perspective; these are filed under it, not as a new one.
_MAIN_ALIASES = {
    "people": Perspective.PEOPLE,
    "person": Perspective.PEOPLE,
    "people carers and families": Perspective.PEOPLE,
    "people using support": Perspective.PEOPLE,
    "carers": Perspective.PEOPLE,
    "families": Perspective.PEOPLE,
    "commissioner": Perspective.COMMISSIONERS,
    "commissioners": Perspective.COMMISSIONERS,
    "provider": Perspective.PROVIDERS,
    "providers": Perspective.PROVIDERS,
}
_MONEY = re.compile(r"\b(money|budgets?|funding|funds?|cuts?|afford\w*|cost\w*|cash)\b", re.IGNORECASE)


# --- five whys --------------------------------------------------------------------------------------------
def step_problems(why: str, because: str) -> dict[str, str]:
    """What is missing from one "Why?" / "Because…" step, by field (empty when the step is complete)."""
    problems: dict[str, str] = {}
    if not str(one_line(why)):
        problems["why"] = 'Write the question, for example "Why does this happen?"'
    if not str(one_line(because)):
        problems["because"] = "Write the answer the group agreed, starting with what causes it."
    return problems


def add_why(chain: RootCause, why: str, because: str) -> None:
    """Add the next step to a chain. A chain has five steps at most: then it is time for the cause."""
    if len(chain.chain) >= MAX_WHYS:
        raise DomainError(
            f"This chain already has {MAX_WHYS} whys. Write down the root cause, or start another chain.",
            "why",
        )
    chain.chain = [*chain.chain, WhyStep(why=why, because=because)]


def step_at(chain: RootCause, number: int) -> WhyStep:
    """Step ``number`` (counting from 1) of a chain, or a plain error if there is none."""
    if not 1 <= number <= len(chain.chain):
        raise DomainError(f"This chain has no step {number}: it may have changed. Look at it again.")
    return chain.chain[number - 1]


def suggested_cause(chain: RootCause) -> str:
    """The words to offer as the root cause: the one recorded, else the last "because"."""
    if chain.cause:
        return chain.cause
    return chain.chain[-1].because if chain.chain else ""


def mentions_money(text: str) -> bool:
    """True when a cause is about money. The method asks rooms to leave "not enough budget" till last."""
    return bool(_MONEY.search(text))


# --- dots on root causes ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Tally:
    """How many dots one root cause (or other target) got, and from how many people."""

    target_id: str
    dots: int
    voters: int


def voter_label(number: int) -> str:
    return f"{VOTER_PREFIX} {number}"


def next_voter_label(existing: Iterable[str]) -> str:
    """The label after the highest "Voter N" used so far ("Voter 1" when there is none)."""
    pattern = re.compile(rf"^{VOTER_PREFIX}\s+(\d+)$", re.IGNORECASE)
    numbers = [int(m.group(1)) for label in existing if (m := pattern.match(label.strip()))]
    return voter_label(max(numbers, default=0) + 1)


def same_voter(label: str, existing: Iterable[str]) -> str:
    """The label as already used (ignoring case and spaces), so "voter 3" and "Voter 3" are one person."""
    cleaned = " ".join(str(one_line(label)).split())
    for known in existing:
        if known.casefold() == cleaned.casefold():
            return known
    return cleaned


def check_allocation(voter: str, dots: Mapping[str, int], allowed: int) -> dict[str, int]:
    """One person's dots across the causes, without the zeros. Refuses more dots than each person has."""
    if not 1 <= allowed <= MAX_DOTS:
        raise DomainError(f"Each person can have between 1 and {MAX_DOTS} dots.", "allowed")
    if any(count < 0 for count in dots.values()):
        raise DomainError("A number of dots cannot be below nought.", "dots")
    given = sum(dots.values())
    if given > allowed:
        extra = given - allowed
        raise DomainError(
            f"{voter} has {allowed} {_dots(allowed)} but {given} were given. "
            f"Take {extra} {_dots(extra)} away, then save again.",
            "dots",
        )
    return {target: count for target, count in dots.items() if count > 0}


def _dots(count: int) -> str:
    return "dot" if count == 1 else "dots"


def dots_by_voter(votes: Iterable[Vote]) -> dict[str, dict[str, int]]:
    """Each voter's dots per target, voters in the order they first voted."""
    found: dict[str, dict[str, int]] = {}
    for vote in votes:
        per_target = found.setdefault(vote.voter, {})
        per_target[vote.target_id] = per_target.get(vote.target_id, 0) + vote.dots
    return found


def tally(votes: Iterable[Vote], target_ids: Sequence[str]) -> list[Tally]:
    """Dots per target, most first; ties keep the order of ``target_ids``. Votes for others are ignored."""
    dots = dict.fromkeys(target_ids, 0)
    voters: dict[str, set[str]] = {target: set() for target in target_ids}
    for vote in votes:
        if vote.target_id in dots:
            dots[vote.target_id] += vote.dots
            voters[vote.target_id].add(vote.voter.casefold())
    order = {target: place for place, target in enumerate(target_ids)}
    ranked = sorted(target_ids, key=lambda target: (-dots[target], order[target]))
    return [Tally(target, dots[target], len(voters[target])) for target in dict.fromkeys(ranked)]


# --- perspectives of success ------------------------------------------------------------------------------
def resolve_perspective(name: str, known: Iterable[str] = ()) -> tuple[Perspective, str | None]:
    """The perspective for a name typed by the room: a main one ("providers"), or another one spelt as
    it was first written ("third sector" becomes "Third sector" if that is already in use)."""
    cleaned = " ".join(str(one_line(name)).split())
    if not cleaned:
        raise DomainError('Name the perspective, for example "Third sector".', "perspective_name")
    key = re.sub(r"[^a-z ]", "", cleaned.casefold().replace(",", " ").replace("&", " and ")).split()
    main = _MAIN_ALIASES.get(" ".join(key))
    if main is not None:
        return main, None
    for label in known:
        if label.casefold() == cleaned.casefold():
            return Perspective.OTHER, label
    return Perspective.OTHER, cleaned


def parse_baseline(value: str | float | None) -> float | None:
    """A baseline as typed ("1,500", "£150,000", "38%", "2.5") as a number; empty means not known yet."""
    if value is None or isinstance(value, int | float):
        return None if value is None else float(value)
    cleaned = re.sub(r"[\s,£$€%]", "", value)
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise DomainError(
            "Write the baseline as a number, for example 38 or 1500000, or leave it empty.", "baseline"
        )
    return number


def perspective_label(statement: SuccessStatement) -> str:
    if statement.perspective is Perspective.OTHER:
        return statement.perspective_name or "Other"
    return PERSPECTIVE_LABELS[statement.perspective]


def perspective_key(statement: SuccessStatement) -> str:
    """One key per perspective: the main ones by value, others by their name ignoring case."""
    if statement.perspective is Perspective.OTHER:
        return "other:" + (statement.perspective_name or "").casefold()
    return statement.perspective.value
