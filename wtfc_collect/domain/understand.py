"""Step 4, understand: five-whys chains for each chosen theme, each ending in a root cause.

The room asks "why?" of a chosen theme up to five times, in several chains, and each chain ends in a root
cause. The room then puts dots on the causes (``dot_votes``) that, if tackled, would make the biggest
difference and that the people in the room can do something about, and takes the top ones forward: only
those feed the success statements (Step 5) and the ideas (Step 6); the others stay on the record as "not
taken forward".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from pydantic import Field

from .base import DomainError, Record, RecordId, StrictModel, Text, one_line

MAX_WHYS = 5
# How many root causes of a theme to offer for taking forward: the guide asks for "the top ones".
TOP_CAUSES = 2
_MONEY = re.compile(r"\b(money|budgets?|funding|funds?|cuts?|afford\w*|cost\w*|cash)\b", re.IGNORECASE)


class WhyStep(StrictModel):
    why: Text
    because: Text


class RootCause(Record):
    """One five-whys chain for a chosen theme, ending in a cause."""

    project_id: RecordId
    theme_id: RecordId
    chain: list[WhyStep] = Field(default_factory=list, max_length=10)
    cause: Text = ""
    # One of the top root causes the room takes forward to success and ideas (Steps 5 and 6).
    taken_forward: bool = False


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


def forward_problems(causes: Iterable[RootCause], chosen: Collection[str]) -> str | None:
    """Why ``chosen`` cannot be the root causes taken forward for a theme (None when they can): they must
    be some of this theme's written root causes, and at least one."""
    written = {cause.id for cause in causes if cause.cause.strip()}
    if not chosen:
        return "Tick at least one root cause to take forward to success and ideas."
    if not set(chosen) <= written:
        return "Only this theme's written root causes can be taken forward. Look at the list again."
    return None
