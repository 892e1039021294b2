"""Own-words checker figures, side by side with two naive peers, on the shared reference data.

* accuracy for "not in the person's own words" on shared/data/own_words_dev.tsv: a fixed split, every
  third row (rows 3, 6, 9 …) held out and never used to tune the checker; the rest was used for tuning;
* the expected flags of shared/data/symptoms_dev.tsv;
* the share of 10,334 real NHS Friends & Family Test comments that get a jargon or service flag (real
  people's words: every flag there is a false alarm or, at best, a soft note);
* speed: statements a second over those comments (process time), p99 per statement (its time on the core,
  and on the clock), and the checker's time compared with one pass of one compiled regex (the lexicon's)
  over the same texts.

Peers: a reading-ease threshold (textstat's Flesch reading ease, threshold chosen on the tuning rows) and a
bare term lookup (any lexicon term, any case, no endings, no context). Run: ``python -m benchmarks.quality``.
"""

from __future__ import annotations

import csv
import os
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from wtfc_collect.demo.project import demo_flaws, load_bank
from wtfc_collect.quality import FlagKind, check_statement, check_statements, duplicate_groups, lexicon

SHARED_DATA = Path(os.environ.get("WTFC_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared"
                                  / "data"))
Predict = Callable[[str], bool]  # True: not in the person's own words


def held_out(index: int) -> bool:
    """The fixed split of own_words_dev.tsv: every third data row is held out."""
    return index % 3 == 2


def _tsv(name: str) -> list[dict[str, str]]:
    with (SHARED_DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _comments() -> list[str]:
    with (SHARED_DATA / "nhs_fft_comments.csv").open(encoding="utf-8", newline="") as handle:
        return [row["feedback"] for row in csv.DictReader(handle)]


def scores(predict: Predict, rows: Sequence[dict[str, str]]) -> dict[str, float]:
    """Precision, recall and F1 for "not own words" (label ``professional``)."""
    tp = fp = fn = 0
    for row in rows:
        said, truth = predict(row["statement"]), row["label"] == "professional"
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "n": len(rows)}


def checker(text: str) -> bool:
    return not check_statement(text).own_words


def bare_lookup() -> Predict:
    """Any lexicon term as a whole word, ignoring case: no endings, no 'my', no first person."""
    import re

    terms = sorted((t.term for t in lexicon().terms), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)
    return lambda text: pattern.search(text) is not None


def reading_ease() -> Callable[[str], float] | None:
    """textstat's Flesch reading ease, offline: 0.7.x reaches for nltk's cmudict (a download); use pyphen."""
    try:
        import textstat
        import textstat.backend.counts._count_syllables as syllables
    except ImportError:
        return None
    syllables.get_cmudict = lambda lang: None  # type: ignore[attr-defined]  # pyphen only, no download
    return lambda text: float(textstat.flesch_reading_ease(text))


def best_threshold(ease: Callable[[str], float], rows: Sequence[dict[str, str]]) -> float:
    """The reading-ease threshold with the best F1 on ``rows`` (below it: not own words)."""
    values = sorted({round(ease(row["statement"])) for row in rows})
    return max(values, key=lambda t: (scores(lambda s: ease(s) < t, rows)["f1"], -t))


def symptoms() -> tuple[int, int, list[str]]:
    """How many rows of symptoms_dev.tsv get the expected flag (or, for 'no', no strong flag of it)."""
    kinds = {"acronym": {FlagKind.ACRONYM, FlagKind.JARGON}, "duplicate": {FlagKind.DUPLICATE},
             "pii": {FlagKind.PERSONAL_DATA}, "service_solution": {FlagKind.SERVICE},
             "third_person": {FlagKind.THIRD_PERSON}, "vague": {FlagKind.VAGUE}}
    rows = _tsv("symptoms_dev.tsv")
    misses = []
    for row in rows:
        text, wanted = row["statement"], kinds[row["symptom"]]
        if row["symptom"] == "duplicate":  # as in the file's note: the same text in 20 people's reviews
            flags = check_statements([(str(n), text, f"person {n}") for n in range(20)])["0"].flags
        else:
            flags = check_statement(text).flags
        found = [f for f in flags if f.kind in wanted
                 and (f.kind is not FlagKind.JARGON or text[f.start:f.end].isupper())]
        ok = bool(found) if row["expected_flag"] == "yes" else not any(f.strong for f in found)
        if not ok:
            misses.append(text)
    return len(rows) - len(misses), len(rows), misses


# Pastes of 2,000 characters made to be slow for patterns that look for the start of a sentence or read
# every 'he' and 'she': each once took 4 to 370 ms.
HOSTILE = (". " * 1000, ". " + " " * 1998, "!\n" * 1000, ".. " * 667, "advice she gave " * 125,
           "She was lovely, the course was good. " * 54, "* " * 1000, "Residents " * 200, "x, 1, " * 333,
           "am safe, " * 222 + "supported to go", "up to " * 333, "He " * 666, "my dad is " * 200)


def hostile(repeats: int = 3) -> float:
    """The longest a 2,000-character paste of :data:`HOSTILE` takes to check, in ms (the best of
    ``repeats`` runs of each, on the core)."""
    longest = 0.0
    for text in HOSTILE:
        text = text[:2000]
        times = []
        for _ in range(repeats):
            started = time.thread_time()
            check_statement(text)
            times.append((time.thread_time() - started) * 1000)
        longest = max(longest, min(times))
    return longest


def speed(texts: Sequence[str], repeats: int = 7) -> dict[str, float]:
    """Statements a second, p99 and longest single call, and the time compared with one compiled-regex pass
    (the lexicon's, over the texts as written).

    The checker and the regex pass take turns ``repeats`` times, and the ratio is the median of the turns'
    ratios, so a machine busy with other work slows both alike. Both are timed in this process's CPU time.
    """
    check_statement("Warm up: Mrs Patel, my friend Sam, 07700 900461, service user, 3 hours a week.")
    pattern = lexicon().pattern
    checker_times, ratios = [], []
    for _ in range(repeats):
        started = time.process_time()
        for text in texts:
            check_statement(text)
        checked = time.process_time() - started
        started = time.process_time()
        for text in texts:
            pattern.findall(text)
        regex = time.process_time() - started
        checker_times.append(checked)
        ratios.append(checked / regex)
    # Each statement's own time on the core (this thread's CPU time), and the time on the clock, which
    # also counts any wait while other programs had the core: on a busy shared machine the two differ.
    single, clock = [], []
    for text in texts:
        started, started_clock = time.thread_time(), time.perf_counter()
        check_statement(text)
        single.append((time.thread_time() - started) * 1000)
        clock.append((time.perf_counter() - started_clock) * 1000)
    single.sort()
    clock.sort()
    p99 = int(0.99 * (len(single) - 1))
    return {"per_s": len(texts) / statistics.median(checker_times),
            "p99_ms": single[p99], "max_ms": single[-1], "p99_clock_ms": clock[p99],
            "regex_ratio": statistics.median(ratios), "repeats": repeats}


def demo_figures() -> dict[str, float]:
    """Flawed demo statements caught (right kind), and good demo statements wrongly flagged."""
    flawed = demo_flaws()
    caught = total = 0
    for kind, texts in flawed.items():
        for text in texts:
            total += 1
            if kind == "duplicate":
                found = check_statements([("a", text, "one"), ("b", text, "two")])["a"]
            else:
                found = check_statement(text)
            caught += any(f.kind == kind and (f.strong or kind == "personal_data") for f in found.flags)
    good = [e.text for e in load_bank() if e.flaw is None]
    wrong = sum(not check_statement(text).own_words for text in good)
    return {"flawed_caught": caught, "flawed": total, "good_flagged": wrong, "good": len(good)}


REGISTER_DATA = Path(__file__).resolve().parents[1] / "wtfc_collect" / "quality" / "register" / "data"
# The kinds that count toward "judged not own words" for real patient comments: not vague answers, copies
# or personal data (an issue's target leaves those out), and acronyms are only ever a soft note.
NOT_OWN_KINDS = (FlagKind.JARGON, FlagKind.THIRD_PERSON, FlagKind.SERVICE, FlagKind.REGISTER)


def held_out_rows(name: str) -> list[dict[str, str]]:
    """The rows of one of the register model's data files that training never reads (split held_out)."""
    with (REGISTER_DATA / name).open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row["split"] == "held_out"]


def patient_comments_judged(texts: Sequence[str], field: str | None) -> tuple[float, dict[str, int]]:
    """The share of ``texts`` with a strong jargon, third-person, service or register flag, and how many
    have each of those kinds."""
    by_kind = dict.fromkeys((kind.value for kind in NOT_OWN_KINDS), 0)
    judged = 0
    for text in texts:
        flags = check_statement(text, field).flags
        kinds = {f.kind.value for f in flags if f.strong and f.kind in NOT_OWN_KINDS}
        judged += bool(kinds)
        for kind in kinds:
            by_kind[kind] += 1
    return judged / len(texts), by_kind


def held_out_figures() -> dict[str, float]:
    """Figures on rows no part of the checker was trained or tuned on: the held-out fifth of the patient
    comments, the held-out rows of the register model's other sources, and the held-out demo statements
    with every new wording the demo makes of them."""
    from wtfc_collect.demo.bank import wordings
    from wtfc_collect.quality.register.model import model

    comments = [row["text"] for row in held_out_rows("fft_comments.tsv")]
    print(f"\nHeld-out patient comments ({len(comments):,}, one in five, never trained on) judged 'not own "
          "words' by a strong jargon, third-person, service or register flag:")
    figures: dict[str, float] = {}
    for field in ("health", None):
        share, by_kind = patient_comments_judged(comments, field)
        figures[f"fft_held_out_not_own_{field or 'mixed'}"] = share
        kinds = ", ".join(f"{kind} {n}" for kind, n in by_kind.items())
        print(f"  field {field or 'mixed (the default)'}: {share:.1%} ({kinds})")
    print("Register model alone on held-out rows (professional: share caught; own words: share called "
          "professional):")
    professional = model().professional
    for path in sorted(REGISTER_DATA.glob("*.tsv")):
        rows = held_out_rows(path.name)
        for label in ("professional", "own_words"):
            texts = [row["text"] for row in rows if row["label"] == label]
            if texts:
                said = sum(map(professional, texts))
                print(f"  {path.stem:<18} {label:<13} {said:>4} of {len(texts):>4} ({said / len(texts):.1%})")
    print("The whole checker (rules and model) on the same held-out rows, field mixed (here a vague answer "
          "such as 'Nothing' counts as not own words too):")
    for path in sorted(REGISTER_DATA.glob("*.tsv")):
        rows = held_out_rows(path.name)
        for label in ("professional", "own_words"):
            texts = [row["text"] for row in rows if row["label"] == label]
            if texts:
                said = sum(checker(text) for text in texts)
                figures[f"checker_held_out_{path.stem}_{label}"] = said / len(texts)
                print(f"  {path.stem:<18} {label:<13} {said:>4} of {len(texts):>4} judged not own words "
                      f"({said / len(texts):.1%})")
    dev = [row for i, row in enumerate(_tsv("own_words_dev.tsv")) if held_out(i)]
    kinds: dict[str, list[dict[str, str]]] = {}
    for row in dev:
        kinds.setdefault(row["reason"].split(":")[0].split(";")[0].strip(), []).append(row)
    print("Held-out own_words_dev.tsv by kind (the file's reason): judged not own words / rows")
    for kind, rows in sorted(kinds.items()):
        said = sum(checker(row["statement"]) for row in rows)
        print(f"  {kind:<40} {rows[0]['label']:<13} {said} of {len(rows)}")
    real = [row for row in dev if row["source"] != "constructed"]
    made = [row for row in dev if row["source"] == "constructed"]
    alone: Predict = lambda text: professional(text)  # noqa: E731
    for name, rows in (("real-source", real), ("constructed", made)):
        both, model_only = scores(checker, rows), scores(alone, rows)
        pro = sum(row["label"] == "professional" for row in rows)
        print(f"Held-out own_words_dev.tsv, {name} rows ({len(rows)}, {pro} professional): checker precision "
              f"{both['precision']:.2f} recall {both['recall']:.2f}; register model alone precision "
              f"{model_only['precision']:.2f} recall {model_only['recall']:.2f}")
        figures[f"dev_held_out_{name}_recall"] = both["recall"]
    bank = {row["text"] for row in held_out_rows("demo_bank.tsv") if row["label"] == "own_words"}
    said = [text for entry in load_bank() if entry.text in bank for text in wordings(entry)]
    wrong = sum(not check_statement(text).own_words for text in said)
    print(f"Held-out demo statements and their new wordings: {wrong} of {len(said)} judged not own words")
    figures["demo_held_out_wrong"] = wrong
    return figures


def _row(name: str, tune: dict[str, float], held: dict[str, float], jargon: float, not_own: float) -> str:
    return (f"{name:<22}{tune['precision']:>7.2f}{tune['recall']:>7.2f}{tune['f1']:>7.2f}"
            f"{held['precision']:>9.2f}{held['recall']:>7.2f}{held['f1']:>7.2f}{jargon:>11.1%}{not_own:>9.1%}")


def run() -> dict[str, float | int]:
    """Print the figures; return the headline ones (empty when shared/data is not there)."""
    if not (SHARED_DATA / "own_words_dev.tsv").exists():
        print(f"Own-words checker: skipped, no reference data at {SHARED_DATA} (set WTFC_SHARED_DATA).")
        return {}
    rows = _tsv("own_words_dev.tsv")
    tune = [row for i, row in enumerate(rows) if not held_out(i)]
    held = [row for i, row in enumerate(rows) if held_out(i)]
    comments = _comments()
    verdicts = [check_statement(text) for text in comments]
    flagged = sum(any(f.kind in (FlagKind.JARGON, FlagKind.SERVICE) and f.strong for f in v.flags)
                  for v in verdicts)
    noted = sum(any(f.kind in (FlagKind.JARGON, FlagKind.SERVICE) for f in v.flags) for v in verdicts)
    print(f"\nOwn-words checker: finding 'not in the person's own words' in own_words_dev.tsv ({len(tune)} "
          f"tuning rows, {len(held)} held-out rows never tuned on). FFT: share of {len(comments):,} real "
          "patient comments given a jargon/service sign, and called 'not own words' (the checker also calls "
          "vague answers such as 'Nothing' not own words)")
    print(f"{'':<22}{'tune P':>7}{'R':>7}{'F1':>7}{'held P':>9}{'R':>7}{'F1':>7}{'FFT jargon':>11}"
          f"{'not own':>9}")
    print(_row("checker", scores(checker, tune), scores(checker, held), flagged / len(comments),
               sum(not v.own_words for v in verdicts) / len(comments)))
    lookup = bare_lookup()
    share = sum(map(lookup, comments)) / len(comments)
    print(_row("bare term lookup", scores(lookup, tune), scores(lookup, held), share, share))
    ease = reading_ease()
    if ease is None:
        print("reading ease: skipped (pip install textstat pyphen, see requirements-dev.txt)")
    else:
        threshold = best_threshold(ease, tune)
        below: Predict = lambda text: ease(text) < threshold  # noqa: E731
        share = sum(map(below, comments)) / len(comments)
        print(_row(f"reading ease < {threshold:.0f}", scores(below, tune), scores(below, held), share, share))
    misses = [row["statement"] for row in held
              if checker(row["statement"]) != (row["label"] == "professional")]
    print("Held-out rows the checker gets wrong:" if misses else "Held-out rows: all right.")
    for text in misses:
        print(f"  - {text}")
    matched, total, symptom_misses = symptoms()
    print(f"symptoms_dev.tsv: {matched} of {total} expected flags" + (f"; missed: {symptom_misses}"
                                                                    if symptom_misses else ""))
    print(f"FFT comments with a jargon/service sign: {flagged / len(comments):.1%} (strong), "
          f"{noted / len(comments):.1%} counting soft notes too")
    started = time.perf_counter()
    groups = duplicate_groups([(str(i), text, str(i)) for i, text in enumerate(comments)])
    print(f"Copies across the FFT comments: {len(groups)} groups, {sum(len(g.statement_ids) for g in groups)}"
          f" comments ({time.perf_counter() - started:.2f} s)")
    demo = demo_figures()
    print(f"Demo bank: {demo['flawed_caught']} of {demo['flawed']} flawed statements caught with the right "
          f"kind; {demo['good_flagged']} of {demo['good']} good statements flagged")
    held_out_figures()
    figures = speed(comments)
    load = f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "unknown"
    print(f"Speed: {figures['per_s']:,.0f} statements/s (median of {figures['repeats']:.0f}, one core), p99 "
          f"{figures['p99_ms']:.3f} ms, max {figures['max_ms']:.2f} ms per statement on the core "
          f"(p99 on the clock {figures['p99_clock_ms']:.3f} ms, load average {load}); "
          f"{figures['regex_ratio']:.1f}x the time of one compiled-regex pass over the same comments "
          f"(median of {figures['repeats']:.0f} interleaved turns)")
    worst = hostile()
    print(f"Pastes of 2,000 characters made to be slow ({len(HOSTILE)}): the longest took {worst:.1f} ms")
    return {
        "checker_hostile_max_ms": round(worst, 1),
        "checker_per_s": round(figures["per_s"]),
        "checker_vs_regex_ratio": round(figures["regex_ratio"], 1),
        "checker_p99_ms": round(figures["p99_ms"], 3),
    }


if __name__ == "__main__":
    run()
