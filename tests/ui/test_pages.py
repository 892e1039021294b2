"""Every page through Streamlit's AppTest, on a temporary data folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.ui.shown import said
from wtfc_collect import bootstrap
from wtfc_collect.domain import Project, Review, Role, WorkField
from wtfc_collect.ui.navigation import PAGES, pages_for

TIMEOUT = 30
APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    return at


def _button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def _texts(at: AppTest) -> str:
    parts = said(at.markdown) + said(at.error) + said(at.info)
    parts += said(at.caption) + [t.value for t in at.title] + said(at.success)
    return "\n".join(str(p) for p in parts)


def test_every_page_in_navigation_renders_without_error(data_dir: Path) -> None:
    at = _app()
    for spec in PAGES:
        if not spec.roles:
            continue  # the vote opens signed out, with a workshop code (tests/ui/workshop/test_ballot.py)
        at.switch_page(spec.path).run()
        assert not at.exception, (spec.path, at.exception)
        assert at.title, f"{spec.path} has no title"
        assert at.title[0].value == spec.title or spec.default


def test_navigation_depends_on_role() -> None:
    assert "Step 1 – Prepare" in pages_for(Role.QUALITY_LEAD)
    assert "Step 1 – Prepare" not in pages_for(Role.REVIEWER)
    assert sum(len(v) for v in pages_for(Role.ADMINISTRATOR).values()) == len([s for s in PAGES if s.roles])
    own = [spec.path for specs in pages_for(Role.SELF_REVIEWER).values() for spec in specs]
    assert own == ["pages/self_review.py", "pages/accessibility_statement.py"]


def test_home_explains_and_offers_demo_when_empty(data_dir: Path) -> None:
    at = _app()
    assert at.title[0].value == "WTfC Collect"
    text = _texts(at)
    assert "What is not working?" in text and "top two" in text
    assert "There are no projects yet" in text
    _button(at, "Add the demo project").click().run(timeout=240)  # it also runs the demo workshop
    assert not at.exception
    repo = bootstrap.build_repository()
    # The demo in two cycles (last year's finished, this year's started from it), 40 reviews each.
    assert len(repo.find(Project)) == 2 and len(repo.find(Review)) == 80
    assert any("reviews sent in" in m.value for m in at.markdown)
    assert not [b for b in at.button if b.label == "Add the demo project"]


def test_project_setup_creates_a_project_and_shows_progress(data_dir: Path) -> None:
    at = _app()
    at.switch_page("pages/project_setup.py").run()
    at.text_input(key="project_setup.new.name").input("Home care in Eastvale")
    at.text_area(key="project_setup.new.purpose").input(
        "We are using WTfC to hear from people so that care fits lives"
    )
    at.text_area(key="project_setup.new.teams").input("East team\nWest team\neast team\n")
    at.number_input(key="project_setup.new.target").set_value(30)
    at.date_input(key="project_setup.new.checkpoint").set_value(date(2027, 2, 1))
    assert at.radio(key="project_setup.new.field").value is WorkField.MIXED  # until the field is chosen
    at.radio(key="project_setup.new.field").set_value(WorkField.HEALTH)
    _button(at, "Save project").click().run()
    assert not at.exception, at.exception
    saved = bootstrap.build_repository().find(Project)
    assert len(saved) == 1
    project = saved[0]
    assert project.field is WorkField.HEALTH
    assert at.radio(key=f"project_setup.{project.id}.field").value is WorkField.HEALTH
    assert project.teams == ["East team", "West team"]
    assert project.sample_plan.target_reviews == 30
    assert project.checkpoint_date == date(2027, 2, 1)
    assert at.selectbox(key="project_setup.choice").value == project.id
    assert "Progress against the sample plan" in [h.value for h in at.header]

    # With the teams saved, a target per team can be set.
    at.number_input(key=f"project_setup.{project.id}.Team.East team").set_value(20)
    _button(at, "Save project").click().run()
    again = bootstrap.build_repository().get(Project, project.id)
    assert again is not None and again.sample_plan.target_for_team("East team") == 20


def test_project_setup_shows_plain_error_next_to_field_and_keeps_input(data_dir: Path) -> None:
    at = _app()
    at.switch_page("pages/project_setup.py").run()
    at.text_area(key="project_setup.new.purpose").input("Words I typed")
    _button(at, "Save project").click().run()
    assert not at.exception
    assert "Please fill this in." in said(at.error)
    assert at.text_area(key="project_setup.new.purpose").value == "Words I typed"
    assert bootstrap.build_repository().find(Project) == []


def test_unreadable_store_shows_a_plain_message(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / bootstrap.STORE_FILE).write_bytes(b"\x00\x01 not json")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.title[0].value == "WTfC Collect cannot open its data"
    assert "wtfc.json" in said(at.error)[0]
