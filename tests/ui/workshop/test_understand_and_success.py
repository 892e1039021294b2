"""AppTest for Step 4 ("Understand: why?") and Step 5 ("What success looks like") on the demo project."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.factories import demo_project
from tests.ui.press import press as _click
from tests.ui.shown import shown
from tests.unit.services.workshop.test_understand import chosen_demo
from tests.workshop_data import root_cause
from wtfc_collect import bootstrap
from wtfc_collect.demo import workshop_theming, workshop_understanding
from wtfc_collect.domain import (
    Measure,
    MeasureKind,
    Perspective,
    Review,
    RootCause,
    SuccessStatement,
    Theme,
    Vote,
)
from wtfc_collect.services.workshop import understand
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.context import PROJECT_KEY

ROOT = Path(__file__).resolve().parents[3]
NOW = f.NOW


@pytest.fixture
def repo(data_dir: Path) -> Repository:
    return bootstrap.build_repository()


def _open(page: str, project_id: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / f"pages/{page}.py"), default_timeout=30)
    at.session_state[PROJECT_KEY] = project_id
    at.run()
    assert not at.exception, at.exception
    return at



def _html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def _said(at: AppTest) -> str:
    parts = [*at.markdown, *at.error, *at.info, *at.caption, *at.subheader]
    return "\n".join(shown(p.value) for p in parts)


def _pick(at: AppTest, key: str, theme: Theme) -> None:
    at.selectbox(key=key).set_value(theme.id).run()
    assert not at.exception, at.exception


MARKUP = "<b>Nobody</b> *asks* me"


def _typed_markup_in_first_card(repo: Repository, theme: Theme) -> None:
    """Give the theme's first card a workshop copy that looks like HTML and Markdown."""
    for review in repo.find(Review, project_id=theme.project_id):
        for statement in review.statements:
            if statement.id in theme.statement_ids and statement.ready_for_workshop:
                agreed = {"agreed_by": "The person", "agreed_on": NOW.date(), "why": "test"}
                statement.agree_words(MARKUP, **agreed, by="Quality lead", now=NOW)
                statement.confirm_workshop_text(MARKUP, "Quality lead", NOW)
                repo.save(review)
                return
    raise AssertionError("the theme has no card")


# --- Understand: why? -------------------------------------------------------------------------------------
def test_without_chosen_themes_both_pages_say_what_to_do_first(repo: Repository) -> None:
    project = demo_project(repo, now=NOW, reviews=5)
    for page in ("understand", "success"):
        at = _open(page, project.id)
        assert "No theme has been taken forward yet" in _said(at)


def test_understand_shows_the_theme_its_chains_and_the_dots(repo: Repository) -> None:
    project, themes = chosen_demo(repo)
    workshop_understanding.seed(repo, project.id, NOW)
    theme = themes[1]
    _typed_markup_in_first_card(repo, theme)
    at = _open("understand", project.id)
    assert at.title[0].value == "Understand: why?"
    _pick(at, "understand.theme", theme)

    shown = _html(at)
    evidence = understand.theme_evidence(repo, theme)
    assert html.escape(theme.name or "") in shown
    assert f"People who said something in this theme: {evidence.people}." in _said(at)
    assert html.escape(evidence.statements[0]) in shown
    assert MARKUP not in shown and html.escape(MARKUP) in shown  # typed markup shows as typed
    chains = understand.chains(repo, theme.id)
    assert all(html.escape(c.chain[0].why) in shown and html.escape(c.cause) in shown for c in chains)
    assert f"Chain {len(chains)}" in _said(at)

    results = understand.cause_results(repo, theme.id)
    table = next(h.value for h in at.html if h.value.startswith("<table"))
    first_row = table.split("<tbody>")[1].split("</tr>")[0]
    assert html.escape(results[0].cause.cause) in first_row and f">{results[0].dots}<" in first_row
    assert at.get("vega_lite_chart"), "the results also show as a bar chart"
    assert "The same figures as the table" in _said(at)
    voters = understand.theme_dots(repo, theme.id)
    assert f"People who have voted: {len(voters)}. Dots in all: {3 * len(voters)}." in _said(at)


def test_build_a_chain_step_by_step_then_vote_with_plain_errors(repo: Repository) -> None:
    project, themes = chosen_demo(repo)
    theme = themes[0]
    at = _open("understand", project.id)
    assert "No chain yet" in _said(at)

    at.text_area(key="understand.0.new.why").input("Why do people see someone new every time?")
    _click(at, "Start the chain")
    assert "Write the answer the group agreed" in _said(at)
    assert at.text_area(key="understand.0.new.why").value == "Why do people see someone new every time?"
    assert repo.find(RootCause) == []
    at.text_area(key="understand.0.new.because").input("Because rotas fill gaps")
    _click(at, "Start the chain")
    [chain] = understand.chains(repo, theme.id)
    assert chain.chain[0].because == "Because rotas fill gaps"

    for number in range(2, 6):
        version = at.session_state["understand.version"]
        at.text_area(key=f"understand.{version}.{chain.id}.next.why").input(f"Why {number}?")
        at.text_area(key=f"understand.{version}.{chain.id}.next.because").input(f"Because {number}")
        _click(at, f"Add step {number} to chain 1")
    assert len(understand.chains(repo, theme.id)[0].chain) == 5
    assert "This chain has five whys" in _said(at)
    assert "Suggested from the last answer" in _said(at)

    _click(at, "Save the root cause of chain 1")  # the suggestion: the last "because"
    assert understand.chains(repo, theme.id)[0].cause == "Because 5"
    version = at.session_state["understand.version"]
    at.text_area(key=f"understand.{version}.{chain.id}.cause.text").input("The contract pays for visits")
    _click(at, "Save the root cause of chain 1")
    assert understand.chains(repo, theme.id)[0].cause == "The contract pays for visits"

    version = at.session_state["understand.version"]
    assert at.text_input(key=f"understand.{version}.dots..voter").value == "Voter 1"
    at.number_input(key=f"understand.{version}.dots..{chain.id}").set_value(4)
    _click(at, "Save these dots")
    assert "Voter 1 has 3 dots but 4 were given. Take 1 dot off, then save again." in _said(at)
    assert repo.find(Vote) == []
    at.number_input(key=f"understand.{version}.dots..{chain.id}").set_value(2)
    _click(at, "Save these dots")
    assert [(v.voter, v.dots) for v in repo.find(Vote)] == [("Voter 1", 2)]
    version = at.session_state["understand.version"]
    assert at.text_input(key=f"understand.{version}.dots..voter").value == "Voter 2"
    assert "People who have voted: 1. Dots in all: 2." in _said(at)

    _click(at, "Remove chain 1")
    assert "Tick the box first" in _said(at)
    version = at.session_state["understand.version"]
    at.checkbox(key=f"understand.{version}.{chain.id}.remove.sure").check()
    _click(at, "Remove chain 1")
    assert repo.find(RootCause) == [] and repo.find(Vote) == []


def test_the_room_takes_the_top_root_causes_forward(repo: Repository) -> None:
    project, themes = chosen_demo(repo)
    theme = themes[0]
    causes = [root_cause(repo, theme, text, taken_forward=False) for text in ("Rotas", "Training", "Money")]
    understand.record_dots(repo, theme.id, "Voter 1", {causes[1].id: 2, causes[0].id: 1}, actor="t", now=NOW)
    understand.record_dots(repo, theme.id, "Voter 2", {causes[0].id: 3}, actor="t", now=NOW)
    at = _open("understand", project.id)
    _pick(at, "understand.theme", theme)
    assert "The top two by dots are ticked" in _said(at)
    ticked = {c.key.rsplit(".", 1)[-1] for c in at.checkbox if c.key and ".forward." in c.key and c.value}
    assert ticked == {causes[0].id, causes[1].id}  # 4 and 2 dots; the money cause has none
    _click(at, "Take these root causes forward")
    assert [c.taken_forward for c in (repo.get(RootCause, c.id) for c in causes) if c] == [True, True, False]
    table = next(h.value for h in at.html if h.value.startswith("<table") and "Taken forward" in h.value)
    assert table.count(">Yes<") == 2 and table.count(">No<") == 1
    assert "Not taken forward" in _said(at) and html.escape("Money") in _html(at)

    # Untick everything: refused in plain words beside the form, and nothing changes.
    for box in at.checkbox:
        if box.key and ".forward." in box.key:
            box.uncheck()
    _click(at, "Take these root causes forward")
    assert "Tick at least one root cause" in _said(at)
    assert len(understand.forward_causes(repo, theme.id)) == 2


# --- What success looks like ------------------------------------------------------------------------------
def _headings(at: AppTest) -> list[str]:
    return [h.value.split(">")[1].split("<")[0] for h in at.html if h.value.startswith("<h2")]


def test_success_page_shows_each_top_root_cause_with_its_perspectives_and_measures(repo: Repository) -> None:
    project, themes = chosen_demo(repo)
    workshop_understanding.seed(repo, project.id, NOW)
    at = _open("success", project.id)
    assert at.title[0].value == "What success looks like"
    theme = themes[0]
    forward = understand.forward_causes(repo, theme.id)
    assert at.radio(key="success.cause").value == forward[0].id  # the top one first
    kinds_shown = set()
    for cause in forward:
        at.radio(key="success.cause").set_value(cause.id).run()
        assert not at.exception
        shown = _html(at)
        assert html.escape(cause.cause) in shown
        statements = repo.find(SuccessStatement, theme_id=theme.id, root_cause_id=cause.id)
        headings = _headings(at)
        assert headings[:3] == ["People, carers and families", "Commissioners", "Providers"]
        assert all(html.escape(s.text) in shown for s in statements)
        others = {s.perspective_name for s in statements if s.perspective is Perspective.OTHER}
        assert len(headings) == 3 + len(others)
        measures = [m for s in statements for m in repo.find(Measure, success_id=s.id)]
        assert measures and all(html.escape(m.description) in shown for m in measures)
        other_cause = next(c for c in forward if c.id != cause.id)
        assert not any(
            html.escape(s.text) in shown
            for s in repo.find(SuccessStatement, theme_id=theme.id, root_cause_id=other_cause.id)
        ), "only the chosen root cause's success is on the screen"
        kinds_shown |= {k for k in ("Words we will hear people say", "A number we count") if k in shown}
    assert kinds_shown == {"Words we will hear people say", "A number we count"}


def test_success_waits_for_the_top_root_causes(repo: Repository) -> None:
    project, _ = chosen_demo(repo)
    at = _open("success", project.id)
    assert "No root cause of this theme has been taken forward yet" in _said(at)
    assert not [b for b in at.button if b.label.startswith("Add a statement")]


def test_add_change_and_remove_success_with_plain_errors(repo: Repository) -> None:
    project, themes = chosen_demo(repo)
    theme = themes[2]
    cause = root_cause(repo, theme, "Buses stop at six")
    at = _open("success", project.id)
    _pick(at, "success.theme", theme)

    _click(at, "Add a statement for Commissioners")
    assert "Write what they would be saying" in _said(at)
    assert repo.find(SuccessStatement) == []
    at.text_area(key=f"success.0.add.{cause.id}.commissioners..text").input(
        "We <b>pool</b> transport *money*"
    )
    _click(at, "Add a statement for Commissioners")
    [statement] = repo.find(SuccessStatement)
    assert (statement.perspective, statement.root_cause_id) == (Perspective.COMMISSIONERS, cause.id)
    assert "We &lt;b&gt;pool&lt;/b&gt; transport *money*" in _html(at)

    at.text_area(key=f"success.1.other.{cause.id}.text").input("We drive people to the places they choose")
    _click(at, "Add the statement")
    assert 'Name the perspective, for example "Third sector".' in _said(at)
    assert (
        at.text_area(key=f"success.1.other.{cause.id}.text").value
        == "We drive people to the places they choose"
    )
    at.text_input(key=f"success.1.other.{cause.id}.name").input("Community *transport*")
    _click(at, "Add the statement")
    other = repo.find(SuccessStatement, perspective=Perspective.OTHER)
    assert [s.perspective_name for s in other] == ["Community *transport*"]
    assert "<h2" in _html(at) and "Community *transport*</h2>" in _html(at)
    assert any(b.label == r"Add a statement for Community \*transport\*" for b in at.button)

    key = f"success.2.{statement.id}.newmeasure"
    at.text_area(key=key + ".description").input("Spend on day service transport")
    at.text_input(key=key + ".unit").input("£ a year")
    at.text_input(key=key + ".baseline").input("£180,000")
    at.text_input(key=key + ".how").input("Finance reports")
    _click(at, "Add the measure to statement 1 (Commissioners)")
    [measure] = repo.find(Measure)
    assert (measure.unit, measure.baseline, measure.how_we_will_know) == (
        "£ a year",
        180000,
        "Finance reports",
    )
    assert ">180,000<" in _html(at)

    key = f"success.3.{statement.id}.m.{measure.id}"
    at.text_area(key=key + ".description").input("")
    _click(at, "Save measure 1 of statement 1 (Commissioners)")
    assert "Write what we will count." in _said(at)
    at.text_input(key=key + ".baseline").input("about a lot")
    _click(at, "Save measure 1 of statement 1 (Commissioners)")
    assert "Write the baseline as a number" in _said(at)
    assert at.text_input(key=key + ".baseline").value == "about a lot"
    at.text_input(key=key + ".baseline").input("")
    at.text_area(key=key + ".description").input("Spend on transport to day services")
    _click(at, "Save measure 1 of statement 1 (Commissioners)")
    assert repo.get(Measure, measure.id).baseline is None  # type: ignore[union-attr]
    assert "not known yet" in _html(at)

    # A measure in words: what we will hear people say; a unit is refused for it, next to the field.
    key = f"success.4.{statement.id}.newmeasure"
    at.radio(key=key + ".kind").set_value(MeasureKind.WORDS)
    at.text_area(key=key + ".description").input("I can get to the shops when I want")
    at.text_input(key=key + ".unit").input("%")
    _click(at, "Add the measure to statement 1 (Commissioners)")
    assert "A measure in words has no unit" in _said(at)
    at.text_input(key=key + ".unit").input("")
    _click(at, "Add the measure to statement 1 (Commissioners)")
    assert [m.kind for m in repo.find(Measure)] == [MeasureKind.NUMBER, MeasureKind.WORDS]

    version = at.session_state["success.version"]
    _click(at, "Remove statement 1 (Commissioners)")
    assert "Tick the box first" in _said(at)
    at.checkbox(key=f"success.{version}.{statement.id}.edit.sure").check()
    _click(at, "Remove statement 1 (Commissioners)")
    assert repo.get(SuccessStatement, statement.id) is None and repo.find(Measure) == []


def test_both_pages_after_the_whole_demo_workshop_seed(repo: Repository) -> None:
    project = demo_project(repo, now=NOW, reviews=40)
    workshop_theming.seed(repo, project.id, NOW)
    workshop_understanding.seed(repo, project.id, NOW)
    themes = understand.chosen_themes(repo, project.id)
    assert themes
    for page, key in (("understand", "understand.theme"), ("success", "success.theme")):
        at = _open(page, project.id)
        for theme in themes:
            _pick(at, key, theme)
            assert html.escape(theme.name or "") in _html(at)
            if page == "understand":
                assert "Chain 1" in _said(at) and at.get("vega_lite_chart")
            else:
                assert _headings(at)[:3] == ["People, carers and families", "Commissioners", "Providers"]
