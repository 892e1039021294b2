"""Step 4, understand: five-whys chains for each chosen theme, dots on the root causes they end in, and the
top root causes taken forward (only those feed success, Step 5, and ideas, Step 6).

What people said is never copied here: a theme holds statement ids only, and the words shown beside it
are read again each time from the statements that may still reach the workshop (a withdrawn review
drops out everywhere at once).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from wtfc_collect.domain import (
    AuditAction,
    DomainError,
    Idea,
    Question,
    RootCause,
    SuccessStatement,
    Theme,
    Vote,
    WhyStep,
    new_id,
)
from wtfc_collect.domain.dot_votes import DEFAULT_DOTS, VoteTarget, dots_by_voter, tally, top_with_ties
from wtfc_collect.domain.understand import TOP_CAUSES, add_why, forward_problems, step_at, step_problems
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.checkpoint.check_statements import workshop_statements
from wtfc_collect.services.common import InvalidInput, build, record_audit, updated, words_checked
from wtfc_collect.services.workshop.dot_votes import ballot_votes, record_ballot
from wtfc_collect.storage.port import ConflictError, Repository

STALE = "Someone changed this chain while you were typing. Look at it again, then make your change."


@dataclass(frozen=True)
class ThemeEvidence:
    """A chosen theme with the workshop copies of its statements and how many people said them."""

    theme: Theme
    statements: tuple[str, ...]
    people: int


@dataclass(frozen=True)
class CauseResult:
    """One root cause with its place among the chains (1, 2 …) and the dots it got."""

    cause: RootCause
    number: int
    dots: int
    voters: int


# --- themes -----------------------------------------------------------------------------------------------
@guard(FACILITATORS)
def chosen_themes(repo: Repository, project_id: str) -> list[Theme]:
    """The themes taken forward as priorities, by question, in the order they were made."""
    themes = [t for t in repo.find(Theme, project_id=project_id) if t.chosen]
    return sorted(themes, key=lambda t: (list(Question).index(t.question), t.created_at))


@guard(FACILITATORS)
def chosen_theme(repo: Repository, theme_id: str) -> Theme:
    theme = repo.get(Theme, theme_id)
    if theme is None:
        raise DomainError("That theme could not be found. It may have been merged or removed.")
    if not theme.chosen:
        raise DomainError("This theme was not taken forward. Choose it on the priorities page first.")
    return theme


@guard(FACILITATORS)
def theme_evidence(repo: Repository, theme: Theme) -> ThemeEvidence:
    """The theme's statements as they may be shown today, and the number of different people behind them."""
    wanted = set(theme.statement_ids)
    found = [
        (review.id, statement.card_text)
        for review, statement in workshop_statements(repo, theme.project_id, theme.question)
        if statement.id in wanted
    ]
    return ThemeEvidence(theme, tuple(text for _, text in found), len({review for review, _ in found}))


# --- five whys --------------------------------------------------------------------------------------------
@guard(FACILITATORS)
def chains(repo: Repository, theme_id: str) -> list[RootCause]:
    """The theme's five-whys chains, oldest first."""
    return repo.find(RootCause, theme_id=theme_id)


def _chain(repo: Repository, chain_id: str, expected_revision: int | None = None) -> RootCause:
    chain = repo.get(RootCause, chain_id)
    if chain is None:
        raise DomainError("That chain could not be found. Someone may have removed it.")
    if expected_revision is not None and chain.revision != expected_revision:
        raise DomainError(STALE)
    return chain


def _save(repo: Repository, chain: RootCause, *, actor: str, now: datetime, reason: str) -> RootCause:
    try:
        saved = repo.save(chain)
    except ConflictError:
        raise DomainError(STALE) from None
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason=reason)
    return saved


def _checked_step(why: str, because: str) -> None:
    problems = step_problems(why, because)
    if problems:
        raise InvalidInput(problems)


@guard(FACILITATORS)
def start_chain(
    repo: Repository, theme_id: str, why: str, because: str, *, actor: str, now: datetime
) -> RootCause:
    """A new chain for a chosen theme, starting with its first "Why?" and "Because…"."""
    theme = chosen_theme(repo, theme_id)
    _checked_step(why, because)
    chain = build(RootCause, {"id": new_id(), "project_id": theme.project_id, "theme_id": theme.id})
    with words_checked("because"):
        add_why(chain, why, because)
    saved = repo.save(chain)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now, reason="five whys")
    return saved


@guard(FACILITATORS)
def add_step(
    repo: Repository,
    chain_id: str,
    why: str,
    because: str,
    *,
    expected_revision: int | None = None,
    actor: str,
    now: datetime,
) -> RootCause:
    """Ask the next "Why?" of a chain (five at most)."""
    _checked_step(why, because)
    chain = _chain(repo, chain_id, expected_revision)
    with words_checked("because"):
        add_why(chain, why, because)
    return _save(repo, chain, actor=actor, now=now, reason=f"step {len(chain.chain)} added")


@guard(FACILITATORS)
def edit_step(
    repo: Repository,
    chain_id: str,
    number: int,
    why: str,
    because: str,
    *,
    expected_revision: int | None = None,
    actor: str,
    now: datetime,
) -> RootCause:
    """Change the words of step ``number`` (counting from 1)."""
    _checked_step(why, because)
    chain = _chain(repo, chain_id, expected_revision)
    step_at(chain, number)
    with words_checked("because"):
        changed = WhyStep(why=why, because=because)
    chain.chain = [changed if i == number else s for i, s in enumerate(chain.chain, start=1)]
    return _save(repo, chain, actor=actor, now=now, reason=f"step {number} changed")


@guard(FACILITATORS)
def remove_step(
    repo: Repository,
    chain_id: str,
    number: int,
    *,
    expected_revision: int | None = None,
    actor: str,
    now: datetime,
) -> RootCause:
    """Take step ``number`` out of a chain. The last step of a chain stays: remove the chain instead."""
    chain = _chain(repo, chain_id, expected_revision)
    step_at(chain, number)
    if len(chain.chain) == 1:
        raise DomainError("This is the chain's only step. To start again, remove the whole chain.")
    chain.chain = [s for i, s in enumerate(chain.chain, start=1) if i != number]
    return _save(repo, chain, actor=actor, now=now, reason=f"step {number} removed")


@guard(FACILITATORS)
def set_cause(
    repo: Repository,
    chain_id: str,
    cause: str,
    *,
    expected_revision: int | None = None,
    actor: str,
    now: datetime,
) -> RootCause:
    """Write down the root cause a chain ends in."""
    chain = _chain(repo, chain_id, expected_revision)
    if not cause.strip():
        raise InvalidInput({"cause": "Write the root cause the group agreed, in a sentence."})
    with words_checked("cause"):
        chain.cause = cause
    return _save(repo, chain, actor=actor, now=now, reason="root cause recorded")


@guard(FACILITATORS)
def remove_chain(repo: Repository, chain_id: str, *, actor: str, now: datetime) -> None:
    """Remove a chain and every dot put on its root cause. A cause an idea tackles stays (golden thread)."""
    chain = _chain(repo, chain_id)
    if repo.find(Idea, root_cause_id=chain.id):
        raise DomainError(
            "An idea in the plan tackles this chain's root cause. Link that idea to another cause first."
        )
    if repo.find(SuccessStatement, root_cause_id=chain.id):
        raise DomainError(
            "Success statements say what it would be like if this root cause were put right, so the chain "
            "stays. Remove those statements first if the chain really has to go."
        )
    for vote in _cause_votes(repo, chain.project_id, {chain.id}):
        repo.delete(Vote, vote.id)
    repo.delete(RootCause, chain.id)
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=chain, now=now, reason="chain removed")


# --- dots on root causes ----------------------------------------------------------------------------------
def _cause_votes(repo: Repository, project_id: str, cause_ids: set[str]) -> list[Vote]:
    return ballot_votes(repo, project_id, VoteTarget.ROOT_CAUSE, cause_ids)


@guard(FACILITATORS)
def votable_causes(repo: Repository, theme_id: str) -> list[RootCause]:
    """The theme's chains that end in a written root cause, in chain order."""
    return [c for c in chains(repo, theme_id) if c.cause]


@guard(FACILITATORS)
def theme_dots(repo: Repository, theme_id: str) -> dict[str, dict[str, int]]:
    """Each voter's dots per root cause of this theme."""
    theme = chosen_theme(repo, theme_id)
    causes = {c.id for c in votable_causes(repo, theme_id)}
    return dots_by_voter(_cause_votes(repo, theme.project_id, causes))


@guard(FACILITATORS)
def record_dots(
    repo: Repository,
    theme_id: str,
    voter: str,
    dots: Mapping[str, int],
    *,
    allowed: int = DEFAULT_DOTS,
    actor: str,
    now: datetime,
) -> list[Vote]:
    """Record where one person put their dots on this theme's root causes (replacing what they had).

    Each person has ``allowed`` dots per theme; more are refused with a plain message. No dots at all takes
    their dots back.
    """
    theme = chosen_theme(repo, theme_id)
    causes = {c.id for c in votable_causes(repo, theme_id)}
    return record_ballot(
        repo,
        project_id=theme.project_id,
        kind=VoteTarget.ROOT_CAUSE,
        voter=voter,
        dots=dots,
        open_targets=causes,
        earlier=_cause_votes(repo, theme.project_id, causes),
        allowed=allowed,
        not_open="A root cause was changed or removed meanwhile. Look at the causes again.",
        record=theme,
        actor=actor,
        now=now,
    )


@guard(FACILITATORS)
def cause_results(repo: Repository, theme_id: str) -> list[CauseResult]:
    """Every root cause of the theme with its dots, most first (ties in chain order)."""
    theme = chosen_theme(repo, theme_id)
    all_chains = chains(repo, theme_id)
    numbers = {c.id: place for place, c in enumerate(all_chains, start=1)}
    causes = {c.id: c for c in all_chains if c.cause}
    votes = _cause_votes(repo, theme.project_id, set(causes))
    return [
        CauseResult(causes[t.target_id], numbers[t.target_id], t.dots, t.voters)
        for t in tally(votes, list(causes))
    ]


# --- the top root causes, taken forward -------------------------------------------------------------------
@guard(FACILITATORS)
def suggested_causes(repo: Repository, theme_id: str) -> list[str]:
    """The root causes to offer for taking forward: the top two by dots, and any tied with the second."""
    theme = chosen_theme(repo, theme_id)
    causes = votable_causes(repo, theme_id)
    votes = _cause_votes(repo, theme.project_id, {c.id for c in causes})
    return top_with_ties(tally(votes, [c.id for c in causes]), TOP_CAUSES)


@guard(FACILITATORS)
def forward_causes(repo: Repository, theme_id: str) -> list[RootCause]:
    """The root causes taken forward for a theme, most dots first."""
    return [r.cause for r in cause_results(repo, theme_id) if r.cause.taken_forward]


@guard(FACILITATORS)
def take_forward(
    repo: Repository, theme_id: str, cause_ids: Collection[str], *, actor: str, now: datetime
) -> list[RootCause]:
    """Take exactly ``cause_ids`` forward to success and ideas (the room confirms the top ones; every other
    root cause of the theme stays on the record as not taken forward). A cause that success statements or
    ideas are already about stays taken forward."""
    theme = chosen_theme(repo, theme_id)
    causes = votable_causes(repo, theme_id)
    problem = forward_problems(causes, cause_ids)
    if problem:
        raise InvalidInput({"forward": problem})
    wanted = set(cause_ids)
    for cause in causes:
        if cause.taken_forward and cause.id not in wanted and _in_use(repo, cause):
            raise InvalidInput(
                {
                    "forward": f"Success statements or ideas are about root cause “{cause.cause}”, so it "
                    "stays taken forward. Tick it again, or move them to another root cause first."
                }
            )
    for cause in causes:
        if cause.taken_forward != (cause.id in wanted):
            try:
                repo.save(updated(cause, {"taken_forward": cause.id in wanted}))
            except ConflictError:
                raise DomainError(STALE) from None
    record_audit(
        repo,
        actor=actor,
        action=AuditAction.EDIT,
        record=theme,
        now=now,
        reason=f"{len(wanted)} root causes taken forward",
    )
    return forward_causes(repo, theme_id)


def _in_use(repo: Repository, cause: RootCause) -> bool:
    about = repo.find(SuccessStatement, root_cause_id=cause.id)
    return bool(about or repo.find(Idea, root_cause_id=cause.id))
