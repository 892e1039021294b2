"""The demo workshop, Steps 4 and 5: five whys, dots on root causes and success for Northvale's themes.

Runs after the theming seed (which chose the top "not working" themes). Each chosen theme gets the topic
of ``workshop_understanding.toml`` that fits its name and statements best (each topic used once; a
general one when none fits): one or two chains of whys ending in a root cause, dots from about ten
people, and success from people, commissioners, providers and one other perspective, each with a
measure or two. Themes that already have chains or success statements keep them.
"""

from __future__ import annotations

import random
import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from wtfc_collect.domain import (
    AuditAction,
    Measure,
    Record,
    RootCause,
    SuccessStatement,
    Theme,
    Vote,
    VoteTarget,
    WhyStep,
    new_id,
    utc,
)
from wtfc_collect.domain.dot_votes import DEFAULT_DOTS, voter_label
from wtfc_collect.domain.success import resolve_perspective
from wtfc_collect.domain.understand import MAX_WHYS
from wtfc_collect.services.common import record_audit
from wtfc_collect.services.workshop.understand import chosen_themes, theme_evidence
from wtfc_collect.storage.port import Repository

GENERAL = "general"
BANK_FILE = "workshop_understanding.toml"


@dataclass(frozen=True)
class Success:
    perspective: str  # people, commissioners, providers, or the name of another perspective
    text: str
    measures: tuple[tuple[str, str, float | None], ...]  # what, unit, baseline (None: not known yet)


@dataclass(frozen=True)
class Topic:
    name: str
    keywords: tuple[str, ...]
    chains: tuple[tuple[tuple[WhyStep, ...], str], ...]  # the steps, then the root cause
    success: tuple[Success, ...]


def parse_bank(raw: dict[str, Any]) -> dict[str, Topic]:
    """The topics of the bank by name; a mistake in the file is a ValueError naming the topic."""
    topics: dict[str, Topic] = {}
    for item in raw["topic"]:
        name = item["name"]
        try:
            chains = tuple(
                (tuple(WhyStep(why=why, because=because) for why, because in c["steps"]), c["cause"])
                for c in item["chain"]
            )
            success = tuple(
                Success(
                    s["perspective"],
                    s["text"],
                    tuple((m["what"], m["unit"], m.get("baseline")) for m in s["measures"]),
                )
                for s in item["success"]
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{BANK_FILE}, topic {name!r}: {error}") from None
        if not chains or not all(0 < len(steps) <= MAX_WHYS and cause for steps, cause in chains):
            raise ValueError(
                f"{BANK_FILE}, topic {name!r}: each chain needs 1 to {MAX_WHYS} steps and a cause"
            )
        topics[name] = Topic(name, tuple(k.casefold() for k in item["keywords"]), chains, success)
    if GENERAL not in topics:
        raise ValueError(f"{BANK_FILE}: the {GENERAL!r} topic is missing")
    return topics


@cache
def bank() -> dict[str, Topic]:
    files = resources.files(__package__ or "wtfc_collect.demo")
    return parse_bank(tomllib.loads(files.joinpath(BANK_FILE).read_text(encoding="utf-8")))


VOTERS = (9, 11)  # about ten people in the room
WEIGHTS = (0.65, 0.35)  # the first cause of a topic tends to get most dots


NAME_WEIGHT = 3  # a keyword in the theme's name counts for more than one in a statement


def _hits(topic: Topic, text: str) -> int:
    return sum(len(re.findall(rf"\b{re.escape(k)}\b", text.casefold())) for k in topic.keywords)


def pick_topics(themes: list[tuple[str, list[str]]]) -> list[Topic]:
    """For each theme (its name, and the statements in it), the best-fitting topic not used yet; the
    general one when nothing fits."""
    unused = [topic for name, topic in bank().items() if name != GENERAL]
    picked: list[Topic] = []
    for name, statements in themes:
        scores = {t.name: NAME_WEIGHT * _hits(t, name) + _hits(t, " ".join(statements)) for t in unused}
        best = max(unused, key=lambda topic: scores[topic.name], default=None)
        if best is None or scores[best.name] == 0:
            picked.append(bank()[GENERAL])
            continue
        unused.remove(best)
        picked.append(best)
    return picked


def _chains(theme: Theme, topic: Topic, now: datetime) -> list[Record]:
    causes = [
        RootCause(
            id=new_id(),
            project_id=theme.project_id,
            theme_id=theme.id,
            chain=[step.model_copy() for step in steps],
            cause=cause,
        )
        for steps, cause in topic.chains
    ]
    records: list[Record] = [*causes]
    rng = random.Random(theme.id)
    for number in range(1, rng.randint(*VOTERS) + 1):
        dots: dict[str, int] = {}
        for _ in range(DEFAULT_DOTS):
            chosen = rng.choices(causes, weights=WEIGHTS[: len(causes)])[0]
            dots[chosen.id] = dots.get(chosen.id, 0) + 1
        records += [
            Vote(
                id=new_id(),
                project_id=theme.project_id,
                target_kind=VoteTarget.ROOT_CAUSE,
                target_id=cause_id,
                voter=voter_label(number),
                dots=count,
                at=utc(now),
            )
            for cause_id, count in dots.items()
        ]
    return records


def _success(theme: Theme, topic: Topic) -> list[Record]:
    records: list[Record] = []
    for success in topic.success:
        perspective, name = resolve_perspective(success.perspective)
        statement = SuccessStatement(
            id=new_id(),
            project_id=theme.project_id,
            theme_id=theme.id,
            perspective=perspective,
            perspective_name=name,
            text=success.text,
        )
        records.append(statement)
        records += [
            Measure(
                id=new_id(),
                project_id=theme.project_id,
                success_id=statement.id,
                description=description,
                unit=unit,
                baseline=baseline,
            )
            for description, unit, baseline in success.measures
        ]
    return records


def seed(repo: Repository, project_id: str, now: datetime) -> int:
    """Fill Steps 4 and 5 for the project's chosen themes; returns how many records were added.

    With no chosen theme there is nothing to do (0). Themes already worked on are left as they are.
    """
    themes = chosen_themes(repo, project_id)
    described = [(theme.name or "", list(theme_evidence(repo, theme).statements)) for theme in themes]
    records: list[Record] = []
    for theme, topic in zip(themes, pick_topics(described), strict=True):
        if not repo.find(RootCause, theme_id=theme.id):
            records += _chains(theme, topic, now)
        if not repo.find(SuccessStatement, theme_id=theme.id):
            records += _success(theme, topic)
    if not records:
        return 0
    added = repo.save_all(records)
    record_audit(
        repo, actor="demo", action=AuditAction.CREATE, record=None, now=now, reason="demo: steps 4-5"
    )
    return added
