"""Speech figures: a cached prompt, a fresh clip per engine, and pre-rendering every spoken prompt.

Runs on a temporary cache folder. gTTS is measured only when WTFC_ONLINE_SPEECH=1 (it needs the
internet); otherwise it is reported as off.
"""

from __future__ import annotations

import functools
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from accessibility.speech import (
    SPEEDS,
    DiskCache,
    EspeakEngine,
    GttsEngine,
    Speech,
    SpeechEngine,
    SpeechUnavailable,
    prerender,
    speakable,
    spoken_prompts,
)

STATEMENT = "I like going to the café with my friend on Saturdays, but the bus is often late."


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def run() -> dict[str, float]:
    prompts = list({speakable(text): text for text in spoken_prompts("en").values()})
    engines: list[SpeechEngine] = [EspeakEngine()]
    online = os.environ.get("WTFC_ONLINE_SPEECH", "").strip() == "1"
    if online:
        engines.insert(0, GttsEngine())
    figures: dict[str, float] = {}
    print("\nSpeech")
    for engine in engines:
        try:
            engine.synthesise(prompts[0], "en", "normal")  # warm up (and find out whether it works)
            ms = _median_ms(functools.partial(engine.synthesise, prompts[1], "en", "normal"), repeat=10)
        except SpeechUnavailable as error:
            print(f"  {engine.name}: not working here ({error})")
            continue
        figures[f"audio_{engine.name}_ms"] = ms
        print(f"  uncached clip, {engine.name}: {ms:.0f} ms (a one-line prompt)")
    if not online:
        print("  gtts: off (set WTFC_ONLINE_SPEECH=1 to measure it; it needs the internet)")
    with tempfile.TemporaryDirectory() as folder:
        speech = Speech(engines, DiskCache(Path(folder)), allow_online=online)
        private_ms = _median_ms(lambda: speech.say(STATEMENT, private=True), repeat=10)
        print(f"  a person's statement (offline, in memory, never cached): {private_ms:.0f} ms")
        report = prerender(speech, prompts, "en", SPEEDS)
        megabytes = sum(path.stat().st_size for path in Path(folder).iterdir()) / 1e6
        print(
            f"  pre-render of all {len(prompts)} prompts x {len(SPEEDS)} speeds: {report.seconds:.1f} s "
            f"({report.made} made, {report.failed} failed, {megabytes:.1f} MB)"
        )
        hit = speech.say(prompts[2])
        assert hit is not None and hit.cached, "the pre-rendered prompt should come from the cache"
        cached_ms = _median_ms(lambda: speech.say(prompts[2]), repeat=200)
        print(f"  cached prompt fetch: {cached_ms:.2f} ms")
    figures.update(audio_cached_ms=cached_ms, audio_private_ms=private_ms, audio_prerender_s=report.seconds)
    return figures


if __name__ == "__main__":
    run()
