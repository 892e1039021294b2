"""A real recording in a real Chromium (its fake microphone plays a beep): said out loud on "My review",
then played and written down on "Voice answers to write down"; axe checks both screens with content."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, VoiceAnswer, VoiceStatus

from .conftest import CHROMIUM_ARGS, RunningApp

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


def _button(page: Any, name: str) -> Any:
    return page.get_by_role("button", name=name, exact=True)


def _wait_text(page: Any, text: str) -> None:
    page.get_by_text(text, exact=False).first.wait_for(timeout=20_000)


def _no_axe_violations(page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    violations = Axe().run(page).response["violations"]
    assert violations == [], "\n".join(
        f"{v['id']} [{v['impact']}] {v['help']}: " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in violations
    )


def test_a_recording_is_kept_then_written_down(microphone_browser: Any, app_server: RunningApp) -> None:
    context = microphone_browser.new_context(
        permissions=["microphone"], viewport={"width": 1024, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(app_server.url + "/reviews")
        page.get_by_label("Person reference for the own review").fill("BR-0002")
        _button(page, "Start an own review (easy read)").click()
        _wait_text(page, "Can we use your words?")
        _button(page, "Yes, that is OK").click()
        _wait_text(page, "Question 1 of 3")
        recorder = page.get_by_test_id("stAudioInput")
        recorder.get_by_role("button", name="Record").click()
        page.wait_for_timeout(1500)
        recorder.get_by_role("button", name="Stop recording").click()
        _wait_text(page, "We kept your recording. A member of staff will write it down with you.")
        _button(page, "Take out recording 1").wait_for(timeout=20_000)
        _no_axe_violations(page)

        page.goto(app_server.url + "/voice_answers")
        _wait_text(page, "BR-0002 · What is working?")
        page.locator("audio").first.wait_for(state="attached", timeout=20_000)
        _no_axe_violations(page)
        box = page.get_by_label("What the person said, in their own words")
        box.fill("Going to the pub quiz")
        box.press("Tab")  # Streamlit takes the text when the box loses focus
        _button(page, "Add to the review").click()
        _wait_text(page, "Added to the review of BR-0002.")
    finally:
        context.close()

    repo = bootstrap.build_repository(app_server.data_dir)
    (review,) = [r for r in repo.find(Review) if r.person_ref == "BR-0002"]
    (answer,) = repo.find(VoiceAnswer, review_id=review.id)
    assert answer.status is VoiceStatus.WRITTEN_DOWN and answer.mime == "audio/wav"
    assert answer.seconds is not None and answer.seconds > 0.5
    assert [s.text for s in review.statements_for(Question.WORKING)] == ["Going to the pub quiz"]
