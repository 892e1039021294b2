"""The Accounts and Audit log pages through AppTest (signed in as an administrator by tests/ui/conftest)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factories as f
from tests.ui.shown import said
from tests.ui.tables import column, tables
from wtfc_collect import bootstrap
from wtfc_collect.domain import Account, AuditAction, Role
from wtfc_collect.services.admin import accounts

FORM = "accounts.add.0"  # the add form's widgets, before anything was added
APP = str(Path(__file__).resolve().parents[3] / "app.py")
PASSWORD = "made-up test password"  # noqa: S105


def _open(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def test_add_an_account_then_it_can_sign_in(data_dir: Path) -> None:
    repo = bootstrap.build_repository()
    repo.save(f.project(teams=["North team", "South team", "East team"]))
    at = _open("pages/accounts.py")
    assert at.title[0].value == "Accounts"
    assert any("Reviewers see their own reviews" in m.value for m in at.markdown)
    assert column(tables(at)[0], "Username") == ["ui-admin"]  # the administrator using it
    # A new account starts at the role that may do least, and teams come from the project's list.
    assert at.selectbox(key=f"{FORM}.role").value is Role.REVIEWER
    assert at.multiselect(key=f"{FORM}.teams").options == ["North team", "South team", "East team"]
    at.text_input(key=f"{FORM}.username").input("sam.jones")
    at.text_input(key=f"{FORM}.display_name").input("Sam Jones")
    at.selectbox(key=f"{FORM}.role").set_value(Role.QUALITY_LEAD)
    at.multiselect(key=f"{FORM}.teams").select("East team").select("North team")
    at.text_input(key=f"{FORM}.password").input("a long enough password")
    _button(at, "Add account").click().run()
    assert not at.exception, at.exception
    assert any("Account added: sam.jones" in s for s in said(at.success))
    saved = [a for a in bootstrap.build_repository().find(Account) if a.username != "ui-admin"]
    assert [(a.username, a.role, a.teams) for a in saved] == [
        ("sam.jones", Role.QUALITY_LEAD, ["East team", "North team"])
    ]
    assert "a long enough password" not in saved[0].model_dump_json()
    # The form starts again empty (new widgets), at the least-privileged role.
    fresh = "accounts.add.1"
    assert at.text_input(key=f"{fresh}.username").value == ""
    assert at.selectbox(key=f"{fresh}.role").value is Role.REVIEWER
    user = accounts.sign_in(
        bootstrap.build_repository(), "sam.jones", "a long enough password", now=datetime.now(UTC)
    )
    assert user.role is Role.QUALITY_LEAD


def test_a_short_password_is_refused_next_to_the_field_and_the_rest_is_kept(data_dir: Path) -> None:
    at = _open("pages/accounts.py")
    at.text_input(key=f"{FORM}.username").input("kim")
    at.text_input(key=f"{FORM}.display_name").input("Kim")
    at.text_input(key=f"{FORM}.password").input("short")
    _button(at, "Add account").click().run()
    assert any("at least 10 characters" in e for e in said(at.error))
    assert at.text_input(key=f"{FORM}.username").value == "kim"
    assert [a.username for a in bootstrap.build_repository().find(Account)] == ["ui-admin"]


def test_an_administrator_stops_an_account_and_it_can_no_longer_sign_in(data_dir: Path) -> None:
    repo = bootstrap.build_repository()
    now = datetime.now(UTC)
    made = accounts.create_account(
        repo,
        username="tom",
        display_name="Tom",
        role=Role.REVIEWER,
        password=PASSWORD,
        actor="t",
        now=now,
    )
    at = _open("pages/accounts.py")
    at.selectbox(key="accounts.chosen").set_value(made)
    next(c for c in at.checkbox if c.label == "Can sign in").uncheck()
    _button(at, "Save changes").click().run()
    assert not at.exception, at.exception
    assert bootstrap.build_repository().get(Account, made.id).active is False  # type: ignore[union-attr]
    # Signing in with the stopped account says so, rather than "wrong password".
    with pytest.raises(accounts.SignInRefused, match="has been stopped"):
        accounts.sign_in(bootstrap.build_repository(), "tom", PASSWORD, now=datetime.now(UTC))


def test_the_audit_log_lists_and_filters_entries_without_any_words(data_dir: Path) -> None:
    repo = bootstrap.build_repository()
    now = datetime.now(UTC)
    accounts.create_account(
        repo,
        username="ann",
        display_name="Ann",
        role=Role.REVIEWER,
        password=PASSWORD,
        actor="boss",
        now=now,
    )
    accounts.sign_in(repo, "ann", PASSWORD, now=now)
    at = _open("pages/audit_log.py")
    assert at.title[0].value == "Audit log"
    assert {"create", "sign in"} <= set(column(tables(at)[0], "What"))
    at.selectbox(key="audit_log.who").set_value("ann").run()
    assert set(column(tables(at)[0], "What")) == {"sign in"}
    at.multiselect(key="audit_log.what").select(AuditAction.ERASE).run()
    assert any("No entries match" in i for i in said(at.info))
