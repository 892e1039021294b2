"""Role checks inside the services: every use case is guarded (or an entrance), each role reaches exactly
what its role set allows, nobody signed in reaches nothing, and review-level scope holds for reviewers,
people doing their own review and facilitators."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from tests import factories as f
from wtfc_collect import demo, services
from wtfc_collect.domain import Consent, DomainError, Question, Review, ReviewMode, Speaker, TriageStatus
from wtfc_collect.domain.access import Role, User
from wtfc_collect.services import access
from wtfc_collect.services.access import AccessDenied
from wtfc_collect.services.admin import accounts, audit_log
from wtfc_collect.services.admin.backup import backup_store
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.collect.reviews import (
    find_review,
    get_review,
    list_reviews,
    record_statement,
    remove_statement,
    save_review_details,
    set_priority,
    start_review,
    submit_review,
    withdraw_review,
)
from wtfc_collect.services.collect.voice_answers import (
    record_voice_answer,
    voice_answers_for_review,
    voice_answers_waiting,
)
from wtfc_collect.services.prepare.project_setup import list_projects
from wtfc_collect.services.workshop import themes
from wtfc_collect.storage.port import Repository
from wtfc_collect.storage.recordings import MemoryRecordings

NOW = f.NOW
W = Question.WORKING
# Helpers that take a repository but are not use cases: only guarded use cases call them.
NOT_USE_CASES = {
    ("common", "record_audit"),
    ("common", "change"),
    ("common", "change_recorded"),
    ("common", "kept_until_changed"),
    ("common", "kept_records"),
    ("common", "keyed"),
    ("workshop.dot_votes", "ballot_votes"),
    ("workshop.dot_votes", "record_ballot"),
    ("workshop.card_call_board", "stored_call"),
    ("workshop.card_call_board", "call_record"),
    ("workshop.themes", "stored_themes"),
}
REVIEW_ID = "a" * 32
PROJECT_ID = "b" * 32


# --------------------------------------------------------------------------------------------------
# Finding every use case


def _use_cases() -> list[tuple[str, str, Callable[..., Any]]]:
    """Every function taking a repository first, in every module of the services, and the demo's entry point
    (its seeds run inside it, after its role check)."""
    found = []
    modules = [info.name for info in pkgutil.walk_packages(services.__path__, prefix=f"{services.__name__}.")]
    for module_name in [*modules, demo.__name__]:
        module = importlib.import_module(module_name)
        short = module_name.removeprefix("wtfc_collect.").removeprefix("services.")
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value):
                continue
            if getattr(value, "__module__", None) != module.__name__:
                continue  # imported from elsewhere: checked in its own module
            parameters = list(inspect.signature(value).parameters)
            if parameters and parameters[0] == "repo":
                found.append((short, name, value))
    return found


USE_CASES = _use_cases()
GUARDED = [(m, n, fn) for m, n, fn in USE_CASES if access.roles_of(fn) is not None]


def test_the_search_finds_the_use_cases_it_should() -> None:
    names = {(m, n) for m, n, _ in USE_CASES}
    assert {
        ("collect.reviews", "get_review"),
        ("admin.accounts", "sign_in"),
        ("admin.erasure", "erase_person"),
        ("demo", "install"),
    } <= names
    assert names >= NOT_USE_CASES  # the exceptions below still exist, so the list cannot go stale
    assert len(GUARDED) > 100


@pytest.mark.parametrize(("module", "name", "function"), USE_CASES, ids=[f"{m}.{n}" for m, n, _ in USE_CASES])
def test_every_use_case_is_guarded_or_an_entrance(
    module: str, name: str, function: Callable[..., Any]
) -> None:
    if (module, name) in NOT_USE_CASES:
        return
    guarded = access.roles_of(function) is not None
    assert guarded or access.is_entrance(function), f"services.{module}.{name} has no role check"
    assert not (guarded and access.is_entrance(function)), f"services.{module}.{name} is both"


def test_entrances_are_only_the_few_before_signing_in() -> None:
    entrances = {(m, n) for m, n, fn in USE_CASES if access.is_entrance(fn)}
    assert entrances == {
        ("admin.accounts", "has_accounts"),
        ("admin.accounts", "sign_in"),
        ("admin.accounts", "sign_in_with_identity"),
        ("admin.accounts", "note_sign_out"),
        ("admin.accounts", "still_signed_in"),
        ("collect.codes", "still_open"),
        ("collect.codes", "open_with_code"),
        # The workshop vote on people's own devices: reaches one open ballot, by its code.
        ("workshop.vote", "join_ballot"),
        ("workshop.vote", "ballot_options"),
        ("workshop.vote", "my_vote"),
        ("workshop.vote", "cast_vote"),
    }


# --------------------------------------------------------------------------------------------------
# The role x use-case matrix, on a repository that must not be touched before the role check


class Reached(Exception):
    """The use case got past the role check and touched the store."""


class Tripwire:
    def __getattr__(self, name: str) -> Any:
        raise Reached(name)


def _placeholder(name: str, hint: Any) -> Any:
    if name in ("repo", "recordings"):
        return Tripwire()
    if name == "review_id":
        return REVIEW_ID
    if name == "project_id":
        return PROJECT_ID
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
        origin = typing.get_origin(hint)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return next(iter(hint))
    simple: dict[Any, Any] = {
        str: "c" * 32 if name.endswith("_id") else "words",
        bool: True,
        int: 1,
        float: 1.0,
        bytes: b"data",
        datetime: NOW,
        date: f.TODAY,
        Path: Path("nowhere"),
        User: User(username="someone", role=Role.ADMINISTRATOR),
    }
    if hint in simple:
        return simple[hint]
    if origin is not None:
        container = typing.get_origin(hint)
        if container in (dict, typing.Mapping) or "Mapping" in str(container):
            return {}
        return ()
    return Tripwire()  # a record (a Theme …): touching it counts as reaching the store


def _arguments(function: Callable[..., Any]) -> tuple[list[Any], dict[str, Any]]:
    hints = typing.get_type_hints(function)
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.default is not inspect.Parameter.empty and parameter.name not in (
            "review_id",
            "project_id",
        ):
            continue
        value = _placeholder(parameter.name, hints.get(parameter.name))
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        else:
            args.append(value)
    return args, kwargs


def _user(role: Role) -> User:
    if role is Role.SELF_REVIEWER:
        return User(username="own review (code)", role=role, review_id=REVIEW_ID, project_id=PROJECT_ID)
    return User(username=f"a {role.value}", role=role, display_name="Pat", teams=("North team",))


def _outcome(function: Callable[..., Any], role: Role) -> str:
    args, kwargs = _arguments(function)
    with access.acting_as(_user(role)):
        try:
            function(*args, **kwargs)
        except AccessDenied:
            return "denied"
        except Reached:
            return "reached"
        except DomainError:
            return "refused input"
        except Exception as error:  # anything else got past the role check, but on a broken placeholder
            return f"error {type(error).__name__}: {error}"
    return "returned"


MATRIX = [(m, n, fn, role) for m, n, fn in GUARDED for role in Role]


@pytest.mark.parametrize(
    ("module", "name", "function", "role"),
    MATRIX,
    ids=[f"{m}.{n}-{role.value}" for m, n, _, role in MATRIX],
)
def test_role_matrix(module: str, name: str, function: Callable[..., Any], role: Role) -> None:
    roles = access.roles_of(function)
    assert roles is not None
    outcome = _outcome(function, role)
    if role in roles:
        # Allowed: past the role check to the store (or a plain refusal of the placeholder input).
        assert outcome in ("reached", "refused input", "returned"), f"{module}.{name} as {role}: {outcome}"
    else:
        assert outcome == "denied", f"{module}.{name} as {role} was not refused: {outcome}"


def test_the_matrix_covers_every_role_and_most_use_cases_reach_the_store() -> None:
    assert {role for *_, role in MATRIX} == set(Role) and len(Role) == 5
    for role in Role:
        allowed = [fn for _, _, fn in GUARDED if role in (access.roles_of(fn) or ())]
        denied = [fn for _, _, fn in GUARDED if role not in (access.roles_of(fn) or ())]
        assert allowed and (denied or role is Role.ADMINISTRATOR), role
    # The placeholders are good enough that almost every allowed call actually gets to the store.
    reached = [n for _, n, fn in GUARDED if _outcome(fn, Role.ADMINISTRATOR) == "reached"]
    assert len(reached) >= 0.9 * len(GUARDED)


def test_role_sets() -> None:
    assert {Role.ADMINISTRATOR} == access.ADMIN
    assert set(Role) - {Role.SELF_REVIEWER} == access.STAFF
    assert {Role.ADMINISTRATOR, Role.REVIEWER, Role.QUALITY_LEAD} == access.COLLECTORS
    assert access.COLLECTORS | {Role.SELF_REVIEWER} == access.REVIEW_WORKERS
    assert access.QUALITY == access.PROJECT_ADMINS == {Role.ADMINISTRATOR, Role.QUALITY_LEAD}
    assert {Role.ADMINISTRATOR, Role.FACILITATOR, Role.QUALITY_LEAD} == access.FACILITATORS
    # Nobody but staff collecting or the person themselves may touch one review's words.
    assert access.roles_of(record_statement) == access.REVIEW_WORKERS
    assert access.roles_of(list_reviews) == access.COLLECTORS
    assert access.roles_of(withdraw_review) == access.COLLECTORS


def test_a_self_reviewer_with_another_review_id_is_refused_before_the_store_is_read() -> None:
    other = User(username="own review (code)", role=Role.SELF_REVIEWER, review_id="d" * 32)
    with access.acting_as(other), pytest.raises(AccessDenied, match="access to this review"):
        get_review(Tripwire(), REVIEW_ID)  # type: ignore[arg-type]


def test_a_user_tied_to_one_project_is_refused_other_projects_before_the_store_is_read() -> None:
    @access.guard(access.REVIEW_WORKERS)
    def project_use_case(repo: Repository, project_id: str) -> str:
        return repo.name  # type: ignore[attr-defined]

    user = User(
        username="own review (code)", role=Role.SELF_REVIEWER, review_id=REVIEW_ID, project_id=PROJECT_ID
    )
    with access.acting_as(user):
        with pytest.raises(AccessDenied):
            project_use_case(Tripwire(), "e" * 32)  # type: ignore[arg-type]
        with pytest.raises(Reached):
            project_use_case(Tripwire(), PROJECT_ID)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------
# Nobody signed in


@pytest.fixture
def nobody(as_administrator: User) -> Iterator[None]:
    access.use_identity(lambda: None)
    try:
        yield
    finally:
        access.use_identity(lambda: as_administrator)


SAMPLE: list[tuple[str, Callable[[Repository], Any]]] = [
    ("list_projects", lambda repo: list_projects(repo)),
    ("get_review", lambda repo: get_review(repo, REVIEW_ID)),
    ("list_reviews", lambda repo: list_reviews(repo, PROJECT_ID)),
    ("workshop_statements", lambda repo: check_statements.workshop_statements(repo, PROJECT_ID)),
    ("list_accounts", lambda repo: accounts.list_accounts(repo)),
    ("audit_entries", lambda repo: audit_log.audit_entries(repo)),
    ("backup_store", lambda repo: backup_store(repo, Path("x"), actor="x", now=NOW)),
    (
        "record_statement",
        lambda repo: record_statement(repo, REVIEW_ID, question=W, text="Hi", actor="x", now=NOW),
    ),
]


@pytest.mark.parametrize(("name", "call"), SAMPLE, ids=[n for n, _ in SAMPLE])
@pytest.mark.usefixtures("nobody")
def test_nobody_signed_in_reaches_nothing(name: str, call: Callable[[Repository], Any]) -> None:
    assert access.current_user() is None
    with pytest.raises(AccessDenied, match="sign in"):
        call(Tripwire())  # type: ignore[arg-type]


@pytest.mark.usefixtures("nobody")
def test_nobody_signed_in_can_still_use_the_entrances(memory_repo: Repository) -> None:
    assert accounts.has_accounts(memory_repo) is False


# --------------------------------------------------------------------------------------------------
# Which reviews each role reaches

RITA = User(username="rita", role=Role.REVIEWER, display_name="Rita Reed", teams=("East",))


@pytest.fixture
def east_west(memory_repo: Repository) -> dict[str, Review]:
    plan = {
        "target_reviews": 6,
        "team_targets": [{"name": "East", "target": 3}, {"name": "West", "target": 3}],
    }
    project = memory_repo.save(f.project(teams=["East", "West"], sample_plan=plan))
    reviews = {
        "east": f.review(project.id, team="East", person_ref="E-1", reviewer="Someone Else"),
        "east_lower": f.review(project.id, team=" east ", person_ref="E-2"),
        "west": f.review(project.id, team="West", person_ref="W-1", reviewer="Someone Else"),
        "own_west": f.review(project.id, team="West", person_ref="W-2", created_by="rita"),
        "named_west": f.review(project.id, team="West", person_ref="W-3", reviewer="Rita Reed"),
        "no_team": f.review(project.id, team=None, person_ref="N-1"),
    }
    return {key: memory_repo.save(review) for key, review in reviews.items()}


def test_a_reviewer_sees_their_team_and_their_own_reviews_only(
    memory_repo: Repository, east_west: dict[str, Review]
) -> None:
    project_id = east_west["east"].project_id
    assert len(list_reviews(memory_repo, project_id)) == len(east_west)  # administrator: all
    with access.acting_as(RITA):
        seen = {r.id for r in list_reviews(memory_repo, project_id)}
        assert seen == {east_west[k].id for k in ("east", "east_lower", "own_west", "named_west")}
        assert get_review(memory_repo, east_west["east"].id).id == east_west["east"].id
        assert get_review(memory_repo, east_west["own_west"].id).id == east_west["own_west"].id
        for key in ("west", "no_team"):
            with pytest.raises(AccessDenied):
                get_review(memory_repo, east_west[key].id)
            with pytest.raises(AccessDenied):
                record_statement(
                    memory_repo, east_west[key].id, question=W, text="I like it", actor="rita", now=NOW
                )
            with pytest.raises(AccessDenied):
                withdraw_review(memory_repo, east_west[key].id, reason="person_asked", actor="rita", now=NOW)
    west = memory_repo.get(Review, east_west["west"].id)
    assert west is not None and west.statements == [] and west == east_west["west"]


def test_a_review_a_reviewer_starts_is_theirs_whatever_the_team(
    memory_repo: Repository, east_west: dict[str, Review]
) -> None:
    project_id = east_west["east"].project_id
    with access.acting_as(RITA):
        started = start_review(
            memory_repo,
            project_id,
            person_ref="W-9",
            review_date=f.TODAY,
            details={"team": "West"},
            actor="rita",
            now=NOW,
        )
        assert started.created_by == "rita"
        assert started.id in {r.id for r in list_reviews(memory_repo, project_id)}
    otto = User(username="otto", role=Role.REVIEWER, teams=("East",))
    with access.acting_as(otto), pytest.raises(AccessDenied):
        get_review(memory_repo, started.id)


def test_a_reviewer_without_a_team_sees_only_their_own(
    memory_repo: Repository, east_west: dict[str, Review]
) -> None:
    with access.acting_as(User(username="rita", role=Role.REVIEWER)):
        seen = {r.id for r in list_reviews(memory_repo, east_west["east"].project_id)}
    assert seen == {east_west["own_west"].id}


@pytest.fixture
def a_and_b(memory_repo: Repository) -> tuple[Review, Review]:
    project = memory_repo.save(f.project())
    a = memory_repo.save(f.complete_review(project.id, mode=ReviewMode.SELF, person_ref="A-1"))
    b = memory_repo.save(f.complete_review(project.id, mode=ReviewMode.SELF, person_ref="B-1"))
    return a, b


def _own(review: Review) -> User:
    return User(
        username="own review (code)",
        role=Role.SELF_REVIEWER,
        review_id=review.id,
        project_id=review.project_id,
    )


def test_a_self_reviewer_reaches_only_their_own_review(
    memory_repo: Repository, a_and_b: tuple[Review, Review]
) -> None:
    a, b = a_and_b
    b_statement = b.statements[0]
    with access.acting_as(_own(a)):
        refused: list[Callable[[], Any]] = [
            lambda: get_review(memory_repo, b.id),
            lambda: find_review(memory_repo, b.id),
            lambda: record_statement(memory_repo, b.id, question=W, text="Mine", actor="x", now=NOW),
            lambda: set_priority(memory_repo, b.id, b_statement.id, None, actor="x", now=NOW),
            lambda: remove_statement(memory_repo, b.id, b_statement.id, actor="x", now=NOW),
            lambda: submit_review(memory_repo, b.id, actor="x", now=NOW),
            lambda: voice_answers_for_review(memory_repo, b.id),
            lambda: save_review_details(
                memory_repo, b.id, {"person_ref": "X"}, expected_revision=b.revision, actor="x", now=NOW
            ),
            lambda: list_reviews(memory_repo, b.project_id),
            lambda: withdraw_review(memory_repo, a.id, reason="person_asked", actor="x", now=NOW),
        ]
        for call in refused:
            with pytest.raises(AccessDenied):
                call()
        # Their own review works.
        assert get_review(memory_repo, a.id).id == a.id
        _, added = record_statement(
            memory_repo, a.id, question=W, text="I like my garden", actor="x", now=NOW
        )
        set_priority(memory_repo, a.id, added.id, 1, actor="x", now=NOW)
        assert voice_answers_for_review(memory_repo, a.id) == []
        submitted = submit_review(memory_repo, a.id, actor="x", now=NOW)
    assert submitted.submitted_at is not None
    assert memory_repo.get(Review, b.id) == b  # nothing of B changed


@pytest.fixture
def ready_project(memory_repo: Repository) -> str:
    """A project with one person's top two per question accepted and their workshop copy confirmed."""
    project = memory_repo.save(f.project())
    review = f.review(project.id, consent=Consent(given=True, recorded_on=f.TODAY), team="North team")
    for question in Question:
        for place in (1, 2):
            statement = review.add_statement(
                question, f"I {question.value} thing {place}", Speaker.PERSON, NOW
            )
            review.set_priority(statement.id, place, NOW)  # type: ignore[arg-type]
    review.submit(NOW)
    memory_repo.save(review)
    for statement in review.statements:
        check_statements.triage_statement(
            memory_repo, review.id, statement.id, TriageStatus.ACCEPTED, actor="Q", now=NOW
        )
        check_statements.confirm_workshop_text(
            memory_repo, review.id, statement.id, statement.text, actor="Q", now=NOW
        )
    return project.id


FACILITATOR = User(username="fran", role=Role.FACILITATOR, teams=("North team",))


def test_a_facilitator_works_with_workshop_copies_only(memory_repo: Repository, ready_project: str) -> None:
    review = memory_repo.find(Review, project_id=ready_project)[0]
    with access.acting_as(FACILITATOR):
        with pytest.raises(AccessDenied):
            list_reviews(memory_repo, ready_project)
        with pytest.raises(AccessDenied):
            get_review(memory_repo, review.id)
        with pytest.raises(AccessDenied):
            check_statements.statements_to_triage(memory_repo, ready_project)
        statements = check_statements.workshop_statements(memory_repo, ready_project)
        assert len(statements) == 6
        # A theme-board use case reads the reviews' workshop copies through other use cases.
        cards = themes.cards(memory_repo, ready_project, W)
        assert len(cards) == 2


def test_nested_use_cases_are_not_checked_again(memory_repo: Repository, ready_project: str) -> None:
    @access.guard(access.FACILITATORS)
    def board(repo: Repository, project_id: str) -> list[Review]:
        return list_reviews(repo, project_id)  # a facilitator could not call this directly

    with access.acting_as(FACILITATOR):
        assert len(board(memory_repo, ready_project)) == 1
        with pytest.raises(AccessDenied):  # and after the outer call the checks are back
            list_reviews(memory_repo, ready_project)


def test_filtering_applies_only_at_the_outermost_call(
    memory_repo: Repository, east_west: dict[str, Review]
) -> None:
    @access.guard(access.COLLECTORS)
    def count(repo: Repository, project_id: str) -> int:
        return len(list_reviews(repo, project_id))

    with access.acting_as(RITA):
        assert count(memory_repo, east_west["east"].project_id) == len(east_west)


def test_a_reviewer_sees_only_their_teams_voice_answers_and_ask_again_items(memory_repo: Repository) -> None:
    plan = {
        "target_reviews": 4,
        "team_targets": [{"name": "East", "target": 2}, {"name": "West", "target": 2}],
    }
    project_id = memory_repo.save(f.project(teams=["East", "West"], sample_plan=plan)).id
    consent = Consent(given=True, recorded_on=f.TODAY)
    recordings = MemoryRecordings()
    spoken, asked = {}, {}
    for team in ("East", "West"):
        draft = memory_repo.save(f.review(project_id, team=team, mode=ReviewMode.SELF, consent=consent))
        spoken[team] = record_voice_answer(
            memory_repo, recordings, draft.id, W, f.wav(), actor="x", now=NOW
        ).id
        sent = f.complete_review(project_id, team=team, person_ref=f"{team}-2")
        sent.submit(NOW)
        memory_repo.save(sent)
        check_statements.triage_statement(
            memory_repo,
            sent.id,
            sent.statements[0].id,
            TriageStatus.ASK_AGAIN,
            reason="unclear",
            actor="Q",
            now=NOW,
        )
        asked[team] = sent.id
    assert len(voice_answers_waiting(memory_repo, project_id)) == 2  # administrator: all
    assert len(check_statements.ask_again_list(memory_repo, project_id)) == 2
    with access.acting_as(RITA):
        assert [w.answer.id for w in voice_answers_waiting(memory_repo, project_id)] == [spoken["East"]]
        assert [r.id for r, _ in check_statements.ask_again_list(memory_repo, project_id)] == [asked["East"]]
