"""Results kept until the store changes: never handed to another store, and records given as copies."""

from __future__ import annotations

import gc

from tests import factories as f
from wtfc_collect.domain import Project
from wtfc_collect.services.common import kept_records, kept_until_changed, updated
from wtfc_collect.storage.memory import MemoryRepository


def test_a_new_store_never_gets_what_was_kept_for_one_that_is_gone() -> None:
    # New stores start at the same version; a gone store's id() is often given to the next one.
    names = []
    for n in range(20):
        repo = MemoryRepository()
        repo.save(f.project(name=f"Project {n}"))
        names.append([p.name for p in kept_records(repo, Project)])
        assert kept_until_changed(repo, "test", "n", lambda n=n: n) == n
        del repo
        gc.collect()
    assert names == [[f"Project {n}"] for n in range(20)]


def test_kept_records_are_copies_and_follow_changes() -> None:
    repo = MemoryRepository()
    repo.save(f.project(name="Kept"))
    (first,) = kept_records(repo, Project)
    first.name = "Changed in place, never saved"
    (second,) = kept_records(repo, Project)
    assert second.name == "Kept"
    repo.save(updated(second, {"name": "Renamed"}))
    assert [p.name for p in kept_records(repo, Project)] == ["Renamed"]
