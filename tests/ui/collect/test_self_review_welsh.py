"""The own review in Welsh: chosen on the first screen, every text shown in Welsh, Listen speaks Welsh."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from accessibility.texts import screen
from tests import factories as f
from tests.ui.shown import shown
from wtfc_collect import bootstrap
from wtfc_collect.domain import STATEMENT_MAX_CHARS, Question, Review
from wtfc_collect.services.collect.reviews import get_review, set_priority
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context
from wtfc_collect.ui.collect.self_review import LANGUAGE

ROOT = Path(__file__).resolve().parents[3]
APP = str(ROOT / "app.py")
TEXTS = ROOT / "accessibility" / "texts"
W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
# Texts kept in the file for later screens, not shown by the own review today.
NOT_ON_SCREEN = {
    "help",
    "start_heading",
    "start_words",
    "start_button",
    # Asked only when every question was left unanswered (the English journey in test_review_screens).
    "all_declined",
    "send_anyway",
    "go_back",
}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _keys(language: str, name: str) -> dict[str, str]:
    with (TEXTS / language / f"{name}.toml").open("rb") as handle:
        return {key: str(value) for key, value in tomllib.load(handle).items()}


class SpeechSpy:
    """Stands in for the app's speech: notes each request and says nothing can speak right now."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, bool]] = []

    def say(self, text: str, language: str = "en", speed: str = "normal", *, private: bool = False) -> None:
        self.requests.append((text, language, private))


@pytest.fixture
def repo(data_dir: Path) -> Repository:
    repository = bootstrap.build_repository()
    repository.save(f.project(name="Cwm Taf support"))
    return repository


@pytest.fixture
def speech(monkeypatch: pytest.MonkeyPatch) -> SpeechSpy:
    spy = SpeechSpy()
    monkeypatch.setattr(context, "speech", lambda: spy)
    return spy


class Seen:
    """Every text the main part of the page showed, over the whole visit."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def look(self, at: AppTest) -> AppTest:
        assert not at.exception, at.exception
        main = at.main
        for kind in ("title", "header", "subheader", "markdown", "text", "caption"):
            self.texts += [str(e.value) for e in main.get(kind)]
        for kind in ("success", "error", "warning", "info"):
            self.texts += [shown(e.proto.body) for e in main.get(kind)]
        for kind in ("button", "text_area", "checkbox", "radio", "audio_input"):
            self.texts += [str(e.proto.label) for e in main.get(kind)]
        for radio in main.get("radio"):
            self.texts += [str(option) for option in radio.proto.options]
        for block in main.get("html"):  # the person's number 1 and 2 signs
            self.texts += re.findall(r">([^<>]+)<", str(block.proto.body))
        for images in main.get("image"):
            self.texts += [str(image.alt) for image in images.proto.imgs]
        return at

    def shows(self, template: str) -> bool:
        pattern = re.compile(".+".join(re.escape(part) for part in PLACEHOLDER.split(template)))
        return any(pattern.search(text) for text in self.texts)


def _click(at: AppTest, label: str) -> AppTest:
    matches = [b for b in at.main.button if b.label == label]
    assert matches, f"no button {label!r}; buttons: {[b.label for b in at.main.button]}"
    matches[0].click().run()
    return at


def _start(repo: Repository, person: str) -> tuple[AppTest, Review]:
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.switch_page("pages/reviews.py").run()
    at.text_input(key="reviews.self_ref").input(person)
    _click(at, "Start an own review (easy read)")
    at.switch_page("pages/self_review.py").run()
    review = next(r for r in repo.find(Review) if r.person_ref == person)
    return at, review


def _type(at: AppTest, review: Review, question: Question, text: str, cy: dict[str, str]) -> None:
    (box,) = [
        a
        for a in at.text_area
        if str(a.key).startswith("self_review.message.")
        and str(a.key).endswith(f".{review.id}.{question.value}.text")
    ]
    box.input(text)
    _click(at, cy["add_button"])


def _press(at: AppTest, repo: Repository, review: Review, words: str, what: str) -> AppTest:
    """Press an answer's own button ("tap" to pick, "remove" to take out), found by the answer's words."""
    statement = next(s for s in get_review(repo, review.id).statements if s.text == words)
    at.button(key=f"self_review.answers.{statement.id}.{what}").click().run()
    return at


def test_every_own_review_text_has_a_welsh_version_with_the_same_placeholders() -> None:
    english, welsh = _keys("en", "self_review"), _keys("cy", "self_review")
    assert set(welsh) == set(english)
    for key, value in english.items():
        assert sorted(PLACEHOLDER.findall(welsh[key])) == sorted(PLACEHOLDER.findall(value)), key
        assert welsh[key] != value, f"{key} is not translated"
    for shared in ("display", "widgets"):
        assert set(_keys("cy", shared)) == set(_keys("en", shared)), shared


def test_with_welsh_chosen_every_text_shows_in_welsh_and_listen_asks_for_welsh(
    repo: Repository, speech: SpeechSpy
) -> None:
    cy, en = screen("self_review", "cy"), screen("self_review")
    seen = Seen()
    at, review = _start(repo, "CT-0001")
    at.radio(key=LANGUAGE + ".choice").set_value("cy").run()
    assert at.session_state[LANGUAGE] == "cy"
    seen.look(at)
    labels = [r.label for r in at.main.radio][:2]
    assert labels == [screen("sign_in", "cy")["language_label"], screen("display", "cy")["size_label"]]
    assert any(e.proto.body.startswith('<div data-wtfc-lang="cy" ') for e in at.main.get("html"))

    # Question 1: nothing typed, three answers, go on too early, pick two, a very long answer, save.
    seen.look(_click(at, cy["consent_yes"]))
    seen.look(_click(at, cy["add_button"]))
    for words in ("Canu yn y côr", "Fy nghi Mot", "Paned gyda Mam"):
        _type(at, review, W, words, cy)
        seen.look(at)
    seen.look(_click(at, cy["next"]))
    seen.look(_press(at, repo, review, "Fy nghi Mot", "tap"))
    seen.look(_press(at, repo, review, "Canu yn y côr", "tap"))
    _type(at, review, W, "a" * (STATEMENT_MAX_CHARS + 5), cy)
    seen.look(at)
    seen.look(_press(at, repo, review, "a" * STATEMENT_MAX_CHARS, "remove"))
    seen.look(_click(at, cy["save_later"]))
    seen.look(_click(at, cy["next"]))

    # Question 2: skip it, look, then carry on.
    seen.look(_click(at, cy["skip_button"]))
    seen.look(_click(at, cy["next"]))

    # Question 3: one answer, and a recording.
    _type(at, review, F, "Mynd i'r traeth", cy)
    at.main.get("audio_input")[0].set_value(("v.wav", f.wav(0.5), "audio/wav")).run()
    seen.look(at)
    seen.look(_click(at, cy["next"]))

    # Check: one answer loses its number, so sending stops with a message; then it is sent.
    first = next(s for s in get_review(repo, review.id).statements_for(W) if s.priority == 1)
    set_priority(repo, review.id, first.id, None, actor="test", now=f.NOW)
    seen.look(_click(at, cy["send"]))
    messages = screen("messages", "cy")  # what is missing is said in Welsh too
    missing = messages["top_missing"].format(
        count=messages["count_two"], question=messages["question_working"]
    )
    assert f"{cy['send_problem']} {missing}" in seen.texts
    set_priority(repo, review.id, first.id, 1, actor="test", now=f.NOW)
    seen.look(_click(at, cy["send"]))
    assert get_review(repo, review.id).status.value == "submitted"

    # Listen: the prompts and the person's own words are asked for in Welsh.
    labels = [b.label for b in at.main.button]
    assert labels and all(not label.startswith("Listen") for label in labels)
    seen.look(_click(at, cy["listen_start"]))

    # Someone who says no, and the page before a review is opened.
    other, _ = _start(repo, "CT-0002")
    other.radio(key=LANGUAGE + ".choice").set_value("cy").run()
    seen.look(_click(other, cy["consent_no"]))
    closed = AppTest.from_file(APP, default_timeout=30)
    closed.session_state[LANGUAGE] = "cy"
    closed.run()
    seen.look(closed.switch_page("pages/self_review.py").run())

    missing = [key for key, value in cy.items() if key not in NOT_ON_SCREEN and not seen.shows(value)]
    assert not missing, f"not seen in Welsh: {missing}"
    english = [
        value
        for key, value in en.items()
        if value != cy[key] and len(value.split()) > 1 and seen.shows(value)
    ]
    assert not english, f"English on a Welsh screen: {english}"
    assert speech.requests and {language for _, language, _ in speech.requests} == {"cy"}
    assert screen("widgets", "cy")["no_sound"] in seen.texts


def test_listen_on_own_words_in_welsh_asks_for_the_welsh_voice_offline(
    repo: Repository, speech: SpeechSpy
) -> None:
    cy = screen("self_review", "cy")
    at, review = _start(repo, "CT-0003")
    at.radio(key=LANGUAGE + ".choice").set_value("cy").run()
    _click(at, cy["consent_yes"])
    _type(at, review, W, "Fy ngardd", cy)
    _click(at, cy["listen_answer"])
    _click(at, cy["listen_question"])
    assert ("Fy ngardd", "cy", True) in speech.requests
    assert any(language == "cy" and not private for _, language, private in speech.requests)


def test_english_stays_the_default_and_the_choice_is_kept(repo: Repository, speech: SpeechSpy) -> None:
    at, review = _start(repo, "CT-0004")
    assert LANGUAGE not in at.session_state or at.session_state[LANGUAGE] == "en"
    assert screen("self_review")["consent_heading"] in [h.value for h in at.main.header]
    at.radio(key=LANGUAGE + ".choice").set_value("cy").run()
    _click(at, screen("self_review", "cy")["consent_yes"])
    assert at.session_state[LANGUAGE] == "cy"
    at.switch_page("pages/accessibility_statement.py").run()  # the person's other page
    again: Any = at.switch_page("pages/self_review.py").run()
    assert screen("self_review", "cy")["title"] in [t.value for t in again.title]
    assert again.session_state[context.USER_KEY].review_id == review.id
