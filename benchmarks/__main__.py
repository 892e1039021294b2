"""Run every benchmark, print a readable table, and end with one JSON line of headline figures."""

from __future__ import annotations

import json
import sys

from benchmarks import audio, quality, storage


def main(argv: list[str]) -> int:
    sizes = [100, 1_000, 2_000] if "--quick" not in argv else [100, 500]
    print("Store: save latency as the store grows (one review changed and saved each time)")
    print(f"{'reviews':>8} {'p50 ms':>8} {'p95 ms':>8} {'file MB':>8}")
    latency = {}
    for size in sizes:
        row = storage.save_latency(size)
        latency[size] = row
        print(f"{size:>8} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['file_mb']:>8.2f}")
    together = storage.concurrent_saves()
    print(
        f"\nConcurrent: {together['saves']:.0f} saves from 20 threads in {together['seconds']:.1f} s, "
        f"lost {together['lost']:.0f}, errors {together['errors']:.0f}"
    )
    headline: dict[str, float | int] = {"concurrent_saves_lost": int(together["lost"])}
    if 2_000 in latency:
        headline["save_p95_ms_2000"] = round(latency[2_000]["p95_ms"], 1)
    headline["audio_cached_ms"] = round(audio.run()["audio_cached_ms"], 2)
    headline.update(quality.run())
    print(json.dumps(headline))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
