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
