"""Icons never depend on an emoji font being installed: every icon is a Material Symbol (its font comes with
Streamlit) or a picture shipped with the tool. Emoji in the screens' code are refused here."""

from __future__ import annotations

import re
from pathlib import Path

from wtfc_collect.ui.navigation import PAGES

ROOT = Path(__file__).resolve().parents[3]
# Emoji and other pictographs as a font would have to draw them.
EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")
MATERIAL = re.compile(r":material/[a-z0-9_]+:")


def _screen_code() -> list[Path]:
    return [
        ROOT / "app.py",
        *sorted((ROOT / "pages").glob("*.py")),
        *sorted((ROOT / "wtfc_collect" / "ui").rglob("*.py")),
        ROOT / "accessibility" / "widgets.py",
        *sorted((ROOT / "accessibility" / "texts").rglob("*.toml")),  # every word on the screens
    ]


def test_every_page_icon_is_a_material_symbol() -> None:
    for spec in PAGES:
        assert re.fullmatch(r"[a-z_]+", spec.icon), spec
        assert MATERIAL.fullmatch(spec.symbol), spec


def test_no_screen_uses_an_emoji_as_an_icon_or_in_its_words() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _screen_code()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if EMOJI.search(line) and not line.lstrip().startswith("#")
    ]
    assert not found, "\n".join(found)


def test_the_browser_tab_icon_is_a_picture_shipped_with_the_tool() -> None:
    from wtfc_collect.ui.display import page_icon

    assert page_icon().startswith(b"\x89PNG\r\n\x1a\n")
