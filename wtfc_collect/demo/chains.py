"""The demo workshop's chains (``workshop_chains.toml``): for each "not working" theme the demo card call can
make, the root causes, the success statements and measures for the top ones, the ideas and the action plans,
all about that theme. Read once and checked as it is read: a mistake in the file is a ValueError naming the
theme.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from wtfc_collect.domain import IdeaKind, MeasureKind, WhyStep
from wtfc_collect.domain.plan import PLAN_FIELDS, SCORES
from wtfc_collect.domain.success import resolve_perspective
from wtfc_collect.domain.understand import MAX_WHYS

BANK_FILE = "workshop_chains.toml"
TAKEN_FORWARD = 2  # the first two root causes of each theme are its top ones
AIMS = ("up", "down")


@dataclass(frozen=True)
class DemoMeasure:
    kind: MeasureKind
    description: str  # what we count, or what we will hear people say
    unit: str | None
    baseline: float | None
    aim: str  # "up" or "down": which way is better
    how: str
    most: float | None = None  # the most it can be (three teams can have three duty workers)


@dataclass(frozen=True)
class DemoSuccess:
    perspective: str  # people, commissioners, providers, or another perspective by name
    text: str
    measures: tuple[DemoMeasure, ...]


@dataclass(frozen=True)
class DemoCause:
    cause: str
    dots: int
    steps: tuple[WhyStep, ...]
    success: tuple[DemoSuccess, ...]


@dataclass(frozen=True)
class DemoIdea:
    kind: IdeaKind
    text: str
    cause: int  # the place of the root cause it tackles (one taken forward)
    cost: int
    impact: int
    votes: int


@dataclass(frozen=True)
class DemoPlan:
    idea: int
    success: tuple[str, ...]  # perspectives whose success statements (for its idea's cause) it works towards
    details: dict[str, str]  # the planning questions' answers, by field


@dataclass(frozen=True)
class Chain:
    name: str
    topic: tuple[str, ...]
    already: tuple[str, ...]
    causes: tuple[DemoCause, ...]
    ideas: tuple[DemoIdea, ...]
    plans: tuple[DemoPlan, ...]

    def texts(self) -> list[tuple[str, str]]:
        """Every piece of the chain that must be about the theme: (what it is, its words)."""
        found = [("root cause", c.cause) for c in self.causes]
        for cause in self.causes:
            for success in cause.success:
                found.append(("success statement", success.text))
                found += [("measure", m.description) for m in success.measures]
        found += [("idea", i.text) for i in self.ideas]
        found += [("action plan", f"{p.details['title']} {p.details['key_features']}") for p in self.plans]
        return found


def perspective_key(name: str) -> str:
    perspective, other = resolve_perspective(name)
    return perspective.value if other is None else "other:" + other.casefold()


def about(text: str, topic: tuple[str, ...]) -> bool:
    """True when a word of ``text`` starts with one of the ``topic`` words ("visit" matches "visits")."""
    words = re.findall(r"[a-z]+", text.casefold().replace("\u2019", "'"))
    return any(word.startswith(stem) for word in words for stem in topic)


def _measure(raw: dict[str, Any]) -> DemoMeasure:
    if "words" in raw:
        return DemoMeasure(MeasureKind.WORDS, raw["words"], None, None, "up", raw.get("how", ""))
    aim = raw.get("aim", "up")
    if aim not in AIMS:
        raise ValueError(f"aim must be up or down, not {aim!r}")
    baseline = raw.get("baseline")
    most = raw.get("most")
    return DemoMeasure(
        MeasureKind.NUMBER,
        raw["what"],
        raw.get("unit"),
        None if baseline is None else float(baseline),
        aim,
        raw.get("how", ""),
        None if most is None else float(most),
    )


def _chain(raw: dict[str, Any]) -> Chain:
    causes = tuple(
        DemoCause(
            c["cause"],
            int(c["dots"]),
            tuple(WhyStep(why=why, because=because) for why, because in c["steps"]),
            tuple(
                DemoSuccess(s["perspective"], s["text"], tuple(_measure(m) for m in s["measures"]))
                for s in c.get("success", [])
            ),
        )
        for c in raw["cause"]
    )
    ideas = tuple(
        DemoIdea(
            IdeaKind(i["kind"]), i["text"], int(i["cause"]), int(i["cost"]), int(i["impact"]), int(i["votes"])
        )
        for i in raw["ideas"]
    )
    plans = tuple(
        DemoPlan(
            int(p["idea"]),
            tuple(p["success"]),
            {field: p[field] for field in PLAN_FIELDS},
        )
        for p in raw["plan"]
    )
    chain = Chain(raw["name"], tuple(raw["topic"]), tuple(raw["already"]), causes, ideas, plans)
    _check(chain)
    return chain


def _check(chain: Chain) -> None:
    if len(chain.causes) <= TAKEN_FORWARD:
        raise ValueError(f"needs more than {TAKEN_FORWARD} root causes (the last is not taken forward)")
    dots = [c.dots for c in chain.causes]
    if dots != sorted(dots, reverse=True) or len(set(dots[: TAKEN_FORWARD + 1])) != TAKEN_FORWARD + 1:
        raise ValueError("root causes go from most dots to fewest, the top ones with different dots")
    for cause in chain.causes:
        if not 0 < len(cause.steps) <= MAX_WHYS:
            raise ValueError(f"each chain needs 1 to {MAX_WHYS} steps")
    if any(c.success for c in chain.causes[TAKEN_FORWARD:]):
        raise ValueError("only the root causes taken forward have success statements")
    for idea in chain.ideas:
        if not 0 <= idea.cause < TAKEN_FORWARD or idea.cost not in SCORES or idea.impact not in SCORES:
            raise ValueError(f"idea {idea.text!r}: a cause taken forward, cost and impact 1 to 4")
    for plan in chain.plans:
        idea = chain.ideas[plan.idea]
        known = {perspective_key(s.perspective) for s in chain.causes[idea.cause].success}
        missing = [name for name in plan.success if perspective_key(name) not in known]
        if missing:
            raise ValueError(f"plan {plan.details['title']!r}: no success statement from {missing}")


def parse_chains(raw: dict[str, Any]) -> dict[str, Chain]:
    found: dict[str, Chain] = {}
    for item in raw["theme"]:
        name = item.get("name", "?")
        try:
            chain = _chain(item)
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise ValueError(f"{BANK_FILE}, theme {name!r}: {error}") from None
        if name in found:
            raise ValueError(f"{BANK_FILE}: theme {name!r} is there twice")
        found[name] = chain
    return found


@cache
def chains() -> dict[str, Chain]:
    files = resources.files(__package__ or "wtfc_collect.demo")
    return parse_chains(tomllib.loads(files.joinpath(BANK_FILE).read_text(encoding="utf-8")))


def deal(dots: list[int], voters: int) -> list[dict[int, int]]:
    """Share each target's dots among ``voters`` people in turn: voter k gets dot k, k + voters, …"""
    hands: list[dict[int, int]] = [{} for _ in range(voters)]
    order = sorted(range(len(dots)), key=lambda n: -dots[n])
    dealt = [n for n in order for _ in range(dots[n])]
    for position, target in enumerate(dealt):
        hand = hands[position % voters]
        hand[target] = hand.get(target, 0) + 1
    return hands
