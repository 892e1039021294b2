"""Pictures shipped with the tool (no downloads): one for each of the three questions, and a few more.

The pictures people see for the questions and in the "You said, we did" letter are pictograms of the
Mulberry Symbols, a set made for adults who use symbols to communicate (``images/mulberry/``: CC BY-SA
4.0, with its licence and where each came from in ``images/mulberry/README.md``). They are known here by
what they stand for (``PICTOGRAMS``: "working" is the thumb up).

The pictures are SVG. Word documents need a bitmap (python-docx cannot embed SVG). A pictogram has its PNG
beside it, drawn by a browser once (``scripts/render_pictures.py``); ``png`` uses that PNG. For a small
drawing of our own with no PNG beside it, ``png`` draws it with Pillow, offline. It understands only what
such drawings use: circles and paths made of straight lines and curves (M, L, H, V, Q, C, Z) with fill,
stroke, stroke width and round ends. Anything else is refused, so a new picture that needs more is noticed
by the tests, not drawn wrongly.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import ImageDraw

_FOLDER = Path(__file__).parent / "images"
_OVERSAMPLE = 4  # drawn four times larger, then scaled down: smooth edges without an anti-aliasing engine
_CURVE_STEPS = 24
_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGUMENTS = {"M": 2, "L": 2, "H": 1, "V": 1, "Q": 4, "C": 6, "Z": 0}

Point = tuple[float, float]
CLEAR = (255, 255, 255, 0)


# What a picture stands for -> the pictogram that shows it (a file in images/, without ".svg").
PICTOGRAMS: dict[str, str] = {
    "working": "mulberry/good",  # What is working? A thumb up.
    "not_working": "mulberry/bad",  # What is not working? A thumb down.
    "future": "mulberry/future",  # What is important for the future? A clock with an arrow on.
    "you_said": "mulberry/talk",  # "What you told us": a person talking.
    "we_do": "mulberry/group_work",  # "What we are doing": people working together at a table.
    "next": "mulberry/meet",  # "What happens next": people meeting.
}


def _file(name: str) -> Path:
    return _FOLDER / f"{PICTOGRAMS.get(name, name)}.svg"


@cache
def svg(name: str) -> str:
    """The SVG text of a picture, e.g. ``svg("working")``."""
    return _file(name).read_text(encoding="utf-8")


def names() -> list[str]:
    """Every picture by its name: what the pictograms stand for, and our own drawings."""
    return sorted({*PICTOGRAMS, *(p.stem for p in _FOLDER.glob("*.svg"))})


def description(name: str) -> str:
    """The picture's own description (its ``aria-label``), e.g. "A smiling face with a green tick"."""
    return _root(name).get("aria-label", "")


def _root(name: str) -> ElementTree.Element:
    # Our own files, shipped with the tool: nothing from outside is parsed here.
    return ElementTree.fromstring(svg(name))  # noqa: S314


def _colour(value: str | None) -> str | None:
    if value is None or value.strip().lower() in ("", "none", "transparent"):
        return None
    return value.strip()


def _subpaths(d: str) -> Iterator[tuple[list[Point], bool]]:
    """Each part of a path as a list of points (curves cut into short lines) and whether it is closed."""
    tokens = _TOKEN.findall(d)
    points: list[Point] = []
    start: Point = (0.0, 0.0)
    at: Point = (0.0, 0.0)
    index, command = 0, ""
    while index < len(tokens):
        if tokens[index].isalpha():
            command = tokens[index]
            index += 1
        upper = command.upper()
        if upper not in _ARGUMENTS:
            raise ValueError(f"path command {command!r} is not supported")
        if upper == "Z":
            if points:
                yield points, True
            points, at = [], start
            continue
        count = _ARGUMENTS[upper]
        values = [float(v) for v in tokens[index : index + count]]
        if len(values) < count:
            raise ValueError(f"path command {command!r} needs {count} numbers")
        index += count
        if command.islower():  # relative: numbers count from the current point
            offsets = [at[0]] if upper == "H" else [at[1]] if upper == "V" else list(at) * (count // 2)
            values = [v + o for v, o in zip(values, offsets, strict=True)]
        if upper == "M":
            if len(points) > 1:
                yield points, False
            at = start = (values[0], values[1])
            points = [at]
            command = "l" if command.islower() else "L"  # more pairs after a move are lines
            continue
        if upper in "LHV":
            if upper == "L":
                at = (values[0], values[1])
            else:
                at = (values[0], at[1]) if upper == "H" else (at[0], values[0])
            points.append(at)
            continue
        controls = [at, *zip(values[::2], values[1::2], strict=True)]
        points += [_bezier(controls, step / _CURVE_STEPS) for step in range(1, _CURVE_STEPS + 1)]
        at = controls[-1]
    if len(points) > 1:
        yield points, False


def _bezier(controls: list[Point], t: float) -> Point:
    """A point on a quadratic or cubic Bézier curve (de Casteljau)."""
    while len(controls) > 1:
        controls = [
            (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in itertools.pairwise(controls)
        ]
    return controls[0]


def _disc(
    draw: ImageDraw.ImageDraw, centre: Point, radius: float, colour: str | tuple[int, ...] | None
) -> None:
    x, y = centre
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)


@cache
def png(name: str, pixels: int = 300) -> bytes:
    """The picture as a PNG ``pixels`` wide (and high: the pictures are square), on a clear background."""
    from PIL import Image

    drawn = _file(name).with_suffix(".png")
    if drawn.is_file():  # a pictogram, drawn by a browser beside its SVG
        with Image.open(drawn) as image:
            small = image.convert("RGBA").resize((pixels, pixels), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        small.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()
    return _draw(name, pixels)


def _draw(name: str, pixels: int) -> bytes:
    """A small drawing of our own as a PNG, drawn with Pillow (see the module's note)."""
    from PIL import Image, ImageDraw

    root = _root(name)
    left, top, width, height = (float(v) for v in root.get("viewBox", "0 0 200 200").split())
    big = pixels * _OVERSAMPLE
    scale = big / max(width, height)

    def place(point: Point) -> Point:
        return ((point[0] - left) * scale, (point[1] - top) * scale)

    canvas = Image.new("RGBA", (big, round(height * scale)), CLEAR)
    draw = ImageDraw.Draw(canvas)
    for element in root:
        tag = element.tag.rsplit("}", 1)[-1]
        fill = _colour(element.get("fill", "black"))
        stroke = _colour(element.get("stroke"))
        line = float(element.get("stroke-width", "1")) * scale
        if tag == "circle":
            cx, cy = place((float(element.get("cx", "0")), float(element.get("cy", "0"))))
            r = float(element.get("r", "0")) * scale
            # A stroke is centred on the edge: a disc of the stroke colour, then the fill inside it.
            _disc(draw, (cx, cy), r + (line / 2 if stroke else 0), stroke or fill)
            if stroke:
                _disc(draw, (cx, cy), max(r - line / 2, 0), fill or CLEAR)
        elif tag == "path":
            round_ends = element.get("stroke-linecap") == "round"
            for raw, closed in _subpaths(element.get("d", "")):
                points = [place(p) for p in raw]
                if fill and len(points) > 2:
                    draw.polygon(points, fill=fill)
                if stroke:
                    outline = [*points, points[0]] if closed else points
                    draw.line(outline, fill=stroke, width=max(1, math.ceil(line)), joint="curve")
                    # Discs at the corners fill the hairline gaps Pillow leaves between thick segments
                    # (the pictures only use round joins); at the two ends only with round caps.
                    corners = outline if closed or round_ends else outline[1:-1]
                    for corner in corners:
                        _disc(draw, corner, line / 2, stroke)
        else:
            raise ValueError(f"the picture {name!r} uses <{tag}>, which png() cannot draw")
    small = canvas.resize((pixels, round(height * scale / _OVERSAMPLE)), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
