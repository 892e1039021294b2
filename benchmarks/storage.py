"""Store figures: save latency as the embedded store grows, concurrent saves, file size.

Each save of a changed review rewrites the whole TinyDB file (safely, via a temporary file), so the
latency grows with the store; these figures show where that stops being comfortable.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, Speaker
from wtfc_collect.services.demo import build_demo

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def save_latency(reviews: int, saves: int = 40) -> dict[str, float]:
    """Fill a fresh store with ``reviews`` demo reviews, then time ``saves`` single review saves."""
    with tempfile.TemporaryDirectory() as folder:
        repo = bootstrap.build_repository(Path(folder))
        project, demo_reviews = build_demo(now=NOW, reviews=reviews)
        repo.save_all([project, *demo_reviews])
        drafts = [r for r in repo.find(Review, project_id=project.id)][:saves]
        timings: list[float] = []
        for index, review in enumerate(drafts * (saves // max(len(drafts), 1) + 1)):
            if len(timings) == saves:
                break
            current = repo.get(Review, review.id)
            assert current is not None
            current.updated_at = NOW.replace(second=index % 60)
            started = time.perf_counter()
            repo.save(current)
            timings.append((time.perf_counter() - started) * 1000)
        size = bootstrap.store_path(Path(folder)).stat().st_size
    return {
        "reviews": reviews,
        "p50_ms": statistics.median(timings),
        "p95_ms": _percentile(timings, 0.95),
        "file_mb": size / 1_000_000,
    }


def concurrent_saves(threads: int = 20, per_thread: int = 50) -> dict[str, float]:
    """``threads`` sessions each adding ``per_thread`` new reviews at once; count what was lost."""
    with tempfile.TemporaryDirectory() as folder:
        repo = bootstrap.build_repository(Path(folder))
        project, _ = build_demo(now=NOW, reviews=1)
        repo.save(project.model_copy(update={"revision": 0}))
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
        reopened_count = len(repo.find(Review, project_id=project.id))
    expected = threads * per_thread
    return {"saves": expected, "lost": expected - reopened_count, "errors": len(errors), "seconds": seconds}
