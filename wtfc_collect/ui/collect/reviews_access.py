"""On the Reviews screen, for the review chosen: its self-review codes, and erasing it."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from wtfc_collect import bootstrap
from wtfc_collect.domain import DomainError, Review, Role
from wtfc_collect.services.admin import erasure
from wtfc_collect.services.collect import codes as invitations
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context

NEW_CODE_KEY = "reviews.new_code"
ERASED_KEY = "reviews.erased"


def _day(moment: datetime) -> str:
    return f"{moment:%d/%m/%Y}"


def _link(code: str) -> str:
    """The app's own address with the code in it; the code leaves the address once used."""
    base = (st.context.url or "").split("?")[0].rstrip("/").removesuffix("/reviews")
    return f"{base}/?code={code}"


def codes(t: dict[str, str], repo: Repository, review: Review) -> None:
    """Make, show and stop the codes that open ``review`` for the person on their own."""
    st.header(t["code_heading"], anchor=False)
    st.markdown(t["code_help"])
    now = context.now()
    fresh = st.session_state.get(NEW_CODE_KEY)
    if isinstance(fresh, tuple) and fresh[0] == review.id:
        _, code, expires = fresh
        st.success(t["new_code"].format(code=code, expires=expires), icon="🔑")
        st.code(_link(code), language=None)
    if st.button(t["make_code"], key=f"reviews.make_code.{review.id}"):
        try:
            invitation, code = invitations.invite(repo, review.id, actor=context.actor(), now=now)
        except DomainError as problem:
            st.error(problem.message, icon="⚠️")
        else:
            st.session_state[NEW_CODE_KEY] = (review.id, code, _day(invitation.expires_at))
            st.rerun()
    made = invitations.invitations(repo, review.id)
    if not made:
        st.caption(t["codes_none"])
    for invitation in made:
        if invitation.revoked_at is not None:
            state = t["state_stopped"]
        elif invitations.is_active(invitation, now):
            state = t["state_active"].format(expires=_day(invitation.expires_at))
        else:
            state = t["state_expired"]
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.markdown(
            t["code_row"].format(made=_day(invitation.created_at), by=invitation.created_by, state=state)
        )
        if invitations.is_active(invitation, now) and right.button(
            t["stop_code"], key=f"reviews.stop_code.{invitation.id}"
        ):
            invitations.revoke(repo, review.id, invitation.id, actor=context.actor(), now=now)
            st.session_state.pop(NEW_CODE_KEY, None)
            st.toast(t["stopped"])
            st.rerun()


def erase(t: dict[str, str], repo: Repository, review: Review) -> None:
    """Erase the person's review for good (quality leads and administrators)."""
    signed_in = context.user()
    if signed_in is None or signed_in.role not in {Role.ADMINISTRATOR, Role.QUALITY_LEAD}:
        return
    with st.expander(t["erase_heading"]):
        st.markdown(t["erase_help"])
        with st.form(f"reviews.erase.{review.id}"):
            reason = st.text_input(t["erase_reason"], max_chars=300)
            sure = st.checkbox(t["erase_confirm"])
            if st.form_submit_button(t["erase_button"]):
                if not sure:
                    st.error(t["erase_need_confirm"], icon="⚠️")
                    return
                try:
                    erasure.erase_person(
                        repo,
                        context.recordings(),
                        review.id,
                        reason=reason,
                        backups=bootstrap.backup_dir(),
                        actor=context.actor(),
                        now=context.now(),
                    )
                except DomainError as problem:
                    st.error(problem.message, icon="⚠️")
                else:
                    st.session_state[ERASED_KEY] = True
                    context.choose_review(None)
                    st.rerun()
