"""The Accounts screen (administrators): who can sign in, with which role and teams. Owns the session-state
keys starting with ``accounts.``. Names and teams are shown as typed (as table cells, never Markdown)."""

from __future__ import annotations

import streamlit as st

from wtfc_collect.domain import Account, Role
from wtfc_collect.domain.access import ROLE_LABELS
from wtfc_collect.services.admin.accounts import create_account, list_accounts, set_password, update_account
from wtfc_collect.services.prepare.project_setup import list_projects
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.feedback import errors, field_error, form_key, remember, run_action, show, use_case
from wtfc_collect.ui.tables import table

PREFIX = "accounts."
DONE = PREFIX + "done"
ADD = PREFIX + "add"
# From the role that may do least to the one that may do everything: a new account starts at the first.
STAFF = [Role.REVIEWER, Role.FACILITATOR, Role.QUALITY_LEAD, Role.ADMINISTRATOR]


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
    teams = project_teams(repo)
    add_form(t, teams)
    if everyone:
        change_forms(t, everyone, teams)


def project_teams(repo: Repository) -> list[str]:
    """Every team named on Set up a project, newest project first, each once."""
    return list(dict.fromkeys(team for project in list_projects(repo) for team in project.teams))


def _team_choice(t: dict[str, str], teams: list[str], now: list[str], key: str | None = None) -> list[str]:
    """The account's teams, chosen from the projects' teams (a team it has from before stays offered)."""
    chosen = st.multiselect(
        t["teams_label"],
        list(dict.fromkeys([*teams, *now])),
        default=now,
        key=key,
        placeholder=t["teams_choose"],
    )
    st.caption(t["teams_help"] if teams else t["teams_none"])
    return list(chosen)


def add_form(t: dict[str, str], teams: list[str]) -> None:
    st.header(t["add_heading"], anchor=False)
    found = errors(ADD)
    form = form_key(ADD)  # new widgets after an account was added: the form starts empty in the browser too
    with st.form(ADD, clear_on_submit=False):
        username = st.text_input(t["username_label"], max_chars=40, key=form + ".username")
        st.caption(t["username_help"])
        field_error(found, "username")
        display_name = st.text_input(t["display_name_label"], max_chars=120, key=form + ".display_name")
        field_error(found, "display_name")
        role = st.selectbox(t["role_label"], STAFF, format_func=lambda r: ROLE_LABELS[r], key=form + ".role")
        st.caption(t["role_help"])
        field_error(found, "role")
        chosen_teams = _team_choice(t, teams, [], key=form + ".teams")
        field_error(found, "teams")
        password = st.text_input(t["password_label"], type="password", max_chars=200, key=form + ".password")
        st.caption(t["password_help"])
        field_error(found, "password")
        sso = st.text_input(t["sso_label"], max_chars=254, key=form + ".sso")
        field_error(found, "sso_email")
        if st.form_submit_button(t["add_button"], type="primary"):
            made: list[Account] = []
            create = use_case(
                create_account,
                username=username,
                display_name=display_name,
                role=role,
                password=password,
                teams=chosen_teams,
                sso_email=sso,
            )
            if run_action(ADD, lambda: made.append(create()), fresh=True):
                remember(DONE, done=t["added"].format(username=made[0].username))
            st.rerun()


def change_forms(t: dict[str, str], everyone: list[Account], teams: list[str]) -> None:
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
        new_teams = _team_choice(t, teams, list(chosen.teams))
        new_sso = st.text_input(t["sso_label"], value=chosen.sso_email, max_chars=254)
        active = st.checkbox(t["active_label"], value=chosen.active)
        if st.form_submit_button(t["save_button"]):
            save = use_case(
                update_account,
                chosen.id,
                display_name=new_name,
                role=new_role,
                teams=new_teams,
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
