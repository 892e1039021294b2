"""Typed text shows as typed, on every page, in a real browser: Markdown links, images, bare addresses, bold
and HTML put into every field staff or people type (project, teams, reviewer, statements and their workshop
copy, reasons, checkpoint notes and sign-off, actions, themes, whys, causes, success, measures, ideas,
plans, notes, voter labels, account names) never become a link, an image or formatting anywhere."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from wtfc_collect import bootstrap
from wtfc_collect.domain import (
    MitigationKind,
    Perspective,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Role,
    Theme,
    TriageStatus,
)
from wtfc_collect.domain.checkpoint import Answer, CheckpointQuestion
from wtfc_collect.services import access
from wtfc_collect.services.admin import accounts
from wtfc_collect.services.checkpoint import check_statements, checkpoint
from wtfc_collect.services.collect import codes, reviews
from wtfc_collect.services.prepare import project_setup
from wtfc_collect.services.workshop import card_call, plan, priorities, progress_review, success, understand
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.navigation import pages_for

from .conftest import TEST_PASSWORD, RunningApp
from .helpers import click, follow_link, heading, open_page, received, settle

pytestmark = pytest.mark.browser

HOST = "evil.example"
# Short enough for a label (120) and a voter label (40) to hold the parts that matter.
EVIL = f"[EVL](http://{HOST}/l) ![EVI](http://{HOST}/i.png) http://{HOST}/b **EVS** <b>EVT</b>"
SHORT = f"[EVL](http://{HOST}/l) **EVS** <b>EVT</b>"
ACTOR = "tests"
NO_TYPED_TEXT = (
    "Accessibility statement",
    "Audit log",  # only usernames (which cannot hold markup) and reasons chosen from a list
    "My review",
    "Review with a person",
)
STREAMLIT_TABLES = "[data-testid='stDataFrame'], [data-testid='stTable']"
MARKED_REF = "MARK-0001"  # the review whose details and words hold the markup
OWN_REF = "MARK-0002"  # an own review whose person typed the markup

FOUND = """() => {
  const made = [];
  const where = (e) => {
    const parts = [];
    for (let n = e.parentElement; n && parts.length < 3; n = n.parentElement) {
      const id = n.getAttribute('data-testid');
      if (id) parts.push(id);
    }
    return parts.join(' < ');
  };
  for (const a of document.querySelectorAll('a[href]')) {
    if (a.getAttribute('href').includes('evil.example')) made.push('link in ' + where(a));
  }
  for (const i of document.querySelectorAll('img[src], image, source[src]')) {
    const src = i.getAttribute('src') || i.getAttribute('href') || '';
    if (src.includes('evil.example')) made.push('image in ' + where(i));
  }
  // Formatting made from the markup has eaten its signs; a whole label in bold keeps them as text.
  const eaten = (text) =>
    (text.includes('EVS') && !text.includes('**EVS**')) ||
    (text.includes('EVT') && !text.includes('<b>EVT</b>')) ||
    (text.includes('EVL') && !text.includes('[EVL]'));
  for (const e of document.querySelectorAll('strong, em, b, i, del, s, code')) {
    if (eaten(e.textContent || '')) made.push(e.tagName.toLowerCase() + ' in ' + where(e));
  }
  return made;
}"""


def _own_review(repo: Repository, project_id: str, who: dict[str, Any]) -> str:
    """An own review whose answers hold the markup; returns the code that opens it."""
    own = reviews.start_review(
        repo, project_id, person_ref=OWN_REF, review_date=who["now"].date(), mode=ReviewMode.SELF, **who
    )
    for words in (SHORT, f"{SHORT} again"):
        reviews.record_statement(repo, own.id, question=Question.WORKING, text=words, **who)
    return codes.invite(repo, own.id, **who)[1]


def _fill_everything(repo: Repository) -> str:
    """Put the markup into every kind of typed field of the demo project; returns the code of an own
    review whose answers hold it."""
    now = datetime.now(UTC)
    who: dict[str, Any] = {"actor": ACTOR, "now": now}
    project = project_setup.list_projects(repo)[0]  # this cycle of the demo (the newest)
    project = project_setup.update_project(
        repo,
        project.id,
        {"name": SHORT, "purpose": EVIL, "teams": [*project.teams, SHORT], "areas": [*project.areas, SHORT]},
        expected_revision=project.revision,
        **who,
    )
    drafts = [r for r in repo.find(Review, project_id=project.id) if r.status is ReviewStatus.DRAFT]
    draft = next(r for r in drafts if r.mode is ReviewMode.WITH_STAFF)
    draft = reviews.save_review_details(
        repo, draft.id, {"person_ref": MARKED_REF}, expected_revision=draft.revision, **who
    )
    reviews.save_review_details(
        repo, draft.id, {"reviewer": SHORT, "participants": [SHORT]}, expected_revision=draft.revision, **who
    )
    reviews.record_statement(repo, draft.id, question=Question.WORKING, text=EVIL, **who)
    # A statement that reaches the workshop, with its workshop copy agreed with the person as the markup.
    ready = next(
        (r, s)
        for r, s in check_statements.workshop_statements(repo, project.id)
        if s.question is Question.NOT_WORKING
    )
    check_statements.edit_with_person(repo, ready[0].id, ready[1].id, EVIL, reason=EVIL, **who)
    waiting = check_statements.statements_to_triage(repo, project.id)
    if waiting:
        review, statement = waiting[0]
        check_statements.triage_statement(
            repo, review.id, statement.id, TriageStatus.ASK_AGAIN, reason=EVIL, **who
        )
    for question in CheckpointQuestion:
        checkpoint.answer_checkpoint(repo, project.id, question, Answer.PARTLY, EVIL, **who)
    checkpoint.add_mitigating_action(
        repo,
        project.id,
        {"team": SHORT, "kind": MitigationKind.OTHER, "description": EVIL, "owner": SHORT},
        **who,
    )
    themes = understand.chosen_themes(repo, project.id)
    theme = next(t for t in themes if ready[1].id in t.statement_ids) if themes else None
    if theme is None:  # put the statement's theme forward
        theme = next(t for t in repo.find(Theme, project_id=project.id) if ready[1].id in t.statement_ids)
    card_call.rename_theme(repo, theme.id, f"I {SHORT}", **who)
    for other in repo.find(Theme, project_id=project.id, question=Question.WORKING)[:1]:
        card_call.rename_theme(repo, other.id, f"I {SHORT}", **who)
    ballot = [view.theme.id for view in priorities.ballot(repo, project.id)][:1]
    priorities.record_votes(repo, project.id, SHORT[:40], ballot, **who)
    chain = understand.start_chain(repo, theme.id, EVIL, EVIL, **who)
    understand.set_cause(repo, chain.id, EVIL, **who)
    forward = {c.id for c in understand.forward_causes(repo, theme.id)} | {chain.id}
    understand.take_forward(repo, theme.id, forward, **who)
    statement = success.add_success(
        repo,
        theme.id,
        EVIL,
        root_cause_id=chain.id,
        perspective=Perspective.OTHER,
        perspective_name=SHORT,
        **who,
    )
    measure = success.add_measure(repo, statement.id, EVIL, unit=SHORT, baseline="3", **who)
    progress_review.add_reading(repo, measure.id, 4.0, now.date(), **who)
    idea = plan.add_idea(repo, theme.id, plan.IdeaKind.RADICAL, EVIL, root_cause_id=chain.id, **who)
    plan.record_idea_votes(repo, theme.id, SHORT[:40], {idea.id: 1}, **who)
    plan.set_chosen_ideas(repo, theme.id, [idea.id], **who)
    plan.create_action_plan(
        repo,
        theme.id,
        {
            "title": SHORT,
            "lead": SHORT,
            "idea_ids": [idea.id],
            **dict.fromkeys(("key_features", "first_steps"), EVIL),
        },
        **who,
    )
    progress_review.add_process_note(repo, project.id, False, EVIL, **who)
    accounts.create_account(
        repo,
        username="markup.person",
        display_name=SHORT,
        role=Role.REVIEWER,
        password=TEST_PASSWORD,
        teams=[SHORT],
        **who,
    )
    checkpoint.sign_off_checkpoint(repo, project.id, by=SHORT[:80], **who)
    return _own_review(repo, project.id, who)


@pytest.fixture(scope="module")
def marked_app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from .conftest import _running_app

    with _running_app(tmp_path_factory.mktemp("typed-text") / "data") as app:
        with access.acting_as(access.operator()):
            code = _fill_everything(bootstrap.build_repository(app.data_dir))
        yield app, code


def _made(page: Any) -> list[str]:
    settle(page)
    return list(page.evaluate(FOUND))


def test_no_page_makes_a_link_an_image_or_formatting_from_typed_text(
    browser: Any, marked_app: tuple[RunningApp, str]
) -> None:
    app, _ = marked_app
    page = open_page(browser, app, "", width=1280, height=1000)
    problems: dict[str, list[str]] = {}
    without: list[str] = []  # pages that show no typed text of the project at all
    for section in pages_for(Role.ADMINISTRATOR).values():
        for spec in section:
            if not spec.default:
                follow_link(page, spec.title)
            found = _made(page)
            assert heading(page), spec.title
            # No table of Streamlit's own, whose toolbar offers "Download as CSV" (formulas and all).
            if page.locator(STREAMLIT_TABLES).count():
                found.append("a Streamlit table with a download toolbar")
            if "EVS" not in page.locator("body").inner_text():
                without.append(spec.title)
            if found:
                problems[spec.title] = found
    # The review with the markup in its details and statements, opened from Reviews.
    follow_link(page, "Reviews")
    choice = page.get_by_label("Choose a review to open", exact=True)
    before = received(page)
    choice.click()
    page.keyboard.type(MARKED_REF)
    page.keyboard.press("Enter")
    settle(page, before)
    assert choice.input_value().startswith(MARKED_REF), choice.input_value()
    page.get_by_test_id("stBaseButton-primary").filter(has_text="Open").click()
    page.get_by_role("heading", name="Review with a person", exact=True).wait_for()
    settle(page)
    assert "EVS" in page.locator("body").inner_text()
    if extra := _made(page):
        problems["Review with a person, the review with the markup"] = extra
    follow_link(page, "Golden thread")
    page.get_by_text("A theme", exact=True).click()
    if extra := _made(page):
        problems["Golden thread, from a theme"] = extra
    assert problems == {}, "\n".join(f"{k}: {sorted(set(v))}" for k, v in problems.items())
    # The check is only worth something where the markup is on the page (as text):
    assert sorted(without) == sorted(NO_TYPED_TEXT), without
    page.close()


def test_the_signed_in_name_in_the_sidebar_shows_as_typed(
    browser: Any, marked_app: tuple[RunningApp, str]
) -> None:
    app, _ = marked_app
    page = open_page(browser, app, "", role=None)
    page.get_by_label("Username", exact=True).fill("markup.person")
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    click(page, "Sign in")
    page.get_by_role("button", name="Sign out", exact=True).wait_for(state="attached")
    settle(page)
    assert "EVS" in page.locator("[data-testid='stSidebar']").inner_text()
    assert _made(page) == []
    page.close()


def test_a_persons_own_words_show_as_typed_in_their_own_review(
    browser: Any, marked_app: tuple[RunningApp, str]
) -> None:
    app, code = marked_app
    page = open_page(browser, app, f"?code={code}", role=None)
    page.get_by_role("heading", name="My review", exact=True).wait_for()
    settle(page)
    click(page, "Yes, that is OK")
    page.get_by_text("Question 1 of 3").first.wait_for()
    settle(page)
    assert "EVS" in page.locator("body").inner_text()  # the words are on buttons to pick and remove them
    assert _made(page) == []
    page.close()
