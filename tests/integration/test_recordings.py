"""The recordings port: one contract for every adapter (memory, files, PostgreSQL), then what only the file
adapter promises."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import factories as f
from wtfc_collect import bootstrap
from wtfc_collect.domain import new_id
from wtfc_collect.storage.port import Recordings
from wtfc_collect.storage.postgres_recordings import PostgresRecordings
from wtfc_collect.storage.recordings import SUFFIX, FileRecordings, MemoryRecordings

BAD_IDS = ["../" + "a" * 29, "a" * 31, "A" * 32, "a" * 33, "/etc/passwd", "", "a" * 31 + "/", "g" * 32]


@pytest.fixture(params=["memory", "files", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Recordings]:
    if request.param == "postgres":
        yield PostgresRecordings(request.getfixturevalue("postgres_url"))
    else:
        yield MemoryRecordings() if request.param == "memory" else FileRecordings(tmp_path / "recordings")


def test_put_get_replace_and_delete(store: Recordings) -> None:
    review, recording = new_id(), new_id()
    assert store.get(review, recording) is None
    store.put(review, recording, f.wav(0.2))
    assert store.get(review, recording) == f.wav(0.2)
    store.put(review, recording, f.wav(0.3))
    assert store.get(review, recording) == f.wav(0.3)
    assert store.delete(review, recording) is True
    assert store.delete(review, recording) is False
    assert store.get(review, recording) is None


def test_delete_review_removes_only_that_reviews_recordings(store: Recordings) -> None:
    review, other = new_id(), new_id()
    ids = [new_id() for _ in range(3)]
    for recording in ids:
        store.put(review, recording, f.wav(0.1))
    kept = new_id()
    store.put(other, kept, b"OggS kept")
    assert store.ids() == sorted([*((review, r) for r in ids), (other, kept)])
    assert store.delete_review(review) == 3
    assert all(store.get(review, r) is None for r in ids)
    assert store.get(other, kept) == b"OggS kept"
    assert store.delete_review(review) == 0
    assert store.ids() == [(other, kept)]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_ids_that_are_not_record_ids_are_refused(store: Recordings, bad: str) -> None:
    good = new_id()
    for call in (
        lambda: store.put(bad, good, b"x"),
        lambda: store.put(good, bad, b"x"),
        lambda: store.get(bad, good),
        lambda: store.get(good, bad),
        lambda: store.delete(good, bad),
        lambda: store.delete_review(bad),
    ):
        with pytest.raises(ValueError, match="record id"):
            call()


def test_a_copy_is_kept_not_the_callers_object(store: Recordings) -> None:
    review, recording = new_id(), new_id()
    data = bytearray(b"RIFF....WAVE")
    store.put(review, recording, data)  # type: ignore[arg-type]  # a caller may pass any bytes-like
    data[:4] = b"XXXX"
    assert store.get(review, recording) == b"RIFF....WAVE"


def test_many_threads_at_once(store: Recordings) -> None:
    review = new_id()
    ids = [new_id() for _ in range(40)]
    threads = [threading.Thread(target=store.put, args=(review, r, r.encode())) for r in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(store.get(review, r) == r.encode() for r in ids)
    assert store.delete_review(review) == 40


# --- files ----------------------------------------------------------------------------------------------
def test_files_are_private_and_named_by_ids_only(tmp_path: Path) -> None:
    root = tmp_path / "data" / "recordings"
    store = FileRecordings(root)
    review, recording = new_id(), new_id()
    store.put(review, recording, f.wav(0.2))
    path = root / review / (recording + SUFFIX)
    assert path.read_bytes() == f.wav(0.2)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_a_file_made_readable_by_others_is_private_again_after_a_write(tmp_path: Path) -> None:
    store = FileRecordings(tmp_path)
    review, recording = new_id(), new_id()
    store.put(review, recording, b"one")
    path = tmp_path / review / (recording + SUFFIX)
    os.chmod(path, 0o644)
    store.put(review, recording, b"two")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_write_that_fails_leaves_the_old_recording_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = FileRecordings(tmp_path)
    review, recording = new_id(), new_id()
    store.put(review, recording, b"RIFF old WAVE")

    def crash(*_: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        store.put(review, recording, b"RIFF new WAVE")
    monkeypatch.undo()
    assert store.get(review, recording) == b"RIFF old WAVE"
    assert [p.name for p in (tmp_path / review).iterdir()] == [recording + SUFFIX]


def test_delete_removes_the_empty_folder_and_delete_review_any_leftovers(tmp_path: Path) -> None:
    store = FileRecordings(tmp_path)
    review, recording = new_id(), new_id()
    store.put(review, recording, b"x")
    store.delete(review, recording)
    assert not (tmp_path / review).exists()
    store.put(review, recording, b"x")
    (tmp_path / review / ".leftover.tmp").write_bytes(b"half a recording")  # from a crash
    assert store.delete_review(review) == 1
    assert not (tmp_path / review).exists()
    assert store.delete_review(new_id()) == 0  # never created


def test_bootstrap_keeps_recordings_in_the_data_folder(data_dir: Path) -> None:
    store = bootstrap.build_recordings()
    review, recording = new_id(), new_id()
    store.put(review, recording, b"RIFF")
    assert (data_dir / "recordings" / review / (recording + SUFFIX)).is_file()
    assert bootstrap.recordings_dir() == data_dir / "recordings"
    assert isinstance(bootstrap.build_recordings(data_dir / "elsewhere"), FileRecordings)
