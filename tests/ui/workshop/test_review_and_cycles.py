"""AppTest for the screens of the cycle on the demo's two cycles: Keep and spread, and gaps; Learning and
review; Compare cycles; and what the other screens gained (success carried on, plans that name measures,
measures in words, the thread read from a measure)."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.factories import demo_project
from tests.ui.press import press as _click
from tests.workshop_data import copy_into
from wtfc_collect import bootstrap
from wtfc_collect.domain import (
    Account,
    ActionPlan,
    Communication,
    CycleReview,
    Evaluation,
    EvaluationAnswer,
    Measure,
    MeasureKind,
    Project,
    Question,
    SuccessStatement,
    Theme,
)
from wtfc_collect.domain.access import Role, User
from wtfc_collect.services.admin import accounts
from wtfc_collect.services.common import updated
from wtfc_collect.services.workshop import keep_and_spread, learning_review, success
from wtfc_collect.services.workshop import plan as planning
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.context import PROJECT_KEY, USER_KEY

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "a password for tests only"  # noqa: S105 - made-up accounts of a test store
Demo = tuple[Repository, Project, Project]


@pytest.fixture(scope="module")
def seeded() -> tuple[MemoryRepository, Project]:
    memory = MemoryRepository()
    return memory, demo_project(memory, now=f.NOW, reviews=24, workshop=True)


@pytest.fixture
def demo(data_dir: Path, seeded: tuple[MemoryRepository, Project]) -> Demo:
    """A fresh file store holding both demo cycles, for each test: (store, last year's, this year's)."""
    repo = bootstrap.build_repository()
    copy_into(seeded[0], repo)
    this = seeded[1]
    last = repo.get(Project, this.previous_id or "")
    assert last is not None
    return repo, last, this


def _signed_in(role: Role) -> User:
    """A user as signing in makes one, backed by a real account in the app's store (made if missing)."""
    repo = bootstrap.build_repository()
    name = f"test-{role.value}"
    found = next(iter(repo.find(Account, username=name)), None) or accounts.create_account(
        repo,
        username=name,
        display_name="Tester",
        role=role,
        password=PASSWORD,
        actor="tests",
        now=datetime.now(UTC),
    )
    return accounts.user_of(found)


def _open(page: str, project: Project, role: Role = Role.ADMINISTRATOR) -> AppTest:
    """The page as a signed-in user of ``role`` sees it."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=60)
    at.session_state[PROJECT_KEY] = project.id
    at.session_state[USER_KEY] = _signed_in(role)
    at.run()
    assert not at.exception, at.exception
    return at



def _html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def _said(at: AppTest) -> str:
    parts = [*at.markdown, *at.error, *at.info, *at.caption, *at.success, *at.warning, *at.text]
    return "\n".join(str(p.value) for p in parts)


def _key(at: AppTest, start: str, end: str = "") -> str:
    """The key of the one widget whose key starts with ``start`` (and ends with ``end``)."""
    keys = {
        w.key
        for kind in ("text_input", "text_area", "date_input", "selectbox", "radio", "checkbox", "multiselect")
        for w in at.get(kind)
        if getattr(w, "key", None)
    }
    found = sorted(k for k in keys if k.startswith(start) and k.endswith(end))
    assert found, f"no widget key starting {start!r} and ending {end!r}"
    return found[0]


# --- Keep and spread, and gaps ----------
def test_keep_and_spread_lists_working_and_future_themes_with_people_and_notes(demo: Demo) -> None:
    repo, _, this = demo
    at = _open("keep_and_spread", this)
    assert at.title[0].value == "Keep and spread, and gaps"
    assert [h.value for h in at.header] == [
        "Keep and spread: what is working",
        "Gaps: what matters for the future",
    ]
    keep = keep_and_spread.keep_and_spread(repo, this.id)
    shown = _html(at)
    for item in keep:
        assert html.escape(item.theme.name or "") in shown and html.escape(item.note) in shown
    first = keep[0]
    key = _key(at, f"keep_and_spread.0.{first.theme.id}.", ".note")
    at.text_area(key=key).input("Keep the <b>groups</b> going")
    _click(at, "Save the note on theme 1")
    assert keep_and_spread.keep_and_spread(repo, this.id)[0].note == "Keep the <b>groups</b> going"
    assert "Keep the &lt;b&gt;groups&lt;/b&gt; going" in _html(at)  # shown as typed, never as HTML


# --- Learning and review ----------
def test_learning_review_plans_who_to_tell_and_hears_each_group(demo: Demo) -> None:
    repo, _, this = demo
    at = _open("learning_review", this)
    assert at.title[0].value == "Learning and review"
    before = len(repo.find(Communication, project_id=this.id))
    _click(at, "Add to the plan")
    assert all(
        text in _said(at) or text in "\n".join(e.value for e in at.error)
        for text in (
            "Write who needs to know",
            "Write what they need to know",
            "Write how you will tell them",
        )
    )
    at.text_input(key=_key(at, "learning_review.tell.", ".who")).input("Local councillors")
    at.text_area(key=_key(at, "learning_review.tell.", ".what")).input("The priorities")
    at.text_input(key=_key(at, "learning_review.tell.", ".how")).input("A short talk")
    _click(at, "Add to the plan")
    made = [c for c in repo.find(Communication, project_id=this.id) if c.audience == "Local councillors"]
    assert len(repo.find(Communication, project_id=this.id)) == before + 1 and made
    box = next(c for c in at.checkbox if c.key and c.key.startswith(f"learning_review.tell.{made[0].id}"))
    box.check().run()
    assert not at.exception
    stored = repo.get(Communication, made[0].id)
    assert stored is not None and stored.done

    at.selectbox(key="learning_review.group").set_value("commissioners").run()
    form = _key(at, "learning_review.evaluation.", ".right_people")[: -len(".right_people")]
    at.radio(key=form + ".right_people").set_value(EvaluationAnswer.NO)
    at.text_area(key=form + ".next_time").input("Invite health colleagues")
    _click(at, "Save this group's answers")
    [said] = [e for e in repo.find(Evaluation, project_id=this.id) if e.perspective.value == "commissioners"]
    assert (
        said.answers["right_people"] is EvaluationAnswer.NO and said.next_time == "Invite health colleagues"
    )
    assert "Invite health colleagues" in _said(at)


def test_learning_review_finishes_the_cycle_and_starts_the_next_one(demo: Demo) -> None:
    repo, _, this = demo
    at = _open("learning_review", this, Role.FACILITATOR)
    at.text_area(key=_key(at, "learning_review.finish.", ".learned")).input("Start the card call earlier")
    _click(at, "Mark the cycle finished")
    review = learning_review.cycle_review(repo, this.id)
    assert review.finished and review.summary == "Start the card call earlier"
    assert "An administrator or a quality lead starts the next cycle." in _said(at)
    assert not [b for b in at.button if b.label == "Start the next cycle"]

    at = _open("learning_review", this)
    assert (
        at.text_input(key=_key(at, "learning_review.next.", ".name")).value
        == f"{this.name.split(' (')[0]} (cycle 3)"
    )
    _click(at, "Start the next cycle")
    made = learning_review.next_cycle_of(repo, this.id)
    assert made is not None and made.cycle == 3
    assert at.session_state[PROJECT_KEY] == made.id  # the screens move on to the new cycle
    assert repo.find(CycleReview, project_id=made.id) == []


def test_learning_review_offers_the_summary_for_leaders(demo: Demo) -> None:
    _, _, this = demo
    at = _open("learning_review", this)
    _click(at, "Prepare: Summary for leaders (one page, Word)")
    assert [b.label for b in at.download_button] == ["Download: Summary for leaders (one page, Word)"]


# --- Compare cycles ----------
def test_compare_cycles_sets_this_cycle_against_the_last(demo: Demo) -> None:
    repo, last, this = demo
    at = _open("compare_cycles", this)
    headers = [h.value for h in at.header]
    for question in Question:
        assert f"Themes: {question.label}" in headers
    assert {"Priorities", "Measures carried forward", "Match themes across the cycles"} <= set(headers)
    assert len(at.get("vega_lite_chart")) == 3  # one chart a question, each with its table above
    shown = _html(at)
    carried = [m for m in repo.find(Measure, project_id=this.id) if m.carried_from]
    assert all(html.escape(m.description) in shown for m in carried)
    assert ">Cycle 1<" in shown and ">Cycle 2<" in shown
    words = next(m for m in carried if m.kind is MeasureKind.WORDS)
    at.selectbox(key="compare_cycles.measure").set_value(words.id).run()
    assert not at.exception and "Asked at" in _html(at)  # what people said, in both cycles

    _click(at, "Work on cycle 1")
    assert at.session_state[PROJECT_KEY] == last.id
    assert "This is the first cycle" in _said(at)


def test_compare_cycles_matches_a_theme_by_hand(demo: Demo) -> None:
    repo, last, this = demo
    mine = next(
        t for t in repo.find(Theme, project_id=this.id, question="working") if t.name and t.statement_ids
    )
    theirs = next(
        t for t in repo.find(Theme, project_id=last.id, question="working") if t.name and t.name != mine.name
    )
    at = _open("compare_cycles", this)
    key = _key(at, "compare_cycles.match.working.", f".{mine.id}")
    at.selectbox(key=key).set_value(theirs.id)
    _click(at, "Save the matches for What is working?")
    stored = repo.get(Theme, mine.id)
    assert stored is not None and stored.last_cycle_theme_id == theirs.id


# --- what the other screens gained ----------
def test_success_page_carries_last_cycles_success_on_for_a_priority_again(demo: Demo) -> None:
    repo, _, this = demo
    carried = {t.name: t for t in repo.find(Theme, project_id=this.id) if t.carried_from}
    theme = next(t for t in repo.find(Theme, project_id=this.id) if t.chosen and t.name in carried)
    for statement in repo.find(SuccessStatement, theme_id=theme.id):
        if statement.carried_from:  # as it was before the room carried it on
            repo.save(updated(statement, {"theme_id": carried[theme.name].id, "root_cause_id": None}))
    at = _open("success", this)
    at.selectbox(key="success.theme").set_value(theme.id).run()
    assert "From the last cycle" in [s.value for s in at.subheader]
    _click(at, "Carry these on for this theme")
    assert success.carried_success(repo, theme.id) == []
    assert all(s.root_cause_id for s in repo.find(SuccessStatement, theme_id=theme.id))


def test_plan_form_names_the_success_and_measures_a_plan_moves(demo: Demo) -> None:
    repo, _, this = demo
    theme = planning.chosen_themes(repo, this.id)[0]
    targets = success.theme_success(repo, theme.id)
    measure = targets[0].measures[0]
    at = _open("plan", this)
    at.selectbox(key="plan.theme").set_value(theme.id).run()
    form = f"plan.new.{theme.id}.0"
    at.text_input(key=f"{form}.title").input("A new plan")
    at.multiselect(key=f"{form}.measure_ids").select(measure.id)
    _click(at, "Create the action plan")
    made = next(a for a in repo.find(ActionPlan, theme_id=theme.id) if a.title == "A new plan")
    assert made.measure_ids == [measure.id] and made.success_ids == [targets[0].statement.id]


def test_progress_page_writes_down_what_people_said_for_a_measure_in_words(demo: Demo) -> None:
    repo, _, this = demo
    words = next(m for m in repo.find(Measure, project_id=this.id) if m.kind is MeasureKind.WORDS)
    said = repo.get(SuccessStatement, words.success_id)
    assert said is not None
    at = _open("progress_review", this)
    at.selectbox(key="progress_review.theme").set_value(said.theme_id).run()
    at.selectbox(key="progress_review.measure").set_value(words.id).run()
    assert not at.exception and "What we will hear people say" in _said(at)
    key = _key(at, "progress_review.heard.", f"{words.id}.text")
    _click(at, "Add what people said")
    assert any("never who said it" in e.value for e in at.error)
    at.text_area(key=key).input("Seven of ten said so")
    _click(at, "Add what people said")
    stored = repo.get(Measure, words.id)
    assert stored is not None and stored.latest_heard is not None
    assert stored.latest_heard.text == "Seven of ten said so"


def test_golden_thread_page_starts_from_a_measure(demo: Demo) -> None:
    repo, _, this = demo
    action = repo.find(ActionPlan, project_id=this.id)[0]
    measure_id = action.measure_ids[0]
    at = _open("golden_thread", this)
    at.radio(key="golden_thread.start").set_value("measure").run()
    at.selectbox(key="golden_thread.measure").set_value(measure_id).run()
    assert not at.exception
    assert html.escape(action.title) in _html(at)
