"""AppTest of Who takes part on the demo: the balance by day with its plain warnings, the people invited,
adding someone, replies and who came, the people from the reviews (references only for quality leads),
and the easy-read invitation."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.factories import demo_project
from tests.sessions import signed_in_as
from tests.ui.press import press as _button
from tests.ui.shown import said
from tests.ui.tables import tables
from wtfc_collect import bootstrap
from wtfc_collect.domain import AuditAction, Participant, Review, Role
from wtfc_collect.domain.participation import Come, ParticipantPerspective, Reply
from wtfc_collect.services.workshop import participation
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context

APP = str(Path(__file__).resolve().parents[3] / "app.py")
PAGE = "pages/participation.py"


@pytest.fixture(scope="module")
def seeded_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("participation")
    demo_project(bootstrap.build_repository(folder), now=f.NOW, reviews=16)
    return folder


@pytest.fixture
def repo(data_dir: Path, seeded_folder: Path) -> Iterator[Repository]:
    shutil.copytree(seeded_folder, data_dir, dirs_exist_ok=True)
    yield bootstrap.build_repository()


def _open(role: Role = Role.ADMINISTRATOR) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if role is not Role.ADMINISTRATOR:
        at.session_state[context.USER_KEY] = signed_in_as(role)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at



def test_each_day_shows_its_balance_and_warns_in_plain_words(repo: Repository) -> None:
    at = _open()
    assert at.title[0].value == "Who takes part"
    days = participation.workshop_days(
        repo, participation.participants(repo, _project_id(repo))[0].project_id
    )
    headings = [h.value for h in at.subheader]
    assert any(h.startswith("Day 1: ") for h in headings) and any(h.startswith("Day 2: ") for h in headings)
    first = tables(at)[0]
    assert [row["Perspective"] for row in first] == [
        "Person who uses services",
        "Family member or carer",
        "Staff or provider",
        "Commissioner",
        "Other",
        "Everyone",
    ]
    assert first[-1]["Invited"] == str(len(_invited(repo, days[0])))
    warnings = said(at.warning)
    assert any("Few from this perspective: Commissioners" in w for w in warnings)
    assert any("The guides suggest 25 to 30" in w for w in warnings)
    assert "Judged by who said they are coming." in said(at.caption)


def _project_id(repo: Repository) -> str:
    return repo.find(Review)[0].project_id


def _invited(repo: Repository, day: object) -> list[Participant]:
    return [p for p in repo.find(Participant) if p.place_on(day) is not None]  # type: ignore[arg-type]


def test_someone_is_added_with_a_plain_message_when_a_field_is_missing(repo: Repository) -> None:
    at = _open()
    before = len(repo.find(Participant))
    form = [w for w in at.text_input if w.label == "Name"]
    _button(at, "Add to the list")
    assert said(at.error) == ["Please fill this in."]
    assert len(repo.find(Participant)) == before
    form = [w for w in at.text_input if w.label == "Name"]
    form[0].input("Nkechi <b>Obi</b>")
    next(s for s in at.selectbox if s.label == "Their perspective").set_value(
        ParticipantPerspective.COMMISSIONER
    )
    _button(at, "Add to the list")
    assert "Added to the list." in said(at.success)
    added = repo.find(Participant)[-1]
    assert (added.name, added.perspective) == ("Nkechi <b>Obi</b>", ParticipantPerspective.COMMISSIONER)
    assert len(added.days) == 2  # invited to every day unless told otherwise
    names = [row["Name"] for row in tables(at)[2]]
    assert "Nkechi <b>Obi</b>" in names  # shown as typed


def test_a_reply_and_who_came_save_as_soon_as_they_are_chosen(repo: Repository) -> None:
    at = _open()
    someone = repo.find(Participant)[0]
    day = someone.days[0].day
    key = f"participation.people.{someone.id}.{day.isoformat()}"
    at.selectbox(key=key + ".reply").set_value(Reply.NOT_COMING).run()
    at.selectbox(key=key + ".came").set_value(False).run()
    assert not at.exception, at.exception
    stored = repo.get(Participant, someone.id)
    assert stored is not None and stored.place_on(day) is not None
    place = stored.place_on(day)
    assert place is not None and (place.reply, place.attended) == (Reply.NOT_COMING, False)
    assert "Judged by who came." in said(at.caption)


def test_only_those_who_may_open_reviews_see_who_would_like_to_come(repo: Repository) -> None:
    wanting = [r for r in repo.find(Review) if r.workshop.come in (Come.YES, Come.MAYBE)]
    assert wanting
    lead = _open(Role.QUALITY_LEAD)
    listed = next(t for t in tables(lead) if t and "Would like to come" in t[0])
    assert {row["Person"] for row in listed} == {r.person_ref for r in wanting}
    facilitator = _open(Role.FACILITATOR)
    counts = [m.value for m in facilitator.markdown if str(m.value).startswith("From the reviews:")]
    wishes = participation.wishes(repo, _project_id(repo))
    assert counts == [
        f"From the reviews: {wishes[Come.YES]} would like to come, {wishes[Come.MAYBE]} might, "
        f"{wishes[Come.NO]} would not, and {wishes[Come.NOT_ASKED]} were not asked."
    ]
    assert not any(t and "Would like to come" in t[0] for t in tables(facilitator))
    shown = "\n".join(
        str(e.value) for e in [*facilitator.markdown, *facilitator.caption, *facilitator.get("html")]
    )
    assert not any(r.person_ref in shown for r in repo.find(Review))


def test_the_arrangements_are_saved_and_the_invitation_is_prepared(repo: Repository) -> None:
    at = _open()
    next(w for w in at.text_area if w.label == "Where").input("Riverside centre")
    next(w for w in at.text_input if w.label == "Times").input("10am to 3pm")
    _button(at, "Save the arrangements")
    assert "Saved." in said(at.success)
    assert participation.arrangements(repo, _project_id(repo)).place == "Riverside centre"
    _button(at, "Prepare: the easy-read invitation (Word)")
    assert [d.label for d in at.get("download_button")] == ["Download: the easy-read invitation (Word)"]
    # The invitation can be made in Welsh: chosen beside it, for this document.
    at.radio(key="participation.invitation.language").set_value("cy").run()
    _button(at, "Prepare: the easy-read invitation (Word)")
    assert [d.label for d in at.get("download_button")] == ["Download: the easy-read invitation (Word)"]
    made = Document(io.BytesIO(at.session_state["downloads.workshop_invitation_cy"]))
    assert made.core_properties.language == "cy-GB" and made.paragraphs[0].text == "Dewch i'n gweithdy"
    exports = [e.reason for e in repo.audit_log(_project_id(repo)) if e.action is AuditAction.EXPORT]
    assert exports == ["workshop-invitation", "workshop-invitation (cy)"]


def test_without_workshop_days_the_screen_says_what_to_do_first(data_dir: Path) -> None:
    bootstrap.build_repository().save(f.project())
    at = _open()
    assert "The project has no workshop days yet." in " ".join(said(at.info))
