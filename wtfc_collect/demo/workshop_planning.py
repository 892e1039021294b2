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

from wtfc_collect.domain import (
    AuditAction,
    Idea,
    IdeaKind,
    Measure,
    SuccessStatement,
    Theme,
    Vote,
    VoteTarget,
    new_id,
)
from wtfc_collect.domain.dot_votes import voter_label
from wtfc_collect.services.common import record_audit
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
    # What is already happening, the ideas and everyone's dots, written at once (one write, not dozens).
    already = [
        Idea(
            id=new_id(),
            project_id=theme.project_id,
            theme_id=theme.id,
            kind=IdeaKind.ALREADY_HAPPENING,
            text=text,
        )
        for text in chain.already
    ]
    ideas = [
        Idea(
            id=new_id(),
            project_id=theme.project_id,
            theme_id=theme.id,
            kind=entry.kind,
            text=entry.text,
            root_cause_id=forward[entry.cause].id,
        )
        for entry in chain.ideas
    ]
    vote_at = at + timedelta(hours=1)
    votes = [
        Vote(
            id=new_id(),
            project_id=theme.project_id,
            target_kind=VoteTarget.IDEA,
            target_id=ideas[n].id,
            voter=voter_label(number),
            dots=count,
            at=vote_at + timedelta(minutes=number),
        )
        for number, hand in enumerate(deal([i.votes for i in chain.ideas], VOTERS), start=1)
        for n, count in hand.items()
    ]
    repo.save_all([*already, *ideas, *votes])
    record_audit(
        repo, actor=ACTOR, action=AuditAction.CREATE, record=theme, now=vote_at, reason="demo: ideas and dots"
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
    return len(chain.ideas) + len(chain.already), len(votes), len(chain.plans)


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
