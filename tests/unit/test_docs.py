"""The README, CI and texts stay true to the code: commands, system packages, page help texts."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from accessibility.texts import DOCUMENT_SCREENS, SHARED_SCREENS, WELSH_SCREENS, screen, screens
from wtfc_collect.cli import main
from wtfc_collect.ui.navigation import PAGES

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _system_packages() -> list[str]:
    lines = (ROOT / "system-packages.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]


def test_readme_gives_the_two_commands_and_make_defines_them() -> None:
    assert "make run" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.strip().splitlines()[-1] == "make test"
    assert "system-packages.txt" in ci


def test_every_system_package_is_in_the_readme_table() -> None:
    packages = _system_packages()
    assert packages, "system-packages.txt lists no package"
    table = README.split("## System packages", 1)[1].split("\n## ", 1)[0]
    for package in packages:
        assert f"| `{package}` |" in table, f"{package} is missing from the README's system packages"


def test_every_command_line_command_is_documented() -> None:
    commands = sorted(main.commands)  # type: ignore[attr-defined]
    assert commands
    for name in commands:
        assert f"`{name}" in README, f"command '{name}' is not in the README"
        assert CliRunner().invoke(main, [name, "--help"]).exit_code == 0


def test_every_page_has_plain_help_text_and_is_described_in_readme() -> None:
    for spec in PAGES:
        name = Path(spec.path).stem
        texts = screen(name)
        assert len(texts["help"].split()) >= 8, f"{spec.path} needs a help text of a sentence or more"
        assert f"**{spec.title}**" in README, f"page '{spec.title}' is not described in the README"


def test_every_text_screen_belongs_to_a_page_and_has_no_empty_text() -> None:
    pages = {Path(spec.path).stem for spec in PAGES}
    for name in screens():
        assert name in pages or name in SHARED_SCREENS or name in DOCUMENT_SCREENS, (
            f"texts/en/{name}.toml belongs to no page"
        )
        assert all(value.strip() for value in screen(name).values())


def test_every_document_text_file_is_read_by_a_document_and_is_no_page() -> None:
    pages = {Path(spec.path).stem for spec in PAGES}
    documents = ROOT / "wtfc_collect" / "documents"
    sources = "\n".join(path.read_text(encoding="utf-8") for path in documents.glob("*.py"))
    for name in DOCUMENT_SCREENS:
        assert name not in pages and name not in SHARED_SCREENS, f"{name} is listed as a document and a page"
        assert name in screens(), f"texts/en/{name}.toml is missing"
        assert f'"{name}"' in sources, f"no module of wtfc_collect/documents reads texts/en/{name}.toml"


def test_the_readme_says_how_to_change_a_welsh_text_and_names_files_that_exist() -> None:
    section = README.split("**To change a Welsh text:**", 1)[1].split("\n## ", 1)[0]
    assert "accessibility/texts/cy/<screen>.toml" in section and "{placeholder}" in section
    for path in re.findall(r"`((?:tests|accessibility)/[^`<]+\.(?:py|txt|toml))`", section):
        assert (ROOT / path).is_file(), path
    welsh = README.split("### Welsh (Cymraeg)", 1)[1].split("**To change a Welsh text:**", 1)[0]
    for name in WELSH_SCREENS:
        assert f"`{name}.toml`" in welsh, f"{name}.toml is not listed among the Welsh texts in the README"
