"""The pictures as PNG for Word documents, from the files shipped with the tool (no download, no drawing
program at run time): the Mulberry pictograms for the questions and the letter, with their licence."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from accessibility import pictures

IMAGES = Path(pictures.__file__).parent / "images"
MULBERRY = IMAGES / "mulberry"
COLOURS = {  # a colour each picture is known by (skin of a hand, the blue of a clock face …)
    "working": (0xFF, 0xEE, 0xC8),
    "not_working": (0xFF, 0xEE, 0xC8),
    "future": (0xA8, 0xD7, 0xF4),
    # The workshop invitation's own drawings: the coloured sign of each, as in its SVG.
    "workshop_day": (0x6A, 0x1B, 0x9A),
    "people_together": (0xE6, 0x51, 0x00),
    "theme_cards": (0x00, 0x69, 0x5C),
    "idea_traditional": (0x15, 0x65, 0xC0),
    "idea_radical": (0xC6, 0x28, 0x28),
    "idea_different": (0xAD, 0x14, 0x57),
}


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return pixel[3] > 250 and all(abs(a - b) <= 10 for a, b in zip(pixel[:3], colour, strict=True))


@pytest.mark.parametrize("name", pictures.names())
def test_every_picture_becomes_a_png_with_a_clear_background_and_a_description(name: str) -> None:
    image = Image.open(io.BytesIO(pictures.png(name, 200)))
    assert image.format == "PNG" and image.size == (200, 200) and image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0  # type: ignore[index]
    pixels = list(image.get_flattened_data())
    assert sum(p[3] > 250 for p in pixels) > 2000, "the picture is drawn"
    if name in COLOURS:
        assert sum(_near(p, COLOURS[name]) for p in pixels) > 200, "its colour is missing"
    assert pictures.description(name)


def test_the_invitation_has_its_own_drawings() -> None:
    drawings = {"workshop_day", "people_together", "theme_cards", "idea_traditional", "idea_radical"}
    assert {*drawings, "idea_different"} <= set(pictures.names())
    for name in (*drawings, "idea_different"):
        assert (IMAGES / f"{name}.svg").is_file(), name


def test_the_questions_and_the_letter_use_pictograms_of_the_mulberry_set_with_their_licence() -> None:
    assert {"working", "not_working", "future"} <= set(pictures.names())
    assert pictures.PICTOGRAMS["working"] == "mulberry/good"  # a thumb up, not a drawing of our own
    for name, file in pictures.PICTOGRAMS.items():
        assert (IMAGES / f"{file}.svg").is_file(), name
    licence = (MULBERRY / "LICENSE.txt").read_text(encoding="utf-8")
    assert "Creative Commons Attribution-Share Alike" in licence and "by-sa/4.0" in licence
    sources = (MULBERRY / "README.md").read_text(encoding="utf-8")
    assert "github.com/mulberrysymbols/mulberry-symbols" in sources and "CC BY-SA 4.0" in sources
    for svg in MULBERRY.glob("*.svg"):
        assert f"`{svg.name}`" in sources, f"{svg.name} is not listed with where it came from"


@pytest.mark.parametrize("svg", sorted(MULBERRY.glob("*.svg")), ids=lambda p: p.stem)
def test_each_pictogram_png_was_drawn_from_its_svg_as_it_is_now(svg: Path) -> None:
    """The PNG beside a pictogram is drawn by scripts/render_pictures.py; a changed SVG needs it run again."""
    drawn = Image.open(svg.with_suffix(".png"))
    assert drawn.size == (600, 600) and drawn.mode == "RGBA"
    assert drawn.info.get("source-sha256") == hashlib.sha256(svg.read_bytes()).hexdigest()


def test_a_picture_with_something_png_cannot_draw_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    drawing = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>'
    monkeypatch.setattr(pictures, "svg", lambda name: drawing)
    with pytest.raises(ValueError, match="rect"):
        pictures.png.__wrapped__("square")
    arc = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0 A5 5 0 0 1 9 9"/></svg>'
    monkeypatch.setattr(pictures, "svg", lambda name: arc)
    with pytest.raises(ValueError, match="not supported"):
        pictures.png.__wrapped__("arc")


def test_relative_path_commands_draw_the_same_as_absolute_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    def drawn(d: str) -> bytes:
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
            f'<path d="{d}" fill="#000000"/></svg>'
        )
        monkeypatch.setattr(pictures, "svg", lambda name: svg)
        return pictures.png.__wrapped__("shape", 50)  # type: ignore[no-any-return]

    assert drawn("M10 10 L90 10 L90 90 Z") == drawn("m10 10 l80 0 l0 80 z") == drawn("M10 10 H90 V90 Z")
