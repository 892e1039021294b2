"""AppTest of the Reviews screen after a review: whether the person would like to come to the workshops,
the actions for the person (added, refused in plain words when incomplete, marked done), and every action
listed for the project."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.ui.press import press as _button
from tests.ui.shown import said
from tests.ui.tables import tables
from wtfc_collect import bootstrap
from wtfc_collect.domain import Review
from wtfc_collect.domain.participation import Come
from wtfc_collect.ui.literal import literal

APP = str(Path(__file__).resolve().parents[3] / "app.py")
REF = "EV-0042"


@pytest.fixture
def review(data_dir: Path) -> Review:
    repo = bootstrap.build_repository()
    project = repo.save(f.project(name="Eastvale home care"))
    review = f.complete_review(project.id, person_ref=REF)
    review.submit(f.NOW)
    return repo.save(review)


def _open() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("pages/reviews.py").run()
    assert not at.exception, at.exception
    return at


def _stored(review: Review) -> Review:
    found = bootstrap.build_repository().get(Review, review.id)
    assert found is not None
    return found



def test_the_workshop_wish_is_saved_on_the_review(review: Review) -> None:
    at = _open()
    # the reference is shown as typed: its signs escaped, never read as Markdown
    assert f"After the review with {literal(REF)}" in [h.value for h in at.header]
    radio = next(r for r in at.radio if r.label == "Would the person like to come to the workshops?")
    radio.set_value(Come.YES)
    next(t for t in at.text_area if t.label.startswith("What would help them")).input("Step-free access")
    _button(at, "Save")
    assert "Saved." in said(at.success)
    stored = _stored(review)
    assert (stored.workshop.come, stored.workshop.access_needs) == (Come.YES, "Step-free access")


def test_an_action_is_added_marked_done_and_listed(review: Review) -> None:
    at = _open()
    _button(at, "Add the action")
    assert "Say what will be done." in said(at.error)
    assert _stored(review).actions == []
    next(t for t in at.text_area if t.label == "What will be done").input("Find a **swimming** group")
    _button(at, "Add the action")
    assert "Say who will do it: a name or a role." in said(at.error)
    next(t for t in at.text_input if t.label == "Who will do it").input("Sam, key worker")
    _button(at, "Add the action")
    assert "Action added." in said(at.success)
    [action] = _stored(review).actions
    assert (action.what, action.who, action.done) == ("Find a **swimming** group", "Sam, key worker", False)
    listed = tables(at)[-1]
    assert listed == [
        {
            "Person": REF,
            "What will be done": "Find a **swimming** group",
            "Who": "Sam, key worker",
            "By when": "",
            "Done": "Not yet",
        }
    ]
    assert "1 still to do, of 1." in said(at.caption)
    _button(at, "Mark done: Find a \\*\\*swimming\\*\\* group")
    assert _stored(review).actions[0].done


def test_a_facilitator_never_sees_the_actions(review: Review) -> None:
    """Facilitators have no Reviews screen, and the use cases refuse them (see the services' tests)."""
    from wtfc_collect.domain.access import Role
    from wtfc_collect.ui.navigation import pages_for

    assert "pages/reviews.py" not in [s.path for specs in pages_for(Role.FACILITATOR).values() for s in specs]
