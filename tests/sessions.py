"""Users as the app's sign-in makes them, for tests that open the app: backed by a real account (or code) in
the app's store, since the app checks the account or code again on every run."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import TEST_ADMIN
from wtfc_collect import bootstrap
from wtfc_collect.domain import Account
from wtfc_collect.domain.access import Role, User
from wtfc_collect.services import access
from wtfc_collect.services.admin import accounts

PASSWORD = "a password for tests only"  # noqa: S105 - made-up accounts of the test stores


def signed_in_as(role: Role, *, username: str | None = None, teams: tuple[str, ...] = ()) -> User:
    """A user as signing in makes one: backed by a real account in the app's store (made if missing), so
    the app's checks on every run see a live account."""
    repo = bootstrap.build_repository()
    name = username or f"test-{role.value}"
    with access.acting_as(TEST_ADMIN):
        found = next((a for a in repo.find(Account, username=name)), None)
        if found is None:
            found = accounts.create_account(
                repo,
                username=name,
                display_name="Tester",
                role=role,
                password=PASSWORD,
                teams=teams,
                actor="tests",
                now=datetime.now(UTC),
            )
    return accounts.user_of(found)
