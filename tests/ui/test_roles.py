"""Roles through the app: each role × every page, what the pages show, signing in and out, codes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import TEST_ADMIN
from tests.factories import demo_project
from tests.sessions import signed_in_as
from tests.ui.shown import said
from wtfc_collect import bootstrap
from wtfc_collect.demo.accounts import install_demo_accounts
from wtfc_collect.domain import (
    Account,
    AuditAction,
    DomainError,
    ErasureReason,
    Review,
    ReviewStatus,
    Role,
    User,
    WithdrawalReason,
)
from wtfc_collect.domain.review import ReviewMode
from wtfc_collect.services import access
from wtfc_collect.services.access import AccessDenied
from wtfc_collect.services.admin import accounts
from wtfc_collect.services.collect import codes as _invitations  # noqa: F401  invitations
from wtfc_collect.services.collect import codes as invitations
from wtfc_collect.services.collect.reviews import list_reviews, start_review
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context, sign_in
from wtfc_collect.ui.navigation import PAGES

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PASSWORD = "a demo password"  # noqa: S105 - a made-up test account
SIGN_IN_TITLE = "Sign in to WTfC Collect"


class Demo:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        repo = bootstrap.build_repository(folder)
        now = datetime.now(UTC)
        project = demo_project(repo, now=now, reviews=16, workshop=True)
        self.project_id = project.id
        self.team = project.teams[0]
        _, self.code = install_demo_accounts(repo, project.id, password=PASSWORD, actor="test", now=now)
        self.reviews = repo.find(Review, project_id=project.id)
        self.own = next(r for r in self.reviews if r.mode is ReviewMode.SELF and r.person_ref == "DEMO-OWN-1")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("roles") / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WTFC_DATA_DIR", str(folder))
        yield Demo(folder)


@pytest.fixture(autouse=True)
def _data(demo: Demo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WTFC_DATA_DIR", str(demo.folder))


def staff(role: Role, demo: Demo) -> User:
    """Staff signed in with a real account of the demo store (a reviewer in the demo's first team)."""
    return signed_in_as(role, teams=(demo.team,) if role is Role.REVIEWER else ())


def self_reviewer(demo: Demo) -> User:
    """The person of the demo's own review, signed in with its code."""
    repo = bootstrap.build_repository(demo.folder)
    return invitations.open_with_code(repo, demo.code, now=datetime.now(UTC))


def app_as(user: User | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if user is None:
        del at.session_state[context.USER_KEY]
    else:
        at.session_state[context.USER_KEY] = user
    return at.run()


def _shown_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + said(at.error) + said(at.info)
    parts += [c.value for c in at.caption] + [t.value for t in at.title]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_opens_exactly_its_pages_and_each_works(role: Role, demo: Demo) -> None:
    user = self_reviewer(demo) if role is Role.SELF_REVIEWER else staff(role, demo)
    at = app_as(user)
    assert not at.exception, at.exception
    opened, refused = [], []
    for spec in PAGES:
        if role not in spec.roles:
            # Not in this role's navigation: Streamlit does not know the page for this session.
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                at.switch_page(spec.path)
            refused.append(spec.path)
            continue
        at.switch_page(spec.path).run()
        assert not at.exception, (role, spec.path, at.exception)
        titles = [t.value for t in at.title]
        shown = _shown_text(at)
        assert "Your role does not let you do this" not in shown, (role, spec.path)
        assert "You do not have access" not in shown, (role, spec.path)
        assert titles, (role, spec.path)
        assert titles[0] == spec.title or spec.default or spec.path.endswith("self_review.py"), (
            role,
            spec.path,
            titles,
        )
        opened.append(spec.path)
    assert opened, role
    if role is Role.ADMINISTRATOR:
        assert refused == [spec.path for spec in PAGES if not spec.roles]  # the vote: only by its code
    if role is Role.SELF_REVIEWER:
        assert set(opened) == {"pages/self_review.py", "pages/accessibility_statement.py"}


def test_a_reviewer_sees_only_their_teams_reviews(demo: Demo) -> None:
    at = app_as(staff(Role.REVIEWER, demo))
    at.switch_page("pages/reviews.py").run()
    assert not at.exception, at.exception
    offered = at.selectbox(key="reviews.open_choice").options
    mine = [r for r in demo.reviews if r.team == demo.team]
    others = [r for r in demo.reviews if r.team != demo.team and r.created_by != "test-reviewer"]
    assert mine and others
    refs = {o.split(" · ")[0] for o in offered}
    assert {r.person_ref for r in mine} <= refs
    assert not refs & {r.person_ref for r in others}


def test_a_facilitator_never_sees_a_person_reference(demo: Demo) -> None:
    at = app_as(staff(Role.FACILITATOR, demo))
    for spec in PAGES:
        if Role.FACILITATOR in spec.roles:
            at.switch_page(spec.path).run()
            shown = _shown_text(at)
            assert not any(r.person_ref in shown for r in demo.reviews), spec.path


def test_signed_out_every_page_asks_to_sign_in_except_the_accessibility_statement(demo: Demo) -> None:
    at = app_as(None)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [SIGN_IN_TITLE]
    labels = [w.label for w in at.text_input]
    assert "Username" in labels and "Password" in labels and "Your code" in labels
    for spec in PAGES:
        at.switch_page(spec.path).run()
        titles = [t.value for t in at.title]
        if spec.path.endswith(("accessibility_statement.py", "vote.py")):
            assert titles == [spec.title]
        else:
            assert titles == [SIGN_IN_TITLE], spec.path


def _sign_in(at: AppTest, username: str, password: str) -> AppTest:
    next(w for w in at.text_input if w.label == "Username").input(username)
    next(w for w in at.text_input if w.label == "Password").input(password)
    return next(b for b in at.button if b.label == "Sign in").click().run()


def test_sign_in_with_the_demo_account_then_sign_out(demo: Demo) -> None:
    at = _sign_in(app_as(None), "Quality", PASSWORD)
    assert not at.exception, at.exception
    user = at.session_state[context.USER_KEY]
    assert user.role is Role.QUALITY_LEAD and user.username == "quality"
    assert at.title[0].value == "WTfC Collect"
    next(b for b in at.button if b.label == "Sign out").click().run()
    assert [t.value for t in at.title] == [SIGN_IN_TITLE]
    assert any("signed out" in i for i in said(at.info))


def test_a_wrong_password_is_refused_in_plain_words_and_keeps_the_username(demo: Demo) -> None:
    at = _sign_in(app_as(None), "quality", "not the password")
    assert [t.value for t in at.title] == [SIGN_IN_TITLE]
    assert any("do not match" in e for e in said(at.error))
    assert next(w for w in at.text_input if w.label == "Username").value == "quality"
    assert context.USER_KEY not in at.session_state


def test_after_the_idle_time_the_session_is_signed_out(demo: Demo) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[context.USER_KEY] = staff(Role.QUALITY_LEAD, demo)
    idle = timedelta(minutes=sign_in.idle_minutes() + 1)
    at.session_state[sign_in.LAST_SEEN_KEY] = datetime.now(UTC) - idle
    at.run()
    assert [t.value for t in at.title] == [SIGN_IN_TITLE]
    assert any("not used for" in i for i in said(at.info))


def test_the_link_with_a_code_opens_that_persons_review_only(demo: Demo) -> None:
    repo = bootstrap.build_repository(demo.folder)
    _, code = invitations.invite(repo, demo.own.id, actor="test", now=datetime.now(UTC))
    at = AppTest.from_file(APP, default_timeout=60)
    del at.session_state[context.USER_KEY]
    at.query_params["code"] = code.lower()
    at.run()
    assert not at.exception, at.exception
    user = at.session_state[context.USER_KEY]
    assert user.role is Role.SELF_REVIEWER and user.review_id == demo.own.id
    assert "code" not in at.query_params
    # Whatever review the session asks for, the own review page shows theirs.
    other = next(r for r in demo.reviews if r.id != demo.own.id)
    at.session_state["context.review_id"] = other.id
    at.switch_page("pages/self_review.py").run()
    assert context.chosen_review_id.__name__  # the page reads chosen_review_id(), which ignores it
    assert not at.exception, at.exception
    assert other.person_ref not in _shown_text(at)


def test_a_typed_wrong_code_is_refused_and_a_revoked_code_too(demo: Demo) -> None:
    at = app_as(None)
    at.text_input(key="sign_in.code").input("AAAA-AAAA")
    next(b for b in at.button if b.label == "Open my review").click().run()
    assert any("does not open a review" in e for e in said(at.error))
    repo = bootstrap.build_repository(demo.folder)
    invitation, code = invitations.invite(repo, demo.own.id, actor="test", now=datetime.now(UTC))
    invitations.revoke(repo, demo.own.id, invitation.id, actor="test", now=datetime.now(UTC))
    at.text_input(key="sign_in.code").input(code)
    next(b for b in at.button if b.label == "Open my review").click().run()
    assert any("does not open a review" in e for e in said(at.error))
    assert context.USER_KEY not in at.session_state


def _open_review(at: AppTest, review: Review) -> AppTest:
    at.switch_page("pages/reviews.py").run()
    choice = at.selectbox(key="reviews.open_choice")
    wanted = next(o for o in choice.options if o.startswith(review.person_ref + " "))
    return choice.select(wanted).run()


def test_staff_make_a_code_on_the_reviews_screen_and_it_opens_that_review(demo: Demo) -> None:
    at = app_as(staff(Role.REVIEWER, demo))
    own = next(r for r in demo.reviews if r.mode is ReviewMode.SELF and r.team == demo.team)
    _open_review(at, own)
    next(b for b in at.button if b.label == "Make a code").click().run()
    assert not at.exception, at.exception
    shown = next(s for s in said(at.success) if "The code is" in s)
    code = shown.split("**")[1]
    assert len(code) == 9 and code[4] == "-"
    person = invitations_open(code)
    assert person.review_id == own.id
    next(b for b in at.button if b.label == "Stop this code").click().run()
    with pytest.raises(DomainError):
        invitations_open(code)


def invitations_open(code: str) -> User:
    repo = bootstrap.build_repository()
    return invitations.open_with_code(repo, code, now=datetime.now(UTC))


def test_only_quality_leads_and_administrators_can_erase_and_it_removes_the_review(demo: Demo) -> None:
    victim = next(r for r in demo.reviews if r.team == demo.team and r.mode is ReviewMode.WITH_STAFF)
    reviewer = _open_review(app_as(staff(Role.REVIEWER, demo)), victim)
    assert not [e for e in reviewer.expander if "Erase" in e.label]
    at = _open_review(app_as(staff(Role.QUALITY_LEAD, demo)), victim)
    assert not [w for w in at.text_input if "erased" in w.label]  # nothing typed can reach the audit log
    next(c for c in at.checkbox if c.label.startswith("I understand")).check()
    next(b for b in at.button if b.label == "Erase for good").click().run()
    assert "Choose why this review is being erased." in said(at.error)  # beside the list of reasons
    assert bootstrap.build_repository().get(Review, victim.id) is not None
    why = next(r for r in at.radio if r.label == "Why is it being erased?")
    why.set_value(ErasureReason.WRONG_PERSON)
    next(b for b in at.button if b.label == "Erase for good").click().run()
    assert not at.exception, at.exception
    assert any("was erased" in s for s in said(at.success))
    repo = bootstrap.build_repository()
    assert repo.get(Review, victim.id) is None
    (entry,) = [e for e in repo.audit_log(victim.id) if e.action is AuditAction.ERASE]
    assert entry.reason == "wrong_person"


def test_a_review_is_withdrawn_with_a_reason_from_the_list_and_a_note_kept_with_it(demo: Demo) -> None:
    victim = next(  # as stored now: earlier tests in this module erase and withdraw reviews
        r
        for r in bootstrap.build_repository().find(Review, project_id=demo.project_id)
        if r.team == demo.team and r.status is ReviewStatus.SUBMITTED and r.usable
    )
    at = _open_review(app_as(staff(Role.REVIEWER, demo)), victim)
    press = lambda: next(b for b in at.button if b.label == "Withdraw the review").click().run()  # noqa: E731
    next(c for c in at.checkbox if c.label.startswith("I have checked")).check()
    note = "Her son rang the office on 07700 900123"
    next(a for a in at.text_area if a.label.startswith("A note for the team")).input(note)
    press()
    assert "Choose why the review is withdrawn." in said(at.error)
    next(r for r in at.radio if r.label == "Why is it withdrawn?").set_value(
        WithdrawalReason.REPRESENTATIVE_ASKED
    )
    press()
    assert not at.exception, at.exception
    assert "The review is withdrawn: its words are no longer used." in said(at.success)
    repo = bootstrap.build_repository()
    stored = repo.get(Review, victim.id)
    assert stored is not None and stored.status is ReviewStatus.WITHDRAWN and not stored.usable
    assert (stored.withdrawn_reason, stored.withdrawn_note) == (WithdrawalReason.REPRESENTATIVE_ASKED, note)
    (entry,) = [e for e in repo.audit_log(victim.id) if e.action is AuditAction.WITHDRAW]
    assert entry.reason == "representative_asked"
    assert "07700" not in " ".join(e.model_dump_json() for e in repo.audit_log())
    _open_review(at, victim)
    assert any("This review was withdrawn" in i for i in said(at.info)), said(at.info)


def test_opening_a_review_is_written_in_the_audit_log_once_without_its_words(demo: Demo) -> None:
    repo = bootstrap.build_repository()
    review = next(
        r
        for r in repo.find(Review, project_id=demo.project_id)  # the project the screens are on
        if r.mode is ReviewMode.WITH_STAFF and r.statements
    )
    before = len([e for e in repo.audit_log(review.id) if e.action.value == "view"])
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[context.USER_KEY] = staff(Role.QUALITY_LEAD, demo)
    at.session_state["context.review_id"] = review.id
    at.run()
    at.switch_page("pages/review_with_person.py").run()
    at.run()
    assert not at.exception, at.exception
    views = [e for e in repo.audit_log(review.id) if e.action.value == "view"]
    assert len(views) == before + 1
    assert views[-1].actor == "test-quality_lead"
    words = [s.text for s in review.statements]
    assert not any(w in views[-1].model_dump_json() for w in words)


# --- access ends when it is taken away, in a session already open ------------------------------------------
def _account(repo: Repository, username: str) -> Account:
    return next(a for a in repo.find(Account) if a.username == username)


def test_a_stopped_account_is_signed_out_at_its_next_click(demo: Demo) -> None:
    user = signed_in_as(Role.REVIEWER, username="to-be-stopped", teams=(demo.team,))
    at = app_as(user)
    at.switch_page("pages/reviews.py").run()
    assert at.title[0].value == "Reviews"
    repo = bootstrap.build_repository()
    account = _account(repo, "to-be-stopped")
    with access.acting_as(TEST_ADMIN):
        accounts.update_account(
            repo,
            account.id,
            display_name="x",
            role=Role.REVIEWER,
            teams=[],
            active=False,
            actor="t",
            now=datetime.now(UTC),
        )
    at.run()  # the next click
    assert [t.value for t in at.title] == [SIGN_IN_TITLE]
    assert any("access was stopped" in i for i in said(at.info))
    assert context.USER_KEY not in at.session_state
    assert not any(r.person_ref in _shown_text(at) for r in demo.reviews)
    assert repo.audit_log()[-1].action is AuditAction.ACCESS_ENDED
    # and a use case asked in that session is refused, not only the page
    with pytest.raises(AccessDenied):
        access.use_identity(lambda: accounts.still_signed_in(repo, user))
        list_reviews(repo, demo.project_id)
    access.use_identity(lambda: TEST_ADMIN)


def test_a_role_changed_while_signed_in_applies_at_the_next_click(demo: Demo) -> None:
    at = app_as(signed_in_as(Role.QUALITY_LEAD, username="moving-lead"))
    at.switch_page("pages/audit_log.py").run()
    assert at.title[0].value == "Audit log"
    repo = bootstrap.build_repository()
    account = _account(repo, "moving-lead")
    with access.acting_as(TEST_ADMIN):
        accounts.update_account(
            repo,
            account.id,
            display_name="x",
            role=Role.FACILITATOR,
            teams=[],
            active=True,
            actor="t",
            now=datetime.now(UTC),
        )
    at.run()
    assert at.session_state[context.USER_KEY].role is Role.FACILITATOR
    assert at.title[0].value != "Audit log"  # the page is no longer in this role's list


def test_a_code_stopped_while_the_person_is_using_it_ends_their_session(demo: Demo) -> None:
    repo = bootstrap.build_repository(demo.folder)
    with access.acting_as(TEST_ADMIN):
        own = start_review(
            repo,
            demo.project_id,
            person_ref="STOP-CODE-1",
            review_date=datetime.now(UTC).date(),
            mode=ReviewMode.SELF,
            actor="test",
            now=datetime.now(UTC),
        )
        invitation, code = invitations.invite(repo, own.id, actor="test", now=datetime.now(UTC))
    person = invitations.open_with_code(repo, code, now=datetime.now(UTC))
    at = app_as(person)
    at.switch_page("pages/self_review.py").run()
    assert at.session_state[context.USER_KEY].review_id == own.id
    with access.acting_as(TEST_ADMIN):
        invitations.revoke(repo, own.id, invitation.id, actor="test", now=datetime.now(UTC))
    at.run()
    assert [t.value for t in at.title] == [SIGN_IN_TITLE]
    assert context.USER_KEY not in at.session_state


def test_starting_an_own_review_hands_the_device_over_and_signs_staff_out(demo: Demo) -> None:
    at = app_as(staff(Role.REVIEWER, demo))
    at.switch_page("pages/reviews.py").run()
    at.text_input(key="reviews.self_ref").input("HAND-1")
    next(b for b in at.button if b.label == "Start an own review (easy read)").click().run()
    assert not at.exception, at.exception
    person = at.session_state[context.USER_KEY]
    repo = bootstrap.build_repository()
    review = next(r for r in repo.find(Review) if r.person_ref == "HAND-1")
    assert (person.role, person.review_id) == (Role.SELF_REVIEWER, review.id)
    # Nothing of the staff session is left, and no staff page can be reached from this tab.
    assert "reviews.self_ref" not in at.session_state and "context.project_id" not in at.session_state
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/reviews.py")
    log = [(e.actor, e.action) for e in repo.audit_log()][-4:]
    assert ("test-reviewer", AuditAction.SIGN_OUT) in log
    assert ("own review (code)", AuditAction.SIGN_IN) in log
    # Staff can end it from Reviews, like any code: the handed-over tab is signed out at its next click.
    handed = next(i for i in invitations.invitations(repo, review.id) if i.id == person.invitation_id)
    with access.acting_as(TEST_ADMIN):
        invitations.revoke(repo, review.id, handed.id, actor="test", now=datetime.now(UTC))
    at.run()
    assert [t.value for t in at.title] == [SIGN_IN_TITLE]


def test_an_own_review_can_be_handed_over_from_the_reviews_list(demo: Demo) -> None:
    repo = bootstrap.build_repository()
    with access.acting_as(TEST_ADMIN):
        own = start_review(
            repo,
            demo.project_id,
            person_ref="HAND-2",
            review_date=datetime.now(UTC).date(),
            mode=ReviewMode.SELF,
            details={"team": demo.team},
            actor="test",
            now=datetime.now(UTC),
        )
        _, code = invitations.invite(repo, own.id, actor="test", now=datetime.now(UTC))
    at = _open_review(app_as(staff(Role.REVIEWER, demo)), own)
    next(b for b in at.button if b.label == "Hand this device to the person").click().run()
    assert at.session_state[context.USER_KEY].review_id == own.id
    assert invitations.open_with_code(repo, code, now=datetime.now(UTC)).review_id == own.id  # still works
