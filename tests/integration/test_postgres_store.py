"""The PostgreSQL store beyond the shared contract: what the database enforces by itself, its migrations, its
indexes, and several app processes on one database (concurrent saves, a server killed mid-save)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.context
import multiprocessing.synchronize
import os
import random
import signal
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest

from benchmarks.local_postgres import Cluster
from benchmarks.shared_database import new_processes, plain_main
from tests import factories as f
from wtfc_collect.domain import AuditAction, AuditEvent, Measure, Project, Reading, Review, new_id
from wtfc_collect.services.common import kept_records, kept_until_changed, updated
from wtfc_collect.storage import postgres_connect, postgres_schema
from wtfc_collect.storage.port import ConflictError, StoreUnreadable
from wtfc_collect.storage.postgres import PostgresRepository
from wtfc_collect.storage.postgres_connect import Database
from wtfc_collect.storage.postgres_recordings import PostgresRecordings
from wtfc_collect.storage.shared import one_version_per_run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def repo(postgres_url: str) -> PostgresRepository:
    return PostgresRepository(postgres_url)


@pytest.fixture
def sql(postgres_url: str) -> Iterator[psycopg.Connection[Any]]:
    """A plain connection to the same database and schema, as an administrator with psql would have."""
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        yield connection


def _measure(project_id: str) -> Measure:
    return Measure(id=new_id(), project_id=project_id, success_id=new_id(), description="Counts")


def _event(record_id: str) -> AuditEvent:
    return AuditEvent(
        id=new_id(),
        at=f.NOW,
        actor="Sam",
        action=AuditAction.EDIT,
        record_kind="review",
        record_id=record_id,
        reason="typo",
    )


# --- what the database enforces, whoever connects ---------------------------------------------------------
def test_the_database_itself_refuses_to_change_or_remove_audit_entries(
    repo: PostgresRepository, sql: psycopg.Connection[Any]
) -> None:
    event = _event(new_id())
    repo.append_audit(event)
    for statement in (
        "UPDATE wtfc_audit SET doc = jsonb_set(doc, '{reason}', '\"rewritten\"')",
        "DELETE FROM wtfc_audit",
        "TRUNCATE wtfc_audit",
    ):
        with pytest.raises(psycopg.Error) as refused:
            sql.execute(statement)  # type: ignore[arg-type]  # fixed test text
        assert refused.value.sqlstate == postgres_schema.AUDIT_CHANGED
    assert repo.audit_log() == [event]


def test_the_database_itself_refuses_to_change_a_persons_words(
    repo: PostgresRepository, sql: psycopg.Connection[Any]
) -> None:
    project = repo.save(f.project())
    review = repo.save(f.complete_review(project.id))
    with pytest.raises(psycopg.Error) as refused:
        sql.execute(
            "UPDATE wtfc_records SET doc = jsonb_set(doc, '{statements,0,text}', '\"Other words\"') "
            "WHERE id = %s",
            [review.id],
        )
    assert refused.value.sqlstate == postgres_schema.WORDS_CHANGED
    # Other changes to the review, and removing a statement, are fine.
    sql.execute(
        "UPDATE wtfc_records SET doc = jsonb_set(doc, '{team}', '\"South team\"') WHERE id = %s", [review.id]
    )
    sql.execute("UPDATE wtfc_records SET doc = doc #- '{statements,5}' WHERE id = %s", [review.id])
    stored = repo.get(Review, review.id)
    assert stored is not None and stored.team == "South team" and len(stored.statements) == 5
    assert [s.text for s in stored.statements] == [s.text for s in review.statements[:5]]


def test_deleting_a_review_deletes_its_recordings_in_the_database(
    repo: PostgresRepository, postgres_url: str
) -> None:
    recordings = PostgresRecordings(postgres_url)
    project = repo.save(f.project())
    gone, kept = repo.save(f.review(project.id)), repo.save(f.review(project.id))
    for review in (gone, kept):
        recordings.put(review.id, new_id(), f.wav(0.1))
    assert repo.delete(Review, gone.id)
    assert [review for review, _ in recordings.ids()] == [kept.id]


def test_a_lookup_by_an_indexed_field_uses_its_index(
    repo: PostgresRepository, sql: psycopg.Connection[Any]
) -> None:
    projects = [repo.save(f.project()) for _ in range(40)]
    repo.save_all([f.review(p.id, person_ref=f"P{i}") for p in projects for i in range(50)])
    sql.execute("ANALYZE wtfc_records")
    plan = "\n".join(
        row[0]
        for row in sql.execute(
            "EXPLAIN SELECT doc FROM wtfc_records WHERE collection = 'reviews' AND k_project_id = %s "
            "ORDER BY saved_order",
            [psycopg.types.json.Jsonb(projects[7].id)],
        )
    )
    assert "wtfc_records_by_project_id" in plan
    assert len(repo.find(Review, project_id=projects[7].id)) == 50


def test_every_lookup_in_the_use_cases_has_an_indexed_field_or_reads_a_small_kind() -> None:
    """A ``find`` over a kind that grows with the reviews must name an indexed field, or it reads them all."""
    import ast
    from pathlib import Path

    small = {
        "Project",
        "Account",
        "Checkpoint",
        "CardCall",
        "MitigatingAction",
        "ProcessNote",
        "AuditEvent",
        "StoreSecret",
    }
    problems = []
    for path in sorted(Path("wtfc_collect/services").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "find" or not node.args or not isinstance(node.args[0], ast.Name):
                continue
            fields = {k.arg for k in node.keywords}
            if None in fields or node.args[0].id in small:
                continue  # **where: the caller names the fields
            if not fields & set(postgres_schema.INDEXED_FIELDS):
                problems.append(f"{path}:{node.lineno} find({node.args[0].id}, {sorted(map(str, fields))})")
    assert problems == []


# --- migrations -------------------------------------------------------------------------------------------
def test_servers_starting_together_apply_each_migration_once(postgres_url: str) -> None:
    errors: list[BaseException] = []

    def start() -> None:
        try:
            Database(postgres_url, pool_size=1).close()
        except BaseException as error:
            errors.append(error)

    starters = [threading.Thread(target=start) for _ in range(6)]
    for starter in starters:
        starter.start()
    for starter in starters:
        starter.join()
    assert errors == []
    with psycopg.connect(postgres_url) as connection:
        applied = connection.execute(
            "SELECT number, name FROM wtfc_schema_migrations ORDER BY number"
        ).fetchall()
    assert applied == [(m.number, m.name) for m in postgres_schema.MIGRATIONS]


def test_a_database_set_up_by_a_newer_version_is_not_touched(
    postgres_url: str, sql: psycopg.Connection[Any]
) -> None:
    repo = PostgresRepository(postgres_url)
    project = repo.save(f.project())
    postgres_connect.close_all()
    newer = postgres_schema.latest() + 1
    sql.execute("INSERT INTO wtfc_schema_migrations (number, name) VALUES (%s, 'from the future')", [newer])
    with pytest.raises(StoreUnreadable, match=f"newer version of WTfC Collect \\(database version {newer}"):
        PostgresRepository(postgres_url)
    row = sql.execute("SELECT revision FROM wtfc_records WHERE id = %s", [project.id]).fetchone()
    assert row == (1,)


def _processes() -> multiprocessing.context.BaseContext:
    """New processes, each an app server of its own (see ``benchmarks.shared_database.new_processes``)."""
    return new_processes(__name__)


# --- version(): one for all servers ---------------------------------------------------------------------
def test_a_change_by_another_process_is_seen_at_once_by_kept_results(postgres_url: str) -> None:
    repo = PostgresRepository(postgres_url)
    project = repo.save(f.project())
    counted = lambda: len(repo.find(Review, project_id=project.id))  # noqa: E731
    assert kept_until_changed(repo, "test", "count", counted) == 0
    postgres_connect.close_all()
    context = _processes()
    other = context.Process(target=_save_one_review, args=(postgres_url, project.id))
    with plain_main():
        other.start()
    other.join(30)
    assert other.exitcode == 0
    repo = PostgresRepository(postgres_url)
    recounted = lambda: len(repo.find(Review, project_id=project.id))  # noqa: E731
    assert kept_until_changed(repo, "test", "count", recounted) == 1


def _save_one_review(url: str, project_id: str) -> None:
    PostgresRepository(url).save(f.review(project_id))


def test_a_page_run_reads_the_version_once_and_again_after_its_own_change(
    repo: PostgresRepository, sql: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    read = repo._read_version
    monkeypatch.setattr(repo, "_read_version", lambda: reads.append("read") or read())
    project = repo.save(f.project())
    with one_version_per_run():
        first = repo.version()
        assert [repo.version(), repo.version()] == [first, first] and len(reads) == 1
        # Another server's change (straight into the table, as another process would) shows next run.
        sql.execute("UPDATE wtfc_version SET changes = changes + 1")
        assert repo.version() == first
        repo.save(f.review(project.id))  # this run's own change is seen at once
        after_own = repo.version()
        assert after_own != first and len(reads) == 2
        sql.execute("UPDATE wtfc_version SET changes = changes + 1")
        assert repo.version() == after_own and len(reads) == 2
    assert repo.version() != after_own  # outside a page run: every call reads
    assert repo.version() == repo.version() and len(reads) == 5


def test_the_records_every_page_run_reads_are_kept_until_the_store_changes_and_given_as_copies(
    repo: PostgresRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.save(f.project(name="Kept"))
    finds: list[str] = []
    find = repo.find
    counted = lambda kind, **where: finds.append(kind.__name__) or find(kind, **where)  # noqa: E731
    monkeypatch.setattr(repo, "find", counted)
    with one_version_per_run():
        (first,) = kept_records(repo, Project)
        first.name = "Changed in place, never saved"
        (second,) = kept_records(repo, Project)
        assert second.name == "Kept" and finds == ["Project"]
        repo.save(updated(second, {"name": "Renamed"}))
        assert [p.name for p in kept_records(repo, Project)] == ["Renamed"] and finds == ["Project"] * 2


# --- two app processes on one database ------------------------------------------------------------------
THREADS, NEW_REVIEWS, COUNTER_ADDS = 8, 15, 10


def _app_process(
    url: str,
    project_id: str,
    counter_ids: list[str],
    process: int,
    results: multiprocessing.connection.Connection,
) -> None:
    """One app server: THREADS sessions, each saving new reviews and adding readings to shared counters
    (reloading and trying again when someone else saved first). Sends what it saved and what was refused."""
    repo = PostgresRepository(url)
    added: list[tuple[str, int]] = []
    refused = [0]
    lock = threading.Lock()

    def session(thread: int) -> None:
        for n in range(NEW_REVIEWS):
            repo.save(f.review(project_id, person_ref=f"S{process}-{thread}-{n}"))
        for n in range(COUNTER_ADDS):
            target = counter_ids[(thread + n) % len(counter_ids)]
            value = process * 100_000 + thread * 1_000 + n
            while True:
                current = repo.get(Measure, target)
                assert current is not None
                current.readings = [*current.readings, Reading(on=date(2026, 1, 1), value=value)]
                try:
                    repo.save(current)
                except ConflictError:
                    with lock:
                        refused[0] += 1
                    continue
                with lock:
                    added.append((target, value))
                break

    sessions = [threading.Thread(target=session, args=(t,)) for t in range(THREADS)]
    for thread in sessions:
        thread.start()
    for thread in sessions:
        thread.join()
    results.send((added, refused[0]))


def test_two_app_processes_saving_at_once_lose_nothing_and_never_overwrite(postgres_url: str) -> None:
    repo = PostgresRepository(postgres_url)
    project = repo.save(f.project())
    counters = [repo.save(_measure(project.id)) for _ in range(2)]
    postgres_connect.close_all()
    context = _processes()
    pipes = [context.Pipe(duplex=False) for _ in range(2)]
    processes = [
        context.Process(
            target=_app_process, args=(postgres_url, project.id, [c.id for c in counters], n, send)
        )
        for n, (_, send) in enumerate(pipes)
    ]
    with plain_main():
        for process in processes:
            process.start()
    assert all(receive.poll(120) for receive, _ in pipes), "an app process stopped without reporting"
    outcomes = [receive.recv() for receive, _ in pipes]
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    repo = PostgresRepository(postgres_url)
    reviews = repo.find(Review, project_id=project.id)
    assert sorted(r.person_ref for r in reviews) == sorted(
        f"S{p}-{t}-{n}" for p in range(2) for t in range(THREADS) for n in range(NEW_REVIEWS)
    )
    added = [pair for saved, _ in outcomes for pair in saved]
    refused = sum(count for _, count in outcomes)
    for counter in counters:
        stored = repo.get(Measure, counter.id)
        assert stored is not None
        values = [r.value for r in stored.readings]
        assert sorted(values) == sorted(v for c, v in added if c == counter.id)  # every saved one, once
        assert stored.revision == 1 + len(values)
    assert len(added) == 2 * THREADS * COUNTER_ADDS
    print(
        f"2 processes x {THREADS} sessions: {len(reviews)} new reviews, {len(added)} counter changes, "
        f"{refused} stale saves refused and tried again"
    )


# --- a server killed in the middle of saving --------------------------------------------------------------
def _expected_review(project_id: str, i: int) -> Review:
    return f.review(project_id, id=f"{i:032x}", person_ref=f"K{i}", reviewer="Writer")


def _writer(
    url: str,
    project_id: str,
    counter_id: str,
    started: multiprocessing.synchronize.Event,
    told: multiprocessing.connection.Connection,
) -> None:
    """Save review i, then add reading i to the counter, for i = 0, 1, 2 … until killed; report each save
    as soon as the store has confirmed it."""
    repo = PostgresRepository(url)
    counter = repo.get(Measure, counter_id)
    assert counter is not None
    i = len(repo.find(Review, reviewer="Writer"))
    if len(counter.readings) < i:
        counter = repo.save(
            counter.model_copy(
                update={"readings": [*counter.readings, Reading(on=date(2026, 1, 1), value=i - 1)]}
            )
        )
    while True:
        repo.save(_expected_review(project_id, i))
        told.send(("review", i))
        started.set()
        counter = repo.save(
            counter.model_copy(
                update={"readings": [*counter.readings, Reading(on=date(2026, 1, 1), value=i)]}
            )
        )
        told.send(("reading", i))
        i += 1


KILLS = 25


def test_an_app_server_killed_mid_save_loses_nothing_it_had_confirmed(postgres_url: str) -> None:
    repo = PostgresRepository(postgres_url)
    project = repo.save(f.project())
    counter = repo.save(_measure(project.id))
    repo.save_all([f.review(project.id, person_ref=f"Ballast{i}") for i in range(300)])
    postgres_connect.close_all()
    context = _processes()
    rng = random.Random(20260501)
    confirmed_reviews = confirmed_readings = -1
    for _ in range(KILLS):
        started = context.Event()
        receive, send = context.Pipe(duplex=False)
        writer = context.Process(target=_writer, args=(postgres_url, project.id, counter.id, started, send))
        with plain_main():
            writer.start()
        assert started.wait(20), "the writer did not start"
        threading.Event().wait(rng.uniform(0, 0.05))
        assert writer.pid is not None
        os.kill(writer.pid, signal.SIGKILL)
        writer.join(10)
        assert writer.exitcode == -signal.SIGKILL
        while receive.poll():
            what, i = receive.recv()
            if what == "review":
                confirmed_reviews = max(confirmed_reviews, i)
            else:
                confirmed_readings = max(confirmed_readings, i)

        check = PostgresRepository(postgres_url)
        written = check.find(Review, reviewer="Writer")
        count = len(written)
        assert written == [
            _expected_review(project.id, i).model_copy(update={"revision": 1}) for i in range(count)
        ]
        assert count - 1 >= confirmed_reviews  # every confirmed save is there (one more may have landed)
        stored = check.get(Measure, counter.id)
        assert stored is not None
        values = [r.value for r in stored.readings]
        assert values in (list(range(count)), list(range(count - 1)))  # whole saves only, in order
        assert len(values) - 1 >= confirmed_readings
        assert stored.revision == 1 + len(values)
        assert len(check.find(Review, project_id=project.id)) == 300 + count
        postgres_connect.close_all()
    assert confirmed_reviews >= KILLS - 1


# --- two accounts: the app may only add to the audit log ------------------------------------------------
def test_with_the_shipped_roles_the_app_works_but_cannot_touch_the_audit_log(
    postgres_cluster: Cluster,
) -> None:
    """deploy/postgres-roles.sql: the tables belong to an owner; the app's account may only add audit entries
    and can neither change the table nor switch its trigger off."""
    cluster = postgres_cluster
    cluster.sql("CREATE ROLE wtfc_owner LOGIN PASSWORD 'owner-secret'")
    cluster.sql("CREATE ROLE wtfc_app LOGIN PASSWORD 'app-secret'")
    cluster.run(
        "createdb",
        "-h",
        str(cluster.folder),
        "-p",
        str(cluster.port),
        "-U",
        "wtfc",
        "--owner",
        "wtfc_owner",
        "wtfc",
    )
    owner = f"postgresql://wtfc_owner:owner-secret@127.0.0.1:{cluster.port}/wtfc"
    app = f"postgresql://wtfc_app:app-secret@127.0.0.1:{cluster.port}/wtfc"
    PostgresRepository(owner).save(f.project(name="Made by the owner"))  # the first start makes the tables
    postgres_connect.close_all()
    roles = str(ROOT / "deploy" / "postgres-roles.sql")
    cluster.run(
        "psql",
        "-X",
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        str(cluster.folder),
        "-p",
        str(cluster.port),
        "-U",
        "wtfc",
        "-d",
        "wtfc",
        "-f",
        roles,
    )

    repo = PostgresRepository(app)
    project = repo.save(f.project())
    repo.save(project.model_copy(update={"name": "Renamed"}))
    repo.save_all([f.review(project.id)], remove=[(Measure, new_id())])
    repo.append_audit(_event(project.id))
    repo.note_attempt("account:x", f.NOW)
    PostgresRecordings(app).put(new_id(), new_id(), b"RIFF")
    assert len(repo.audit_log()) == 1 and repo.version() != "pg-0"
    with psycopg.connect(app, autocommit=True) as connection:
        for statement in (
            "UPDATE wtfc_audit SET doc = doc",
            "DELETE FROM wtfc_audit",
            "TRUNCATE wtfc_audit",
            "ALTER TABLE wtfc_audit DISABLE TRIGGER wtfc_audit_append_only",
            "DROP TABLE wtfc_audit",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)  # type: ignore[arg-type]  # fixed test text
    assert len(repo.audit_log()) == 1
