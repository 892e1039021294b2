"""Erasing a person: their words, recordings and codes leave every file in the data folder (backups too),
their statements leave the themes, and only a content-free audit entry remains."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from tests import factories as f
from wtfc_collect import bootstrap
from wtfc_collect.domain import (
    AuditAction,
    Consent,
    DomainError,
    ErasureReason,
    Invitation,
    Question,
    Review,
    ReviewMode,
    Role,
    Speaker,
    TriageStatus,
    User,
    VoiceAnswer,
)
from wtfc_collect.domain.theme import CardCall, Theme
from wtfc_collect.services import access
from wtfc_collect.services.access import AccessDenied
from wtfc_collect.services.admin.backup import backup_store
from wtfc_collect.services.admin.erasure import erase_person
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.collect import codes
from wtfc_collect.services.collect.reviews import get_review, record_statement, set_priority, submit_review
from wtfc_collect.services.collect.voice_answers import record_voice_answer
from wtfc_collect.services.workshop import card_call
from wtfc_collect.storage.port import Recordings, Repository

NOW = f.NOW
LATER = NOW + timedelta(days=2)
W, NW, FU = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
SECRET = "Zebracorn marmalade Tuesday"  # noqa: S105 (not a password)
PERSON_REF = "QX-ZEBRA-4471"
OTHER_WORDS = "Going to the allotment with Bill"
REASON = ErasureReason.ASKED_TO_BE_FORGOTTEN
QUINN = User(username="quinn", role=Role.QUALITY_LEAD, display_name="Quinn")


@dataclass
class Scene:
    repo: Repository
    recordings: Recordings
    data_dir: Path
    review: Review
    other: Review
    secret_id: str
    answer: VoiceAnswer
    code: str
    invitation: Invitation
    theme: Theme


def _words(repo: Repository, review: Review, texts: dict[Question, tuple[str, str]]) -> Review:
    for question, pair in texts.items():
        for place, text in enumerate(pair, start=1):
            _, statement = record_statement(
                repo, review.id, question=question, text=text, said_by=Speaker.PERSON, actor="x", now=NOW
            )
            set_priority(repo, review.id, statement.id, place, actor="x", now=NOW)  # type: ignore[arg-type]
    submit_review(repo, review.id, actor="x", now=NOW)
    submitted = get_review(repo, review.id)
    for statement in submitted.statements:
        check_statements.triage_statement(
            repo, review.id, statement.id, TriageStatus.ACCEPTED, actor="Q", now=NOW
        )
        check_statements.confirm_workshop_text(
            repo, review.id, statement.id, statement.text, actor="Q", now=NOW
        )
    return get_review(repo, review.id)


@pytest.fixture
def scene(data_dir: Path) -> Scene:
    repo = bootstrap.build_repository(data_dir)
    recordings = bootstrap.build_recordings(data_dir)
    project = repo.save(f.project())
    consent = Consent(given=True, recorded_on=f.TODAY)
    review = repo.save(f.review(project.id, person_ref=PERSON_REF, mode=ReviewMode.SELF, consent=consent))
    other = repo.save(f.review(project.id, person_ref="P-OTHER", consent=consent))
    answer = record_voice_answer(repo, recordings, review.id, FU, f.wav(0.4, tone=440), actor="x", now=NOW)
    invitation, code = codes.invite(repo, review.id, actor="Tom", now=NOW)
    review = _words(
        repo,
        review,
        {W: (SECRET, "My sister visits"), NW: ("The bus is late", "Carers change"), FU: ("Swim", "Travel")},
    )
    other = _words(
        repo,
        other,
        {W: (OTHER_WORDS, "Singing"), NW: ("Nobody rings", "Cold food"), FU: ("See the sea", "A job")},
    )
    secret_id = next(s.id for s in review.statements if s.text == SECRET)
    other_id = next(s.id for s in other.statements if s.text == OTHER_WORDS)
    theme = card_call.start_theme(
        repo, project.id, W, secret_id, "I like getting out and about", actor="F", now=NOW
    )
    card_call.place_card(repo, project.id, W, other_id, theme.id, actor="F", now=NOW)
    backup_store(repo, bootstrap.backup_dir(data_dir), actor="test admin", now=NOW)
    return Scene(repo, recordings, data_dir, review, other, secret_id, answer, code, invitation, theme)


def _files(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.rglob("*")) if p.is_file()]


def _holding(folder: Path, text: str) -> list[str]:
    needle = text.encode("utf-8")
    return [str(p.relative_to(folder)) for p in _files(folder) if needle in p.read_bytes()]


def _erase(scene: Scene, reason: str = REASON) -> None:
    with access.acting_as(QUINN):
        erase_person(
            scene.repo,
            scene.recordings,
            scene.review.id,
            reason=reason,
            backups=bootstrap.backup_dir(scene.data_dir),
            actor="quinn",
            now=LATER,
        )


def test_the_scene_really_has_the_person_everywhere_before(scene: Scene) -> None:
    """Without this the test below could pass on an empty folder."""
    assert {"wtfc.json"} <= set(_holding(scene.data_dir, SECRET))
    assert any(name.startswith("backups/") for name in _holding(scene.data_dir, SECRET))
    assert any(name.startswith("backups/") for name in _holding(scene.data_dir, PERSON_REF))
    assert _holding(scene.data_dir, scene.invitation.code_hash)
    assert scene.recordings.get(scene.review.id, scene.answer.id) is not None
    assert any(scene.review.id in str(p) for p in _files(scene.data_dir / "recordings"))
    stored_theme = scene.repo.get(Theme, scene.theme.id)
    assert stored_theme is not None and scene.secret_id in stored_theme.statement_ids


def test_erasing_a_person_leaves_nothing_of_theirs_in_any_file(scene: Scene) -> None:
    _erase(scene)
    for text in (
        SECRET,
        PERSON_REF,
        scene.code,
        codes.normalise(scene.code),
        scene.invitation.code_hash,
    ):
        assert _holding(scene.data_dir, text) == [], text
    # The recording's file has gone, and so has its folder's content.
    assert scene.recordings.get(scene.review.id, scene.answer.id) is None
    assert not [p for p in _files(scene.data_dir / "recordings") if scene.review.id in str(p)]
    assert not [p for p in _files(scene.data_dir) if f.wav(0.4, tone=440)[44:2000] in p.read_bytes()]
    # Someone else's words are all still there, in the store and in the backup.
    assert "wtfc.json" in _holding(scene.data_dir, OTHER_WORDS)
    assert any(name.startswith("backups/") for name in _holding(scene.data_dir, OTHER_WORDS))


def test_erasing_removes_the_records_and_takes_the_statement_off_the_themes(scene: Scene) -> None:
    _erase(scene)
    for repo in (scene.repo, bootstrap.build_repository(scene.data_dir)):  # also as read afresh from disk
        assert repo.get(Review, scene.review.id) is None
        assert repo.find(VoiceAnswer, review_id=scene.review.id) == []
        assert repo.get(VoiceAnswer, scene.answer.id) is None
        assert repo.find(Invitation, review_id=scene.review.id) == []
        theme = repo.get(Theme, scene.theme.id)
        assert theme is not None and scene.secret_id not in theme.statement_ids
        assert len(theme.statement_ids) == 1  # the other person's card stays
        for call in repo.find(CardCall):
            assert scene.secret_id not in {m.statement_id for m in call.moves}
            assert scene.secret_id not in call.parked_statement_ids
        assert repo.get(Review, scene.other.id) == scene.other
    # The code no longer opens anything.
    with pytest.raises(DomainError):
        codes.open_with_code(scene.repo, scene.code, now=LATER)


def test_one_content_free_erase_entry_is_left(scene: Scene) -> None:
    _erase(scene)
    entries = [e for e in scene.repo.audit_log(scene.review.id) if e.action is AuditAction.ERASE]
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.actor, entry.reason, entry.record_kind, entry.at) == ("quinn", REASON, "review", LATER)
    everything = " ".join(e.model_dump_json() for e in scene.repo.audit_log())
    assert SECRET not in everything and PERSON_REF not in everything


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.FACILITATOR, Role.SELF_REVIEWER])
def test_only_quality_leads_and_administrators_can_erase(scene: Scene, role: Role) -> None:
    user = User(username="x", role=role, teams=("North team",), review_id=scene.review.id)
    with access.acting_as(user), pytest.raises(AccessDenied):
        erase_person(
            scene.repo, scene.recordings, scene.review.id, reason=REASON, backups=None, actor="x", now=LATER
        )
    assert scene.repo.get(Review, scene.review.id) is not None
    assert scene.recordings.get(scene.review.id, scene.answer.id) is not None
    assert "wtfc.json" in _holding(scene.data_dir, SECRET)


@pytest.mark.parametrize("reason", ["", "   ", "Mr Jones asked by phone on 07700 900123"])
def test_a_reason_from_the_list_is_needed(scene: Scene, reason: str) -> None:
    with pytest.raises(DomainError) as refused:
        _erase(scene, reason)
    assert refused.value.field == "reason"
    assert scene.repo.get(Review, scene.review.id) is not None
    assert scene.repo.find(Invitation, review_id=scene.review.id)
    assert scene.recordings.get(scene.review.id, scene.answer.id) is not None
