"""The command line's accounts: ``create-admin`` and ``demo --password`` on a temporary data folder."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from wtfc_collect import bootstrap
from wtfc_collect.cli import main
from wtfc_collect.demo.accounts import DEMO_PERSON, DEMO_USERS
from wtfc_collect.domain import Review, Role
from wtfc_collect.services.admin import accounts
from wtfc_collect.services.admin.accounts import SignInRefused
from wtfc_collect.services.collect import codes

GOOD = "staple battery horse"  # made up for the tests


def _now() -> datetime:
    return datetime.now(UTC)


def _sign_in(username: str, password: str) -> Role:
    return accounts.sign_in(bootstrap.build_repository(), username, password, now=_now()).role


def _refused(username: str, password: str) -> bool:
    try:
        _sign_in(username, password)
    except SignInRefused:
        return True
    return False


def test_create_admin_asks_and_makes_an_administrator_who_can_sign_in(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["create-admin"], input=f"Sam.Jones\nSam Jones\n{GOOD}\n{GOOD}\n")
    assert result.exit_code == 0, result.output
    assert "Administrator 'sam.jones' added" in result.output
    assert GOOD not in result.output  # the password is asked for hidden, and never echoed
    assert _sign_in("sam.jones", GOOD) is Role.ADMINISTRATOR
    assert _refused("sam.jones", "not the password at all")
    assert GOOD.encode() not in (data_dir / "wtfc.json").read_bytes()


def test_create_admin_with_options(data_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["create-admin", "--username", "boss", "--name", "The Boss"], input=f"{GOOD}\n{GOOD}\n"
    )
    assert result.exit_code == 0, result.output
    assert _sign_in("boss", GOOD) is Role.ADMINISTRATOR


def test_create_admin_refuses_a_short_password_in_plain_words(data_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["create-admin", "--username", "boss", "--name", "B"], input="short\nshort\n"
    )
    assert result.exit_code != 0
    assert "at least 10 characters" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert not accounts.has_accounts(bootstrap.build_repository())


def test_create_admin_refuses_a_username_taken(data_dir: Path) -> None:
    runner = CliRunner()
    args = ["create-admin", "--username", "boss", "--name", "B"]
    assert runner.invoke(main, args, input=f"{GOOD}\n{GOOD}\n").exit_code == 0
    again = runner.invoke(main, [*args[:2], "BOSS", *args[3:]], input=f"{GOOD}x\n{GOOD}x\n")
    assert again.exit_code != 0 and "already" in again.output
    assert _sign_in("boss", GOOD) is Role.ADMINISTRATOR


def test_demo_with_a_password_adds_an_account_per_role_and_an_own_review_code(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--password", GOOD, "--reviews", "5", "--no-workshop"])
    assert result.exit_code == 0, result.output
    assert "admin, reviewer, quality, facilitator" in result.output
    for username, _, role in DEMO_USERS:
        assert _sign_in(username, GOOD) is role
    assert {u for u, _, _ in DEMO_USERS} == {"admin", "reviewer", "quality", "facilitator"}
    found = re.search(r"\b([A-Z0-9]{4}-[A-Z0-9]{4})\b", result.output)
    assert found, result.output
    repo = bootstrap.build_repository()
    user = codes.open_with_code(repo, found.group(1), now=_now())
    assert user.role is Role.SELF_REVIEWER
    review = repo.get(Review, user.review_id or "")
    assert review is not None and review.person_ref == DEMO_PERSON
    assert GOOD.encode() not in (data_dir / "wtfc.json").read_bytes()
    assert found.group(1).encode() not in (data_dir / "wtfc.json").read_bytes()


def test_demo_if_empty_adds_no_accounts_to_a_folder_with_a_project(data_dir: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--reviews", "3", "--no-workshop"]).exit_code == 0
    result = runner.invoke(main, ["demo", "--if-empty", "--password", "X", "--reviews", "3"])
    assert result.exit_code == 0, result.output
    assert "no demo account" in result.output
    repo = bootstrap.build_repository()
    assert not accounts.has_accounts(repo)
    assert len(repo.find(Review)) == 3


def test_demo_with_a_short_password_says_so_plainly(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--password", "short", "--reviews", "2", "--no-workshop"])
    assert result.exit_code != 0
    assert "at least 10 characters" in result.output and "Traceback" not in result.output
    assert not accounts.has_accounts(bootstrap.build_repository())
