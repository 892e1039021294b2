"""The shared PostgreSQL store next to the file store, in the same run: save latency as the data grows, 50
sessions on two app servers saving at once, and the checkpoint page rerun on a large project.

PostgreSQL runs as a throwaway server on this machine (``benchmarks.local_postgres``) with its normal
settings: every commit is flushed to disk, as in real use. An app server is a process of its own;
its sessions are threads, as Streamlit runs them.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.context
import statistics
import sys
import tempfile
import threading
import time
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.local_postgres import Cluster, throwaway_cluster
from benchmarks.scale import build_project
from benchmarks.storage import NOW, percentile, timed_saves
from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, Speaker
from wtfc_collect.storage.port import Repository

SAVE_TARGET_MS = 20.0  # p95 of one save on PostgreSQL at 100,000 reviews
SESSIONS_TARGET_MS = 100.0  # p95 of a save with 50 sessions on two servers saving at once
Opener = Callable[[], Repository]


@contextmanager
def postgres() -> Iterator[Cluster]:
    """A throwaway PostgreSQL server for the run, with its normal (durable) settings."""
    with throwaway_cluster() as cluster:
        yield cluster


@dataclass(frozen=True)
class Made:
    """A new, empty store: how to open it, its size on disk, and what a DBA does after a bulk load."""

    open: Opener
    size_mb: Callable[[], float]
    settle: Callable[[], None] = lambda: None
    address: str = ""


class Stores:
    """Makes empty stores of both kinds: a file in a new folder, a new database on the cluster."""

    def __init__(self, cluster: Cluster, folder: Path) -> None:
        self.cluster, self.folder, self.made = cluster, folder, 0

    def file(self) -> Made:
        self.made += 1
        where = self.folder / f"file-{self.made}"
        path = bootstrap.store_path(where)
        return Made(lambda: bootstrap.open_store(where)[0], lambda: path.stat().st_size / 1_000_000,
                    address=str(where))

    def database(self) -> Made:
        self.made += 1
        name = f"bench_{self.made}"
        url = self.cluster.create_database(name)

        def size_mb() -> float:
            return int(self.cluster.sql(f"SELECT pg_database_size('{name}')", name)) / 1_000_000

        def settle() -> None:
            """After loading many rows at once: statistics for the planner, and the dirty pages written out
            (autovacuum and the checkpointer would do both soon anyway)."""
            self.cluster.sql("VACUUM ANALYZE", name)
            self.cluster.sql("CHECKPOINT", name)

        return Made(lambda: bootstrap.open_store(url)[0], size_mb, settle, url)


def save_latency(store: Made, reviews: int, saves: int) -> dict[str, float]:
    """Fill a store with ``reviews`` reviews; time ``saves`` saves of one changed review each."""
    repo = store.open()
    started = time.perf_counter()
    project = build_project(repo, reviews, workshop=False)
    store.settle()
    fill_s = time.perf_counter() - started
    timings = timed_saves(repo, project.id, saves)
    return {
        "reviews": reviews, "saves": saves, "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95), "max_ms": max(timings), "size_mb": store.size_mb(),
        "fill_s": fill_s,
    }


# --- many sessions on two servers -----------------------------------------------------------------------
def new_processes(module: str) -> multiprocessing.context.BaseContext:
    """A way to start app-server processes: each forked from a clean server process that has loaded
    ``module`` (quick to start, and never a copy of a process with threads and open connections). Start
    them inside :func:`plain_main`."""
    multiprocessing.set_forkserver_preload([module])
    return multiprocessing.get_context("forkserver")


@contextmanager
def plain_main() -> Iterator[None]:
    """While starting processes: a bare ``__main__``. (Streamlit's AppTest leaves the last page script it
    ran as this process's ``__main__``, and a new process would run that script again first.)"""
    saved = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = saved



def _server(address: str, project_id: str, server: int, sessions: int, changes: int,
            start: Any, together: Any, report: multiprocessing.connection.Connection) -> None:
    """One app server: ``sessions`` threads, each saving a new review and then ``changes`` changes to it;
    with a ``together`` barrier, every session of every server presses save at the same moment, each time."""
    repo = bootstrap.open_store(address)[0]
    timings: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def session(thread: int) -> None:
        mine: list[float] = []
        try:
            review = Review(id=f"{server:04x}{thread:04x}{0:024x}", project_id=project_id,
                            person_ref=f"S{server}-{thread}", review_date=NOW.date(), created_at=NOW,
                            updated_at=NOW)
            for n in range(changes + 1):
                if n:
                    review.add_statement(Question.WORKING, f"Session {thread} note {n}", Speaker.PERSON, NOW)
                if together is not None:
                    together.wait(60)
                started = time.perf_counter()
                review = repo.save(review)
                mine.append((time.perf_counter() - started) * 1000)
        except Exception as error:  # counted, and the run goes on
            if together is not None:
                together.abort()  # nobody waits for a session that has stopped
            with lock:
                errors.append(type(error).__name__)
        with lock:
            timings.extend(mine)

    threads = [threading.Thread(target=session, args=(t,)) for t in range(sessions)]
    start.wait()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report.send((timings, errors))


def sessions_at_once(store: Made, existing: int, servers: int = 2, sessions: int = 50,
                     changes: int = 10, *, same_moment: bool = True) -> dict[str, float]:
    """``sessions`` sessions spread over ``servers`` app processes saving on a store that holds ``existing``
    reviews: with ``same_moment``, all of them press save at the same moment, ``changes + 1`` times over;
    without, each saves one after another with no pause (a stress test). Lost saves are counted from a fresh
    read afterwards."""
    from wtfc_collect.storage import postgres_connect, tinydb_store

    repo = store.open()
    project = build_project(repo, existing, workshop=False)
    postgres_connect.close_all()  # the servers alone use the store while they save
    tinydb_store.close_all()
    context = new_processes(__name__)
    start = context.Event()
    together = context.Barrier(sessions) if same_moment else None
    per_server = [sessions // servers + (1 if s < sessions % servers else 0) for s in range(servers)]
    pipes = [context.Pipe(duplex=False) for _ in range(servers)]
    processes = [
        context.Process(
            target=_server, args=(store.address, project.id, s, n, changes, start, together, send)
        )
        for s, (n, (_, send)) in enumerate(zip(per_server, pipes, strict=True))
    ]
    with plain_main():
        for process in processes:
            process.start()
    time.sleep(1.0)  # every server has opened its store
    began = time.perf_counter()
    start.set()
    if not all(receive.poll(600) for receive, _ in pipes):
        raise RuntimeError("an app server process stopped without reporting its saves")
    results = [receive.recv() for receive, _ in pipes]
    seconds = time.perf_counter() - began
    for process in processes:
        process.join(60)
    timings = [t for found, _ in results for t in found]
    errors = [e for _, found in results for e in found]
    check = store.open()
    stored = {r.id: r for r in check.find(Review, project_id=project.id)}
    lost = 0
    for server, count in enumerate(per_server):
        for thread in range(count):
            review = stored.get(f"{server:04x}{thread:04x}{0:024x}")
            lost += changes + 1 if review is None else changes + 1 - review.revision
    return {"sessions": sessions, "saves": sessions * (changes + 1), "lost": lost, "errors": len(errors),
            "p50_ms": statistics.median(timings) if timings else float("nan"),
            "p95_ms": percentile(timings, 0.95) if timings else float("nan"), "seconds": seconds}


# --- the section of python -m benchmarks -----------------------------------------------------------------
def _row(row: dict[str, float], width: int) -> str:
    return (f"{row['saves']:>{width}.0f}{row['p50_ms']:>8.1f}{row['p95_ms']:>8.1f}{row['size_mb']:>6.0f}"
            f"{row['fill_s']:>8.1f}")



def run(sizes: Sequence[int], saves: int, existing: int, page_size: int | None, page_repeats: int,
        changes: int = 10) -> dict[str, float]:
    """Print the tables; return the figures by name (``pg_…`` and ``file_…``)."""
    figures: dict[str, float] = {}
    with postgres() as cluster, tempfile.TemporaryDirectory(prefix="wtfc-bench-") as name:
        stores = Stores(cluster, Path(name))
        print("\nFile store and PostgreSQL, side by side: one changed review saved at a time, as the data "
              "grows (size on disk in MB; fill: seconds to store the reviews)")
        print(f"{'reviews':>8}  {'file: saves':>11}{'p50 ms':>8}{'p95 ms':>8}{'MB':>6}{'fill s':>8}"
              f"  {'PostgreSQL: saves':>17}{'p50 ms':>8}{'p95 ms':>8}{'MB':>6}{'fill s':>8}")
        for size in sizes:
            file_saves = saves if size <= 10_000 else max(saves // 4, 5)  # each rewrites a 400 MB file
            on_file = save_latency(stores.file(), size, file_saves)
            on_db = save_latency(stores.database(), size, saves * 5)  # cheap: enough saves for a steady p95
            print(f"{size:>8,}  {_row(on_file, 11)}  {_row(on_db, 17)}")
            figures[f"file_save_p95_ms_{size}"] = on_file["p95_ms"]
            figures[f"pg_save_p95_ms_{size}"] = on_db["p95_ms"]
        print(f"\n50 sessions on two app servers (25 each), each saving a new review and {changes} changes "
              f"to it (the store holds {existing:,} reviews). 'Same moment': all 50 press save at once, each "
              "time; 'no pause': each saves again as soon as its last save is done (a stress test)")
        print(f"{'store':<12}{'saving':<13}{'saves':>7}{'lost':>6}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"
              f"{'seconds':>9}")
        runs = (("file", stores.file, True), ("PostgreSQL", stores.database, True),
                ("PostgreSQL", stores.database, False))
        for label, make, same_moment in runs:
            together = sessions_at_once(make(), existing, changes=changes, same_moment=same_moment)
            print(f"{label:<12}{'same moment' if same_moment else 'no pause':<13}{together['saves']:>7.0f}"
                  f"{together['lost']:>6.0f}{together['errors']:>8.0f}{together['p50_ms']:>9.1f}"
                  f"{together['p95_ms']:>9.1f}{together['seconds']:>9.1f}")
            key = ("pg" if label == "PostgreSQL" else "file") + ("" if same_moment else "_no_pause")
            figures[f"{key}_sessions_50_lost"] = together["lost"] + together["errors"]
            figures[f"{key}_sessions_50_p95_ms"] = together["p95_ms"]
        if page_size:
            figures.update(checkpoint_pages(stores, page_size, page_repeats))
    return figures


def checkpoint_pages(stores: Stores, size: int, repeats: int) -> dict[str, float]:
    """The checkpoint page's rerun on a project of ``size`` reviews, next to an empty page, on both stores."""
    import os

    from benchmarks import pages

    pages.quiet_streamlit()
    figures: dict[str, float] = {}
    print(f"\nQuality checkpoint page at {size:,} reviews: median of {repeats} AppTest reruns, and the ratio "
          "to an empty page (the accessibility statement) in the same store")
    print(f"{'store':<12}{'empty ms':>10}{'checkpoint ms':>15}{'x empty':>9}")
    for label, make in (("file", stores.file), ("PostgreSQL", stores.database)):
        store = make()
        build_project(store.open(), size)
        store.settle()
        settings = (
            {bootstrap.DATABASE_URL_VARIABLE: store.address} if label == "PostgreSQL"
            else {bootstrap.DATA_DIR_VARIABLE: store.address}
        )
        saved = {key: os.environ.get(key) for key in settings}
        os.environ.update(settings)
        try:
            with pages.as_administrator():
                opened = {name: pages.open_page(page)[0] for name, page in
                          (("empty", pages.EMPTY), ("checkpoint", pages.PAGES["checkpoint"]))}
                timings: dict[str, list[float]] = {name: [] for name in opened}
                for _ in range(repeats):
                    for name, app in opened.items():
                        timings[name].append(pages.rerun_ms(app))
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        empty, checkpoint = (statistics.median(timings[n]) for n in ("empty", "checkpoint"))
        print(f"{label:<12}{empty:>10.1f}{checkpoint:>15.1f}{checkpoint / empty:>9.1f}")
        key = "pg" if label == "PostgreSQL" else "file"
        figures[f"{key}_checkpoint_rerun_ratio_{size}"] = checkpoint / empty
    return figures
