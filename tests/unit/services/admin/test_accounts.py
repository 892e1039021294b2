"""Staff accounts and signing in: argon2 hashes only, one plain refusal for every wrong way in, a wait
after repeated wrong passwords, case-insensitive usernames, at least one administrator, and every
sign-in (never the password) in the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tests import factories as f
from wtfc_collect import bootstrap
from wtfc_collect.domain import Account, AuditAction, Role, User
from wtfc_collect.services import access
from wtfc_collect.services.access import AccessDenied
from wtfc_collect.services.admin import accounts
from wtfc_collect.services.admin.accounts import SignInRefused
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.storage.port import Repository

NOW = f.NOW
PASSWORD = "correct horse battery"  # noqa: S105 (made up for the tests)
OTHER_PASSWORD = "purple monkey dishwasher"  # noqa: S105


@pytest.fixture(autouse=True)
def no_earlier_failures() -> Iterator[None]:
    """The wrong-password counter lives in the module: start and end each test with a clean one."""
    accounts._failures.clear()
    yield
    accounts._failures.clear()


def _create(
    repo: Repository,
    username: str = "sam.jones",
    role: Role = Role.REVIEWER,
    password: str = PASSWORD,
    **extra: object,
) -> Account:
    return accounts.create_account(
        repo,
        username=username,
        display_name=extra.pop("display_name", "Sam Jones"),  # type: ignore[arg-type]
        role=role,
        password=password,
        actor="test admin",
        now=NOW,
        **extra,  # type: ignore[arg-type]
    )


def _update(repo: Repository, account: Account, **changes: object) -> Account:
    fields: dict[str, object] = {
        "display_name": account.display_name,
        "role": account.role,
        "teams": account.teams,
        "active": account.active,
    }
    fields.update(changes)
    return accounts.update_account(repo, account.id, actor="test admin", now=NOW, **fields)  # type: ignore[arg-type]


def _refusal(repo: Repository, username: str, password: str, now: object = NOW) -> str:
    with pytest.raises(SignInRefused) as refused:
        accounts.sign_in(repo, username, password, now=now)  # type: ignore[arg-type]
    return refused.value.message


def _everything_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


# --------------------------------------------------------------------------------------------------
# Passwords


def test_only_an_argon2_hash_of_the_password_is_kept(data_dir: Path) -> None:
    repo = bootstrap.build_repository(data_dir)
    account = _create(repo)
    assert account.password_hash.startswith("$argon2id$")
    assert PasswordHasher().verify(account.password_hash, PASSWORD)
    assert PASSWORD not in account.model_dump_json()
    stored = repo.get(Account, account.id)
    assert stored is not None and PASSWORD not in stored.model_dump_json()
    on_disk = _everything_under(data_dir)
    assert account.password_hash.encode() in on_disk  # the account really is in the data folder …
    assert PASSWORD.encode() not in on_disk  # … but its password is not


def test_the_same_password_gives_different_hashes(memory_repo: Repository) -> None:
    one = _create(memory_repo, "one", password=PASSWORD)
    two = _create(memory_repo, "two", password=PASSWORD)
    assert one.password_hash != two.password_hash


def test_sign_in_with_the_right_password(memory_repo: Repository) -> None:
    account = _create(memory_repo, teams=["North team"], role=Role.QUALITY_LEAD)
    user = accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=NOW)
    assert user == User(
        username="sam.jones",
        role=Role.QUALITY_LEAD,
        display_name="Sam Jones",
        teams=("North team",),
        account_id=account.id,
    )
    assert user.review_id is None and account.username == user.username


def test_wrong_password_unknown_username_and_inactive_account_get_the_same_plain_message(
    memory_repo: Repository,
) -> None:
    _create(memory_repo)
    gone = _create(memory_repo, "gone.away")
    _update(memory_repo, gone, active=False)
    messages = {
        _refusal(memory_repo, "sam.jones", OTHER_PASSWORD),
        _refusal(memory_repo, "nobody.here", PASSWORD),
        _refusal(memory_repo, "gone.away", PASSWORD),  # the right password for an inactive account
        _refusal(memory_repo, "", PASSWORD),
        _refusal(memory_repo, "sam.jones", ""),
    }
    assert messages == {accounts.REFUSED}
    assert "username" in accounts.REFUSED and "Traceback" not in accounts.REFUSED


def test_five_wrong_passwords_lock_the_account_for_a_while(memory_repo: Repository) -> None:
    _create(memory_repo)
    for attempt in range(accounts.ATTEMPTS_BEFORE_WAIT):
        assert _refusal(memory_repo, "Sam.Jones", f"wrong password {attempt}", NOW) == accounts.REFUSED
    # Now even the right password is refused, with a message that says to wait.
    assert _refusal(memory_repo, "sam.jones", PASSWORD, NOW + timedelta(minutes=1)) == accounts.TOO_MANY
    assert _refusal(memory_repo, "SAM.JONES", PASSWORD, NOW + timedelta(minutes=14)) == accounts.TOO_MANY
    # Another account is not affected.
    _create(memory_repo, "kim")
    assert accounts.sign_in(memory_repo, "kim", PASSWORD, now=NOW).username == "kim"
    # After the wait the right password works again, and clears the count.
    later = NOW + accounts.WAIT + timedelta(seconds=1)
    assert accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=later).username == "sam.jones"
    assert _refusal(memory_repo, "sam.jones", "wrong again", later) == accounts.REFUSED
    assert accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=later).username == "sam.jones"


def test_four_wrong_passwords_do_not_lock(memory_repo: Repository) -> None:
    _create(memory_repo)
    for attempt in range(accounts.ATTEMPTS_BEFORE_WAIT - 1):
        _refusal(memory_repo, "sam.jones", f"wrong password {attempt}")
    assert accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=NOW).username == "sam.jones"


def test_unknown_usernames_are_locked_too_so_their_absence_does_not_show(memory_repo: Repository) -> None:
    for attempt in range(accounts.ATTEMPTS_BEFORE_WAIT):
        _refusal(memory_repo, "nobody.here", f"guess {attempt}")
    assert _refusal(memory_repo, "nobody.here", "guess again") == accounts.TOO_MANY


def test_set_password_replaces_the_old_one(memory_repo: Repository) -> None:
    account = _create(memory_repo)
    accounts.set_password(memory_repo, account.id, OTHER_PASSWORD, actor="test admin", now=NOW)
    assert _refusal(memory_repo, "sam.jones", PASSWORD) == accounts.REFUSED
    assert accounts.sign_in(memory_repo, "sam.jones", OTHER_PASSWORD, now=NOW).role is Role.REVIEWER
    with pytest.raises(InvalidInput) as short:
        accounts.set_password(memory_repo, account.id, "short", actor="test admin", now=NOW)
    assert set(short.value.errors) == {"password"}


# --------------------------------------------------------------------------------------------------
# Creating and changing accounts


def test_usernames_are_case_insensitive(memory_repo: Repository) -> None:
    account = _create(memory_repo, "  Sam.Jones ")
    assert account.username == "sam.jones"
    assert accounts.sign_in(memory_repo, "SAM.JONES", PASSWORD, now=NOW).username == "sam.jones"
    assert accounts.sign_in(memory_repo, " sam.Jones ", PASSWORD, now=NOW).username == "sam.jones"


def test_a_duplicate_username_is_refused_with_a_field_error(memory_repo: Repository) -> None:
    _create(memory_repo, "sam.jones")
    with pytest.raises(InvalidInput) as duplicate:
        _create(memory_repo, "SAM.jones", password=OTHER_PASSWORD)
    assert set(duplicate.value.errors) == {"username"}
    assert "already" in duplicate.value.errors["username"]
    assert len(accounts.list_accounts(memory_repo)) == 1


@pytest.mark.parametrize("password", ["", "short", "123456789", "SAM.JONES.LONGER", "x" * 201])
def test_a_weak_password_is_refused_with_a_field_error(memory_repo: Repository, password: str) -> None:
    with pytest.raises(InvalidInput) as weak:
        _create(memory_repo, "sam.jones.longer", password=password)
    assert set(weak.value.errors) == {"password"}
    assert not accounts.has_accounts(memory_repo)


def test_a_ten_character_password_is_enough(memory_repo: Repository) -> None:
    ten = "0123456789"
    _create(memory_repo, password=ten)
    assert accounts.sign_in(memory_repo, "sam.jones", ten, now=NOW).username == "sam.jones"


def test_accounts_are_not_for_people_doing_their_own_review(memory_repo: Repository) -> None:
    with pytest.raises(InvalidInput) as refused:
        _create(memory_repo, role=Role.SELF_REVIEWER)
    assert "role" in refused.value.errors
    account = _create(memory_repo)
    with pytest.raises(InvalidInput) as changed:
        _update(memory_repo, account, role=Role.SELF_REVIEWER)
    assert "role" in changed.value.errors
    stored = memory_repo.get(Account, account.id)
    assert stored is not None and stored.role is Role.REVIEWER


def test_the_last_active_administrator_cannot_be_demoted_or_switched_off(memory_repo: Repository) -> None:
    boss = _create(memory_repo, "boss", role=Role.ADMINISTRATOR)
    for change in ({"role": Role.REVIEWER}, {"active": False}, {"role": Role.QUALITY_LEAD, "active": False}):
        with pytest.raises(InvalidInput) as refused:
            _update(memory_repo, boss, **change)
        assert "role" in refused.value.errors and "administrator" in refused.value.errors["role"]
    stored = memory_repo.get(Account, boss.id)
    assert stored is not None and stored.role is Role.ADMINISTRATOR and stored.active
    # An inactive administrator does not count as another one.
    spare = _create(memory_repo, "spare", role=Role.ADMINISTRATOR)
    _update(memory_repo, spare, active=False)
    with pytest.raises(InvalidInput):
        _update(memory_repo, boss, role=Role.REVIEWER)
    # With a second active administrator, the first may step down.
    _create(memory_repo, "deputy", role=Role.ADMINISTRATOR)
    assert _update(memory_repo, boss, role=Role.REVIEWER).role is Role.REVIEWER
    # Renaming the last administrator is fine.
    deputy = next(a for a in accounts.list_accounts(memory_repo) if a.username == "deputy")
    assert _update(memory_repo, deputy, display_name="Dee Puty").display_name == "Dee Puty"


def test_a_deactivated_account_cannot_sign_in_and_can_again_once_active(memory_repo: Repository) -> None:
    account = _create(memory_repo)
    _update(memory_repo, account, active=False)
    assert _refusal(memory_repo, "sam.jones", PASSWORD) == accounts.REFUSED
    _update(memory_repo, account, active=True)
    assert accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=NOW).username == "sam.jones"


def test_a_role_change_applies_at_the_next_sign_in(memory_repo: Repository) -> None:
    account = _create(memory_repo, teams=["North team"])
    _update(memory_repo, account, role=Role.FACILITATOR, teams=["South team"])
    user = accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=NOW)
    assert (user.role, user.teams) == (Role.FACILITATOR, ("South team",))


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.QUALITY_LEAD, Role.FACILITATOR, Role.SELF_REVIEWER])
def test_only_administrators_manage_accounts(memory_repo: Repository, role: Role) -> None:
    account = _create(memory_repo)
    with access.acting_as(User(username="someone", role=role)):
        for call in (
            lambda: _create(memory_repo, "sneaky", role=Role.ADMINISTRATOR),
            lambda: accounts.list_accounts(memory_repo),
            lambda: _update(memory_repo, account, role=Role.ADMINISTRATOR),
            lambda: accounts.set_password(memory_repo, account.id, OTHER_PASSWORD, actor="x", now=NOW),
        ):
            with pytest.raises(AccessDenied):
                call()
    assert [a.username for a in accounts.list_accounts(memory_repo)] == ["sam.jones"]
    assert accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=NOW).role is Role.REVIEWER


def test_has_accounts(memory_repo: Repository) -> None:
    assert accounts.has_accounts(memory_repo) is False
    _create(memory_repo)
    assert accounts.has_accounts(memory_repo) is True


# --------------------------------------------------------------------------------------------------
# The audit log


def test_sign_ins_and_refusals_are_in_the_audit_log_without_the_password(memory_repo: Repository) -> None:
    account = _create(memory_repo)
    accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=NOW)
    _refusal(memory_repo, "sam.jones", OTHER_PASSWORD)
    _refusal(memory_repo, "nobody.here", PASSWORD)
    accounts.note_sign_out(memory_repo, User(username="sam.jones", role=Role.REVIEWER), now=NOW)
    accounts.note_sign_out(
        memory_repo, User(username="sam.jones", role=Role.REVIEWER), now=NOW, timed_out=True
    )
    log = memory_repo.audit_log()
    signed_in = [e for e in log if e.action is AuditAction.SIGN_IN]
    assert [(e.actor, e.record_id) for e in signed_in] == [("sam.jones", account.id)]
    refused = [e.actor for e in log if e.action is AuditAction.SIGN_IN_REFUSED]
    assert sorted(refused) == ["nobody.here", "sam.jones"]
    assert [e.action for e in log if e.action in (AuditAction.SIGN_OUT, AuditAction.TIMED_OUT)] == [
        AuditAction.SIGN_OUT,
        AuditAction.TIMED_OUT,
    ]
    everything = " ".join(e.model_dump_json() for e in log)
    assert PASSWORD not in everything and OTHER_PASSWORD not in everything
    assert account.password_hash not in everything


def test_a_locked_out_attempt_is_audited_as_refused(memory_repo: Repository) -> None:
    _create(memory_repo)
    for attempt in range(accounts.ATTEMPTS_BEFORE_WAIT + 1):
        _refusal(memory_repo, "sam.jones", f"wrong password {attempt}")
    refused = [e for e in memory_repo.audit_log() if e.action is AuditAction.SIGN_IN_REFUSED]
    assert len(refused) == accounts.ATTEMPTS_BEFORE_WAIT + 1
    assert "wrong password" not in " ".join(e.model_dump_json() for e in refused)


# --------------------------------------------------------------------------------------------------
# Single sign-on


def test_single_sign_on_maps_a_known_address_to_that_accounts_role(memory_repo: Repository) -> None:
    _create(
        memory_repo,
        "fran",
        role=Role.FACILITATOR,
        sso_email="  Fran.Smith@Example.ORG ",
        teams=["South team"],
    )
    _create(memory_repo, "sam.jones", role=Role.REVIEWER, sso_email="sam@example.org")
    user = accounts.sign_in_with_identity(memory_repo, "fran.smith@example.org", now=NOW)
    assert (user.username, user.role, user.teams) == ("fran", Role.FACILITATOR, ("South team",))
    assert accounts.sign_in_with_identity(memory_repo, " SAM@EXAMPLE.ORG", now=NOW).role is Role.REVIEWER
    signed_in = [e for e in memory_repo.audit_log() if e.action is AuditAction.SIGN_IN]
    assert [(e.actor, e.reason) for e in signed_in] == [
        ("fran", "single sign-on"),
        ("sam.jones", "single sign-on"),
    ]


@pytest.mark.parametrize("email", ["stranger@example.org", "", None, "   ", "fran.smith@example.org.evil"])
def test_single_sign_on_refuses_an_address_no_account_has(memory_repo: Repository, email: str | None) -> None:
    _create(memory_repo, "fran", role=Role.FACILITATOR, sso_email="fran.smith@example.org")
    _create(memory_repo, "no.sso", role=Role.ADMINISTRATOR)  # no address at all: never matched by ""
    with pytest.raises(SignInRefused):
        accounts.sign_in_with_identity(memory_repo, email, now=NOW)
    assert [e.action for e in memory_repo.audit_log() if e.actor == "single sign-on"] == [
        AuditAction.SIGN_IN_REFUSED
    ]


def test_single_sign_on_refuses_an_inactive_account(memory_repo: Repository) -> None:
    fran = _create(memory_repo, "fran", role=Role.FACILITATOR, sso_email="fran.smith@example.org")
    _update(memory_repo, fran, active=False)
    with pytest.raises(SignInRefused):
        accounts.sign_in_with_identity(memory_repo, "fran.smith@example.org", now=NOW)


def test_a_work_e_mail_belongs_to_one_account_only(memory_repo: Repository) -> None:
    first = _create(memory_repo, "rev", sso_email="Sam@Example.org")
    with pytest.raises(InvalidInput) as taken:
        _create(memory_repo, "boss", role=Role.ADMINISTRATOR, sso_email="sam@example.org ")
    assert "sso_email" in taken.value.errors
    other = _create(memory_repo, "kim")
    with pytest.raises(InvalidInput):
        _update(memory_repo, other, sso_email="SAM@example.org")
    assert accounts.sign_in_with_identity(memory_repo, "sam@example.org", now=NOW).username == first.username


def test_an_administrator_can_link_a_work_e_mail_later(memory_repo: Repository) -> None:
    account = _create(memory_repo, "kim", role=Role.FACILITATOR)
    with pytest.raises(SignInRefused):
        accounts.sign_in_with_identity(memory_repo, "kim@example.org", now=NOW)
    _update(memory_repo, account, sso_email=" Kim@Example.org")
    user = accounts.sign_in_with_identity(memory_repo, "kim@example.org", now=NOW)
    assert user.username == "kim" and user.role is Role.FACILITATOR


def test_an_open_session_follows_the_account_as_it_is_now(memory_repo: Repository) -> None:
    account = _create(memory_repo, role=Role.QUALITY_LEAD)
    user = accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=NOW)
    assert accounts.still_signed_in(memory_repo, user) == user
    moved = accounts.update_account(
        memory_repo,
        account.id,
        display_name="Sam J",
        role=Role.FACILITATOR,
        teams=["East team"],
        active=True,
        actor="admin",
        now=NOW,
    )
    fresh = accounts.still_signed_in(memory_repo, user)
    assert fresh is not None
    assert (fresh.role, fresh.teams, fresh.display_name) == (Role.FACILITATOR, ("East team",), "Sam J")
    accounts.update_account(
        memory_repo,
        moved.id,
        display_name="Sam J",
        role=Role.FACILITATOR,
        teams=[],
        active=False,
        actor="admin",
        now=NOW,
    )
    assert accounts.still_signed_in(memory_repo, user) is None
    assert accounts.still_signed_in(memory_repo, User(username="made up", role=Role.ADMINISTRATOR)) is None


def test_ending_access_is_written_in_the_audit_log(memory_repo: Repository) -> None:
    _create(memory_repo)
    user = accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=NOW)
    accounts.note_sign_out(memory_repo, user, now=NOW, access_ended=True)
    assert memory_repo.audit_log()[-1].action is AuditAction.ACCESS_ENDED
