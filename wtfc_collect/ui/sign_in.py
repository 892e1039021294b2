"""Signing in and out: the sign-in screen, the inactivity time-out and the sidebar's "Sign out".

Staff sign in with a username and password (or their organisation's login when single sign-on is
set up); a person doing their own review types the code they were given, or follows the link with
the code in it. Owns the session keys starting with ``auth.``.
"""

from __future__ import annotations

import math
import os
from datetime import datetime, timedelta
from typing import Final

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import DomainError
from wtfc_collect.domain.access import Role, User
from wtfc_collect.services.admin import accounts
from wtfc_collect.services.collect import codes, reviews
from wtfc_collect.ui import context, display, language
from wtfc_collect.ui.feedback import run_action, show
from wtfc_collect.ui.literal import literal

LAST_SEEN_KEY: Final = "auth.last_seen"
NOTICE_KEY: Final = context.NOTICE_KEY
IDLE_VARIABLE: Final = "WTFC_IDLE_MINUTES"
DEFAULT_IDLE_MINUTES: Final = 30.0
CODE_FORM: Final = "sign_in.code_form"
LANGUAGE_PICKED: Final = "sign_in.language_picked"  # the person chose a language on this screen
STAFF_FORM: Final = "sign_in.staff_form"


def idle_minutes() -> float:
    """Minutes without use before a session is signed out (``$WTFC_IDLE_MINUTES``, default 30; a part of
    a minute is allowed, three seconds at the least)."""
    try:
        minutes = float(os.environ.get(IDLE_VARIABLE, DEFAULT_IDLE_MINUTES))
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return max(0.05, minutes) if math.isfinite(minutes) else DEFAULT_IDLE_MINUTES


def _idle_for_too_long(now: datetime) -> bool:
    last = st.session_state.get(LAST_SEEN_KEY)
    return isinstance(last, datetime) and now - last > timedelta(minutes=idle_minutes())


def idle_watch() -> None:
    """Sign an untouched page out when its time is up, without waiting for a click: a small part of the
    page that the browser asks to run again every so often (it does not count as using the app)."""
    every = max(2.0, min(30.0, idle_minutes() * 60 / 4))

    @st.fragment(run_every=every)
    def watch() -> None:
        if _idle_for_too_long(context.now()):
            st.rerun(scope="app")

    watch()


def _texts(user: User | None = None) -> dict[str, str]:
    """The sign-in texts in the language of ``user`` (or of someone not signed in yet)."""
    return screen("sign_in", language.for_person(user))


def _start(user: User, now: datetime) -> None:
    st.session_state[context.USER_KEY] = user
    st.session_state[context.CHECKED_KEY] = (context.repository().version(), now)
    st.session_state[LAST_SEEN_KEY] = now
    st.session_state.pop(NOTICE_KEY, None)
    if user.role is Role.SELF_REVIEWER and user.review_id:
        _settle_language(user.review_id, now)


def _settle_language(review_id: str, now: datetime) -> None:
    """A person who chose a language on this screen keeps it on their review; one who did not gets the
    language kept on their review (so coming back later opens it as they left it)."""
    repo = context.repository()
    review = reviews.find_review(repo, review_id)
    if review is None:
        return
    if st.session_state.pop(LANGUAGE_PICKED, False):
        if review.language != language.chosen():
            reviews.set_review_language(
                repo, review_id, language.chosen(), actor=codes.SELF_REVIEW_ACTOR, now=now
            )
    else:
        language.choose(review.language)


def sign_out(*, timed_out: bool = False) -> None:
    """End the session's sign-in and forget what it had chosen. Saved work is in the store already."""
    user = context.user()
    if user is not None:
        accounts.note_sign_out(context.repository(), user, now=context.now(), timed_out=timed_out)
    texts = _texts(user)
    context.forget_session(
        texts["timed_out"].format(minutes=idle_minutes()) if timed_out else texts["signed_out"]
    )
    if _sso_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()


def hand_over_to(person: User) -> None:
    """This browser tab becomes the person's, for their own review only: the member of staff using it is
    signed out here (written in the audit log) and everything their session held is forgotten."""
    staff = context.user()
    if staff is not None:
        accounts.note_sign_out(context.repository(), staff, now=context.now())
    context.forget_session()
    _start(person, context.now())


def signed_in_user() -> User | None:
    """The session's user, after the inactivity check. Also finishes a single sign-on that came back."""
    now = context.now()
    user = context.user()
    if user is not None:
        if _idle_for_too_long(now):
            sign_out(timed_out=True)
            return None
        st.session_state[LAST_SEEN_KEY] = now
        return user
    if _sso_configured() and getattr(st.user, "is_logged_in", False):
        try:
            found = accounts.sign_in_with_identity(context.repository(), _sso_email(), now=now)
        except DomainError as refused:
            st.session_state[NOTICE_KEY] = refused.message
            st.logout()
            return None
        _start(found, now)
        return found
    return None


def _sso_configured() -> bool:
    """Single sign-on is on when ``.streamlit/secrets.toml`` has an ``[auth]`` section."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, OSError, st.errors.StreamlitSecretNotFoundError):
        return False


def _sso_email() -> str | None:
    value = st.user.get("email")
    return value if isinstance(value, str) else None


def _code_form(texts: dict[str, str]) -> None:
    st.header(texts["code_heading"], anchor=False)
    linked = st.query_params.get("code")
    if isinstance(linked, str) and linked:
        # Opened from the link the person was given: try the code once, then take it out of the address.
        del st.query_params["code"]
        _try_code(linked, texts)
    with st.form(CODE_FORM, border=True):
        code = st.text_input(texts["code_label"], help=None, max_chars=20, key="sign_in.code")
        st.caption(texts["code_help"])
        if st.form_submit_button(texts["code_button"], type="primary"):
            _try_code(code, texts)


def _try_code(code: str, texts: dict[str, str]) -> None:
    opened: list[User] = []
    source = context.source()
    if run_action(
        CODE_FORM,
        lambda: opened.append(
            codes.open_with_code(context.repository(), code, now=context.now(), source=source)
        ),
    ):
        _start(opened[0], context.now())
        st.rerun()
    show(CODE_FORM, once=True)


def _staff_form(texts: dict[str, str]) -> None:
    st.header(texts["staff_heading"], anchor=False)
    repo = context.repository()
    if not accounts.has_accounts(repo):
        st.info(texts["no_accounts"])
    if _sso_configured():
        st.caption(texts["sso_help"])
        if st.button(texts["sso_button"]):
            st.login()
    with st.form(STAFF_FORM, border=True):
        username = st.text_input(texts["username_label"], max_chars=80, autocomplete="username")
        password = st.text_input(
            texts["password_label"], type="password", max_chars=200, autocomplete="current-password"
        )
        if st.form_submit_button(texts["sign_in_button"], type="primary"):
            found: list[User] = []
            if run_action(
                STAFF_FORM,
                lambda: found.append(
                    accounts.sign_in(repo, username, password, now=context.now(), source=context.source())
                ),
            ):
                _start(found[0], context.now())
                st.rerun()
            show(STAFF_FORM, once=True)
    st.caption(texts["forgot"])


def screen_for_signed_out() -> None:
    """The sign-in screen, in English or Cymraeg (chosen first, before the code). The page asked for
    opens once signed in."""
    texts = _texts()
    display.page_language(language.chosen())
    st.title(texts["title"], anchor=False)
    language.chooser("sign_in", on_change=lambda: st.session_state.__setitem__(LANGUAGE_PICKED, True))
    notice = st.session_state.get(NOTICE_KEY)
    if isinstance(notice, str):
        st.info(notice)
    left, right = st.columns(2, gap="large")
    with left:
        _code_form(texts)
    with right:
        _staff_form(texts)
    st.page_link("pages/accessibility_statement.py", label=texts["statement_link"])


def sidebar_account(user: User) -> None:
    """Who is signed in, and the button to sign out, at the foot of the sidebar."""
    texts = _texts(user)
    with st.sidebar:
        if user.role is Role.SELF_REVIEWER:  # no account name: the review is theirs
            st.markdown(texts["person_signed_in"])
        else:
            st.markdown(texts["signed_in_as"].format(name=literal(user.name), role=user.role.label))
        if st.button(texts["sign_out_button"], key="auth.sign_out"):
            sign_out()
            st.rerun()
