"""``copy-data``: a whole data folder into PostgreSQL and back again, checked; never into a store that holds
something, and never with the password on the screen or in the audit log."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.local_postgres import Cluster
from tests import factories as f
from wtfc_collect import bootstrap
from wtfc_collect.cli import main
from wtfc_collect.domain import AuditAction, Project, Review, new_id
from wtfc_collect.storage.postgres import PostgresRepository
from wtfc_collect.storage.postgres_recordings import PostgresRecordings
from wtfc_collect.storage.recordings import FileRecordings
from wtfc_collect.storage.tinydb_store import TinyDBRepository, close_all, read_store


def _folder_with_data(folder: Path) -> tuple[TinyDBRepository, dict[tuple[str, str], bytes]]:
    repo = TinyDBRepository(bootstrap.store_path(folder))
    project = f.demo_project(repo, now=f.NOW, reviews=12, actor="tests", workshop=True)
    recordings = FileRecordings(bootstrap.recordings_dir(folder))
    sounds = {}
    for n, review in enumerate(repo.find(Review, project_id=project.id)[:2]):
        key = (review.id, new_id())
        sounds[key] = f.wav(0.1 + n / 10, tone=400)
        recordings.put(*key, sounds[key])
    return repo, sounds


def _copy(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["copy-data", *arguments])
    return result.exit_code, result.output


def test_a_folder_goes_into_postgres_and_back_whole_and_checked(tmp_path: Path, postgres_url: str) -> None:
    source, sounds = _folder_with_data(tmp_path / "data")
    before = read_store(source.path)

    code, output = _copy("--from", str(tmp_path / "data"), "--to", postgres_url)
    assert code == 0, output
    assert "Everything was copied and checked" in output
    assert "reviews" in output and "voice recordings" in output and "differs" not in output
    secret = postgres_url.split(":")[2].split("@")[0]
    assert secret not in output

    database = PostgresRepository(postgres_url)
    copied = database.export_raw()
    after = read_store(source.path)  # the source now has the note of the copy in its audit log
    assert set(copied) == set(after)
    for name, table in after.items():
        assert list(copied[name]) == list(table), name  # the same records, in the order first saved
        assert copied[name] == table, name  # and the same contents, revisions included
    assert len(after["audit"]) == len(before["audit"]) + 1
    note = database.audit_log()[-1]
    assert note.action is AuditAction.BACKUP and note.reason.startswith("whole copy to postgresql://")
    assert secret not in note.reason
    assert database.find(Project) == source.find(Project)
    stored = PostgresRecordings(postgres_url)
    assert {key: stored.get(*key) for key in stored.ids()} == sounds

    code, output = _copy("--from", postgres_url, "--to", str(tmp_path / "back"))
    assert code == 0, output
    close_all()
    back = read_store(bootstrap.store_path(tmp_path / "back"))
    assert {name: list(table) for name, table in back.items()} == {
        name: list(table) for name, table in database.export_raw().items()
    }
    returned = FileRecordings(bootstrap.recordings_dir(tmp_path / "back"))
    assert {key: returned.get(*key) for key in returned.ids()} == sounds
    for review_id, recording_id in returned.ids():
        path = bootstrap.recordings_dir(tmp_path / "back") / review_id / f"{recording_id}.audio"
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_target_that_holds_anything_is_refused_and_left_alone(tmp_path: Path, postgres_url: str) -> None:
    _folder_with_data(tmp_path / "data")
    database = PostgresRepository(postgres_url)
    kept = database.save(f.project(name="Already here"))
    code, output = _copy("--from", str(tmp_path / "data"), "--to", postgres_url)
    assert code == 1
    assert "already holds data" in output and "nothing was copied" in output
    assert database.find(Project) == [kept]
    assert database.audit_log() == []


def test_copying_from_a_folder_without_data_says_so(tmp_path: Path, postgres_url: str) -> None:
    code, output = _copy("--from", str(tmp_path / "empty"), "--to", postgres_url)
    assert code == 1 and "There is no WTfC Collect data" in output
    assert not (tmp_path / "empty").exists()


def test_by_default_the_store_in_use_is_copied(
    data_dir: Path, tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With WTFC_DATABASE_URL set, ``copy-data --to FOLDER`` copies the database out to a folder."""
    monkeypatch.setenv(bootstrap.DATABASE_URL_VARIABLE, postgres_url)
    PostgresRepository(postgres_url).save(f.project(name="In the database"))
    code, output = _copy("--to", str(tmp_path / "out"))
    assert code == 0, output
    close_all()
    assert [p.name for p in TinyDBRepository(bootstrap.store_path(tmp_path / "out")).find(Project)] == [
        "In the database"
    ]


def test_a_pg_dump_restores_everything_with_its_protections(
    postgres_cluster: Cluster, tmp_path: Path
) -> None:
    """The README's backup of the database: pg_dump, then pg_restore into a new, empty database."""
    import psycopg

    original = postgres_cluster.create_database("dumped")
    _, sounds = _folder_with_data(tmp_path / "data")
    assert _copy("--from", str(tmp_path / "data"), "--to", original)[0] == 0
    dump = postgres_cluster.folder / "wtfc.dump"
    where = ["-h", str(postgres_cluster.folder), "-p", str(postgres_cluster.port), "-U", "wtfc"]
    postgres_cluster.run("pg_dump", *where, "--format=custom", f"--file={dump}", "dumped")
    restored = postgres_cluster.create_database("restored")
    postgres_cluster.run("pg_restore", *where, "--no-owner", "--dbname=restored", str(dump))

    again, before = PostgresRepository(restored), PostgresRepository(original)
    assert again.export_raw() == before.export_raw()
    assert again.audit_log() == before.audit_log()
    recordings = PostgresRecordings(restored)
    assert {key: recordings.get(*key) for key in recordings.ids()} == sounds
    version = again.version()
    again.save(f.project(name="After the restore"))
    assert again.version() != version
    with psycopg.connect(restored, autocommit=True) as connection, pytest.raises(psycopg.Error):
        connection.execute("DELETE FROM wtfc_audit")  # still append-only
    assert len(again.audit_log()) == len(before.audit_log())
