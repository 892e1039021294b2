"""Copying a whole store to another: a data folder into PostgreSQL, or PostgreSQL back into a folder.

Everything goes: every record with its revision and in the order it was first saved, the whole audit log,
and every voice recording. The target must be empty. The records and the audit log go in at once (one
transaction, or one atomic file write); the recordings follow one by one. Afterwards the copy is checked:
the ids of every kind of record, of the audit entries and of the recordings must be the same on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .port import Recordings, Repository, StoreError
from .shared import META_TABLE, RawData

RECORDINGS = "voice recordings"


@runtime_checkable
class WholeStore(Protocol):
    """What a store offers for copying all of it at once (the TinyDB and PostgreSQL stores)."""

    def export_raw(self) -> RawData: ...

    def import_raw(self, data: RawData) -> None: ...

    def record_ids(self) -> dict[str, set[str]]: ...


@dataclass
class CopyCheck:
    """For each kind of thing: how many the source held, and how many the target holds after the copy."""

    rows: list[tuple[str, int, int]] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)

    @property
    def matches(self) -> bool:
        return not self.differences


def _whole(store: Repository, role: str) -> WholeStore:
    if not isinstance(store, WholeStore):
        raise StoreError(
            f"The {role} cannot be copied as a whole (it is neither a data folder nor a database)."
        )
    return store


def _label(name: str) -> str:
    """A collection in plain words: ``action_plans`` -> ``action plans``."""
    return "audit log entries" if name == "audit" else name.replace("_", " ")


def check_empty(target: Repository, target_recordings: Recordings) -> None:
    """Refuse (StoreError) a target that holds anything: a copy never mixes two stores."""
    held = sum(len(ids) for ids in _whole(target, "target").record_ids().values())
    recordings = len(target_recordings.ids())
    if held or recordings:
        raise StoreError(
            f"The target already holds data ({held} records and audit entries, {recordings} voice "
            "recordings), so nothing was copied. Copy into an empty database or an empty data folder."
        )


def copy_everything(
    source: Repository, source_recordings: Recordings, target: Repository, target_recordings: Recordings
) -> CopyCheck:
    """Copy all records, the audit log and the recordings from source to the (empty) target; then check."""
    whole_source, whole_target = _whole(source, "source"), _whole(target, "target")
    check_empty(target, target_recordings)
    data = whole_source.export_raw()
    wanted_recordings = source_recordings.ids()
    whole_target.import_raw(data)
    for review_id, recording_id in wanted_recordings:
        sound = source_recordings.get(review_id, recording_id)
        if sound is not None:
            target_recordings.put(review_id, recording_id, sound)
    return compare(data, wanted_recordings, whole_target.record_ids(), target_recordings.ids())


def compare(
    data: RawData,
    source_recordings: list[tuple[str, str]],
    target_ids: dict[str, set[str]],
    target_recordings: list[tuple[str, str]],
) -> CopyCheck:
    """The counts on both sides, and what differs (by ids, not only by number)."""
    check = CopyCheck()
    names = sorted({name for name in data if name != META_TABLE} | set(target_ids))
    for name in names:
        wanted = set(data.get(name, {}))
        found = target_ids.get(name, set())
        check.rows.append((_label(name), len(wanted), len(found)))
        if wanted != found:
            check.differences.append(
                f"{_label(name)}: {len(wanted - found)} missing in the target, {len(found - wanted)} extra"
            )
    check.rows.append((RECORDINGS, len(source_recordings), len(target_recordings)))
    if set(source_recordings) != set(target_recordings):
        missing = len(set(source_recordings) - set(target_recordings))
        extra = len(set(target_recordings) - set(source_recordings))
        check.differences.append(f"{RECORDINGS}: {missing} missing in the target, {extra} extra")
    return check
