"""When things happen in a demo cycle, so that its dates make sense: the quality checkpoint, then workshop day
one (card call, priorities, five whys, success), then day two (ideas, the grid, action plans), then actions
and readings after the workshops, up to the review. Nothing happens after ``end``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from wtfc_collect.domain import Project, utc


@dataclass(frozen=True)
class Timeline:
    checkpoint: datetime  # the quality team accepts statements for the workshop
    day_one: datetime  # 09:30 on the first workshop day
    day_two: datetime  # 09:30 on the second workshop day
    end: datetime  # where the story of this cycle stops (now, for the cycle under way)
    review_on: date | None = None  # the day to review progress together

    @classmethod
    def at(cls, now: datetime) -> Timeline:
        """Everything at ``now``: for a seed run on its own (in tests), with no dates to keep."""
        now = utc(now)
        return cls(now, now, now, now)

    @classmethod
    def of(cls, project: Project, end: datetime, review_on: date | None = None) -> Timeline:
        """The project's own checkpoint and workshop days (each at a time of day people would meet)."""
        days = sorted(project.workshop_dates)
        checkpoint = project.checkpoint_date or days[0] - timedelta(weeks=4)
        first = days[0]
        second = days[1] if len(days) > 1 else first
        return cls(
            _at(checkpoint, time(10)),
            _at(first, time(9, 30)),
            _at(second, time(9, 30)),
            utc(end),
            review_on,
        )

    def after(self, days: float) -> datetime:
        """``days`` after the second workshop day, but never after the end."""
        return min(self.day_two + timedelta(days=days), self.end)

    def later(self, days: float) -> bool:
        """True when ``days`` after the second workshop day is still within this cycle's story."""
        return self.day_two + timedelta(days=days) <= self.end


def _at(day: date, at: time) -> datetime:
    return datetime.combine(day, at, UTC)
