"""One contract for every store: each adapter of the repository port must pass all of these tests.

Every backend (in memory, the TinyDB file, PostgreSQL) is a parameter of the ``repo`` fixture and passes
the same tests unchanged.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests import factories as f
from wtfc_collect.domain import (
    SCHEMA_VERSION,
    AuditAction,
    AuditEvent,
    Measure,
    Project,
    Question,
    Record,
    Review,
    ReviewStatus,
    Speaker,
    new_id,
)
from wtfc_collect.storage import shared
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import ConflictError, Repository
from wtfc_collect.storage.postgres import PostgresRepository
from wtfc_collect.storage.tinydb_store import TinyDBRepository, close_all


@pytest.fixture(params=["memory", "tinydb", "postgres"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    if request.param == "memory":
        yield MemoryRepository()
    elif request.param == "postgres":
        yield PostgresRepository(request.getfixturevalue("postgres_url"))
    else:
        yield TinyDBRepository(tmp_path / "store" / "wtfc.json")
    close_all()


def _event(record_id: str, action: AuditAction = AuditAction.EDIT, minutes: int = 0) -> AuditEvent:
    return AuditEvent(
        id=new_id(), at=f.NOW + timedelta(minutes=minutes), actor="Sam", action=action,
        record_kind="review", record_id=record_id, reason="typo",
    )


def _measure(**overrides: object) -> Measure:
    data: dict[str, object] = {"id": new_id(), "project_id": new_id(), "success_id": new_id(),
                               "description": "People say they chose their activities"}
    data.update(overrides)
    return Measure.model_validate(data)


# --- save and get ---------------------------------------------------------------------------------------
def test_save_returns_the_record_with_revision_one_and_get_returns_it(repo: Repository) -> None:
    project = f.project()
    saved = repo.save(project)
    assert saved.revision == 1
    assert saved == project.model_copy(update={"revision": 1})
    assert repo.get(Project, project.id) == saved


def test_get_of_an_unknown_id_is_none(repo: Repository) -> None:
    repo.save(f.project())
    assert repo.get(Project, new_id()) is None
    assert repo.get(Project, "not an id") is None
    assert repo.get(Review, new_id()) is None


def test_each_save_raises_the_revision_by_one(repo: Repository) -> None:
    project = repo.save(f.project())
    for expected in (2, 3, 4):
        project = repo.save(project.model_copy(update={"purpose": f"Round {expected}"}))
        assert project.revision == expected
    stored = repo.get(Project, project.id)
    assert stored is not None and (stored.revision, stored.purpose) == (4, "Round 4")


def test_a_stale_save_is_refused_and_the_first_save_wins(repo: Repository) -> None:
    project = f.project()
    review = repo.save(f.review(project.id))
    mine, theirs = repo.get(Review, review.id), repo.get(Review, review.id)
    assert mine is not None and theirs is not None
    repo.save(theirs.model_copy(update={"team": "South team"}))
    with pytest.raises(ConflictError, match="Someone else saved this review since you opened it"):
        repo.save(mine.model_copy(update={"team": "North team", "reviewer": "Me"}))
    stored = repo.get(Review, review.id)
    assert stored is not None
    assert (stored.team, stored.reviewer, stored.revision) == ("South team", None, 2)


def test_a_new_record_must_come_with_revision_zero(repo: Repository) -> None:
    project = f.project().model_copy(update={"revision": 3})
    with pytest.raises(ConflictError, match="no longer stored"):
        repo.save(project)
    assert repo.get(Project, project.id) is None


def test_saving_the_same_new_record_twice_is_refused(repo: Repository) -> None:
    project = f.project()
    repo.save(project)
    with pytest.raises(ConflictError, match="already been saved"):
        repo.save(project.model_copy(update={"name": "Second click"}))
    stored = repo.get(Project, project.id)
    assert stored is not None and stored.name == project.name and stored.revision == 1


def test_saving_a_deleted_record_is_refused(repo: Repository) -> None:
    project = repo.save(f.project())
    assert repo.delete(Project, project.id) is True
    with pytest.raises(ConflictError):
        repo.save(project)
    assert repo.get(Project, project.id) is None


def test_delete_says_whether_there_was_a_record(repo: Repository) -> None:
    keep, gone = repo.save(f.project(name="Keep")), repo.save(f.project(name="Gone"))
    assert repo.delete(Project, gone.id) is True
    assert repo.delete(Project, gone.id) is False
    assert repo.delete(Project, new_id()) is False
    assert [p.id for p in repo.find(Project)] == [keep.id]


def test_only_stored_record_kinds_are_accepted(repo: Repository) -> None:
    class Stray(Record):
        """A kind of record no store has a collection for."""

    with pytest.raises(TypeError):
        repo.save(Stray(id=new_id()))


# --- find -----------------------------------------------------------------------------------------------
def test_find_matches_top_level_fields_oldest_first(repo: Repository) -> None:
    project, other = f.project(), f.project()
    first = repo.save(f.review(project.id, person_ref="A", team="North team"))
    repo.save(f.review(other.id, person_ref="B", team="North team"))
    third = repo.save(f.review(project.id, person_ref="C", team="South team"))
    fourth = repo.save(f.review(project.id, person_ref="D", team="North team"))
    repo.save(first.model_copy(update={"reviewer": "Kim"}))  # an update keeps its place

    def refs(**where: str | int | bool | None) -> list[str]:
        return [r.person_ref for r in repo.find(Review, **where)]

    assert refs() == ["A", "B", "C", "D"]
    assert refs(project_id=project.id) == ["A", "C", "D"]
    assert refs(project_id=project.id, team="North team") == ["A", "D"]
    assert refs(status=ReviewStatus.DRAFT, reviewer="Kim") == ["A"]
    assert refs(reviewer=None, project_id=project.id) == ["C", "D"]
    assert refs(team="Nowhere") == []
    assert refs(revision=2) == ["A"]
    assert [r.id for r in repo.find(Review, team="South team")] == [third.id]
    assert fourth.id in {r.id for r in repo.find(Review, revision=1)}
    assert repo.find(Project) == []


def test_find_refuses_a_field_the_kind_does_not_have(repo: Repository) -> None:
    with pytest.raises(TypeError, match="no field colour"):
        repo.find(Review, colour="blue")


# --- save_all -------------------------------------------------------------------------------------------
def test_save_all_stores_new_records_of_several_kinds_at_revision_one(repo: Repository) -> None:
    project = f.project()
    reviews = [f.review(project.id, person_ref=f"P{i}") for i in range(5)]
    assert repo.save_all([project, *reviews]) == 6
    assert repo.get(Project, project.id) == project.model_copy(update={"revision": 1})
    assert [r.person_ref for r in repo.find(Review)] == [f"P{i}" for i in range(5)]
    assert {r.revision for r in repo.find(Review)} == {1}
    assert repo.save_all([]) == 0


@pytest.mark.parametrize("problem", ["stored", "revision", "twice"])
def test_save_all_refuses_a_bad_batch_and_stores_none_of_it(repo: Repository, problem: str) -> None:
    project = repo.save(f.project())
    fresh = f.review(project.id, person_ref="New")
    bad: Record = {
        "stored": project.model_copy(update={"revision": 0}),
        "revision": f.review(project.id).model_copy(update={"revision": 1}),
        "twice": fresh,
    }[problem]
    with pytest.raises(ConflictError):
        repo.save_all([fresh, bad])
    assert repo.find(Review) == []
    assert repo.find(Project) == [project]


def test_save_all_can_remove_records_in_the_same_write(repo: Repository) -> None:
    project = repo.save(f.project())
    old = [repo.save(f.review(project.id, person_ref=f"Old{i}")) for i in range(2)]
    new = f.review(project.id, person_ref="New")
    version = repo.version()
    gone_already = new_id()  # not stored: passed over
    assert repo.save_all([new], remove=[(Review, old[0].id), (Review, gone_already)]) == 1
    assert repo.version() != version
    assert sorted(r.person_ref for r in repo.find(Review)) == ["New", "Old1"]
    assert repo.save_all([], remove=[(Review, old[1].id)]) == 0
    assert [r.person_ref for r in repo.find(Review)] == ["New"]


def test_a_refused_save_all_removes_nothing(repo: Repository) -> None:
    project = repo.save(f.project())
    old = repo.save(f.review(project.id, person_ref="Old"))
    stale = project.model_copy(update={"revision": 0})  # already stored: the batch is refused
    with pytest.raises(ConflictError):
        repo.save_all([f.review(project.id, person_ref="New"), stale], remove=[(Review, old.id)])
    assert repo.find(Review) == [old]


def test_save_all_cannot_remove_audit_entries(repo: Repository) -> None:
    event = _event(new_id())
    repo.append_audit(event)
    with pytest.raises(TypeError):
        repo.save_all([], remove=[(AuditEvent, event.id)])
    assert repo.audit_log() == [event]


# --- refused tries ----------------------------------------------------------------------------------------
def test_refused_tries_are_counted_per_key_without_changing_the_records(repo: Repository) -> None:
    version = repo.version()
    for minutes in (0, 5, 10):
        repo.note_attempt("account:a", f.NOW + timedelta(minutes=minutes))
    repo.note_attempt("code:b", f.NOW)
    assert repo.version() == version  # counting a try is not a change of the records
    assert repo.attempts_since("account:a", f.NOW + timedelta(minutes=5)) == [
        f.NOW + timedelta(minutes=5),
        f.NOW + timedelta(minutes=10),
    ]
    assert len(repo.attempts_since("account:a", f.NOW - timedelta(days=1))) == 3
    repo.forget_attempts("account:a")
    assert repo.attempts_since("account:a", f.NOW - timedelta(days=1)) == []
    assert repo.attempts_since("code:b", f.NOW) == [f.NOW]


# --- the audit log --------------------------------------------------------------------------------------
def test_the_audit_log_is_append_only_and_in_order(repo: Repository) -> None:
    a, b = new_id(), new_id()
    events = [
        _event(a, AuditAction.CREATE, 0), _event(b, AuditAction.CREATE, 1), _event(a, AuditAction.EDIT, 2)
    ]
    for event in events:
        repo.append_audit(event)
    assert repo.audit_log() == events
    assert repo.audit_log(a) == [events[0], events[2]]
    assert repo.audit_log(new_id()) == []
    with pytest.raises(ValueError, match="already in the log"):
        repo.append_audit(events[0].model_copy(update={"reason": "rewritten"}))
    with pytest.raises(TypeError):
        repo.save(events[1])
    with pytest.raises(TypeError):
        repo.delete(AuditEvent, events[1].id)
    with pytest.raises(TypeError):
        repo.save_all([_event(a)])
    assert repo.audit_log() == events


# --- copies, not shared objects -------------------------------------------------------------------------
def test_records_handed_out_are_copies(repo: Repository) -> None:
    project = f.project()
    draft = f.complete_review(project.id)
    saved = repo.save(draft)
    draft.team = "Changed after saving"
    saved.statements[0].priority = None
    saved.participants.append("Added to the returned copy")
    got = repo.get(Review, saved.id)
    assert got is not None
    got.add_statement(Question.FUTURE, "Added to a copy", Speaker.PERSON, f.NOW)
    found = repo.find(Review)[0]
    found.reviewer = "Changed in a search result"

    stored = repo.get(Review, saved.id)
    assert stored is not None
    assert stored.team == "North team" and stored.reviewer is None and stored.participants == []
    assert stored.statements[0].priority == 1
    assert len(stored.statements) == 6


def test_many_threads_can_save_at_once(repo: Repository) -> None:
    project = repo.save(f.project())
    counter = repo.save(_measure(project_id=project.id))

    def work(n: int) -> None:
        for i in range(10):
            repo.save(f.review(project.id, person_ref=f"T{n}-{i}"))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = sorted(f"T{n}-{i}" for n in range(8) for i in range(10))
    assert sorted(r.person_ref for r in repo.find(Review)) == expected
    assert repo.get(Measure, counter.id) == counter


# --- backup ---------------------------------------------------------------------------------------------
def test_backup_is_json_that_opens_as_a_store_with_the_same_records(repo: Repository, tmp_path: Path) -> None:
    project = repo.save(f.project())
    reviews = [repo.save(f.complete_review(project.id, person_ref=f"P{i}")) for i in range(3)]
    measure = repo.save(_measure(project_id=project.id, baseline=2.5))
    repo.delete(Review, reviews[1].id)
    events = [_event(r.id) for r in reviews]
    for event in events:
        repo.append_audit(event)

    path = repo.backup(tmp_path / "backups")
    assert path.parent == tmp_path / "backups"
    assert re.fullmatch(r"wtfc-backup-\d{8}-\d{6}\.json", path.name)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data[shared.META_TABLE] == shared.meta(SCHEMA_VERSION)

    copy = TinyDBRepository(path)
    assert copy.find(Project) == [project]
    assert copy.find(Review) == [reviews[0], reviews[2]]
    assert copy.find(Measure) == [measure]
    assert copy.audit_log() == events


def test_a_second_backup_in_the_same_second_gets_its_own_name(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shared, "utc_now", lambda: datetime(2026, 5, 1, 10, 0, 0, tzinfo=UTC))
    first = repo.backup(tmp_path)
    repo.save(f.project())
    second = repo.backup(tmp_path)
    third = repo.backup(tmp_path)
    assert [p.name for p in (first, second, third)] == [
        "wtfc-backup-20260501-100000.json", "wtfc-backup-20260501-100000-2.json",
        "wtfc-backup-20260501-100000-3.json",
    ]
    assert json.loads(first.read_text()).get("projects", {}) == {}
    assert len(json.loads(second.read_text())["projects"]) == 1


# --- a person's words ----------------------------------------------------------------------------------
def test_a_save_can_never_change_a_persons_words(repo: Repository) -> None:
    from wtfc_collect.storage.port import WordsProtected

    project = repo.save(f.project())
    review = repo.save(f.complete_review(project.id))
    first = review.statements[0]
    # model_copy skips the frozen-field check: the store is the last line of defence.
    forged = review.model_copy(
        update={"statements": [first.model_copy(update={"text": "Something else"}), *review.statements[1:]]}
    )
    with pytest.raises(WordsProtected):
        repo.save(forged)
    stored = repo.get(Review, review.id)
    assert stored is not None and stored.statements[0].text == first.text
    # Adding a workshop version beside the words is fine, and so is removing a statement from a draft.
    stored.statements[0].set_workshop_text("Going to the allotment", by="Ann", now=f.NOW, reason="no name")
    stored.remove_statement(stored.statements[-1].id, f.NOW)
    saved = repo.save(stored)
    assert saved.statements[0].text == first.text
    assert saved.statements[0].card_text == "Going to the allotment"


def test_the_version_changes_with_every_change_and_only_then(repo: Repository) -> None:
    start = repo.version()
    project = repo.save(f.project())
    after_save = repo.version()
    assert after_save != start
    repo.get(type(project), project.id)
    repo.find(type(project))
    assert repo.version() == after_save  # reading changes nothing
    seen = {start, after_save}
    repo.append_audit(_event(project.id))
    seen.add(repo.version())
    repo.save_all([f.project()])
    seen.add(repo.version())
    repo.delete(type(project), project.id)
    seen.add(repo.version())
    assert len(seen) == 5, "each change gives a new version"
