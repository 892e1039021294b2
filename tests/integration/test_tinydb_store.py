"""The TinyDB file store: threads, damaged files, schema upgrades, atomic writes and hard kills."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests import factories as f
from wtfc_collect.domain import Measure, Project, Reading, Review, new_id
from wtfc_collect.storage import shared, tinydb_store
from wtfc_collect.storage.port import ConflictError, StoreError, StoreUnreadable
from wtfc_collect.storage.tinydb_store import TinyDBRepository, close_all, read_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fresh_registry() -> Iterator[None]:
    close_all()
    yield
    close_all()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "wtfc.json"


def _measure(project_id: str) -> Measure:
    return Measure(id=new_id(), project_id=project_id, success_id=new_id(), description="Counts")


def _run_threads(count: int, work: Callable[[int], None]) -> None:
    """Run ``work(0)`` … ``work(count - 1)`` on as many threads at once; re-raise the first error."""
    with ThreadPoolExecutor(max_workers=count) as pool:
        list(pool.map(work, range(count)))


# --- one instance per file ------------------------------------------------------------------------------
def test_the_file_and_its_folders_are_created_private_to_the_owner(path: Path) -> None:
    old = os.umask(0o022)  # as on most servers: new folders readable by everyone unless told otherwise
    try:
        TinyDBRepository(path)
    finally:
        os.umask(old)
    assert read_store(path) == {shared.META_TABLE: shared.meta(tinydb_store.SCHEMA_VERSION)}
    assert path.stat().st_mode & 0o077 == 0
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_data_folder_made_readable_by_others_is_made_private_when_opened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    TinyDBRepository(folder / "wtfc.json")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_backups_go_in_a_folder_only_the_owner_can_read(path: Path) -> None:
    old = os.umask(0o022)
    try:
        made = TinyDBRepository(path).backup(path.parent / "backups")
    finally:
        os.umask(old)
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert made.stat().st_mode & 0o077 == 0


def test_repositories_on_one_path_share_one_instance_and_lock(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(path.parent.parent)
    first = TinyDBRepository(path)
    second = TinyDBRepository(Path("data") / ".." / "data" / "wtfc.json")
    other = TinyDBRepository(path.with_name("other.json"))
    assert first._file is second._file
    assert first._file.lock is second._file.lock
    assert other._file is not first._file


def test_twenty_threads_saving_new_reviews_lose_nothing(path: Path) -> None:
    project = TinyDBRepository(path).save(f.project())
    started = time.perf_counter()

    def work(n: int) -> None:
        repo = TinyDBRepository(path)
        for i in range(50):
            repo.save(f.review(project.id, person_ref=f"T{n}-{i}", reviewer=f"Reviewer {n}"))

    _run_threads(20, work)
    elapsed = time.perf_counter() - started
    close_all()

    code = (
        "import json, sys; from wtfc_collect.domain import Review;"
        "from wtfc_collect.storage.tinydb_store import TinyDBRepository;"
        "print(json.dumps([[r.person_ref, r.reviewer, r.revision] for r in"
        " TinyDBRepository(sys.argv[1]).find(Review)]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    rows = json.loads(result.stdout)
    assert len(rows) == 1000
    assert sorted(map(tuple, rows)) == sorted(
        (f"T{n}-{i}", f"Reviewer {n}", 1) for n in range(20) for i in range(50)
    )
    print(f"20 threads x 50 new reviews: {elapsed:.2f} s")


def test_twenty_threads_updating_the_same_records_lose_no_update(path: Path) -> None:
    repo = TinyDBRepository(path)
    project = repo.save(f.project())
    counters = [repo.save(_measure(project.id)) for _ in range(3)]
    conflicts = 0
    started = time.perf_counter()

    def work(n: int) -> None:
        nonlocal conflicts
        for i in range(50):
            target = counters[(n + i) % 3].id
            while True:
                current = repo.get(Measure, target)
                assert current is not None
                current.readings = [*current.readings, Reading(on=date(2026, 1, 1), value=n * 1000 + i)]
                try:
                    repo.save(current)
                    break
                except ConflictError:
                    conflicts += 1

    _run_threads(20, work)
    elapsed = time.perf_counter() - started
    close_all()
    stored = [TinyDBRepository(path).get(Measure, c.id) for c in counters]
    values = sorted(r.value for m in stored if m for r in m.readings)
    assert values == sorted(float(n * 1000 + i) for n in range(20) for i in range(50))
    assert all(m is not None and m.revision == len(m.readings) + 1 for m in stored)
    print(f"20 threads x 50 updates of 3 records: {elapsed:.2f} s, {conflicts} conflicts retried")


# --- damaged and unreadable files -----------------------------------------------------------------------
def _valid_store_bytes(tmp_path: Path) -> bytes:
    source = tmp_path / "source.json"
    repo = TinyDBRepository(source)
    project = repo.save(f.project())
    repo.save_all([f.review(project.id, person_ref=f"P{i}") for i in range(20)])
    close_all()
    return source.read_bytes()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "list", "wrong shape", "empty", "not utf-8"])
def test_an_unreadable_file_is_refused_in_plain_words_and_left_alone(
    damage: str, path: Path, tmp_path: Path
) -> None:
    content = {
        "garbage": b"\x00\x13\x37 this is not json \xff",
        "truncated": _valid_store_bytes(tmp_path)[:-200],
        "list": b"[1, 2, 3]",
        "wrong shape": b'{"reviews": [1, 2]}',
        "empty": b"",
        "not utf-8": b'{"reviews": {"\xff": {}}}',
    }[damage]
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(StoreUnreadable) as caught:
        TinyDBRepository(path)
    message = str(caught.value)
    assert str(path) in message
    assert "Nothing was changed" in message and "python -m wtfc_collect backup" in message
    assert "Traceback" not in message and "Error" not in message
    assert path.read_bytes() == content
    assert sorted(p.name for p in path.parent.iterdir()) == [".wtfc.json.lock", "wtfc.json"]


def test_a_file_that_cannot_be_opened_is_refused(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    TinyDBRepository(path)
    close_all()
    before = path.read_bytes()

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(file))

    # A real refusal; root may read anything, so there it is simulated.
    if getattr(os, "geteuid", lambda: 0)() != 0:
        path.chmod(0)
    else:
        monkeypatch.setattr(tinydb_store, "open", refuse, raising=False)
    with pytest.raises(StoreUnreadable, match="not allowed to open it") as caught:
        TinyDBRepository(path)
    assert str(path) in str(caught.value)
    path.chmod(0o600)
    assert path.read_bytes() == before


def test_damage_after_opening_is_noticed_and_a_replaced_file_is_read_afresh(
    path: Path, tmp_path: Path
) -> None:
    repo = TinyDBRepository(path)
    project = repo.save(f.project())
    assert repo.get(Project, project.id) == project.model_copy(update={"revision": 1})

    replacement = tmp_path / "replacement.json"
    other = TinyDBRepository(replacement)
    newer = other.save(f.project(name="From elsewhere"))
    os.replace(replacement, path)
    assert repo.find(Project) == [newer]

    path.write_bytes(b"{ broken")
    with pytest.raises(StoreUnreadable, match="could not be read"):
        repo.get(Project, newer.id)
    with pytest.raises(StoreUnreadable):
        repo.save(f.project())
    assert path.read_bytes() == b"{ broken"


def test_a_record_that_breaks_the_rules_is_reported_with_its_id(path: Path) -> None:
    repo = TinyDBRepository(path)
    project = repo.save(f.project())
    data = read_store(path)
    data["projects"][project.id]["name"] = ""
    path.write_text(json.dumps(data))
    with pytest.raises(StoreUnreadable, match=f"project \\(id {project.id}\\).*expected form"):
        repo.get(Project, project.id)


# --- schema versions ------------------------------------------------------------------------------------
def _write_version(path: Path, version: int | None, records: dict[str, dict[str, object]]) -> bytes:
    data: dict[str, object] = dict(records)
    if version is not None:
        data[shared.META_TABLE] = shared.meta(version)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    return path.read_bytes()


def test_an_older_file_is_upgraded_once(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = f.project()
    old = project.model_dump(mode="json")
    old["title"] = old.pop("name")  # pretend version 1 called it "title"
    _write_version(path, 1, {"projects": {project.id: old}})
    calls: list[int] = []

    def rename_title(data: shared.RawData) -> shared.RawData:
        calls.append(1)
        for document in data.get("projects", {}).values():
            document["name"] = document.pop("title")
        return data

    monkeypatch.setattr(tinydb_store, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(tinydb_store, "MIGRATIONS", {1: rename_title})
    assert TinyDBRepository(path).get(Project, project.id) == project
    assert read_store(path)[shared.META_TABLE] == shared.meta(2)
    close_all()
    assert TinyDBRepository(path).get(Project, project.id) == project
    assert calls == [1]


@pytest.mark.parametrize("problem", ["missing", "failing"])
def test_a_failed_upgrade_changes_nothing(path: Path, monkeypatch: pytest.MonkeyPatch, problem: str) -> None:
    before = _write_version(path, 1, {"projects": {}})

    def broken(data: shared.RawData) -> shared.RawData:
        raise KeyError("title")

    monkeypatch.setattr(tinydb_store, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(tinydb_store, "MIGRATIONS", {1: broken} if problem == "failing" else {})
    with pytest.raises(StoreUnreadable, match="data version 1"):
        TinyDBRepository(path)
    assert path.read_bytes() == before


def test_a_file_from_a_newer_version_is_refused(path: Path) -> None:
    before = _write_version(path, tinydb_store.SCHEMA_VERSION + 1, {"projects": {}})
    with pytest.raises(StoreUnreadable, match="written by a newer version of WTfC Collect") as caught:
        TinyDBRepository(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before


def test_a_file_without_a_version_is_taken_as_version_one(path: Path) -> None:
    project = f.project().model_copy(update={"revision": 1})
    _write_version(path, None, {"projects": {project.id: project.model_dump(mode="json")}})
    assert TinyDBRepository(path).find(Project) == [project]
    assert read_store(path)[shared.META_TABLE] == shared.meta(tinydb_store.SCHEMA_VERSION)


# --- atomic writes --------------------------------------------------------------------------------------
def test_writes_leave_no_temporary_files(path: Path) -> None:
    repo = TinyDBRepository(path)
    project = repo.save(f.project())
    repo.save_all([f.review(project.id, person_ref=f"P{i}") for i in range(5)])
    repo.save(project)
    repo.delete(Project, project.id)
    repo.backup(path.parent / "backups")
    assert sorted(p.name for p in path.parent.iterdir()) == [".wtfc.json.lock", "backups", "wtfc.json"]
    assert [p.suffix for p in (path.parent / "backups").iterdir()] == [".json"]


def test_a_failed_write_keeps_the_old_file_and_reports_it(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = TinyDBRepository(path)
    project = repo.save(f.project())
    before = path.read_bytes()

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shared.os, "replace", full_disk)
    with pytest.raises(StoreError, match=r"could not be saved.*No space left on device") as caught:
        repo.save(project.model_copy(update={"name": "Lost"}))
    assert str(path) in str(caught.value)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [".wtfc.json.lock", "wtfc.json"]
    assert repo.get(Project, project.id) == project  # nothing half-saved is remembered
    assert repo.save(project.model_copy(update={"name": "Kept"})).revision == 2


def test_old_temporary_files_are_cleared_when_the_file_is_opened(path: Path) -> None:
    TinyDBRepository(path)
    close_all()
    stale, fresh = path.parent / ".wtfc.json.abc123.tmp", path.parent / ".wtfc.json.def456.tmp"
    stale.write_text("half a write")
    fresh.write_text("a write in progress")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    TinyDBRepository(path)
    assert not stale.exists() and fresh.exists()


def test_what_a_crash_left_anywhere_in_the_data_folder_goes_when_the_store_opens(path: Path) -> None:
    """Half-written copies of a backup, a recording or a cached clip may hold people's words."""
    TinyDBRepository(path)
    close_all()
    left = [
        path.parent / "backups" / ".wtfc-backup-20260101-000000.json.x1.tmp",
        path.parent / "recordings" / ("a" * 32) / (".0123456789abcdef0123456789abcdef.webm.x2.tmp"),
        path.parent / "audio-cache" / ".x3.part",
    ]
    kept = [path.parent / "backups" / "wtfc-backup-20260101-000000.json", path.parent / "notes.tmp"]
    young = path.parent / "recordings" / ("a" * 32) / ".young.webm.x4.tmp"
    an_hour_ago = time.time() - 3600
    for file in [*left, *kept, young]:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text("words")
        if file is not young:
            os.utime(file, (an_hour_ago, an_hour_ago))
    TinyDBRepository(path)
    assert [f for f in left if f.exists()] == []
    assert all(f.exists() for f in [*kept, young])  # not ours, or a write still going on


def _save_reviews(path: str, project_id: str, name: str) -> None:
    close_all()
    repo = TinyDBRepository(path)
    for i in range(100):
        repo.save(f.review(project_id, person_ref=f"{name}{i}"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_two_processes_writing_one_file_take_turns(path: Path) -> None:
    project = TinyDBRepository(path).save(f.project())
    close_all()
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_save_reviews, args=(str(path), project.id, name)) for name in "AB"]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    assert [w.exitcode for w in writers] == [0, 0]
    refs = sorted(r.person_ref for r in TinyDBRepository(path).find(Review))
    assert refs == sorted(f"{name}{i}" for name in "AB" for i in range(100))


# --- hard kills -----------------------------------------------------------------------------------------
def _expected_review(project_id: str, i: int) -> Review:
    return f.review(project_id, id=f"{i:032x}", person_ref=f"K{i}", reviewer="Writer")


def _writer(path: str, project_id: str, counter_id: str, started: multiprocessing.synchronize.Event) -> None:
    """Save review i, then add reading i to the counter, for i = 0, 1, 2, ... until killed."""
    close_all()
    repo = TinyDBRepository(path)
    counter = repo.get(Measure, counter_id)
    assert counter is not None

    def count(value: int) -> Measure:
        assert counter is not None
        readings = [*counter.readings, Reading(on=date(2026, 1, 1), value=value)]
        return repo.save(counter.model_copy(update={"readings": readings}))

    i = len(repo.find(Review, reviewer="Writer"))
    if len(counter.readings) < i:
        counter = count(i - 1)
    while True:
        repo.save(_expected_review(project_id, i))
        started.set()
        counter = count(i)
        i += 1


KILLS = 50


def _committed(
    before: dict[str, dict[str, dict[str, object]]],
    project_id: str,
    counter: Measure,
    reviews: int,
    readings: int,
) -> dict[str, dict[str, dict[str, object]]]:
    """The whole file as the writer left it after saving ``reviews`` reviews and ``readings`` readings."""
    data = {name: dict(table) for name, table in before.items()}
    for i in range(reviews):
        document = _expected_review(project_id, i).model_copy(update={"revision": 1}).model_dump(mode="json")
        data["reviews"][document["id"]] = document
    data["measures"][counter.id] = counter.model_copy(
        update={
            "readings": [Reading(on=date(2026, 1, 1), value=value) for value in range(readings)],
            "revision": counter.revision + readings,
        }
    ).model_dump(mode="json")
    return data


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.timeout(120)
def test_a_writer_killed_mid_write_always_leaves_a_committed_state(path: Path) -> None:
    """Fifty times: fork a writer (no new interpreter), SIGKILL it at a random moment, and check that the
    whole file is exactly one of the states the writer had fully saved (nothing half-written, nothing
    lost that had been saved), and that the store opens and shows that state."""
    repo = TinyDBRepository(path)
    project = repo.save(f.project())
    counter = repo.save(_measure(project.id))
    repo.save_all([f.review(project.id, person_ref=f"Ballast{i}") for i in range(400)])  # slower writes
    ballast = {r.id: r for r in repo.find(Review)}
    close_all()
    before = read_store(path)
    context = multiprocessing.get_context("fork")
    rng = random.Random(20260501)
    seen = killed_mid_write = 0
    left_behind: list[Path] = []
    started_at = time.perf_counter()
    for _ in range(KILLS):
        started = context.Event()
        writer = context.Process(target=_writer, args=(str(path), project.id, counter.id, started))
        writer.start()
        assert started.wait(10), "the writer did not start"
        time.sleep(rng.uniform(0, 0.03))
        assert writer.pid is not None
        os.kill(writer.pid, signal.SIGKILL)
        writer.join(10)
        assert writer.exitcode == -signal.SIGKILL
        temps = [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
        killed_mid_write += len(temps) > len(left_behind)
        left_behind = temps

        on_disk = read_store(path)
        count = len(on_disk["reviews"]) - len(ballast)
        committed = [
            _committed(before, project.id, counter, count, readings)
            for readings in (count, count - 1)
            if readings >= 0
        ]
        assert on_disk in committed, "the file is not a state the writer had saved"
        close_all()
        reopened = TinyDBRepository(path)
        written = reopened.find(Review, reviewer="Writer")
        stored_counter = reopened.get(Measure, counter.id)
        assert stored_counter is not None
        assert written == [
            _expected_review(project.id, i).model_copy(update={"revision": 1}) for i in range(count)
        ]
        assert [r.value for r in stored_counter.readings] in (list(range(count)), list(range(count - 1)))
        assert {r.id: r for r in reopened.find(Review) if r.reviewer != "Writer"} == ballast
        assert reopened.find(Project) == [project]
        assert count >= seen
        seen = count
    elapsed = time.perf_counter() - started_at
    assert seen >= KILLS  # each writer had saved at least one review before it was killed
    print(f"{KILLS} kills: {elapsed:.2f} s, {seen} reviews, {killed_mid_write} kills left a temporary file")


def _crash_at_rename(path: str, project_id: str) -> None:
    """Write the whole temporary file, then die just before it would replace the store."""
    close_all()
    repo = TinyDBRepository(path)
    os.replace = lambda src, dst: os.kill(os.getpid(), signal.SIGKILL)  # type: ignore[assignment]
    repo.save(f.review(project_id, person_ref="Never"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_crash_just_before_the_rename_keeps_the_previous_state(path: Path) -> None:
    repo = TinyDBRepository(path)
    project = repo.save(f.project())
    before = path.read_bytes()
    close_all()
    context = multiprocessing.get_context("fork")
    writer = context.Process(target=_crash_at_rename, args=(str(path), project.id))
    writer.start()
    writer.join(30)
    assert writer.exitcode == -signal.SIGKILL
    assert path.read_bytes() == before
    assert len([p for p in path.parent.iterdir() if p.name.endswith(".tmp")]) == 1
    assert TinyDBRepository(path).find(Review) == []


def test_refused_tries_survive_a_restart_are_shared_and_never_rewrite_the_data_file(tmp_path: Path) -> None:
    path = tmp_path / "wtfc.json"
    first = TinyDBRepository(path)
    first.save(f.project())
    before = path.stat()
    now = datetime(2026, 5, 1, 10, tzinfo=UTC)
    first.note_attempt("account:x", now)
    close_all()  # as after a restart of the app
    again = TinyDBRepository(path)
    again.note_attempt("account:x", now + timedelta(seconds=1))
    script = (
        "import sys; from datetime import datetime, UTC; "
        "from wtfc_collect.storage.tinydb_store import TinyDBRepository; "
        "r = TinyDBRepository(sys.argv[1]); "
        "r.note_attempt('account:x', datetime(2026, 5, 1, 10, 0, 2, tzinfo=UTC)); "
        "print(len(r.attempts_since('account:x', datetime(2026, 5, 1, tzinfo=UTC))))"
    )
    other_process = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert other_process.stdout.strip() == "3"
    assert len(again.attempts_since("account:x", now)) == 3
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
        before.st_ino,
        before.st_mtime_ns,
        before.st_size,
    )
    assert oct((tmp_path / "wtfc.json.attempts.sqlite").stat().st_mode & 0o777) == "0o600"
