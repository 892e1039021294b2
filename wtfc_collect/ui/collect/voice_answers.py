"""The Voice answers to write down screen, for staff sitting with the person. Owns ``voice_answers.``.

Play the recording, type the words with the person, say who said them, add them to the review. "Not
needed" sets the answer aside. Only the person's reference is shown, never a name.
"""

from __future__ import annotations

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import QUESTION_LABELS, SPEAKER_LABELS, STATEMENT_MAX_CHARS, Speaker
from wtfc_collect.services.collect.voice_answers import (
    VoiceAnswerToWrite,
    discard_voice_answer,
    finish_voice_answer,
    voice_answer_audio,
    voice_answers_waiting,
    write_down_voice_answer,
)
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context
from wtfc_collect.ui.feedback import ICON, remember, run_action, show, use_case
from wtfc_collect.ui.literal import literal

PREFIX = "voice_answers."
MESSAGE = PREFIX + "message"


def _key(voice_id: str, part: str) -> str:
    return f"{PREFIX}{voice_id}.{part}"


def length(seconds: float | None) -> str:
    """``about 40 seconds`` / ``about 3 minutes``; empty when the length is not known."""
    t = screen("voice_answers")
    if seconds is None:
        return ""
    if seconds < 90:
        return t["length_seconds"].format(n=max(1, round(seconds)))
    return t["length_minutes"].format(n=round(seconds / 60))


def _write_down(voice_id: str, person_ref: str) -> None:
    t = screen("voice_answers")
    write = use_case(
        write_down_voice_answer,
        context.recordings(),
        voice_id,
        text=str(st.session_state.get(_key(voice_id, "text"), "")),
        said_by=Speaker(st.session_state.get(_key(voice_id, "said_by"), Speaker.PERSON)),
        finished=not st.session_state.get(_key(voice_id, "more"), False),
    )
    if run_action(_key(voice_id, "error"), write):
        st.session_state[_key(voice_id, "text")] = ""
        st.session_state[_key(voice_id, "more")] = False
        remember(MESSAGE, done=t["added"].format(person=person_ref))


def _close(voice_id: str, discard: bool) -> None:
    t = screen("voice_answers")
    close = use_case(discard_voice_answer if discard else finish_voice_answer, context.recordings(), voice_id)
    if run_action(_key(voice_id, "error"), close):
        remember(MESSAGE, done=t["set_aside"] if discard else t["all_done"])


def draw(t: dict[str, str], repo: Repository, project_id: str) -> None:
    """The whole screen below its title: what was just done, then every voice answer still waiting."""
    show(MESSAGE, once=True)  # the card it was about may have left the list
    waiting = voice_answers_waiting(repo, project_id)
    if not waiting:
        st.info(t["none_waiting"])
        return
    st.header(t["waiting_heading"], anchor=False)
    st.caption(t["count"].format(n=len(waiting)))
    st.markdown(t["places"])
    for item in waiting:
        voice_answer_card(item)


def voice_answer_card(item: VoiceAnswerToWrite) -> None:
    t = screen("voice_answers")
    answer = item.answer
    with st.container(border=True):
        st.subheader(literal(f"{item.person_ref} · {QUESTION_LABELS[answer.question]}"), anchor=False)
        facts = [t["recorded_on"].format(day=f"{answer.recorded_at:%d/%m/%Y}"), length(answer.seconds)]
        st.caption(" · ".join([answer.status.label, *(f for f in facts if f)]))
        if item.sent_in:
            st.markdown(t["sent_in"])
        data = voice_answer_audio(context.repository(), context.recordings(), answer.id)
        if data is None:
            st.warning(t["missing"], icon=ICON)
        else:
            st.audio(data, format=answer.mime, alt=f"{item.person_ref}: {QUESTION_LABELS[answer.question]}")
        if answer.written_statement_ids:
            st.info(t["partly"].format(n=len(answer.written_statement_ids)))
        st.text_area(t["words_label"], key=_key(answer.id, "text"), max_chars=STATEMENT_MAX_CHARS, height=110)
        st.radio(
            t["said_by"],
            list(Speaker),
            key=_key(answer.id, "said_by"),
            format_func=lambda s: SPEAKER_LABELS[s],
            horizontal=True,
        )
        st.checkbox(t["more"], key=_key(answer.id, "more"))
        show(_key(answer.id, "error"), once=True)
        add, close = st.columns(2)
        add.button(
            t["add"],
            type="primary",
            key=_key(answer.id, "add"),
            on_click=_write_down,
            args=(answer.id, item.person_ref),
        )
        partly = bool(answer.written_statement_ids)
        close.button(
            t["finished"] if partly else t["not_needed"],
            key=_key(answer.id, "close"),
            on_click=_close,
            args=(answer.id, not partly),
        )
