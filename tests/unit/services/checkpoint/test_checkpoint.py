"""The half-way checkpoint use cases: the quality overview, filters, days left, the three questions and
sign-off, and the actions agreed per team."""

from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

import pytest

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.demo.project import POOR_REVIEWER, POOR_TEAM
from wtfc_collect.domain import AuditAction, Consent, DomainError, Question, Review, ReviewStatus, Speaker
from wtfc_collect.domain.checkpoint import Answer, Checkpoint, CheckpointQuestion, MitigatingAction
from wtfc_collect.quality import FlagKind
from wtfc_collect.services.checkpoint import checkpoint
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.collect.voice_answers import record_voice_answer
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.storage.port import Repository
from wtfc_collect.storage.recordings import MemoryRecordings

LEAD = "Ann (quality lead)"
W, NW, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE
REFLECTS, OWN_WORDS, USABLE = CheckpointQuestion
JARGON = "Service user requires support to access community activities"
GOOD = "I love going to the allotment with my brother on Sundays"


def _project(repo: Repository) -> str:
    return repo.save(f.project()).id


# Three people's own words, one statement per question each, nothing alike.
WORDS = {
    "P-1": ("Sunday dinners at my sister's", "The bus never comes on time", "I want to try swimming"),
    "P-2": ("My cat Smudge keeps me company", "Nobody rings before they visit", "Learning to cook curry"),
    "P-3": ("Singing in the choir", "I can't reach the top shelves", "Seeing the sea again"),
}


def _sent_in(repo: Repository, project_id: str, *extra: tuple[Question, str], **details: object) -> Review:
    """A review sent in with one statement per question as the first choice, and ``extra`` ones second."""
    ref = str(details.pop("person_ref", "P-1"))
    review = f.review(project_id, person_ref=ref, consent=Consent(given=True, recorded_on=f.TODAY), **details)
    for question, text in zip(Question, WORDS[ref], strict=True):
        review.set_priority(review.add_statement(question, text, Speaker.PERSON, f.NOW).id, 1, f.NOW)
    for question, text in extra:
        review.set_priority(review.add_statement(question, text, Speaker.PERSON, f.NOW).id, 2, f.NOW)
    review.submit(f.NOW)
    return repo.save(review)


@pytest.fixture
def demo(memory_repo: Repository) -> tuple[Repository, str]:
    project = demo_project(memory_repo, now=f.NOW, reviews=40)
    return memory_repo, project.id


# --- the overview on the demo project ---------------------------------------------------------------------
def test_overview_counts_every_statement_of_reviews_not_withdrawn(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    reviews = repo.find(Review, project_id=project_id)
    kept = [r for r in reviews if r.status is not ReviewStatus.WITHDRAWN]
    assert len(kept) < len(reviews)  # the demo has withdrawn reviews
    overview = checkpoint.quality_overview(repo, project_id)
    assert overview.statements == sum(len(r.statements) for r in kept)
    assert overview.flagged == len(overview.rows) > 0
    assert overview.percent == round(100 * overview.flagged / overview.statements)
    withdrawn_ids = {s.id for r in reviews if r.status is ReviewStatus.WITHDRAWN for s in r.statements}
    assert not withdrawn_ids & {row.statement_id for row in overview.rows}
    assert all(any(flag.strong for flag in row.flags) for row in overview.rows)


def test_overview_finds_every_kind_of_planted_problem(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    overview = checkpoint.quality_overview(repo, project_id)
    for kind in ("jargon", "third_person", "service", "vague", "personal_data"):
        assert overview.by_kind.get(kind, 0) > 0, kind
    counts = list(overview.by_kind.values())
    assert counts == sorted(counts, reverse=True)
    for kind, count in overview.by_kind.items():
        assert count == sum(kind in row.kinds for row in overview.rows), kind


def test_overview_traces_poor_practice_to_its_team_and_reviewer(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    overview = checkpoint.quality_overview(repo, project_id)
    assert overview.by_team[0].name == POOR_TEAM
    assert overview.by_team[0].percent > max(s.percent for s in overview.by_team[1:])
    assert overview.by_reviewer[0].name == POOR_REVIEWER
    percents = [s.percent for s in overview.by_team]
    assert percents == sorted(percents, reverse=True)
    for shares in (overview.by_team, overview.by_reviewer):
        assert sum(s.statements for s in shares) == overview.statements
        assert sum(s.flagged for s in shares) == overview.flagged
    assert "(not set)" in {s.name for s in overview.by_reviewer}  # the self-reviews


def test_overview_of_an_unknown_project_is_refused(memory_repo: Repository) -> None:
    with pytest.raises(DomainError):
        checkpoint.quality_overview(memory_repo, "0" * 32)


# --- the overview on reviews built for the test -------------------------------------------------------------
def test_copied_statements_are_counted_per_team_and_reviewer(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    copied = "Staff support me to maintain my independence and access the community"
    _sent_in(memory_repo, project_id, (F, copied), person_ref="P-1", team="North team", reviewer="Tom")
    _sent_in(memory_repo, project_id, (F, copied), person_ref="P-2", team="North team", reviewer="Tom")
    _sent_in(memory_repo, project_id, (F, GOOD), person_ref="P-3", team="South team", reviewer="Amira")
    overview = checkpoint.quality_overview(memory_repo, project_id)
    teams = {s.name: s for s in overview.by_team}
    reviewers = {s.name: s for s in overview.by_reviewer}
    assert (teams["North team"].copied, teams["South team"].copied) == (2, 0)
    assert (reviewers["Tom"].copied, reviewers["Amira"].copied) == (2, 0)
    copied_rows = [r for r in overview.rows if r.text == copied]
    assert len(copied_rows) == 2
    assert all("duplicate" in r.kinds and not r.own_words for r in copied_rows)
    assert overview.by_team[0].name == "North team"


def test_flagged_rows_say_where_the_words_came_from(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    review = _sent_in(memory_repo, project_id, (NW, JARGON), person_ref="P-3", team="South team")
    overview = checkpoint.quality_overview(memory_repo, project_id)
    assert overview.statements == 4 and overview.flagged == 1
    [row] = overview.rows
    assert (row.review_id, row.person_ref, row.team, row.reviewer, row.question, row.text) == (
        review.id,
        "P-3",
        "South team",
        "(not set)",
        NW,
        JARGON,
    )
    assert row.statement_id == review.statements_for(NW)[-1].id
    assert row.priority == 2 and not row.own_words
    assert "jargon" in row.kinds


def test_a_relatives_story_is_flagged_unless_recorded_as_said_by_family(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    story = "My mum is 92 now and has had two falls since Christmas."
    review = _sent_in(memory_repo, project_id, (NW, story))
    [row] = checkpoint.quality_overview(memory_repo, project_id).rows
    assert row.text == story and "third_person" in row.kinds
    statement = review.statements_for(NW)[-1]
    review.set_speaker(statement.id, Speaker.FAMILY_OR_CARER, by="lead", now=f.NOW, reason="said by her son")
    memory_repo.save(review)
    assert checkpoint.quality_overview(memory_repo, project_id).rows == []


def test_withdrawn_review_leaves_the_overview(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    review = _sent_in(memory_repo, project_id, (NW, JARGON))
    assert checkpoint.quality_overview(memory_repo, project_id).flagged == 1
    withdraw_review(memory_repo, review.id, reason="person_asked", actor=LEAD, now=f.NOW)
    overview = checkpoint.quality_overview(memory_repo, project_id)
    assert (overview.statements, overview.flagged, overview.rows, overview.by_team) == (0, 0, [], [])
    assert overview.percent == 0


def _draft(repo: Repository, project_id: str, ref: str, *, choose_future: bool = True) -> Review:
    review = f.review(project_id, person_ref=ref, consent=Consent(given=True, recorded_on=f.TODAY))
    for question in (W, NW):
        review.set_priority(
            review.add_statement(question, f"{ref} {question.value}", Speaker.PERSON, f.NOW).id, 1, f.NOW
        )
    future = review.add_statement(F, "I want to learn to cook", Speaker.PERSON, f.NOW)
    if choose_future:
        review.set_priority(future.id, 1, f.NOW)
    return repo.save(review)


def test_drafts_missing_the_persons_top_choices_are_listed(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    missing = _draft(memory_repo, project_id, "D-1", choose_future=False)
    _draft(memory_repo, project_id, "D-2")  # complete: not listed
    no_consent = f.review(project_id, person_ref="D-3")  # only consent missing: not a choices problem
    for question in Question:
        no_consent.set_priority(
            no_consent.add_statement(question, "I like my flat", Speaker.PERSON, f.NOW).id, 1, f.NOW
        )
    memory_repo.save(no_consent)
    declined = f.review(project_id, person_ref="D-4", team="South team")  # chose not to answer: fine
    for question in (W, NW):
        declined.set_priority(declined.add_statement(question, "Tea", Speaker.PERSON, f.NOW).id, 1, f.NOW)
    declined.decline(F, f.NOW)
    memory_repo.save(declined)
    _sent_in(memory_repo, project_id, (F, GOOD))  # sent in: never listed
    overview = checkpoint.quality_overview(memory_repo, project_id)
    assert overview.missing_priorities == [(missing.id, "D-1", "North team")]


def test_a_draft_answered_only_by_voice_counts_as_answered(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    review = f.review(project_id, person_ref="V-1", consent=Consent(given=True, recorded_on=f.TODAY))
    for question in (W, NW):
        review.set_priority(review.add_statement(question, "My cat", Speaker.PERSON, f.NOW).id, 1, f.NOW)
    review = memory_repo.save(review)
    assert checkpoint.quality_overview(memory_repo, project_id).missing_priorities == [
        (review.id, "V-1", "North team")
    ]
    record_voice_answer(memory_repo, MemoryRecordings(), review.id, F, f.wav(), actor=LEAD, now=f.NOW)
    assert checkpoint.quality_overview(memory_repo, project_id).missing_priorities == []


# --- filters and days left --------------------------------------------------------------------------------
def test_filter_flagged_by_team_kind_and_reviewer(demo: tuple[Repository, str]) -> None:
    repo, project_id = demo
    rows = checkpoint.quality_overview(repo, project_id).rows
    assert checkpoint.filter_flagged(rows) == rows
    poor = checkpoint.filter_flagged(rows, team=POOR_TEAM)
    assert poor and len(poor) < len(rows) and {r.team for r in poor} == {POOR_TEAM}
    jargon = checkpoint.filter_flagged(rows, kind=FlagKind.JARGON)
    assert jargon and all("jargon" in r.kinds for r in jargon)
    assert len(jargon) == sum("jargon" in r.kinds for r in rows)
    toms = checkpoint.filter_flagged(rows, reviewer=POOR_REVIEWER)
    assert toms and {r.reviewer for r in toms} == {POOR_REVIEWER}
    both = checkpoint.filter_flagged(rows, team=POOR_TEAM, kind=FlagKind.THIRD_PERSON, reviewer=POOR_REVIEWER)
    assert both == [r for r in toms if "third_person" in r.kinds]
    assert checkpoint.filter_flagged(rows, team="Nobody's team") == []


def test_a_filtered_list_asked_again_is_the_same_and_a_new_list_never_gets_an_old_answer(
    demo: tuple[Repository, str],
) -> None:
    repo, project_id = demo
    rows = checkpoint.quality_overview(repo, project_id).rows
    first = checkpoint.filter_flagged(rows, team=POOR_TEAM)
    first.clear()  # a caller changing its answer changes nothing kept
    assert checkpoint.filter_flagged(rows, team=POOR_TEAM) == [r for r in rows if r.team == POOR_TEAM]
    for _ in range(20):  # lists made and dropped: a new one may get a gone one's id()
        fewer = [r for r in rows if r.team != POOR_TEAM]
        assert checkpoint.filter_flagged(fewer, team=POOR_TEAM) == []
        del fewer


def test_filter_by_kind_ignores_soft_notes(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    _sent_in(memory_repo, project_id, (NW, "Service user requires support since 3 June 2024"))
    [row] = checkpoint.quality_overview(memory_repo, project_id).rows
    soft = [flag for flag in row.flags if not flag.strong]
    assert FlagKind.PERSONAL_DATA in {flag.kind for flag in soft}  # the date: a soft note only
    assert row.kinds == ["jargon", "third_person"]
    assert checkpoint.filter_flagged([row], kind=FlagKind.JARGON) == [row]
    assert checkpoint.filter_flagged([row], kind=FlagKind.PERSONAL_DATA) == []


def test_days_left_to_the_checkpoint_and_the_next_workshop() -> None:
    today = date(2026, 5, 1)
    workshops = [date(2026, 4, 20), date(2026, 6, 1), date(2026, 5, 15)]
    assert checkpoint.days_left(date(2026, 5, 8), workshops, today) == (7, 14)
    assert checkpoint.days_left(None, workshops, today) == (None, 14)
    assert checkpoint.days_left(date(2026, 5, 8), [date(2026, 4, 20)], today) == (7, None)  # only past ones
    assert checkpoint.days_left(None, [], today) == (None, None)
    assert checkpoint.days_left(today, [today], today) == (0, 0)
    assert checkpoint.days_left(date(2026, 4, 28), [], today) == (-3, None)  # the checkpoint has passed


# --- the three questions and sign-off -----------------------------------------------------------------------
def test_a_new_checkpoint_is_not_stored_until_answered(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    fresh = checkpoint.get_checkpoint(memory_repo, project_id)
    assert (fresh.project_id, fresh.answers, fresh.signed, fresh.revision) == (project_id, [], False, 0)
    assert memory_repo.find(Checkpoint) == []


def test_answers_are_stored_replaced_and_audited(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    checkpoint.answer_checkpoint(
        memory_repo, project_id, OWN_WORDS, Answer.NO, "first look", actor=LEAD, now=f.NOW
    )
    later = f.NOW + timedelta(hours=2)
    saved = checkpoint.answer_checkpoint(
        memory_repo, project_id, OWN_WORDS, Answer.PARTLY, "North team only", actor=LEAD, now=later
    )
    [stored] = memory_repo.find(Checkpoint, project_id=project_id)
    assert stored == saved
    assert [(a.question, a.answer, a.notes) for a in stored.answers] == [
        (OWN_WORDS, Answer.PARTLY, "North team only")
    ]
    log = memory_repo.audit_log(stored.id)
    assert [(e.action, e.actor, e.reason) for e in log] == [
        (AuditAction.EDIT, LEAD, "answered own_words"),
        (AuditAction.EDIT, LEAD, "answered own_words"),
    ]


def test_over_long_notes_give_a_plain_error_and_keep_the_answer(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    checkpoint.answer_checkpoint(memory_repo, project_id, USABLE, Answer.YES, "fine", actor=LEAD, now=f.NOW)
    with pytest.raises(InvalidInput) as caught:
        checkpoint.answer_checkpoint(
            memory_repo, project_id, USABLE, Answer.NO, "x" * 4001, actor=LEAD, now=f.NOW
        )
    assert caught.value.field == "notes"
    assert "4000" in caught.value.message and "validation" not in caught.value.message.lower()
    answer = checkpoint.get_checkpoint(memory_repo, project_id).answer(USABLE)
    assert answer is not None and answer.answer is Answer.YES


def _answer_all(repo: Repository, project_id: str) -> None:
    for question in CheckpointQuestion:
        checkpoint.answer_checkpoint(repo, project_id, question, Answer.YES, "", actor=LEAD, now=f.NOW)


def test_sign_off_is_stored_with_name_and_time(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    _answer_all(memory_repo, project_id)
    checkpoint.sign_off_checkpoint(memory_repo, project_id, by="Ann Lead", actor=LEAD, now=f.NOW)
    stored = checkpoint.get_checkpoint(memory_repo, project_id)
    assert (stored.signed_by, stored.signed_at) == ("Ann Lead", f.NOW)
    assert memory_repo.audit_log(stored.id)[-1].reason == "checkpoint signed off"


def test_sign_off_needs_a_name_and_every_answer(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    checkpoint.answer_checkpoint(memory_repo, project_id, REFLECTS, Answer.YES, "", actor=LEAD, now=f.NOW)
    with pytest.raises(DomainError) as no_name:
        checkpoint.sign_off_checkpoint(memory_repo, project_id, by="  ", actor=LEAD, now=f.NOW)
    assert no_name.value.field == "signed_by"
    with pytest.raises(DomainError) as unanswered:
        checkpoint.sign_off_checkpoint(memory_repo, project_id, by="Ann Lead", actor=LEAD, now=f.NOW)
    assert OWN_WORDS.label in unanswered.value.message and USABLE.label in unanswered.value.message
    with pytest.raises(InvalidInput) as too_long:
        _answer_all(memory_repo, project_id)
        checkpoint.sign_off_checkpoint(memory_repo, project_id, by="A" * 81, actor=LEAD, now=f.NOW)
    assert too_long.value.field == "signed_by"
    assert not checkpoint.get_checkpoint(memory_repo, project_id).signed


def test_changing_an_answer_withdraws_the_stored_sign_off(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    _answer_all(memory_repo, project_id)
    checkpoint.sign_off_checkpoint(memory_repo, project_id, by="Ann Lead", actor=LEAD, now=f.NOW)
    checkpoint.answer_checkpoint(memory_repo, project_id, USABLE, Answer.YES, "", actor=LEAD, now=f.NOW)
    assert checkpoint.get_checkpoint(memory_repo, project_id).signed  # the same answer again changes nothing
    checkpoint.answer_checkpoint(
        memory_repo, project_id, USABLE, Answer.NO, "cards unreadable", actor=LEAD, now=f.NOW
    )
    stored = checkpoint.get_checkpoint(memory_repo, project_id)
    assert (stored.signed_by, stored.signed_at) == (None, None)
    assert memory_repo.audit_log(stored.id)[-1].reason == "answered usable; sign-off withdrawn"
    with pytest.raises(DomainError):  # still all answered, so it can be signed again
        checkpoint.sign_off_checkpoint(memory_repo, project_id, by="", actor=LEAD, now=f.NOW)
    checkpoint.sign_off_checkpoint(memory_repo, project_id, by="Ann Lead", actor=LEAD, now=f.NOW)
    assert checkpoint.get_checkpoint(memory_repo, project_id).signed


# --- mitigating actions -------------------------------------------------------------------------------------
def _details(**overrides: object) -> dict[str, object]:
    details: dict[str, object] = {
        "team": "North team",
        "kind": "reask",
        "description": "Ask Tom's people the three questions again, with Sandra",
        "owner": "Sandra",
        "due": f.TODAY + timedelta(weeks=2),
    }
    details.update(overrides)
    return details


def test_add_mitigating_action_stores_and_audits(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    action = checkpoint.add_mitigating_action(memory_repo, project_id, _details(), actor=LEAD, now=f.NOW)
    assert memory_repo.get(MitigatingAction, action.id) == action
    assert (action.project_id, action.team, action.owner, action.created_at) == (
        project_id,
        "North team",
        "Sandra",
        f.NOW,
    )
    assert [e.action for e in memory_repo.audit_log(action.id)] == [AuditAction.CREATE]


def test_mitigating_action_without_a_description_is_refused_plainly(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    with pytest.raises(InvalidInput) as caught:
        checkpoint.add_mitigating_action(
            memory_repo, project_id, _details(description="  "), actor=LEAD, now=f.NOW
        )
    assert (caught.value.field, caught.value.message) == ("description", "Say what will be done.")
    with pytest.raises(InvalidInput) as no_owner:
        checkpoint.add_mitigating_action(memory_repo, project_id, _details(owner=""), actor=LEAD, now=f.NOW)
    assert "owner" in no_owner.value.errors
    assert memory_repo.find(MitigatingAction) == []


def test_mitigating_action_cannot_choose_its_own_id_or_project(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    action = checkpoint.add_mitigating_action(
        memory_repo, project_id, _details(id="0" * 32, project_id="1" * 32), actor=LEAD, now=f.NOW
    )
    assert action.id != "0" * 32 and action.project_id == project_id
    with pytest.raises(DomainError):
        checkpoint.add_mitigating_action(memory_repo, "2" * 32, _details(), actor=LEAD, now=f.NOW)


def test_actions_list_open_ones_first_and_can_be_ticked_off(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    first = checkpoint.add_mitigating_action(
        memory_repo, project_id, _details(owner="One"), actor=LEAD, now=f.NOW
    )
    second = checkpoint.add_mitigating_action(
        memory_repo, project_id, _details(owner="Two"), actor=LEAD, now=f.NOW + timedelta(hours=1)
    )
    assert [a.id for a in checkpoint.mitigating_actions(memory_repo, project_id)] == [first.id, second.id]
    checkpoint.set_action_done(memory_repo, first.id, True, actor=LEAD, now=f.NOW)
    assert [(a.id, a.done) for a in checkpoint.mitigating_actions(memory_repo, project_id)] == [
        (second.id, False),
        (first.id, True),
    ]
    checkpoint.set_action_done(memory_repo, first.id, False, actor=LEAD, now=f.NOW)
    assert [e.reason for e in memory_repo.audit_log(first.id)][-2:] == ["done", "reopened"]
    with pytest.raises(DomainError):
        checkpoint.set_action_done(memory_repo, "3" * 32, True, actor=LEAD, now=f.NOW)


def test_the_quality_overview_is_kept_until_the_store_changes(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    _sent_in(memory_repo, project_id)
    with mock.patch.object(checkpoint, "check_statements", wraps=checkpoint.check_statements) as checked:
        first = checkpoint.quality_overview(memory_repo, project_id)
        again = checkpoint.quality_overview(memory_repo, project_id)
        assert again is first and checked.call_count == 1
        _sent_in(memory_repo, project_id, (Question.WORKING, "He enjoys the garden"))
        changed = checkpoint.quality_overview(memory_repo, project_id)
        assert checked.call_count == 2 and changed is not first
