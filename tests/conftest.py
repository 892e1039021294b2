"""Shared fixtures: stores of every kind, a fixed clock, and a temporary data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository


@pytest.fixture
def memory_repo() -> Repository:
    return MemoryRepository()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty data folder used by bootstrap, the command line and the app."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WTFC_DATA_DIR", str(folder))
    yield folder
