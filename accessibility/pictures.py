"""Pictures shipped with the tool (no downloads): one for each of the three questions."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_FOLDER = Path(__file__).parent / "images"


@cache
def svg(name: str) -> str:
    """The SVG text of a picture, e.g. ``svg("working")``."""
    return (_FOLDER / f"{name}.svg").read_text(encoding="utf-8")


def names() -> list[str]:
    return sorted(p.stem for p in _FOLDER.glob("*.svg"))
