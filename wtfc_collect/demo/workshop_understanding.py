"""The demo workshop, Steps 4 and 5, on the afternoon of the first workshop day: five whys, dots on the root
causes, the top ones taken forward, and success for each of them with its measures.

Runs after the theming seed (which chose the top "not working" themes). Each chosen theme gets its own chain
from ``workshop_chains.toml``, found by its name, so everything written about it is about it; a theme with no
chain there (a name the demo card call does not use) is left for the room. Themes that already have chains
or success statements keep them; running it twice adds nothing.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from wtfc_collect.domain import (
    AuditAction,
    Measure,
    Record,
    RootCause,
    SuccessStatement,
    Theme,
    Vote,
    VoteTarget,
    new_id,
    utc,
)
from wtfc_collect.domain.dot_votes import DEFAULT_DOTS, voter_label
from wtfc_collect.domain.success import resolve_perspective
from wtfc_collect.services.common import record_audit
from wtfc_collect.services.workshop import success as step_5
from wtfc_collect.services.workshop import understand
from wtfc_collect.services.workshop.understand import chosen_themes
from wtfc_collect.storage.port import Repository

from .chains import TAKEN_FORWARD, Chain, chains, deal
from .timeline import Timeline

ACTOR = "demo"


def _chains(theme: Theme, chain: Chain, at: datetime) -> list[Record]:
    """The theme's root causes and everyone's dots on them (three each, as the facilitator set)."""
    causes = [
        RootCause(
            id=new_id(),
            project_id=theme.project_id,
            theme_id=theme.id,
            chain=[step.model_copy() for step in item.steps],
            cause=item.cause,
        )
        for item in chain.causes
    ]
    dots = [item.dots for item in chain.causes]
    voters = math.ceil(sum(dots) / DEFAULT_DOTS)
    votes: list[Record] = [
        Vote(
            id=new_id(),
            project_id=theme.project_id,
            target_kind=VoteTarget.ROOT_CAUSE,
            target_id=causes[place].id,
            voter=voter_label(number),
            dots=count,
            at=utc(at) + timedelta(minutes=number),
        )
        for number, hand in enumerate(deal(dots, voters), start=1)
        for place, count in hand.items()
    ]
    return [*causes, *votes]


def _success(
    theme: Theme, chain: Chain, forward: list[RootCause], written: set[tuple[str | None, str]]
) -> list[Record]:
    """Success and its measures for each root cause taken forward, but for what is ``written`` already."""
    records: list[Record] = []
    for item, cause in zip(chain.causes, forward, strict=False):
        for success in item.success:
            if (cause.id, success.text) in written:
                continue
            perspective, name = resolve_perspective(success.perspective)
            statement = SuccessStatement(
                id=new_id(),
                project_id=theme.project_id,
                theme_id=theme.id,
                root_cause_id=cause.id,
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
                    kind=measure.kind,
                    description=measure.description,
                    unit=measure.unit,
                    baseline=measure.baseline,
                    how_we_will_know=measure.how,
                )
                for measure in success.measures
            ]
    return records


def seed(repo: Repository, project_id: str, now: datetime, timeline: Timeline | None = None) -> int:
    """Fill Steps 4 and 5 for the project's chosen themes; returns how many records were added.

    With no chosen theme there is nothing to do (0). Themes already worked on are left as they are.
    """
    when = timeline or Timeline.at(now)
    why_at = when.day_one + timedelta(hours=4)
    added = 0
    for theme in chosen_themes(repo, project_id):
        chain = chains().get(theme.name or "")
        if chain is None:
            continue
        if not repo.find(RootCause, theme_id=theme.id):
            added += repo.save_all(_chains(theme, chain, why_at))
            top = [c.id for c in understand.chains(repo, theme.id)][:TAKEN_FORWARD]
            understand.take_forward(repo, theme.id, top, actor=ACTOR, now=why_at + timedelta(minutes=30))
        if not repo.find(SuccessStatement, theme_id=theme.id):
            success_at = why_at + timedelta(hours=1)
            if step_5.carried_success(repo, theme.id):
                # A priority again this year: the room takes on last year's success and measures.
                step_5.carry_on(repo, theme.id, actor=ACTOR, now=success_at)
            # Success is for the causes taken forward, in the bank's order (the top one first).
            forward = [c for c in understand.chains(repo, theme.id) if c.taken_forward][:TAKEN_FORWARD]
            if len(forward) == TAKEN_FORWARD:
                written = {(s.root_cause_id, s.text) for s in repo.find(SuccessStatement, theme_id=theme.id)}
                fresh = _success(theme, chain, forward, written)
                added += repo.save_all(fresh) if fresh else 0
    if added:
        record_audit(
            repo,
            actor=ACTOR,
            action=AuditAction.CREATE,
            record=None,
            now=why_at + timedelta(hours=1),
            reason="demo: steps 4-5",
        )
    return added
