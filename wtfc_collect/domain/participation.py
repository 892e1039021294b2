"""Who takes part in the workshops: each participant's perspective, the days they are invited to, their
reply and whether they came; and, from each review, whether the person would like to come.

The method calls it fundamental that three perspectives are in the room in roughly equal numbers: people
with support needs with their families and carers, providers, and commissioners (senior people who can make
things happen), with others such as front-line staff or user-led groups in fewer numbers; 25 to 30 people
suit a workshop best (the 2009 guide: no fewer than 15). ``balance`` counts a day's participants by
perspective and names what is missing or small, for the screen to say in plain words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from .base import DomainError, Label, Record, RecordId, StrictModel, Text, UtcDateTime


class ParticipantPerspective(StrEnum):
    """Where someone in the room speaks from."""

    PERSON = "person"  # someone who uses services
    FAMILY = "family_or_carer"
    PROVIDER = "staff_or_provider"
    COMMISSIONER = "commissioner"
    OTHER = "other"  # named, e.g. "user-led organisation", "advocacy"

    @property
    def label(self) -> str:
        return PERSPECTIVE_LABELS[self]


PERSPECTIVE_LABELS = {
    ParticipantPerspective.PERSON: "Person who uses services",
    ParticipantPerspective.FAMILY: "Family member or carer",
    ParticipantPerspective.PROVIDER: "Staff or provider",
    ParticipantPerspective.COMMISSIONER: "Commissioner",
    ParticipantPerspective.OTHER: "Other",
}


class Side(StrEnum):
    """The method's three key perspectives, and everyone else."""

    PEOPLE = "people"  # people who use services, their families and carers
    PROVIDERS = "providers"
    COMMISSIONERS = "commissioners"
    OTHERS = "others"

    @property
    def label(self) -> str:
        return SIDE_LABELS[self]


SIDE_LABELS = {
    Side.PEOPLE: "People who use services, families and carers",
    Side.PROVIDERS: "Staff and providers",
    Side.COMMISSIONERS: "Commissioners",
    Side.OTHERS: "Others",
}
SIDE_OF = {
    ParticipantPerspective.PERSON: Side.PEOPLE,
    ParticipantPerspective.FAMILY: Side.PEOPLE,
    ParticipantPerspective.PROVIDER: Side.PROVIDERS,
    ParticipantPerspective.COMMISSIONER: Side.COMMISSIONERS,
    ParticipantPerspective.OTHER: Side.OTHERS,
}
KEY_SIDES = (Side.PEOPLE, Side.PROVIDERS, Side.COMMISSIONERS)
BEST_FEWEST, BEST_MOST = 25, 30  # the 2012 guide's best size for a workshop
FEWEST = 15  # the 2009 guide: no fewer than 15


class Reply(StrEnum):
    NO_REPLY = "no_reply"
    COMING = "coming"
    NOT_COMING = "not_coming"


class DayPlace(StrictModel):
    """One participant and one workshop day: invited, their reply, and whether they came (None: not
    recorded yet)."""

    day: date
    reply: Reply = Reply.NO_REPLY
    attended: bool | None = None


class Participant(Record):
    """Someone invited to the workshops. Their name is for the facilitators only: every count is by
    perspective, and nothing about a participant goes into a document."""

    project_id: RecordId
    name: Label
    perspective: ParticipantPerspective
    other_perspective: Label | None = None  # what "other" means, e.g. "User-led organisation"
    organisation: Label | None = None  # role or organisation, e.g. "Commissioning manager, Northvale"
    access_needs: Text = ""
    # Someone whose own review is among those used (the method: welcome, never a condition).
    from_reviews: bool = False
    days: list[DayPlace] = Field(default_factory=list, max_length=20)
    created_at: UtcDateTime

    @model_validator(mode="after")
    def _rules(self) -> Participant:
        if self.perspective is ParticipantPerspective.OTHER and not self.other_perspective:
            raise ValueError("say which perspective, for example 'user-led organisation'")
        days = [place.day for place in self.days]
        if len(days) != len(set(days)):
            raise ValueError("each workshop day can be listed once")
        return self

    @property
    def side(self) -> Side:
        return SIDE_OF[self.perspective]

    @property
    def perspective_label(self) -> str:
        if self.perspective is ParticipantPerspective.OTHER and self.other_perspective:
            return f"Other: {self.other_perspective}"
        return self.perspective.label

    def place_on(self, day: date) -> DayPlace | None:
        return next((place for place in self.days if place.day == day), None)

    def invite_to(self, days: Iterable[date]) -> None:
        """Invite to exactly these days: days already listed keep their reply and attendance."""
        wanted = sorted(set(days))
        self.days = [self.place_on(day) or DayPlace(day=day) for day in wanted]

    def _place(self, day: date) -> DayPlace:
        place = self.place_on(day)
        if place is None:
            raise DomainError(f"{self.name} is not invited to {day:%d/%m/%Y}. Invite them first.", "day")
        return place

    def _replace(self, changed: DayPlace) -> None:
        self.days = [changed if p.day == changed.day else p for p in self.days]

    def set_reply(self, day: date, reply: Reply) -> None:
        """Note their reply for one day they are invited to."""
        self._replace(self._place(day).model_copy(update={"reply": Reply(reply)}))

    def set_attended(self, day: date, attended: bool | None) -> None:
        """Note whether they came on one day they were invited to (None: not known)."""
        self._replace(self._place(day).model_copy(update={"attended": attended}))


class Counting(StrEnum):
    """Which people a day's balance counts."""

    INVITED = "invited"
    COMING = "coming"  # replied that they are coming
    CAME = "came"  # recorded as having come


class BalanceWarning(StrEnum):
    MISSING = "missing"  # a key perspective has nobody
    SMALL = "small"  # a key perspective has under half as many as the biggest
    NO_PERSON = "no_person"  # families and carers, but nobody who uses services themselves
    FEW = "few"  # fewer than 15 people in all
    SMALLER_THAN_BEST = "smaller_than_best"  # 15 to 24 people
    MANY = "many"  # more than 30 people


@dataclass(frozen=True)
class Balance:
    """A day's participants by perspective, counted one way, and what the method would warn about."""

    day: date
    counting: Counting
    by_perspective: dict[ParticipantPerspective, int]
    by_side: dict[Side, int]
    total: int
    warnings: tuple[tuple[BalanceWarning, Side | None], ...]


def counted(participant: Participant, day: date, counting: Counting) -> bool:
    place = participant.place_on(day)
    if place is None:
        return False
    if counting is Counting.INVITED:
        return True
    if counting is Counting.COMING:
        return place.reply is Reply.COMING
    return place.attended is True


def best_counting(participants: Iterable[Participant], day: date) -> Counting:
    """What to judge a day by: who came once anyone's attendance is recorded, else who is coming once
    anyone has replied, else who is invited."""
    places = [p.place_on(day) for p in participants]
    if any(place is not None and place.attended is not None for place in places):
        return Counting.CAME
    if any(place is not None and place.reply is not Reply.NO_REPLY for place in places):
        return Counting.COMING
    return Counting.INVITED


def balance(participants: Iterable[Participant], day: date, counting: Counting) -> Balance:
    """Count one day's participants by perspective, and warn when a key perspective is missing or small
    (under half the biggest: the method asks for roughly equal numbers), when nobody who uses services is
    there, and when the day is smaller or bigger than the guides suggest."""
    chosen = [p for p in participants if counted(p, day, counting)]
    by_perspective = Counter(p.perspective for p in chosen)
    by_side = Counter(p.side for p in chosen)
    warnings: list[tuple[BalanceWarning, Side | None]] = []
    biggest = max((by_side[side] for side in KEY_SIDES), default=0)
    for side in KEY_SIDES:
        if not by_side[side]:
            warnings.append((BalanceWarning.MISSING, side))
        elif by_side[side] * 2 < biggest:
            warnings.append((BalanceWarning.SMALL, side))
    if by_side[Side.PEOPLE] and not by_perspective[ParticipantPerspective.PERSON]:
        warnings.append((BalanceWarning.NO_PERSON, None))
    total = len(chosen)
    if total < FEWEST:
        warnings.append((BalanceWarning.FEW, None))
    elif total < BEST_FEWEST:
        warnings.append((BalanceWarning.SMALLER_THAN_BEST, None))
    elif total > BEST_MOST:
        warnings.append((BalanceWarning.MANY, None))
    return Balance(
        day=day,
        counting=counting,
        by_perspective={p: by_perspective[p] for p in ParticipantPerspective},
        by_side={s: by_side[s] for s in Side},
        total=total,
        warnings=tuple(warnings),
    )


class Come(StrEnum):
    """Whether the person would like to come to the workshops (asked at the end of their review)."""

    NOT_ASKED = "not_asked"
    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


class WorkshopWish(StrictModel):
    """On a review: whether the person would like to come to the workshops, and what would help them take
    part (access needs). Seen only by those who may open the review."""

    come: Come = Come.NOT_ASKED
    access_needs: Text = ""


class WorkshopArrangements(Record):
    """What the invitation tells people about the workshop days: where, at what time, the help there is to
    take part (one item a line: "step-free entrance", "hearing loop"), and who to tell if they can come."""

    project_id: RecordId
    place: Text = ""
    times: Text = ""
    help_on_offer: Text = ""
    contact: Text = ""
