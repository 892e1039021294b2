"""Who takes part: participants' days, replies and attendance, and each day's balance of perspectives
against the method's guidance (three key perspectives in roughly equal numbers, 25 to 30 people)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tests import factories as f
from wtfc_collect.domain import DomainError, Participant
from wtfc_collect.domain.participation import (
    BalanceWarning,
    Counting,
    ParticipantPerspective,
    Reply,
    Side,
    balance,
    best_counting,
)

DAY = date(2027, 3, 2)
DAY_TWO = DAY + timedelta(weeks=2)
P = ParticipantPerspective


def person(
    perspective: ParticipantPerspective, days: tuple[date, ...] = (DAY,), **extra: object
) -> Participant:
    made = Participant(
        id=f.new_id(),
        project_id="a" * 32,
        name="Someone",
        perspective=perspective,
        other_perspective="Advocacy" if perspective is P.OTHER else None,
        created_at=f.NOW,
        **extra,  # type: ignore[arg-type]
    )
    made.invite_to(days)
    return made


def room(
    people: int, families: int, providers: int, commissioners: int, others: int = 0
) -> list[Participant]:
    mix = [(P.PERSON, people), (P.FAMILY, families), (P.PROVIDER, providers), (P.COMMISSIONER, commissioners)]
    return [person(p) for p, n in [*mix, (P.OTHER, others)] for _ in range(n)]


def test_an_other_perspective_must_be_named_and_a_day_listed_once() -> None:
    with pytest.raises(ValidationError, match="which perspective"):
        Participant(id=f.new_id(), project_id="a" * 32, name="Bo", perspective=P.OTHER, created_at=f.NOW)
    someone = person(P.OTHER)
    assert someone.side is Side.OTHERS and someone.perspective_label == "Other: Advocacy"
    with pytest.raises(ValidationError, match="once"):
        someone.days = [*someone.days, *someone.days]


def test_inviting_again_keeps_the_replies_of_the_days_kept() -> None:
    someone = person(P.PERSON, (DAY, DAY_TWO))
    someone.set_reply(DAY, Reply.COMING)
    someone.set_attended(DAY, True)
    someone.invite_to([DAY])
    assert [(p.day, p.reply, p.attended) for p in someone.days] == [(DAY, Reply.COMING, True)]
    with pytest.raises(DomainError, match="not invited"):
        someone.set_reply(DAY_TWO, Reply.COMING)


def test_a_balanced_room_of_the_right_size_has_nothing_to_warn_about() -> None:
    found = balance(room(6, 3, 9, 8, others=2), DAY, Counting.INVITED)
    assert found.total == 28
    assert found.by_side == {Side.PEOPLE: 9, Side.PROVIDERS: 9, Side.COMMISSIONERS: 8, Side.OTHERS: 2}
    assert found.warnings == ()


@pytest.mark.parametrize(
    ("mix", "warnings"),
    [
        (
            (6, 3, 9, 0),
            ((BalanceWarning.MISSING, Side.COMMISSIONERS), (BalanceWarning.SMALLER_THAN_BEST, None)),
        ),
        ((10, 4, 10, 3), ((BalanceWarning.SMALL, Side.COMMISSIONERS),)),  # 3 is under half of 14
        ((0, 9, 9, 9), ((BalanceWarning.NO_PERSON, None),)),
        ((5, 3, 5, 5), ((BalanceWarning.SMALLER_THAN_BEST, None),)),
        ((1, 1, 5, 5), ((BalanceWarning.SMALL, Side.PEOPLE), (BalanceWarning.FEW, None))),
        ((10, 4, 12, 12), ((BalanceWarning.MANY, None),)),
        (
            (0, 0, 0, 0),
            (
                (BalanceWarning.MISSING, Side.PEOPLE),
                (BalanceWarning.MISSING, Side.PROVIDERS),
                (BalanceWarning.MISSING, Side.COMMISSIONERS),
                (BalanceWarning.FEW, None),
            ),
        ),
    ],
)
def test_a_missing_or_small_perspective_and_an_odd_size_are_warned_about(
    mix: tuple[int, int, int, int], warnings: tuple[tuple[BalanceWarning, Side | None], ...]
) -> None:
    assert balance(room(*mix), DAY, Counting.INVITED).warnings == warnings


def test_invited_coming_and_came_are_counted_apart_and_the_day_is_judged_by_the_latest() -> None:
    everyone = room(2, 1, 2, 2)
    assert best_counting(everyone, DAY) is Counting.INVITED
    everyone[0].set_reply(DAY, Reply.COMING)
    everyone[1].set_reply(DAY, Reply.NOT_COMING)
    assert best_counting(everyone, DAY) is Counting.COMING
    everyone[0].set_attended(DAY, True)
    everyone[2].set_attended(DAY, False)
    assert best_counting(everyone, DAY) is Counting.CAME
    assert balance(everyone, DAY, Counting.INVITED).total == 7
    assert balance(everyone, DAY, Counting.COMING).total == 1
    came = balance(everyone, DAY, Counting.CAME)
    assert came.total == 1 and came.by_perspective[P.PERSON] == 1
    assert balance(everyone, DAY_TWO, Counting.INVITED).total == 0  # nobody invited that day


@given(st.lists(st.sampled_from(ParticipantPerspective), max_size=40))
def test_the_counts_add_up(perspectives: list[ParticipantPerspective]) -> None:
    found = balance([person(p) for p in perspectives], DAY, Counting.INVITED)
    assert (
        found.total == len(perspectives) == sum(found.by_side.values()) == sum(found.by_perspective.values())
    )
    sides = {side for warning, side in found.warnings if warning is BalanceWarning.MISSING}
    assert sides == {s for s in (Side.PEOPLE, Side.PROVIDERS, Side.COMMISSIONERS) if not found.by_side[s]}
