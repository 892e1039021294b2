"""The Listen button and the speed choice, through Streamlit's AppTest."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from accessibility.speech import WAV, Audio, DiskCache, EspeakEngine, Speech, Speed
from accessibility.texts import screen
from accessibility.widgets import NO_SOUND, listen_label

TIMEOUT = 30
QUESTION = screen("self_review")["working_question"]


def page(speech, text, private):  # type: ignore[no-untyped-def]  # run as a script: no annotations
    import streamlit as st

    from accessibility.widgets import audio_button, speed_choice

    speed = speed_choice("page")
    st.markdown(text)
    audio_button(text, key="question", speech=speech, speed=speed, private=private)


def _app(speech: Speech, text: str = QUESTION, private: bool = False) -> AppTest:
    at = AppTest.from_function(
        page, default_timeout=TIMEOUT, kwargs={"speech": speech, "text": text, "private": private}
    )
    at.run()
    assert not at.exception, at.exception
    return at


def _listen(at: AppTest) -> Any:
    return next(b for b in at.button if b.label.startswith("Listen"))


class CountingEngine:
    name = "counting"
    online = False

    def __init__(self) -> None:
        self.calls: list[tuple[str, Speed]] = []

    def voice(self, language: str) -> str:
        return language

    def synthesise(self, text: str, language: str, speed: Speed) -> Audio:
        self.calls.append((text, speed))
        return EspeakEngine().synthesise(text, language, speed)


def test_the_player_appears_only_after_listen_is_pressed_and_plays_at_once(tmp_path: Path) -> None:
    at = _app(Speech([EspeakEngine()], DiskCache(tmp_path)))
    assert not at.get("audio"), "no sound before the person asks for it"
    button = _listen(at)
    assert button.label == "Listen: What is working well in…"
    button.click().run()
    assert not at.exception
    players = at.get("audio")
    assert len(players) == 1
    player = players[0].proto
    assert player.autoplay is True  # one press plays it: no small ▶ to find
    assert player.url  # the clip is served to the browser
    assert player.alt == "Spoken version of: What is working well in…"  # a name for screen readers
    assert not at.info  # no "sound is not working" message
    at.run()  # anything else on the page: the player stays, and waits to be asked again
    assert [a.proto.autoplay for a in at.get("audio")] == [False]


def test_the_player_stays_while_other_widgets_rerun_and_goes_when_the_speed_changes(tmp_path: Path) -> None:
    engine = CountingEngine()
    at = _app(Speech([engine], DiskCache(tmp_path)))
    _listen(at).click().run()
    assert len(at.get("audio")) == 1
    at.run()
    assert len(at.get("audio")) == 1 and len(engine.calls) == 1  # shown again without speaking again
    at.radio[0].set_value("slower").run()
    assert not at.get("audio"), "a new speed needs a new press"
    _listen(at).click().run()
    assert len(at.get("audio")) == 1 and engine.calls[-1][1] == "slower"
    assert at.session_state["audio.speed"] == "slower"


def test_no_sound_shows_a_plain_message_quickly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # espeak-ng cannot be found; online speech is off
    at = _app(Speech([EspeakEngine()], DiskCache(tmp_path / "cache")))
    started = time.perf_counter()
    _listen(at).click().run()
    assert time.perf_counter() - started < 5
    assert not at.exception
    assert not at.get("audio")
    assert [info.value for info in at.info] == [NO_SOUND]


def test_a_persons_words_are_spoken_but_not_cached(tmp_path: Path) -> None:
    statement = "I go swimming with Sam on Fridays"
    at = _app(Speech([EspeakEngine()], DiskCache(tmp_path)), text=statement, private=True)
    assert _listen(at).label == "Listen: I go swimming with Sam…"
    _listen(at).click().run()
    assert len(at.get("audio")) == 1
    assert not any(tmp_path.iterdir())


def test_speed_choice_is_remembered_for_the_visit() -> None:
    at = _app(Speech([]))
    assert at.radio[0].value == "normal" and at.radio[0].label == "How fast to speak"
    assert list(at.radio[0].options) == ["Normal speed", "Slower"]
    at.radio[0].set_value("slower").run()
    assert at.session_state["audio.speed"] == "slower"
    assert all(key.startswith("audio.") for key in at.session_state)


def test_listen_labels_say_what_will_be_read() -> None:
    assert listen_label("Hello there") == "Listen: Hello there"
    assert listen_label("- **Ask** about a good day: what happened?") == "Listen: Ask about a good day…"
    assert WAV == "audio/wav"
