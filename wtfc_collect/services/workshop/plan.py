"""Step 6, Plan: per chosen theme, what is already happening, ideas of three kinds (each tackling one of the
top root causes taken forward), dots on the ideas, the top three, their cost and impact on the grid, and
action plans made from them, each naming the success statements and measures it works towards."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wtfc_collect.domain import (
    ActionPlan,
    AuditAction,
    DomainError,
    Idea,
    IdeaKind,
    Measure,
    Quadrant,
    Question,
    RootCause,
    SuccessStatement,
    Theme,
    Vote,
    VoteTarget,
    new_id,
)
from wtfc_collect.domain.dot_votes import DEFAULT_DOTS, dots_used, tally, tied_at_cut, top
from wtfc_collect.domain.plan import IDEA_KINDS, SCORES, TOP_IDEAS
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.common import InvalidInput, build, change, change_recorded, record_audit, updated
from wtfc_collect.services.workshop.dot_votes import ballot_votes, record_ballot
from wtfc_collect.storage.port import Repository

NO_SCORE = "Choose a number from 1 (low) to 4 (high)."


# --- themes and their root causes -------------------------------------------------------------------
@guard(FACILITATORS)
def chosen_themes(repo: Repository, project_id: str) -> list[Theme]:
    """The themes the room took forward, "not working" first, each in the order they were made."""
    order = [Question.NOT_WORKING, Question.WORKING, Question.FUTURE]
    themes = [t for t in repo.find(Theme, project_id=project_id) if t.chosen]
    return sorted(themes, key=lambda t: order.index(t.question))


@guard(FACILITATORS)
def get_theme(repo: Repository, theme_id: str) -> Theme:
    theme = repo.get(Theme, theme_id)
    if theme is None:
        raise DomainError("That theme could not be found. It may have been merged or removed.", "theme")
    return theme


@guard(FACILITATORS)
def root_causes(repo: Repository, theme_id: str) -> list[RootCause]:
    """The theme's top root causes, taken forward on Understand: the ones ideas may tackle."""
    return [c for c in repo.find(RootCause, theme_id=theme_id) if c.cause.strip() and c.taken_forward]


@guard(FACILITATORS)
def causes_left(repo: Repository, theme_id: str) -> list[RootCause]:
    """The theme's written root causes that were not taken forward (shown, but not planned for)."""
    return [c for c in repo.find(RootCause, theme_id=theme_id) if c.cause.strip() and not c.taken_forward]


# --- ideas ------------------------------------------------------------------------------------------
@guard(FACILITATORS)
def add_idea(
    repo: Repository,
    theme_id: str,
    kind: IdeaKind,
    text: str,
    *,
    root_cause_id: str | None = None,
    actor: str,
    now: datetime,
) -> Idea:
    """Note something already happening, or add a traditional, radical or different idea, to a theme."""
    theme = get_theme(repo, theme_id)
    if not theme.chosen:
        raise DomainError("Ideas are for the themes the room took forward. Choose this theme first.", "theme")
    if root_cause_id is not None:
        cause = repo.get(RootCause, root_cause_id)
        if cause is None or cause.theme_id != theme_id or not cause.taken_forward:
            raise InvalidInput(
                {"root_cause_id": "Choose one of the root causes taken forward for this theme, or none."}
            )
    idea = build(
        Idea,
        {
            "id": new_id(),
            "project_id": theme.project_id,
            "theme_id": theme_id,
            "kind": kind,
            "text": text,
            "root_cause_id": root_cause_id,
        },
    )
    saved = repo.save(idea)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now)
    return saved


@guard(FACILITATORS)
def get_idea(repo: Repository, idea_id: str) -> Idea:
    idea = repo.get(Idea, idea_id)
    if idea is None:
        raise DomainError("That idea could not be found. It may have been removed.", "idea")
    return idea


@guard(FACILITATORS)
def ideas_for(repo: Repository, theme_id: str, kinds: tuple[IdeaKind, ...] = IDEA_KINDS) -> list[Idea]:
    """The theme's ideas of the given kinds (by default the three kinds that are voted on)."""
    return [i for i in repo.find(Idea, theme_id=theme_id) if i.kind in kinds]


@guard(FACILITATORS)
def already_happening(repo: Repository, theme_id: str) -> list[Idea]:
    return ideas_for(repo, theme_id, (IdeaKind.ALREADY_HAPPENING,))


@guard(FACILITATORS)
def remove_idea(repo: Repository, idea_id: str, *, actor: str, now: datetime) -> None:
    """Take back an idea added by mistake, with its dots. An idea an action plan came from stays."""
    idea = get_idea(repo, idea_id)
    if any(idea_id in plan.idea_ids for plan in repo.find(ActionPlan, theme_id=idea.theme_id)):
        raise DomainError("An action plan was made from this idea, so it stays (the golden thread).", "idea")
    for vote in repo.find(Vote, target_id=idea_id):
        repo.delete(Vote, vote.id)
    repo.delete(Idea, idea_id)
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=idea, now=now, reason="idea removed")


# --- dots -------------------------------------------------------------------------------------------
@guard(FACILITATORS)
def idea_votes(repo: Repository, theme_id: str) -> list[Vote]:
    ideas = ideas_for(repo, theme_id)
    if not ideas:
        return []
    return ballot_votes(repo, ideas[0].project_id, VoteTarget.IDEA, {i.id for i in ideas})


@guard(FACILITATORS)
def record_idea_votes(
    repo: Repository,
    theme_id: str,
    voter: str,
    dots: Mapping[str, int],
    *,
    allowed: int = DEFAULT_DOTS,
    actor: str,
    now: datetime,
) -> list[Vote]:
    """Put down one participant's dots on a theme's ideas, replacing any they put down before.

    All dots at nought takes the voter's dots back. More dots than ``allowed`` is refused, and nothing
    changes: the facilitator sees how many to take off.
    """
    theme = get_theme(repo, theme_id)
    return record_ballot(
        repo,
        project_id=theme.project_id,
        kind=VoteTarget.IDEA,
        voter=voter,
        dots=dots,
        open_targets={i.id for i in ideas_for(repo, theme_id)},
        earlier=idea_votes(repo, theme_id),
        allowed=allowed,
        not_open="Dots can only go on this theme's traditional, radical and different ideas.",
        record=theme,
        actor=actor,
        now=now,
    )


@dataclass(frozen=True)
class IdeaResult:
    idea: Idea
    dots: int
    voters: int


@dataclass(frozen=True)
class VoteResults:
    """The theme's ideas, most dots first, and who has voted (labels) with how many dots each used."""

    ideas: list[IdeaResult]
    dots_used: dict[str, int]
    tie_at_cut: bool


@guard(FACILITATORS)
def idea_results(repo: Repository, theme_id: str) -> VoteResults:
    ideas = ideas_for(repo, theme_id)
    votes = idea_votes(repo, theme_id)
    counted = tally(votes, [i.id for i in ideas])
    by_id = {i.id: i for i in ideas}
    return VoteResults(
        ideas=[IdeaResult(by_id[t.target_id], t.dots, t.voters) for t in counted],
        dots_used=dots_used(votes),
        tie_at_cut=tied_at_cut(counted, TOP_IDEAS),
    )


# --- choosing the top three ---------------------------------------------------------------------------
@guard(FACILITATORS)
def choose_top_ideas(
    repo: Repository, theme_id: str, n: int = TOP_IDEAS, *, actor: str, now: datetime
) -> list[Idea]:
    """Mark the ``n`` ideas with the most dots as chosen (and the others as not). Returns the chosen."""
    ideas = ideas_for(repo, theme_id)
    winners = set(top(tally(idea_votes(repo, theme_id), [i.id for i in ideas]), n))
    if not winners:
        raise DomainError("No dots have been put down for this theme's ideas yet.", "dots")
    return _mark_chosen(repo, theme_id, ideas, winners, actor=actor, now=now, reason="top ideas")


@guard(FACILITATORS)
def set_chosen_ideas(
    repo: Repository,
    theme_id: str,
    idea_ids: Collection[str],
    *,
    limit: int = TOP_IDEAS,
    actor: str,
    now: datetime,
) -> list[Idea]:
    """Choose exactly ``idea_ids`` among the theme's ideas, by hand (after a tie, say). At most ``limit``."""
    ideas = ideas_for(repo, theme_id)
    wanted = set(idea_ids)
    if wanted - {i.id for i in ideas}:
        raise DomainError(
            "Only this theme's traditional, radical and different ideas can be chosen.", "chosen"
        )
    if len(wanted) > limit:
        raise InvalidInput({"chosen": f"Choose {limit} ideas at most: {len(wanted)} are ticked."})
    return _mark_chosen(repo, theme_id, ideas, wanted, actor=actor, now=now, reason="chosen by hand")


def _mark_chosen(
    repo: Repository,
    theme_id: str,
    ideas: list[Idea],
    chosen: set[str],
    *,
    actor: str,
    now: datetime,
    reason: str,
) -> list[Idea]:
    """Mark exactly ``chosen`` among ``ideas`` as chosen, note it in the audit log, return the chosen."""
    for idea in ideas:
        if idea.chosen != (idea.id in chosen):
            change(repo, Idea, idea.id, lambda i: setattr(i, "chosen", i.id in chosen))
    record_audit(
        repo, actor=actor, action=AuditAction.EDIT, record=get_theme(repo, theme_id), now=now, reason=reason
    )
    return [i for i in ideas_for(repo, theme_id) if i.chosen]


@guard(FACILITATORS)
def place_idea(
    repo: Repository, idea_id: str, cost: int | None, impact: int | None, *, actor: str, now: datetime
) -> Idea:
    """Put a chosen idea on the grid: the room's best guess of its cost (effort) and impact, 1 to 4."""
    problems = {
        field: NO_SCORE
        for field, value in (("cost", cost), ("impact", impact))
        if value is not None and value not in SCORES
    }
    if problems:
        raise InvalidInput(problems)
    if not get_idea(repo, idea_id).chosen:
        raise DomainError("Only the chosen ideas go on the grid.", "cost")

    def apply(idea: Idea) -> None:
        idea.cost, idea.impact = cost, impact

    return change_recorded(
        repo, Idea, idea_id, apply,
        actor=actor, action=AuditAction.EDIT, now=now, reason="placed on grid",
    )


@guard(FACILITATORS)
def place_ideas(
    repo: Repository, places: Mapping[str, tuple[int | None, int | None]], *, actor: str, now: datetime
) -> list[Idea]:
    """Place several chosen ideas at once (the grid form); only those whose place changed are saved."""
    problems: dict[str, str] = {}
    for idea_id, (cost, impact) in places.items():
        for field, value in (("cost", cost), ("impact", impact)):
            if value is not None and value not in SCORES:
                problems[f"{field}.{idea_id}"] = NO_SCORE
    if problems:
        raise InvalidInput(problems)
    saved = []
    for idea_id, (cost, impact) in places.items():
        idea = get_idea(repo, idea_id)
        if (idea.cost, idea.impact) != (cost, impact):
            saved.append(place_idea(repo, idea_id, cost, impact, actor=actor, now=now))
    return saved


@dataclass(frozen=True)
class GridRow:
    idea: Idea
    theme: Theme

    @property
    def quadrant(self) -> Quadrant | None:
        return self.idea.quadrant


@guard(FACILITATORS)
def grid(repo: Repository, project_id: str, theme_id: str | None = None) -> list[GridRow]:
    """The chosen ideas of the chosen themes (or of one theme), placed or not yet."""
    themes = [t for t in chosen_themes(repo, project_id) if theme_id is None or t.id == theme_id]
    return [GridRow(i, t) for t in themes for i in ideas_for(repo, t.id) if i.chosen]


# --- action plans -------------------------------------------------------------------------------------
_PLAN_FIXED = {"id", "revision", "project_id", "theme_id", "status"}


def _plan_details(repo: Repository, theme_id: str, details: Mapping[str, Any]) -> dict[str, Any]:
    data = {k: v for k, v in details.items() if k not in _PLAN_FIXED}
    if not str(data.get("title") or "").strip():
        raise InvalidInput({"title": "Give the plan a short title, for example 'Same carers each week'."})
    if "lead" in data and not str(data["lead"] or "").strip():
        data["lead"] = None
    ideas = {i.id for i in ideas_for(repo, theme_id)}
    if any(i not in ideas for i in data.get("idea_ids", ())):
        raise InvalidInput({"idea_ids": "Choose ideas from this theme."})
    if "success_ids" in data or "measure_ids" in data:
        data.update(_targets(repo, theme_id, data.get("success_ids", ()), data.get("measure_ids", ())))
    return data


def _targets(
    repo: Repository, theme_id: str, success_ids: Collection[str], measure_ids: Collection[str]
) -> dict[str, list[str]]:
    """The success statements and measures a plan names, checked to be the theme's own. A measure the plan
    should move brings its success statement with it."""
    successes = {s.id: s for s in repo.find(SuccessStatement, theme_id=theme_id)}
    if any(s not in successes for s in success_ids):
        raise InvalidInput({"success_ids": "Choose success statements of this theme."})
    theme = get_theme(repo, theme_id)
    measures = {m.id: m for m in repo.find(Measure, project_id=theme.project_id)}
    named = [measures[m] for m in measure_ids if m in measures and measures[m].success_id in successes]
    if len(named) != len(measure_ids):
        raise InvalidInput({"measure_ids": "Choose measures of this theme's success statements."})
    return {
        "success_ids": list(dict.fromkeys([*success_ids, *(m.success_id for m in named)])),
        "measure_ids": list(dict.fromkeys(measure_ids)),
    }


@guard(FACILITATORS)
def create_action_plan(
    repo: Repository, theme_id: str, details: Mapping[str, Any], *, actor: str, now: datetime
) -> ActionPlan:
    """Turn one or more of a theme's ideas into an action plan. The title is needed; the rest can follow."""
    theme = get_theme(repo, theme_id)
    data = _plan_details(repo, theme_id, details)
    plan = build(ActionPlan, {**data, "id": new_id(), "project_id": theme.project_id, "theme_id": theme_id})
    saved = repo.save(plan)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now)
    return saved


@guard(FACILITATORS)
def get_action_plan(repo: Repository, action_id: str) -> ActionPlan:
    plan = repo.get(ActionPlan, action_id)
    if plan is None:
        raise DomainError("That action plan could not be found.", "action")
    return plan


@guard(FACILITATORS)
def update_action_plan(
    repo: Repository,
    action_id: str,
    details: Mapping[str, Any],
    *,
    expected_revision: int,
    actor: str,
    now: datetime,
) -> ActionPlan:
    """Save an edited plan. Refuses if someone else saved it since the form was opened."""
    current = get_action_plan(repo, action_id)
    if current.revision != expected_revision:
        raise DomainError(
            "Someone else changed this plan while you were editing it. Your words are still on the "
            "screen: copy them, reload the page and enter them again.",
            "title",
        )
    saved = repo.save(updated(current, _plan_details(repo, current.theme_id, details)))
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now)
    return saved


@guard(FACILITATORS)
def action_plans(repo: Repository, project_id: str, theme_id: str | None = None) -> list[ActionPlan]:
    if theme_id is not None:
        return repo.find(ActionPlan, theme_id=theme_id)
    return repo.find(ActionPlan, project_id=project_id)
