"""Use cases against the in-memory store: projects, reviews, statements, priorities, submit, audit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.domain import (
    AuditAction,
    Consent,
    DomainError,
    Project,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Speaker,
    WithdrawalReason,
)
from wtfc_collect.services.admin.backup import backup_store
from wtfc_collect.services.collect.own_words import fit_statement, own_words_notes
from wtfc_collect.services.collect.reviews import (
    ReviewIncomplete,
    decline_question,
    find_review,
    get_review,
    list_reviews,
    record_statement,
    remove_statement,
    save_review_details,
    set_priority,
    start_review,
    submit_review,
    undecline_question,
    withdraw_review,
)
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.prepare.project_setup import (
    create_project,
    current_project,
    get_project,
    project_progress,
    update_project,
)
from wtfc_collect.storage.port import ConflictError, Repository

ACTOR = "Sam (reviewer)"


def _project(repo: Repository, **details: object) -> str:
    base: dict[str, object] = {"name": "Home care review", "teams": ["East", "West"]}
    return create_project(repo, {**base, **details}, actor=ACTOR, now=f.NOW).id


def test_create_project_validates_and_audits(memory_repo: Repository) -> None:
    project_id = _project(memory_repo, purpose="We are using WTfC to listen so that care improves")
    stored = get_project(memory_repo, project_id)
    assert stored.name == "Home care review"
    assert stored.revision == 1
    log = memory_repo.audit_log(project_id)
    assert [(e.action, e.actor, e.record_kind) for e in log] == [(AuditAction.CREATE, ACTOR, "project")]


def test_create_project_gives_plain_errors_per_field(memory_repo: Repository) -> None:
    with pytest.raises(InvalidInput) as caught:
        create_project(memory_repo, {"name": "", "teams": ["A", "a"]}, actor=ACTOR, now=f.NOW)
    errors = caught.value.errors
    assert errors["name"] == "Please fill this in."
    assert "listed twice" in errors["teams"]
    assert memory_repo.find(Project) == []


def test_update_project_refuses_stale_copy(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    update_project(memory_repo, project_id, {"name": "Renamed"}, expected_revision=1, actor=ACTOR, now=f.NOW)
    with pytest.raises(ConflictError):
        update_project(
            memory_repo, project_id, {"name": "Other"}, expected_revision=1, actor=ACTOR, now=f.NOW
        )
    assert get_project(memory_repo, project_id).name == "Renamed"


def test_update_project_cannot_change_identity(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    saved = update_project(
        memory_repo,
        project_id,
        {"id": "0" * 32, "name": "New name"},
        expected_revision=1,
        actor=ACTOR,
        now=f.NOW,
    )
    assert saved.id == project_id and saved.name == "New name"


def test_current_project_is_chosen_or_newest(memory_repo: Repository) -> None:
    assert current_project(memory_repo) is None
    older = create_project(memory_repo, {"name": "Older"}, actor=ACTOR, now=f.NOW)
    newer = create_project(memory_repo, {"name": "Newer"}, actor=ACTOR, now=f.NOW + timedelta(days=1))
    assert current_project(memory_repo) == newer
    assert current_project(memory_repo, older.id) == older
    assert current_project(memory_repo, "f" * 32) == newer


def _started(repo: Repository, project_id: str, **details: object) -> Review:
    return start_review(
        repo,
        project_id,
        person_ref="NV-0001",
        review_date=f.TODAY,
        details={"team": "East", **details},
        actor=ACTOR,
        now=f.NOW,
    )


def test_review_journey_from_start_to_submit(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    review = _started(memory_repo, project_id)
    assert review.status is ReviewStatus.DRAFT and review.mode is ReviewMode.WITH_STAFF
    ids = {}
    for question, words in (
        (Question.WORKING, ["Seeing my grandson on Sundays", "My garden"]),
        (Question.NOT_WORKING, ["Nobody tells me when the carer is late"]),
        (Question.FUTURE, ["I want to go to the seaside", "Cooking my own tea", "A dog"]),
    ):
        for words_said in words:
            _, statement = record_statement(
                memory_repo, review.id, question=question, text=words_said, actor=ACTOR, now=f.NOW
            )
            ids[words_said] = statement.id
    with pytest.raises(DomainError) as missing:
        submit_review(memory_repo, review.id, actor=ACTOR, now=f.NOW)
    assert missing.value.field == "consent"

    save_review_details(
        memory_repo,
        review.id,
        {"consent": Consent(given=True, recorded_on=f.TODAY).model_dump()},
        expected_revision=get_review(memory_repo, review.id).revision,
        actor=ACTOR,
        now=f.NOW,
    )
    for text, place in (
        ("Seeing my grandson on Sundays", 1),
        ("My garden", 2),
        ("Nobody tells me when the carer is late", 1),
        ("I want to go to the seaside", 1),
        ("A dog", 2),
    ):
        set_priority(memory_repo, review.id, ids[text], place, actor=ACTOR, now=f.NOW)  # type: ignore[arg-type]
    submitted = submit_review(memory_repo, review.id, actor=ACTOR, now=f.NOW + timedelta(hours=1))
    assert submitted.status is ReviewStatus.SUBMITTED
    assert submitted.submitted_at == f.NOW + timedelta(hours=1)
    assert [s.text for s in submitted.prioritised(Question.FUTURE)] == [
        "I want to go to the seaside",
        "A dog",
    ]
    assert len(submitted.statements_for(Question.FUTURE)) == 3  # the extra one is kept
    actions = [e.action for e in memory_repo.audit_log(review.id)]
    assert actions[0] is AuditAction.CREATE and actions[-1] is AuditAction.SUBMIT
    assert actions.count(AuditAction.EDIT) == 6 + 1 + 5


def test_statement_words_are_kept_exactly_and_never_logged(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    review = _started(memory_repo, project_id)
    said = "I <b>love</b> my **Tuesday** club 🎉 — and my cat\x07"
    _, statement = record_statement(
        memory_repo,
        review.id,
        question=Question.WORKING,
        text=said,
        said_by=Speaker.FAMILY_OR_CARER,
        actor=ACTOR,
        now=f.NOW,
    )
    stored = get_review(memory_repo, review.id).statement(statement.id)
    assert stored.text == "I <b>love</b> my **Tuesday** club 🎉 — and my cat"
    assert stored.said_by is Speaker.FAMILY_OR_CARER
    for event in memory_repo.audit_log():
        assert "Tuesday" not in event.model_dump_json()


def test_empty_statement_is_refused_in_plain_words(memory_repo: Repository) -> None:
    review = _started(memory_repo, _project(memory_repo))
    with pytest.raises(InvalidInput) as caught:
        record_statement(
            memory_repo, review.id, question=Question.WORKING, text="   ", actor=ACTOR, now=f.NOW
        )
    assert caught.value.errors == {"text": "Please fill this in."}
    assert get_review(memory_repo, review.id).statements == []


def test_priority_moves_and_statement_removal(memory_repo: Repository) -> None:
    review = _started(memory_repo, _project(memory_repo))
    _, a = record_statement(
        memory_repo, review.id, question=Question.WORKING, text="A", actor=ACTOR, now=f.NOW
    )
    _, b = record_statement(
        memory_repo, review.id, question=Question.WORKING, text="B", actor=ACTOR, now=f.NOW
    )
    set_priority(memory_repo, review.id, a.id, 1, actor=ACTOR, now=f.NOW)
    after = set_priority(memory_repo, review.id, b.id, 1, actor=ACTOR, now=f.NOW)
    assert [s.text for s in after.prioritised(Question.WORKING)] == ["B"]
    after = remove_statement(memory_repo, review.id, b.id, actor=ACTOR, now=f.NOW)
    assert [s.text for s in after.statements] == ["A"]


def test_submitted_review_statements_cannot_change(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    memory_repo.save(f.complete_review(project_id))
    review = memory_repo.find(Review)[0]
    submit_review(memory_repo, review.id, actor=ACTOR, now=f.NOW)
    with pytest.raises(DomainError):
        record_statement(
            memory_repo, review.id, question=Question.WORKING, text="More", actor=ACTOR, now=f.NOW
        )


def test_details_form_cannot_touch_statements_or_status(memory_repo: Repository) -> None:
    review = _started(memory_repo, _project(memory_repo))
    with pytest.raises(DomainError):
        save_review_details(
            memory_repo, review.id, {"status": "submitted"}, expected_revision=1, actor=ACTOR, now=f.NOW
        )
    with pytest.raises(ConflictError):
        save_review_details(
            memory_repo, review.id, {"team": "West"}, expected_revision=0, actor=ACTOR, now=f.NOW
        )
    saved = save_review_details(
        memory_repo, review.id, {"team": "West", "area": "Coast"}, expected_revision=1, actor=ACTOR, now=f.NOW
    )
    assert (saved.team, saved.area) == ("West", "Coast")


def test_withdraw_needs_reason_and_stops_use(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    memory_repo.save(f.complete_review(project_id))
    review = memory_repo.find(Review)[0]
    submit_review(memory_repo, review.id, actor=ACTOR, now=f.NOW)
    with pytest.raises(DomainError) as caught:
        withdraw_review(memory_repo, review.id, reason=" ", actor=ACTOR, now=f.NOW)
    assert caught.value.field == "reason"
    with pytest.raises(DomainError) as caught:  # typed words are not a reason from the list
        withdraw_review(memory_repo, review.id, reason="Mr Smith rang", actor=ACTOR, now=f.NOW)
    assert caught.value.field == "reason"
    note = "Mr Smith's daughter rang on 07700 900123"
    withdrawn = withdraw_review(
        memory_repo, review.id, reason=WithdrawalReason.OTHER, note=note, actor=ACTOR, now=f.NOW
    )
    assert withdrawn.status is ReviewStatus.WITHDRAWN and not withdrawn.usable
    assert withdrawn.withdrawn_note == note
    (entry,) = [e for e in memory_repo.audit_log(review.id) if e.action is AuditAction.WITHDRAW]
    assert entry.reason == "other"
    assert "Smith" not in " ".join(e.model_dump_json() for e in memory_repo.audit_log())


def test_progress_counts_against_plan(memory_repo: Repository) -> None:
    project_id = _project(
        memory_repo, sample_plan={"target_reviews": 4, "team_targets": [{"name": "East", "target": 2}]}
    )
    for team in ("East", "East", "West"):
        r = f.complete_review(project_id, team=team)
        r.submit(f.NOW)
        memory_repo.save(r)
    memory_repo.save(f.review(project_id, team="West"))
    progress = project_progress(memory_repo, project_id)
    assert (progress.overall.submitted, progress.overall.drafts, progress.overall.target) == (3, 1, 4)
    east = next(row for row in progress.by_team if row.name == "East")
    assert (east.submitted, east.target, east.percent) == (2, 2, 100)
    west = next(row for row in progress.by_team if row.name == "West")
    assert (west.submitted, west.drafts, west.target) == (1, 1, None)


def test_concurrent_additions_are_retried_not_lost(memory_repo: Repository) -> None:
    review = _started(memory_repo, _project(memory_repo))
    stale = get_review(memory_repo, review.id)
    record_statement(memory_repo, review.id, question=Question.WORKING, text="First", actor=ACTOR, now=f.NOW)
    # A direct save from the stale copy is refused ...
    stale.add_statement(Question.WORKING, "Stale", Speaker.PERSON, f.NOW)
    with pytest.raises(ConflictError):
        memory_repo.save(stale)
    # ... while the use case reloads and re-applies, so both additions survive.
    saved, _ = record_statement(
        memory_repo, review.id, question=Question.WORKING, text="Second", actor=ACTOR, now=f.NOW
    )
    assert [s.text for s in saved.statements] == ["First", "Second"]


def test_install_demo_and_backup(memory_repo: Repository, tmp_path: object) -> None:
    from pathlib import Path

    project = demo_project(memory_repo, now=f.NOW, reviews=12)
    assert len(list_reviews(memory_repo, project.id)) == 12
    path = backup_store(memory_repo, Path(str(tmp_path)) / "backups", actor=ACTOR, now=f.NOW)
    assert path.is_file() and path.stat().st_size > 1000
    assert memory_repo.audit_log()[-1].action is AuditAction.BACKUP


def test_submit_lists_every_missing_thing(memory_repo: Repository) -> None:
    review = _started(memory_repo, _project(memory_repo))
    record_statement(memory_repo, review.id, question=Question.WORKING, text="A", actor=ACTOR, now=f.NOW)
    record_statement(memory_repo, review.id, question=Question.WORKING, text="B", actor=ACTOR, now=f.NOW)
    with pytest.raises(ReviewIncomplete) as caught:
        submit_review(memory_repo, review.id, actor=ACTOR, now=f.NOW)
    assert [p.field for p in caught.value.problems] == ["consent", "working", "not_working", "future"]
    assert get_review(memory_repo, review.id).status is ReviewStatus.DRAFT


def test_skipping_a_question_is_recorded_and_counts_as_an_answer(memory_repo: Repository) -> None:
    project_id = _project(memory_repo)
    review = f.complete_review(project_id)
    review.statements = [s for s in review.statements if s.question is not Question.NOT_WORKING]
    memory_repo.save(review)
    with pytest.raises(ReviewIncomplete):
        submit_review(memory_repo, review.id, actor=ACTOR, now=f.NOW)
    decline_question(memory_repo, review.id, Question.NOT_WORKING, actor=ACTOR, now=f.NOW)
    undecline_question(memory_repo, review.id, Question.NOT_WORKING, actor=ACTOR, now=f.NOW)
    assert get_review(memory_repo, review.id).declined == []
    decline_question(memory_repo, review.id, Question.NOT_WORKING, actor=ACTOR, now=f.NOW)
    sent = submit_review(memory_repo, review.id, actor=ACTOR, now=f.NOW)
    assert sent.declined == [Question.NOT_WORKING] and sent.status is ReviewStatus.SUBMITTED
    reasons = [e.reason for e in memory_repo.audit_log(review.id)]
    assert "question skipped" in reasons and "question reopened" in reasons


def test_find_review_and_fit_statement(memory_repo: Repository) -> None:
    review = _started(memory_repo, _project(memory_repo))
    assert find_review(memory_repo, review.id) == get_review(memory_repo, review.id)
    assert find_review(memory_repo, None) is None
    assert find_review(memory_repo, "f" * 32) is None
    from wtfc_collect.domain import STATEMENT_MAX_CHARS

    assert fit_statement("short") == ("short", False)
    cut, was_cut = fit_statement("é" * (STATEMENT_MAX_CHARS + 1))
    assert was_cut and len(cut) == STATEMENT_MAX_CHARS


def test_own_words_notes_for_professional_wording_only() -> None:
    notes = own_words_notes("Service user requires support with personal care")
    assert notes and all(n.explanation for n in notes)
    assert own_words_notes("Going to the football with my dad on Saturdays") == []


# --- words typed but not added yet; a person with a draft already ------------------------------------------
def test_words_typed_but_not_added_are_kept_with_the_review_until_added(memory_repo: Repository) -> None:
    from wtfc_collect.services.collect.reviews import keep_typed_words

    project_id = _project(memory_repo)
    review = start_review(
        memory_repo, project_id, person_ref="P-9", review_date=f.TODAY, actor=ACTOR, now=f.NOW
    )
    keep_typed_words(memory_repo, review.id, Question.WORKING, "My garden and my", actor=ACTOR, now=f.NOW)
    kept = get_review(memory_repo, review.id)
    assert kept.typed == {Question.WORKING: "My garden and my"} and kept.statements == []
    problems = {p.field: p.message for p in kept.problems_before_submit()}
    assert "typed under 'What is working?' but not added yet" in problems["working"]
    record_statement(
        memory_repo, review.id, question=Question.WORKING, text="My garden and my dog", actor=ACTOR, now=f.NOW
    )
    assert get_review(memory_repo, review.id).typed == {}  # added: no longer waiting
    keep_typed_words(memory_repo, review.id, Question.FUTURE, "Go to", actor=ACTOR, now=f.NOW)
    keep_typed_words(memory_repo, review.id, Question.FUTURE, "   ", actor=ACTOR, now=f.NOW)
    assert get_review(memory_repo, review.id).typed == {}  # an emptied box keeps nothing
    assert [e.reason for e in memory_repo.audit_log(review.id)].count("words typed, not added yet") == 3
    assert not any("garden" in e.reason for e in memory_repo.audit_log(review.id))


def test_typed_words_go_when_the_review_is_withdrawn(memory_repo: Repository) -> None:
    from wtfc_collect.services.collect.reviews import keep_typed_words

    project_id = _project(memory_repo)
    review = start_review(
        memory_repo, project_id, person_ref="P-8", review_date=f.TODAY, actor=ACTOR, now=f.NOW
    )
    keep_typed_words(memory_repo, review.id, Question.WORKING, "Half a thought", actor=ACTOR, now=f.NOW)
    withdraw_review(memory_repo, review.id, reason=WithdrawalReason.PERSON_ASKED, actor=ACTOR, now=f.NOW)
    assert get_review(memory_repo, review.id).typed == {}
    with pytest.raises(DomainError):
        keep_typed_words(memory_repo, review.id, Question.WORKING, "More", actor=ACTOR, now=f.NOW)


def test_drafts_of_a_person_are_found_by_their_reference(memory_repo: Repository) -> None:
    from wtfc_collect.services.collect.reviews import drafts_of

    project_id = _project(memory_repo)
    draft = start_review(
        memory_repo, project_id, person_ref="NV-0012", review_date=f.TODAY, actor=ACTOR, now=f.NOW
    )
    start_review(memory_repo, project_id, person_ref="NV-0013", review_date=f.TODAY, actor=ACTOR, now=f.NOW)
    assert [r.id for r in drafts_of(memory_repo, project_id, " nv-0012 ")] == [draft.id]
    assert drafts_of(memory_repo, project_id, "NV-0099") == []
    other = _project(memory_repo, name="Another project")
    assert drafts_of(memory_repo, other, "NV-0012") == []  # one project at a time
