"""A demo project to try the tool with: Step 1's plan and Step 2's reviews for an invented town, Northvale.

``build_demo`` is pure: it reads only the statement bank shipped beside this module, never the clock, and
gives the same project and reviews for the same ``now`` and ``seed``. Most statements are good, first-person
and specific. About one in five has a problem the quality checkpoint should find (jargon, third person,
services instead of a life, vague answers, one sentence copied across people, personal data). The problems
are concentrated in one team, and mostly one reviewer, so poor practice can be traced, as the method expects.

Up to about 60 reviews (the plan's target) no statement is given to two people, vague answers aside, so
the only copies the quality checker finds are the one reviewer's pasted sentence. Larger demos have to give
statements out again (see ``demo_bank``): a good statement then comes in a new wording (another day or
relative, a short spoken ending) that the checker does not count as a copy, while flawed ones repeat as they
are. Each statement has only a few wordings (7 for most), so demos of more than about 500 reviews, such as
the benchmarks' 10,000, contain many repeats, and the checker reports them as copies.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from wtfc_collect.demo.bank import (
    BACKGROUND_KIND_WEIGHTS,
    FLAW_KINDS,
    POOR_KIND_WEIGHTS,
    BankEntry,
    Dealer,
    copied_sentence,
    demo_flaws,
    load_bank,
)
from wtfc_collect.domain import (
    Consent,
    ConsentGiver,
    Level,
    Project,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    SamplePlan,
    SampleTarget,
    Speaker,
    Statement,
    WithdrawalReason,
    utc,
)

__all__ = [
    "FLAW_KINDS",
    "POOR_REVIEWER",
    "POOR_TEAM",
    "build_demo",
    "copied_sentence",
    "demo_flaws",
    "load_bank",
]

GROUPS = {
    "Older people": "older_people",
    "Learning disability": "learning_disability",
    "Mental health": "mental_health",
}
AREAS = ("North Northvale", "East Northvale")
SERVICE_TYPES = ("Day service", "Home care", "Supported living")
POOR_TEAM = "North community team"
POOR_REVIEWER = "Tom"
PERSON_REF_PREFIX = "NV-"


@dataclass(frozen=True)
class _Team:
    name: str
    reviewers: tuple[str, str]
    area_weights: tuple[int, int]  # in the order of AREAS
    service_weights: tuple[int, int, int]  # in the order of SERVICE_TYPES
    flaw_rates: tuple[float, float]  # chance a statement is flawed, per reviewer


TEAMS = (
    _Team(POOR_TEAM, ("Sandra", POOR_REVIEWER), (85, 15), (15, 45, 40), (0.3, 0.75)),
    _Team("Riverside day service", ("Amira", "Joe"), (50, 50), (90, 0, 10), (0.04, 0.04)),
    _Team("Home support east", ("Bev", "Kwame"), (15, 85), (0, 80, 20), (0.04, 0.04)),
)
# Which groups use which kind of service (Older people, Learning disability, Mental health).
GROUP_WEIGHTS = {"Day service": (50, 40, 10), "Home care": (70, 10, 20), "Supported living": (0, 55, 45)}
SELF_REVIEW_EVERY = 7
SELF_REVIEW_FLAW_RATE = 0.04
# Family who may sit in on a review, by group, and the legal role a representative giving consent holds.
FAMILY = {
    "Older people": ("Daughter", "Son", "Daughter-in-law"),
    "Learning disability": ("Mum", "Dad", "Sister"),
    "Mental health": ("Mum", "Dad", "Sister"),
}
# The bank's statements from family carers, speaking for themselves.
CARER_BANK = {
    "Older people": "carer_older",
    "Learning disability": "carer_younger",
    "Mental health": "carer_younger",
}
REPRESENTATIVE_ROLE = {
    "Older people": "lasting power of attorney for health and welfare",
    "Learning disability": "court-appointed deputy for health and welfare",
}


# --- the project --------------------------------------------------------------------------------------
def _weekday(day: date) -> date:
    """The same day, or the Monday after when it falls at a weekend."""
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _say(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _hex_id(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _project(now: datetime, rng: random.Random) -> Project:
    today = now.date()
    finish = _weekday(today + timedelta(weeks=5))
    workshop_1 = _weekday(finish + timedelta(weeks=2))
    workshop_2 = _weekday(workshop_1 + timedelta(weeks=2))
    plan = SamplePlan(
        what="Adults in Northvale who use day services, home care or supported living: older people, "
        "people with a learning disability and people with mental health needs.",
        how="Person-centred reviews with the three questions, and a one-page self-review form for people "
        "who would rather fill it in themselves or with family.",
        who="Reviewers from the North community team, Riverside day service and Home support east, "
        "two from each team.",
        where="People's homes, Riverside day centre and the supported living houses in North and "
        "East Northvale.",
        when=f"All reviews finished by {_say(finish)}, two weeks before the first workshop. "
        "Quality checkpoint half way through.",
        target_reviews=60,
        team_targets=[SampleTarget(name=team.name, target=20) for team in TEAMS],
        service_type_targets=[
            SampleTarget(name=name, target=target)
            for name, target in zip(SERVICE_TYPES, (20, 25, 15), strict=True)
        ],
    )
    return Project(
        id=_hex_id(rng),
        name="Day and home support in Northvale",
        purpose="We are using WTfC to hear from people who use day services, home care and supported living "
        "in Northvale what is working and not working in their lives, so that the council and "
        "providers change the support together, starting with what matters most to people.",
        level=Level.SERVICE,
        sample_plan=plan,
        people_at_level=480,
        collection_start=today - timedelta(weeks=5),
        checkpoint_date=_weekday(today + timedelta(days=2)),
        workshop_dates=[workshop_1, workshop_2],
        teams=[team.name for team in TEAMS],
        areas=list(AREAS),
        groups=list(GROUPS),
        service_types=list(SERVICE_TYPES),
        created_at=now - timedelta(weeks=9),
    )


# --- the reviews -------------------------------------------------------------------------------------
@dataclass
class _Plan:
    """Who, where and when for one review, before its statements are written."""

    team: _Team
    reviewer: str | None  # None for a self-review
    area: str
    service_type: str
    group: str
    day: date
    status: ReviewStatus = ReviewStatus.SUBMITTED


def _plans(rng: random.Random, count: int, today: date) -> list[_Plan]:
    teams = [TEAMS[i % len(TEAMS)] for i in range(count)]
    rng.shuffle(teams)
    # Reviewers in a team take turns; about one review in seven is a self-review.
    turn = {team.name: rng.randrange(2) for team in TEAMS}
    seen = {team.name: rng.randrange(SELF_REVIEW_EVERY) for team in TEAMS}
    plans: list[_Plan] = []
    for team in teams:
        reviewer: str | None = None
        seen[team.name] += 1
        if seen[team.name] % SELF_REVIEW_EVERY:
            reviewer = team.reviewers[turn[team.name] % 2]
            turn[team.name] += 1
        service_type = rng.choices(SERVICE_TYPES, weights=team.service_weights)[0]
        group = rng.choices(list(GROUPS), weights=GROUP_WEIGHTS[service_type])[0]
        day = today - timedelta(days=rng.randint(1, 35))
        if day.weekday() >= 5:
            day -= timedelta(days=day.weekday() - 4)  # reviews happen on weekdays: move to the Friday
        area = rng.choices(AREAS, weights=team.area_weights)[0]
        plans.append(_Plan(team, reviewer, area, service_type, group, day))
    plans.sort(key=lambda plan: plan.day)
    # The newest few are still being written; a few older ones were withdrawn after they were sent in.
    drafts = count // 10
    for plan in plans[count - drafts :]:
        plan.status = ReviewStatus.DRAFT
    withdrawn = round(count * 0.05)
    for plan in rng.sample(plans[: count - drafts], min(withdrawn, count - drafts)):
        plan.status = ReviewStatus.WITHDRAWN
    return plans


def _counts(rng: random.Random) -> dict[Question, int]:
    """How many things the person said for each question: 2 to 4 each, 6 to 10 in all."""
    counts = {q: rng.choices((2, 3, 4), weights=(40, 45, 15))[0] for q in Question}
    while sum(counts.values()) > 10:
        counts[max(counts, key=lambda q: counts[q])] -= 1
    return counts


def _speaker(rng: random.Random, plan: _Plan, flawed: bool, family: bool) -> Speaker:
    """Who said it: mostly the person; family only when they were there; staff only in a staffed review."""
    roll = rng.random()
    if plan.reviewer is None:
        return Speaker.FAMILY_OR_CARER if family and roll < 0.3 else Speaker.PERSON
    if flawed:
        return Speaker.STAFF_ON_BEHALF if roll < 0.3 else Speaker.PERSON
    if roll < 0.07:
        return Speaker.STAFF_ON_BEHALF
    return Speaker.FAMILY_OR_CARER if family and roll < 0.45 else Speaker.PERSON


def _flaw_rate(plan: _Plan) -> tuple[float, dict[str, float]]:
    if plan.reviewer is None:
        return SELF_REVIEW_FLAW_RATE, BACKGROUND_KIND_WEIGHTS
    rate = plan.team.flaw_rates[plan.team.reviewers.index(plan.reviewer)]
    return rate, POOR_KIND_WEIGHTS if plan.team.name == POOR_TEAM else BACKGROUND_KIND_WEIGHTS


def _statements(
    rng: random.Random, dealer: Dealer, plan: _Plan, copy: bool, family: bool, at: datetime
) -> list[Statement]:
    rate, kinds = _flaw_rate(plan)
    led_by_staff = plan.team.name == POOR_TEAM and plan.reviewer is not None
    mine = (GROUPS[plan.group], "anyone")
    statements: list[Statement] = []
    for question, count in _counts(rng).items():
        chosen: list[tuple[BankEntry, str, Speaker]] = []
        if copy and question is Question.FUTURE:
            chosen.append((*dealer.deal(question, kind="duplicate"), Speaker.PERSON))
        while len(chosen) < count:
            flawed = rng.random() < rate
            speaker = _speaker(rng, plan, flawed, family)
            skip = {entry.text for entry, _, _ in chosen}
            carer = (CARER_BANK[plan.group],)
            if flawed:
                dealt = dealer.flawed(question, kinds, skip)
            elif (
                speaker is Speaker.FAMILY_OR_CARER
                and rng.random() < 0.5
                # Family speak for themselves unless all their statements are used and the person's are not.
                and (dealer.fresh(question, carer, skip=skip) or not dealer.fresh(question, mine, skip=skip))
            ):
                dealt = dealer.deal(question, carer, skip=skip)
            else:
                dealt = dealer.deal(question, mine, skip=skip)
            chosen.append((*dealt, speaker))
        # The person picks their top two. Where staff led the review, their own wording tends to win.
        order = list(range(len(chosen)))
        rng.shuffle(order)
        if led_by_staff:
            order.sort(key=lambda i: chosen[i][0].flaw is None)
        for index, (_, text, speaker) in enumerate(chosen):
            statements.append(
                Statement(
                    id=_hex_id(rng),
                    question=question,
                    text=text,
                    said_by=speaker,
                    priority=1 if index == order[0] else 2 if index == order[1] else None,
                    created_at=at + timedelta(minutes=3 * len(statements)),
                )
            )
    return statements


def _review(
    rng: random.Random, dealer: Dealer, plan: _Plan, ref: str, project_id: str, now: datetime, copy: bool
) -> Review:
    started = min(datetime.combine(plan.day, time(rng.randint(9, 15), rng.choice((0, 15, 30, 45))), UTC), now)
    relative = rng.choice(FAMILY[plan.group]) if rng.random() < 0.4 else None
    consent: Consent | None = None
    if plan.status is not ReviewStatus.DRAFT or rng.random() < 0.5:
        consent = Consent(given=True, recorded_on=plan.day)
        if plan.group in REPRESENTATIVE_ROLE and rng.random() < 0.12:
            relative = relative or rng.choice(FAMILY[plan.group])
            consent = Consent(
                given=True,
                recorded_on=plan.day,
                given_by=ConsentGiver.REPRESENTATIVE,
                representative_role=f"{relative}, {REPRESENTATIVE_ROLE[plan.group]}",
            )
    statements = _statements(rng, dealer, plan, copy, relative is not None, started)
    people = ["The person", *([relative] if relative else [])]
    if plan.reviewer:
        people.append(f"{plan.reviewer} ({plan.team.name})")
    if plan.status is ReviewStatus.DRAFT and consent is not None:
        for statement in statements:  # not finished: the person has not picked their top two yet
            if statement.question is Question.FUTURE:
                statement.priority = None
    review = Review(
        id=_hex_id(rng),
        project_id=project_id,
        person_ref=ref,
        review_date=plan.day,
        mode=ReviewMode.SELF if plan.reviewer is None else ReviewMode.WITH_STAFF,
        team=plan.team.name,
        reviewer=plan.reviewer,
        service_type=plan.service_type,
        area=plan.area,
        group=plan.group,
        participants=people,
        consent=consent,
        statements=statements,
        created_at=started,
        updated_at=statements[-1].created_at if statements else started,
    )
    if plan.status is not ReviewStatus.DRAFT:
        review.submit(min(review.updated_at + timedelta(minutes=rng.randint(5, 240)), now))
    if plan.status is ReviewStatus.WITHDRAWN:
        sent = review.submitted_at or now
        review.withdraw(
            WithdrawalReason.PERSON_ASKED,
            min(sent + timedelta(days=rng.randint(1, 6)), now),
            "Asked on the phone; the reviewer told the team.",
        )
    return review


def build_demo(now: datetime, reviews: int = 40, seed: int = 7) -> tuple[Project, list[Review]]:
    """A realistic demo project and ``reviews`` reviews for it, the same every time for the same seed.

    Reviews are dated over the five weeks before ``now``; the checkpoint is two days after ``now`` and the
    two workshops follow the end of collection.
    """
    if reviews < 1:
        raise ValueError("ask for at least one review")
    now = utc(now)
    rng = random.Random(seed)
    project = _project(now, rng)
    dealer = Dealer(rng, load_bank())
    made: list[Review] = []
    pasted = 0
    for number, plan in enumerate(_plans(rng, reviews, now.date()), start=1):
        # The poor reviewer pastes the same sentence into most of the reviews they write.
        copy = plan.reviewer == POOR_REVIEWER and pasted % 4 != 3
        if plan.reviewer == POOR_REVIEWER:
            pasted += 1
        made.append(_review(rng, dealer, plan, f"{PERSON_REF_PREFIX}{number:04d}", project.id, now, copy))
    return project, made
