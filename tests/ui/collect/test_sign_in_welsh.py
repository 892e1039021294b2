"""Welsh from the code screen on: the language is chosen before the code, every text of the sign-in
screen, the sidebar, the accessibility statement and the messages follow it, and it is kept on the review
so a person who comes back gets their language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from accessibility.texts import screen
from tests import factories as f
from tests.ui.shown import said
from tests.welsh import unknown_words
from wtfc_collect import bootstrap
from wtfc_collect.domain import Project, Review, ReviewMode
from wtfc_collect.domain.access import Role
from wtfc_collect.services.collect import codes
from wtfc_collect.services.collect.reviews import get_review, set_review_language, start_review
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context, language, sign_in
from wtfc_collect.ui.collect.self_review import LANGUAGE

ROOT = Path(__file__).resolve().parents[3]
APP = str(ROOT / "app.py")
CHOICE = language.KEY + ".sign_in"
CY, EN = screen("sign_in", "cy"), screen("sign_in")


@pytest.fixture
def repo(data_dir: Path) -> Repository:
    repository = bootstrap.build_repository()
    repository.save(f.project(name="Cwm Taf"))
    return repository


def _own_review(repo: Repository, person: str) -> tuple[Review, str]:
    project_id = repo.find(Project)[0].id
    now = datetime.now(UTC)
    review = start_review(
        repo, project_id, person_ref=person, review_date=now.date(), mode=ReviewMode.SELF, actor="t", now=now
    )
    _, code = codes.invite(repo, review.id, actor="t", now=now)
    return review, code


def _signed_out() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    del at.session_state[context.USER_KEY]
    return at.run()


def _everything_shown(at: AppTest) -> str:
    """Every text the page and its sidebar show (titles, words, messages, labels and choices)."""
    parts: list[str] = []
    for where in (at.main, at.sidebar):
        for kind in ("title", "header", "subheader", "markdown", "text", "caption"):
            parts += [str(e.value) for e in where.get(kind)]
        for kind in ("success", "error", "warning", "info"):
            parts += said(where.get(kind))
        for kind in ("button", "text_input", "text_area", "checkbox", "radio", "page_link"):
            parts += [str(e.proto.label) for e in where.get(kind)]
        for radio in where.get("radio"):
            parts += [str(option) for option in radio.proto.options]
    return "\n".join(parts)


def _open(at: AppTest, code: str, button: str) -> AppTest:
    at.text_input(key="sign_in.code").input(code)
    next(b for b in at.button if b.label == button).click().run()
    return at


def test_the_code_screen_offers_the_language_first_and_is_all_welsh_once_chosen(repo: Repository) -> None:
    at = _signed_out()
    assert at.main.radio[0].key == CHOICE  # before the code and everything else
    assert at.main.radio[0].label == EN["language_label"] and list(at.main.radio[0].options) == [
        "English",
        "Cymraeg",
    ]
    at.radio(key=CHOICE).set_value("cy").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [CY["title"]]
    shown = _everything_shown(at)
    for key in ("code_heading", "code_help", "code_label", "code_button", "staff_heading", "statement_link"):
        assert CY[key] in shown, key
    assert screen("display", "cy")["size_label"] in shown  # the sidebar too
    assert unknown_words(shown, also=frozenset({"English"})) == [], shown
    assert any(e.proto.body.startswith('<div data-wtfc-lang="cy" ') for e in at.main.get("html"))

    # A wrong code: the message is in Welsh as well.
    _open(at, "AAAA-AAAA", CY["code_button"])
    assert said(at.error) == [screen("messages", "cy")["code_refused"]]
    assert unknown_words(_everything_shown(at), also=frozenset({"English"})) == []


def test_the_language_chosen_before_the_code_opens_the_review_in_welsh_and_is_kept_on_it(
    repo: Repository,
) -> None:
    review, code = _own_review(repo, "CY-0101")
    at = _signed_out()
    at.radio(key=CHOICE).set_value("cy").run()
    _open(at, code, CY["code_button"])
    assert not at.exception, at.exception
    user = at.session_state[context.USER_KEY]
    assert user.role is Role.SELF_REVIEWER and user.review_id == review.id
    assert get_review(repo, review.id).language == "cy"  # kept on the review
    assert [t.value for t in at.title] == [screen("self_review", "cy")["title"]]
    sidebar = _everything_shown(at)
    assert CY["person_signed_in"] in sidebar and CY["sign_out_button"] in sidebar
    assert EN["sign_out_button"] not in [b.label for b in at.sidebar.button]
    assert unknown_words(sidebar, also=frozenset({"English"})) == [], sidebar
    # The person's other page: the accessibility statement, in Welsh too.
    at.switch_page("pages/accessibility_statement.py").run()
    statement = screen("accessibility_statement", "cy")
    assert [t.value for t in at.title] == [statement["title"]]
    assert statement["limits_heading"] in [h.value for h in at.header]
    assert unknown_words(_everything_shown(at), also=frozenset({"English"})) == []


def test_a_person_who_comes_back_gets_the_language_kept_on_their_review(repo: Repository) -> None:
    review, code = _own_review(repo, "CY-0102")
    with_staff = datetime.now(UTC)
    set_review_language(repo, review.id, "cy", actor="t", now=with_staff)
    at = _signed_out()  # a new visit: nothing chosen on this screen
    assert [t.value for t in at.title] == [EN["title"]]
    _open(at, code, EN["code_button"])
    assert at.session_state[LANGUAGE] == "cy"
    assert [t.value for t in at.title] == [screen("self_review", "cy")["title"]]
    assert next(r.label for r in at.main.radio) == CY["language_label"]


def test_choosing_on_the_first_screen_of_the_review_is_kept_on_the_review_too(repo: Repository) -> None:
    review, code = _own_review(repo, "CY-0103")
    at = _signed_out()
    _open(at, code, EN["code_button"])
    assert get_review(repo, review.id).language == "en"
    at.radio(key=LANGUAGE + ".choice").set_value("cy").run()
    assert get_review(repo, review.id).language == "cy"
    # Choosing on the code screen next time (Welsh, then back to English) keeps English on the review.
    again = _signed_out()
    again.radio(key=CHOICE).set_value("cy").run()
    again.radio(key=CHOICE).set_value("en").run()
    _open(again, code, EN["code_button"])
    assert get_review(repo, review.id).language == "en"
    assert [t.value for t in again.title] == [screen("self_review")["title"]]


def test_staff_pages_and_the_staff_sidebar_stay_english_whatever_was_chosen(repo: Repository) -> None:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state[LANGUAGE] = "cy"
    at.run()
    assert screen("display")["size_label"] in [r.label for r in at.sidebar.radio]
    assert EN["sign_out_button"] in [b.label for b in at.sidebar.button]
    at.switch_page("pages/accessibility_statement.py").run()
    assert [t.value for t in at.title] == [screen("accessibility_statement")["title"]]


def test_a_person_signed_out_after_a_while_is_told_so_in_welsh(repo: Repository) -> None:
    _, code = _own_review(repo, "CY-0104")
    at = _signed_out()
    at.radio(key=CHOICE).set_value("cy").run()
    _open(at, code, CY["code_button"])
    idle = timedelta(minutes=sign_in.idle_minutes() + 1)
    at.session_state[sign_in.LAST_SEEN_KEY] = datetime.now(UTC) - idle
    at.run()
    assert [t.value for t in at.title] == [CY["title"]]  # the sign-in screen, still in Welsh
    assert said(at.info) == [CY["timed_out"].format(minutes=sign_in.idle_minutes())]
    assert unknown_words(_everything_shown(at), also=frozenset({"English"})) == []
