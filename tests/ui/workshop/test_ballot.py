"""AppTest of the private ballot: on paper slips typed in by the facilitator, and on people's own phones
through the Vote screen with the workshop code (signed out). Results stay hidden until the ballot closes,
then show by perspective."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from accessibility.texts import screen
from tests import factories as f
from tests.factories import demo_project
from tests.ui.shown import said, shown
from tests.ui.tables import tables
from tests.welsh import unknown_words, words
from wtfc_collect import bootstrap
from wtfc_collect.domain.dot_votes import Vote
from wtfc_collect.domain.participation import ParticipantPerspective
from wtfc_collect.domain.private_ballot import Ballot, BallotMode
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context
from wtfc_collect.ui.language import KEY as LANGUAGE_KEY

APP = str(Path(__file__).resolve().parents[3] / "app.py")


@pytest.fixture(scope="module")
def seeded_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ballot")
    demo_project(bootstrap.build_repository(folder), now=f.NOW, reviews=12, workshop=True)
    return folder


@pytest.fixture
def repo(data_dir: Path, seeded_folder: Path) -> Iterator[Repository]:
    shutil.copytree(seeded_folder, data_dir, dirs_exist_ok=True)
    yield bootstrap.build_repository()


def _open(page: str, *, signed_in: bool = True) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if not signed_in:
        del at.session_state[context.USER_KEY]
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _button(at: AppTest, label: str) -> AppTest:
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}: {[b.label for b in at.button]}"
    matches[0].click().run()
    assert not at.exception, at.exception
    return at


def _open_ballot(mode: BallotMode) -> AppTest:
    at = _open("pages/private_ballot.py")
    at.radio(key="private_ballot.mode").set_value(mode)
    return _button(at, "Open the private ballot")


def test_slips_are_typed_in_and_the_results_wait_for_the_close(repo: Repository) -> None:
    at = _open_ballot(BallotMode.SLIPS)
    [ballot] = repo.find(Ballot)
    assert any("The ballot on paper slips is open" in s for s in said(at.success))
    assert "Results by perspective" not in [h.value for h in at.header]
    boxes = [c for c in at.checkbox if c.label in {o.name for o in ballot.options}]
    boxes[0].check()
    boxes[1].check()
    next(r for r in at.radio if r.label == "Perspective written on the slip").set_value(
        ParticipantPerspective.FAMILY
    )
    _button(at, "Save this slip")
    assert "Slip 1 saved." in said(at.success)
    assert "Ballots in: 1." in [str(m.value) for m in at.markdown]
    [slip_a, slip_b] = [v for v in repo.find(Vote) if v.voter == "Slip 1"]
    assert slip_a.perspective is slip_b.perspective is ParticipantPerspective.FAMILY
    for box in [c for c in at.checkbox if c.label in {o.name for o in ballot.options}][:4]:
        box.check()
    _button(at, "Save this slip")
    assert any("has 3 dots but 4 were given" in e for e in said(at.error))
    _button(at, "Close the ballot and show the results")
    assert "Results by perspective" in [h.value for h in at.header]
    results = tables(at)[-1]
    assert "Family member or carer" in results[0] and "Not said" in results[0]
    assert sum(int(row["Family member or carer"]) for row in results) == 2


def test_phones_vote_with_the_workshop_code_without_signing_in(repo: Repository) -> None:
    facilitator = _open_ballot(BallotMode.DEVICES)
    shown = [h.value for h in facilitator.header if h.value.startswith("Workshop code: ")]
    assert shown, [h.value for h in facilitator.header]
    code = shown[0].removeprefix("Workshop code: ")
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert [c.value for c in facilitator.code][-1].endswith("/vote")
    [ballot] = repo.find(Ballot)
    assert code not in ballot.model_dump_json()  # only its hash is kept

    phone = _open("pages/vote.py", signed_in=False)
    assert phone.title[0].value == "Vote"
    phone.text_input(key="vote.code").input("WRNG-CODE")
    _button(phone, "Start")
    assert said(phone.error) == [
        "That code does not open a vote. Check it with the person running the workshop."
    ]
    phone.text_input(key="vote.code").input(code.lower())
    _button(phone, "Start")
    assert "You have 3 dots. Tick up to 3 themes." in [h.value for h in phone.header]
    names = {o.name for o in ballot.options}
    for box in [c for c in phone.checkbox if c.label in names][:2]:
        box.check()
    next(r for r in phone.radio if r.label == "Which of these are you?").set_value(
        ParticipantPerspective.PERSON
    )
    _button(phone, "Send my vote")
    assert "Thank you. Your vote is in." in said(phone.success)
    mine = [v for v in repo.find(Vote) if v.voter.startswith("Phone ")]
    assert len(mine) == 2 and {v.perspective for v in mine} == {ParticipantPerspective.PERSON}
    assert context.USER_KEY not in phone.session_state  # the phone never signed in

    facilitator = _open("pages/private_ballot.py")
    assert "Ballots in: 1." in [str(m.value) for m in facilitator.markdown]
    _button(facilitator, "Close the ballot and show the results")
    phone.run()
    assert "This vote has closed, or its code has changed." in " ".join(said(phone.info))


def _everything_shown(at: AppTest) -> list[str]:
    """Every text on the Vote screen and its sidebar, but the language choice (named in both languages)."""
    texts: list[str] = []
    for part in (at.main, at.sidebar):
        for kind in ("title", "header", "subheader", "markdown", "caption"):
            texts += [shown(e.value) for e in part.get(kind)]
        for kind in ("success", "error", "warning", "info"):
            texts += [shown(e.proto.body) for e in part.get(kind)]
        for kind in ("button", "text_input", "checkbox", "radio", "selectbox", "toggle"):
            texts += [shown(e.proto.label) for e in part.get(kind) if not str(e.key).startswith(LANGUAGE_KEY)]
        for radio in part.get("radio"):
            if not str(radio.key).startswith(LANGUAGE_KEY):
                texts += [str(option) for option in radio.proto.options]
    return [t for t in texts if t.strip()]


def test_the_vote_screen_is_all_welsh_once_cymraeg_is_chosen(repo: Repository) -> None:
    facilitator = _open_ballot(BallotMode.DEVICES)
    code = next(h.value for h in facilitator.header if h.value.startswith("Workshop code: "))
    code = code.removeprefix("Workshop code: ")
    [ballot] = repo.find(Ballot)
    names = [o.name for o in ballot.options]
    cy, messages = screen("vote", "cy"), screen("messages", "cy")

    phone = _open("pages/vote.py", signed_in=False)
    assert phone.title[0].value == "Vote"  # English until Cymraeg is chosen
    assert any(e.proto.body.startswith('<div data-wtfc-lang="en"') for e in phone.main.get("html"))
    phone.radio(key=LANGUAGE_KEY + ".vote").set_value("cy").run()
    assert phone.session_state[LANGUAGE_KEY] == "cy"
    assert phone.title[0].value == cy["title"] == "Pleidleisio"
    assert any(e.proto.body.startswith('<div data-wtfc-lang="cy" ') for e in phone.main.get("html"))
    seen = _everything_shown(phone)
    phone.text_input(key="vote.code").input("WRNG-CODE")
    _button(phone, cy["code_button"])
    assert said(phone.error) == [messages["vote_code_refused"]]
    seen += _everything_shown(phone)
    phone.text_input(key="vote.code").input(code)
    _button(phone, cy["code_button"])
    assert cy["choose"].format(n=3) in [h.value for h in phone.header]
    for box in [c for c in phone.checkbox if c.label in names][:4]:
        box.check()
    _button(phone, cy["send"])
    assert said(phone.error) == [messages["vote_too_many_ticks"].format(n=3)]
    seen += _everything_shown(phone)
    phone.checkbox(key=next(c.key for c in phone.checkbox if c.label == names[3])).uncheck()
    next(r for r in phone.radio if r.label == cy["who_label"]).set_value(ParticipantPerspective.PROVIDER)
    _button(phone, cy["send"])
    assert cy["thanks"] in said(phone.success) and cy["change"] in said(phone.caption)
    seen += _everything_shown(phone)
    assert len([v for v in repo.find(Vote) if v.voter.startswith("Phone ")]) == 3

    facilitator = _open("pages/private_ballot.py")
    _button(facilitator, "Close the ballot and show the results")
    phone.run()
    assert said(phone.info) == [messages["vote_closed"]]
    seen += _everything_shown(phone)
    theirs = frozenset(w for name in names for w in words(name))  # the people's own words on the themes
    english = {text: unknown_words(text, also=theirs) for text in seen if unknown_words(text, also=theirs)}
    assert not english, f"not Welsh on the Vote screen: {english}"
