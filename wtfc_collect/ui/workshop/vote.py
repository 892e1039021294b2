"""The Vote screen: someone at a workshop votes on their own phone or tablet in a private ballot. They type
the workshop code shown in the room, tick up to their number of themes, say which perspective they speak
from if they wish, and send; they may change their vote until the ballot closes. No account is needed, and
the code reaches only that ballot: this screen never signs anyone in. English or Cymraeg is chosen first,
before the code (as on the sign-in screen, ``ui/language.py``): every text and message then follows it.
Owns the session-state keys starting with ``vote.``."""

from __future__ import annotations

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import DomainError
from wtfc_collect.domain.participation import ParticipantPerspective
from wtfc_collect.domain.private_ballot import BallotOption
from wtfc_collect.services.workshop import vote
from wtfc_collect.services.workshop.vote import BallotPass
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context, display, language
from wtfc_collect.ui.feedback import errors, field_error, run_action, show
from wtfc_collect.ui.literal import plain_label

PREFIX = "vote."
PASS_KEY = PREFIX + "pass"
CODE_FORM = PREFIX + "code_form"
SEND = PREFIX + "send"
PERSPECTIVES: tuple[ParticipantPerspective | None, ...] = (*ParticipantPerspective, None)


def draw() -> None:
    said = language.chosen()  # nobody is signed in here: the language this browser chose
    t = screen("vote", said)
    display.page_language(said)
    st.title(t["title"], anchor=False)
    language.chooser("vote")
    st.markdown(t["help"])
    repo = context.repository()
    held = st.session_state.get(PASS_KEY)
    if isinstance(held, BallotPass):
        try:
            options, dots = vote.ballot_options(repo, held)
        except DomainError as closed:
            st.session_state.pop(PASS_KEY, None)
            st.info(language.translated(closed.message, said))
        else:
            _ballot(t, repo, held, options, dots)
            return
    _code_form(t, repo)


def _code_form(t: dict[str, str], repo: Repository) -> None:
    st.header(t["code_heading"], anchor=False)
    with st.form(CODE_FORM, enter_to_submit=True):
        code = st.text_input(t["code_label"], max_chars=20, key=PREFIX + "code")
        st.caption(t["code_help"])
        field_error(errors(CODE_FORM), "code")
        sent = st.form_submit_button(t["code_button"], type="primary")
    if sent:
        joined: list[BallotPass] = []
        source = context.source()
        if run_action(
            CODE_FORM, lambda: joined.append(vote.join_ballot(repo, code, now=context.now(), source=source))
        ):
            st.session_state[PASS_KEY] = joined[0]
        st.rerun()
    show(CODE_FORM, "")


def _ballot(
    t: dict[str, str], repo: Repository, held: BallotPass, options: list[BallotOption], dots: int
) -> None:
    mine, perspective = vote.my_vote(repo, held)
    form = f"{PREFIX}{held.label}"
    with st.form(form, enter_to_submit=False):
        st.header(t["choose"].format(n=dots), anchor=False)
        chosen = [
            option.target_id
            for option in options
            if st.checkbox(
                plain_label(option.name, 120),
                value=option.target_id in mine,
                key=f"{form}.{option.target_id}",
            )
        ]
        field_error(errors(SEND), "dots")
        who = st.radio(
            t["who_label"],
            PERSPECTIVES,
            index=PERSPECTIVES.index(perspective),
            format_func=lambda p: t["who_none"] if p is None else t[f"who_{p.value}"],
            horizontal=True,  # spaced apart: each choice is a target of its own (WCAG 2.5.8)
        )
        sent = st.form_submit_button(t["send"], type="primary")
    if sent:
        run_action(
            SEND,
            lambda: vote.cast_vote(repo, held, chosen, who, now=context.now()),
            done=t["thanks"],
            rerun=True,
        )
    show(SEND, "", "ballot", "voter")
    if mine:
        st.caption(t["change"])
