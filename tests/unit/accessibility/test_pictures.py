"""The question pictures as PNG for Word documents, drawn offline from the SVG files shipped with the tool."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from accessibility import pictures

COLOURS = {  # the coloured sign of each picture, as in its SVG
    "working": (0x1B, 0x5E, 0x20),
    "not_working": (0xB7, 0x1C, 0x1C),
    "future": (0x0D, 0x47, 0xA1),
    # The workshop invitation's pictures.
    "workshop_day": (0x6A, 0x1B, 0x9A),
    "people_together": (0xE6, 0x51, 0x00),
    "theme_cards": (0x00, 0x69, 0x5C),
    "idea_traditional": (0x15, 0x65, 0xC0),
    "idea_radical": (0xC6, 0x28, 0x28),
    "idea_different": (0xAD, 0x14, 0x57),
}


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return pixel[3] > 250 and all(abs(a - b) <= 6 for a, b in zip(pixel[:3], colour, strict=True))


@pytest.mark.parametrize("name", pictures.names())
def test_every_picture_becomes_a_png_with_its_colours_and_a_clear_background(name: str) -> None:
    image = Image.open(io.BytesIO(pictures.png(name, 200)))
    assert image.format == "PNG" and image.size == (200, 200) and image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0  # type: ignore[index]
    pixels = list(image.get_flattened_data())
    assert sum(_near(p, COLOURS[name]) for p in pixels) > 200, "the coloured sign is missing"
    assert pictures.description(name)


def test_the_three_questions_and_the_invitation_have_pictures() -> None:
    assert pictures.names() == sorted(COLOURS)


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
