"""The demo's follow-up to the reviews and its workshop guests.

``follow_up`` is pure: for some of the demo reviews it records whether the person would like to come to the
workshops (with what would help them), and the actions for the person each review led to. ``seed`` adds
the people invited to the two workshop days, through the same use case as the Who takes part screen: a
mix of perspectives with a few replies still to come, and too few commissioners, so the balance view has
something to say. ``attendance`` notes who came on the days already held.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from wtfc_collect.domain import Question, Review, ReviewStatus
from wtfc_collect.domain.participation import Come, ParticipantPerspective, Reply
from wtfc_collect.services.workshop import participation
from wtfc_collect.storage.port import Repository

ACTOR = "demo"
NEEDS = (
    "Step-free access and a seat near the door",
    "Large print, and a break every hour",
    "Her daughter comes with her",
    "A quiet room to take a break in",
    "Transport there and back",
)
ACTIONS = (
    ("Find a swimming session with a friend on a weekday", "Key worker"),
    ("Change the morning visit to after 9", "Home care coordinator"),
    ("Put the bus pass renewal in the diary", "The person, with their sister"),
    ("Ask the day centre about the Thursday art group", "Reviewer"),
    ("Arrange the same two carers each week", "Home care coordinator"),
)
# (name, perspective, other perspective, organisation, access needs, from the reviews)
GUESTS: tuple[tuple[str, ParticipantPerspective, str | None, str | None, str, bool], ...] = (
    ("Maureen", ParticipantPerspective.PERSON, None, None, "Step-free access", True),
    ("Desmond", ParticipantPerspective.PERSON, None, None, "Large print", True),
    ("Priya", ParticipantPerspective.PERSON, None, None, "", False),
    ("Leon", ParticipantPerspective.PERSON, None, None, "Comes with his support worker", True),
    ("Grace", ParticipantPerspective.PERSON, None, None, "", False),
    ("Tomasz", ParticipantPerspective.PERSON, None, None, "A quiet room for breaks", False),
    ("Jean", ParticipantPerspective.FAMILY, None, None, "", False),
    ("Colin", ParticipantPerspective.FAMILY, None, None, "Needs to leave by 2pm", False),
    ("Aisha", ParticipantPerspective.FAMILY, None, None, "", False),
    ("Ruth", ParticipantPerspective.PROVIDER, None, "Manager, Riverside day service", "", False),
    ("Kwame", ParticipantPerspective.PROVIDER, None, "Home support east", "", False),
    ("Sinead", ParticipantPerspective.PROVIDER, None, "Supported living, North Northvale", "", False),
    ("Hannah", ParticipantPerspective.PROVIDER, None, "North community team", "", False),
    ("Gareth", ParticipantPerspective.PROVIDER, None, "Home support east", "", False),
    ("Olu", ParticipantPerspective.PROVIDER, None, "Riverside day service", "", False),
    (
        "Margaret",
        ParticipantPerspective.COMMISSIONER,
        None,
        "Commissioning manager, Northvale council",
        "",
        False,
    ),
    ("Dev", ParticipantPerspective.COMMISSIONER, None, "Health and care partnership", "", False),
    ("Bethan", ParticipantPerspective.OTHER, "User-led organisation", "Northvale People First", "", False),
    ("Sam", ParticipantPerspective.OTHER, "Advocacy", "Northvale Advocacy", "", False),
)


def follow_up(reviews: Sequence[Review], now: datetime) -> list[Review]:
    """The reviews, with workshop wishes and actions for the person on some of them (reviews sent in)."""
    done: list[Review] = []
    sent_in = 0
    for review in reviews:
        if review.status is ReviewStatus.SUBMITTED:
            sent_in += 1
            _wish(review, sent_in, now)
            _actions(review, sent_in, now)
        done.append(review)
    return done


def _wish(review: Review, number: int, now: datetime) -> None:
    come = [Come.YES, Come.NO, Come.MAYBE, Come.NOT_ASKED, Come.YES][number % 5]
    needs = NEEDS[number % len(NEEDS)] if come in (Come.YES, Come.MAYBE) and number % 2 else ""
    review.set_workshop_wish(come, needs, now)


def _actions(review: Review, number: int, now: datetime) -> None:
    if number % 3:
        return
    what, who = ACTIONS[number // 3 % len(ACTIONS)]
    about = next(iter(review.prioritised(Question.NOT_WORKING)), None)
    action = review.add_action(
        what,
        who,
        review.review_date + timedelta(weeks=4),
        about.id if about else None,
        by=ACTOR,
        now=now,
    )
    if number % 2:
        review.set_action_done(action.id, review.review_date + timedelta(weeks=2), now)


def seed(repo: Repository, project_id: str, now: datetime) -> int:
    """Invite the demo guests to the workshop days, with some replies in. Returns how many were added."""
    days = participation.workshop_days(repo, project_id)
    if not days:
        return 0
    for number, (name, perspective, other, organisation, needs, from_reviews) in enumerate(GUESTS):
        details = {
            "name": name,
            "perspective": perspective,
            "other_perspective": other,
            "organisation": organisation,
            "access_needs": needs,
            "from_reviews": from_reviews,
        }
        invited = days if number % 4 else days[:1]  # some come to the first day only
        added = participation.add_participant(repo, project_id, details, invited, actor=ACTOR, now=now)
        reply = [Reply.COMING, Reply.COMING, Reply.NO_REPLY, Reply.COMING, Reply.NOT_COMING][number % 5]
        participation.record_reply(repo, added.id, days[0], reply, actor=ACTOR, now=now)
    return len(GUESTS)


def attendance(repo: Repository, project_id: str, now: datetime) -> int:
    """Note who came on the workshop days held before ``now``: those who said they were coming came, but
    one in five of them could not make it on the day, and a few who never replied came all the same.
    Returns how many came, over all days."""
    held = [day for day in participation.workshop_days(repo, project_id) if day < now.date()]
    came = 0
    for number, person in enumerate(participation.participants(repo, project_id)):
        for place in person.days:
            if place.day not in held:
                continue
            if place.reply is Reply.COMING:
                here = number % 5 != 4
            else:
                here = place.reply is Reply.NO_REPLY and number % 3 == 0
            participation.record_attendance(repo, person.id, place.day, here, actor=ACTOR, now=now)
            came += here
    return came
