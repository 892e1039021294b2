"""AppTest journeys through the review screens: with staff, the easy-read own review, and the list."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.ui.press import press as _click
from tests.ui.shown import said, shown
from tests.ui.tables import column, tables
from wtfc_collect import bootstrap
from wtfc_collect.domain import STATEMENT_MAX_CHARS, Question, Review, ReviewMode, ReviewStatus
from wtfc_collect.services.prepare.project_setup import current_project
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context
from wtfc_collect.ui.context import PROJECT_KEY, REVIEW_KEY

APP = str(Path(__file__).resolve().parents[3] / "app.py")
W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE


@pytest.fixture
def repo(data_dir: Path) -> Repository:
    repository = bootstrap.build_repository()
    repository.save(f.project(name="Eastvale home care"))
    return repository


def _open(page: str, **state: Any) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at



def _only_review(repo: Repository) -> Review:
    reviews = repo.find(Review)
    assert len(reviews) == 1
    return reviews[0]


def _texts(at: AppTest) -> list[str]:
    return [str(x.value) for x in at.text] + [
        shown(x.value) for x in (*at.markdown, *at.error, *at.warning, *at.info, *at.success)
    ]


# --- review with a person ---------------------------------------------------------------------------------
def _start_staff_review(at: AppTest, repo: Repository) -> Review:
    at.text_input(key="review_with_person.new.person_ref").input("EV-0007")
    at.selectbox(key="review_with_person.new.team").set_value("North team")
    _click(at, "Start the review")
    review = _only_review(repo)
    assert (review.person_ref, review.team, review.mode) == ("EV-0007", "North team", ReviewMode.WITH_STAFF)
    return review


def _box(at: AppTest, start: str, end: str) -> Any:
    """The one text box whose key starts and ends so: its middle changes after each answer added (a new,
    empty box in the browser too)."""
    found = [a for a in at.text_area if str(a.key).startswith(start) and str(a.key).endswith(end)]
    assert len(found) == 1, [a.key for a in at.text_area]
    return found[0]


def _staff_box(at: AppTest, review: Review, question: Question) -> Any:
    return _box(at, f"review_with_person.statements.{question.value}.", f".{review.id}.text")


def _add(at: AppTest, review: Review, question: Question, text: str) -> None:
    _staff_box(at, review, question).input(text)
    at.button(key=f"review_with_person.statements.{review.id}.{question.value}.add").click().run()
    assert not at.exception, at.exception


def test_staff_review_from_start_to_sent_in(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    review = _start_staff_review(at, repo)
    _add(at, review, W, "Going to the allotment with my brother")
    _add(at, review, W, "My cat Smudge")
    _add(at, review, W, "Sunday dinners")
    _add(at, review, NW, "The carers come at different times every day")
    at.radio(key=f"review_with_person.statements.{review.id}.{F.value}.said_by").set_value(
        next(
            o
            for o in at.radio(key=f"review_with_person.statements.{review.id}.{F.value}.said_by").options
            if "Family" in o
        )
    )
    _add(at, review, F, "Learning to use the bus on my own")
    stored = repo.get(Review, review.id)
    assert stored is not None and len(stored.statements) == 5
    assert stored.statements_for(F)[0].said_by.value == "family_or_carer"
    assert stored.statements_for(F)[0].priority is None

    # Sending in too early lists what is missing, next to each question.
    _click(at, "Send in the review")
    messages = "\n".join(_texts(at))
    assert "consent" in messages and "top two" in messages and "top one" in messages
    assert repo.get(Review, review.id).status is ReviewStatus.DRAFT  # type: ignore[union-attr]

    working = repo.get(Review, review.id).statements_for(W)  # type: ignore[union-attr]
    at.radio(key=f"review_with_person.statements.{review.id}.{working[2].id}.priority").set_value(1).run()
    at.radio(key=f"review_with_person.statements.{review.id}.{working[0].id}.priority").set_value(2).run()
    for question in (NW, F):
        only = repo.get(Review, review.id).statements_for(question)[0]  # type: ignore[union-attr]
        at.radio(key=f"review_with_person.statements.{review.id}.{only.id}.priority").set_value(1).run()
    at.radio(key=f"review_with_person.details.{review.id}.consent").set_value("yes").run()
    assert not at.exception, at.exception
    _click(at, "Send in the review")
    sent = repo.get(Review, review.id)
    assert sent is not None and sent.status is ReviewStatus.SUBMITTED
    assert [s.text for s in sent.prioritised(W)] == [
        "Sunday dinners",
        "Going to the allotment with my brother",
    ]
    assert len(sent.statements_for(W)) == 3  # the extra one is kept
    assert "The review was sent in. Thank you." in said(at.success)


def test_moving_first_choice_updates_the_other_statement(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    review = _start_staff_review(at, repo)
    _add(at, review, W, "A")
    _add(at, review, W, "B")
    a, b = repo.get(Review, review.id).statements_for(W)  # type: ignore[union-attr]
    at.radio(key=f"review_with_person.statements.{review.id}.{a.id}.priority").set_value(1).run()
    at.radio(key=f"review_with_person.statements.{review.id}.{b.id}.priority").set_value(1).run()
    assert at.radio(key=f"review_with_person.statements.{review.id}.{a.id}.priority").value is None
    assert at.radio(key=f"review_with_person.statements.{review.id}.{b.id}.priority").value == 1


def test_staff_review_details_autosave_and_bad_input_kept(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    review = _start_staff_review(at, repo)
    at.text_input(key=f"review_with_person.details.{review.id}.reviewer").input("Priya").run()
    assert repo.get(Review, review.id).reviewer == "Priya"  # type: ignore[union-attr]
    at.text_input(key=f"review_with_person.details.{review.id}.person_ref").input("jo@example.com").run()
    assert any("not a phone number or email" in e or "email" in e for e in said(at.error))
    assert at.text_input(key=f"review_with_person.details.{review.id}.person_ref").value == "jo@example.com"
    assert repo.get(Review, review.id).person_ref == "EV-0007"  # type: ignore[union-attr]


def test_statements_are_literal_and_over_long_pastes_are_cut_visibly(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    review = _start_staff_review(at, repo)
    _add(at, review, W, "<b>My</b> **garden** 🌻 и 庭")
    assert "<b>My</b> **garden** 🌻 и 庭" in [t.value for t in at.text]
    _add(at, review, NW, "x" * (STATEMENT_MAX_CHARS + 50))
    assert any(str(STATEMENT_MAX_CHARS) in w for w in said(at.warning))
    stored = repo.get(Review, review.id)
    assert stored is not None and len(stored.statements_for(NW)[0].text) == STATEMENT_MAX_CHARS
    _add(at, review, F, "   ")
    assert "Please fill this in." in said(at.error)


def test_own_words_note_appears_beside_professional_wording(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    review = _start_staff_review(at, repo)
    _add(at, review, NW, "Service user requires support with personal care")
    _add(at, review, W, "Playing darts with my mates on Thursday")
    notes = [w for w in said(at.warning) if "Own words?" in w]
    # One note for the whole care-notes phrase, with the same words said well in the first person.
    assert len(notes) == 1
    assert "“Service user requires support with personal care”" in notes[0]
    assert "For example: “I need support with personal care”" in notes[0]
    assert all("darts" not in n for n in notes)


def test_a_relatives_story_is_a_note_only_when_the_person_is_recorded_as_saying_it(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    review = _start_staff_review(at, repo)
    _add(at, review, NW, "Dad is 90 now and can no longer get up the stairs")
    assert [w for w in said(at.warning) if "Own words?" in w and "Dad is 90" in w]
    who = at.radio(key=f"review_with_person.statements.{review.id}.{F.value}.said_by")
    who.set_value(next(o for o in who.options if "Family" in o))
    _add(at, review, F, "Mum is 88 now and can no longer cook for herself")
    notes = [w for w in said(at.warning) if "Own words?" in w]
    assert not any("Mum is 88" in n for n in notes), notes
    assert any("Dad is 90" in n for n in notes)


def test_skip_a_question_then_answer_after_all(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    review = _start_staff_review(at, repo)
    at.button(key=f"review_with_person.statements.{review.id}.{NW.value}.decline").click().run()
    assert repo.get(Review, review.id).declined == [NW]  # type: ignore[union-attr]
    assert "The person chose not to answer this question." in said(at.info)
    at.button(key=f"review_with_person.statements.{review.id}.{NW.value}.undecline").click().run()
    assert repo.get(Review, review.id).declined == []  # type: ignore[union-attr]


def test_save_draft_then_resume_from_the_list(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    review = _start_staff_review(at, repo)
    _add(at, review, W, "Singing in the choir")
    _click(at, "Save draft")
    assert at.title[0].value == "Reviews"
    later = _open("pages/reviews.py")
    later.selectbox(key="reviews.open_choice").set_value(
        next(o for o in later.selectbox(key="reviews.open_choice").options if "EV-0007" in str(o))
    )
    _click(later, "Open")
    assert later.title[0].value == "Review with a person"
    assert "Singing in the choir" in [t.value for t in later.text]


# --- reviews list -------------------------------------------------------------------------------------------
def test_reviews_list_filters_by_team_status_and_mode(repo: Repository) -> None:
    project = current_project(repo)
    assert project is not None
    sent = f.complete_review(project.id, team="North team", person_ref="N-1")
    sent.submit(f.NOW)
    repo.save(sent)
    repo.save(f.review(project.id, team="South team", person_ref="S-1"))
    repo.save(f.review(project.id, team="South team", person_ref="S-2", mode=ReviewMode.SELF))
    at = _open("pages/reviews.py")
    assert len(tables(at)[0]) == 3
    at.selectbox(key="reviews.team").set_value("South team").run()
    assert sorted(column(tables(at)[0], "Person")) == ["S-1", "S-2"]
    at.selectbox(key="reviews.mode").set_value(ReviewMode.SELF).run()
    assert column(tables(at)[0], "Person") == ["S-2"]
    at.selectbox(key="reviews.team").set_value(None).run()
    at.selectbox(key="reviews.mode").set_value(None).run()
    at.selectbox(key="reviews.status").set_value(ReviewStatus.SUBMITTED).run()
    assert column(tables(at)[0], "Person") == ["N-1"]


# --- my review (easy read) ---------------------------------------------------------------------------------
def _start_self_review(repo: Repository) -> tuple[AppTest, Review]:
    at = _open("pages/reviews.py")
    at.text_input(key="reviews.self_ref").input("EV-0100")
    _click(at, "Start an own review (easy read)")
    assert at.title[0].value == "My review"
    # AppTest stays on the page it was told to run; carry on there as the browser would.
    at.switch_page("pages/self_review.py").run()
    review = _only_review(repo)
    assert review.mode is ReviewMode.SELF
    return at, review


def _self_box(at: AppTest, review: Review, question: Question) -> Any:
    return _box(at, "self_review.message.", f".{review.id}.{question.value}.text")


def _type(at: AppTest, review: Review, question: Question, text: str) -> None:
    _self_box(at, review, question).input(text)
    _click(at, "Add this")


def _marks(at: AppTest) -> list[str]:
    """The signs of the person's number 1 and 2, as figure and words, in screen order."""
    bodies = [str(h.proto.body) for h in at.get("html")]
    return [
        " ".join(re.findall(r">([^<>]+)<", body))
        for body in bodies
        if body.startswith('<div class="wtfc-rank wtfc-rank-')
    ]


def test_self_review_whole_journey(repo: Repository) -> None:
    at, review = _start_self_review(repo)
    _click(at, "Yes, that is OK")
    assert "Question 1 of 3" in "\n".join(_texts(at))
    _type(at, review, W, "My job at the café")
    _type(at, review, W, "Swimming")
    _type(at, review, W, "My mum")
    assert _self_box(at, review, W).value == ""  # a new, empty box after each answer
    said_now = {x.text: x.id for x in repo.get(Review, review.id).statements_for(W)}  # type: ignore[union-attr]
    at.button(key=f"self_review.answers.{said_now['My mum']}.tap").click().run()
    at.button(key=f"self_review.answers.{said_now['Swimming']}.tap").click().run()
    # Number 1 and number 2 are marked by a figure in a shape and by words, not by colour alone.
    assert sorted(_marks(at)) == ["1 Number 1", "2 Number 2"]
    assert at.button(key=f"self_review.answers.{said_now['My mum']}.tap").label == "Unpick this"
    assert at.button(key=f"self_review.answers.{said_now['My job at the café']}.tap").label == "Pick this"
    _click(at, "Next")
    assert "Question 2 of 3" in "\n".join(_texts(at))
    _click(at, "I don't want to answer this")
    assert "You chose not to answer this question. That is OK." in "\n".join(_texts(at))
    _click(at, "Next")
    _type(at, review, F, "A holiday by the sea")
    _click(at, "Next")
    assert "Check your answers" in [h.value for h in at.header]
    shown_now = [t.value for t in at.text]
    # The check page shows everything the person said, their 1 and 2 first and marked.
    assert shown_now[:4] == ["My mum", "Swimming", "My job at the café", "A holiday by the sea"]
    assert _marks(at) == ["1 Number 1", "2 Number 2", "1 Number 1"]
    _click(at, "Send")
    assert "Thank you" in [h.value for h in at.header]
    sent = repo.get(Review, review.id)
    assert sent is not None and sent.status is ReviewStatus.SUBMITTED
    assert sent.declined == [NW]
    assert [s.text for s in sent.prioritised(F)] == ["A holiday by the sea"]  # a lone answer is number 1
    assert sent.consent is not None and sent.consent.given


def test_self_review_change_link_and_resume_later(repo: Repository) -> None:
    at, review = _start_self_review(repo)
    _click(at, "Yes, that is OK")
    _type(at, review, W, "Gardening")
    _click(at, "Save for later")
    assert "Saved. You can come back and carry on later. You will need your code to come back." in said(
        at.success
    )
    # Another day, another session: it opens at the first question still to answer.
    again = _open("pages/self_review.py", **{REVIEW_KEY: review.id})
    assert "Question 1 of 3" in "\n".join(_texts(again))  # working has one answer but "Next" was not pressed
    _click(again, "Next")
    assert "Question 2 of 3" in "\n".join(_texts(again))
    _type(again, review, NW, "Waiting for the bus")
    _click(again, "Next")
    _type(again, review, F, "More gardening")
    _click(again, "Next")
    _click(again, "Change: What is not working well?")
    assert "Question 2 of 3" in "\n".join(_texts(again))


def test_self_review_refusing_consent_ends_politely(repo: Repository) -> None:
    at, review = _start_self_review(repo)
    _click(at, "No, thank you")
    assert "That is OK. We will not use anything. Thank you for your time." in "\n".join(_texts(at))
    stored = repo.get(Review, review.id)
    assert stored is not None and stored.consent is not None and not stored.consent.given


def test_self_review_without_an_open_review_asks_for_staff(data_dir: Path) -> None:
    at = _open("pages/self_review.py")
    assert "ask a member of staff" in "\n".join(_texts(at))


def test_pages_remember_project_choice(repo: Repository) -> None:
    project = current_project(repo)
    assert project is not None
    at = _open("pages/reviews.py", **{PROJECT_KEY: project.id})
    assert project.name in [c.value for c in at.caption]


def test_one_listen_button_for_each_block_of_text_and_it_plays_when_pressed(repo: Repository) -> None:
    from accessibility.texts import screen

    t = screen("self_review")
    at, review = _start_self_review(repo)

    def listens() -> list[str]:
        return [b.label for b in at.button if b.label.startswith("Listen")]

    assert listens() == [t["listen_start"]]  # one for the whole first screen, not one per line
    _click(at, "Yes, that is OK")
    _type(at, review, W, "Tea with my neighbour")
    _type(at, review, W, "Feeding the ducks")
    assert listens() == [
        t["listen_question"],
        t["listen_voice"],
        t["listen_pick"],
        t["listen_answer"],  # each answer of the person's, read back offline
        t["listen_answer"],
        t["listen_buttons"],
    ]
    assert not at.get("audio"), "no sound until the person asks for it"
    _click(at, t["listen_question"])
    players = at.get("audio")
    assert len(players) == 1 and players[0].proto.autoplay is True  # it plays when pressed
    # Pick, listen and take out of an answer are told apart by icon and words.
    buttons = {b.label: b.proto.icon for b in at.button if str(b.key).startswith("self_review.answers.")}
    assert buttons == {"Pick this": ":material/touch_app:", "Take this out": ":material/delete:"}


def test_sending_with_every_question_left_unanswered_asks_once_more(repo: Repository) -> None:
    at, review = _start_self_review(repo)
    _click(at, "Yes, that is OK")
    for _ in Question:
        _click(at, "I don't want to answer this")
        _click(at, "Next")
    assert "Check your answers" in [h.value for h in at.header]
    _click(at, "Send")
    assert repo.get(Review, review.id).status is ReviewStatus.DRAFT  # type: ignore[union-attr]
    assert "You did not answer any question. Do you want to send it like this?" in said(at.warning)
    _click(at, "No, go back")
    assert repo.get(Review, review.id).status is ReviewStatus.DRAFT  # type: ignore[union-attr]
    _click(at, "Send")
    _click(at, "Yes, send it")
    assert repo.get(Review, review.id).status is ReviewStatus.SUBMITTED  # type: ignore[union-attr]
    assert "Thank you" in [h.value for h in at.header]


def test_statements_sent_back_by_the_quality_check_are_listed_for_the_reviewer(repo: Repository) -> None:
    from wtfc_collect.domain import TriageStatus
    from wtfc_collect.services.checkpoint import check_statements

    project = current_project(repo)
    assert project is not None
    sent = f.complete_review(project.id, person_ref="N-9", reviewer="Priya")
    sent.submit(f.NOW)
    repo.save(sent)
    statement = sent.prioritised(NW)[0]
    check_statements.triage_statement(
        repo,
        sent.id,
        statement.id,
        TriageStatus.ASK_AGAIN,
        reason="sounds like a care plan",
        actor="Quality lead",
        now=f.NOW,
    )
    at = _open("pages/reviews.py")
    assert "To ask again with the person" in [h.value for h in at.header]
    listed = tables(at)[1]
    assert column(listed, "Person") == ["N-9"] and column(listed, "Why") == ["sounds like a care plan"]
    assert column(listed, "Words") == [statement.text]


# --- review with a person: coming back, drafts, defaults, sending ------------------------------------------
def test_a_reload_lands_on_the_review_and_keeps_words_typed_but_not_added(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    review = _start_staff_review(at, repo)
    assert at.query_params["review"] == review.id  # the address names the review (its id only)
    _staff_box(at, review, NW).input("The bus is always la").run()
    assert repo.get(Review, review.id).typed == {NW: "The bus is always la"}  # type: ignore[union-attr]
    assert repo.get(Review, review.id).statements == []  # type: ignore[union-attr]
    # A reload is a new session: only the address is left.
    again = AppTest.from_file(APP, default_timeout=30)
    again.query_params["review"] = review.id
    again.run()
    again.switch_page("pages/review_with_person.py").run()
    assert not again.exception, again.exception
    assert "Start a new review" not in [h.value for h in again.header]
    assert _staff_box(again, review, NW).value == "The bus is always la"
    assert "Kept with the review, not added yet. Press Add when the words are right." in said(again.caption)
    again.button(key=f"review_with_person.statements.{review.id}.{NW.value}.add").click().run()
    stored = repo.get(Review, review.id)
    assert stored is not None and [s.text for s in stored.statements] == ["The bus is always la"]
    assert stored.typed == {}


def test_the_address_of_a_review_the_user_may_not_open_is_refused(repo: Repository) -> None:
    from tests.sessions import signed_in_as
    from wtfc_collect.domain.access import Role

    project = current_project(repo)
    assert project is not None
    other = repo.save(f.review(project.id, team="South team", person_ref="S-9"))
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state[context.USER_KEY] = signed_in_as(Role.REVIEWER, username="north", teams=("North team",))
    at.query_params["review"] = other.id
    at.run()
    at.switch_page("pages/review_with_person.py").run()
    assert not at.exception, at.exception
    assert "Start a new review" in [h.value for h in at.header]
    assert "S-9" not in "\n".join(_texts(at))


def test_starting_a_review_for_someone_with_a_draft_offers_to_open_it(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    first = _start_staff_review(at, repo)
    _add(at, first, W, "Singing in the choir")
    _click(at, "Save draft")
    at.switch_page("pages/review_with_person.py").run()
    at.text_input(key="review_with_person.new.person_ref").input("ev-0007 ")
    _click(at, "Start the review")
    assert len(repo.find(Review)) == 1  # nothing started yet
    assert any("EV-0007 has a review that is still a draft" in w for w in said(at.warning))
    _click(at, "Open the draft")
    assert "Singing in the choir" in [t.value for t in at.text]
    assert len(repo.find(Review)) == 1


def test_reviewer_and_team_start_as_the_signed_in_person_s(repo: Repository) -> None:
    from tests.sessions import signed_in_as
    from wtfc_collect.domain.access import Role

    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state[context.USER_KEY] = signed_in_as(Role.REVIEWER, username="sam", teams=("South team",))
    at.run()
    at.switch_page("pages/review_with_person.py").run()
    assert at.text_input(key="review_with_person.new.reviewer").value == "Tester"
    assert at.selectbox(key="review_with_person.new.team").value == "South team"
    # An own review started from Reviews counts for their team too.
    at.switch_page("pages/reviews.py").run()
    assert at.selectbox(key="reviews.self_team").value == "South team"
    at.text_input(key="reviews.self_ref").input("EV-0200")
    _click(at, "Start an own review (easy read)")
    own = next(r for r in repo.find(Review) if r.person_ref == "EV-0200")
    assert (own.mode, own.team) == (ReviewMode.SELF, "South team")


def test_gaps_are_counted_next_to_the_send_button_and_the_thanks_shows_only_once(repo: Repository) -> None:
    at = _open("pages/review_with_person.py")
    review = _start_staff_review(at, repo)
    _add(at, review, W, "Sunday dinners")
    _click(at, "Send in the review")
    gaps = [e for e in said(at.error) if e.startswith("Not sent in yet: ")]
    assert len(gaps) == 1 and "still to do" in gaps[0]
    for question, words in ((NW, "Buses"), (F, "A job")):
        _add(at, review, question, words)
    for statement in repo.get(Review, review.id).statements:  # type: ignore[union-attr]
        at.radio(key=f"review_with_person.statements.{review.id}.{statement.id}.priority").set_value(1).run()
    at.radio(key=f"review_with_person.details.{review.id}.consent").set_value("yes").run()
    _click(at, "Send in the review")
    assert repo.get(Review, review.id).status is ReviewStatus.SUBMITTED  # type: ignore[union-attr]
    assert "The review was sent in. Thank you." in said(at.success)
    at.run()  # anything else on the screen, or coming back later: no thank-you again
    assert "The review was sent in. Thank you." not in said(at.success)
    assert any(i.startswith("This review was sent in on ") for i in said(at.info))
