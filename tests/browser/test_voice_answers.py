"""A real recording in a real Chromium (its fake microphone plays a beep): said out loud on "My review"
by a person who opened their own review with a code, then played and written down on "Voice answers to
write down" by the demo reviewer (the review is in their team); axe checks both screens with content."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, VoiceAnswer, VoiceStatus
from wtfc_collect.domain.access import Role

from .conftest import CHROMIUM_ARGS, RunningApp
from .helpers import (
    OWN_REVIEW_TITLE,
    RUN_WATCH,
    TIMEOUT,
    button,
    click,
    nav_links,
    received,
    settle,
    sign_in,
    wait_text,
)

pytestmark = pytest.mark.browser
FAKE_MICROPHONE = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]


@pytest.fixture(scope="module")
def microphone_browser(browser: Any, chromium_path: str) -> Iterator[Any]:
    """A second Chromium from the same Playwright (only one may run per process), with a fake microphone."""
    launched = browser.browser_type.launch(
        executable_path=chromium_path, args=CHROMIUM_ARGS + FAKE_MICROPHONE
    )
    try:
        yield launched
    finally:
        launched.close()


def _no_axe_violations(page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    violations = Axe().run(page).response["violations"]
    assert violations == [], "\n".join(
        f"{v['id']} [{v['impact']}] {v['help']}: " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in violations
    )


@pytest.fixture
def microphone_page(microphone_browser: Any) -> Iterator[Any]:
    """A page allowed to use the (fake) microphone, with the helpers' run watch."""
    context = microphone_browser.new_context(
        permissions=["microphone"], viewport={"width": 1024, "height": 900}
    )
    context.add_init_script(RUN_WATCH)
    context.set_default_timeout(TIMEOUT)
    try:
        yield context.new_page()
    finally:
        context.close()


def _record(page: Any) -> None:
    """On the consent screen: agree, then say the first answer out loud (a beep, 1.5 seconds)."""
    wait_text(page, "Can we use your words?")
    click(page, "Yes, that is OK")
    wait_text(page, "Question 1 of 3")
    recorder = page.get_by_test_id("stAudioInput")
    recorder.get_by_role("button", name="Record").click()
    page.wait_for_timeout(1500)
    recorder.get_by_role("button", name="Stop recording").click()
    wait_text(page, "We kept your recording. A member of staff will write it down with you.")


def test_a_recording_is_kept_then_written_down(microphone_page: Any, app_server: RunningApp) -> None:
    """The reviewer starts the own review and hands the laptop over (staff are signed out of that tab);
    later, signed in again, they write the answer down."""
    page = microphone_page
    page.goto(app_server.url + "/reviews")
    page.wait_for_selector("h1")
    settle(page)
    sign_in(page, Role.REVIEWER)
    page.get_by_label("Person reference for the own review").fill("BR-0002")
    click(page, "Start an own review (easy read)")
    page.get_by_role("heading", name=OWN_REVIEW_TITLE, exact=True).wait_for()
    _record(page)
    button(page, "Take out recording 1").wait_for()
    _no_axe_violations(page)
    # The tab is the person's now: no staff page is offered, and staff sign in again to go on.
    assert set(nav_links(page)) <= {"My review", "Accessibility statement"}, nav_links(page)
    page.goto(app_server.url + "/voice_answers")
    page.wait_for_selector("h1")
    settle(page)
    sign_in(page, Role.REVIEWER)
    page.get_by_role("heading", name="Voice answers to write down", exact=True).wait_for()
    wait_text(page, "BR-0002 · What is working?")
    page.locator("audio").first.wait_for(state="attached")
    _no_axe_violations(page)
    box = page.get_by_label("What the person said, in their own words")
    settle(page)
    before = received(page)
    box.fill("Going to the pub quiz")
    box.press("Tab")  # Streamlit takes the text when the box loses focus
    settle(page, before)
    click(page, "Add to the review")
    wait_text(page, "Added to the review of BR-0002.")

    repo = bootstrap.build_repository(app_server.data_dir)
    (review,) = [r for r in repo.find(Review) if r.person_ref == "BR-0002"]
    (answer,) = repo.find(VoiceAnswer, review_id=review.id)
    assert answer.status is VoiceStatus.WRITTEN_DOWN and answer.mime == "audio/wav"
    assert answer.seconds is not None and answer.seconds > 0.5
    assert [s.text for s in review.statements_for(Question.WORKING)] == ["Going to the pub quiz"]


def test_a_person_signed_in_with_a_code_keeps_and_takes_out_a_recording(
    microphone_page: Any, app_server: RunningApp
) -> None:
    page = microphone_page
    page.goto(f"{app_server.url}/?code={app_server.own_review('BR-0003')}")
    page.get_by_role("heading", name=OWN_REVIEW_TITLE, exact=True).wait_for()
    settle(page)
    _record(page)
    settle(page)
    assert page.get_by_test_id("stException").count() == 0, page.get_by_test_id("stException").inner_text()
    button(page, "Take out recording 1").wait_for(timeout=10_000)
    _no_axe_violations(page)
    click(page, "Take out recording 1")
    assert button(page, "Take out recording 1").count() == 0
    assert page.get_by_test_id("stException").count() == 0
