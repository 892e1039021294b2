"""Accuracy on statements the checker was not tuned on, the demo bank, and the symptom cases.

The held-out rows are a fixed third of shared/data/own_words_dev.tsv (every third row), copied into
tests/data so these tests do not need shared/. The bounds sit a little below what was measured (precision
1.00, recall 0.92 (24 of 26) on 52 rows; no good demo statement flagged): they guard against getting worse,
they were not tuned to pass.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from wtfc_collect.demo.project import demo_flaws, load_bank
from wtfc_collect.quality import FlagKind, check_statement, check_statements

DATA = Path(__file__).resolve().parents[2] / "data"
SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def test_precision_and_recall_on_held_out_statements() -> None:
    rows = read_tsv(DATA / "own_words_held_out.tsv")
    assert len(rows) == 52
    said = [not check_statement(row["statement"]).own_words for row in rows]
    truth = [row["label"] == "professional" for row in rows]
    tp = sum(s and t for s, t in zip(said, truth, strict=True))
    precision = tp / sum(said)
    recall = tp / sum(truth)
    assert precision >= 0.95, precision
    assert recall >= 0.88, recall


@pytest.mark.skipif(not (SHARED / "own_words_dev.tsv").exists(), reason="shared/data is not beside the repo")
def test_the_held_out_copy_matches_the_shared_file() -> None:
    shared = read_tsv(SHARED / "own_words_dev.tsv")
    assert read_tsv(DATA / "own_words_held_out.tsv") == [row for i, row in enumerate(shared) if i % 3 == 2]


SYMPTOM_KINDS = {"acronym": {FlagKind.ACRONYM, FlagKind.JARGON}, "duplicate": {FlagKind.DUPLICATE},
                 "pii": {FlagKind.PERSONAL_DATA}, "service_solution": {FlagKind.SERVICE},
                 "third_person": {FlagKind.THIRD_PERSON}, "vague": {FlagKind.VAGUE}}


@pytest.mark.parametrize("row", read_tsv(DATA / "quality_symptoms.tsv"), ids=lambda r: r["statement"][:30])
def test_symptom_cases(row: dict[str, str]) -> None:
    text = row["statement"]
    if row["symptom"] == "duplicate":  # the file's note: the same text in 20 of 60 reviews
        flags = check_statements([(str(n), text, f"person {n}") for n in range(20)])["0"].flags
    else:
        flags = check_statement(text).flags
    wanted = [f for f in flags if f.kind in SYMPTOM_KINDS[row["symptom"]]]
    if row["expected_flag"] == "yes":
        assert wanted, flags
    else:
        assert not any(f.strong for f in wanted), wanted


@pytest.mark.parametrize(("kind", "text"), [(kind, text) for kind, texts in demo_flaws().items()
                                            for text in texts if kind != "duplicate"])
def test_every_flawed_demo_statement_is_caught_as_its_kind(kind: str, text: str) -> None:
    verdict = check_statement(text)
    assert FlagKind(kind) in {f.kind for f in verdict.flags}, verdict.flags
    # Personal data is for taking out before the workshop; the words can still be the person's own.
    assert verdict.own_words is (kind == "personal_data")


def test_the_demo_sentence_copied_across_people_is_a_duplicate() -> None:
    [copied] = demo_flaws()["duplicate"]
    items = [(f"r{n}", copied, f"NV-{n:03d}") for n in range(6)]
    items.append(("x", "Fish and chips on a Friday", "NV-900"))
    verdicts = check_statements(items)
    assert all(verdicts[f"r{n}"].of_kind(FlagKind.DUPLICATE) for n in range(6))
    assert not verdicts["x"].of_kind(FlagKind.DUPLICATE)


def test_good_demo_statements_are_nearly_all_own_words() -> None:
    good = [entry.text for entry in load_bank() if entry.flaw is None]
    flagged = [text for text in good if not check_statement(text).own_words]
    assert len(good) > 250
    assert len(flagged) / len(good) <= 0.02, flagged
