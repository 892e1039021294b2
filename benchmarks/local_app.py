"""The app started as `make run` starts it, on a free local port, and the headless Chromium that opens it.

Used by the startup benchmark and by the browser tests, so both start the app and the browser the same way.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from wtfc_collect import bootstrap

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("WTFC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium() -> str | None:
    """Debian's Chromium (or the one in ``WTFC_CHROMIUM``), else one on the PATH, else None."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def healthy(url: str) -> bool:
    """Whether the app at ``url`` answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:  # noqa: S310 (loopback)
            return bool(answer.status == 200 and answer.read().strip() == b"ok")
    except OSError:
        return False


def wait_healthy(process: subprocess.Popen[bytes], url: str, seconds: float, every: float) -> None:
    """Poll the health check every ``every`` seconds; fail plainly when the app stops or is too slow."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app stopped while starting (exit {process.returncode})")
        if healthy(url):
            return
        time.sleep(every)
    raise RuntimeError("the app did not answer its health check in time")


@contextmanager
def started_app(
    data_dir: Path, options: Sequence[str] = (), settings: Mapping[str, str] | None = None
) -> Iterator[tuple[subprocess.Popen[bytes], str, float]]:
    """Start ``python -m wtfc_collect.ui.serve`` on a free port with ``data_dir``; yield the process, its
    address and the moment it was started (not yet healthy: see :func:`wait_healthy`). Stops it after."""
    port = free_port()
    env = {**os.environ, bootstrap.DATA_DIR_VARIABLE: str(data_dir), **(settings or {})}
    command = [
        sys.executable, "-m", "wtfc_collect.ui.serve",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        *options,
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield process, f"http://127.0.0.1:{port}", started
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
