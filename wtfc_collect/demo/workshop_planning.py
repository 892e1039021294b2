"""The demo workshop, Step 6, on the second workshop day: what is already happening, ideas of three kinds
(each tackling one of the top root causes), dots from ten people, the top three on the cost and impact grid,
and two action plans for each theme, each naming the success statements and measures it works towards.

Runs after the understanding seed and builds on what it left. Each chosen theme takes its ideas and plans
from its own chain in ``workshop_chains.toml`` (found by the theme's name), through the same use cases as the
screens. With no chosen theme, or once ideas exist, nothing is added.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from wtfc_collect.domain import Idea, IdeaKind, Measure, SuccessStatement, Theme
from wtfc_collect.services.workshop import plan
from wtfc_collect.storage.port import Repository

from .chains import TAKEN_FORWARD, Chain, chains, deal, perspective_key
from .timeline import Timeline

ACTOR = "demo"
VOTERS = 10
MAX_THEMES = 5


@dataclass(frozen=True)
class PlanningSeed:
    """How much the seed added (all zero when there was nothing to build on, or it had run before)."""

    themes: int = 0
    ideas: int = 0
    votes: int = 0
    plans: int = 0


def _key(statement: SuccessStatement) -> str:
    if statement.perspective_name:
        return "other:" + statement.perspective_name.casefold()
    return statement.perspective.value


def _seed_theme(repo: Repository, theme: Theme, chain: Chain, when: Timeline) -> tuple[int, int, int]:
    at = when.day_two + timedelta(minutes=30)
    by_text = {c.cause: c for c in plan.root_causes(repo, theme.id)}
    found = [by_text.get(item.cause) for item in chain.causes[:TAKEN_FORWARD]]
    forward = [cause for cause in found if cause is not None]
    if len(forward) < TAKEN_FORWARD:
        return 0, 0, 0  # the room's own root causes: leave the ideas to the room
    for text in chain.already:
        plan.add_idea(repo, theme.id, IdeaKind.ALREADY_HAPPENING, text, actor=ACTOR, now=at)
    ideas = [
        plan.add_idea(
            repo,
            theme.id,
            entry.kind,
            entry.text,
            root_cause_id=forward[entry.cause].id,
            actor=ACTOR,
            now=at + timedelta(minutes=5 * n),
        )
        for n, entry in enumerate(chain.ideas)
    ]
    vote_at = at + timedelta(hours=1)
    votes = 0
    for number, hand in enumerate(deal([i.votes for i in chain.ideas], VOTERS), start=1):
        dots = {ideas[n].id: count for n, count in hand.items()}
        votes += len(
            plan.record_idea_votes(
                repo, theme.id, f"Voter {number}", dots, actor=ACTOR, now=vote_at + timedelta(minutes=number)
            )
        )
    grid_at = at + timedelta(hours=2)
    for idea in plan.choose_top_ideas(repo, theme.id, actor=ACTOR, now=grid_at):
        entry = chain.ideas[[i.id for i in ideas].index(idea.id)]
        plan.place_idea(repo, idea.id, entry.cost, entry.impact, actor=ACTOR, now=grid_at)
    successes = repo.find(SuccessStatement, theme_id=theme.id)
    measures = repo.find(Measure, project_id=theme.project_id)
    plan_at = at + timedelta(hours=4)
    for written in chain.plans:
        cause = forward[chain.ideas[written.idea].cause]
        wanted = {perspective_key(name) for name in written.success}
        named = [s for s in successes if s.root_cause_id == cause.id and _key(s) in wanted]
        plan.create_action_plan(
            repo,
            theme.id,
            {
                **written.details,
                "idea_ids": [ideas[written.idea].id],
                "success_ids": [s.id for s in named],
                "measure_ids": [m.id for m in measures if m.success_id in {s.id for s in named}],
            },
            actor=ACTOR,
            now=plan_at,
        )
    return len(chain.ideas) + len(chain.already), votes, len(chain.plans)


def seed(repo: Repository, project_id: str, now: datetime, timeline: Timeline | None = None) -> PlanningSeed:
    """Fill Step 6 of the demo project's workshop from its chosen themes (see the module help)."""
    when = timeline or Timeline.at(now)
    themes = [t for t in plan.chosen_themes(repo, project_id) if t.name in chains()][:MAX_THEMES]
    if not themes or repo.find(Idea, project_id=project_id):
        return PlanningSeed()
    done = [(0, 0, 0)]
    for theme in themes:
        done.append(_seed_theme(repo, theme, chains()[theme.name or ""], when))
    ideas, votes, plans = (sum(column) for column in zip(*done, strict=True))
    return PlanningSeed(len([d for d in done[1:] if d[0]]), ideas, votes, plans)
