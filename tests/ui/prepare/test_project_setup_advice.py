"""AppTest of Set up a project: the number of people at the level and the day collecting starts are saved
from the form, and the guides' advice is shown for the saved plan, with plain warnings (never a refusal)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.ui.shown import said
from wtfc_collect import bootstrap
from wtfc_collect.domain import Level, Project, SamplePlan

APP = str(Path(__file__).resolve().parents[3] / "app.py")
START = date(2027, 1, 4)


def _open() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("pages/project_setup.py").run()
    assert not at.exception, at.exception
    return at


def _save(project: Project) -> Project:
    return bootstrap.build_repository().save(project)


def test_people_and_the_start_of_collecting_are_saved_from_the_form(data_dir: Path) -> None:
    at = _open()
    at.text_input(key="project_setup.new.name").input("Home care in Eastvale")
    at.radio(key="project_setup.new.level").set_value(Level.PROVIDER)
    at.number_input(key="project_setup.new.people").set_value(300)
    at.number_input(key="project_setup.new.target").set_value(20)
    at.date_input(key="project_setup.new.start").set_value(START)
    at.date_input(key="project_setup.new.checkpoint").set_value(START + timedelta(weeks=8))
    at.date_input(key="project_setup.new.day1").set_value(START + timedelta(weeks=12))
    next(b for b in at.button if b.label == "Save project").click().run()
    assert not at.exception, at.exception
    [saved] = bootstrap.build_repository().find(Project)  # saved although outside the advice
    assert (saved.people_at_level, saved.collection_start) == (300, START)
    warnings = said(at.warning)
    assert "20 reviews is fewer than the guides advise (60 or more)." in warnings[0]
    assert any("later than half way through collecting (15/02/2027)" in w for w in warnings)
    info = " ".join(said(at.info))
    assert "Provider level" in info and "For 300 people: from 60 to 100 reviews." in info


def test_a_plan_within_the_advice_says_so(data_dir: Path) -> None:
    _save(
        f.project(
            level=Level.SERVICE,
            people_at_level=480,
            sample_plan=SamplePlan(target_reviews=60),
            collection_start=START,
            checkpoint_date=START + timedelta(weeks=5),
            workshop_dates=[START + timedelta(weeks=12)],
        )
    )
    at = _open()
    assert "The plan of 60 reviews is within this advice." in said(at.success)
    assert "For 480 people: from 48 to 100 reviews." in " ".join(said(at.info))
    assert not said(at.warning)
    shown = " ".join(str(m.value) for m in at.markdown)
    assert "is 15/02/2027: hold the quality checkpoint by then" in shown


def test_without_the_number_of_people_the_advice_asks_for_it(data_dir: Path) -> None:
    _save(f.project(level=Level.POPULATION, sample_plan=SamplePlan(target_reviews=150)))
    at = _open()
    info = " ".join(said(at.info))
    assert "Population level" in info and "Say how many people there are at this level" in info
    assert any("more than the guides advise (about 100 at most)" in w for w in said(at.warning))
