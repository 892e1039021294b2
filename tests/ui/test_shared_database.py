"""The whole app (AppTest) on the shared PostgreSQL database: its pages read and save there, and a database
that is down at the start or goes away in the middle of a session gives a plain message, not an error page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.local_app import free_port
from benchmarks.local_postgres import Cluster
from tests import factories as f
from tests.conftest import TEST_DATABASE
from tests.ui.tables import column, tables
from wtfc_collect import bootstrap
from wtfc_collect.domain import Project, Review

TIMEOUT = 30
APP = str(Path(__file__).resolve().parents[2] / "app.py")
SECRET = "Never-Shown-77"  # noqa: S105 (a password that must not appear on the screen)


def _shown(at: AppTest) -> str:
    parts = [*at.title, *at.error, *at.markdown, *at.caption, *at.info, *at.success]
    return "\n".join(str(part.value) for part in parts)


def test_a_database_down_at_the_start_gives_a_plain_message(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        bootstrap.DATABASE_URL_VARIABLE, f"postgresql://wtfc:{SECRET}@127.0.0.1:{free_port()}/wtfc"
    )
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.title[0].value == "WTfC Collect cannot open its data"
    assert "could not be reached" in at.error[0].value and "postgresql://wtfc@127.0.0.1:" in at.error[0].value
    assert SECRET not in _shown(at)


def test_pages_read_and_save_in_the_database(
    data_dir: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(bootstrap.DATABASE_URL_VARIABLE, postgres_url)
    repo = bootstrap.build_repository()
    project = repo.save(f.project(name="Shared services review"))
    repo.save(f.review(project.id, person_ref="DB-0042"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("pages/reviews.py").run()
    assert not at.exception, at.exception
    assert "Shared services review" in _shown(at)
    assert column(tables(at)[0], "Person") == ["DB-0042"]
    at.switch_page("pages/project_setup.py").run()
    assert not at.exception
    assert not (data_dir / bootstrap.STORE_FILE).exists()  # nothing went into a file
    assert [p.name for p in repo.find(Project)] == ["Shared services review"]
    assert len(repo.find(Review, project_id=project.id)) == 1


@pytest.fixture
def own_database(
    data_dir: Path, postgres_cluster: Cluster, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[str]:
    """A database of the test's own, in use by the app (its name: the test's), that the test may take away;
    actions give up after 1 s while it is away."""
    from wtfc_collect.storage import postgres_connect

    monkeypatch.setattr(postgres_connect, "WAIT_SECONDS", 1)
    name = request.node.name.removeprefix("test_")[:40]
    monkeypatch.setenv(bootstrap.DATABASE_URL_VARIABLE, postgres_cluster.create_database(name))
    yield name
    postgres_connect.close_all()


def test_a_database_lost_mid_session_says_so_plainly_on_the_page(
    own_database: str, postgres_cluster: Cluster
) -> None:
    name = own_database
    bootstrap.build_repository().save(f.project(name="About to go away"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("pages/reviews.py").run()
    assert "About to go away" in _shown(at)
    with psycopg.connect(postgres_cluster.url(TEST_DATABASE), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")  # its connections are cut at once
    at.run()
    assert not at.exception, at.exception
    assert "could not be reached just now" in "\n".join(e.value for e in at.error)


def test_words_typed_while_the_database_is_away_are_still_there_when_it_is_back(
    own_database: str, postgres_cluster: Cluster
) -> None:
    name = own_database
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("pages/project_setup.py").run()
    at.text_input(key="project_setup.new.name").input("Home care in Eastvale")
    purpose = "We are using WTfC to hear from people so that care fits"
    at.text_area(key="project_setup.new.purpose").input(purpose)
    with psycopg.connect(postgres_cluster.url(TEST_DATABASE), autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        next(b for b in at.button if b.label == "Save project").click().run()
        assert not at.exception, at.exception
        assert "could not be reached just now" in "\n".join(e.value for e in at.error)
        admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    for _ in range(30):  # the app's pool connects again within seconds
        at.run()
        if not at.error:
            break
    assert at.text_input(key="project_setup.new.name").value == "Home care in Eastvale"
    assert at.text_area(key="project_setup.new.purpose").value == purpose
    next(b for b in at.button if b.label == "Save project").click().run()
    assert [p.name for p in bootstrap.build_repository().find(Project)] == ["Home care in Eastvale"]
