"""Demo workshop, Steps 6 to 8: ideas, dots, the grid, action plans, readings, statuses and process notes.

Runs after the theming and understanding seeds and builds on what they left: the chosen themes, their root
causes and their measures. Each chosen theme gets the topic of the idea bank that best fits its name and
statements. With no chosen theme there is nothing to plan, and nothing is added; with no root causes or
measures, ideas are simply not linked and no readings are added. Running it twice adds nothing new.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

from wtfc_collect.domain import (
    ActionStatus,
    Idea,
    IdeaKind,
    Measure,
    Quadrant,
    SuccessStatement,
    Theme,
    utc,
)
from wtfc_collect.domain.plan import quadrant_of
from wtfc_collect.services.workshop import plan, progress_review
from wtfc_collect.services.workshop.themes import cards as cards_now
from wtfc_collect.storage.port import Repository

BANK_FILE = "workshop_planning.toml"
ACTOR = "demo"
VOTERS = 10
MAX_THEMES = 5
THIRD = (Quadrant.FILL_IN, Quadrant.THANKLESS_TASK)  # the third idea chosen, theme by theme
PROCESS_NOTES = (
    (True, "Starting with what is working put everyone at ease and gave people something to build on."),
    (True, "Having people who use support in every group changed the ideas: fewer services, more community."),
    (False, "Some staff found 'radical' and 'different' ideas hard. Send examples out before the day."),
)
_WORD = re.compile(r"[a-z']+")
# Measures where fewer is better: a reading going down is progress.
_FEWER = re.compile(
    r"\b(fewer|less|reduc\w*|wait\w*|weeks|complaints?|missed|late|leaving|spend|more than|lonely|alone|"
    r"bored|different)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PlanningSeed:
    """How much the seed added (all zero when there was nothing to build on, or it had run before)."""

    themes: int = 0
    ideas: int = 0
    votes: int = 0
    plans: int = 0
    readings: int = 0
    notes: int = 0


@cache
def load_topics() -> tuple[dict[str, Any], ...]:
    with resources.files(__package__).joinpath(BANK_FILE).open("rb") as handle:
        return tuple(tomllib.load(handle)["topic"])


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower().replace("\u2019", "'")))


def pick_topic(name: set[str], words: set[str], used: set[str]) -> dict[str, Any]:
    """The topic not used yet whose keywords best match the theme's name (counting three times) and
    ``words`` (its statements); "general" when nothing matches."""
    topics = load_topics()
    general = next(t for t in topics if t["key"] == "general")
    scored = [
        (3 * len(name & set(t["keywords"])) + len(words & set(t["keywords"])), t)
        for t in topics
        if t["key"] not in used and t["keywords"]
    ]
    best = max(scored, key=lambda pair: pair[0], default=(0, general))
    return best[1] if best[0] > 0 else general


def dots_for(ideas: list[dict[str, Any]], third: Quadrant) -> list[int]:
    """Each idea's dots, with the ``third`` quadrant's idea (fill-in or thankless task) in third place: the
    two trade places from theme to theme, so the demo grid shows all four quadrants."""
    dots = [int(i["votes"]) for i in ideas]
    placed = [quadrant_of(i["cost"], i["impact"]) for i in ideas]
    fill = max((n for n, q in enumerate(placed) if q is Quadrant.FILL_IN), key=dots.__getitem__)
    thankless = max((n for n, q in enumerate(placed) if q is Quadrant.THANKLESS_TASK), key=dots.__getitem__)
    low, high = sorted((dots[fill], dots[thankless]))
    dots[fill], dots[thankless] = (high, low) if third is Quadrant.FILL_IN else (low, high)
    return dots


def deal(dots: list[int], voters: int = VOTERS) -> list[dict[int, int]]:
    """Share each idea's dots among ``voters`` people in turn: voter k gets dot k, k + voters, …"""
    hands: list[dict[int, int]] = [{} for _ in range(voters)]
    order = sorted(range(len(dots)), key=lambda n: -dots[n])
    dealt = [n for n in order for _ in range(dots[n])]
    for position, idea in enumerate(dealt):
        hand = hands[position % voters]
        hand[idea] = hand.get(idea, 0) + 1
    return hands


def _seed_theme(
    repo: Repository, theme: Theme, topic: dict[str, Any], index: int, now: datetime
) -> tuple[int, int, int]:
    at = now - timedelta(days=40)
    causes = plan.root_causes(repo, theme.id)
    for text in topic["already"]:
        plan.add_idea(repo, theme.id, IdeaKind.ALREADY_HAPPENING, text, actor=ACTOR, now=at)
    bank = list(topic["idea"])
    ideas = [
        plan.add_idea(
            repo,
            theme.id,
            IdeaKind(entry["kind"]),
            entry["text"],
            root_cause_id=causes[n % len(causes)].id if causes else None,
            actor=ACTOR,
            now=at,
        )
        for n, entry in enumerate(bank)
    ]
    votes = 0
    for number, hand in enumerate(deal(dots_for(bank, THIRD[index % 2])), start=1):
        dots = {ideas[n].id: count for n, count in hand.items()}
        votes += len(plan.record_idea_votes(repo, theme.id, f"Voter {number}", dots, actor=ACTOR, now=at))
    for idea in plan.choose_top_ideas(repo, theme.id, actor=ACTOR, now=at):
        entry = bank[ideas.index(next(i for i in ideas if i.id == idea.id))]
        plan.place_idea(repo, idea.id, entry["cost"], entry["impact"], actor=ACTOR, now=at)
    plans = topic["plan"][: 2 if index % 2 == 0 else 1]
    for number, written in enumerate(plans):
        details = {k: v for k, v in written.items() if k != "idea"}
        made = plan.create_action_plan(
            repo, theme.id, {**details, "idea_ids": [ideas[written["idea"]].id]}, actor=ACTOR, now=at
        )
        status = ActionStatus.UNDER_WAY if number == 0 else ActionStatus.NOT_STARTED
        if index == 0 and number == 0:
            status = ActionStatus.DONE
        progress_review.set_action_status(repo, made.id, status, actor=ACTOR, now=now - timedelta(days=3))
    return len(bank) + len(topic["already"]), votes, len(plans)


def _readings(repo: Repository, themes: list[Theme], now: datetime) -> int:
    """Three readings a month apart for a measure or two of each chosen theme, moving towards success."""
    project_id = themes[0].project_id
    theme_of = {s.id: s.theme_id for s in repo.find(SuccessStatement, project_id=project_id)}
    measures = repo.find(Measure, project_id=project_id)
    added = 0
    for index, theme in enumerate(themes):
        mine = [m for m in measures if theme_of.get(m.success_id) == theme.id and not m.readings]
        for measure in mine[: 2 if index < 2 else 1]:
            added += _measure_readings(repo, measure, now)
    return added


def _measure_readings(repo: Repository, measure: Measure, now: datetime) -> int:
    fewer = bool(_FEWER.search(measure.description))
    baseline = measure.baseline
    if baseline is None:
        baseline = 40.0 if measure.unit == "%" else 12.0
        progress_review.set_baseline(repo, measure.id, baseline, actor=ACTOR, now=now - timedelta(days=95))
    for months, step in ((3, 0.1), (2, 0.2), (1, 0.3)):
        value = round(baseline * (1 - step if fewer else 1 + step), 1)
        on = (now - timedelta(days=30 * months - 5)).date()
        progress_review.add_reading(repo, measure.id, value, on, actor=ACTOR, now=now)
    return 3


def seed(repo: Repository, project_id: str, now: datetime) -> PlanningSeed:
    """Fill Steps 6 to 8 of the demo project's workshop from its chosen themes (see the module help)."""
    now = utc(now)
    themes = plan.chosen_themes(repo, project_id)[:MAX_THEMES]
    if not themes or repo.find(Idea, project_id=project_id):
        return PlanningSeed()
    cards = cards_now(repo, project_id)
    used: set[str] = set()
    ideas = votes = plans = 0
    for index, theme in enumerate(themes):
        said = " ".join(cards[s].text for s in theme.statement_ids if s in cards)
        topic = pick_topic(_words(theme.name or ""), _words(said), used)
        used.add(topic["key"])
        added, dots, made = _seed_theme(repo, theme, topic, index, now)
        ideas, votes, plans = ideas + added, votes + dots, plans + made
    readings = _readings(repo, themes, now)
    for number, (worked, text) in enumerate(PROCESS_NOTES):
        progress_review.add_process_note(
            repo, project_id, worked, text, actor=ACTOR, now=now - timedelta(days=2, hours=-number)
        )
    return PlanningSeed(len(themes), ideas, votes, plans, readings, len(PROCESS_NOTES))
