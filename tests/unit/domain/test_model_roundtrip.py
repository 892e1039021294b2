"""Every stored record (and every model inside one) survives JSON and both stores unchanged.

The generated text is awkward on purpose: HTML, markdown, emoji, right-to-left scripts, Welsh, control
characters and lone surrogates. What is stored must never hold a control character.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from tests.strategies import CONTROL, NESTED, RECORDS, new_record
from wtfc_collect.domain import COLLECTIONS, AuditEvent, Record
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.tinydb_store import TinyDBRepository, close_all, read_store

MODEST = settings(max_examples=50, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
KINDS = list(COLLECTIONS)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _assert_clean(data: Any) -> None:
    for text in _strings(data):
        assert not CONTROL & set(text), f"control character stored in {text!r}"
        assert not any("\ud800" <= ch <= "\udfff" for ch in text), f"lone surrogate stored in {text!r}"


def _nested_models(model: type[BaseModel]) -> set[type[BaseModel]]:
    """Every model class reachable from ``model``'s fields (through lists and optionals)."""
    found: set[type[BaseModel]] = set()

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in found:
            found.add(annotation)
            for info in annotation.model_fields.values():
                visit(info.annotation)
        for arg in get_args(annotation):
            visit(arg)

    for info in model.model_fields.values():
        visit(info.annotation)
    return found


def test_every_record_kind_and_nested_model_has_a_strategy() -> None:
    assert set(RECORDS) == set(COLLECTIONS)
    nested = set().union(*(_nested_models(kind) for kind in COLLECTIONS))
    assert nested <= set(NESTED), f"add strategies for {nested - set(NESTED)}"


def _through_json(model: BaseModel) -> BaseModel:
    text = json.dumps(model.model_dump(mode="json"))
    return type(model).model_validate(json.loads(text))


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
@MODEST
@given(data=st.data())
def test_records_survive_json(kind: type[Record], data: st.DataObject) -> None:
    record = data.draw(RECORDS[kind])
    again = _through_json(record)
    assert again == record
    assert again.model_dump(mode="json") == record.model_dump(mode="json")
    _assert_clean(record.model_dump(mode="json"))


@pytest.mark.parametrize("kind", list(NESTED), ids=lambda k: k.__name__)
@MODEST
@given(data=st.data())
def test_nested_models_survive_json(kind: type[BaseModel], data: st.DataObject) -> None:
    model = data.draw(NESTED[kind])
    assert _through_json(model) == model
    _assert_clean(model.model_dump(mode="json"))


def _store_and_compare(repo: MemoryRepository | TinyDBRepository, record: Record,
                       reopen: Any) -> None:
    kind = type(record)
    if isinstance(record, AuditEvent):
        repo.append_audit(record)
        assert reopen().audit_log(record.record_id)[-1] == record
        return
    saved = repo.save(record)
    expected = record.model_copy(update={"revision": record.revision + 1})
    assert saved == expected
    assert reopen().get(kind, record.id) == expected


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
@MODEST
@given(data=st.data())
def test_records_survive_the_memory_store(kind: type[Record], data: st.DataObject) -> None:
    repo = MemoryRepository()
    _store_and_compare(repo, data.draw(new_record(kind)), lambda: repo)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("roundtrip")
    close_all()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
@MODEST
@given(data=st.data())
def test_records_survive_the_file_store(kind: type[Record], data: st.DataObject, store_dir: Path) -> None:
    record = data.draw(new_record(kind))
    store_file = store_dir / uuid.uuid4().hex / "wtfc.json"  # hypothesis repeats ids: a file per example

    def reopen() -> TinyDBRepository:
        close_all()  # forget the open file, so the record is read back from disk
        return TinyDBRepository(store_file)

    _store_and_compare(TinyDBRepository(store_file), record, reopen)
    _assert_clean(read_store(store_file))
