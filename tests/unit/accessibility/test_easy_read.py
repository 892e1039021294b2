"""The own review's texts stay easy to read: reading grade 5 or lower, 15 words or fewer a sentence."""

from __future__ import annotations

import pytest

from accessibility.easy_read import (
    MAX_GRADE,
    MAX_SENTENCE_WORDS,
    filled,
    grade,
    longest_sentence,
    reading,
    sentences,
)
from accessibility.texts import DOCUMENT_SCREENS, EASY_READ_SCREENS, WORD_LISTS, screen, screens


@pytest.mark.parametrize("name", EASY_READ_SCREENS)
def test_every_easy_read_text_has_grade_5_or_lower_and_short_sentences(name: str) -> None:
    texts = {key: value for key, value in screen(name).items() if (name, key) not in WORD_LISTS}
    hard = {key: reading(value) for key, value in texts.items() if not reading(value).easy}
    assert not hard, "\n".join(
        f"{name}.{key}: grade {r.grade} (at most {MAX_GRADE}), longest sentence {r.longest_sentence} words "
        f"(at most {MAX_SENTENCE_WORDS}): {screen(name)[key]!r}"
        for key, r in hard.items()
    )


@pytest.mark.parametrize("name", [n for n in EASY_READ_SCREENS if n in screens("cy")])
def test_welsh_easy_read_sentences_are_short_too(name: str) -> None:
    # A reading grade is an English formula; for Welsh, hold the sentences to the same length.
    welsh = {
        key: value
        for key, value in screen(name, "cy").items()
        if value != screen(name).get(key) and (name, key) not in WORD_LISTS
    }
    long = {key: value for key, value in welsh.items() if longest_sentence(value) > MAX_SENTENCE_WORDS}
    assert not long, long


def test_the_own_review_is_checked_and_its_texts_are_long_enough_to_measure() -> None:
    assert "self_review" in EASY_READ_SCREENS
    assert len(screen("self_review")) > 40


def test_you_said_we_did_is_checked_and_every_fixed_sentence_in_it_comes_from_its_texts() -> None:
    # "You said, we did" goes to the people who took part: its texts are held to easy read like the own
    # review's (by the test above), and the document may add no fixed sentence of its own.
    import io
    import re
    from datetime import date

    from docx import Document

    from wtfc_collect.documents.you_said import Doing, SaidTheme, YouSaidWeDid, build_you_said_we_did
    from wtfc_collect.domain import ActionStatus, Question

    assert "you_said_we_did" in EASY_READ_SCREENS and "you_said_we_did" in DOCUMENT_SCREENS
    texts = screen("you_said_we_did")
    themes = {q: f"I said something about {q.value}" for q in Question}
    letter = YouSaidWeDid(
        project="Day services review",
        made_on=date(2026, 5, 1),
        people=12,
        said={q: [SaidTheme(name, 3), SaidTheme(name + " too", 1)] for q, name in themes.items()},
        doing=[
            Doing(
                themes[Question.NOT_WORKING],
                [("Same carers each week", s, "") for s in ActionStatus]
                + [("Same carers", ActionStatus.DONE, "We will send you the same carers.")],
            ),
            Doing(None, []),
        ],
    )
    document = Document(io.BytesIO(build_you_said_we_did(letter)))
    given = {
        letter.project,
        *themes.values(),
        *(n + " too" for n in themes.values()),
        "Same carers each week",
        "We will send you the same carers.",
    }
    templates = [re.escape(value).replace(r"\{", "{").replace(r"\}", "}") for value in texts.values()]
    patterns = [re.sub(r"\{[a-z_]+\}", ".+", t) for t in templates]
    patterns += [re.escape(texts["you_said"]) + " .+", re.escape(texts["working_on"]) + " .+"]
    for paragraph in document.paragraphs:
        line = paragraph.text
        if not line or line in given:
            continue
        assert any(re.fullmatch(p, line) for p in patterns), f"fixed sentence not in the texts: {line!r}"
    # Every sentence is shown by this letter, except those for one person, no themes or no plans yet.
    shown = "\n".join(p.text for p in document.paragraphs)
    described = {shape._inline.docPr.get("descr") for shape in document.inline_shapes}
    missing = {
        key
        for key, value in texts.items()
        if value not in shown and value not in described and not re.search(r"\{[a-z_]+\}", value)
    }
    assert missing == {"nothing_yet", "no_plans", "no_plans_next", "told_us_one", "months"}, missing
    assert "1 May 2026" in shown  # the date, with the month's name from the texts


def test_sentences_are_split_and_counted_in_words() -> None:
    assert sentences("Think about the good things. What do you like? What helps you?") == [
        "Think about the good things.",
        "What do you like?",
        "What helps you?",
    ]
    assert longest_sentence("Tap Next to go on. Tap Back to go back.") == 5
    assert longest_sentence("I don't want to answer this") == 6  # "don't" is one word


def test_templates_are_measured_as_they_are_read_and_markdown_is_ignored() -> None:
    assert filled("**Question {n} of 3**") == "Question 2 of 3"
    assert filled("Number 1: {text}") == "Number 1: My cat"
    assert longest_sentence("**Question {n} of 3**") == 4


def test_the_grade_tells_plain_words_from_hard_ones() -> None:
    plain = grade("We want to hear what you say. It helps us make things good.")
    hard = grade(
        "Personalised commissioning arrangements facilitate individualised outcomes for service users."
    )
    assert plain < 3 < MAX_GRADE < 15 < hard
    assert grade("") == 0.0


def test_the_grade_downloads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    nltk = pytest.importorskip("nltk")

    def no_download(*args: object, **kwargs: object) -> bool:
        raise AssertionError("the reading grade must not download anything (nltk cmudict)")

    monkeypatch.setattr(nltk, "download", no_download)
    assert grade("An unusual sentence that was never measured before, about zebras.") > 0


def test_every_we_will_of_the_demo_plans_is_easy_read() -> None:
    """What the demo's action plans say they will do, as the "You said, we did" letter says it."""
    from wtfc_collect.demo.chains import chains

    written = [plan.details["we_will"] for chain in chains().values() for plan in chain.plans]
    assert written and all(words.startswith("We will ") for words in written)
    hard = {words: reading(words) for words in written if not reading(words).easy}
    assert not hard, hard
