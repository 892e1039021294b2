"""Projects at scale for the benchmarks (and for trying the app with many reviews).

``build_project(repo, 1_000)`` stores one project and 1,000 reviews sent in with consent, each with 6 to 10
statements across the three questions and the person's top two chosen for each. The words are real people's:
NHS Friends & Family Test comments (shared/data/nhs_fft_comments.csv), kind ones for "what is working",
complaints for "what is not working" and wishes ("more …", "would …") for "the future"; without that file
the demo statement bank is used. Each person's top two are accepted at the checkpoint with their workshop
copy confirmed (the other statements are left unchecked, as the triage screen leaves them), so their
top-two statements pass ``services.checkpoint.check_statements.workshop_statements`` — except every fifth
review's, which still wait for a decision on Check statements, as half way through the checkpoint. With
``workshop=True`` the card call has begun: a few hundred cards of each question sorted into the demo's
themes, twelve people's dots on the "not working" themes, and the top four taken forward.

Records are built directly (validated domain objects, the same every time for the same seed) and stored with
``save_all`` in batches: 10,000 reviews took about 6 s into memory and 10 s into a file (2 cores).

Command line: ``python -m benchmarks.scale --reviews 1000 --data-dir DIR`` writes a TinyDB store in DIR
(then ``WTFC_DATA_DIR=DIR streamlit run app.py`` opens it; add an account to sign in with first).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

from wtfc_collect.domain import (
    Consent,
    Level,
    Project,
    Question,
    Record,
    Review,
    ReviewMode,
    ReviewStatus,
    SamplePlan,
    SampleTarget,
    Speaker,
    Statement,
    TriageDecision,
    TriageStatus,
)
from wtfc_collect.domain.dot_votes import Vote, VoteTarget
from wtfc_collect.domain.theme import CardCall, CardMove, Theme
from wtfc_collect.storage.port import Repository

SHARED_DATA = Path(
    os.environ.get("WTFC_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data")
)
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
ACTOR = "bench"
BATCH = 2_000  # reviews per save_all: one file write each
CARDS_PER_QUESTION = 300  # cards sorted into themes per question (a card call holds at most 5,000 moves)
VOTERS = 12
DOTS = 3
TAKE_FORWARD = 4

TEAMS = {
    "North community team": ("Sandra", "Tom"),
    "Riverside day service": ("Amira", "Joe"),
    "Home support east": ("Bev", "Kwame"),
    "Hillside supported living": ("Priya", "Dan"),
    "West locality team": ("Grace", "Owen"),
    "Harbour day centre": ("Lena", "Sam"),
}
AREAS = ("North Northvale", "East Northvale", "West Northvale", "Harbourside")
GROUPS = ("Older people", "Learning disability", "Mental health")
SERVICE_TYPES = ("Day service", "Home care", "Supported living")
SELF_REVIEW_EVERY = 7
WAITING_EVERY = 5  # every fifth review's top two still wait for a decision on Check statements
_WISH = re.compile(r"\b(more|would|could|should|better|wish|hope|need|needs|if)\b", re.IGNORECASE)


# --- the words -------------------------------------------------------------------------------------------
def _criticality(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


@cache
def texts() -> dict[Question, tuple[str, ...]]:
    """Real words for each question: FFT comments (12 to 600 characters), or the demo bank without them."""
    path = SHARED_DATA / "nhs_fft_comments.csv"
    pools: dict[Question, list[str]] = {q: [] for q in Question}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text, level = " ".join(row["feedback"].split()), _criticality(row["criticality"])
                if level is None or not 12 <= len(text) <= 600:
                    continue
                if level >= 0 and row["label"] != "Couldn't be improved":
                    pools[Question.WORKING].append(text)
                elif level < 0:
                    pools[Question.FUTURE if _WISH.search(text) else Question.NOT_WORKING].append(text)
    if not all(pools.values()):
        from wtfc_collect.demo.project import load_bank

        pools = {q: [] for q in Question}
        for entry in load_bank():
            if entry.flaw is None and entry.question is not None:
                pools[entry.question].append(entry.text)
    return {q: tuple(pool) for q, pool in pools.items()}


# --- the records -----------------------------------------------------------------------------------------
def _hex(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _project(rng: random.Random, reviews: int, today: date) -> Project:
    each = -(-reviews // len(TEAMS))
    return Project(
        id=_hex(rng),
        name=f"Northvale at scale: {reviews:,} reviews",
        purpose="We are using WTfC to hear from many people what is working and not working in their lives, "
        "so that we know the tool keeps up with a large project.",
        level=Level.POPULATION,
        sample_plan=SamplePlan(
            what="Everyone using day services, home care or supported living in Northvale.",
            target_reviews=min(reviews, 100_000),
            team_targets=[SampleTarget(name=name, target=min(each, 100_000)) for name in TEAMS],
        ),
        checkpoint_date=today + timedelta(days=2),
        workshop_dates=[today + timedelta(weeks=3), today + timedelta(weeks=5)],
        teams=list(TEAMS),
        areas=list(AREAS),
        groups=list(GROUPS),
        service_types=list(SERVICE_TYPES),
        created_at=NOW - timedelta(weeks=9),
    )


def _counts(rng: random.Random) -> dict[Question, int]:
    """How many things the person said for each question: 2 to 4 each, 6 to 10 in all."""
    counts = {q: rng.choices((2, 3, 4), weights=(40, 45, 15))[0] for q in Question}
    while sum(counts.values()) > 10:
        counts[max(counts, key=lambda q: counts[q])] -= 1
    return counts


def _statements(
    rng: random.Random, started: datetime, checked: datetime, *, decided: bool = True
) -> list[Statement]:
    pools = texts()
    accepted = [TriageDecision(status=TriageStatus.ACCEPTED, by=ACTOR, at=checked)] if decided else []
    made: list[Statement] = []
    for question, count in _counts(rng).items():
        chosen = (
            rng.sample(pools[question], count)
            if len(pools[question]) >= count
            else [rng.choice(pools[question]) + f" ({n + 1})" for n in range(count)]
        )
        for index, text in enumerate(chosen):
            priority = 1 if index == 0 else 2 if index == 1 else None
            speaker = Speaker.PERSON if rng.random() < 0.85 else Speaker.FAMILY_OR_CARER
            made.append(
                Statement(
                    id=_hex(rng),
                    question=question,
                    text=text,
                    said_by=speaker,
                    priority=priority,
                    triage=accepted if priority else [],
                    anonymised_by=ACTOR if priority and decided else None,
                    anonymised_at=checked if priority and decided else None,
                    created_at=started + timedelta(minutes=3 * len(made)),
                )
            )
    return made


def _review(rng: random.Random, number: int, project: Project, today: date) -> Review:
    team = project.teams[number % len(project.teams)]
    self_review = number % SELF_REVIEW_EVERY == 0
    day = today - timedelta(days=rng.randint(1, 35))
    hour, minute = rng.randint(9, 15), rng.choice((0, 15, 30, 45))
    started = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
    sent = started + timedelta(minutes=rng.randint(40, 240))
    reviewer = None if self_review else TEAMS[team][number // len(TEAMS) % 2]
    checked = min(sent + timedelta(days=rng.randint(1, 5)), NOW)
    statements = _statements(rng, started, checked, decided=number % WAITING_EVERY != 0)
    return Review(
        id=_hex(rng),
        project_id=project.id,
        person_ref=f"BN-{number:05d}",
        review_date=day,
        mode=ReviewMode.SELF if self_review else ReviewMode.WITH_STAFF,
        team=team,
        reviewer=reviewer,
        service_type=rng.choice(SERVICE_TYPES),
        area=rng.choice(AREAS),
        group=rng.choice(GROUPS),
        participants=["The person", *([f"{reviewer} ({team})"] if reviewer else [])],
        consent=Consent(given=True, recorded_on=day),
        status=ReviewStatus.SUBMITTED,
        statements=statements,
        created_at=started,
        updated_at=sent,
        submitted_at=sent,
    )


def _workshop(rng: random.Random, project: Project, reviews: Sequence[Review]) -> list[Record]:
    """The card call begun: cards into the demo's themes, dots from twelve people, top four chosen."""
    from wtfc_collect.demo.workshop_theming import theme_for

    at = NOW + timedelta(hours=1)
    records: list[Record] = []
    themes_by_question: dict[Question, list[Theme]] = {}
    for question in Question:
        cards = [s for review in reviews for s in review.prioritised(question)][:CARDS_PER_QUESTION]
        by_name: dict[str, Theme] = {}
        moves: list[CardMove] = []
        for statement in cards:
            name = theme_for(question, statement.card_text)
            if name is None:
                continue  # left on the pile, still to be read out
            theme = by_name.get(name)
            if theme is None:
                theme = by_name[name] = Theme(
                    id=_hex(rng), project_id=project.id, question=question, name=name, created_at=at
                )
            theme.statement_ids.append(statement.id)
            moves.append(CardMove(statement_id=statement.id, to_theme_id=theme.id, at=at))
        themes_by_question[question] = list(by_name.values())
        records.append(CardCall(id=_hex(rng), project_id=project.id, question=question, moves=moves))
    ballot = sorted(themes_by_question[Question.NOT_WORKING], key=lambda t: -len(t.statement_ids))
    dots: dict[str, int] = {}
    if ballot:
        weights = [(len(t.statement_ids) + 1) ** 2 for t in ballot]
        for number in range(1, VOTERS + 1):
            picked: list[Theme] = []
            while len(picked) < min(DOTS, len(ballot)):
                theme = rng.choices(ballot, weights=weights)[0]
                if theme not in picked:
                    picked.append(theme)
            for theme in picked:
                dots[theme.id] = dots.get(theme.id, 0) + 1
                records.append(
                    Vote(
                        id=_hex(rng),
                        project_id=project.id,
                        target_kind=VoteTarget.THEME,
                        target_id=theme.id,
                        voter=f"Voter {number}",
                        at=at + timedelta(minutes=number),
                    )
                )
    for theme in sorted(ballot, key=lambda t: -dots.get(t.id, 0))[:TAKE_FORWARD]:
        theme.chosen = True
    return [*(t for themes in themes_by_question.values() for t in themes), *records]


def generate(reviews: int, *, seed: int = 0) -> tuple[Project, Iterator[Review]]:
    """The project and its reviews (made lazily), the same every time for the same seed."""
    if reviews < 0:
        raise ValueError("ask for zero or more reviews")
    rng = random.Random(seed)
    project = _project(rng, max(reviews, 1), NOW.date())
    return project, (_review(rng, number, project, NOW.date()) for number in range(1, reviews + 1))


def build_project(repo: Repository, reviews: int, *, seed: int = 0, workshop: bool = True) -> Project:
    """Store a project with ``reviews`` submitted reviews (and a card call begun when ``workshop``)."""
    project, made = generate(reviews, seed=seed)
    stored = repo.save(project)
    batch: list[Review] = []
    kept: list[Review] = []
    for review in made:
        batch.append(review)
        if len(batch) == BATCH:
            repo.save_all(batch)
            kept += batch if workshop and len(kept) < CARDS_PER_QUESTION else []
            batch = []
    if batch:
        repo.save_all(batch)
        kept += batch if workshop and len(kept) < CARDS_PER_QUESTION else []
    if workshop:
        repo.save_all(_workshop(random.Random(seed + 1), stored, kept))
    return stored


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__.split("\n")[0])
    parser.add_argument("--reviews", type=int, default=1_000, help="how many reviews (default 1,000)")
    parser.add_argument("--data-dir", type=Path, required=True, help="folder for the store (wtfc.json)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-workshop", action="store_true", help="no themes or votes")
    args = parser.parse_args(argv)
    from wtfc_collect import bootstrap

    folder = args.data_dir.expanduser().resolve()
    started = time.perf_counter()
    repo = bootstrap.build_repository(folder)
    project = build_project(repo, args.reviews, seed=args.seed, workshop=not args.no_workshop)
    size = bootstrap.store_path(folder).stat().st_size / 1e6
    print(
        f"{project.name}: stored in {bootstrap.store_path(folder)} ({size:.1f} MB) in "
        f"{time.perf_counter() - started:.1f} s.\nTry it: WTFC_DATA_DIR={folder} streamlit run app.py "
        f"(to sign in, first add an account: python -m wtfc_collect --data-dir {folder} create-admin)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
