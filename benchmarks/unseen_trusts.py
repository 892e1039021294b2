"""Patient comments of a trust the register model never read: the share judged "not own words".

In use, every council's and every service's statements are new to the model. The patient comments come
from three trusts, so each trust in turn is left out of training (its comments out of the rows, so out
of the thresholds too), the model is trained again as `train.py` trains it (with the regularisation the
shipped model chose), and the whole checker (rules and that model) reads every comment of the trust
left out. The target is the issue's: at most 3 % judged not own words by a strong jargon, third-person,
service or register flag.

    python -m benchmarks.unseen_trusts              every trust (about 4 minutes a trust)
    python -m benchmarks.unseen_trusts "Trust A"    one

Not part of ``make bench``: it trains the model three times.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

from benchmarks.quality import NOT_OWN_KINDS
from wtfc_collect.quality.checker import check_statement
from wtfc_collect.quality.register import flags, train
from wtfc_collect.quality.register.model import Model, parse

COMMENTS = "fft_comments"


def trust_of(group: str) -> str:
    """The trust of a patient comment's group ("fft:Trust B - Q1" -> "Trust B")."""
    return group.split(":", 1)[1].split(" - ")[0]


def trained_without(trust: str, rows: Sequence[train.Row], c: float) -> Model:
    """The register model trained on ``rows`` without the comments of ``trust``."""
    kept = [r for r in rows if not (r.source == COMMENTS and trust_of(r.group) == trust)]
    with (mock.patch.object(train, "read_rows", lambda split="train", data=train.DATA: kept),
          mock.patch.object(train, "choose_c", lambda rows, report=False: (c, train.out_of_fold(rows, c)))):
        return parse(train.model_text(train.train()))


def judged(texts: Sequence[str], model: Model) -> Counter[str]:
    """How many of ``texts`` the whole checker, reading with ``model``, judges not own words (``"all"``),
    and by the first strong kind."""
    found: Counter[str] = Counter()
    with mock.patch.object(flags, "model", lambda: model):
        for text in texts:
            verdict = check_statement(text)
            kinds = [f.kind.value for f in verdict.flags if f.strong and f.kind in NOT_OWN_KINDS]
            if kinds:
                found["all"] += 1
                found[kinds[0]] += 1
    return found


def main(argv: Sequence[str]) -> None:
    training = train.read_rows("train")
    comments = [r for r in training + train.read_rows("held_out") if r.source == COMMENTS]
    shipped = json.loads(Path(train.MODEL).read_text(encoding="utf-8"))
    trusts = list(argv) or sorted({trust_of(r.group) for r in comments})
    for trust in trusts:
        model = trained_without(trust, training, float(shipped["c"]))
        texts = [r.text for r in comments if trust_of(r.group) == trust]
        found = judged(texts, model)
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(found.items()) if kind != "all")
        print(f"{trust}: {found['all']} of {len(texts)} comments judged not own words "
              f"({found['all'] / len(texts):.1%}; {kinds}); thresholds {model.threshold:.3f}, "
              f"{model.first_person_threshold:.3f} for 'I'", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
