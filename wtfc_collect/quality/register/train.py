"""Train the register model: a person's own words or professional writing. Seeded and reproducible.

    python -m wtfc_collect.quality.register.train            # writes model.json and model.sha256
    python -m wtfc_collect.quality.register.train --report   # also prints cross-validated figures
    python -m wtfc_collect.quality.register.train --check    # trains again; is model.json the same file?

``model.sha256`` holds the checksum of ``model.json`` and of every file training reads (the data, this
script, the features and the lexicon they use), so a test can tell cheaply that the shipped model is the
one this script made from these files, and the checksum of the model made the same way from a seeded
sample of :data:`SAMPLE` training rows, which a test makes again in seconds. ``--check`` trains in full.

Reads the TSVs in ``data/`` (see data/README.md for each source and its licence), uses only the rows
marked ``train`` (the ``held_out`` ones are never seen here), and fits one logistic regression over
:mod:`.features`: words, word pairs and pieces of words (tf-idf, each present or not) and how the
statement is written (scaled). Each source file weighs the same within its label (see
:func:`source_weights`): without that, thousands of hospital feedback comments would teach the model that
"own words" means praise of a ward, and a plain sentence about a day with no feeling word in it
("Watering the tomatoes in the greenhouse") would lean toward professional. The threshold for "not own
words" is chosen from out-of-fold predictions on the training rows (5 folds, whole documents kept
together): the lowest at which at most :data:`FALSE_ALARMS` of the own-words rows are called professional.
The same out-of-fold predictions choose the **term gate** (see :func:`term_gate_for`): below it, a word
services use in a statement that otherwise reads like a person talking is only a soft note. Nothing here is
tuned on held-out rows.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from ..lexicon import Risk, lexicon
from ..text import fold
from . import vectors
from .features import SHAPES, SPEAKER, ngrams, says_i, shapes, words
from .model import Limits
from .vectors import statement_vector

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
MODEL = HERE / "model.json"
CHECKSUMS = HERE / "model.sha256"
# Besides the data: the files whose code or words decide what training makes (see features.py).
_CODE = ("train.py", "features.py", "vectors.py", "../lexicon.py", "../lexicon.tsv", "../text.py")
SEED = 16
# Inverse regularisation: training chooses it by grouped cross-validation on the training rows (see
# choose_c): of CANDIDATES, the largest at which no own-words row other than the patient comments (the demo's
# everyday statements, own_words_dev.tsv's people's words) is called professional out of fold. A larger C
# fits the words more closely; past that point it starts to take short everyday statements for reports.
CANDIDATES = (1.0, 2.0, 4.0, 8.0, 16.0)
C = 4.0  # for the quick sample run only (see SAMPLE): the full run chooses
MIN_DOCUMENTS = 2  # a word or piece must be in at least this many training statements
# ... of at least this many documents (groups): a word only one report, page or trust's comments use
# (a place, a ward, a service's name) says nothing about how anyone else writes. Out of fold this caught
# more of most professional sources at the same false-alarm budget, and made the model 11 % smaller.
MIN_GROUPS = 2
# The share of own-words training rows (out of fold) the threshold may call professional: the model's part
# of the whole check's budget of 3 % of real people's comments judged "not own words", with the rules'.
FALSE_ALARMS = 0.0075
# The share of professional training rows holding a lexicon term (not from the lexicon's own list) whose
# term the gate may soften, out of fold: see term_gate_for.
TERM_LOSSES = 0.005
FOLDS = 5
# The lengths (in words) at which the model's threshold may split in two (see long_thresholds_for).
LONG_WORDS = tuple(range(4, 13))
# The solver stops when its steps change the weights by less than this. Scikit-learn's default (1e-4) left
# the model sensitive to rounding: weights that differ in the 13th decimal place gave probabilities up to
# 0.013 apart (out of fold, 0.015, and another threshold for 'I'). At 1e-6 they agree to 0.0002.
TOL = 1e-6
LEXICON_SOURCE = "lexicon_terms"  # the data file made of the lexicon's terms alone
SAMPLE = 600  # training rows for the quick run whose model's checksum is kept too (see model.sha256)
SAMPLE_NAME = f"sample-of-{SAMPLE}-rows.json"  # its name in model.sha256 (the file itself is not kept)


@dataclass(frozen=True)
class Row:
    text: str
    professional: bool
    group: str
    source: str


def read_rows(split: str = "train", data: Path = DATA) -> list[Row]:
    """The labelled rows of one split, from every TSV in ``data`` (sorted by file name: reproducible)."""
    rows = []
    for path in sorted(data.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row["split"] == split and row["text"].strip():
                    rows.append(Row(row["text"], row["label"] == "professional", row["group"], path.stem))
    return rows


def source_weights(rows: Sequence[Row]) -> np.ndarray:
    """A weight per row so that each source has the same total weight within its label (own words or
    professional), and each label keeps its number of rows: many rows of one kind of writing (hospital
    feedback, council service pages) then do not stand for the whole of their label."""
    count: dict[tuple[str, bool], int] = {}
    for row in rows:
        count[row.source, row.professional] = count.get((row.source, row.professional), 0) + 1
    per_label = {label: sum(n for (_, lab), n in count.items() if lab is label) for label in (True, False)}
    sources = {label: sum(lab is label for _, lab in count) for label in (True, False)}
    return np.array([per_label[r.professional] / (sources[r.professional] * count[r.source, r.professional])
                     for r in rows])


class Fitted:
    """A fitted model and what it needs to describe a statement as the model file does."""

    def __init__(self, texts: Sequence[str], labels: np.ndarray, c: float = C,
                 weights: np.ndarray | None = None, groups: Sequence[str] | None = None) -> None:
        grams = [ngrams(text) for text in texts]
        counts: dict[str, int] = {}
        where: dict[str, set[str]] = {}
        for i, found in enumerate(grams):
            for gram in found:
                counts[gram] = counts.get(gram, 0) + 1
                if groups is not None:
                    where.setdefault(gram, set()).add(groups[i])
        kept = sorted(g for g, n in counts.items() if n >= MIN_DOCUMENTS
                      and (groups is None or len(where[g]) >= MIN_GROUPS))
        self.vocabulary = {g: i for i, g in enumerate(kept)}
        self.tfidf = TfidfTransformer(norm="l2", smooth_idf=True, sublinear_tf=False)
        self.tfidf.fit(self._present(grams))
        self.scaler = StandardScaler().fit(np.array([shapes(text) for text in texts]))
        weights = np.ones(len(texts)) if weights is None else weights
        self.ratio = _ratios(self._present(grams), labels, weights)
        self.model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=5000,
                                        tol=TOL, random_state=SEED)
        self.model.fit(self._matrix(texts, grams), labels, sample_weight=weights)


    def _present(self, grams: Sequence[set[str]]) -> sparse.csr_matrix:
        indices, indptr = [], [0]
        for found in grams:
            indices.extend(sorted(self.vocabulary[g] for g in found if g in self.vocabulary))
            indptr.append(len(indices))
        data = np.ones(len(indices))
        return sparse.csr_matrix((data, indices, indptr), shape=(len(grams), len(self.vocabulary)))

    def _matrix(self, texts: Sequence[str], grams: Sequence[set[str]] | None = None) -> sparse.csr_matrix:
        grams = [ngrams(text) for text in texts] if grams is None else grams
        found = self.tfidf.transform(self._present(grams)).multiply(self.ratio).tocsr()
        written = self.scaler.transform(np.array([shapes(text) for text in texts]))
        meaning = np.array([statement_vector(words(text)) for text in texts])
        return sparse.hstack([found, sparse.csr_matrix(written), sparse.csr_matrix(meaning)], format="csr")

    def probability(self, texts: Sequence[str]) -> np.ndarray:
        """The probability that each text is professional writing, as scikit-learn computes it."""
        return np.asarray(self.model.predict_proba(self._matrix(texts))[:, 1])

    def export(self, limits: Limits, term_gate: float) -> dict[str, object]:
        n = len(self.vocabulary)
        # A word's weight as the model file keeps it: the fitted weight times its ratio (see _ratios), so
        # checking needs no ratios of its own.
        coef = np.concatenate([self.model.coef_[0][:n] * self.ratio, self.model.coef_[0][n:]])
        idf = self.tfidf.idf_
        features = {g: [_round(idf[i]), _round(coef[i])] for g, i in self.vocabulary.items() if coef[i] != 0}
        unused = {g: [_round(idf[i]), 0.0] for g, i in self.vocabulary.items() if coef[i] == 0}
        written = {name: [_round(self.scaler.mean_[j]), _round(self.scaler.scale_[j]), _round(coef[n + j])]
                   for j, name in enumerate(SHAPES)}
        meaning = [_round(value) for value in coef[n + len(SHAPES):]]
        return {"about": "WTfC Collect register model: professional writing (1) or a person's own words (0). "
                         "Made by wtfc_collect/quality/register/train.py; do not edit by hand.",
                "intercept": _round(self.model.intercept_[0]), "threshold": _round(limits.threshold),
                "first_person_threshold": _round(limits.first_person),
                "long_words": limits.long_words, "long_threshold": _round(limits.long_threshold),
                "term_gate": _round(term_gate),
                "shapes": written, "vector_weights": meaning, "vectors_sha256": vectors.digest(),
                "features": {**features, **unused}}


def _ratios(present: sparse.csr_matrix, labels: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """How strongly each word or piece leans to one label: the size of the log of the ratio of its share of
    the (weighted) professional rows to its share of the own-words rows, each counted from one. Each word's
    tf-idf value is multiplied by it before the regression ("NB-LR", Wang and Manning 2012), so a word seen
    mostly in one kind of writing starts with more say than one seen in both. Out of fold this caught more
    professional rows of most sources at the same false-alarm budget (see the README)."""
    professional = 1.0 + present[labels].T @ weights[labels]
    own = 1.0 + present[~labels].T @ weights[~labels]
    return np.asarray(np.abs(np.log((professional / professional.sum()) / (own / own.sum())))).ravel()


def _round(value: float) -> float:
    return float(f"{float(value):.6g}")


def out_of_fold(rows: Sequence[Row], c: float = C) -> np.ndarray:
    """Each training row's probability from a model that did not see its document (grouped folds)."""
    texts = [r.text for r in rows]
    labels = np.array([r.professional for r in rows])
    groups = [r.group for r in rows]
    found = np.zeros(len(rows))
    for fit_on, score_on in GroupKFold(n_splits=FOLDS).split(texts, labels, groups):
        weights = source_weights([rows[i] for i in fit_on])
        fitted = Fitted([texts[i] for i in fit_on], labels[fit_on], c, weights, [groups[i] for i in fit_on])
        found[score_on] = fitted.probability([texts[i] for i in score_on])
    return found


def threshold_for(probabilities: np.ndarray, labels: np.ndarray) -> float:
    """The lowest threshold at which at most FALSE_ALARMS of the own-words rows are at or above it."""
    own = np.sort(probabilities[~labels])[::-1]
    allowed = math.floor(FALSE_ALARMS * len(own))
    return float(max(0.5, own[allowed] + 1e-6)) if len(own) > allowed else 0.5


def _by_source(rows: Sequence[Row]) -> list[np.ndarray]:
    """The positions of each professional source's rows."""
    return [np.array([i for i, r in enumerate(rows) if r.professional and r.source == source])
            for source in sorted({r.source for r in rows if r.professional})]


def _caught(said: np.ndarray, sources: list[np.ndarray]) -> float:
    """The mean of the sources' shares called professional (each source counts the same)."""
    return float(np.mean([said[where].mean() for where in sources])) if sources else 0.0


def _first_person_limit(probabilities: np.ndarray, labels: np.ndarray, first: np.ndarray) -> int:
    """How many of people's own words that say 'I' the thresholds may call professional: no more than one
    threshold would, or than :data:`FALSE_ALARMS` of them where that is more."""
    first_own = probabilities[~labels & first]
    return max(int(np.sum(first_own >= threshold_for(probabilities, labels))),
               math.floor(FALSE_ALARMS * len(first_own)))


def thresholds_for(rows: Sequence[Row], probabilities: np.ndarray) -> tuple[float, float]:
    """The threshold, and one for statements that say 'I', 'me' or 'my', chosen together out of fold.

    People's words in the first person score lower than other own words, so one threshold for all lets
    policy written as 'I' ("I am supported to take part in my community") pass. For each candidate
    first-person threshold (0.50 to 0.99, or none) that calls no more own-words rows saying 'I'
    professional than one threshold would, or than :data:`FALSE_ALARMS` of them where that is more (the
    speaker model, see :func:`speaker_rows`, lowers people's 'I' words so far that one threshold calls
    almost none of them professional), the threshold for the rest is the lowest at which the two
    together still call at most :data:`FALSE_ALARMS` of the own-words rows professional: the same budget
    as one threshold. The pair that catches most professional writing (the mean of the sources'
    shares, so each source counts the same) is kept; of equals, the higher first-person threshold."""
    labels = np.array([r.professional for r in rows])
    first = np.array([says_i(r.text) for r in rows])
    own = ~labels
    allowed = math.floor(FALSE_ALARMS * int(own.sum()))
    sources = _by_source(rows)
    single = threshold_for(probabilities, labels)
    best: tuple[float, float, float] = (-1.0, single, single)  # one threshold for all, as the last candidate
    # People's own words that say 'I' are called professional no more often than people's words are on the
    # whole (FALSE_ALARMS), nor more often than with one threshold where that is more.
    first_own = probabilities[own & first]
    most = _first_person_limit(probabilities, labels, first)
    for candidate in [*np.round(np.arange(0.50, 1.0, 0.01), 2).tolist(), math.inf]:
        extra = first & (probabilities >= candidate)
        left = allowed - int(np.sum(own & extra))
        if left < 0 or int(np.sum(first_own >= candidate)) > most:
            continue
        rest = np.sort(probabilities[own & ~extra])[::-1]
        threshold = float(max(0.5, rest[left] + 1e-6)) if len(rest) > left else 0.5
        said = (probabilities >= threshold) | extra
        caught = _caught(said, sources)
        if caught >= best[0]:
            best = (caught, threshold, min(candidate, threshold))
    return best[1], best[2]


def long_thresholds_for(rows: Sequence[Row], probabilities: np.ndarray, threshold: float,
                        first_person: float) -> tuple[int, float, float]:
    """A threshold for statements of at least so many words, and one for shorter ones, chosen out of fold
    within the same budget as :func:`thresholds_for`'s (whose first-person threshold stays, and whose
    limit on people's own words that say 'I' holds too): (words, the threshold at that many words or more,
    the threshold below). ``(0, threshold, threshold)``, one threshold for all, unless a split catches more
    professional writing (the mean of the sources' shares).

    A long sentence gives the model many words and runs to weigh, a short one a few: "Activities.",
    "Nursing care", "Referrals to other services." in people's comments score as high as a care plan's
    labels, and so held the one threshold up above much of the regulators' and guides' long prose. With a
    split chosen this way, leaving each professional source out of training in turn caught more of most
    of them at the same budget (see the README)."""
    labels = np.array([r.professional for r in rows])
    first = np.array([says_i(r.text) for r in rows])
    length = np.array([len(words(r.text)) for r in rows])
    own = ~labels
    allowed = math.floor(FALSE_ALARMS * int(own.sum()))
    sources = _by_source(rows)
    speaking = first & (probabilities >= first_person)
    best = (_caught((probabilities >= threshold) | speaking, sources), 0, threshold, threshold)
    # As for the first-person threshold (or as many as it already calls, where that is more).
    first_own = own & first
    most = max(_first_person_limit(probabilities, labels, first),
               int(np.sum(first_own & ((probabilities >= threshold) | speaking))))
    for least in LONG_WORDS:
        long = length >= least
        for candidate in np.round(np.arange(0.50, 1.0, 0.01), 2).tolist():
            fixed = (long & (probabilities >= candidate)) | speaking
            left = allowed - int(np.sum(own & fixed))
            if left < 0:
                continue
            rest = np.sort(probabilities[own & ~long & ~fixed])[::-1]
            short = float(max(0.5, rest[left] + 1e-6)) if len(rest) > left else 0.5
            said = fixed | (~long & (probabilities >= short))
            if int(np.sum(first_own & said)) > most:
                continue
            share = _caught(said, sources)
            if share > best[0]:
                best = (share, least, float(candidate), short)
    return best[1], best[2], best[3]


def term_gate_for(rows: Sequence[Row], probabilities: np.ndarray) -> float:
    """The highest probability below which a lexicon term is only a soft note, such that at most
    :data:`TERM_LOSSES` of the professional training rows that hold a term (low or medium risk; the
    lexicon's own list of terms left out, as each of its rows is nothing but a term) fall below it.

    Real people write some of the words services use ("prior to", "service users", "clinician") in
    sentences that are otherwise plainly theirs; professional writing with such a word almost always reads
    as professional as a whole. The gate lets the two kinds of evidence agree before a statement is judged
    "not own words" for a term, and the data, not a hand-set number, says where it lies."""
    lex = lexicon()
    found = np.sort(np.array([
        p for row, p in zip(rows, probabilities, strict=True)
        if row.professional and row.source != LEXICON_SOURCE
        and any(term.risk is not Risk.HIGH for _, _, term in lex.find(fold(row.text)))]))
    if not len(found):
        return 0.0
    return float(found[math.floor(TERM_LOSSES * len(found))])


def train(report: bool = False, sample: int | None = None) -> dict[str, object]:
    """The model (as written to the model file) from the training rows; ``sample``: from only that many of
    them, chosen with the seed (a quick run of the whole pipeline, for tests)."""
    rows = read_rows("train")
    if sample is not None:
        chosen = random.Random(SEED).sample(range(len(rows)), sample)  # noqa: S311 - a seeded sample
        rows = [rows[i] for i in sorted(chosen)]
    labels = np.array([r.professional for r in rows])
    c, oof = (C, out_of_fold(rows)) if sample is not None else choose_c(rows, report)
    # Statements that say 'I' are also read by a second model, trained on such statements only (see
    # speaker_rows): their probability is the mean of the two, out of fold as when checking.
    speaking = speaker_rows(rows)
    if speaking:
        oof = oof.copy()
        oof[speaking] = (oof[speaking] + out_of_fold([rows[i] for i in speaking], c)) / 2
    threshold, first_person = thresholds_for(rows, oof)
    long_words, long_threshold, threshold = long_thresholds_for(rows, oof, threshold, first_person)
    gate = min(term_gate_for(rows, oof), threshold, long_threshold)
    limits = Limits(threshold, first_person, long_words, long_threshold)
    if report:
        _report(rows, oof, limits, gate)
    fitted = Fitted([r.text for r in rows], labels, c, weights=source_weights(rows),
                    groups=[r.group for r in rows])
    exported = fitted.export(limits, gate)
    if speaking:
        mine = [rows[i] for i in speaking]
        speaker = Fitted([r.text for r in mine], labels[speaking], c, weights=source_weights(mine),
                         groups=[r.group for r in mine])
        exported = with_speaker(exported, speaker.export(limits, gate))
    exported["c"] = c
    return exported


def speaker_rows(rows: Sequence[Row]) -> list[int]:
    """The rows that say 'I', 'me' or 'my', on which the speaker model is trained: none when they are too
    few to learn from (fewer professional ones, or documents, than folds).

    People's own words in the first person and policy written as 'I' ("I am in control of planning my
    care and support") share most of their words, so the model of all statements, which learns mostly
    what sets reports and service pages apart from hospital feedback, weighs them less well than a model
    that sees only statements saying 'I'. When it came in, with the mean of the two, out of fold, the
    thresholds caught 79 % of the training rows of policy written as 'I' against 66 % with the one model,
    and called as many of people's own 'I' words professional (6 of 3,057)."""
    found = [i for i, r in enumerate(rows) if says_i(r.text)]
    professional = [i for i in found if rows[i].professional]
    enough = len(professional) >= FOLDS and len({rows[i].group for i in found}) >= FOLDS
    return found if enough else []


def with_speaker(exported: dict[str, object], speaker: dict[str, object]) -> dict[str, object]:
    """The model file with the speaker model in it: its features in the same table, each name starting with
    :data:`SPEAKER`, and its intercept, shapes and vector weights under ``speaker``."""
    features = exported["features"]
    theirs = speaker["features"]
    if not isinstance(features, dict) or not isinstance(theirs, dict):
        raise TypeError("the model's features must be a mapping")
    return {**exported, "features": {**features, **{SPEAKER + g: v for g, v in theirs.items()}},
            "speaker": {key: speaker[key] for key in ("intercept", "shapes", "vector_weights")}}


def choose_c(rows: Sequence[Row], report: bool = False) -> tuple[float, np.ndarray]:
    """The largest of :data:`CANDIDATES` at which, out of fold and at its own threshold, no own-words row
    outside the patient comments is called professional (the smallest when none is), with its out-of-fold
    probabilities. The patient comments set the threshold (they are most of the own-words rows), so they
    cannot also judge the choice."""
    labels = np.array([r.professional for r in rows])
    others = np.array([not r.professional and r.source != "fft_comments" for r in rows])
    found = []
    for c in CANDIDATES:
        oof = out_of_fold(rows, c)
        wrong = int(np.sum(oof[others] >= threshold_for(oof, labels)))
        if report:
            print(f"C {c:g}: {wrong} own-words rows outside the patient comments called professional")
        found.append((wrong == 0, c, oof))
    clean = [(c, oof) for fine, c, oof in found if fine]
    return clean[-1] if clean else (found[0][1], found[0][2])


def _report(rows: Sequence[Row], oof: np.ndarray, limits: Limits, gate: float) -> None:
    said = np.array([limits.calls(p, r.text) for p, r in zip(oof, rows, strict=True)])
    print(f"Out-of-fold on {len(rows)} training rows ({FOLDS} grouped folds), threshold "
          f"{limits.threshold:.3f} ({limits.long_threshold:.3f} from {limits.long_words} words, "
          f"{limits.first_person:.3f} for 'I'), term gate {gate:.3f}:")
    for source in sorted({r.source for r in rows}):
        mine = [i for i, r in enumerate(rows) if r.source == source]
        pro = [i for i in mine if rows[i].professional]
        own = [i for i in mine if not rows[i].professional]
        print(f"  {source:<22} professional caught {sum(said[i] for i in pro)}/{len(pro)}; "
              f"own words called professional {sum(said[i] for i in own)}/{len(own)}")


def write(model: dict[str, object], path: Path = MODEL) -> str:
    """Write the model file (see :func:`model_text`) and return its SHA-256."""
    text = model_text(model)
    path.write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def inputs() -> list[str]:
    """The files training reads, as paths from this folder (sorted)."""
    return sorted([*_CODE, *(f"data/{path.name}" for path in DATA.glob("*.tsv"))])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def model_text(model: dict[str, object]) -> str:
    """The model file's text (sorted keys, one feature a line, so a change reads well in a diff)."""
    features = model["features"]
    if not isinstance(features, dict):
        raise TypeError("the model's features must be a mapping")
    head = {k: v for k, v in model.items() if k != "features"}
    lines = ["{", *(f"{json.dumps(k)}: {json.dumps(v, sort_keys=True)}," for k, v in sorted(head.items())),
             '"features": {']
    items = sorted(features.items())
    lines += [f"{json.dumps(g, ensure_ascii=False)}: {json.dumps(v)}" + ("," if i < len(items) - 1 else "")
              for i, (g, v) in enumerate(items)]
    lines += ["}", "}", ""]
    return "\n".join(lines)


def sample_digest() -> str:
    """The SHA-256 of the model made from the seeded sample of SAMPLE training rows."""
    return hashlib.sha256(model_text(train(sample=SAMPLE)).encode("utf-8")).hexdigest()


def checksums() -> str:
    """``model.sha256``'s text for the files as they are now: the model file, the inputs, then the model
    made from the seeded sample (trained here, which takes a few seconds)."""
    names = [MODEL.name, *inputs()]
    lines = [f"{_digest(HERE / name)}  {name}\n" for name in names]
    return "".join([*lines, f"{sample_digest()}  {SAMPLE_NAME}\n"])


def main() -> None:
    parser = argparse.ArgumentParser(description="Train the register model (writes model.json).")
    parser.add_argument("--report", action="store_true", help="print cross-validated figures too")
    parser.add_argument("--check", action="store_true",
                        help="train again and say whether model.json is exactly that (writes nothing)")
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()
    if args.check:
        made = HERE / ".model-check.json"
        try:
            write(train(report=args.report), made)
            same = made.read_bytes() == MODEL.read_bytes()
        finally:
            made.unlink(missing_ok=True)
        print("model.json is exactly what training makes." if same else
              "model.json is NOT what training makes now: run this script without --check.")
        sys.exit(0 if same else 1)
    digest = write(train(report=args.report), args.out)
    print(f"Wrote {args.out} (SHA-256 {digest})")
    if args.out.resolve() == MODEL:
        CHECKSUMS.write_text(checksums(), encoding="utf-8")
        print(f"Wrote {CHECKSUMS}")


if __name__ == "__main__":
    main()
