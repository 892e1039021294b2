"""The register model: the file is what the training script makes, plain-Python scores equal scikit-learn's,
and the verdicts it adds explain themselves and hold on rows it never saw."""

from __future__ import annotations

import csv
import hashlib
import json
import random
from pathlib import Path

import numpy as np
import pytest

from wtfc_collect.quality import FlagKind, check_statement
from wtfc_collect.quality.register import train
from wtfc_collect.quality.register.features import says_i
from wtfc_collect.quality.register.model import MODEL_FILE, Limits, _sigmoid, explain, model, parse

HERE = Path(train.__file__).resolve().parent


def _checksums() -> dict[str, str]:
    return dict(reversed(line.split("  ", 1)) for line in train.CHECKSUMS.read_text().splitlines())


def test_the_model_file_is_the_one_training_wrote_from_the_files_as_they_are() -> None:
    # Training the whole model takes minutes on a busy machine; instead, train.py writes a checksum of the
    # model file and of every file it read. Any change to them since (a hand edit of the model, new data,
    # other features) shows here; `python -m wtfc_collect.quality.register.train --check` trains in full.
    listed = _checksums()
    assert sorted(listed) == sorted([MODEL_FILE, *train.inputs(), train.SAMPLE_NAME])
    assert any(name.startswith("data/") for name in listed) and "features.py" in listed
    for name, digest in listed.items():
        if name != train.SAMPLE_NAME:
            found = hashlib.sha256((HERE / name).read_bytes()).hexdigest()
            assert found == digest, f"{name} changed since the model was made: run the training script again"


def test_training_on_a_seeded_sample_makes_the_file_training_made_and_reads_training_rows_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The whole pipeline (rows, grouped folds, threshold, fit, file) on a few hundred rows: the same file,
    # byte for byte, as when the shipped model was trained (its checksum is in model.sha256).
    splits: list[str] = []
    read = train.read_rows

    def spy(split: str = "train", data: Path = train.DATA) -> list[train.Row]:
        splits.append(split)
        return read(split, data)

    monkeypatch.setattr(train, "read_rows", spy)
    made = tmp_path / "sample.json"
    assert train.write(train.train(sample=train.SAMPLE), made) == _checksums()[train.SAMPLE_NAME]
    assert set(splits) == {"train"}  # the held-out rows are never read, not even to choose the threshold
    sample = parse(made.read_text(encoding="utf-8"))
    assert 0.5 <= sample.threshold < 1
    # Even from a few hundred rows it has learned which way the writing leans.
    assert (sample.probability("Risks associated with people's care were safely managed and monitored")
            > 0.5 > sample.probability("Staff were kind and the food was lovely"))


def test_plain_python_scores_are_scikit_learns() -> None:
    rows = train.read_rows("train")
    sample = random.Random(1).sample(rows, 800)
    fitted = train.Fitted([r.text for r in sample], np.array([r.professional for r in sample]))
    made = parse(_as_text(fitted.export(Limits(0.5, 0.5), 0.3)))
    texts = [r.text for r in train.read_rows("held_out")[:60]] + ["", "Nothing", "ok!!", "😀", "x" * 2000]
    expected = fitted.probability(texts)
    # The shipped model reads the same words first: what it keeps about a word must not leak into another.
    shipped = [model().probability(text) for text in texts]
    got = [made.probability(text) for text in texts]
    assert got != shipped
    assert got == pytest.approx(list(expected), abs=1e-4)


def test_the_speaker_model_reads_statements_that_say_i_and_plain_python_scores_it_as_scikit_learn() -> None:
    rows = random.Random(2).sample(train.read_rows("train"), 1500)
    labels = np.array([r.professional for r in rows])
    fitted = train.Fitted([r.text for r in rows], labels)
    speaking = train.speaker_rows(rows)
    assert speaking and all(says_i(rows[i].text) for i in speaking)
    speaker = train.Fitted([rows[i].text for i in speaking], labels[speaking])
    limits = Limits(0.5, 0.5)
    made = parse(_as_text(train.with_speaker(fitted.export(limits, 0.3), speaker.export(limits, 0.3))))
    assert made.speaker is not None
    texts = ["I am in control of planning my care and support", "I love my garden", "My carers are late",
             "Staff were kind", "People told us they felt safe", "I", ""]
    general, theirs = fitted.probability(texts), speaker.probability(texts)
    expected = [(g + s) / 2 if says_i(text) else g for text, g, s in zip(texts, general, theirs, strict=True)]
    assert [made.probability(text) for text in texts] == pytest.approx(expected, abs=1e-4)
    assert expected[0] != pytest.approx(general[0], abs=1e-3)  # the speaker model did change it


def test_too_few_statements_that_say_i_make_no_speaker_model() -> None:
    rows = _own_words_policy_and_reports()
    assert len(train.speaker_rows(rows)) == 20  # ten groups, ten of them professional
    assert train.speaker_rows(rows[:10] + rows[20:24]) == []  # four professional: fewer than the folds


def test_the_shipped_model_has_a_speaker_model() -> None:
    m = model()
    assert m.speaker is not None
    text = "I have care and support that is directed by me"
    both = (_sigmoid(m.score(text)) + _sigmoid(m.speaker.score(text))) / 2
    assert m.probability(text) == pytest.approx(both)
    assert m.probability("Care and support directed by the person") == pytest.approx(
        _sigmoid(m.score("Care and support directed by the person")))


def _as_text(exported: dict[str, object]) -> str:
    import json

    return json.dumps(exported)


def test_no_training_row_is_also_a_held_out_row() -> None:
    seen = {r.text.casefold() for r in train.read_rows("train")}
    held_out = train.read_rows("held_out")
    held = [r for r in held_out if r.text.casefold() in seen]
    # Only the same short words in two documents ("Addressing social isolation"): under 1 % of the rows.
    assert len(held) <= 0.01 * len(held_out), held


def test_every_data_file_has_its_source_and_licence_in_the_readme() -> None:
    readme = (HERE / "data" / "README.md").read_text(encoding="utf-8")
    for path in (HERE / "data").glob("*.tsv"):
        assert f"`{path.name}`" in readme, path.name
    assert readme.count("Licence") + readme.count("licence") >= 7


def test_held_out_patient_comments_are_rarely_called_professional() -> None:
    with (HERE / "data" / "fft_comments.tsv").open(encoding="utf-8", newline="") as handle:
        held = [row["text"] for row in csv.DictReader(handle, delimiter="\t") if row["split"] == "held_out"]
    assert len(held) > 1500
    flagged = [t for t in held if check_statement(t, "health").of_kind(FlagKind.REGISTER)]
    assert len(flagged) / len(held) <= 0.025, len(flagged)  # measured 0.6 % (10 of 1,709)


def test_cross_validation_keeps_each_trusts_answers_together() -> None:
    # Comments from a trust the model never read are called professional more often than unseen comments
    # of a trust it knows, and in use every service is new to it: the thresholds are chosen on
    # predictions for trusts' answers the model did not see.
    comments = [r for r in train.read_rows("train") if r.source == "fft_comments"]
    groups = {r.group for r in comments}
    assert len(comments) > 7000
    assert groups == {f"fft:Trust {t} - Q{q}" for t, q in ("A1", "A2", "B1", "C1", "C2")}


@pytest.mark.parametrize("name", [
    "care_records", "people_quotes", "care_plans", "case_studies", "regulators"])
def test_a_source_kept_for_measuring_is_never_read_by_training(name: str) -> None:
    with (HERE / "data" / f"{name}.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) > 200
    assert {row["split"] for row in rows} == {"held_out"}
    assert name not in {r.source for r in train.read_rows("train")}


def test_quoted_words_of_people_in_social_care_are_rarely_called_professional() -> None:
    # People and relatives quoted in inspection reports: a kind of own words training never saw.
    with (HERE / "data" / "people_quotes.tsv").open(encoding="utf-8", newline="") as handle:
        said = [row["text"] for row in csv.DictReader(handle, delimiter="\t")]
    flagged = [t for t in said if check_statement(t, "social_care").of_kind(FlagKind.REGISTER)]
    assert len(flagged) / len(said) <= 0.03, flagged  # measured 1.1 % (3 of 275)


@pytest.mark.parametrize("text", [
    "Risks associated with people's care were safely managed",
    "Tenancy sustainment support",
    "Your needs identified in your assessment",
    "Individual care plan.",
])
def test_professional_writing_is_flagged_with_reasons_and_phrases(text: str) -> None:
    verdict = check_statement(text)
    assert not verdict.own_words
    flags = verdict.of_kind(FlagKind.REGISTER)
    assert flags, verdict.flags
    assert all(f.strong and 0 <= f.start < f.end <= len(text) for f in flags)
    assert any("reads like professional writing, not the person's own words" in f.explanation for f in flags)
    assert all("score" not in f.explanation and "%" not in f.explanation for f in flags)


def test_the_explanation_names_the_words_that_weigh_most() -> None:
    text = "Risks associated with people's care were safely managed"
    found = explain(text)
    assert found.probability >= model().threshold
    words = [text[start:end] for start, end, _ in found.phrases]
    assert any("managed" in phrase for phrase in words), words
    assert all(phrase in text for phrase in words)
    assert found.reasons


def test_a_plainer_alternative_is_offered_where_the_lexicon_has_one() -> None:
    flags = check_statement("Individual care plan.").of_kind(FlagKind.REGISTER)
    assert any(f.alternative == "my plan / what we agreed about my help" for f in flags), flags


def test_soft_notes_stay_soft() -> None:
    verdict = check_statement("My PA takes me swimming on Fridays")
    assert verdict.own_words
    assert not any(f.strong for f in verdict.flags if f.kind is not FlagKind.PERSONAL_DATA)


@pytest.mark.parametrize("text", [
    "The same two carers in the mornings, they know how I like my tea",
    "Staff were kind and the food was lovely",
    "I want to get back to the allotment",
])
def test_peoples_words_are_not_flagged(text: str) -> None:
    assert check_statement(text).own_words


# --- the term gate: a word services use, in a statement that otherwise reads like a person talking -------

def _row(professional: bool, source: str,
         text: str = "Prior to discharge a review is completed") -> train.Row:
    return train.Row(text, professional, group=f"{source}-{random.random()}", source=source)


def test_the_term_gate_is_chosen_from_professional_rows_that_hold_a_term() -> None:
    # 400 professional rows with a term, their out-of-fold probabilities 0.0025 apart: the gate may soften
    # at most TERM_LOSSES of them (two), so it sits at the third lowest. Own-words rows, rows with no term
    # and the lexicon's own list do not move it.
    rows = [_row(True, "council_services") for _ in range(400)]
    found = np.arange(400) / 400
    rows += [_row(False, "fft_comments"), _row(True, "council_services", "The garden is pretty"),
             _row(True, train.LEXICON_SOURCE)]
    found = np.concatenate([found, [0.9, 0.0, 0.0]])
    assert train.term_gate_for(rows, found) == pytest.approx(2 / 400)
    assert train.term_gate_for(rows[400:], found[400:]) == 0.0


def test_the_shipped_term_gate_sits_below_the_threshold() -> None:
    assert 0 < model().term_gate <= model().threshold


@pytest.mark.parametrize(("text", "term"), [
    ("I was seen prior to my operation and the nurse was lovely", "prior to"),
    ("The clinician I saw was so kind and listened to me", "clinician"),
])
def test_a_term_in_a_statement_that_reads_as_talk_is_a_soft_note(text: str, term: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    verdict = check_statement(text)
    assert verdict.own_words, verdict.flags
    flag = next(f for f in verdict.of_kind(FlagKind.JARGON) if text[f.start:f.end] == term)
    assert not flag.strong
    assert f"'{term}' is how services often put it" in flag.explanation
    assert "reads like the person talking" in flag.explanation and "Try:" not in flag.explanation
    assert model().probability(text) < model().term_gate
    # Without the gate, the same word is a strong flag: the gate, not another rule, keeps the words.
    from wtfc_collect.quality import checker
    monkeypatch.setattr(checker, "reads_as_talk", lambda probability: False)
    assert not check_statement(text).own_words


@pytest.mark.parametrize("text", [
    "the balance of my dietary intake",  # the method's own example of words nobody says about their dinner
    "Prior to discharge, a medication review is to be completed by the clinician",
    "Staff to ensure service users are engaged in meaningful activities.",
])
def test_a_term_in_a_statement_that_reads_as_services_write_stays_strong(text: str) -> None:
    verdict = check_statement(text)
    assert not verdict.own_words
    assert any(f.strong for f in verdict.of_kind(FlagKind.JARGON))
    assert model().probability(text) >= model().term_gate


# --- the statement's vector of meaning ------------------------------------------------------------------

def test_a_statements_vector_is_its_words_vectors_added_up_at_length_one() -> None:
    from wtfc_collect.quality.register import vectors

    one = vectors.statement_vector(["going", "to", "the", "football"])
    assert float(one @ one) == pytest.approx(1.0)
    assert np.allclose(one, vectors.statement_vector(["football", "the", "to", "going"]))  # order free
    added = vectors.word_vector("going") + vectors.word_vector("football")
    assert np.allclose(vectors.statement_vector(["going", "football"]), added / np.linalg.norm(added))
    assert not vectors.statement_vector([]).any()
    # Words of like meaning sit closer than words of unlike meaning.
    near = vectors.statement_vector(["nurse"]) @ vectors.statement_vector(["doctor"])
    far = vectors.statement_vector(["nurse"]) @ vectors.statement_vector(["tomatoes"])
    assert near > far


def test_the_model_names_the_word_vectors_it_was_trained_with() -> None:
    import json

    from wtfc_collect.quality.register import vectors

    raw = json.loads((HERE / MODEL_FILE).read_text(encoding="utf-8"))
    assert raw["vectors_sha256"] == vectors.digest()
    assert len(raw["vector_weights"]) == vectors.load()[1].shape[1]
    raw["vectors_sha256"] = "0" * 64
    with pytest.raises(ValueError, match="other word vectors"):
        parse(json.dumps(raw))


def test_the_vector_weighs_in_the_score() -> None:
    import dataclasses

    text = "I feel valued as a partner in the planning of my care"
    shipped = model()
    without = dataclasses.replace(shipped, vector_weights=np.zeros_like(shipped.vector_weights))
    assert without.probability(text) != pytest.approx(shipped.probability(text), abs=1e-3)


def test_no_training_row_is_nearly_a_held_out_statement_of_the_accuracy_tests() -> None:
    # Gathered policy statements quote frameworks that the held-out rows quote too: a training row with
    # four in five of a held-out statement's words would make the held-out figures a test of memory.
    import re

    def words(text: str) -> frozenset[str]:
        return frozenset(re.findall(r"[^\W_]+", text.casefold()))

    tests = Path(__file__).resolve().parents[2] / "data" / "own_words_held_out.tsv"
    with tests.open(encoding="utf-8", newline="") as handle:
        held = [words(row["statement"]) for row in csv.DictReader(
            (line for line in handle if not line.startswith("#")), delimiter="\t")]
    assert len(held) == 52
    for row in train.read_rows("train"):
        mine = words(row.text)
        assert not any(mine and len(mine & other) >= 0.8 * len(mine | other) for other in held), row.text


def test_training_chooses_the_largest_regularisation_that_calls_no_everyday_statement_a_report(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rows = ([_row(False, "fft_comments", f"comment {n}") for n in range(300)]
            + [_row(False, "demo_bank", "Working on cars in a garage")]
            + [_row(True, "council_services", f"policy {n}") for n in range(60)])

    def out_of_fold(chosen: list[train.Row], c: float = train.C) -> np.ndarray:
        found = np.array([0.9 if r.professional else 0.01 * (n % 50) / 50 for n, r in enumerate(chosen)])
        found[300] = 0.95 if c >= 8 else 0.2  # past C 4 the demo statement reads as a report
        return found

    monkeypatch.setattr(train, "out_of_fold", out_of_fold)
    c, found = train.choose_c(rows)
    assert c == 4.0 and found[300] == 0.2
    monkeypatch.setattr(train, "out_of_fold", lambda chosen, c=1.0: np.where(
        [r.professional for r in chosen], 0.9, 0.01) + np.eye(1, len(chosen), 300)[0])
    assert train.choose_c(rows)[0] == train.CANDIDATES[0]  # none is clean: the smallest


def test_the_shipped_model_records_its_regularisation() -> None:
    import json

    raw = json.loads((HERE / MODEL_FILE).read_text(encoding="utf-8"))
    assert raw["c"] in train.CANDIDATES


def test_the_kept_word_vectors_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each kept vector is 2 KB: a stream of new words (names, typing slips) must not grow memory for ever.
    from wtfc_collect.quality.register import vectors

    monkeypatch.setattr(vectors, "CACHE_LIMIT", 5)
    fresh = parse((HERE / MODEL_FILE).read_text(encoding="utf-8"))
    before = fresh.probability("zzqa zzqb zzqc zzqd zzqe zzqf zzqg zzqh")
    assert len(vectors._words) <= 5
    assert fresh.probability("zzqa zzqb zzqc zzqd zzqe zzqf zzqg zzqh") == pytest.approx(before)


def test_a_word_seen_in_one_kind_of_writing_starts_with_more_say_than_one_seen_in_both() -> None:
    from scipy import sparse

    # Columns: a word in every row, one only in the professional rows, one only in the own-words rows.
    present = sparse.csr_matrix(np.array([[1, 1, 0], [1, 1, 0], [1, 0, 1], [1, 0, 1]], dtype=float))
    labels = np.array([True, True, False, False])
    ratio = train._ratios(present, labels, np.ones(4))
    assert ratio[0] == pytest.approx(0.0)
    assert ratio[1] > 0.5 and ratio[2] > 0.5
    assert ratio[1] == pytest.approx(ratio[2])
    # Weights count: a row that weighs more moves its words further from even.
    heavier = train._ratios(present, labels, np.array([3.0, 3.0, 1.0, 1.0]))
    assert heavier[1] != pytest.approx(ratio[1])


def _as_rows(made: list[tuple[str, bool, str]]) -> list[train.Row]:
    """(text, professional, source) as training rows, each its own document."""
    return [train.Row(text, professional, f"g{i}", source) for i, (text, professional, source)
            in enumerate(made)]


def _own_words_policy_and_reports() -> list[train.Row]:
    """Ten own-words rows saying 'I', ten not, ten of policy written as 'I' and ten of reports."""
    made = ([(f"I went out {i}", False, "own") for i in range(10)]
            + [(f"Lovely day {i}", False, "own") for i in range(10)]
            + [(f"I am supported {i}", True, "policy") for i in range(10)]
            + [(f"Outcomes were met {i}", True, "reports") for i in range(10)])
    return _as_rows(made)


def test_statements_that_say_i_get_a_threshold_of_their_own_within_the_same_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(train, "FALSE_ALARMS", 0.1)
    # Own words: 10 saying 'I' (low scores), 10 not (higher scores); professional: policy written as 'I'
    # scoring between the two, and reports scoring high.
    rows = _own_words_policy_and_reports()
    scores = np.array([0.1] * 10 + [0.5 + 0.04 * i for i in range(10)] + [0.7] * 10 + [0.95] * 10)
    threshold, first_person = train.thresholds_for(rows, scores)
    labels = np.array([r.professional for r in rows])
    says = np.array([r.text.startswith("I ") for r in rows])
    said = (scores >= threshold) | (says & (scores >= first_person))
    assert first_person <= 0.7 < threshold  # the policy written as 'I' is caught, the reports too
    assert said[labels].all()
    assert int(said[~labels].sum()) <= 2  # no more own words than one threshold may call: 10 % of 20
    # No own words saying 'I' score that high, so the rest keep the whole budget: the one threshold's.
    assert threshold == train.threshold_for(scores, labels)


def test_the_shipped_model_reads_i_statements_against_their_own_threshold() -> None:
    m = model()
    assert 0.5 <= m.first_person_threshold <= m.threshold
    between = (m.first_person_threshold + m.threshold) / 2
    assert m.calls(between, "I am supported to take part in my community")
    assert not m.calls(between, "Support to take part in the community")
    assert m.calls(m.threshold, "Support to take part in the community")


def _shipped_file() -> dict[str, object]:
    """The shipped model file, read as JSON."""
    found = json.loads((train.HERE / MODEL_FILE).read_text(encoding="utf-8"))
    assert isinstance(found, dict)
    return found


def _short_fragments_and_long_prose() -> list[train.Row]:
    """Own words: ten short fragments ("Nursing care 3") and ten long sentences; professional: ten long
    sentences of a report and ten short labels of a care plan."""
    made = ([(f"Nursing care {i}", False, "own") for i in range(10)]
            + [(f"The nurse came round every day and we had a chat {i}", False, "own") for i in range(10)]
            + [(f"There was evidence that people were not always supported safely {i}", True, "reports")
               for i in range(10)]
            + [(f"Tenancy support {i}", True, "plans") for i in range(10)])
    return _as_rows(made)


def test_long_statements_get_a_threshold_of_their_own_within_the_same_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(train, "FALSE_ALARMS", 0.1)
    rows = _short_fragments_and_long_prose()
    # People's short fragments score as high as anything; their long sentences low; the report's long
    # prose in between, the care plan's labels high.
    scores = np.array([0.97 + 0.002 * i for i in range(10)] + [0.3] * 10 + [0.8] * 10 + [0.99] * 10)
    threshold, first_person = train.thresholds_for(rows, scores)
    assert threshold > 0.8  # one threshold (the budget is 2 of 20) misses the whole report
    least, long, short = train.long_thresholds_for(rows, scores, threshold, first_person)
    limits = Limits(short, first_person, least, long)
    said = np.array([limits.calls(p, r.text) for p, r in zip(scores, rows, strict=True)])
    labels = np.array([r.professional for r in rows])
    assert 4 <= least <= 10 and long <= 0.8 < short
    assert said[labels].sum() > ((scores >= threshold) & labels).sum()
    assert int(said[~labels].sum()) <= 2  # the same budget


def test_a_long_threshold_calls_no_more_of_peoples_own_i_words_professional(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(train, "FALSE_ALARMS", 0.1)
    # Two of ten long statements of people saying 'I' score 0.85: a long threshold of 0.8 would catch the
    # whole report within the budget (2 of 20 own-words rows), but call 20 % of people's 'I' words
    # professional, where one threshold calls none and the budget's share is one.
    made = ([(f"Nursing care {i}", False, "own") for i in range(10)]
            + [(f"I went to the shops with my sister and we had a good time {i}", False, "own")
               for i in range(10)]
            + [(f"There was evidence that people were not always supported safely {i}", True, "reports")
               for i in range(10)])
    rows = _as_rows(made)
    scores = np.array([0.97 + 0.002 * i for i in range(10)] + [0.85] * 2 + [0.1] * 8 + [0.8] * 10)
    threshold, first_person = train.thresholds_for(rows, scores)
    least, long, short = train.long_thresholds_for(rows, scores, threshold, first_person)
    limits = Limits(short, first_person, least, long)
    called = [limits.calls(p, r.text) for p, r in zip(scores[10:20], rows[10:20], strict=True)]
    assert sum(called) <= 1


def test_one_threshold_stays_when_a_split_by_length_catches_no_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(train, "FALSE_ALARMS", 0.1)
    rows = _short_fragments_and_long_prose()
    scores = np.array([0.1] * 20 + [0.9] * 20)
    threshold, first_person = train.thresholds_for(rows, scores)
    assert train.long_thresholds_for(rows, scores, threshold, first_person) == (0, threshold, threshold)


def test_the_model_reads_long_statements_against_their_own_threshold() -> None:
    text = _as_text({**_shipped_file(), "long_words": 5, "long_threshold": 0.8, "threshold": 0.95,
                     "first_person_threshold": 0.7})
    made = parse(text)
    assert made.calls(0.85, "Medicines were not always managed safely")  # six words: the long threshold
    assert not made.calls(0.85, "Nursing care")
    assert made.calls(0.96, "Nursing care")
    assert made.calls(0.75, "I am supported")  # the first-person threshold still counts
    assert not made.calls(0.65, "Medicines were not always managed safely")
    # A model file from before the split reads as one threshold for all.
    before = {k: v for k, v in _shipped_file().items() if k not in ("long_words", "long_threshold")}
    old = parse(_as_text({**before, "threshold": 0.95}))
    assert (old.long_words, old.calls(0.85, "Medicines were not always managed safely")) == (0, False)


def test_the_first_person_threshold_calls_no_more_of_peoples_own_i_words_professional(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(train, "FALSE_ALARMS", 0.1)
    # Two of ten people's words that say 'I' score as high as the policy: a lower line for 'I' would call
    # 20 % of them professional (more than one threshold, more than the 10 % budget), so there is none,
    # even though it would catch the policy within the overall budget.
    rows = _own_words_policy_and_reports()
    scores = np.array([0.1] * 8 + [0.72] * 2 + [0.5 + 0.04 * i for i in range(10)] + [0.7] * 10
                      + [0.95] * 10)
    threshold, first_person = train.thresholds_for(rows, scores)
    assert first_person > 0.72
    assert threshold == train.threshold_for(scores, np.array([r.professional for r in rows]))


def test_the_first_person_threshold_may_call_people_saying_i_professional_as_often_as_the_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(train, "FALSE_ALARMS", 0.1)
    # One threshold calls none of people's 'I' words professional (the speaker model puts them low), but
    # one of ten (the budget's share) may be, to catch the policy written as 'I'.
    rows = _own_words_policy_and_reports()
    scores = np.array([0.1] * 9 + [0.72] + [0.5 + 0.04 * i for i in range(10)] + [0.7] * 10
                      + [0.95] * 10)
    threshold, first_person = train.thresholds_for(rows, scores)
    labels = np.array([r.professional for r in rows])
    says = np.array([r.text.startswith("I ") for r in rows])
    said = (scores >= threshold) | (says & (scores >= first_person))
    assert first_person <= 0.7
    assert said[labels].all()
    assert int(said[~labels & says].sum()) == 1


def test_a_word_only_one_document_uses_is_not_learned() -> None:
    texts = ["Hollyfield ward was fine", "Hollyfield ward again", "the ward was fine", "the ward again",
             "I liked the ward", "a ward report"]
    labels = np.array([True, False, True, False, False, True])
    one_report = train.Fitted(texts, labels, groups=["report", "report", "b", "c", "d", "e"])
    assert "w:hollyfield" not in one_report.vocabulary  # in two statements, but of one document
    assert "w:ward" in one_report.vocabulary
    two_reports = train.Fitted(texts, labels, groups=["report", "other", "b", "c", "d", "e"])
    assert "w:hollyfield" in two_reports.vocabulary


def test_a_sentences_frame_keeps_its_small_words_and_gives_other_words_their_kind() -> None:
    from wtfc_collect.quality.register.features import frame_features, frame_runs, frame_word, words

    assert [frame_word(w) for w in ("there", "was", "evidence", "practices", "managed", "safely",
                                    "information", "assessment", "42", "going")] == [
        "there", "was", "_", "_s", "_ed", "_ly", "_tion", "_ment", "_9", "_"]
    tokens = words("There was evidence of institutional practices within the centre")
    runs = frame_features(tokens)
    assert runs == ["s:there was _", "s:was _ of", "s:_ of _", "s:of _ _s", "s:_ _s within",
                    "s:_s within the", "s:within the _", "s:the _ </s>"]
    # A report on another subject has the same frame: what the model learns from one carries to the other.
    assert set(frame_features(words("There was evidence of unsafe practices within the home"))) >= {
        "s:there was _", "s:_ of _", "s:_s within the"}
    # Where each run starts: its words are tokens[start - 1:start + 2]. The same runs as frame_features.
    assert [start for start, _ in frame_runs(tokens)] == list(range(1, 9))
    for text in ("", "Yes", "I went to the shops", "Staff were observed supporting 12 residents at lunch"):
        assert [run for _, run in frame_runs(words(text))] == frame_features(words(text))
    # Runs of small words alone, and of kinds alone, are not part of the frame.
    assert frame_features(words("it was in the")) == []
    # "unreliable inconsistent staffing" and "inconsistent staffing arrangements" are kinds alone.
    unreliable = words("Unreliable inconsistent staffing arrangements")
    assert frame_features(unreliable) == ["s:<s> _ _", "s:_ing _ment </s>"]


def test_the_model_reads_a_sentences_frame() -> None:
    from wtfc_collect.quality.register.features import ngrams, words

    assert "s:there was _" in ngrams("There was evidence of poor practice")
    frames = {g: w for g, w in model().weights.items() if g.startswith("s:")}
    assert len(frames) > 1000
    # Plain Python finds the same frame runs as training does (the scores are compared in another test).
    text = "Staff were observed supporting residents with their meals in the dining room"
    numbers = model()._grams(words(text))
    found = {g for g, number in model().index.items() if number in numbers}
    assert {g for g in found if g.startswith("s:")} == {g for g in ngrams(text) if g.startswith("s:")
                                                         and g in model().weights}


def test_weights_that_differ_only_by_rounding_train_the_same_model() -> None:
    # With the solver's default tolerance, weights equal to 13 decimal places gave probabilities up to 0.013
    # apart on the training rows, enough to move the thresholds chosen from them.
    rows = train.read_rows("train")
    random.Random(train.SEED).shuffle(rows)  # in this order the default tolerance shows the difference
    texts = [r.text for r in rows]
    labels = np.array([r.professional for r in rows])
    weights = train.source_weights(rows)
    groups = [r.group for r in rows]
    rounded = weights * (1 + 1e-13 * np.cos(np.arange(len(weights))))
    one = train.Fitted(texts, labels, 16.0, weights, groups).probability(texts)
    other = train.Fitted(texts, labels, 16.0, rounded, groups).probability(texts)
    assert np.abs(one - other).max() < 0.002
