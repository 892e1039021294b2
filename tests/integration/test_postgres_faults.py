"""When the shared database fails: down at start, wrong address or password, lost in the middle of a save,
or killed outright. Always a plain message, never the password, and never half a change.

These tests stop, kill and restart PostgreSQL, so they have a server of their own."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import psycopg
import pytest

from benchmarks.local_postgres import Cluster, throwaway_cluster
from tests import factories as f
from wtfc_collect.domain import Project, Review
from wtfc_collect.storage import postgres_connect
from wtfc_collect.storage.port import StoreError
from wtfc_collect.storage.postgres import PostgresRepository

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]
SECRET = "Not-This-Secret-42"  # noqa: S105 (a wrong password that must never be shown)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with throwaway_cluster() as server:  # fsync on: the crash test below is about what is durable
        server.create_database("wtfc")
        yield server


@pytest.fixture
def url(cluster: Cluster, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(postgres_connect, "WAIT_SECONDS", 2)  # fail fast while the server is away
    name = f"db{time.monotonic_ns()}"
    yield cluster.create_database(name)
    postgres_connect.close_all()


def _eventually(action: Callable[[], T], seconds: float = 30) -> T:
    """``action()`` once the pool has its connections back (it retries in the background, waiting a little
    longer each time); until then each try says, in plain words, that it did not work."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return action()
        except StoreError as error:
            assert "could not be reached just now" in str(error)
            if time.monotonic() > deadline:
                raise


def _running(cluster: Cluster) -> None:
    """Start the server again if a test stopped it."""
    try:
        cluster.server_pid()
        with psycopg.connect(cluster.url(), connect_timeout=2):
            return
    except (OSError, ValueError, psycopg.OperationalError):
        cluster.start()


# --- at start ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "address, says",
    [
        ("postgresql://wtfc:{secret}@127.0.0.1:{closed}/wtfc", "could not be reached"),
        ("postgresql://wtfc:{secret}@127.0.0.1:{port}/wtfc", "refused to let WTfC Collect sign in"),
        ("postgresql://wtfc:{password}@127.0.0.1:{port}/no_such_database", "no database called"),
        ("postgresql://wtfc:{secret}@127.0.0.1:{port}/wtfc?colour=blue", "not a database address"),
    ],
    ids=["down", "wrong password", "no such database", "not an address"],
)
def test_a_database_that_cannot_be_used_says_why_in_plain_words_and_never_shows_the_password(
    cluster: Cluster,
    address: str,
    says: str,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    from benchmarks.local_app import free_port

    caplog.set_level(logging.DEBUG)
    address = address.format(secret=SECRET, password=cluster.password, port=cluster.port, closed=free_port())
    with pytest.raises(StoreError, match=says) as refused:
        PostgresRepository(address)
    message = str(refused.value)
    assert SECRET not in message and cluster.password not in message
    assert refused.value.__cause__ is None and refused.value.__suppress_context__
    assert "Traceback" not in message
    out, err = capfd.readouterr()
    for text in (caplog.text, out, err, repr(refused.value)):
        assert SECRET not in text and cluster.password not in text


def test_the_command_line_says_the_database_is_down_without_a_traceback(tmp_path: Path) -> None:
    from benchmarks.local_app import free_port

    address = f"postgresql://wtfc:{SECRET}@127.0.0.1:{free_port()}/wtfc"
    done = subprocess.run(
        [sys.executable, "-m", "wtfc_collect", "backup"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={"PATH": "/usr/bin:/bin", "WTFC_DATABASE_URL": address, "WTFC_DATA_DIR": str(tmp_path)},
    )
    assert done.returncode == 1
    assert "could not be reached" in done.stderr and "Traceback" not in done.stderr
    assert SECRET not in done.stderr + done.stdout
    assert "postgresql://wtfc@127.0.0.1:" in done.stderr  # which database, without the password


# --- in the middle of a session -------------------------------------------------------------------------
def test_while_the_database_is_away_saves_say_not_saved_and_work_again_once_it_is_back(
    cluster: Cluster, url: str
) -> None:
    repo = PostgresRepository(url)
    project = repo.save(f.project())
    cluster.stop("immediate")
    try:
        changed = project.model_copy(update={"purpose": "We are using WTfC to plan day services so that …"})
        with pytest.raises(StoreError, match=r"Your change was not saved.*Try again"):
            repo.save(changed)
        with pytest.raises(StoreError, match="could not be reached just now"):
            repo.get(Project, project.id)
    finally:
        _running(cluster)
    again = _eventually(lambda: repo.save(changed))  # the pool has let go of its dead connections
    assert again.revision == 2 and repo.get(Project, project.id) == again


def _backend_waiting(url: str) -> int:
    """The process id of the app's database connection that is waiting for a lock (within 10 s)."""
    deadline = time.monotonic() + 10
    with psycopg.connect(url, autocommit=True) as watcher:
        while time.monotonic() < deadline:
            row = watcher.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'wtfc-collect' "
                "AND wait_event_type = 'Lock'"
            ).fetchone()
            if row:
                return int(row[0])
            time.sleep(0.02)
    raise AssertionError("the save never reached the database")


def test_a_connection_lost_half_way_through_a_save_leaves_nothing_half_written(url: str) -> None:
    repo = PostgresRepository(url)
    project = repo.save(f.project())
    old = repo.save(f.review(project.id, person_ref="Old"))
    outcome: list[BaseException | int] = []

    def save_many() -> None:
        try:
            outcome.append(repo.save_all(
                [f.review(project.id, person_ref=f"New{i}") for i in range(200)], remove=[(Review, old.id)]
            ))
        except BaseException as error:
            outcome.append(error)

    with psycopg.connect(url) as blocker:  # holds the change counter, so the save waits half way
        blocker.execute("SELECT * FROM wtfc_version FOR UPDATE")
        saver = threading.Thread(target=save_many)
        saver.start()
        pid = _backend_waiting(url)
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        saver.join(20)
        blocker.rollback()
    (error,) = outcome
    assert isinstance(error, StoreError) and "not saved" in str(error)
    assert repo.find(Review) == [old]  # not one of the 200, and the removal undone too
    assert repo.save_all([f.review(project.id, person_ref="Later")]) == 1


def test_a_crash_of_the_database_itself_loses_no_confirmed_save(cluster: Cluster, url: str) -> None:
    repo = PostgresRepository(url)
    project = repo.save(f.project())
    confirmed: list[str] = []
    stop = threading.Event()
    failures: list[BaseException] = []

    def keep_saving() -> None:
        n = 0
        while not stop.is_set():
            try:
                confirmed.append(repo.save(f.review(project.id, person_ref=f"C{n}")).id)
                n += 1
            except StoreError as error:
                failures.append(error)
                return

    saver = threading.Thread(target=keep_saving)
    saver.start()
    time.sleep(0.5)
    cluster.kill()  # SIGKILL to the server: no shutdown, no flush
    saver.join(20)
    stop.set()
    assert failures and "not saved" in str(failures[0])
    _running(cluster)  # starts it again: PostgreSQL replays its write-ahead log
    stored = {r.id for r in _eventually(lambda: repo.find(Review, project_id=project.id))}
    assert len(confirmed) >= 5
    assert set(confirmed) <= stored and len(stored) - len(confirmed) <= 1
    print(f"{len(confirmed)} saves confirmed before the crash; all there after it ({len(stored)} stored)")
