"""Staff accounts and signing in: local accounts with argon2 password hashes, or single sign-on.

Only a hash of each password is stored. Signing in and out go into the audit log (never the password).
Wrong passwords are counted in the store (so a restart or a second server does not reset them), under
labels that cannot be read back, never under what was typed: per account from one place, per place over
all accounts, and per account from anywhere. Past a few, each try waits a little longer, up to a quarter of
an hour — nobody is locked out for good, and someone elsewhere cannot keep an account shut. A refused try
is one small write beside the data, never a rewrite of it; the audit log notes only when waits begin.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from wtfc_collect.domain import Account, AuditAction, DomainError, Role, User, new_id, utc
from wtfc_collect.services.access import ADMIN, entrance, guard
from wtfc_collect.services.common import (
    InvalidInput,
    Throttle,
    build,
    keyed,
    record_audit,
    updated,
    wait_words,
)
from wtfc_collect.storage.port import Repository

MIN_PASSWORD = 10
MAX_PASSWORD = 200
# Wrong passwords that are free before each try waits: for one account from one place, from one place over
# all accounts (someone trying many), and for one account from anywhere (many places trying one account).
FROM_ONE_PLACE = Throttle(free=5)
ONE_PLACE_ANY_ACCOUNT = Throttle(free=20)
ONE_ACCOUNT_ANYWHERE = Throttle(free=50, longest_wait=Throttle.longest_wait / 3)
REFUSED = "That username and password do not match an account. Check them and try again."
TOO_MANY = "Too many wrong tries. Wait {wait}, then try again, or ask an administrator for help."
STOPPED = "This account has been stopped, so it cannot sign in. Ask an administrator if you need it again."

_hasher = PasswordHasher()  # argon2id with the library's recommended settings


@functools.cache
def _dummy_hash() -> str:
    """A hash checked when no account matches, so a wrong username takes as long as a wrong password
    (made on first use, not when the module is imported)."""
    return _hasher.hash("no account has this password")


class SignInRefused(DomainError):
    """Signing in did not work. The message does not say whether the username exists."""


def _password_problem(password: str, username: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"Use at least {MIN_PASSWORD} characters. A few ordinary words together work well."
    if len(password) > MAX_PASSWORD:
        return f"Use at most {MAX_PASSWORD} characters."
    if password.casefold() == username.casefold():
        return "The password must not be the username."
    return None


def _email_taken(repo: Repository, sso_email: str, account_id: str | None) -> str | None:
    address = sso_email.strip().casefold()
    if address and any(a.sso_email == address and a.id != account_id for a in repo.find(Account)):
        return "Another account already has this work e-mail address."
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _clean_username(username: str) -> str:
    """As typed, without the spaces around it, in lower case: nothing inside is taken out (a hidden
    character makes it another name, refused when an account is made)."""
    return username.strip(" \t\n").casefold()


def _find(repo: Repository, username: str) -> Account | None:
    name = _clean_username(username)
    return next((a for a in repo.find(Account, username=name)), None) if name else None


def user_of(account: Account) -> User:
    return User(
        username=account.username,
        role=account.role,
        display_name=account.display_name,
        teams=tuple(account.teams),
        account_id=account.id,
    )


@entrance
def still_signed_in(repo: Repository, user: User) -> User | None:
    """The signed-in staff member as their account stands now (name, role and teams as last changed), or
    None when the account was stopped or removed: then their access ends at once."""
    account = repo.get(Account, user.account_id) if user.account_id else None
    if account is None or not account.active or account.role is Role.SELF_REVIEWER:
        return None
    return user_of(account)


@guard(ADMIN)
def create_account(
    repo: Repository,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    teams: Iterable[str] = (),
    sso_email: str = "",
    actor: str,
    now: datetime,
) -> Account:
    """Add a staff account. Plain-words errors name the field (``username``, ``password`` …)."""
    name = _clean_username(username)
    errors: dict[str, str] = {}
    if role is Role.SELF_REVIEWER:
        errors["role"] = "People doing their own review get a code, not an account."
    if name and _find(repo, name) is not None:
        errors["username"] = "There is already an account with this username."
    problem = _password_problem(password, name)
    if problem:
        errors["password"] = problem
    email_problem = _email_taken(repo, sso_email, None)
    if email_problem:
        errors["sso_email"] = email_problem
    if errors:
        raise InvalidInput(errors)
    account = build(
        Account,
        {
            "id": new_id(),
            "username": name,
            "display_name": display_name,
            "role": role,
            "teams": list(teams),
            "password_hash": hash_password(password),
            "sso_email": sso_email.strip().casefold(),
            "created_at": utc(now),
        },
    )
    saved = repo.save(account)
    record_audit(repo, actor=actor, action=AuditAction.CREATE, record=saved, now=now, reason=role.value)
    return saved


@guard(ADMIN)
def list_accounts(repo: Repository) -> list[Account]:
    return sorted(repo.find(Account), key=lambda a: a.username)


def _account(repo: Repository, account_id: str) -> Account:
    account = repo.get(Account, account_id)
    if account is None:
        raise DomainError("That account no longer exists.")
    return account


@guard(ADMIN)
def update_account(
    repo: Repository,
    account_id: str,
    *,
    display_name: str,
    role: Role,
    teams: Iterable[str],
    active: bool,
    sso_email: str | None = None,
    actor: str,
    now: datetime,
) -> Account:
    """Change an account's name, role, teams, work e-mail (single sign-on) or whether it can sign in."""
    account = _account(repo, account_id)
    email = account.sso_email if sso_email is None else sso_email.strip().casefold()
    taken = _email_taken(repo, email, account.id)
    if taken:
        raise InvalidInput({"sso_email": taken})
    if role is Role.SELF_REVIEWER:
        raise InvalidInput({"role": "People doing their own review get a code, not an account."})
    if account.role is Role.ADMINISTRATOR and (role is not Role.ADMINISTRATOR or not active):
        others = [a for a in repo.find(Account, role=Role.ADMINISTRATOR, active=True) if a.id != account.id]
        if not others:
            raise InvalidInput(
                {"role": "Keep at least one active administrator, or nobody can manage accounts."}
            )
    changed = updated(
        account,
        {
            "display_name": display_name,
            "role": role,
            "teams": list(teams),
            "active": active,
            "sso_email": email,
        },
    )
    saved = repo.save(changed)
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason=role.value)
    return saved


@guard(ADMIN)
def set_password(repo: Repository, account_id: str, password: str, *, actor: str, now: datetime) -> Account:
    """Give an account a new password (for example when someone has forgotten theirs)."""
    account = _account(repo, account_id)
    problem = _password_problem(password, account.username)
    if problem:
        raise InvalidInput({"password": problem})
    saved = repo.save(updated(account, {"password_hash": hash_password(password)}))
    record_audit(repo, actor=actor, action=AuditAction.EDIT, record=saved, now=now, reason="new password")
    return saved


@entrance
def has_accounts(repo: Repository) -> bool:
    """Whether anyone can sign in yet (the sign-in screen explains ``create-admin`` when not)."""
    return bool(repo.find(Account))


def _labels(repo: Repository, name: str, source: str, now: datetime) -> dict[Throttle, str]:
    place = keyed(repo, "place", source, now)
    account = keyed(repo, "account", name, now)
    return {
        FROM_ONE_PLACE: f"{account}@{place}",
        ONE_PLACE_ANY_ACCOUNT: place,
        ONE_ACCOUNT_ANYWHERE: account,
    }


def _refuse(repo: Repository, labels: dict[Throttle, str], now: datetime) -> SignInRefused:
    """Count the wrong try under every label; the audit log notes only the try after which waits begin
    (and never what was typed)."""
    for throttle, label in labels.items():
        if throttle.starts_waiting(repo, label, now):
            record_audit(
                repo,
                actor="sign-in",
                action=AuditAction.SIGN_IN_REFUSED,
                record=None,
                now=now,
                reason=f"waits begin for {label.split(':', 1)[0]} {label[-8:]}",
            )
    return SignInRefused(REFUSED, "password")


@entrance
def sign_in(repo: Repository, username: str, password: str, *, now: datetime, source: str = "") -> User:
    """The user for this username and password, or SignInRefused (plain words, no hint which was wrong).

    ``source`` is where the try comes from (the browser's address, as the server sees it); it is only ever
    kept as a label that cannot be read back.
    """
    name = _clean_username(username)[:80]
    labels = _labels(repo, name, source, now)
    waits = [w for t, label in labels.items() if (w := t.wait(repo, label, now)) is not None]
    if waits:
        raise SignInRefused(TOO_MANY.format(wait=wait_words(max(waits))), "password")
    account = _find(repo, name)
    try:
        _hasher.verify(account.password_hash if account else _dummy_hash(), password[:MAX_PASSWORD])
        right = account is not None
    except (VerificationError, InvalidHashError):
        right = False
    if not right or account is None:
        raise _refuse(repo, labels, now)
    if not account.active:
        raise SignInRefused(STOPPED, "password")
    repo.forget_attempts(labels[FROM_ONE_PLACE])
    if _hasher.check_needs_rehash(account.password_hash):
        account = repo.save(updated(account, {"password_hash": hash_password(password)}))
    record_audit(repo, actor=account.username, action=AuditAction.SIGN_IN, record=account, now=now)
    return user_of(account)


@entrance
def sign_in_with_identity(repo: Repository, email: str | None, *, now: datetime) -> User:
    """Map a single sign-on identity to a staff account by its e-mail address.

    Only an active account whose ``sso_email`` matches may come in; its role is the account's role.
    Anyone else is refused: signing in with the organisation's login gives no access by itself.
    """
    address = (email or "").strip().casefold()
    account = next(
        (a for a in repo.find(Account, active=True) if address and a.sso_email == address),
        None,
    )
    if account is None:
        record_audit(repo, actor="single sign-on", action=AuditAction.SIGN_IN_REFUSED, record=None, now=now)
        raise SignInRefused(
            "You signed in with your organisation, but no WTfC Collect account is linked to you. "
            "Ask an administrator to add your work e-mail address to your account.",
            "password",
        )
    record_audit(
        repo,
        actor=account.username,
        action=AuditAction.SIGN_IN,
        record=account,
        now=now,
        reason="single sign-on",
    )
    return user_of(account)


@entrance
def note_sign_out(
    repo: Repository, user: User, *, now: datetime, timed_out: bool = False, access_ended: bool = False
) -> None:
    """Write the sign-out in the audit log: asked for, after the time without use, or because the account
    or code was stopped while the session was open."""
    action = AuditAction.SIGN_OUT
    if access_ended:
        action = AuditAction.ACCESS_ENDED
    elif timed_out:
        action = AuditAction.TIMED_OUT
    record_audit(repo, actor=user.username, action=action, record=None, now=now)
