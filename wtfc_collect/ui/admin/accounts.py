"""The Accounts screen (administrators): who can sign in, with which role and teams. Owns the session-state
keys starting with ``accounts.``. Names and teams are shown as typed (as table cells, never Markdown)."""

from __future__ import annotations

import streamlit as st

from wtfc_collect.domain import Account, Role
from wtfc_collect.domain.access import ROLE_LABELS, STAFF_ROLES
from wtfc_collect.services.admin.accounts import create_account, list_accounts, set_password, update_account
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.feedback import errors, field_error, remember, run_action, show, use_case
from wtfc_collect.ui.tables import table

PREFIX = "accounts."
DONE = PREFIX + "done"
ADD = PREFIX + "add"
STAFF = [role for role in Role if role in STAFF_ROLES]


def draw(t: dict[str, str], repo: Repository) -> None:
    """The whole screen below its title: every account, a form for a new one, and changing one."""
    show(DONE, once=True)
    st.header(t["list_heading"], anchor=False)
    everyone = list_accounts(repo)
    if everyone:
        table(
            [
                {
                    t["col_username"]: a.username,
                    t["col_name"]: a.display_name,
                    t["col_role"]: ROLE_LABELS[a.role],
                    t["col_teams"]: ", ".join(a.teams),
                    t["col_active"]: t["yes"] if a.active else t["no"],
                    t["col_sso"]: a.sso_email,
                }
                for a in everyone
            ]
        )
    else:
        st.info(t["none"])
    add_form(t)
    if everyone:
        change_forms(t, everyone)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def add_form(t: dict[str, str]) -> None:
    st.header(t["add_heading"], anchor=False)
    found = errors(ADD)
    with st.form(ADD, clear_on_submit=False):
        username = st.text_input(t["username_label"], max_chars=40, key=PREFIX + "username")
        st.caption(t["username_help"])
        field_error(found, "username")
        display_name = st.text_input(t["display_name_label"], max_chars=120, key=PREFIX + "display_name")
        field_error(found, "display_name")
        role = st.selectbox(t["role_label"], STAFF, format_func=lambda r: ROLE_LABELS[r], key=PREFIX + "role")
        field_error(found, "role")
        teams = st.text_area(t["teams_label"], key=PREFIX + "teams", height=100)
        field_error(found, "teams")
        password = st.text_input(t["password_label"], type="password", max_chars=200, key=PREFIX + "password")
        st.caption(t["password_help"])
        field_error(found, "password")
        sso = st.text_input(t["sso_label"], max_chars=254, key=PREFIX + "sso")
        field_error(found, "sso_email")
        if st.form_submit_button(t["add_button"], type="primary"):
            made: list[Account] = []
            create = use_case(
                create_account,
                username=username,
                display_name=display_name,
                role=role,
                password=password,
                teams=_lines(teams),
                sso_email=sso,
            )
            if run_action(ADD, lambda: made.append(create()), clear=[PREFIX + "password"]):
                remember(DONE, done=t["added"].format(username=made[0].username))
            st.rerun()


def change_forms(t: dict[str, str], everyone: list[Account]) -> None:
    st.header(t["change_heading"], anchor=False)
    chosen = st.selectbox(
        t["choose_label"],
        everyone,
        format_func=lambda a: f"{a.username} ({a.display_name})",
        key=PREFIX + "chosen",
    )
    change = f"{PREFIX}change.{chosen.id}"
    with st.form(change):
        new_name = st.text_input(t["display_name_label"], value=chosen.display_name, max_chars=120)
        new_role = st.selectbox(
            t["role_label"], STAFF, index=STAFF.index(chosen.role), format_func=lambda r: ROLE_LABELS[r]
        )
        new_teams = st.text_area(t["teams_label"], value="\n".join(chosen.teams), height=100)
        new_sso = st.text_input(t["sso_label"], value=chosen.sso_email, max_chars=254)
        active = st.checkbox(t["active_label"], value=chosen.active)
        if st.form_submit_button(t["save_button"]):
            save = use_case(
                update_account,
                chosen.id,
                display_name=new_name,
                role=new_role,
                teams=_lines(new_teams),
                active=active,
                sso_email=new_sso,
            )
            if run_action(change, save):
                remember(DONE, done=t["saved"])
                st.rerun()
            show(change, once=True)
    password = f"{PREFIX}password.{chosen.id}"
    with st.form(password, clear_on_submit=True):
        new_password = st.text_input(t["new_password_label"], type="password", max_chars=200)
        st.caption(t["password_help"])
        if st.form_submit_button(t["password_button"]):
            if run_action(password, use_case(set_password, chosen.id, new_password)):
                remember(DONE, done=t["password_saved"])
                st.rerun()
            show(password, once=True)
