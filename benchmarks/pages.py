"""Page figures: how long a rerun of a busy page takes as the project grows, next to an empty page.

Each page is opened in Streamlit's AppTest (the whole app.py, as a browser session would run it) on a file
store filled by ``benchmarks.scale``, then rerun several times; the median rerun is reported, and its ratio
to the median rerun of a page that reads no data (the accessibility statement) in the same store and the
same run, so a noisy machine moves both alike.
"""

from __future__ import annotations

import logging
import os
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from accessibility.texts import screen
from benchmarks.scale import build_project
from wtfc_collect import bootstrap

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
EMPTY = "pages/accessibility_statement.py"
PAGES = {
    "checkpoint": "pages/checkpoint.py",
    "check_stmts": "pages/check_statements.py",
    "reviews": "pages/reviews.py",
    "card_call": "pages/card_call.py",
}


@contextmanager
def data_folder(reviews: int) -> Iterator[Path]:
    """A temporary data folder holding a file store with ``reviews`` reviews, set as WTFC_DATA_DIR."""
    before = os.environ.get(bootstrap.DATA_DIR_VARIABLE)
    with tempfile.TemporaryDirectory(prefix="wtfc-bench-") as name:
        folder = Path(name)
        if reviews:
            build_project(bootstrap.build_repository(folder), reviews)
        os.environ[bootstrap.DATA_DIR_VARIABLE] = str(folder)
        try:
            yield folder
        finally:
            if before is None:
                os.environ.pop(bootstrap.DATA_DIR_VARIABLE, None)
            else:
                os.environ[bootstrap.DATA_DIR_VARIABLE] = before


@contextmanager
def _no_context_warning() -> Iterator[None]:
    """AppTest touches session state outside a script run before the first run; Streamlit warns about
    that (harmlessly) on every new AppTest. Keep it quiet."""
    warner = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    level = warner.level
    warner.setLevel(logging.ERROR)
    try:
        yield
    finally:
        warner.setLevel(level)


def _as_the_launcher_runs_it() -> None:
    """Every page runs inside app.py, as the app's launcher (wtfc_collect/ui/serve.py) makes it: AppTest
    turns the old pages-folder mode on before each run, which would run a page file alone after a
    switch, without app.py's sign-in check and set-up, so the figures would not be the app's."""
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager.__init__, "whole_app", False):
        return
    original = PagesManager.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    init.whole_app = True  # type: ignore[attr-defined]
    PagesManager.__init__ = init  # type: ignore[method-assign]


def new_app(timeout: float = 300) -> Any:
    """An AppTest of the whole app.py with a signed-in administrator in its session (for pages that
    ask for one; harmless before sign-in exists)."""
    from streamlit.testing.v1 import AppTest

    _as_the_launcher_runs_it()

    with _no_context_warning():
        app = AppTest.from_file(APP, default_timeout=timeout)
        app.session_state["auth.user"] = _bench_administrator()
    return app


def _bench_administrator() -> Any:
    """The administrator of the benchmark's store, as signing in makes them: backed by a real account (the app
    checks the account again on every run)."""
    from datetime import UTC, datetime

    from wtfc_collect import bootstrap
    from wtfc_collect.domain import Account
    from wtfc_collect.domain.access import Role, User
    from wtfc_collect.services.access import acting_as
    from wtfc_collect.services.admin import accounts

    repo = bootstrap.build_repository()
    with acting_as(User(username="bench", role=Role.ADMINISTRATOR)):
        found = next(iter(repo.find(Account, username="bench")), None) or accounts.create_account(
            repo,
            username="bench",
            display_name="Benchmark",
            role=Role.ADMINISTRATOR,
            password="a password for the benchmark only",  # noqa: S106 - a made-up account
            actor="benchmark",
            now=datetime.now(UTC),
        )
    return accounts.user_of(found)


@contextmanager
def as_administrator() -> Iterator[None]:
    """The services' own role checks see an administrator too (AppTest runs the pages in this process)."""
    try:
        from wtfc_collect.domain.access import Role, User
        from wtfc_collect.services.access import acting_as
    except ImportError:  # pragma: no cover - older code without role checks
        yield
        return
    with acting_as(User(username="bench", role=Role.ADMINISTRATOR)):
        yield


def open_page(page: str, timeout: float = 300) -> tuple[Any, float]:
    """An AppTest showing ``page`` (after app.py's own first run), and how long opening it took in ms."""
    app = new_app(timeout)
    app.run()
    started = time.perf_counter()
    app.switch_page(page).run()
    first = (time.perf_counter() - started) * 1000
    _check(app, page)
    title = screen(Path(page).stem)["title"]
    if title not in [str(heading.value) for heading in app.title]:  # e.g. a sign-in form instead
        raise RuntimeError(f"{page} did not show its title {title!r}: {[h.value for h in app.title]}")
    return app, first


def _check(app: Any, page: str) -> None:
    if app.exception:
        raise RuntimeError(f"{page} failed (Streamlit logs the error above): {app.exception[0].value}")


def rerun_ms(app: Any) -> float:
    started = time.perf_counter()
    app.run()
    return (time.perf_counter() - started) * 1000


def quiet_streamlit() -> None:
    """Streamlit warns about a missing script context when AppTest is driven from a plain script."""
    from streamlit import logger

    os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # read when AppTest loads the config
    logger.set_log_level(os.environ["STREAMLIT_LOGGER_LEVEL"])


def run(sizes: Sequence[int] = (100, 1_000), repeats: int = 5) -> dict[str, float]:
    """Print the table; return figures keyed ``<page>_<size>_ms`` and ``<page>_ratio_<size>``."""
    quiet_streamlit()
    figures: dict[str, float] = {}
    print(
        f"\nPages: median of {repeats} AppTest reruns (the whole app.py), taking turns with the "
        "accessibility statement\n(reads no data) in the same store; 'x empty' is the ratio to it"
    )
    print(f"{'page':<12}{'reviews':>8}{'first ms':>10}{'rerun ms':>10}{'x empty':>9}")
    for size in sizes:
        with data_folder(size), as_administrator():
            opened = {name: open_page(page) for name, page in {"(empty)": EMPTY, **PAGES}.items()}
            timings: dict[str, list[float]] = {name: [] for name in opened}
            for _ in range(repeats):  # taking turns, so a busy moment of the machine hits every page alike
                for name, (app, _) in opened.items():
                    timings[name].append(rerun_ms(app))
            for name, (app, _) in opened.items():
                _check(app, name)
            empty = statistics.median(timings["(empty)"])
            figures[f"empty_{size}_ms"] = empty
            for name, (_, first) in opened.items():
                median = statistics.median(timings[name])
                if name != "(empty)":
                    figures[f"{name}_{size}_ms"] = median
                    figures[f"{name}_ratio_{size}"] = median / empty
                print(f"{name:<12}{size:>8,}{first:>10.0f}{median:>10.1f}{median / empty:>9.1f}")
    return figures


if __name__ == "__main__":
    run()
