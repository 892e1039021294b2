"""Codes for a person's own review: easy to read aloud, only a hash kept, one review per code, and refused
once expired, stopped, replaced or withdrawn. A code never reaches another person's review."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from tests import factories as f
from wtfc_collect import bootstrap
from wtfc_collect.domain import AuditAction, DomainError, Invitation, Question, Review, ReviewMode, Role, User
from wtfc_collect.services import access
from wtfc_collect.services.access import AccessDenied
from wtfc_collect.services.collect import codes as invitations
from wtfc_collect.services.collect.codes import ALPHABET, SELF_REVIEW_ACTOR, code_hash, normalise
from wtfc_collect.services.collect.reviews import (
    decline_question,
    find_review,
    get_review,
    list_reviews,
    record_statement,
    save_review_details,
    submit_review,
    withdraw_review,
)
from wtfc_collect.services.collect.voice_answers import record_voice_answer, voice_answers_for_review
from wtfc_collect.storage.port import Repository

NOW = f.NOW
W = Question.WORKING
CONFUSABLE = "0O1IL2Z5S8B"
STAFF = "Tom (reviewer)"


def _own_review(repo: Repository, person_ref: str = "P-001", **overrides: object) -> Review:
    project_id = overrides.pop("project_id", None) or repo.save(f.project()).id
    overrides.setdefault("mode", ReviewMode.SELF)
    return repo.save(f.review(str(project_id), person_ref=person_ref, **overrides))


def _invite(repo: Repository, review: Review, **kwargs: object) -> tuple[Invitation, str]:
    kwargs.setdefault("now", NOW)
    return invitations.invite(repo, review.id, actor=STAFF, **kwargs)  # type: ignore[arg-type]


def _refused(repo: Repository, code: str, now: object = NOW) -> None:
    with pytest.raises(DomainError) as refused:
        invitations.open_with_code(repo, code, now=now)  # type: ignore[arg-type]
    assert refused.value.message == invitations.CODE_REFUSED
    assert refused.value.field == "code"


# --------------------------------------------------------------------------------------------------
# The code itself


def test_codes_are_two_groups_of_four_from_an_alphabet_without_look_alikes() -> None:
    assert not set(ALPHABET) & set(CONFUSABLE)
    assert len(set(ALPHABET)) == len(ALPHABET) >= 20
    pattern = re.compile(rf"[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")
    codes = [invitations.new_code() for _ in range(300)]
    for code in codes:
        assert pattern.fullmatch(code), code
        assert not set(code) & set(CONFUSABLE), code
    assert len(set(codes)) == len(codes)  # random, not a counter
    assert len(set("".join(codes))) > len(ALPHABET) - 3  # the whole alphabet is used


def test_typing_a_code_forgives_case_spaces_and_dashes() -> None:
    assert normalise("km4t-9xpa") == normalise("KM4T 9XPA") == normalise(" Km4T9xPa ") == "KM4T9XPA"
    assert code_hash("km4t 9xpa") == code_hash("KM4T-9XPA") == code_hash("KM4T9XPA")
    assert code_hash("KM4T-9XPA") != code_hash("KM4T-9XPC")
    assert re.fullmatch(r"[0-9a-f]{64}", code_hash("KM4T-9XPA"))


# --------------------------------------------------------------------------------------------------
# Making and opening codes


def test_only_the_hash_of_the_code_is_stored(data_dir: Path) -> None:
    repo = bootstrap.build_repository(data_dir)
    review = _own_review(repo)
    invitation, code = _invite(repo, review)
    assert invitation.code_hash == code_hash(code)
    assert code not in invitation.model_dump_json() and normalise(code) not in invitation.model_dump_json()
    stored = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert invitation.code_hash.encode() in stored
    for form in (code, normalise(code), code.lower()):
        assert form.encode() not in stored


def test_a_code_opens_exactly_that_review_as_a_person_doing_their_own_review(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    invitation, code = _invite(memory_repo, review)
    user = invitations.open_with_code(memory_repo, code, now=NOW + timedelta(days=1))
    assert user == User(
        username=SELF_REVIEW_ACTOR,
        role=Role.SELF_REVIEWER,
        review_id=review.id,
        project_id=review.project_id,
        invitation_id=invitation.id,
    )
    # Typed loosely, it still works; the first use is noted.
    again = invitations.open_with_code(memory_repo, f"  {code.lower().replace('-', ' ')} ", now=NOW)
    assert again.review_id == review.id
    stored = invitations.invitations(memory_repo, review.id)[0]
    assert stored.used_at == NOW + timedelta(days=1)


def test_a_code_stops_working_when_it_expires(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    _, code = _invite(memory_repo, review, days=3)
    invitations.open_with_code(memory_repo, code, now=NOW + timedelta(days=3) - timedelta(seconds=1))
    _refused(memory_repo, code, NOW + timedelta(days=3))
    _refused(memory_repo, code, NOW + timedelta(days=30))
    _, default = _invite(memory_repo, review)
    invitations.open_with_code(memory_repo, default, now=NOW + timedelta(days=invitations.DEFAULT_DAYS - 1))
    _refused(memory_repo, default, NOW + timedelta(days=invitations.DEFAULT_DAYS, seconds=1))


@pytest.mark.parametrize("days", [0, -1, invitations.MAX_DAYS + 1])
def test_a_code_lasts_one_to_ninety_days(memory_repo: Repository, days: int) -> None:
    review = _own_review(memory_repo)
    with pytest.raises(DomainError):
        _invite(memory_repo, review, days=days)
    assert invitations.invitations(memory_repo, review.id) == []


def test_a_stopped_code_is_refused(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    invitation, code = _invite(memory_repo, review)
    revoked = invitations.revoke(memory_repo, review.id, invitation.id, actor=STAFF, now=NOW)
    assert revoked.revoked_at == NOW
    _refused(memory_repo, code)
    # Stopping it twice changes nothing; stopping it through another review is refused.
    assert invitations.revoke(memory_repo, review.id, invitation.id, actor=STAFF, now=NOW) == revoked
    other = _own_review(memory_repo, "P-002")
    invitation2, _ = _invite(memory_repo, other)
    with pytest.raises(DomainError):
        invitations.revoke(memory_repo, review.id, invitation2.id, actor=STAFF, now=NOW)


def test_inviting_again_stops_the_earlier_code(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    first, old = _invite(memory_repo, review)
    _, new = _invite(memory_repo, review, now=NOW + timedelta(hours=1))
    assert old != new
    _refused(memory_repo, old, NOW + timedelta(hours=2))
    assert invitations.open_with_code(memory_repo, new, now=NOW + timedelta(hours=2)).review_id == review.id
    listed = invitations.invitations(memory_repo, review.id)
    assert [i.id for i in listed][1] == first.id  # newest first
    assert listed[1].revoked_at == NOW + timedelta(hours=1) and listed[0].revoked_at is None


def test_a_withdrawn_review_cannot_be_opened_or_invited(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    _, code = _invite(memory_repo, review)
    withdraw_review(memory_repo, review.id, reason="person_asked", actor=STAFF, now=NOW)
    _refused(memory_repo, code)
    with pytest.raises(DomainError, match="withdrawn"):
        _invite(memory_repo, review)


def test_a_wrong_code_is_refused(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    _, code = _invite(memory_repo, review)
    wrong = next(c for c in (invitations.new_code() for _ in range(10)) if normalise(c) != normalise(code))
    for attempt in (wrong, code[:-1], code + "A", "", "----", code.replace("-", "-X"), "' OR 1=1 --"):
        _refused(memory_repo, attempt)
    # Seven wrong codes: fewer than waits begin at, so each was only counted, beside the data.
    assert not [e for e in memory_repo.audit_log() if e.action is AuditAction.SIGN_IN_REFUSED]
    assert invitations.open_with_code(memory_repo, code, now=NOW).review_id == review.id


def test_wrong_codes_from_one_place_wait_and_the_waits_grow(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    _, code = _invite(memory_repo, review)
    for attempt in range(invitations.FROM_ONE_PLACE.free):
        with pytest.raises(DomainError, match="does not open"):
            invitations.open_with_code(memory_repo, f"AAAA-AA{attempt:02d}", now=NOW, source="203.0.113.5")
    with pytest.raises(DomainError, match="Wait 30 seconds"):  # even the right code waits, from there
        invitations.open_with_code(memory_repo, code, now=NOW, source="203.0.113.5")
    assert invitations.open_with_code(memory_repo, code, now=NOW, source="10.0.0.2").review_id == review.id
    refused = [e for e in memory_repo.audit_log() if e.action is AuditAction.SIGN_IN_REFUSED]
    assert [e.reason for e in refused] == ["waits begin for codes from one place"]
    assert "203.0.113.5" not in " ".join(e.model_dump_json() for e in memory_repo.audit_log())


def test_wrong_codes_from_everyone_together_have_a_budget(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    _, code = _invite(memory_repo, review)
    for attempt in range(invitations.EVERYONE.free):  # each from a new place, as a spread-out guesser would
        with pytest.raises(DomainError, match="does not open"):
            invitations.open_with_code(memory_repo, "AAAA-AAAA", now=NOW, source=f"198.51.100.{attempt}")
    with pytest.raises(DomainError, match="Too many wrong codes"):
        invitations.open_with_code(memory_repo, code, now=NOW + timedelta(seconds=5), source="10.9.9.9")
    later = NOW + timedelta(minutes=11)  # the budget is over ten minutes
    assert invitations.open_with_code(memory_repo, code, now=later, source="10.9.9.9").review_id == review.id


def test_a_review_done_with_staff_gets_no_code(memory_repo: Repository) -> None:
    review = _own_review(memory_repo, mode=ReviewMode.WITH_STAFF)
    with pytest.raises(DomainError, match="own"):
        _invite(memory_repo, review)
    assert invitations.invitations(memory_repo, review.id) == []
    with pytest.raises(DomainError, match="could not be found"):
        invitations.invite(memory_repo, "f" * 32, actor=STAFF, now=NOW)


def test_who_may_make_codes(memory_repo: Repository) -> None:
    plan = {
        "target_reviews": 2,
        "team_targets": [{"name": "East", "target": 1}, {"name": "West", "target": 1}],
    }
    project = memory_repo.save(f.project(teams=["East", "West"], sample_plan=plan))
    east = _own_review(memory_repo, "E-1", project_id=project.id, team="East")
    west = _own_review(memory_repo, "W-1", project_id=project.id, team="West")
    with access.acting_as(User(username="rita", role=Role.REVIEWER, teams=("East",))):
        _, code = _invite(memory_repo, east)
        with pytest.raises(AccessDenied):
            _invite(memory_repo, west)
        with pytest.raises(AccessDenied):
            invitations.invitations(memory_repo, west.id)
    for role in (Role.FACILITATOR, Role.SELF_REVIEWER):
        with access.acting_as(User(username="x", role=role, review_id=east.id)), pytest.raises(AccessDenied):
            _invite(memory_repo, east)
    assert invitations.open_with_code(memory_repo, code, now=NOW).review_id == east.id


# --------------------------------------------------------------------------------------------------
# Two people, two codes


def test_each_code_reaches_only_its_own_review(memory_repo: Repository) -> None:
    project_id = memory_repo.save(f.project()).id
    a = _own_review(memory_repo, "A-1", project_id=project_id)
    b = _own_review(memory_repo, "B-1", project_id=project_id)
    _, code_a = _invite(memory_repo, a)
    _, code_b = _invite(memory_repo, b)
    user_a = invitations.open_with_code(memory_repo, code_a, now=NOW)
    user_b = invitations.open_with_code(memory_repo, code_b, now=NOW)
    assert (user_a.review_id, user_b.review_id) == (a.id, b.id)
    with access.acting_as(user_a):
        record_statement(memory_repo, a.id, question=W, text="I love my dog", actor="x", now=NOW)
        # Editing the link: the same session, B's review id.
        for call in (
            lambda: get_review(memory_repo, b.id),
            lambda: find_review(memory_repo, b.id),
            lambda: record_statement(memory_repo, b.id, question=W, text="Hi", actor="x", now=NOW),
            lambda: save_review_details(
                memory_repo, b.id, {"person_ref": "X"}, expected_revision=b.revision, actor="x", now=NOW
            ),
            lambda: decline_question(memory_repo, b.id, W, actor="x", now=NOW),
            lambda: submit_review(memory_repo, b.id, actor="x", now=NOW),
            lambda: voice_answers_for_review(memory_repo, b.id),
            lambda: record_voice_answer(memory_repo, None, b.id, W, f.wav(), actor="x", now=NOW),  # type: ignore[arg-type]
            lambda: invitations.invite(memory_repo, b.id, actor="x", now=NOW),
            lambda: list_reviews(memory_repo, project_id),
        ):
            with pytest.raises(AccessDenied):
                call()
    with access.acting_as(user_b):
        assert get_review(memory_repo, b.id).statements == []
        with pytest.raises(AccessDenied):
            get_review(memory_repo, a.id)
    stored_a = memory_repo.get(Review, a.id)
    assert stored_a is not None and [s.text for s in stored_a.statements] == ["I love my dog"]
    assert memory_repo.get(Review, b.id) == b


# --------------------------------------------------------------------------------------------------
# The audit log


def test_invite_revoke_and_sign_in_are_audited_without_the_code(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    invitation, code = _invite(memory_repo, review)
    invitations.open_with_code(memory_repo, code, now=NOW)
    invitations.revoke(memory_repo, review.id, invitation.id, actor=STAFF, now=NOW)
    _refused(memory_repo, code)
    log = memory_repo.audit_log()
    actions = [(e.action, e.actor, e.record_id) for e in log if e.action is not AuditAction.CREATE]
    assert actions == [
        (AuditAction.INVITE, STAFF, review.id),
        (AuditAction.SIGN_IN, SELF_REVIEW_ACTOR, invitation.id),
        (AuditAction.REVOKE, STAFF, invitation.id),
    ]
    everything = " ".join(e.model_dump_json() for e in log)
    for form in (code, normalise(code), invitation.code_hash):
        assert form not in everything


def test_a_code_stops_working_when_the_review_is_no_longer_an_own_review(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    _, code = _invite(memory_repo, review)
    assert invitations.open_with_code(memory_repo, code, now=NOW).review_id == review.id
    stored = memory_repo.get(Review, review.id)
    assert stored is not None
    memory_repo.save(stored.model_copy(update={"mode": ReviewMode.WITH_STAFF}))
    _refused(memory_repo, code)


def test_a_person_doing_their_own_review_gives_consent_but_cannot_move_it_to_another_team(
    memory_repo: Repository,
) -> None:
    review = _own_review(memory_repo, team="North")
    _, code = _invite(memory_repo, review)
    person = invitations.open_with_code(memory_repo, code, now=NOW)
    consent = {"given": True, "given_by": "person", "recorded_on": NOW.date()}
    with access.acting_as(person):
        saved = save_review_details(
            memory_repo,
            review.id,
            {"consent": consent},
            expected_revision=review.revision,
            actor="me",
            now=NOW,
        )
        assert saved.consent is not None and saved.consent.given
        for change in ({"team": "South"}, {"reviewer": "Someone else"}):
            with pytest.raises(AccessDenied):
                save_review_details(
                    memory_repo, review.id, change, expected_revision=saved.revision, actor="me", now=NOW
                )
    assert memory_repo.get(Review, review.id).team == "North"  # type: ignore[union-attr]


def test_an_open_session_with_a_code_ends_when_the_code_or_the_review_does(memory_repo: Repository) -> None:
    review = _own_review(memory_repo)
    invitation, code = _invite(memory_repo, review)
    user = invitations.open_with_code(memory_repo, code, now=NOW)
    assert invitations.still_open(memory_repo, user, now=NOW) == user
    assert invitations.still_open(memory_repo, user, now=NOW + timedelta(days=15)) is None  # ran out
    invitations.revoke(memory_repo, review.id, invitation.id, actor=STAFF, now=NOW)
    assert invitations.still_open(memory_repo, user, now=NOW) is None  # stopped

    other = _own_review(memory_repo, person_ref="P-002")
    _, second_code = _invite(memory_repo, other)
    person = invitations.open_with_code(memory_repo, second_code, now=NOW)
    _, newer = _invite(memory_repo, other)  # a new code stops the old one
    assert newer and invitations.still_open(memory_repo, person, now=NOW) is None

    third = _own_review(memory_repo, person_ref="P-003")
    _, third_code = _invite(memory_repo, third)
    someone = invitations.open_with_code(memory_repo, third_code, now=NOW)
    withdraw_review(memory_repo, third.id, reason="person_asked", actor=STAFF, now=NOW)
    assert invitations.still_open(memory_repo, someone, now=NOW) is None
    fourth = _own_review(memory_repo, person_ref="P-004")
    _, fourth_code = _invite(memory_repo, fourth)
    live = invitations.open_with_code(memory_repo, fourth_code, now=NOW)
    assert invitations.still_open(memory_repo, live, now=NOW) == live
    forged = live.model_copy(update={"review_id": other.id})  # a code opens its own review only
    assert invitations.still_open(memory_repo, forged, now=NOW) is None
