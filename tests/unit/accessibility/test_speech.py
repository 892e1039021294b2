"""Speech: real espeak-ng audio, gTTS with its network faked or black-holed, the prompt cache, the
privacy rule (a person's words never reach an online engine nor the disk), and prerender."""

from __future__ import annotations

import io
import logging
import shutil
import socket
import threading
import time
import wave
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from accessibility.speech import (
    MP3,
    WAV,
    Audio,
    DiskCache,
    EspeakEngine,
    GttsEngine,
    PromptCatalogue,
    Speech,
    SpeechUnavailable,
    Speed,
    cache_key,
    is_fixed_prompt,
    parse_order,
    speakable,
    spoken_prompts,
)
from accessibility.texts import SPOKEN_SCREENS, screen
from wtfc_collect import bootstrap
from wtfc_collect.cli import main

PROMPT = screen("self_review")["working_question"]  # "What is working well in your life?"
STATEMENT = "My support worker Dave helps me with shopping on Tuesdays and I like that"


def _frames(data: bytes) -> int:
    with wave.open(io.BytesIO(data)) as clip:
        assert clip.getframerate() > 0
        return clip.getnframes()


class FakeEngine:
    """Records every text it is given; answers with a tiny WAV-labelled clip, or fails, or stalls."""

    def __init__(
        self, name: str = "fake", *, online: bool = False, fail: bool = False, stall: float = 0.0
    ) -> None:
        self._name, self._online, self._fail, self._stall = name, online, fail, stall
        self.calls: list[tuple[str, str, str]] = []

    @property
    def name(self) -> str:
        return self._name

    @property
    def online(self) -> bool:
        return self._online

    def voice(self, language: str) -> str:
        if language not in ("en", "cy"):
            raise SpeechUnavailable("no voice")
        return f"{self._name}-{language}"

    def synthesise(self, text: str, language: str, speed: Speed) -> Audio:
        self.calls.append((text, language, speed))
        if self._stall:
            time.sleep(self._stall)
        if self._fail:
            raise RuntimeError(f"engine broke while speaking {text!r}")  # a message that holds the text
        return Audio(f"{self._name}:{speed}:{text}".encode(), WAV, self._name)

    @property
    def texts(self) -> list[str]:
        return [text for text, _, _ in self.calls]


@pytest.fixture
def no_espeak(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH where espeak-ng cannot be found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


# --- espeak-ng: real audio --------------------------------------------------------------------------


def test_espeak_makes_real_wav_audio_in_english_and_welsh() -> None:
    engine = EspeakEngine()
    english = engine.synthesise(speakable(PROMPT), "en", "normal")
    welsh = engine.synthesise("Beth sy'n gweithio'n dda yn eich bywyd?", "cy", "normal")
    assert english.mime == WAV and welsh.mime == WAV
    assert _frames(english.data) > 22_050 // 2  # more than half a second of speech
    assert _frames(welsh.data) > 0
    assert engine.voice("en") == "en-gb" and engine.voice("cy") == "cy"


def test_espeak_slower_speech_lasts_longer() -> None:
    engine = EspeakEngine()
    normal = _frames(engine.synthesise(STATEMENT, "en", "normal").data)
    slower = _frames(engine.synthesise(STATEMENT, "en", "slower").data)
    assert slower > normal * 1.15


def test_espeak_speaks_texts_that_look_like_options_or_shell_code(tmp_path: Path) -> None:
    marker = tmp_path / "should-not-exist"
    audio = EspeakEngine().synthesise(f"-w {marker} ; touch {marker} $(touch {marker})", "en", "normal")
    assert _frames(audio.data) > 0
    assert not marker.exists()


def test_espeak_is_safe_on_many_threads_at_once() -> None:
    engine = EspeakEngine()
    with ThreadPoolExecutor(max_workers=8) as pool:
        clips = list(
            pool.map(lambda n: engine.synthesise(f"Statement number {n}", "en", "normal"), range(16))
        )
    assert all(_frames(clip.data) > 0 for clip in clips)


def test_espeak_missing_or_without_voice_is_unavailable(no_espeak: None) -> None:
    engine = EspeakEngine()
    assert not engine.available()
    with pytest.raises(SpeechUnavailable, match="not installed"):
        engine.synthesise("Hello", "en", "normal")
    with pytest.raises(SpeechUnavailable, match="no voice"):
        engine.voice("fr")


# --- gTTS: network faked, or black-holed ----------------------------------------------------------


def test_gtts_is_asked_for_a_british_voice_slow_speed_and_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    import gtts.tts

    seen: list[dict[str, object]] = []

    def fake_stream(self: gtts.tts.gTTS) -> Iterator[bytes]:
        seen.append(
            {
                "text": self.text,
                "lang": self.lang,
                "tld": self.tld,
                "speed": self.speed,
                "timeout": self.timeout,
            }
        )
        yield b"ID3-fake-mp3"

    monkeypatch.setattr(gtts.tts.gTTS, "stream", fake_stream)
    engine = GttsEngine(timeout=3.0)
    normal = engine.synthesise("Hello", "en", "normal")
    slower = engine.synthesise("Helo", "cy", "slower")
    assert normal == Audio(b"ID3-fake-mp3", MP3, "gtts") and slower.mime == MP3
    assert seen[0] == {
        "text": "Hello",
        "lang": "en",
        "tld": "co.uk",
        "speed": gtts.tts.Speed.NORMAL,
        "timeout": 3.0,
    }
    assert seen[1]["speed"] == gtts.tts.Speed.SLOW and seen[1]["lang"] == "cy"


@pytest.fixture
def black_hole(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point gTTS at a local server that accepts connections and never answers: without a timeout,
    gTTS would wait forever."""
    import gtts.tts

    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    url = f"http://127.0.0.1:{server.getsockname()[1]}/batchexecute"
    monkeypatch.setattr(gtts.tts, "_translate_url", lambda tld="com", path="": url)
    monkeypatch.setattr("urllib.request.getproxies", dict)
    yield url
    server.close()


def test_gtts_fails_fast_when_the_network_swallows_requests(black_hole: str) -> None:
    started = time.perf_counter()
    with pytest.raises(SpeechUnavailable, match="gTTS failed"):
        GttsEngine(timeout=0.5).synthesise("Hello", "en", "normal")
    assert time.perf_counter() - started < 3


def test_speech_falls_back_to_espeak_when_gtts_hangs_and_then_skips_gtts(black_hole: str) -> None:
    speech = Speech([GttsEngine(timeout=0.5), EspeakEngine()], allow_online=True)
    started = time.perf_counter()
    audio = speech.say(PROMPT)
    first = time.perf_counter() - started
    assert audio is not None and audio.engine == "espeak" and _frames(audio.data) > 0
    assert first < 3
    started = time.perf_counter()
    again = speech.say(screen("self_review")["future_question"])
    assert again is not None and again.engine == "espeak"
    assert time.perf_counter() - started < 0.4  # gTTS is paused after failing, not tried again at once


def test_a_stalled_engine_is_abandoned_at_the_deadline() -> None:
    stalled, backup = FakeEngine("stuck", stall=3.0), FakeEngine("backup")
    speech = Speech([stalled, backup], deadline=0.2)
    started = time.perf_counter()
    audio = speech.say("Hello")
    assert audio is not None and audio.engine == "backup"
    assert time.perf_counter() - started < 1.0


# --- the cache -------------------------------------------------------------------------------------


def test_a_cached_prompt_does_not_call_the_engine_again(tmp_path: Path) -> None:
    engine = FakeEngine()
    speech = Speech([engine], DiskCache(tmp_path / "audio-cache"))
    first = speech.say(PROMPT)
    second = speech.say(PROMPT)
    assert first is not None and second is not None
    assert len(engine.calls) == 1
    assert not first.cached and second.cached and second.data == first.data and second.engine == "fake"
    assert len(list((tmp_path / "audio-cache").glob("*.wav"))) == 1


def test_the_cache_outlives_the_service(tmp_path: Path) -> None:
    Speech([FakeEngine()], DiskCache(tmp_path)).say(PROMPT)
    later = FakeEngine()
    audio = Speech([later], DiskCache(tmp_path)).say(PROMPT)
    assert audio is not None and audio.cached and later.calls == []


def test_the_cache_key_changes_with_everything_that_changes_the_sound() -> None:
    base = ("espeak", "en-gb", "en", "normal", "Hello")
    keys = {
        cache_key(*base),
        cache_key("gtts", *base[1:]),
        cache_key(base[0], "en-gb-x-rp", *base[2:]),
        cache_key(*base[:2], "cy", *base[3:]),
        cache_key(*base[:3], "slower", base[4]),
        cache_key(*base[:4], "Hello."),
    }
    assert len(keys) == 6
    assert all(len(key) == 64 and "Hello" not in key for key in keys)


def test_each_speed_and_language_is_its_own_clip(tmp_path: Path) -> None:
    engine = FakeEngine()
    speech = Speech([engine], DiskCache(tmp_path))
    for language in ("en", "cy"):
        for speed in ("normal", "slower"):
            speech.say(PROMPT, language, speed)
            speech.say(PROMPT, language, speed)
    assert len(engine.calls) == 4
    assert len(list(tmp_path.iterdir())) == 4


# --- privacy ----------------------------------------------------------------------------------------


def test_a_persons_words_never_reach_an_online_engine_nor_the_disk(tmp_path: Path) -> None:
    online, offline = FakeEngine("cloud", online=True), FakeEngine("local")
    cache = DiskCache(tmp_path / "audio-cache")
    speech = Speech([online, offline], cache, allow_online=True)

    prompt = speech.say(PROMPT)
    assert prompt is not None and prompt.engine == "cloud"
    assert online.texts == [speakable(PROMPT)] and len(cache) == 1

    marked = speech.say(STATEMENT, private=True)
    unmarked = speech.say(STATEMENT)  # the caller forgot private=True: still not a fixed prompt
    prompt_marked_private = speech.say(screen("self_review")["future_question"], private=True)
    assert marked is not None and unmarked is not None and prompt_marked_private is not None
    assert {marked.engine, unmarked.engine, prompt_marked_private.engine} == {"local"}
    assert online.texts == [speakable(PROMPT)]
    assert offline.texts == [STATEMENT, STATEMENT, speakable(screen("self_review")["future_question"])]
    assert len(cache) == 1  # nothing private was written
    assert not any(STATEMENT.encode() in path.read_bytes() for path in (tmp_path / "audio-cache").iterdir())


def test_private_words_are_spoken_afresh_each_time(tmp_path: Path) -> None:
    offline = FakeEngine("local")
    speech = Speech([offline], DiskCache(tmp_path))
    speech.say(STATEMENT, private=True)
    speech.say(STATEMENT, private=True)
    assert len(offline.calls) == 2 and not any(tmp_path.iterdir())


def test_online_engines_are_left_out_unless_allowed() -> None:
    online, offline = FakeEngine("cloud", online=True), FakeEngine("local")
    speech = Speech([online, offline])
    audio = speech.say(PROMPT)
    assert audio is not None and audio.engine == "local" and online.calls == []
    assert [engine.name for engine in speech.engines] == ["local"]


def test_a_template_counts_as_a_prompt_only_with_numbers_filled_in() -> None:
    assert is_fixed_prompt(speakable(screen("self_review")["question_of"].format(n=2)))
    assert not is_fixed_prompt(speakable(screen("self_review")["question_of"].format(n="my secret")))
    assert not is_fixed_prompt(speakable(STATEMENT))
    catalogue = PromptCatalogue(["You said {what}", "- Pick one\n- Then **another**"])
    assert "Pick one. Then another" in catalogue and "You said 12" in catalogue
    assert "You said I hate the bus" not in catalogue and "" not in catalogue


def test_no_log_line_holds_the_words_being_spoken(caplog: pytest.LogCaptureFixture, no_espeak: None) -> None:
    caplog.set_level(logging.DEBUG)
    speech = Speech(
        [FakeEngine("broken", fail=True), EspeakEngine(), FakeEngine("slow", stall=2, fail=True)],
        deadline=0.1,
    )
    assert speech.say(STATEMENT, private=True) is None
    assert caplog.records, "failures should be logged"
    assert "Dave" not in caplog.text and "shopping" not in caplog.text


# --- no engine at all -------------------------------------------------------------------------------


def test_with_no_engine_working_say_returns_none_quickly(
    no_espeak: None, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.delenv(bootstrap.ONLINE_SPEECH_VARIABLE, raising=False)
    speech = bootstrap.build_speech()
    started = time.perf_counter()
    assert speech.say(PROMPT) is None
    assert speech.say(STATEMENT, private=True) is None
    assert time.perf_counter() - started < 1.0
    assert not (data_dir / "audio-cache").exists() or not any((data_dir / "audio-cache").iterdir())


def test_say_never_raises() -> None:
    def broken_check(text: str) -> bool:
        raise ValueError("bad catalogue")

    speech = Speech([FakeEngine()], is_prompt=broken_check)
    assert speech.say(PROMPT) is None
    assert Speech([FakeEngine()]).say("   \n- \n**") is None  # nothing to speak


# --- settings -----------------------------------------------------------------------------------------


def test_order_parsing_keeps_known_names_once_and_falls_back_to_the_default() -> None:
    assert parse_order(None) == ["cache", "gtts", "espeak"]
    assert parse_order(" espeak-ng , gtts,espeak, sparkle") == ["espeak", "gtts"]
    assert parse_order(",,") == ["cache", "gtts", "espeak"]


def test_bootstrap_reads_the_environment(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.delenv(bootstrap.ONLINE_SPEECH_VARIABLE, raising=False)
    monkeypatch.delenv(bootstrap.SPEECH_ORDER_VARIABLE, raising=False)
    default = bootstrap.build_speech()
    assert [engine.name for engine in default.engines] == ["espeak"]  # offline first: no gTTS
    assert default.cache is not None and default.cache.folder == data_dir / "audio-cache"

    monkeypatch.setenv(bootstrap.ONLINE_SPEECH_VARIABLE, "1")
    monkeypatch.setenv(bootstrap.SPEECH_ORDER_VARIABLE, "espeak,gtts")
    chosen = bootstrap.build_speech()
    assert [engine.name for engine in chosen.engines] == ["espeak", "gtts"] and chosen.cache is None

    monkeypatch.setenv(bootstrap.ONLINE_SPEECH_VARIABLE, "yes please")
    assert [engine.name for engine in bootstrap.build_speech().engines] == ["espeak"]


def test_importing_speech_loads_no_engine() -> None:
    import subprocess
    import sys

    code = "import sys, accessibility.speech, accessibility.widgets; print('gtts' in sys.modules, 'requests' in sys.modules)"  # noqa: E501
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[3],
    )
    assert out.stdout.split() == ["False", "False"]


# --- texts and prerender ----------------------------------------------------------------------------


def test_speakable_drops_markdown_and_adds_pauses_between_lines() -> None:
    assert speakable(
        "# Heading\n- **Ask** about a _good_ day\n- Who [helps](https://x)\n\n---\n> `quote`"
    ) == ("Heading. Ask about a good day. Who helps. quote")
    assert speakable("Line\x00 with\tcontrol\r\ncharacters") == "Line with control. characters"
    assert speakable("\n\n  ") == ""


def test_every_text_of_the_spoken_screens_is_speakable() -> None:
    for name in SPOKEN_SCREENS:
        for key, value in screen(name).items():
            spoken = speakable(value)
            assert spoken, f"{name}.{key} has nothing to speak"
            assert not set("*#`_>") & set(spoken), f"{name}.{key} still has markdown: {spoken!r}"
            assert is_fixed_prompt(spoken) or "{" in value, f"{name}.{key} is not recognised as a prompt"
    prompts = spoken_prompts("en")
    assert "self_review.working_question" in prompts and "review_with_person.working_prompts" in prompts
    assert "self_review.question_of" not in prompts  # a template: filled in by the page


def test_prerender_fills_the_cache_then_finds_it_full(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(bootstrap.ONLINE_SPEECH_VARIABLE, raising=False)
    monkeypatch.delenv(bootstrap.SPEECH_ORDER_VARIABLE, raising=False)
    runner = CliRunner()
    result = runner.invoke(main, ["audio", "prerender", "--speed", "both"])
    assert result.exit_code == 0, result.output
    count = len({speakable(text) for text in spoken_prompts("en").values()})
    clips = list((data_dir / "audio-cache").glob("*.wav"))
    assert len(clips) == 2 * count
    assert all(_frames(clip.read_bytes()) > 0 for clip in clips[:5])
    assert f"{2 * count} new" in result.output and "0 failed" in result.output

    again = runner.invoke(main, ["audio", "prerender", "--speed", "slower"])
    assert again.exit_code == 0 and f"{count} already in the cache" in again.output
    engine_calls: list[str] = []
    speech = bootstrap.build_speech()
    monkeypatch.setattr(EspeakEngine, "synthesise", lambda *args: engine_calls.append("x"))
    audio = speech.say(screen("self_review")["working_question"], "en", "slower")
    assert audio is not None and audio.cached and engine_calls == []


def test_prerender_says_plainly_when_sound_does_not_work(
    data_dir: Path, no_espeak: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(bootstrap.ONLINE_SPEECH_VARIABLE, raising=False)
    result = CliRunner().invoke(main, ["audio", "prerender", "--speed", "normal"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "espeak-ng" in result.output
    assert f"{len({speakable(t) for t in spoken_prompts('en').values()})} failed" in result.output


def test_prerender_refuses_without_a_cache(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(bootstrap.SPEECH_ORDER_VARIABLE, "espeak")
    result = CliRunner().invoke(main, ["audio", "prerender"])
    assert result.exit_code == 1 and "cache is switched off" in result.output


def test_espeak_is_a_run_package() -> None:
    lines = (Path(__file__).parents[3] / "system-packages.txt").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert ["espeak-ng", "run"] in [row[:2] for row in rows]
    assert shutil.which("espeak-ng"), "install the system packages: scripts/system-packages.sh test"


def test_threads_share_one_service_safely(tmp_path: Path) -> None:
    speech = Speech([EspeakEngine()], DiskCache(tmp_path))
    texts = list(spoken_prompts("en").values())[:6]
    results: list[Audio | None] = []
    lock = threading.Lock()

    def work(text: str) -> None:
        audio = speech.say(text)
        with lock:
            results.append(audio)

    threads = [threading.Thread(target=work, args=(text,)) for text in texts * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 18 and all(audio is not None and _frames(audio.data) > 0 for audio in results)
    assert len(list(tmp_path.glob("*.wav"))) == 6 and not list(tmp_path.glob(".*.part"))


def test_prerender_in_welsh_never_reads_english_texts_with_a_welsh_voice(data_dir: Path) -> None:
    welsh = spoken_prompts("cy")
    english = spoken_prompts("en")
    assert all(welsh[key] != english.get(key) for key in welsh)
    result = CliRunner().invoke(main, ["audio", "prerender", "--language", "cy"])
    assert result.exit_code == 0, result.output
    if not welsh:
        assert "no texts in 'cy' yet" in result.output
        assert not (data_dir / "audio-cache").exists()
