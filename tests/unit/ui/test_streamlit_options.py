"""The screens use current Streamlit options: ``use_container_width`` is deprecated (``width=`` instead)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_no_screen_uses_the_deprecated_use_container_width() -> None:
    code = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "wtfc_collect").rglob("*.py")]
    code += [ROOT / "accessibility" / "widgets.py"]
    found = [str(p.relative_to(ROOT)) for p in code if "use_container_width" in p.read_text(encoding="utf-8")]
    assert not found, found
