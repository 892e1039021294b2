"""Step 5: success statements for each top root cause and perspective (the three main ones and the room's
own), with measures in numbers or in words."""

from __future__ import annotations

from datetime import date

import pytest

from tests import factories as f
from tests.workshop_data import root_cause
from wtfc_collect.domain import (
    DomainError,
    Heard,
    Measure,
    MeasureKind,
    Perspective,
    Question,
    Reading,
    RootCause,
    SuccessStatement,
    Theme,
    new_id,
)
from wtfc_collect.domain.success import parse_baseline, perspective_label, resolve_perspective
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import success
from wtfc_collect.storage.port import Repository

ACTOR = "Facilitator"
NOW = f.NOW


@pytest.fixture
def theme(memory_repo: Repository) -> Theme:
    saved = memory_repo.save(
        Theme(
            id=new_id(),
            project_id=new_id(),
            question=Question.NOT_WORKING,
            name="I am lonely",
            chosen=True,
            created_at=NOW,
        )
    )
    root_cause(memory_repo, saved, "Friendships are not part of anyone's job")
    return saved


def _cause(repo: Repository, theme: Theme) -> str:
    return next(c.id for c in repo.find(RootCause, theme_id=theme.id) if c.taken_forward)


def _add(
    repo: Repository,
    theme: Theme,
    text: str,
    view: Perspective,
    name: str | None = None,
    cause: str | None = None,
) -> SuccessStatement:
    return success.add_success(
        repo,
        theme.id,
        text,
        root_cause_id=cause or _cause(repo, theme),
        perspective=view,
        perspective_name=name,
        actor=ACTOR,
        now=NOW,
    )


def test_names_typed_for_a_perspective_are_filed_sensibly() -> None:
    assert resolve_perspective("Providers") == (Perspective.PROVIDERS, None)
    assert resolve_perspective(" commissioner ") == (Perspective.COMMISSIONERS, None)
    assert resolve_perspective("People, carers & families") == (Perspective.PEOPLE, None)
    assert resolve_perspective("third  sector", ["Third sector"]) == (Perspective.OTHER, "Third sector")
    assert resolve_perspective("GPs") == (Perspective.OTHER, "GPs")
    with pytest.raises(DomainError, match="Name the perspective"):
        resolve_perspective("   ")


def test_baselines_are_read_as_people_type_them() -> None:
    assert parse_baseline("1,500") == 1500
    assert parse_baseline(" £150,000 ") == 150000
    assert parse_baseline("38%") == 38
    assert parse_baseline("2.5") == 2.5
    assert parse_baseline("") is None and parse_baseline(None) is None and parse_baseline(7) == 7.0
    for wrong in ("about forty", "nan", "inf", "1.2.3"):
        with pytest.raises(DomainError, match="Write the baseline as a number") as caught:
            parse_baseline(wrong)
        assert caught.value.field == "baseline"


def test_board_has_the_three_main_perspectives_then_the_rooms_own(
    memory_repo: Repository, theme: Theme
) -> None:
    cause = _cause(memory_repo, theme)
    assert [(g.label, g.items) for g in success.success_board(memory_repo, theme.id, cause)] == [
        ("People, carers and families", ()),
        ("Commissioners", ()),
        ("Providers", ()),
    ]
    _add(memory_repo, theme, "We run groups in the evenings", Perspective.OTHER, "Third sector")
    _add(memory_repo, theme, "I see people I like every week", Perspective.PEOPLE)
    _add(memory_repo, theme, "We refer people the same day", Perspective.OTHER, "GPs")
    _add(memory_repo, theme, "We train staff in friendships", Perspective.OTHER, "providers")
    _add(memory_repo, theme, "We open our hall on Sundays", Perspective.OTHER, "third sector")
    board = success.success_board(memory_repo, theme.id, cause)
    assert [g.label for g in board] == [
        "People, carers and families",
        "Commissioners",
        "Providers",
        "Third sector",
        "GPs",
    ]
    texts = {g.label: [i.statement.text for i in g.items] for g in board}
    assert texts["Providers"] == ["We train staff in friendships"]
    assert texts["Third sector"] == ["We run groups in the evenings", "We open our hall on Sundays"]
    assert success.custom_perspectives(memory_repo, theme.project_id) == ["Third sector", "GPs"]
    assert perspective_label(board[3].items[1].statement) == "Third sector"


def test_blank_statements_and_unnamed_perspectives_get_plain_errors(
    memory_repo: Repository, theme: Theme
) -> None:
    with pytest.raises(InvalidInput) as caught:
        _add(memory_repo, theme, "  ", Perspective.OTHER, "")
    assert set(caught.value.errors) == {"perspective_name", "text"}
    assert caught.value.errors["perspective_name"] == 'Name the perspective, for example "Third sector".'
    assert caught.value.errors["text"].startswith("Write what they would be saying")
    with pytest.raises(InvalidInput) as too_long:
        _add(memory_repo, theme, "x" * 4001, Perspective.PEOPLE)
    assert "4000 characters" in too_long.value.errors["text"]
    assert memory_repo.find(SuccessStatement) == []


def test_success_only_for_a_chosen_theme(memory_repo: Repository, theme: Theme) -> None:
    theme.chosen = False
    memory_repo.save(theme)
    with pytest.raises(DomainError, match="not taken forward"):
        _add(memory_repo, theme, "I see people", Perspective.PEOPLE)


def test_measures_with_and_without_a_baseline_edit_and_remove(memory_repo: Repository, theme: Theme) -> None:
    statement = _add(memory_repo, theme, "I see people I like every week", Perspective.PEOPLE)
    counted = success.add_measure(
        memory_repo,
        statement.id,
        "People who see friends weekly",
        unit="%",
        baseline=41,
        actor=ACTOR,
        now=NOW,
    )
    heard = success.add_measure(
        memory_repo, statement.id, "People telling us at review", unit="  ", actor=ACTOR, now=NOW
    )
    assert (heard.unit, heard.baseline) == (None, None)
    with pytest.raises(InvalidInput) as blank:
        success.add_measure(memory_repo, statement.id, "", actor=ACTOR, now=NOW)
    assert blank.value.errors == {"description": "Write what we will count."}
    with pytest.raises(InvalidInput) as both:
        success.add_measure(memory_repo, statement.id, " ", baseline="lots", actor=ACTOR, now=NOW)
    assert set(both.value.errors) == {"description", "baseline"}

    # A reading taken later (Step 8) survives a change of words or baseline.
    stored = memory_repo.get(Measure, counted.id)
    assert stored is not None
    stored.readings = [Reading(on=date(2026, 9, 1), value=47)]
    stored = memory_repo.save(stored)
    changed = success.edit_measure(
        memory_repo,
        counted.id,
        "People who see a friend every week",
        unit="%",
        baseline=39.5,
        expected_revision=stored.revision,
        actor=ACTOR,
        now=NOW,
    )
    assert (changed.description, changed.baseline, changed.current) == (
        "People who see a friend every week",
        39.5,
        47,
    )
    with pytest.raises(DomainError, match="changed this while you were typing"):
        success.edit_measure(
            memory_repo, counted.id, "Old words", expected_revision=stored.revision, actor=ACTOR, now=NOW
        )

    with pytest.raises(DomainError, match="Progress has already been recorded"):
        success.remove_measure(memory_repo, counted.id, actor=ACTOR, now=NOW)
    with pytest.raises(DomainError, match="Progress has already been recorded"):
        success.remove_success(memory_repo, statement.id, actor=ACTOR, now=NOW)
    success.remove_measure(memory_repo, heard.id, actor=ACTOR, now=NOW)
    board = success.success_board(memory_repo, theme.id, _cause(memory_repo, theme))
    assert [m.id for m in board[0].items[0].measures] == [counted.id]


def test_edit_and_remove_a_statement_with_its_measures(memory_repo: Repository, theme: Theme) -> None:
    statement = _add(memory_repo, theme, "We fund friendship work", Perspective.COMMISSIONERS)
    other = _add(memory_repo, theme, "We train staff", Perspective.PROVIDERS)
    success.add_measure(
        memory_repo, statement.id, "Contracts with a friendship outcome", actor=ACTOR, now=NOW
    )
    kept = success.add_measure(memory_repo, other.id, "Staff trained", baseline=0, actor=ACTOR, now=NOW)
    with pytest.raises(InvalidInput):
        success.edit_success(memory_repo, statement.id, " ", actor=ACTOR, now=NOW)
    edited = success.edit_success(
        memory_repo,
        statement.id,
        "We fund and check friendship work",
        expected_revision=statement.revision,
        actor=ACTOR,
        now=NOW,
    )
    assert edited.text == "We fund and check friendship work"
    with pytest.raises(DomainError, match="changed this"):
        success.edit_success(
            memory_repo, statement.id, "Older", expected_revision=statement.revision, actor=ACTOR, now=NOW
        )

    success.remove_success(memory_repo, statement.id, actor=ACTOR, now=NOW)
    assert memory_repo.get(SuccessStatement, statement.id) is None
    assert [m.id for m in memory_repo.find(Measure)] == [kept.id]
    with pytest.raises(DomainError, match="could not be found"):
        success.add_measure(memory_repo, statement.id, "Anything", actor=ACTOR, now=NOW)
    assert all("friendship" not in e.reason for e in memory_repo.audit_log())


def test_success_is_about_one_of_the_top_root_causes(memory_repo: Repository, theme: Theme) -> None:
    left = root_cause(memory_repo, theme, "There is not enough money", taken_forward=False)
    other = root_cause(memory_repo, theme, "Groups close at three")
    for wrong in (None, left.id, new_id()):
        with pytest.raises(InvalidInput) as caught:
            success.add_success(
                memory_repo, theme.id, "I see friends", root_cause_id=wrong, actor=ACTOR, now=NOW
            )
        assert "top root causes" in caught.value.errors["root_cause_id"]
    first = _add(memory_repo, theme, "I see friends every week", Perspective.PEOPLE)
    second = _add(memory_repo, theme, "There is a group in the evening", Perspective.PEOPLE, cause=other.id)
    assert (first.root_cause_id, second.root_cause_id) == (_cause(memory_repo, theme), other.id)
    by_cause = success.success_by_cause(memory_repo, theme.id)
    assert [[i.statement.id for i in part.items] for part in by_cause] == [[first.id], [second.id]]
    assert [part.cause.id for part in by_cause if part.cause] == [
        c.id for c in success.success_causes(memory_repo, theme.id)
    ]
    assert memory_repo.find(SuccessStatement, root_cause_id=left.id) == []


def test_a_success_statement_written_before_causes_were_taken_forward_is_about_the_theme(
    memory_repo: Repository, theme: Theme
) -> None:
    older = memory_repo.save(
        SuccessStatement(
            id=new_id(),
            project_id=theme.project_id,
            theme_id=theme.id,
            perspective=Perspective.PEOPLE,
            text="Old",
        )
    )
    parts = success.success_by_cause(memory_repo, theme.id)
    assert parts[-1].cause is None and [i.statement.id for i in parts[-1].items] == [older.id]
    assert [i.statement.id for i in success.theme_success(memory_repo, theme.id)] == [older.id]


def test_a_measure_in_words_has_no_unit_or_baseline_and_keeps_its_kind(
    memory_repo: Repository, theme: Theme
) -> None:
    statement = _add(memory_repo, theme, "I see people I like every week", Perspective.PEOPLE)
    with pytest.raises(InvalidInput) as caught:
        success.add_measure(
            memory_repo,
            statement.id,
            "I see my friends",
            kind=MeasureKind.WORDS,
            unit="%",
            baseline="40",
            actor=ACTOR,
            now=NOW,
        )
    assert set(caught.value.errors) == {"unit", "baseline"}
    words = success.add_measure(
        memory_repo,
        statement.id,
        "I see my friends",
        kind=MeasureKind.WORDS,
        how_we_will_know="Asked at each review",
        actor=ACTOR,
        now=NOW,
    )
    assert (words.kind, words.how_we_will_know, words.unit, words.baseline) == (
        MeasureKind.WORDS,
        "Asked at each review",
        None,
        None,
    )
    stored = memory_repo.get(Measure, words.id)
    assert stored is not None
    stored.heard = [Heard(on=date(2026, 9, 1), text="Most people said so")]
    stored = memory_repo.save(stored)
    with pytest.raises(InvalidInput, match="keeps its kind"):
        success.edit_measure(
            memory_repo, words.id, "People who see friends", kind=MeasureKind.NUMBER, actor=ACTOR, now=NOW
        )
    with pytest.raises(ValueError, match="no unit, baseline or readings"):
        Measure(
            id=new_id(),
            project_id=theme.project_id,
            success_id=statement.id,
            description="x",
            kind=MeasureKind.WORDS,
            readings=[Reading(on=date(2026, 9, 1), value=3)],
        )
