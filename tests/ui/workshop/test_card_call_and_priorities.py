"""AppTest for Step 3 on the demo workshop: the card call and the priorities (dot voting) screens."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.factories import demo_project
from tests.ui.shown import said, shown
from tests.unit.services.workshop.test_card_call import person
from wtfc_collect import bootstrap
from wtfc_collect.demo import workshop_theming
from wtfc_collect.domain import Question
from wtfc_collect.domain.dot_votes import Vote
from wtfc_collect.domain.participation import ParticipantPerspective
from wtfc_collect.domain.theme import Theme
from wtfc_collect.services.prepare.project_setup import current_project
from wtfc_collect.services.workshop import card_call, priorities, themes
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.context import PROJECT_KEY

ROOT = Path(__file__).resolve().parents[3]
W, NW, FU = Question.WORKING, Question.NOT_WORKING, Question.FUTURE


@pytest.fixture(scope="module")
def seeded_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project with the Step 3 seed, built once (the file store is slow to fill) and copied."""
    folder = tmp_path_factory.mktemp("seeded")
    repo = bootstrap.build_repository(folder)
    project = demo_project(repo, now=f.NOW, reviews=40)
    workshop_theming.seed(repo, project.id, f.NOW)
    return folder


@pytest.fixture
def demo_repo(data_dir: Path, seeded_folder: Path) -> Iterator[Repository]:
    shutil.copytree(seeded_folder, data_dir, dirs_exist_ok=True)
    yield bootstrap.build_repository()


@pytest.fixture
def empty_repo(data_dir: Path) -> Repository:
    return bootstrap.build_repository()


def _project_id(repo: Repository) -> str:
    project = current_project(repo)
    assert project is not None
    return project.id


def _open(page: str, repo: Repository) -> AppTest:
    at = AppTest.from_file(str(ROOT / f"pages/{page}.py"), default_timeout=30)
    at.session_state[PROJECT_KEY] = _project_id(repo)
    at.run()
    assert not at.exception, at.exception
    return at


def _click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def _said(at: AppTest) -> list[str]:
    parts = [*at.markdown, *at.error, *at.info, *at.success, *at.warning, *at.caption]
    return [shown(p.value) for p in parts]


def _errors(at: AppTest) -> list[str]:
    return said(at.error)


# --- card call --------------------------------------------------------------------------------------------
def test_card_call_opens_on_the_question_in_progress_with_the_card_in_large_type(
    demo_repo: Repository,
) -> None:
    at = _open("card_call", demo_repo)
    view = card_call.card_call(demo_repo, _project_id(demo_repo), FU)
    assert at.radio(key="card_call.question").value is FU
    assert view.current is not None and at.text[0].value == view.current.text
    assert any(f"{view.placed} of {view.total} cards placed" in str(p.text) for p in at.get("progress"))
    assert "Parked: 2. Still to read out: 5." in _said(at)
    html = "\n".join(h.value for h in at.html)
    assert ".st-key-card_call_current" in html and "font-size: 2.4rem" in html
    headings = [h.value for h in at.html if "<h3" in h.value]
    assert any("I want to get out and go places" in h for h in headings)
    for card in view.parked:
        assert card.text in [t.value for t in at.text]


def test_put_the_card_in_a_theme_then_undo(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    before = card_call.card_call(demo_repo, project_id, FU)
    assert before.current is not None
    target = before.themes[0].theme
    at = _open("card_call", demo_repo)
    _click(at, "card_call.place.future")
    assert _errors(at) == ["Choose the theme to put this card in."]
    at.selectbox(key="card_call.target.future").set_value(target.id)
    _click(at, "card_call.place.future")
    after = card_call.card_call(demo_repo, project_id, FU)
    assert before.current.statement_id in themes.get_theme(demo_repo, target.id).theme.statement_ids
    assert after.placed == before.placed + 1 and not _errors(at)
    _click(at, "card_call.undo.future")
    assert card_call.card_call(demo_repo, project_id, FU).current == before.current
    assert at.text[0].value == before.current.text


def test_a_new_theme_name_that_is_not_an_i_statement_is_refused_and_kept(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    themes_before = len(demo_repo.find(Theme))
    at = _open("card_call", demo_repo)
    at.text_input(key="card_call.new_name.future").input("Hospital")
    _click(at, "card_call.new.future")
    assert len(_errors(at)) == 1 and 'starting with "I"' in _errors(at)[0]
    assert at.text_input(key="card_call.new_name.future").value == "Hospital"  # nothing typed is lost
    assert len(demo_repo.find(Theme)) == themes_before
    at.text_input(key="card_call.new_name.future").input("I want to stay out of hospital")
    _click(at, "card_call.new.future")
    assert not _errors(at) and at.text_input(key="card_call.new_name.future").value == ""
    names = [v.theme.name for v in themes.list_themes(demo_repo, project_id, FU)]
    assert "I want to stay out of hospital" in names


def test_park_a_card_and_put_a_parked_card_back(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    before = card_call.card_call(demo_repo, project_id, FU)
    assert before.current is not None
    at = _open("card_call", demo_repo)
    _click(at, "card_call.park.future")
    assert "Parked: 3. Still to read out: 4." in _said(at)
    first = before.parked[0].statement_id
    _click(at, f"card_call.unpark.{first}")
    view = card_call.card_call(demo_repo, project_id, FU)
    assert first not in [c.statement_id for c in view.parked] and view.current
    assert view.current.statement_id == first and at.text[0].value == before.parked[0].text


def test_rename_split_and_merge_themes_from_the_list(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    big = max(themes.list_themes(demo_repo, project_id, FU), key=lambda v: v.statements)
    tid = big.theme.id
    at = _open("card_call", demo_repo)
    at.text_input(key=f"card_call.rename.{tid}").input("Going out")
    _click(at, f"card_call.rename_button.{tid}")
    assert any("starting with" in e for e in _errors(at))
    assert at.text_input(key=f"card_call.rename.{tid}").value == "Going out"
    at.text_input(key=f"card_call.rename.{tid}").input("I want to go out more")
    _click(at, f"card_call.rename_button.{tid}")
    assert themes.get_theme(demo_repo, tid).theme.name == "I want to go out more" and not _errors(at)

    moving = [c.statement_id for c in big.cards[:2]]
    at.multiselect(key=f"card_call.split.{tid}").set_value(moving)
    at.text_input(key=f"card_call.split_name.{tid}").input("I want a holiday")
    _click(at, f"card_call.split_button.{tid}")
    split = next(
        v for v in themes.list_themes(demo_repo, project_id, FU) if v.theme.name == "I want a holiday"
    )
    assert split.theme.statement_ids == moving and not _errors(at)

    at.selectbox(key="card_call.keep.future").set_value(tid)
    at.selectbox(key="card_call.absorb.future").set_value(split.theme.id)
    _click(at, "card_call.merge.future")
    assert themes.get_theme(demo_repo, tid).statements == big.statements
    assert demo_repo.get(Theme, split.theme.id) is None


def test_finishing_too_early_is_explained_and_a_finished_question_can_be_reopened(
    demo_repo: Repository,
) -> None:
    at = _open("card_call", demo_repo)
    _click(at, "card_call.finish.future")
    assert _errors(at) == ["5 cards still to place. A theme of one card is fine."]
    at.radio(key="card_call.question").set_value(W).run()
    assert "The card call for this question is finished." in _said(at)
    _click(at, "card_call.reopen.working")
    assert not card_call.card_call(demo_repo, _project_id(demo_repo), W).call.finished
    assert any("Every card is placed" in i for i in said(at.info))
    assert at.button(key="card_call.finish.working").label == "Finish the card call for this question"


def test_a_person_s_words_show_as_typed_never_as_markup(empty_repo: Repository) -> None:
    project = f.project()
    empty_repo.save(project)
    words = "<b>bold</b> **not bold** [a link](http://example.com)"
    person(empty_repo, project.id, "P-001", working=(words, "# not a heading"))
    at = _open("card_call", empty_repo)
    assert at.text[0].value == words
    assert all("<b>" not in m.value for m in at.markdown) and all("<b>bold" not in h.value for h in at.html)


def test_without_cards_the_screens_say_what_to_do_first(empty_repo: Repository) -> None:
    # (Without any project, the shared project_screen links to set-up, which needs the app's navigation.)
    empty_repo.save(f.project())
    at = _open("card_call", empty_repo)
    assert any("no cards for this question yet" in i for i in said(at.info))
    at = _open("priorities", empty_repo)
    assert any('no "not working" themes' in i for i in said(at.info))


# --- priorities -------------------------------------------------------------------------------------------
def test_priorities_show_the_ballot_results_table_chart_and_chosen_themes(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    at = _open("priorities", demo_repo)
    ballot = priorities.ballot(demo_repo, project_id)
    assert len(at.checkbox) == len(ballot) and not any(c.value for c in at.checkbox)
    assert "12 people have put 36 dots on the themes." in _said(at)
    table = next(h.value for h in at.html if "<table" in h.value)
    for result in priorities.results(demo_repo, project_id):
        assert "<td style" in table and (result.view.theme.name or "") in table.replace("&#x27;", "'")
    (chart,) = at.get("vega_lite_chart")  # the chart, and above it the same figures as a table
    assert "Dots on each theme, most first" in chart.proto.spec and '"labelLimit": 520' in chart.proto.spec
    chosen = {v.theme.id for v in priorities.chosen_themes(demo_repo, project_id)}
    assert set(at.multiselect(key="priorities.chosen").value) == chosen and len(chosen) == 4


def test_record_a_new_voter_and_refuse_over_voting_without_losing_the_ticks(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    at = _open("priorities", demo_repo)
    assert at.text_input(key="priorities.label").value == "Voter 13"
    for box in at.checkbox[:4]:
        box.check()
    at.run()
    assert "That is more than 3 dots. Untick 1 before saving." in _said(at)
    _click(at, "priorities.save")
    assert any("Voter 13 has 3 dots but 4 were given" in e for e in _errors(at))
    assert [c.value for c in at.checkbox[:4]] == [True] * 4
    assert len(demo_repo.find(Vote)) == 36
    at.checkbox[3].uncheck().run()
    _click(at, "priorities.save")
    assert "Dots saved for Voter 13." in _said(at)
    assert len(priorities.votes_of(demo_repo, project_id, "Voter 13")) == 3
    assert at.text_input(key="priorities.label").value == "Voter 14"
    assert not any(c.value for c in at.checkbox)


def test_correct_a_voter_s_dots_and_choose_the_themes_to_take_forward(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    had = priorities.votes_of(demo_repo, project_id, "Voter 1")
    at = _open("priorities", demo_repo)
    at.selectbox(key="priorities.who").set_value("Voter 1").run()
    ticked = [c for c in at.checkbox if c.value]
    assert len(ticked) == 3 and all(any(t in c.key for t in had) for c in ticked)
    ticked[0].uncheck().run()
    _click(at, "priorities.save")
    assert len(priorities.votes_of(demo_repo, project_id, "Voter 1")) == 2
    results = priorities.results(demo_repo, project_id)
    wanted = [r.view.theme.id for r in results[:5]]
    at.multiselect(key="priorities.chosen").set_value(wanted)
    _click(at, "priorities.choose_save")
    assert {v.theme.id for v in priorities.chosen_themes(demo_repo, project_id)} == set(wanted)
    assert "The themes to take forward are saved." in _said(at)


def test_a_voter_s_perspective_is_kept_with_their_dots_and_shown_when_correcting(
    demo_repo: Repository,
) -> None:
    project_id = _project_id(demo_repo)
    at = _open("priorities", demo_repo)
    radio = at.radio(key="priorities.perspective.new")
    assert radio.label.startswith("This person's perspective") and radio.value is None
    for box in at.checkbox[:2]:
        box.check()
    radio.set_value(ParticipantPerspective.FAMILY)
    _click(at, "priorities.save")
    assert "Dots saved for Voter 13." in _said(at)
    mine = [v for v in demo_repo.find(Vote) if v.voter == "Voter 13"]
    assert len(mine) == 2 and {v.perspective for v in mine} == {ParticipantPerspective.FAMILY}
    assert at.radio(key="priorities.perspective.new").value is None  # ready for the next person
    at.selectbox(key="priorities.who").set_value("Voter 13").run()
    assert at.radio(key="priorities.perspective.voter_13").value is ParticipantPerspective.FAMILY
    assert priorities.perspective_of(demo_repo, project_id, "voter 13") is ParticipantPerspective.FAMILY
