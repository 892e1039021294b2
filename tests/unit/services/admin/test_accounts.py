"""Staff accounts and signing in: argon2 hashes only, one plain refusal for every wrong way in, a wait
after repeated wrong passwords, case-insensitive usernames, at least one administrator, and every
sign-in (never the password) in the audit log."""

from __future__ import annotations

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
from wtfc_collect.storage.tinydb_store import TinyDBRepository, close_all

NOW = f.NOW
PASSWORD = "correct horse battery"  # noqa: S105 (made up for the tests)
OTHER_PASSWORD = "purple monkey dishwasher"  # noqa: S105


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


def _refusal(repo: Repository, username: str, password: str, now: object = NOW, source: str = "") -> str:
    with pytest.raises(SignInRefused) as refused:
        accounts.sign_in(repo, username, password, now=now, source=source)  # type: ignore[arg-type]
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


def test_wrong_password_and_unknown_username_get_the_same_plain_message(memory_repo: Repository) -> None:
    _create(memory_repo)
    messages = {
        _refusal(memory_repo, "sam.jones", OTHER_PASSWORD),
        _refusal(memory_repo, "nobody.here", PASSWORD),
        _refusal(memory_repo, "", PASSWORD),
        _refusal(memory_repo, "sam.jones", ""),
    }
    assert messages == {accounts.REFUSED}
    assert "username" in accounts.REFUSED and "Traceback" not in accounts.REFUSED


def test_a_stopped_account_is_told_it_is_stopped_but_only_with_the_right_password(
    memory_repo: Repository,
) -> None:
    gone = _create(memory_repo, "gone.away")
    _update(memory_repo, gone, active=False)
    assert _refusal(memory_repo, "gone.away", OTHER_PASSWORD) == accounts.REFUSED
    assert _refusal(memory_repo, "gone.away", PASSWORD) == accounts.STOPPED


def _waits(message: str) -> bool:
    return message.startswith("Too many wrong tries. Wait ")


def test_past_five_wrong_passwords_each_try_waits_longer_and_the_waits_end(memory_repo: Repository) -> None:
    _create(memory_repo)
    for attempt in range(accounts.FROM_ONE_PLACE.free):
        assert _refusal(memory_repo, "Sam.Jones", f"wrong {attempt}", NOW, "10.0.0.1") == accounts.REFUSED
    # Now even the right password waits, with a message that says how long.
    refused = _refusal(memory_repo, "sam.jones", PASSWORD, NOW + timedelta(seconds=10), "10.0.0.1")
    assert (
        refused == "Too many wrong tries. Wait 20 seconds, then try again, or ask an administrator for help."
    )
    # After the first wait a wrong try is counted, and the next wait is twice as long.
    after = NOW + timedelta(seconds=31)
    assert _refusal(memory_repo, "sam.jones", "wrong again", after, "10.0.0.1") == accounts.REFUSED
    assert "Wait 60 seconds" in _refusal(memory_repo, "sam.jones", PASSWORD, after, "10.0.0.1")
    # Once the wait is over the right password works, and the count for this place starts again.
    later = after + timedelta(seconds=61)
    user = accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=later, source="10.0.0.1")
    assert user.username == "sam.jones"
    assert _refusal(memory_repo, "sam.jones", "wrong once more", later, "10.0.0.1") == accounts.REFUSED


def test_someone_elsewhere_cannot_keep_an_account_shut(memory_repo: Repository) -> None:
    _create(memory_repo)
    for attempt in range(accounts.FROM_ONE_PLACE.free + 3):
        _refusal(memory_repo, "sam.jones", f"attacker {attempt}", NOW, "203.0.113.9")
    assert _waits(_refusal(memory_repo, "sam.jones", PASSWORD, NOW, "203.0.113.9"))
    # The account's owner, from their own place, signs in at once.
    assert (
        accounts.sign_in(memory_repo, "sam.jones", PASSWORD, now=NOW, source="10.0.0.7").username
        == "sam.jones"
    )


def test_one_place_trying_many_accounts_waits_too(memory_repo: Repository) -> None:
    _create(memory_repo, "kim")
    for attempt in range(accounts.ONE_PLACE_ANY_ACCOUNT.free):
        _refusal(memory_repo, f"user{attempt}", "guess", NOW, "198.51.100.4")
    assert _waits(_refusal(memory_repo, "kim", PASSWORD, NOW, "198.51.100.4"))
    assert accounts.sign_in(memory_repo, "kim", PASSWORD, now=NOW, source="10.0.0.7").username == "kim"


def test_unknown_usernames_wait_too_so_their_absence_does_not_show(memory_repo: Repository) -> None:
    for attempt in range(accounts.FROM_ONE_PLACE.free):
        _refusal(memory_repo, "nobody.here", f"guess {attempt}")
    assert _waits(_refusal(memory_repo, "nobody.here", "guess again"))


def test_wrong_passwords_are_counted_in_the_store_across_restarts_and_servers(tmp_path: Path) -> None:
    path = tmp_path / "wtfc.json"
    first = TinyDBRepository(path)
    _create(first)
    _refusal(first, "sam.jones", "wrong first", NOW, "10.0.0.1")  # makes the store's key, once
    before = path.stat()
    for attempt in range(accounts.FROM_ONE_PLACE.free - 2):
        _refusal(first, "sam.jones", f"wrong {attempt}", NOW, "10.0.0.1")
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)  # no rewrite
    close_all()  # a restart; a second server on the same data sees the same counts
    second = TinyDBRepository(path)
    assert _refusal(second, "sam.jones", "wrong again", NOW, "10.0.0.1") == accounts.REFUSED
    assert _waits(_refusal(second, "sam.jones", PASSWORD, NOW, "10.0.0.1"))
    close_all()


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


HIDDEN = ["\u202e", "\u200b", "\u200f", "\u2066", "\ufeff", "\x00", "\x1b", "\x85", "\u00ad"]


@pytest.mark.parametrize("hidden", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_names_with_hidden_characters_are_refused_never_cleaned_into_another_name(
    memory_repo: Repository, hidden: str
) -> None:
    """A control character, one that turns the text's direction or one that takes no space would let a
    name look like someone else's ("ad" + U+202E + "nim" shows as "admin" in some places)."""
    _create(memory_repo, "admin", role=Role.ADMINISTRATOR)
    with pytest.raises(InvalidInput) as refused:
        _create(memory_repo, f"ad{hidden}min", password=OTHER_PASSWORD)
    assert set(refused.value.errors) == {"username"}
    with pytest.raises(InvalidInput) as named:
        _create(memory_repo, "sam.jones", display_name=f"Sam{hidden} Jones")
    assert "hidden character" in named.value.errors["display_name"]
    assert [a.username for a in accounts.list_accounts(memory_repo)] == ["admin"]
    with pytest.raises(SignInRefused):  # nor does it sign in as the name it hides
        accounts.sign_in(memory_repo, f"ad{hidden}min", PASSWORD, now=NOW)


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
    assert _refusal(memory_repo, "sam.jones", PASSWORD) == accounts.STOPPED
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
    assert not [e for e in log if e.action is AuditAction.SIGN_IN_REFUSED]  # no waits began: nothing noted
    assert [e.action for e in log if e.action in (AuditAction.SIGN_OUT, AuditAction.TIMED_OUT)] == [
        AuditAction.SIGN_OUT,
        AuditAction.TIMED_OUT,
    ]
    everything = " ".join(e.model_dump_json() for e in log)
    assert PASSWORD not in everything and OTHER_PASSWORD not in everything
    assert account.password_hash not in everything


def test_the_audit_log_notes_only_when_waits_begin_and_never_what_was_typed(memory_repo: Repository) -> None:
    _create(memory_repo)
    for attempt in range(accounts.FROM_ONE_PLACE.free + 2):
        _refusal(memory_repo, "sam.jones", f"wrong password {attempt}", NOW, "10.0.0.1")
    refused = [e for e in memory_repo.audit_log() if e.action is AuditAction.SIGN_IN_REFUSED]
    assert len(refused) == 1  # the try after which waits began, not every try
    everything = " ".join(e.model_dump_json() for e in memory_repo.audit_log())
    assert (
        "wrong password" not in everything and "sam.jones" not in everything and "10.0.0.1" not in everything
    )


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
