"""AppTest journeys through Steps 6 to 8 on the demo workshop: Ideas and plans, Progress and review, Golden
thread, and Themes in numbers."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.factories import demo_project
from tests.ui.press import press as _click
from tests.ui.shown import said, shown
from tests.ui.tables import tables
from tests.workshop_data import chosen_theme, copy_into, demo_workshop, ready_review, timeline, top
from wtfc_collect import bootstrap
from wtfc_collect.demo import workshop_planning, workshop_review, workshop_theming, workshop_understanding
from wtfc_collect.domain import (
    ActionPlan,
    ActionStatus,
    AuditAction,
    Idea,
    IdeaKind,
    Measure,
    ProcessNote,
    Project,
    Quadrant,
    Question,
    Review,
    Theme,
    Vote,
)
from wtfc_collect.domain.plan import IDEA_KIND_LABELS
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.workshop import golden_thread
from wtfc_collect.services.workshop import plan as planning
from wtfc_collect.storage.memory import MemoryRepository
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.context import PROJECT_KEY

ROOT = Path(__file__).resolve().parents[3]
Demo = tuple[Repository, Project]


@pytest.fixture(scope="module")
def seeded() -> tuple[MemoryRepository, Project]:
    return demo_workshop()


@pytest.fixture
def demo(data_dir: Path, seeded: tuple[MemoryRepository, Project]) -> Demo:
    """A fresh file store holding the seeded demo workshop, for each test."""
    repo = bootstrap.build_repository()
    copy_into(seeded[0], repo)
    return repo, seeded[1]


def _open(page: str, project: Project, **state: object) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=60)
    at.session_state[PROJECT_KEY] = project.id
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    return at



def _texts(at: AppTest) -> list[str]:
    return [str(x.value) for x in at.text] + [
        shown(x.value) for x in (*at.markdown, *at.caption, *at.info, *at.warning, *at.success)
    ]


def _errors(at: AppTest) -> list[str]:
    return said(at.error)


def _table(at: AppTest, index: int = 0) -> list[dict[str, str]]:
    return tables(at)[index]


def _html_tables(at: AppTest) -> list[list[dict[str, str]]]:
    """The escaped HTML tables of the page (``ui.tables``), as rows of {header: cell}, cells unescaped."""
    found = []
    for element in at.html:
        if "<table" not in element.value:
            continue
        heads = [html.unescape(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", element.value, re.S)]
        rows = re.findall(r"<tr>(.*?)</tr>", element.value, re.S)
        cells = [[html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]
        found.append([dict(zip(heads, row, strict=True)) for row in cells if row])
    return found


def _first_theme(repo: Repository, project: Project) -> Theme:
    return planning.chosen_themes(repo, project.id)[0]


def _charts(at: AppTest) -> int:
    return len(at.get("vega_lite_chart"))


# --- Ideas and plans ---------------------------------------------------------------------------------------
def test_plan_page_shows_the_seeded_theme_ideas_grid_and_plans(demo: Demo) -> None:
    repo, project = demo
    theme = _first_theme(repo, project)
    at = _open("plan", project)
    assert at.title[0].value == "Ideas and plans"
    texts = _texts(at)
    assert theme.name in texts
    assert any(c.cause in " ".join(texts) for c in planning.root_causes(repo, theme.id))
    for idea in planning.ideas_for(repo, theme.id, tuple(IdeaKind)):
        assert any(idea.text in line for line in texts), idea.text
    assert [t.label for t in at.tabs] == [
        "Already happening",
        "Ideas",
        "Dots",
        "Cost and impact grid",
        "Action plans",
    ]
    grid = next(table for table in tables(at) if table and "Quadrant" in table[0])
    assert len(grid) == 3 and all(row["Quadrant"] != "Not placed yet" for row in grid)
    assert _charts(at) == 1  # the grid, with its table alternative beside it
    plans = planning.action_plans(repo, project.id, theme.id)
    assert [e.label for e in at.expander if e.label in {p.title for p in plans}] == [p.title for p in plans]


def test_plan_page_without_chosen_themes_says_what_to_do_first(data_dir: Path) -> None:
    repo = bootstrap.build_repository()
    project = repo.save(f.project())
    at = _open("plan", project)
    assert any("No themes have been taken forward yet" in text for text in _texts(at))


def test_an_idea_needs_words_and_keeps_its_kind_and_cause_after_an_error(demo: Demo) -> None:
    repo, project = demo
    theme = _first_theme(repo, project)
    cause = planning.root_causes(repo, theme.id)[1]
    form = f"plan.idea.{theme.id}"
    at = _open("plan", project)
    at.selectbox(key=f"{form}.0.kind").set_value(IdeaKind.RADICAL)
    at.selectbox(key=f"{form}.0.cause").set_value(cause.id)
    _click(at, "Add the idea")
    assert "Please fill this in." in _errors(at)
    assert at.selectbox(key=f"{form}.0.cause").value == cause.id  # nothing chosen is lost
    at.text_area(key=f"{form}.0.text").input("A <b>street party</b> every summer")
    _click(at, "Add the idea")
    added = [i for i in planning.ideas_for(repo, theme.id) if i.text.startswith("A <b>")]
    assert [(i.kind, i.root_cause_id) for i in added] == [(IdeaKind.RADICAL, cause.id)]
    assert "6. A <b>street party</b> every summer" in _texts(at)  # shown as text, never as HTML
    assert at.text_area(key=f"{form}.1.text").value == ""  # a fresh form for the next idea


def test_too_many_dots_are_refused_plainly_and_nothing_is_saved(demo: Demo) -> None:
    repo, project = demo
    theme = _first_theme(repo, project)
    ideas = planning.ideas_for(repo, theme.id)
    before = len(repo.find(Vote))
    form = f"plan.vote.{theme.id}"
    at = _open("plan", project)
    assert at.text_input(key=f"{form}.0.voter").value == "Voter 11"
    at.number_input(key=f"{form}.0.dots.{ideas[0].id}").set_value(2)
    at.number_input(key=f"{form}.0.dots.{ideas[1].id}").set_value(2)
    _click(at, "Save this person's dots")
    assert "Voter 11 has 3 dots but 4 were given. Take 1 dot off, then save again." in _errors(at)
    assert len(repo.find(Vote)) == before
    assert at.number_input(key=f"{form}.0.dots.{ideas[1].id}").value == 2  # what was entered stays
    at.number_input(key=f"{form}.0.dots.{ideas[1].id}").set_value(1)
    _click(at, "Save this person's dots")
    assert not _errors(at)
    assert planning.idea_results(repo, theme.id).dots_used["Voter 11"] == 3
    assert at.text_input(key=f"{form}.1.voter").value == "Voter 12"


def test_choose_the_top_three_then_place_them_with_select_boxes(data_dir: Path) -> None:
    repo = bootstrap.build_repository()
    project = repo.save(f.project())
    review = ready_review(repo, project.id)
    theme = chosen_theme(repo, project.id, "I want to get there on time", [top(review)])
    ideas = [
        planning.add_idea(repo, theme.id, IdeaKind.TRADITIONAL, f"Idea number {n}", actor="t", now=f.NOW)
        for n in range(1, 5)
    ]
    for voter, picks in (("Voter 1", {0: 2, 1: 1}), ("Voter 2", {2: 1, 0: 1, 3: 1})):
        dots = {ideas[n].id: count for n, count in picks.items()}
        planning.record_idea_votes(repo, theme.id, voter, dots, actor="t", now=f.NOW)
    at = _open("plan", project)
    assert any("No ideas are chosen yet" in text for text in _texts(at))
    _click(at, "Choose the top 3 ideas")
    assert {i.text for i in planning.ideas_for(repo, theme.id) if i.chosen} == {
        "Idea number 1",
        "Idea number 2",
        "Idea number 3",
    }
    selects = {s.key: s for s in at.selectbox if s.key and s.key.startswith("plan.grid.place")}
    assert len(selects) == 6
    first = ideas[0].id
    next(s for k, s in selects.items() if k.endswith(f"cost.{first}")).set_value(1)
    next(s for k, s in selects.items() if k.endswith(f"impact.{first}")).set_value(4)
    _click(at, "Save the places")
    placed = repo.get(Idea, first)
    assert placed is not None and placed.quadrant is Quadrant.QUICK_WIN
    grid = next(table for table in tables(at) if table and "Quadrant" in table[0])
    assert {row["Idea"]: row["Quadrant"] for row in grid}["Idea number 1"] == "Quick win"
    assert _charts(at) == 1


def test_an_action_plan_needs_a_title_and_keeps_the_other_answers(demo: Demo) -> None:
    repo, project = demo
    theme = _first_theme(repo, project)
    before = len(planning.action_plans(repo, project.id, theme.id))
    form = f"plan.new.{theme.id}"
    at = _open("plan", project)
    at.text_area(key=f"{form}.0.key_features").input("Weekly rota letters in large print")
    _click(at, "Create the action plan")
    assert any("Give the plan a short title" in e for e in _errors(at))
    assert at.text_area(key=f"{form}.0.key_features").value == "Weekly rota letters in large print"
    at.text_input(key=f"{form}.0.title").input("Rota letters")
    at.text_input(key=f"{form}.0.lead").input("Team leader")
    _click(at, "Create the action plan")
    plans = planning.action_plans(repo, project.id, theme.id)
    assert len(plans) == before + 1
    made = plans[-1]
    assert (made.title, made.key_features, made.lead) == (
        "Rota letters",
        "Weekly rota letters in large print",
        "Team leader",
    )
    assert made.idea_ids and all(
        i in {x.id for x in planning.ideas_for(repo, theme.id)} for i in made.idea_ids
    )


# --- Progress and review -----------------------------------------------------------------------------------
def test_progress_page_shows_baseline_and_now_and_adds_a_reading(demo: Demo) -> None:
    repo, project = demo
    at = _open("progress_review", project)
    assert at.title[0].value == "Progress and review"
    measures = _table(at, 0)
    first = repo.find(Measure, project_id=project.id)[0]
    row = next(r for r in measures if r["Measure"] == first.description)
    assert row["Baseline"] == f"{first.baseline:g}" and row["Now"] == f"{first.current:g}"
    assert _charts(at) == 1
    _click(at, "Add the reading")
    assert any("Enter the number you measured" in e for e in _errors(at))
    key = next(n.key for n in at.number_input if n.key and n.key.startswith("progress_review.reading"))
    at.number_input(key=key).set_value(9.0)
    _click(at, "Add the reading")
    stored = repo.get(Measure, first.id)
    assert stored is not None and stored.current == 9.0 and len(stored.readings) == len(first.readings) + 1


def test_progress_page_changes_an_action_status_and_keeps_process_notes(demo: Demo) -> None:
    repo, project = demo
    action = next(
        a for a in repo.find(ActionPlan, project_id=project.id) if a.status is ActionStatus.NOT_STARTED
    )
    at = _open("progress_review", project)
    at.selectbox(key=f"progress_review.status.{action.id}.{action.revision}").set_value(
        ActionStatus.UNDER_WAY
    ).run()
    assert not at.exception
    assert planning.get_action_plan(repo, action.id).status is ActionStatus.UNDER_WAY
    seeded_notes = len(repo.find(ProcessNote))
    seeded_did_not = len([n for n in repo.find(ProcessNote) if not n.worked])
    _click(at, "Add the note")
    assert "Please fill this in." in _errors(at)
    at.radio(key="progress_review.note.0.worked").set_value(False)
    at.text_area(key="progress_review.note.0.text").input("The room was too small for the card call")
    _click(at, "Add the note")
    notes = repo.find(ProcessNote)
    assert len(notes) == seeded_notes + 1 and notes[-1].worked is False
    # Under "What did not work", numbered after the notes already there.
    assert f"{seeded_did_not + 1}. The room was too small for the card call" in _texts(at)


# --- Golden thread -----------------------------------------------------------------------------------------
def test_golden_thread_page_follows_an_action_back_to_the_words(demo: Demo) -> None:
    repo, project = demo
    action = golden_thread.action_plans(repo, project.id)[0]
    thread = golden_thread.action_thread(repo, action.id)
    assert thread.theme is not None and thread.evidence.people > 1
    at = _open("golden_thread", project)
    texts = _texts(at)
    assert action.title in texts
    link = thread.ideas[0]
    assert f"{link.idea.text} ({IDEA_KIND_LABELS[link.idea.kind]})" in texts
    assert thread.root_causes[0].cause in texts
    assert thread.theme.name in texts
    assert f"**{thread.evidence.people} people said something in this theme.**" in texts
    for card in thread.evidence.cards:
        assert f"“{card.text}”" in texts
    for towards in thread.successes:  # on to what it works towards: success and its measures
        assert any(towards.success.text in line for line in texts)
        assert all(any(m.description in line for line in texts) for m in towards.measures)
    whole = _html_tables(at)[0]
    assert len(whole) == len(golden_thread.action_plans(repo, project.id))
    assert [row["Action"] for row in whole] == [a.title for a in golden_thread.action_plans(repo, project.id)]
    assert all(row["Measure"] != "–" and row["Success"] != "–" for row in whole)


def test_golden_thread_page_from_a_theme_lists_its_actions_and_drops_a_withdrawn_person(demo: Demo) -> None:
    repo, project = demo
    action = golden_thread.action_plans(repo, project.id)[0]
    thread = golden_thread.action_thread(repo, action.id)
    card = thread.evidence.cards[0]
    withdraw_review(repo, card.review_id, reason="person_asked", actor="t", now=f.NOW)
    at = _open("golden_thread", project)
    texts = _texts(at)
    assert f"“{card.text}”" not in texts
    assert f"**{thread.evidence.people - 1} people said something in this theme.**" in texts
    at.radio(key="golden_thread.start").set_value("theme").run()
    assert not at.exception
    actions = _table(at, 0)
    assert {row["Action"] for row in actions} == {
        a.title for a in golden_thread.theme_actions(repo, action.theme_id)
    }
    assert repo.get(Review, card.review_id) is not None


def test_golden_thread_page_offers_the_report_and_you_said_we_did(demo: Demo) -> None:
    repo, project = demo
    at = _open("golden_thread", project)
    assert "Documents to share" in [h.value for h in at.header]
    assert not at.download_button  # nothing is made until asked for
    _click(at, "Prepare: WTfC report (Word)")
    assert [b.label for b in at.download_button] == ["Download: WTfC report (Word)"]
    _click(at, "Prepare: You said, we did (easy read, Word)")
    assert [b.label for b in at.download_button] == [
        "Download: WTfC report (Word)",
        "Download: You said, we did (easy read, Word)",
    ]
    exports = [e.reason for e in repo.audit_log(project.id) if e.action is AuditAction.EXPORT]
    assert exports == ["report", "you-said-we-did"]
    assert len(_html_tables(at)[0]) == len(golden_thread.action_plans(repo, project.id))  # unchanged
    # The letter for the people can be made in Welsh: chosen for this document.
    at.radio(key="golden_thread.you_said_language").set_value("cy").run()
    _click(at, "Prepare: You said, we did (easy read, Word)")
    assert "Download: You said, we did (easy read, Word)" in [b.label for b in at.download_button]
    exports = [e.reason for e in repo.audit_log(project.id) if e.action is AuditAction.EXPORT]
    assert exports[-1] == "you-said-we-did (cy)"


def test_golden_thread_page_offers_the_documents_before_there_is_any_action(data_dir: Path) -> None:
    repo = bootstrap.build_repository()
    project = demo_project(repo, now=f.NOW, reviews=4)
    at = _open("golden_thread", project)
    assert any(text.startswith("No action plans yet.") for text in _texts(at))
    _click(at, "Prepare: You said, we did (easy read, Word)")
    assert [b.label for b in at.download_button] == ["Download: You said, we did (easy read, Word)"]


# --- Themes in numbers -------------------------------------------------------------------------------------
def test_theme_charts_page_shows_sizes_and_shares_with_tables(demo: Demo) -> None:
    repo, project = demo
    at = _open("theme_charts", project)
    assert at.title[0].value == "Themes in numbers"
    assert _charts(at) == 3  # sizes, by area, by group: each with its table
    sizes = _table(at, 0)
    themes = planning.chosen_themes(repo, project.id)
    assert {row["Theme"] for row in sizes} == {t.name for t in themes}
    assert [row["Statements"] for row in sizes] == sorted((row["Statements"] for row in sizes), reverse=True)
    by_area = _table(at, 1)
    assert set(by_area[0]) >= {"Theme", *project.areas}
    by_group = _table(at, 2)
    assert set(by_group[0]) >= {"Theme", *project.groups}
    at.selectbox(key="theme_charts.question").set_value(Question.WORKING).run()
    assert not at.exception
    assert "No themes for this question yet." in _texts(at) and _charts(at) == 0


# --- on the demo seeded by every step of the workshop ------------------------------------------------------
def test_every_screen_shows_the_demo_seeded_step_by_step(data_dir: Path) -> None:
    memory = MemoryRepository()
    project = demo_project(memory, now=f.NOW, reviews=40)
    for step in (workshop_theming, workshop_understanding, workshop_planning, workshop_review):
        step.seed(memory, project.id, f.NOW, timeline())
    repo = bootstrap.build_repository()
    copy_into(memory, repo)
    plan = _open("plan", project)
    assert _charts(plan) == 1 and [e for e in plan.expander if e.label != "Change the chosen ideas by hand"]
    progress = _open("progress_review", project)
    shown = {row["Measure"] for row in _table(progress, 0)}
    assert _charts(progress) == 1 and shown and shown <= {m.description for m in repo.find(Measure)}
    thread = _open("golden_thread", project)
    assert any(text.endswith("people said something in this theme.**") for text in _texts(thread))
    charts = _open("theme_charts", project)
    assert _charts(charts) == 3
