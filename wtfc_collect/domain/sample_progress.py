"""Step 1 and 2: progress of collection against the sample plan (for the project page and the checkpoint)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .base import StrictModel
from .project import Project
from .review import Review, ReviewStatus


class ProgressRow(StrictModel):
    name: str
    target: int | None
    submitted: int
    drafts: int

    @property
    def percent(self) -> int | None:
        """Share of the target sent in, rounded down; None when there is no target."""
        if not self.target:
            return None
        return min(100, self.submitted * 100 // self.target)


class Progress(StrictModel):
    overall: ProgressRow
    withdrawn: int
    by_team: list[ProgressRow]
    by_service_type: list[ProgressRow]


NOT_SET = "(not set)"


def _rows(names: list[str], targets: dict[str, int], reviews: list[Review], key: str) -> list[ProgressRow]:
    """One row per name in the project's list, then any other names the reviews use, then "(not set)".

    Names are matched ignoring case (as the project's own lists are), so "north team" on a review counts
    towards the project's "North Team" and its target.
    """
    spelling: dict[str, str] = {name.casefold(): name for name in names}
    target_of = {name.casefold(): target for name, target in targets.items()}
    submitted: Counter[str | None] = Counter()
    drafts: Counter[str | None] = Counter()
    for review in reviews:
        value: str | None = getattr(review, key)
        name = None if value is None else spelling.setdefault(value.casefold(), value)
        if review.status is ReviewStatus.SUBMITTED:
            submitted[name] += 1
        elif review.status is ReviewStatus.DRAFT:
            drafts[name] += 1
    listed = set(names)
    ordered = list(names)
    ordered += sorted(
        {n for n in (*submitted, *drafts) if n is not None and n not in listed}, key=str.casefold
    )
    rows = [
        ProgressRow(name=n, target=target_of.get(n.casefold()), submitted=submitted[n], drafts=drafts[n])
        for n in ordered
    ]
    if submitted[None] or drafts[None]:
        rows.append(ProgressRow(name=NOT_SET, target=None, submitted=submitted[None], drafts=drafts[None]))
    return rows


def progress(project: Project, reviews: Iterable[Review]) -> Progress:
    mine = [r for r in reviews if r.project_id == project.id]
    plan = project.sample_plan
    overall = ProgressRow(
        name="All reviews",
        target=plan.target_reviews or None,
        submitted=sum(r.status is ReviewStatus.SUBMITTED for r in mine),
        drafts=sum(r.status is ReviewStatus.DRAFT for r in mine),
    )
    return Progress(
        overall=overall,
        withdrawn=sum(r.status is ReviewStatus.WITHDRAWN for r in mine),
        by_team=_rows(project.teams, {t.name: t.target for t in plan.team_targets}, mine, "team"),
        by_service_type=_rows(
            project.service_types, {t.name: t.target for t in plan.service_type_targets}, mine, "service_type"
        ),
    )
