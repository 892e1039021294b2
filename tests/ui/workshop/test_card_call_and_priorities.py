"""AppTest for Step 3 on the demo workshop: the card call and the priorities (dot voting) screens."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.factories import demo_project
from tests.ui.shown import said, shown
from tests.unit.services.workshop.test_card_call import person
from wtfc_collect import bootstrap
from wtfc_collect.demo import workshop_theming
from wtfc_collect.domain import Question, Review, TriageStatus
from wtfc_collect.domain.dot_votes import Vote
from wtfc_collect.domain.participation import ParticipantPerspective
from wtfc_collect.domain.theme import Theme
from wtfc_collect.services.checkpoint import check_statements
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
    """The page as the app runs it: app.py with its navigation (the screens link to one another)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.session_state[PROJECT_KEY] = _project_id(repo)
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def _click(at: AppTest, key: str) -> AppTest:
    at.button(key=_key(at, key)).click().run()
    assert not at.exception, at.exception
    return at


def _key(at: AppTest, pattern: str) -> str:
    """The one widget key matching ``pattern``, where ``#`` stands for the number of a move, ballot or save
    (part of the key: after it, the widgets are new and empty)."""
    wanted = re.compile(r"\d+".join(re.escape(part) for part in pattern.split("#")))
    widgets = [*at.button, *at.text_input, *at.selectbox, *at.multiselect, *at.main.checkbox, *at.text_area]
    keys = [str(w.key) for w in widgets]
    found = sorted({k for k in keys if wanted.fullmatch(k)})
    assert len(found) == 1, f"{pattern}: {found}"
    return found[0]


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
    put = [b for b in at.button if ".put." in str(b.key)]
    assert len(put) == len(before.themes)  # one press for each theme, no list to open
    assert put[0].label.startswith("1\\. ")
    _click(at, f"card_call.move.future.#.put.{target.id}")
    after = card_call.card_call(demo_repo, project_id, FU)
    assert before.current.statement_id in themes.get_theme(demo_repo, target.id).theme.statement_ids
    assert after.placed == before.placed + 1 and not _errors(at)
    _click(at, "card_call.move.future.#.undo")
    assert card_call.card_call(demo_repo, project_id, FU).current == before.current
    assert at.text[0].value == before.current.text


def test_a_new_theme_name_that_is_not_an_i_statement_is_refused_and_kept(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    themes_before = len(demo_repo.find(Theme))
    at = _open("card_call", demo_repo)
    name = _key(at, "card_call.move.future.#.new_name")
    at.text_input(key=name).input("Hospital")
    _click(at, "card_call.move.future.#.new")
    assert len(_errors(at)) == 1 and 'starting with "I"' in _errors(at)[0]
    assert at.text_input(key=name).value == "Hospital"  # nothing typed is lost
    assert len(demo_repo.find(Theme)) == themes_before
    at.text_input(key=name).input("I want to stay out of hospital")
    _click(at, "card_call.move.future.#.new")
    fresh = _key(at, "card_call.move.future.#.new_name")
    assert fresh != name, "the next card has a new, empty box (the old one's words would come back)"
    assert not _errors(at) and at.text_input(key=fresh).value == ""
    names = [v.theme.name for v in themes.list_themes(demo_repo, project_id, FU)]
    assert "I want to stay out of hospital" in names


def test_park_a_card_and_put_a_parked_card_back(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    before = card_call.card_call(demo_repo, project_id, FU)
    assert before.current is not None
    at = _open("card_call", demo_repo)
    _click(at, "card_call.move.future.#.park")
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
    rename = _key(at, f"card_call.rename.{tid}.#")
    at.text_input(key=rename).input("Going out")
    _click(at, f"card_call.rename_button.{tid}")
    assert any("starting with" in e for e in _errors(at))
    assert at.text_input(key=rename).value == "Going out"
    at.text_input(key=rename).input("I want to go out more")
    _click(at, f"card_call.rename_button.{tid}")
    assert themes.get_theme(demo_repo, tid).theme.name == "I want to go out more" and not _errors(at)
    assert at.text_input(key=_key(at, f"card_call.rename.{tid}.#")).value == "I want to go out more"

    moving = [c.statement_id for c in big.cards[:2]]
    at.multiselect(key=_key(at, f"card_call.split.{tid}.#.cards")).set_value(moving)
    at.text_input(key=_key(at, f"card_call.split.{tid}.#.name")).input("I want a holiday")
    _click(at, f"card_call.split_button.{tid}")
    split = next(
        v for v in themes.list_themes(demo_repo, project_id, FU) if v.theme.name == "I want a holiday"
    )
    assert split.theme.statement_ids == moving and not _errors(at)

    at.selectbox(key=_key(at, "card_call.merge.#.keep.future")).set_value(tid)
    at.selectbox(key=_key(at, "card_call.merge.#.absorb.future")).set_value(split.theme.id)
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
    assert not any("came ready for the workshop after" in w for w in said(at.warning))
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
    assert len(at.main.checkbox) == len(ballot) and not any(c.value for c in at.main.checkbox)
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
    assert at.text_input(key=_key(at, "priorities.dots.#.label")).value == "Voter 13"
    for box in at.main.checkbox[:4]:
        box.check()
    at.run()
    assert "That is more than 3 dots. Untick 1 before saving." in _said(at)
    ticked_keys = [box.key for box in at.main.checkbox[:4]]
    _click(at, "priorities.save")
    assert any("Voter 13 has 3 dots but 4 were given" in e for e in _errors(at))
    assert [c.value for c in at.main.checkbox[:4]] == [True] * 4
    assert len(demo_repo.find(Vote)) == 36
    at.main.checkbox[3].uncheck().run()
    _click(at, "priorities.save")
    assert "Dots saved for Voter 13." in _said(at)
    assert len(priorities.votes_of(demo_repo, project_id, "Voter 13")) == 3
    assert at.text_input(key=_key(at, "priorities.dots.#.label")).value == "Voter 14"
    assert not any(c.value for c in at.main.checkbox)
    # The next ballot is new tick boxes: a tick of the last one can never come back for the next person.
    assert not set(box.key for box in at.main.checkbox) & set(ticked_keys)


def test_correct_a_voter_s_dots_and_choose_the_themes_to_take_forward(demo_repo: Repository) -> None:
    project_id = _project_id(demo_repo)
    had = priorities.votes_of(demo_repo, project_id, "Voter 1")
    at = _open("priorities", demo_repo)
    at.selectbox(key=_key(at, "priorities.dots.#.who")).set_value("Voter 1").run()
    ticked = [c for c in at.main.checkbox if c.value]
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


# --- where the card call stands -------------------------------------------------------------------------
def test_statements_still_waiting_on_check_statements_are_counted_with_a_link(empty_repo: Repository) -> None:
    project = empty_repo.save(f.project())
    person(empty_repo, project.id, "P-001")
    person(empty_repo, project.id, "P-002", ready=False)  # sent in, not checked yet
    at = _open("card_call", empty_repo)
    waiting = [i for i in said(at.info) if "still wait on Check statements" in i]
    assert waiting == [
        "2 of people's top two for this question still wait on Check statements. They join the card call "
        "once they are accepted and their workshop copy is confirmed."
    ]
    links = [str(link.proto.label) for link in at.get("page_link")]
    assert "Check statements: decide about them" in links  # an administrator may open it


def test_a_facilitator_is_told_who_to_ask_instead_of_a_link(empty_repo: Repository) -> None:
    from tests.sessions import signed_in_as
    from wtfc_collect.domain.access import Role
    from wtfc_collect.ui.context import USER_KEY

    project = empty_repo.save(f.project())
    person(empty_repo, project.id, "P-001")
    person(empty_repo, project.id, "P-002", ready=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.session_state[USER_KEY] = signed_in_as(Role.FACILITATOR, username="fay")
    at.session_state[PROJECT_KEY] = project.id
    at.run()
    at.switch_page("pages/card_call.py").run()
    assert not at.exception, at.exception
    assert any("still wait on Check statements" in i for i in said(at.info))
    assert "Ask the quality lead to check them on Check statements." in _said(at)
    assert "Check statements: decide about them" not in [str(x.proto.label) for x in at.get("page_link")]


def test_with_only_parked_cards_left_it_never_says_every_card_is_placed(empty_repo: Repository) -> None:
    project = empty_repo.save(f.project())
    person(empty_repo, project.id, "P-001")
    at = _open("card_call", empty_repo)
    at.radio(key="card_call.question").set_value(W).run()
    for _ in range(2):
        _click(at, "card_call.move.working.#.park")
    shown = said(at.info)
    assert "No card left to read out. Parked: 2 cards." in " ".join(shown)
    assert not any("Every card is placed" in i for i in shown)


def _accept_and_confirm(repo: Repository, review: Review, question: Question) -> None:
    for statement in review.prioritised(question):
        check_statements.triage_statement(
            repo, review.id, statement.id, TriageStatus.ACCEPTED, actor="quality lead", now=f.NOW
        )
        check_statements.confirm_workshop_text(
            repo, review.id, statement.id, statement.text, actor="quality lead", now=f.NOW
        )


def test_cards_ready_after_a_question_was_finished_are_announced(empty_repo: Repository) -> None:
    project = empty_repo.save(f.project())
    person(empty_repo, project.id, "P-001")
    late = person(empty_repo, project.id, "P-002", ready=False)
    first = card_call.card_call(empty_repo, project.id, W).waiting[0]
    card_call.start_theme(
        empty_repo, project.id, W, first.statement_id, "I like my garden", actor="t", now=f.NOW
    )
    at = _open("card_call", empty_repo)
    at.radio(key="card_call.question").set_value(W).run()
    theme = card_call.card_call(empty_repo, project.id, W).themes[0].theme
    _click(at, f"card_call.move.working.#.put.{theme.id}")
    _click(at, "card_call.finish.working")
    assert "The card call for this question is finished." in _said(at)
    assert not said(at.warning)
    _accept_and_confirm(empty_repo, late, W)
    at.run()
    assert said(at.warning) == [
        "2 cards came ready for the workshop after this question was finished. Reopen it to place them."
    ]


def test_a_voter_s_perspective_is_kept_with_their_dots_and_shown_when_correcting(
    demo_repo: Repository,
) -> None:
    def perspective(at: AppTest) -> Any:
        [radio] = [r for r in at.radio if r.label.startswith("This person's perspective")]
        return radio

    project_id = _project_id(demo_repo)
    at = _open("priorities", demo_repo)
    assert perspective(at).value is None
    for box in at.checkbox[:2]:
        box.check()
    perspective(at).set_value(ParticipantPerspective.FAMILY)
    _click(at, "priorities.save")
    assert "Dots saved for Voter 13." in _said(at)
    mine = [v for v in demo_repo.find(Vote) if v.voter == "Voter 13"]
    assert len(mine) == 2 and {v.perspective for v in mine} == {ParticipantPerspective.FAMILY}
    assert perspective(at).value is None  # the next person's ballot starts from "Not said"
    who = next(s for s in at.selectbox if s.label == "Who is voting")
    who.set_value("Voter 13").run()
    assert perspective(at).value is ParticipantPerspective.FAMILY
    assert perspective(at).key.endswith(".perspective.voter_13")
    assert priorities.perspective_of(demo_repo, project_id, "voter 13") is ParticipantPerspective.FAMILY
