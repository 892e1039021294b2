"""The ``Speech`` service: cache first, then each allowed engine in order; never raises, never hangs.

Privacy rule, enforced here and nowhere else: a text goes to an ONLINE engine, or into the disk cache,
only if the caller did not mark it private AND it is one of the tool's own fixed prompts. A person's
words are spoken by offline engines only, in memory, every time.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from accessibility.speech.cache import CACHE_FOLDER, DiskCache, cache_key
from accessibility.speech.core import Audio, SpeechEngine, SpeechUnavailable, Speed, as_speed
from accessibility.speech.engines import EspeakEngine, GttsEngine
from accessibility.speech.prompts import is_fixed_prompt
from accessibility.speech.speakable import speakable

log = logging.getLogger("accessibility.speech")

DEFAULT_ORDER: Final = "cache,gtts,espeak"
DEFAULT_DEADLINE_SECONDS: Final = 8.0
ONLINE_PAUSE_SECONDS: Final = 120.0  # after an online engine fails, skip it for this long


class Speech:
    """Speak texts with the first engine that works. ``say`` returns ``None`` when none does."""

    def __init__(
        self,
        engines: Sequence[SpeechEngine],
        cache: DiskCache | None = None,
        *,
        allow_online: bool = False,
        is_prompt: Callable[[str], bool] = is_fixed_prompt,
        deadline: float = DEFAULT_DEADLINE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engines: tuple[SpeechEngine, ...] = tuple(e for e in engines if allow_online or not e.online)
        self.cache = cache
        self._is_prompt = is_prompt
        self._deadline = deadline
        self._clock = clock
        self._paused_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def say(
        self, text: str, language: str = "en", speed: str = "normal", *, private: bool = False
    ) -> Audio | None:
        """The spoken ``text`` (markdown symbols dropped), or ``None`` if no engine can speak it.

        ``private=True`` for anything a person said or wrote. Texts that are not the tool's own
        prompts are treated as private whatever ``private`` says.
        """
        try:
            return self._say(speakable(text), language, as_speed(speed), private)
        except Exception as error:  # never break a page because of sound
            log.warning("speech failed (%s)", type(error).__name__)
            return None

    def is_shareable(self, text: str, *, private: bool = False) -> bool:
        """Whether ``text`` may go to an online engine or the disk cache (a fixed prompt, not private)."""
        return not private and self._is_prompt(speakable(text))

    def _say(self, spoken: str, language: str, speed: Speed, private: bool) -> Audio | None:
        if not spoken:
            return None
        shareable = not private and self._is_prompt(spoken)
        engines = [e for e in self.engines if shareable or not e.online]
        if shareable and self.cache is not None:
            for engine in engines:
                key = self._key(engine, spoken, language, speed)
                hit = self.cache.get(key) if key else None
                if hit is not None:
                    return replace(hit, engine=engine.name)
        for engine in engines:
            if self._paused(engine):
                continue
            audio = self._synthesise(engine, spoken, language, speed)
            if audio is None:
                continue
            if shareable and self.cache is not None:
                key = self._key(engine, spoken, language, speed)
                try:
                    if key:
                        self.cache.put(key, audio)
                except OSError as error:
                    log.warning("could not store a clip in the audio cache (%s)", type(error).__name__)
            return audio
        log.info("no speech engine could speak (%d tried)", len(engines))
        return None

    @staticmethod
    def _key(engine: SpeechEngine, spoken: str, language: str, speed: Speed) -> str | None:
        try:
            return cache_key(engine.name, engine.voice(language), language, speed, spoken)
        except SpeechUnavailable:
            return None

    def _paused(self, engine: SpeechEngine) -> bool:
        with self._lock:
            return self._paused_until.get(engine.name, 0.0) > self._clock()

    def _pause(self, engine: SpeechEngine) -> None:
        if engine.online:
            with self._lock:
                self._paused_until[engine.name] = self._clock() + ONLINE_PAUSE_SECONDS

    def _synthesise(self, engine: SpeechEngine, spoken: str, language: str, speed: Speed) -> Audio | None:
        """Run the engine on a helper thread and wait at most ``deadline`` seconds for it."""
        outcome: list[Audio | BaseException] = []
        done = threading.Event()

        def work() -> None:
            try:
                outcome.append(engine.synthesise(spoken, language, speed))
            except BaseException as error:
                outcome.append(error)
            finally:
                done.set()

        threading.Thread(target=work, name=f"speech-{engine.name}", daemon=True).start()
        if not done.wait(self._deadline):
            log.warning("speech engine %s gave no answer within %g s", engine.name, self._deadline)
            self._pause(engine)
            return None
        result = outcome[0]
        if isinstance(result, Audio) and result.data:
            return result
        if isinstance(result, SpeechUnavailable):  # our engines' messages never hold the text
            log.info("speech engine %s cannot speak: %s", engine.name, result)
        else:
            log.warning("speech engine %s failed (%s)", engine.name, type(result).__name__)
        self._pause(engine)
        return None


@dataclass(frozen=True)
class PrerenderReport:
    made: int
    already_cached: int
    failed: int
    seconds: float

    @property
    def total(self) -> int:
        return self.made + self.already_cached + self.failed


def prerender(
    speech: Speech, texts: Iterable[str], language: str, speeds: Iterable[Speed]
) -> PrerenderReport:
    """Speak each fixed prompt at each speed into the disk cache; count what was made or failed.

    Texts that sound the same (once markdown is dropped) are spoken once.
    """
    items = list({speakable(text): text for text in texts}.values())
    made = already = failed = 0
    started = time.perf_counter()
    for speed in speeds:
        for text in items:
            audio = speech.say(text, language, speed) if speech.is_shareable(text) else None
            if audio is None:
                failed += 1
            elif audio.cached:
                already += 1
            else:
                made += 1
    return PrerenderReport(made, already, failed, time.perf_counter() - started)


def parse_order(order: str | None) -> list[str]:
    """``"espeak,gtts"`` -> ``["espeak", "gtts"]``; unknown names are left out (and logged)."""
    known = {"cache": "cache", "gtts": "gtts", "google": "gtts", "espeak": "espeak", "espeak-ng": "espeak"}
    names: list[str] = []
    for raw in (order or DEFAULT_ORDER).split(","):
        name = raw.strip().lower()
        if not name:
            continue
        if name not in known:
            log.warning("unknown speech engine %r in the speech order, left out", name[:20])
        elif known[name] not in names:
            names.append(known[name])
    return names or parse_order(DEFAULT_ORDER)


def speech_from_settings(order: str | None, *, allow_online: bool, data_dir: Path | None) -> Speech:
    """The real engines in the configured order. The cache lives in ``<data_dir>/audio-cache``."""
    names = parse_order(order)
    engines: list[SpeechEngine] = []
    for name in names:
        if name == "espeak":
            engines.append(EspeakEngine())
        elif name == "gtts" and allow_online:
            engines.append(GttsEngine())
    cache = DiskCache(data_dir / CACHE_FOLDER) if "cache" in names and data_dir is not None else None
    return Speech(engines, cache, allow_online=allow_online)
