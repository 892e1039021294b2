"""A private ballot on the "not working" themes: on paper slips typed in by the facilitator, or on people's
own devices with a workshop code. The dots count on the priorities ballot like any others, carry the
voter's perspective, and can be shown by perspective. A code opens only its open ballot, wrong codes are
counted, and a device can do nothing but vote."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.domain import AuditAction, DomainError, Participant
from wtfc_collect.domain.access import Role, User
from wtfc_collect.domain.dot_votes import Vote
from wtfc_collect.domain.participation import ParticipantPerspective as P
from wtfc_collect.domain.private_ballot import Ballot, BallotMode
from wtfc_collect.services import access
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import participation, priorities, private_ballot, vote
from wtfc_collect.storage.port import Repository

ACTOR = "Fran (facilitator)"
LATER = f.NOW + timedelta(minutes=5)


@pytest.fixture
def project_id(memory_repo: Repository) -> str:
    """The demo with its workshop: ten 'not working' themes with cards, and twelve open votes already."""
    return demo_project(memory_repo, now=f.NOW, reviews=12, workshop=True).id


def _themes(repo: Repository, project_id: str) -> list[str]:
    return [view.theme.id for view in priorities.ballot(repo, project_id)]


def test_opening_fixes_the_themes_and_the_dots(memory_repo: Repository, project_id: str) -> None:
    ballot, code = private_ballot.open_ballot(
        memory_repo, project_id, BallotMode.SLIPS, actor=ACTOR, now=f.NOW
    )
    assert code is None and ballot.code_hash is None and ballot.is_open
    assert ballot.target_ids == _themes(memory_repo, project_id)
    assert ballot.dots == priorities.dots_per_person(memory_repo, project_id) == 3
    assert private_ballot.latest_ballot(memory_repo, project_id) == ballot
    with pytest.raises(DomainError, match="open already"):
        private_ballot.open_ballot(memory_repo, project_id, BallotMode.DEVICES, actor=ACTOR, now=f.NOW)


def test_a_ballot_needs_themes_to_vote_on(memory_repo: Repository) -> None:
    bare = memory_repo.save(f.project())
    with pytest.raises(DomainError, match="no 'not working' theme"):
        private_ballot.open_ballot(memory_repo, bare.id, BallotMode.SLIPS, actor=ACTOR, now=f.NOW)


def test_slips_are_numbered_carry_their_perspective_and_count_on_priorities(
    memory_repo: Repository, project_id: str
) -> None:
    themes = _themes(memory_repo, project_id)
    before = {r.view.theme.id: r.dots for r in priorities.results(memory_repo, project_id)}
    ballot, _ = private_ballot.open_ballot(memory_repo, project_id, BallotMode.SLIPS, actor=ACTOR, now=f.NOW)
    first = private_ballot.enter_slip(memory_repo, ballot.id, themes[:2], P.PERSON, actor=ACTOR, now=LATER)
    second = private_ballot.enter_slip(memory_repo, ballot.id, themes[1:4], None, actor=ACTOR, now=LATER)
    assert (first, second) == ("Slip 1", "Slip 2")
    slips = [v for v in memory_repo.find(Vote) if v.voter.startswith("Slip")]
    assert {(v.voter, v.perspective) for v in slips} == {("Slip 1", P.PERSON), ("Slip 2", None)}
    after = {r.view.theme.id: r.dots for r in priorities.results(memory_repo, project_id)}
    assert after[themes[1]] == before[themes[1]] + 2 and after[themes[3]] == before[themes[3]] + 1
    progress = private_ballot.ballot_progress(memory_repo, ballot.id, LATER.date())
    assert (progress.ballots_in, progress.people_here) == (2, None)
    with pytest.raises(InvalidInput, match="has 3 dots but 4"):
        private_ballot.enter_slip(memory_repo, ballot.id, themes[:4], None, actor=ACTOR, now=LATER)
    private_ballot.close_ballot(memory_repo, ballot.id, actor=ACTOR, now=LATER)
    with pytest.raises(DomainError, match="closed"):
        private_ballot.enter_slip(memory_repo, ballot.id, themes[:1], None, actor=ACTOR, now=LATER)


def test_results_by_perspective_count_every_dot_on_the_themes(
    memory_repo: Repository, project_id: str
) -> None:
    themes = _themes(memory_repo, project_id)
    ballot, _ = private_ballot.open_ballot(memory_repo, project_id, BallotMode.SLIPS, actor=ACTOR, now=f.NOW)
    private_ballot.enter_slip(memory_repo, ballot.id, themes[:1], P.COMMISSIONER, actor=ACTOR, now=LATER)
    private_ballot.enter_slip(memory_repo, ballot.id, themes[:2], P.FAMILY, actor=ACTOR, now=LATER)
    found = {r.tally.target_id: r for r in private_ballot.results_by_perspective(memory_repo, project_id)}
    first = found[themes[0]]
    assert first.tally.dots[P.COMMISSIONER] == 1 and first.tally.dots[P.FAMILY] == 1
    totals = {r.view.theme.id: r.dots for r in priorities.results(memory_repo, project_id)}
    assert all(result.tally.total == totals[target] for target, result in found.items())
    assert first.tally.dots.get(None, 0) == totals[themes[0]] - 2  # the open votes gave no perspective


def test_ballots_in_are_compared_with_the_people_recorded_as_here(
    memory_repo: Repository, project_id: str
) -> None:
    day = participation.workshop_days(memory_repo, project_id)[0]
    everyone = [p for p in participation.participants(memory_repo, project_id) if p.place_on(day)]
    for someone in everyone:  # start from nobody recorded (the demo notes who came on its days)
        participation.record_attendance(memory_repo, someone.id, day, None, actor=ACTOR, now=f.NOW)
    here = everyone[:2]
    for someone in here:
        participation.record_attendance(memory_repo, someone.id, day, True, actor=ACTOR, now=f.NOW)
    ballot, _ = private_ballot.open_ballot(memory_repo, project_id, BallotMode.SLIPS, actor=ACTOR, now=f.NOW)
    for _ in range(3):
        private_ballot.enter_slip(
            memory_repo, ballot.id, _themes(memory_repo, project_id)[:1], None, actor=ACTOR, now=LATER
        )
    progress = private_ballot.ballot_progress(memory_repo, ballot.id, day)
    assert (progress.ballots_in, progress.people_here) == (3, 2)
    assert len(memory_repo.find(Participant)) > 2


# --- on people's own devices --------------------------------------------------------------------------------
def _devices(repo: Repository, project_id: str) -> tuple[Ballot, str]:
    ballot, code = private_ballot.open_ballot(repo, project_id, BallotMode.DEVICES, actor=ACTOR, now=f.NOW)
    assert code is not None and ballot.code_hash is not None
    return ballot, code


def test_a_device_joins_with_the_code_and_votes_nobody_signed_in(
    memory_repo: Repository, project_id: str
) -> None:
    ballot, code = _devices(memory_repo, project_id)
    themes = _themes(memory_repo, project_id)
    with access.acting_as(None):  # type: ignore[arg-type]
        ticket = vote.join_ballot(memory_repo, code.lower().replace("-", " "), now=LATER, source="10.0.0.7")
        options, dots = vote.ballot_options(memory_repo, ticket)
        assert [o.target_id for o in options] == themes and dots == 3
        vote.cast_vote(memory_repo, ticket, themes[:3], P.PROVIDER, now=LATER)
        vote.cast_vote(memory_repo, ticket, themes[3:5], P.PROVIDER, now=LATER)  # a change replaces
        assert vote.my_vote(memory_repo, ticket) == (themes[3:5], P.PROVIDER)
        with pytest.raises(InvalidInput, match="Tick up to 3 themes, then send your vote again"):
            vote.cast_vote(memory_repo, ticket, themes[:4], None, now=LATER)
    mine = [v for v in memory_repo.find(Vote) if v.voter == ticket.label]
    assert ticket.label.startswith("Phone ") and {v.target_id for v in mine} == set(themes[3:5])
    progress = private_ballot.ballot_progress(memory_repo, ballot.id, LATER.date())
    assert progress.ballots_in == 1


def test_a_device_is_told_in_ticks_what_to_change(memory_repo: Repository, project_id: str) -> None:
    _, code = _devices(memory_repo, project_id)
    themes = _themes(memory_repo, project_id)
    with access.acting_as(None):  # type: ignore[arg-type]
        ticket = vote.join_ballot(memory_repo, code, now=LATER)
        with pytest.raises(InvalidInput, match="Tick at least one theme, then send your vote") as empty:
            vote.cast_vote(memory_repo, ticket, [], None, now=LATER)
        assert empty.value.field == "dots"
        vote.cast_vote(memory_repo, ticket, themes[:1], None, now=LATER)
        vote.cast_vote(memory_repo, ticket, [], None, now=LATER)  # no ticks now takes the dot back
        assert vote.my_vote(memory_repo, ticket) == ([], None)


def test_two_devices_never_share_a_label(memory_repo: Repository, project_id: str) -> None:
    _, code = _devices(memory_repo, project_id)
    labels = {vote.join_ballot(memory_repo, code, now=LATER).label for _ in range(20)}
    assert len(labels) == 20


def test_a_closed_ballot_or_a_new_code_ends_what_a_device_can_do(
    memory_repo: Repository, project_id: str
) -> None:
    ballot, code = _devices(memory_repo, project_id)
    ticket = vote.join_ballot(memory_repo, code, now=LATER)
    fresh = private_ballot.new_ballot_code(memory_repo, ballot.id, actor=ACTOR, now=LATER)
    assert fresh != code
    with pytest.raises(DomainError, match="closed, or its code has changed"):
        vote.ballot_options(memory_repo, ticket)
    with pytest.raises(DomainError, match="does not open a vote"):
        vote.join_ballot(memory_repo, code, now=LATER)
    again = vote.join_ballot(memory_repo, fresh, now=LATER)
    private_ballot.close_ballot(memory_repo, ballot.id, actor=ACTOR, now=LATER)
    with pytest.raises(DomainError, match="closed"):
        vote.cast_vote(memory_repo, again, _themes(memory_repo, project_id)[:1], None, now=LATER)
    with pytest.raises(DomainError, match="does not open a vote"):
        vote.join_ballot(memory_repo, fresh, now=LATER)


def test_a_slip_ballot_has_no_code_to_join(memory_repo: Repository, project_id: str) -> None:
    ballot, _ = private_ballot.open_ballot(memory_repo, project_id, BallotMode.SLIPS, actor=ACTOR, now=f.NOW)
    with pytest.raises(DomainError, match="Only an open ballot on people's own devices"):
        private_ballot.new_ballot_code(memory_repo, ballot.id, actor=ACTOR, now=f.NOW)


def test_wrong_codes_are_counted_and_then_each_try_waits(memory_repo: Repository, project_id: str) -> None:
    _, code = _devices(memory_repo, project_id)
    for number in range(vote.FROM_ONE_PLACE.free):
        with pytest.raises(DomainError, match="does not open a vote"):
            vote.join_ballot(memory_repo, f"WRNG-{number:04d}", now=LATER, source="10.0.0.9")
    with pytest.raises(DomainError, match="Too many wrong codes") as waiting:
        vote.join_ballot(memory_repo, code, now=LATER, source="10.0.0.9")  # even the right one waits
    assert waiting.value.field == "code"
    assert vote.join_ballot(memory_repo, code, now=LATER, source="10.0.0.10").label  # another place may try
    later = LATER + timedelta(minutes=20)
    assert vote.join_ballot(memory_repo, code, now=later, source="10.0.0.9").label  # the wait ends
    refused = [e for e in memory_repo.audit_log() if e.action is AuditAction.SIGN_IN_REFUSED]
    assert [e.reason for e in refused] == ["waits begin for ballot codes from one place"]
    assert all(code not in e.model_dump_json() for e in memory_repo.audit_log())


def test_a_device_pass_reaches_nothing_but_its_ballot(memory_repo: Repository, project_id: str) -> None:
    """Joining signs nobody in: the services still see no user, so every other use case is refused."""
    _, code = _devices(memory_repo, project_id)
    with access.acting_as(None):  # type: ignore[arg-type]
        vote.join_ballot(memory_repo, code, now=LATER)
        with pytest.raises(access.AccessDenied):
            priorities.results(memory_repo, project_id)
    assert access.roles_of(vote.cast_vote) is None and access.is_entrance(vote.cast_vote)


def test_only_facilitators_run_private_ballots(memory_repo: Repository, project_id: str) -> None:
    with access.acting_as(User(username="pat", role=Role.REVIEWER)), pytest.raises(access.AccessDenied):
        private_ballot.open_ballot(memory_repo, project_id, BallotMode.SLIPS, actor="pat", now=f.NOW)
