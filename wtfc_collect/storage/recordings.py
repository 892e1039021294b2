"""Adapters for the recordings port: files in the data folder, and a dict for tests.

Files live at ``<data>/recordings/<review id>/<recording id>.audio`` (the kind of sound is on the voice
answer record, not in the name). Folders are private to the account running the app (0700) and each file
is readable by its owner only (0600). Ids must be record ids, so no name can climb out of the folder.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from .shared import PRIVATE_FILE, fsync_directory, private_folder, write_atomically

if TYPE_CHECKING:
    from .port import Recordings

SUFFIX = ".audio"
_ID = re.compile(r"[0-9a-f]{32}")


def check_id(value: str, what: str = "id") -> str:
    """Refuse anything but a record id (32 lower-case hexadecimal characters)."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(f"A recording's {what} must be a record id, not {value!r}.")
    return value


class FileRecordings:
    """Recordings as files under ``root``. Written atomically: a temporary file, fsynced, then renamed."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"FileRecordings({str(self.root)!r})"

    def _folder(self, review_id: str) -> Path:
        return self.root / check_id(review_id, "review id")

    def _file(self, review_id: str, recording_id: str) -> Path:
        return self._folder(review_id) / (check_id(recording_id, "recording id") + SUFFIX)

    def put(self, review_id: str, recording_id: str, data: bytes) -> None:
        path = self._file(review_id, recording_id)
        with self._lock:
            for folder in (self.root, path.parent):
                private_folder(folder)
            write_atomically(path, bytes(data))
            os.chmod(path, PRIVATE_FILE)

    def get(self, review_id: str, recording_id: str) -> bytes | None:
        path = self._file(review_id, recording_id)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None

    def delete(self, review_id: str, recording_id: str) -> bool:
        path = self._file(review_id, recording_id)
        with self._lock:
            try:
                path.unlink()
            except FileNotFoundError:
                return False
            with suppress(OSError):  # only when it was the last one
                path.parent.rmdir()
            fsync_directory(path.parent if path.parent.exists() else self.root)
            return True

    def delete_review(self, review_id: str) -> int:
        folder = self._folder(review_id)
        with self._lock:
            if not folder.is_dir():
                return 0
            count = sum(1 for p in folder.iterdir() if p.suffix == SUFFIX)
            shutil.rmtree(folder)  # also any temporary file a crash left behind
            fsync_directory(self.root)
            return count

    def ids(self) -> list[tuple[str, str]]:
        if not self.root.is_dir():
            return []
        return sorted(
            (folder.name, path.stem)
            for folder in self.root.iterdir()
            if folder.is_dir() and _ID.fullmatch(folder.name)
            for path in folder.iterdir()
            if path.suffix == SUFFIX and _ID.fullmatch(path.stem)
        )


class MemoryRecordings:
    """Recordings held in a dict (tests and demos). Keeps copies, never the caller's objects."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: dict[str, dict[str, bytes]] = {}

    def __repr__(self) -> str:
        return f"MemoryRecordings({sum(len(r) for r in self._data.values())} recordings)"

    def put(self, review_id: str, recording_id: str, data: bytes) -> None:
        check_id(review_id, "review id")
        check_id(recording_id, "recording id")
        with self._lock:
            self._data.setdefault(review_id, {})[recording_id] = bytes(data)

    def get(self, review_id: str, recording_id: str) -> bytes | None:
        check_id(review_id, "review id")
        check_id(recording_id, "recording id")
        with self._lock:
            return self._data.get(review_id, {}).get(recording_id)

    def delete(self, review_id: str, recording_id: str) -> bool:
        check_id(review_id, "review id")
        check_id(recording_id, "recording id")
        with self._lock:
            found = self._data.get(review_id, {}).pop(recording_id, None) is not None
            if not self._data.get(review_id, True):
                del self._data[review_id]
            return found

    def delete_review(self, review_id: str) -> int:
        check_id(review_id, "review id")
        with self._lock:
            return len(self._data.pop(review_id, {}))

    def ids(self) -> list[tuple[str, str]]:
        with self._lock:
            return sorted((review, recording) for review, kept in self._data.items() for recording in kept)


if TYPE_CHECKING:

    def _fits_port(files: FileRecordings, memory: MemoryRecordings) -> tuple[Recordings, Recordings]:
        """Lets mypy check that the adapters match the port."""
        return files, memory
