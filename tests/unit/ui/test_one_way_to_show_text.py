"""Typed words reach the screen through one path: no screen draws a table of its own (Streamlit's tables
read Markdown in their cells and offer a "Download as CSV" that lets formulas through), and no screen
lets Markdown carry raw HTML. Tables go through wtfc_collect/ui/tables.py, words inside Markdown through
wtfc_collect/ui/literal.py; a real browser checks every page in tests/browser/test_typed_text.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SOURCES = sorted(
    [
        *(ROOT / "wtfc_collect").rglob("*.py"),
        *(ROOT / "pages").glob("*.py"),
        *(ROOT / "accessibility").rglob("*.py"),
        ROOT / "app.py",
    ]
)
TABLES = {"table", "dataframe", "data_editor"}


def _calls(path: Path) -> list[tuple[int, str, ast.Call]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            found.append((node.lineno, node.func.attr, node))
    return found


def _check(path: Path) -> None:
    for line, name, call in _calls(path):
        owner = call.func.value  # type: ignore[attr-defined]
        if isinstance(owner, ast.Name) and owner.id == "st":
            assert name not in TABLES, f"{path.name}:{line}: st.{name} (use wtfc_collect.ui.tables.table)"
        for keyword in call.keywords:
            assert not (
                keyword.arg == "unsafe_allow_html"
                and not (isinstance(keyword.value, ast.Constant) and keyword.value.value is False)
            ), f"{path.name}:{line}: unsafe_allow_html"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_streamlit_table_and_no_raw_html_in_markdown(path: Path) -> None:
    _check(path)


def test_the_check_finds_a_table_and_raw_html(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import streamlit as st\nst.dataframe([])\n")
    with pytest.raises(AssertionError, match=r"st\.dataframe"):
        _check(bad)
    bad.write_text("import streamlit as st\nst.markdown('x', unsafe_allow_html=True)\n")
    with pytest.raises(AssertionError, match="unsafe_allow_html"):
        _check(bad)
