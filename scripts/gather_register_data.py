"""Gather the register model's training text into wtfc_collect/quality/register/data/ (run by hand, rarely).

Reads the project's reference data (../shared/data, ../shared/method) and two public repositories fetched
beside it (paths given on the command line), cuts them into sentences, and writes one TSV per source with
the columns text, label (own_words | professional), group (the document it came from: cross-validation
keeps a document's sentences together) and split (train | held_out). Training reads only these TSVs,
so the model can be made again without the sources. Where each source comes from and its licence:
wtfc_collect/quality/register/data/README.md.

    python scripts/gather_register_data.py --shared ../shared \
        --service-explorer /path/to/BforBen/service-explorer --cqc-statements /path/to/complianceData.ts \
        --gathered policy_statements=/path/to/rows.tsv --gathered service_guidance=/path/to/rows.tsv \
        --measure-only care_records=/path/to/rows.tsv
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project, for the demo's statement bank

OUT = Path(__file__).resolve().parents[1] / "wtfc_collect" / "quality" / "register" / "data"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘'(])")
_QUOTES = re.compile(r"[\"“”]")
# Sentences in the guides that quote or model a person's own words ("I want …"): not professional text.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|My|mine|myself)\b")


def held_out(key: str, share: int = 5) -> bool:
    """A fixed, content-based split: one document (or comment) in ``share`` is held out of training."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % share == 0


def clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def sentences(paragraph: str) -> list[str]:
    return [clean(part) for part in _SENTENCE_END.split(clean(paragraph)) if part.strip()]


def usable_prose(sentence: str, shortest: int = 3, longest: int = 60) -> bool:
    """Professional prose worth learning from: a real sentence, no quoted or first-person words."""
    words = sentence.split()
    letters = sum(ch.isalpha() for ch in sentence)
    return (shortest <= len(words) <= longest and letters >= 0.7 * len(sentence.replace(" ", ""))
            and not _QUOTES.search(sentence) and not _FIRST_PERSON.search(sentence)
            and sentence[0].isupper())


def write(name: str, rows: Sequence[tuple[str, ...]], extra: tuple[str, ...] = ()) -> None:
    """One data file: text, label, group, split (and the ``extra`` columns each row has after those)."""
    seen: set[str] = set()
    unique = []
    for row in rows:
        key = row[0].casefold()
        if key not in seen:
            seen.add(key)
            unique.append(row)
    with (OUT / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(("text", "label", "group", "split", *extra))
        writer.writerows(unique)
    print(f"{name}: {len(unique)} rows")


def fft_comments(shared: Path) -> list[tuple[str, str, str, str]]:
    """The patient comments, one in five held out (by comment). Their group is the trust and question they
    answer ("fft:Trust B - Q1"), so cross-validation predicts a trust's comments from a model that never
    read that trust's answers to that question: comments from a trust the model never saw are the usual
    case in use, and such comments are called professional more often than unseen comments of a trust
    it knows."""
    rows = []
    with (shared / "data" / "nhs_fft_comments.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = clean(row["feedback"])
            if text:
                key = f"fft:{row['row_index']}"
                split = "held_out" if held_out(key) else "train"
                rows.append((text, "own_words", f"fft:{row['question']}", split))
    return rows


def method_guides(shared: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for path in sorted((shared / "method").glob("*.txt")):
        group = f"method:{path.stem}"
        split = "held_out" if held_out(group, 3) else "train"
        for paragraph in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            rows += [(s, "professional", group, split) for s in sentences(paragraph) if usable_prose(s)]
    return rows


def dev_statements(shared: Path) -> list[tuple[str, str, str, str]]:
    """own_words_dev.tsv as labelled; every third row is the project's held-out set (tests/data)."""
    with (shared / "data" / "own_words_dev.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(clean(row["statement"]), row["label"], f"dev:{row['source'][:60]}",
             "held_out" if i % 3 == 2 else "train") for i, row in enumerate(rows)]


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_TITLE = re.compile(r'^title:\s*"?(.*?)"?\s*$', re.MULTILINE)


# The council services about people's care, health, housing, money and family life (not licences or roads).
_ABOUT_PEOPLE = re.compile(
    r"care|carer|health|housing|homeless|tenan|adult|disab|mental|child|family|famil|welfare|benefit|"
    r"support|equipment|independ|advoca|safeguard|hospital|nhs|elderly|older|dementia|learning|"
    r"social|respite|day-centre|meals|telecare|alarm|adaptation|blue-badge|direct-payment|personal|"
    r"domiciliary|residential|nursing|reablement|rehabilitation|wellbeing|loneliness|vulnerable")


def service_explorer(root: Path) -> list[tuple[str, str, str, str]]:
    """Council service descriptions (the LGA's list) and the duties and powers behind them (legislation),
    for the services about people's lives."""
    rows = []
    for folder in ("_services", "_powers-duties"):
        for path in sorted((root / folder).glob("*.md")):
            if not _ABOUT_PEOPLE.search(path.stem):
                continue
            text = path.read_text(encoding="utf-8")
            front = _FRONT.match(text)
            body = text[front.end():] if front else text
            group = f"{folder.strip('_')}:{path.stem}"
            split = "held_out" if held_out(group) else "train"
            title = _TITLE.search(front.group(1)) if front else None
            if title and len(title.group(1).split()) >= 2:
                rows.append((clean(title.group(1)), "professional", group, split))  # a label or heading
            for paragraph in re.split(r"\n\s*\n", body):
                paragraph = re.sub(r"^\s*[-*]\s+|^\s*\(\w+\)\s*", "", paragraph, flags=re.MULTILINE)
                rows += [(s, "professional", group, split) for s in sentences(paragraph)
                         if usable_prose(s, shortest=2)]
    return rows


_STATEMENT = re.compile(r'(we_statement|i_statement):\s*"((?:[^"\\]|\\.)*)"')


def cqc_statements(path: Path) -> list[tuple[str, str, str, str]]:
    """The regulator's quality statements: 'We …' for providers and the 'I' statements they stand for."""
    rows = []
    for number, (kind, text) in enumerate(_STATEMENT.findall(path.read_text(encoding="utf-8"))):
        group = f"cqc-quality-statements:{kind}:{number // 2}"
        rows.append((clean(text), "professional", group, "held_out" if held_out(group) else "train"))
    return rows


def lexicon_terms(shared: Path) -> list[tuple[str, str, str, str]]:
    """The reference list's terms that are a sign on their own (risk low or medium): the labels and
    fragments of care plans and forms ("package of care", "unmet need")."""
    with (shared / "data" / "jargon_terms.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(row["term"], "professional", f"terms:{row['term']}",
             "held_out" if held_out(f"terms:{row['term']}") else "train")
            for row in rows if row["false_positive_risk"] in ("low", "medium")]


def demo_bank() -> list[tuple[str, str, str, str]]:
    """The demo's statement bank, written for WTfC Collect: good ones as own words (short phrases about
    everyday life in social care), flawed ones with jargon, care-notes voice or a service as professional."""
    from wtfc_collect.demo.project import load_bank

    rows = []
    for entry in load_bank():
        if entry.flaw in (None, "jargon", "third_person", "service"):
            key = f"demo:{entry.text}"
            rows.append((entry.text, "own_words" if entry.flaw is None else "professional", key,
                         "held_out" if held_out(key) else "train"))
    return rows


_ALNUM = re.compile(r"[^\W_]+")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(_ALNUM.findall(text.casefold()))


def _like(a: frozenset[str], b: frozenset[str]) -> bool:
    """Nearly the same words (four in five shared): the same statement, quoted a little differently."""
    return bool(a and b) and len(a & b) >= 0.8 * len(a | b)


def gathered(path: Path, shared: Path, name: str, only_held_out: bool = False) -> list[tuple[str, ...]]:
    """Rows gathered from other public documents (see data/README.md): a TSV with the columns text, label,
    group, source and licence. A row that is (nearly) a statement of the project's own_words_dev.tsv is
    left out, so those statements' held-out figures stay held out and the training ones are not doubled.
    ``name``: the data file it becomes (data/NAME.tsv). ``only_held_out``: every row is held out (a source
    kept for measuring only, never for training)."""
    with (shared / "data" / "own_words_dev.tsv").open(encoding="utf-8", newline="") as handle:
        known = [_word_set(row["statement"]) for row in csv.DictReader(handle, delimiter="\t")]
    already = set()  # the statements of the other data files (the regulator's are in two sources)
    for other in OUT.glob("*.tsv"):
        if other.name != f"{name}.tsv":
            with other.open(encoding="utf-8", newline="") as handle:
                already |= {_word_set(row["text"]) for row in csv.DictReader(handle, delimiter="\t")}
    with path.open(encoding="utf-8", newline="") as handle:
        found = list(csv.DictReader(handle, delimiter="\t"))
    rows: list[tuple[str, ...]] = []
    for row in found:
        text = clean(row["text"])
        words = _word_set(text)
        if text and words not in already and not any(_like(words, other) for other in known):
            split = "held_out" if only_held_out or held_out(row["group"]) else "train"
            rows.append((text, row["label"], row["group"], split,
                         row["source"], row["licence"]))
    return rows


def keep_held_out_apart(shared: Path) -> None:
    """Mark held out, in every data file, the rows that are (nearly) a held-out statement of
    own_words_dev.tsv: some of those statements were taken from the same public sources (patient comments,
    the lexicon, the demo), and a model trained on their copies would be tested on its memory."""
    with (shared / "data" / "own_words_dev.tsv").open(encoding="utf-8", newline="") as handle:
        held = [_word_set(row["statement"]) for i, row in enumerate(csv.DictReader(handle, delimiter="\t"))
                if i % 3 == 2]
    for path in sorted(OUT.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t")
            header, *rows = list(reader)
        text, split = header.index("text"), header.index("split")
        moved = 0
        for row in rows:
            if row[split] == "train" and any(_like(_word_set(row[text]), other) for other in held):
                row[split] = "held_out"
                moved += 1
        if moved:
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
                writer.writerows([header, *rows])
            print(f"{path.name}: {moved} rows held out (copies of held-out statements)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--service-explorer", type=Path)
    parser.add_argument("--cqc-statements", type=Path)
    parser.add_argument("--gathered", action="append", default=[], metavar="NAME=PATH",
                        help="rows gathered from other public documents: writes data/NAME.tsv")
    parser.add_argument("--measure-only", action="append", default=[], metavar="NAME=PATH",
                        help="as --gathered, but every row held out: for measuring, never for training")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    # Without the two repositories, only the gathered files are written (and held-out copies kept apart).
    if args.service_explorer is not None and args.cqc_statements is not None:
        _the_first_sources(args.shared, args.service_explorer, args.cqc_statements)
    for item in args.gathered + args.measure_only:
        name, _, path = item.partition("=")
        write(f"{name}.tsv", gathered(Path(path), args.shared, name, only_held_out=item in args.measure_only),
              extra=("source", "licence"))
    keep_held_out_apart(args.shared)


def _the_first_sources(shared: Path, explorer: Path, cqc: Path) -> None:
    write("fft_comments.tsv", fft_comments(shared))
    write("method_guides.tsv", method_guides(shared))
    write("dev_statements.tsv", dev_statements(shared))
    write("council_services.tsv", service_explorer(explorer))
    write("cqc_statements.tsv", cqc_statements(cqc))
    write("lexicon_terms.tsv", lexicon_terms(shared))
    write("demo_bank.tsv", demo_bank())


if __name__ == "__main__":
    main()
