"""AppTest journeys through the quality checkpoint and the Check statements screens, on the demo project."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.factories import demo_project
from tests.ui.shown import said
from wtfc_collect import bootstrap
from wtfc_collect.demo.project import POOR_REVIEWER, POOR_TEAM
from wtfc_collect.domain import Consent, Question, Review, Speaker, Statement, TriageStatus
from wtfc_collect.domain.checkpoint import Checkpoint, CheckpointQuestion, MitigatingAction, MitigationKind
from wtfc_collect.services.checkpoint import check_statements, checkpoint
from wtfc_collect.storage.port import Repository

APP = str(Path(__file__).resolve().parents[3] / "app.py")
DEMO_NOW = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
LEAD = "Ann (quality lead)"
CHECKPOINT = "pages/checkpoint.py"
TRIAGE = "pages/check_statements.py"


@pytest.fixture
def demo(data_dir: Path) -> tuple[Repository, str]:
    repo = bootstrap.build_repository()
    project = demo_project(repo, now=DEMO_NOW, reviews=40)
    return repo, project.id


def _open(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _click(at: AppTest, label: str, index: int = 0) -> AppTest:
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}; buttons: {[b.label for b in at.button]}"
    matches[index].click().run()
    assert not at.exception, at.exception
    return at


def _press(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def _errors(at: AppTest) -> list[str]:
    return said(at.error)


def _html(at: AppTest) -> list[str]:
    return [str(h.proto.body) for h in at.get("html")]


def _cell_text(cell: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", cell))


def _cards(at: AppTest) -> list[str]:
    """The line under each flagged statement: person · team · reviewer · question."""
    found = [re.search(r'<p class="wtfc-where"[^>]*>(.*?)</p>', body) for body in _html(at)]
    return [_cell_text(m.group(1)) for m in found if m]


def _notes(at: AppTest) -> list[str]:
    """The notes under the flagged statements, one line each."""
    return [
        "- " + _cell_text(item)
        for body in _html(at)
        if 'class="wtfc-flagged"' in body
        for item in re.findall(r"<li>(.*?)</li>", body)
    ]


def _tables(at: AppTest) -> dict[str, list[dict[str, str]]]:
    """The screen's small HTML tables, by the name of their first column: rows as dicts."""
    tables: dict[str, list[dict[str, str]]] = {}
    for body in _html(at):
        if 'class="wtfc-table"' not in body:
            continue
        columns = [_cell_text(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", body)]
        rows = re.findall(r"<tr>(.*?)</tr>", re.sub(r"<thead>.*?</thead>", "", body))
        tables[columns[0]] = [
            dict(zip(columns, [_cell_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)], strict=True))
            for row in rows
        ]
    return tables


# --- the checkpoint -----------------------------------------------------------------------------------------
def test_checkpoint_shows_the_quality_tables_and_flagged_statements(demo: tuple[Repository, str]) -> None:
    at = _open(CHECKPOINT)
    assert at.title[0].value == "Quality checkpoint"
    headers = [h.value for h in at.header]
    for heading in ("Quality at a glance", "Statements to look at", "The three checkpoint questions"):
        assert heading in headers
    tables = _tables(at)
    kinds = [row["Kind of problem"] for row in tables["Kind of problem"]]
    for name in ("Professional words", "Not in the first person", "A service, not a life", "Too vague"):
        assert name in kinds
    assert "Names or contact details" in kinds
    assert tables["Team"][0]["Team"] == POOR_TEAM
    assert tables["Reviewer"][0]["Reviewer"] == POOR_REVIEWER
    summary = next(str(m.value) for m in at.markdown if "statements (" in str(m.value))
    assert "have something to check" in summary
    assert _cards(at)
    flagged = [body for body in _html(at) if 'class="wtfc-flagged"' in body]
    assert flagged and all("<mark" in body for body in flagged), "the problem words are highlighted"


def test_checkpoint_filters_change_the_list(demo: tuple[Repository, str]) -> None:
    at = _open(CHECKPOINT)
    everyone = _cards(at)
    at.selectbox(key="checkpoint.team").set_value(POOR_TEAM).run()
    team_cards = _cards(at)
    assert team_cards and team_cards != everyone
    assert all(f" · {POOR_TEAM} · " in card for card in team_cards)
    at.selectbox(key="checkpoint.reviewer").set_value(POOR_REVIEWER).run()
    toms = _cards(at)
    assert toms and all(f" · {POOR_REVIEWER} · " in card for card in toms)
    assert len(toms) <= len(team_cards)
    at.selectbox(key="checkpoint.kind").set_value("third_person").run()
    third = _cards(at)
    assert third and len(third) <= len(toms)
    explanations = _notes(at)
    assert any(line.startswith("- Not in the first person:") for line in explanations)
    at.selectbox(key="checkpoint.team").set_value("Riverside day service").run()
    assert _cards(at) == []
    assert "Nothing to show with these filters." in said(at.info)


def _answer(at: AppTest, question: CheckpointQuestion, answer: str, notes: str) -> None:
    at.radio(key=f"checkpoint.q.{question.value}.answer").set_value(answer)
    at.text_area(key=f"checkpoint.q.{question.value}.notes").input(notes)
    _click(at, "Save answer", list(CheckpointQuestion).index(question))


def test_answer_the_three_questions_and_sign_off(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    at = _open(CHECKPOINT)
    _answer(at, CheckpointQuestion.REFLECTS_PEOPLE, "yes", "Sounds like people we know")
    _answer(at, CheckpointQuestion.OWN_WORDS, "partly", "North team reads like case notes")
    _answer(at, CheckpointQuestion.USABLE, "yes", "")
    assert not _errors(at)
    at.text_input(key="checkpoint.sign.name").input("Ann Lead")
    _click(at, "Sign off the checkpoint")
    assert not _errors(at)
    [stored] = repo.find(Checkpoint, project_id=project_id)
    assert stored.signed_by == "Ann Lead" and stored.signed_at is not None
    assert [str(a.answer) for a in sorted(stored.answers, key=lambda a: a.question)] == [
        "partly",
        "yes",
        "yes",
    ]
    success = said(at.success)
    assert any(s.startswith("Signed off by Ann Lead on ") for s in success), success
    assert not [b for b in at.button if b.label == "Sign off the checkpoint"]
    # The saved answers are shown again, and changing one withdraws the sign-off.
    assert at.radio(key="checkpoint.q.own_words.answer").value == "partly"
    _answer(at, CheckpointQuestion.USABLE, "no", "Too many cards to rewrite")
    assert not repo.find(Checkpoint, project_id=project_id)[0].signed
    assert not any(str(s.value).startswith("Signed off by") for s in at.success)
    assert [b for b in at.button if b.label == "Sign off the checkpoint"]


def test_signing_off_with_answers_missing_gives_a_plain_error(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    at = _open(CHECKPOINT)
    _answer(at, CheckpointQuestion.OWN_WORDS, "no", "")
    at.text_input(key="checkpoint.sign.name").input("Ann Lead")
    _click(at, "Sign off the checkpoint")
    [error] = _errors(at)
    assert error.startswith("Answer every question before signing off")
    assert CheckpointQuestion.USABLE.label in error
    assert "Traceback" not in error and "validation" not in error.lower()
    assert not repo.find(Checkpoint, project_id=project_id)[0].signed
    at.text_input(key="checkpoint.sign.name").input("")
    _click(at, "Sign off the checkpoint")
    assert _errors(at) == ["Write the name of the person signing off."]


def test_an_action_without_a_description_is_refused_and_kept_then_saved(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    at = _open(CHECKPOINT)
    at.selectbox(key="checkpoint.action.0.team").set_value(POOR_TEAM)
    at.selectbox(key="checkpoint.action.0.kind").set_value(MitigationKind.REASK)
    at.text_input(key="checkpoint.action.0.owner").input("Sandra")
    _click(at, "Add the action")
    assert _errors(at) == ["Say what will be done."]
    assert repo.find(MitigatingAction) == []
    assert at.text_input(key="checkpoint.action.0.owner").value == "Sandra"
    assert at.selectbox(key="checkpoint.action.0.team").value == POOR_TEAM
    at.text_area(key="checkpoint.action.0.description").input("Ask Tom's people the three questions again")
    _click(at, "Add the action")
    assert not _errors(at)
    [action] = repo.find(MitigatingAction, project_id=project_id)
    assert (action.team, action.kind.value, action.owner, action.description) == (
        POOR_TEAM,
        "reask",
        "Sandra",
        "Ask Tom's people the three questions again",
    )
    shown = [str(t.value) for t in at.text]
    assert f"{POOR_TEAM} · Ask the questions again · Sandra" in shown
    assert at.text_input(key="checkpoint.action.1.owner").value == ""  # a fresh form for the next one
    at.checkbox(key=f"checkpoint.done.{action.id}").check().run()
    assert repo.get(MitigatingAction, action.id).done  # type: ignore[union-attr]


# --- check statements ---------------------------------------------------------------------------------------
def _first_waiting(repo: Repository, project_id: str) -> tuple[Review, Statement]:
    return check_statements.statements_to_triage(repo, project_id)[0]


def _stored(repo: Repository, review_id: str, statement_id: str) -> Statement:
    return check_statements.get_statement(repo, review_id, statement_id)[1]


def _decide(at: AppTest, key: str) -> AppTest:
    """Open a statement's decisions (they never open by themselves)."""
    return _press(at, key + ".open")


def _accept(at: AppTest, key: str) -> AppTest:
    """Accept, saying yes a second time when the checker flagged the words."""
    _press(at, key + ".accept")
    if key + ".accept_anyway" in _keys(at):
        _press(at, key + ".accept_anyway")
    return at


def test_accept_then_confirm_the_workshop_copy(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    review, statement = _first_waiting(repo, project_id)
    at = _open(TRIAGE)
    key = f"check_statements.{statement.id}"
    assert key + ".accept" not in _keys(at)  # nothing is open until Decide is pressed
    _accept(_decide(at, key), key)
    assert _stored(repo, review.id, statement.id).triage_status is TriageStatus.ACCEPTED
    # It says what happened, in place, with Undo; no decision panel is open (a second click decides nothing).
    assert any(m.startswith("Accepted: “") for m in said(at.success))
    assert key + ".undo" in _keys(at)
    assert not [k for k in _keys(at) if k.endswith((".accept", ".ask_again", ".exclude", ".confirm"))]
    at.selectbox(key="check_statements.state").set_value("to_confirm").run()
    _decide(at, key)
    copy = at.text_area(key=key + ".copy_text")
    assert copy.value == check_statements.propose_workshop_text(statement).text
    _press(at, key + ".confirm")
    stored = _stored(repo, review.id, statement.id)
    assert stored.ready_for_workshop and stored.text == statement.text
    assert key + ".confirm" not in _keys(at)
    assert "Workshop copy confirmed: it is ready for the workshop." in said(at.success)
    at.selectbox(key="check_statements.state").set_value("ready").run()
    assert "Ready for the workshop." in said(at.success)
    assert statement.text in [str(t.value) for t in at.text]


def test_a_decision_is_undone_from_the_message_that_says_it(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    review, statement = _first_waiting(repo, project_id)
    at = _open(TRIAGE)
    key = f"check_statements.{statement.id}"
    _accept(_decide(at, key), key)
    _press(at, key + ".undo")
    assert _stored(repo, review.id, statement.id).triage_status is TriageStatus.NOT_CHECKED
    assert "Undone: it is back where it was before." in said(at.success)
    assert key + ".undo" not in _keys(at)


def test_accepting_words_with_a_strong_flag_asks_a_second_time(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    at = _open(TRIAGE)
    review, statement = _flagged_waiting(repo, project_id, _keys(at))
    key = f"check_statements.{statement.id}"
    _press(_decide(at, key), key + ".accept")
    assert _stored(repo, review.id, statement.id).triage == []  # not yet
    assert any("may not be the person's own" in w for w in said(at.warning))
    _press(at, key + ".accept_not")
    assert _stored(repo, review.id, statement.id).triage == []
    _press(at, key + ".accept")
    _press(at, key + ".accept_anyway")
    assert _stored(repo, review.id, statement.id).triage_status is TriageStatus.ACCEPTED


def _flagged_waiting(repo: Repository, project_id: str, shown: set[str]) -> tuple[Review, Statement]:
    """A statement on the screen, waiting for a decision, whose words the checker flags."""
    from wtfc_collect.quality import FlagKind, check_statement

    return next(
        (r, s)
        for r, s in check_statements.statements_to_triage(repo, project_id)
        if f"check_statements.{s.id}.open" in shown
        and any(f.strong and f.kind is not FlagKind.PERSONAL_DATA for f in check_statement(s.text).flags)
    )


def _keys(at: AppTest) -> set[str]:
    return {str(b.key) for b in at.button}


NEIGHBOUR = "My neighbour Mrs Patel pops in every morning with the paper"


def _sent_in(repo: Repository, project_id: str, number: str, question: Question, text: str) -> Review:
    """A review sent in (id and person NV-900``number``) whose answer to ``question`` is ``text`` and to
    the others "Tea", each the first choice."""
    review = Review.model_validate(
        {
            "id": number * 32,
            "project_id": project_id,
            "person_ref": f"NV-900{number}",
            "review_date": DEMO_NOW.date(),
            "team": POOR_TEAM,
            "consent": Consent(given=True, recorded_on=DEMO_NOW.date()),
            "created_at": DEMO_NOW,
            "updated_at": DEMO_NOW,
        }
    )
    for asked in Question:
        added = review.add_statement(asked, text if asked is question else "Tea", Speaker.PERSON, DEMO_NOW)
        review.set_priority(added.id, 1, DEMO_NOW)
    review.submit(DEMO_NOW)
    return repo.save(review)


def _accepted_with_a_name(repo: Repository, project_id: str) -> tuple[Review, Statement]:
    """A review sent in whose "working" statement names someone, accepted and waiting for its copy."""
    review = _sent_in(repo, project_id, "1", Question.WORKING, NEIGHBOUR)
    statement = review.statements_for(Question.WORKING)[0]
    check_statements.triage_statement(
        repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=LEAD, now=DEMO_NOW
    )
    return review, statement


def test_workshop_copy_replaces_a_name_and_keeps_the_original(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    review, statement = _accepted_with_a_name(repo, project_id)
    at = _open(TRIAGE)
    at.selectbox(key="check_statements.state").set_value("to_confirm").run()
    key = f"check_statements.{statement.id}"
    _decide(at, key)
    assert at.text_area(key=key + ".copy_text").value == (
        "My neighbour [name] pops in every morning with the paper"
    )
    assert "Replaced: Mrs Patel" in [str(t.value) for t in at.text]
    _press(at, key + ".confirm")
    stored = _stored(repo, review.id, statement.id)
    assert (stored.text, stored.workshop_text) == (
        NEIGHBOUR,
        "My neighbour [name] pops in every morning with the paper",
    )
    assert stored.ready_for_workshop


def test_a_rewritten_workshop_copy_is_refused_next_to_the_statement(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    review, statement = _accepted_with_a_name(repo, project_id)
    at = _open(TRIAGE)
    at.selectbox(key="check_statements.state").set_value("to_confirm").run()
    key = f"check_statements.{statement.id}"
    _decide(at, key)
    assert any("[place], [address]" in c for c in said(at.caption))  # the rule is said beside the copy
    at.text_area(key=key + ".copy_text").input("Addressing social isolation")
    _press(at, key + ".confirm")
    [error] = _errors(at)
    assert "can only swap names, places, dates and contact details" in error
    assert "words agreed with the person" in error
    stored = _stored(repo, review.id, statement.id)
    assert (stored.workshop_text, stored.ready_for_workshop) == (None, False)
    assert at.text_area(key=key + ".copy_text").value == "Addressing social isolation"  # what was typed stays


def test_ask_again_needs_a_reason_then_is_listed(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    review, statement = _first_waiting(repo, project_id)
    key = f"check_statements.{statement.id}"
    at = _open(TRIAGE)
    _press(_decide(at, key), key + ".ask_again")
    assert _errors(at) == ["Say why, so the team knows what to do next."]
    assert key + ".reason_text" in {str(w.key) for w in at.text_input}  # the panel stays open
    assert _stored(repo, review.id, statement.id).triage == []
    at.text_input(key=key + ".reason_text").input("Reads like the reviewer's words: ask her again")
    _press(at, key + ".ask_again")
    assert not _errors(at)
    assert _stored(repo, review.id, statement.id).triage_status is TriageStatus.ASK_AGAIN
    assert any(m.startswith("To ask again with the person: “") for m in said(at.success))
    at.selectbox(key="check_statements.state").set_value("ask_again").run()
    assert any(
        review.person_ref in body and "Decision so far: To ask again with the person" in body
        for body in _html(at)
    )
    assert key + ".open" in _keys(at)  # the card is in this list


def test_words_agreed_with_the_person_keep_the_original(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    review, statement = _first_waiting(repo, project_id)
    key = f"check_statements.{statement.id}"
    at = _open(TRIAGE)
    _decide(at, key)
    assert at.text_area(key=key + ".edit").value == statement.text
    at.text_area(key=key + ".edit").input("I like <b>my</b> garden 🌻")
    _press(at, key + ".edit_save")
    assert _errors(at) == ["Say on what day the words were agreed."]
    at.date_input(key=key + ".edit_when").set_value(date.today())
    _press(at, key + ".edit_save")
    assert _errors(at) == ["Say who agreed these words: the person, or who agreed for them."]
    at.text_input(key=key + ".edit_who").input("The person, with his brother")
    _press(at, key + ".edit_save")
    assert _errors(at) == ["Say why the words were changed, so others can see the reason."]
    assert _stored(repo, review.id, statement.id).workshop_text is None
    at.text_input(key=key + ".edit_reason").input("Read back to him on the phone, 3 May")
    _press(at, key + ".edit_save")
    assert not _errors(at)
    stored = bootstrap.build_repository().get(Review, review.id)
    assert stored is not None
    kept = stored.statement(statement.id)
    assert kept.text == statement.text
    assert kept.workshop_text == "I like <b>my</b> garden 🌻"
    assert kept.triage_status is TriageStatus.ACCEPTED
    assert "Read back to him on the phone, 3 May" in kept.changes[-1].reason
    assert kept.agreed is not None
    assert (kept.agreed.agreed_by, kept.agreed.agreed_on) == ("The person, with his brother", date.today())


def test_each_flagged_statement_on_the_checkpoint_links_to_its_decision(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    at = _open(CHECKPOINT)
    links = [p for p in at.get("page_link") if "check_statements" in str(p.proto.page)]
    assert links, "no link to Check statements"
    assert all("Try:" not in note or note.count("Try:") == 1 for note in _notes(at))
    statement_id = str(links[0].proto.query_string).removeprefix("statement=")
    _review, statement = next(
        (r, s) for r, s in check_statements.top_two_to_check(repo, project_id) if s.id == statement_id
    )
    # Following the link: Check statements opens on that statement alone, its decisions open.
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["statement"] = statement_id
    at.run()
    at.switch_page(TRIAGE).run()
    assert not at.exception, at.exception
    key = f"check_statements.{statement_id}"
    opened = [k for k in _keys(at) if k.endswith((".accept", ".confirm"))]
    assert opened in ([key + ".accept"], [key + ".confirm"])
    assert statement.text in " ".join(_cell_text(b) for b in _html(at))


def test_saving_an_answer_without_choosing_one_says_so(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    at = _open("pages/checkpoint.py")
    _click(at, "Save answer", 0)
    assert "Choose yes, partly or no before saving." in said(at.error)
    assert checkpoint.get_checkpoint(repo, project_id).answers == []


def test_flagged_statements_come_ten_at_a_time(demo: tuple[Repository, str]) -> None:
    at = _open(CHECKPOINT)
    first = _cards(at)
    shown = next(str(c.value) for c in at.caption if str(c.value).startswith("Showing "))
    total = int(shown.split(" of ")[1].split(".")[0])
    assert total > 10, "the demo has more flagged statements than fit on one page"
    assert len(first) == 10
    next(b for b in at.button if str(b.label) == "Show 10 more").click().run()
    assert len(_cards(at)) == min(20, total) and _cards(at)[:10] == first


def _linked_card(statement_id: str) -> str:
    """The text of Check statements opened on one statement (as the checkpoint's link opens it)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["statement"] = statement_id
    at.run()
    at.switch_page(TRIAGE).run()
    assert not at.exception, at.exception
    return " ".join(_cell_text(b) for b in _html(at))


def test_a_relatives_story_is_only_flagged_on_the_card_until_the_relative_is_recorded(
    demo: tuple[Repository, str],
) -> None:
    repo, project_id = demo
    story = "Mum is 94 now and can no longer manage the stairs."
    review = _sent_in(repo, project_id, "2", Question.FUTURE, story)
    said = review.statements_for(Question.FUTURE)[0]
    card = _linked_card(said.id)
    assert story in card and "family member's story" in card
    review.set_speaker(said.id, Speaker.FAMILY_OR_CARER, by=LEAD, now=DEMO_NOW, reason="said by her son")
    repo.save(review)
    card = _linked_card(said.id)
    assert story in card and "family member's story" not in card
