"""Store figures: save latency as the embedded store grows, concurrent saves, file size.

Each save of a changed review rewrites the whole TinyDB file (safely, via a temporary file), so the
latency grows with the store; these figures show where that stops being comfortable. The stores are
filled with ``benchmarks.scale`` (real people's words, 6 to 10 statements a review).
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.scale import build_project
from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, Speaker, TriageStatus
from wtfc_collect.storage.port import Repository

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
TARGET_P95_MS = 100.0


def percentile(values: list[float], share: float) -> float:
    """The value at ``share`` (0 to 1) of the sorted values, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _one_change(repo: Repository, review: Review, index: int) -> Review:
    """A realistic edit: a decision on one of the statements that is not in the person's top two."""
    current = repo.get(Review, review.id)
    assert current is not None
    spare = [s for s in current.statements if s.priority is None] or current.statements
    spare[index % len(spare)].decide(TriageStatus.ASK_AGAIN, "bench", NOW + timedelta(seconds=index),
                                     "benchmark: ask again")
    return current


def timed_saves(repo: Repository, project_id: str, saves: int) -> list[float]:
    """Milliseconds of each of ``saves`` saves of one changed review of the project (``repo.save`` alone)."""
    stored = repo.find(Review, project_id=project_id)
    timings: list[float] = []
    for index in range(saves):
        changed = _one_change(repo, stored[(index * 7919) % len(stored)], index)
        started = time.perf_counter()
        repo.save(changed)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def save_latency(reviews: int, saves: int = 40) -> dict[str, float]:
    """A fresh file store with ``reviews`` reviews; time ``saves`` saves of one changed review each.

    Timed is ``repo.save`` alone (reading the review first is not counted): the part that rewrites the file.
    """
    with tempfile.TemporaryDirectory() as folder:
        repo = bootstrap.build_repository(Path(folder))
        started = time.perf_counter()
        project = build_project(repo, reviews, workshop=False)
        fill_s = time.perf_counter() - started
        timings = timed_saves(repo, project.id, saves)
        size = bootstrap.store_path(Path(folder)).stat().st_size
    return {
        "reviews": reviews,
        "saves": saves,
        "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
        "max_ms": max(timings),
        "file_mb": size / 1_000_000,
        "fill_s": fill_s,
    }


def crossing(rows: list[dict[str, float]], target_ms: float = TARGET_P95_MS) -> dict[str, float | None]:
    """The largest measured store meeting the p95 target, the smallest missing it, and an estimate of the
    size where p95 reaches the target: a straight line between the two measured sizes either side of it
    (the cost of a save is about proportional to the file); None when the target is not crossed."""
    ordered = sorted(rows, key=lambda row: row["reviews"])
    passing = [row for row in ordered if row["p95_ms"] <= target_ms]
    failing = [row for row in ordered if row["p95_ms"] > target_ms]
    estimate: float | None = None
    if passing and failing:
        low = max(passing, key=lambda row: row["reviews"])
        above = [row for row in failing if row["reviews"] > low["reviews"]]
        if above:
            high = min(above, key=lambda row: row["reviews"])
            share = (target_ms - low["p95_ms"]) / (high["p95_ms"] - low["p95_ms"])
            estimate = low["reviews"] + share * (high["reviews"] - low["reviews"])
    return {
        "largest_passing": max(row["reviews"] for row in passing) if passing else None,
        "smallest_failing": min(row["reviews"] for row in failing) if failing else None,
        "estimate": estimate,
    }


def concurrent_saves(threads: int = 20, per_thread: int = 50, existing: int = 0) -> dict[str, float]:
    """``threads`` sessions, each saving ``per_thread`` new reviews at once (on a store already holding
    ``existing`` reviews); then count, from a fresh read of the file, what was lost."""
    with tempfile.TemporaryDirectory() as folder:
        repo = bootstrap.build_repository(Path(folder))
        project = build_project(repo, existing, workshop=False)
        errors: list[BaseException] = []

        def work(worker: int) -> None:
            try:
                for n in range(per_thread):
                    review = Review(
                        id=f"{worker:08x}{n:024x}",
                        project_id=project.id,
                        person_ref=f"T{worker}-{n}",
                        review_date=NOW.date(),
                        created_at=NOW,
                        updated_at=NOW,
                    )
                    review.add_statement(Question.WORKING, f"Thread {worker} note {n}", Speaker.PERSON, NOW)
                    repo.save(review)
            except BaseException as error:
                errors.append(error)

        started = time.perf_counter()
        workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        seconds = time.perf_counter() - started
        from wtfc_collect.storage import tinydb_store

        saved = set(tinydb_store.read_store(bootstrap.store_path(Path(folder))).get("reviews", {}))
    expected = {f"{w:08x}{n:024x}" for w in range(threads) for n in range(per_thread)}
    return {
        "saves": len(expected),
        "lost": len(expected - saved),
        "errors": len(errors),
        "seconds": seconds,
        "existing": existing,
    }
