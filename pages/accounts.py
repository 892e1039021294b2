"""Administration: staff accounts — who can sign in, with which role and teams."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import DomainError, Role
from wtfc_collect.domain.access import ROLE_LABELS, STAFF_ROLES
from wtfc_collect.services.admin.accounts import create_account, list_accounts, set_password, update_account
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.ui import context
from wtfc_collect.ui.feedback import field_error

t = screen("accounts")
repo = context.repository()
st.title(t["title"], anchor=False)
st.markdown(t["help"])
STAFF = [role for role in Role if role in STAFF_ROLES]
DONE = "accounts.done"
ERRORS = "accounts.errors"

done = st.session_state.pop(DONE, None)
if isinstance(done, str):
    st.success(done, icon="✅")

st.header(t["list_heading"], anchor=False)
everyone = list_accounts(repo)
if everyone:
    st.table(
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


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


st.header(t["add_heading"], anchor=False)
errors: dict[str, str] = st.session_state.get(ERRORS, {})
with st.form("accounts.add", clear_on_submit=False):
    username = st.text_input(t["username_label"], max_chars=40, key="accounts.username")
    st.caption(t["username_help"])
    field_error(errors, "username")
    display_name = st.text_input(t["display_name_label"], max_chars=120, key="accounts.display_name")
    field_error(errors, "display_name")
    role = st.selectbox(t["role_label"], STAFF, format_func=lambda r: ROLE_LABELS[r], key="accounts.role")
    field_error(errors, "role")
    teams = st.text_area(t["teams_label"], key="accounts.teams", height=100)
    field_error(errors, "teams")
    password = st.text_input(t["password_label"], type="password", max_chars=200, key="accounts.password")
    st.caption(t["password_help"])
    field_error(errors, "password")
    sso = st.text_input(t["sso_label"], max_chars=254, key="accounts.sso")
    field_error(errors, "sso_email")
    if st.form_submit_button(t["add_button"], type="primary"):
        try:
            made = create_account(
                repo,
                username=username,
                display_name=display_name,
                role=role,
                password=password,
                teams=_lines(teams),
                sso_email=sso,
                actor=context.actor(),
                now=context.now(),
            )
        except InvalidInput as invalid:
            st.session_state[ERRORS] = invalid.errors
        else:
            st.session_state.pop(ERRORS, None)
            st.session_state.pop("accounts.password", None)
            st.session_state[DONE] = t["added"].format(username=made.username)
        st.rerun()

if everyone:
    st.header(t["change_heading"], anchor=False)
    chosen = st.selectbox(
        t["choose_label"],
        everyone,
        format_func=lambda a: f"{a.username} ({a.display_name})",
        key="accounts.chosen",
    )
    with st.form(f"accounts.change.{chosen.id}"):
        new_name = st.text_input(t["display_name_label"], value=chosen.display_name, max_chars=120)
        new_role = st.selectbox(
            t["role_label"], STAFF, index=STAFF.index(chosen.role), format_func=lambda r: ROLE_LABELS[r]
        )
        new_teams = st.text_area(t["teams_label"], value="\n".join(chosen.teams), height=100)
        new_sso = st.text_input(t["sso_label"], value=chosen.sso_email, max_chars=254)
        active = st.checkbox(t["active_label"], value=chosen.active)
        if st.form_submit_button(t["save_button"]):
            try:
                update_account(
                    repo,
                    chosen.id,
                    display_name=new_name,
                    role=new_role,
                    teams=_lines(new_teams),
                    active=active,
                    sso_email=new_sso,
                    actor=context.actor(),
                    now=context.now(),
                )
            except DomainError as problem:
                st.error(problem.message, icon="⚠️")
            else:
                st.session_state[DONE] = t["saved"]
                st.rerun()
    with st.form(f"accounts.password.{chosen.id}", clear_on_submit=True):
        new_password = st.text_input(t["new_password_label"], type="password", max_chars=200)
        st.caption(t["password_help"])
        if st.form_submit_button(t["password_button"]):
            try:
                set_password(repo, chosen.id, new_password, actor=context.actor(), now=context.now())
            except DomainError as problem:
                st.error(problem.message, icon="⚠️")
            else:
                st.session_state[DONE] = t["password_saved"]
                st.rerun()
