"""Shared fixtures: stores of every kind, a fixed clock, and a temporary data folder."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.local_postgres import Cluster, throwaway_cluster
from wtfc_collect.domain.access import Role, User
from wtfc_collect.services import access
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository

TEST_ADMIN = User(username="test admin", role=Role.ADMINISTRATOR)
access.use_identity(lambda: TEST_ADMIN)  # also for module- and session-scoped fixtures


@pytest.fixture(autouse=True)
def as_administrator() -> Iterator[User]:
    """Use cases check the user's role: tests act as an administrator unless they say otherwise
    (with ``access.acting_as``). The app's own sessions never use this."""
    access.use_identity(lambda: TEST_ADMIN)  # a command-line test may have left the operator in place
    with access.acting_as(TEST_ADMIN) as user:
        yield user


@pytest.fixture(autouse=True)
def _no_shared_database_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    """A WTFC_DATABASE_URL set in the shell must not send any test's data to a real database."""
    monkeypatch.delenv("WTFC_DATABASE_URL", raising=False)


@pytest.fixture
def memory_repo() -> Repository:
    return MemoryRepository()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty data folder used by bootstrap, the command line and the app."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WTFC_DATA_DIR", str(folder))
    yield folder


TEST_DATABASE = "wtfc_tests"


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """A throwaway PostgreSQL server for this test process (about 2 s to start). Never skipped: without
    PostgreSQL installed the tests that need it fail and say what to install."""
    with throwaway_cluster(["fsync=off"]) as cluster:  # durability on disk is not what these tests test
        cluster.create_database(TEST_DATABASE)
        yield cluster


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> Iterator[str]:
    """The address of an empty database of its own for one test: a new schema, chosen in the address the
    way a council would put WTfC Collect's tables in a schema of their own."""
    import psycopg

    from wtfc_collect.storage import postgres_connect

    schema = f"test_{uuid.uuid4().hex}"
    with psycopg.connect(postgres_cluster.url(TEST_DATABASE), autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    yield postgres_cluster.url(TEST_DATABASE, options=f"options=-csearch_path%3D{schema}")
    postgres_connect.close_all()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The browser tests' accessibility results (axe per page and screen, keyboard, reflow), listed at the
    end of the run: also without -s and under xdist, from each test's ``record_property``."""
    found: dict[str, list[str]] = {}
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            for name, value in getattr(report, "user_properties", []):
                if name in ("axe", "keyboard", "reflow"):
                    found.setdefault(name, []).append(str(value))
    for name, lines in sorted(found.items()):
        terminalreporter.write_sep("-", f"{name} results ({len(lines)})")
        for line in sorted(lines):
            terminalreporter.write_line(line)
