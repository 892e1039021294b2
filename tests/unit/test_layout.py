"""The code reads like the method: each part of it has a home in every layer, one name per screen runs
through the layers, pages stay thin, and nothing imports in a circle. (The import-linter contracts in
pyproject.toml keep the order of the parts; this file holds what they cannot say.)"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import grimp
import pytest

from wtfc_collect.ui.navigation import PAGES

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "wtfc_collect"
PARTS = ("prepare", "collect", "checkpoint", "workshop")
SCREENS = {Path(spec.path).stem for spec in PAGES}
# Service modules that serve several screens of their part, each for a reason of the method.
SHARED_SERVICES = {
    "collect": {
        "codes",
        "own_words",
    },  # codes: made on Reviews, typed at sign-in; notes on both review screens
    "workshop": {"themes", "dot_votes"},  # every workshop screen reads themes; three screens record dots
    "reports": {"documents", "report_content"},  # Word documents offered on several screens
    "admin": {"erasure", "backup"},  # erasing (from Reviews) and backups (command line)
}
PAGE_LINES = 100


def _modules(folder: Path) -> list[str]:
    return sorted(path.stem for path in folder.glob("*.py") if path.stem != "__init__")


def _screen_of(module: str) -> str | None:
    """The screen a module is named after: its whole name, or the start of it before an underscore."""
    found = [s for s in SCREENS if module == s or module.startswith(s + "_")]
    return max(found, key=len) if found else None


def test_each_part_of_the_method_has_its_home_in_services_and_ui() -> None:
    for part in (*PARTS, "reports", "admin"):
        assert (PACKAGE / "services" / part / "__init__.py").is_file(), f"services/{part}/ is missing"
    for part in (*PARTS, "admin"):
        assert (PACKAGE / "ui" / part / "__init__.py").is_file(), f"ui/{part}/ is missing"
    assert _modules(PACKAGE / "services") == ["access", "common"]  # nothing flat beside the parts
    assert (PACKAGE / "demo" / "__init__.py").is_file()


@pytest.mark.parametrize("part", [*PARTS, "admin"])
def test_every_ui_module_is_named_after_the_screen_it_draws(part: str) -> None:
    for module in _modules(PACKAGE / "ui" / part):
        assert _screen_of(module), f"ui/{part}/{module}.py is named after no screen"


@pytest.mark.parametrize("part", [*PARTS, "reports", "admin"])
def test_every_service_module_is_named_after_a_screen_or_shared_for_a_reason(part: str) -> None:
    for module in _modules(PACKAGE / "services" / part):
        shared = module in SHARED_SERVICES.get(part, set())
        assert _screen_of(module) or shared, f"services/{part}/{module}.py is named after no screen"


@pytest.mark.parametrize("part", [*PARTS, "admin"])
def test_a_screens_state_keys_start_with_the_screens_name(part: str) -> None:
    """Every ui module of a screen keeps its session-state keys under ``<screen>.``."""
    for module in _modules(PACKAGE / "ui" / part):
        loaded = importlib.import_module(f"wtfc_collect.ui.{part}.{module}")
        screen = _screen_of(module)
        for name in ("PREFIX", "SCREEN"):
            value = getattr(loaded, name, None)
            if isinstance(value, str):
                assert value.split(".")[0] == screen, f"ui/{part}/{module}.py: {name} = {value!r}"


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.stem)
def test_every_page_is_a_listed_screen_and_stays_thin(path: Path) -> None:
    assert path.stem in SCREENS, f"pages/{path.name} is not in the navigation"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= PAGE_LINES, f"pages/{path.name} has {len(lines)} lines: move the screen into ui/"


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.stem)
def test_pages_with_a_ui_module_use_it_and_not_the_services(path: Path) -> None:
    """A page draws its screen through the ui module of the same name; the use cases are that module's."""
    modules = {p.stem: p for part in (*PARTS, "admin") for p in (PACKAGE / "ui" / part).glob("*.py")}
    if path.stem not in modules:
        return
    imported = {
        node.module or ""
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
    }
    assert not any(name.startswith("wtfc_collect.services") for name in imported), path.name
    part = modules[path.stem].parent.name
    assert f"wtfc_collect.ui.{part}" in imported, (
        f"pages/{path.name} does not draw with ui/{part}/{path.stem}"
    )


def test_no_import_cycle_anywhere_not_even_between_a_package_and_its_modules() -> None:
    """grimp reads every import statement, also those inside functions: a deferred import is no way out."""
    graph = grimp.build_graph("wtfc_collect", "accessibility")
    cycles = [
        (importer, imported)
        for importer in sorted(graph.modules)
        for imported in sorted(graph.find_modules_directly_imported_by(importer))
        if graph.chain_exists(importer=imported, imported=importer)
    ]
    assert cycles == []


def test_the_cycle_check_finds_a_cycle_hidden_in_a_function(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "looped"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "first.py").write_text("from looped import second\n")
    (package / "second.py").write_text("def later() -> None:\n    from looped import first\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("looped", cache_dir=None)
    assert graph.chain_exists(importer="looped.second", imported="looped.first")
    assert graph.chain_exists(importer="looped.first", imported="looped.second")
