"""One voice answer waiting to be written down, for staff sitting with the person. Owns ``voice_answers.``.

Play the recording, type the words with the person, say who said them, add them to the review. "Not
needed" sets the answer aside. Only the person's reference is shown, never a name.
"""

from __future__ import annotations

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import QUESTION_LABELS, SPEAKER_LABELS, STATEMENT_MAX_CHARS, DomainError, Speaker
from wtfc_collect.services.collect.voice_answers import (
    VoiceAnswerToWrite,
    discard_voice_answer,
    finish_voice_answer,
    voice_answer_audio,
    write_down_voice_answer,
)
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.storage.port import StoreError
from wtfc_collect.ui import context

PREFIX = "voice_answers."
MESSAGE = PREFIX + "message"


def _key(voice_id: str, part: str) -> str:
    return f"{PREFIX}{voice_id}.{part}"


def _error(voice_id: str, text: str) -> None:
    st.session_state[_key(voice_id, "error")] = text


def _success(text: str) -> None:
    st.session_state[MESSAGE] = text


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
    text = str(st.session_state.get(_key(voice_id, "text"), ""))
    try:
        write_down_voice_answer(
            context.repository(),
            context.recordings(),
            voice_id,
            text=text,
            said_by=Speaker(st.session_state.get(_key(voice_id, "said_by"), Speaker.PERSON)),
            finished=not st.session_state.get(_key(voice_id, "more"), False),
            actor=context.actor(),
            now=context.now(),
        )
    except InvalidInput as invalid:
        _error(voice_id, next(iter(invalid.errors.values())))
    except (DomainError, StoreError) as problem:
        _error(voice_id, str(problem))
    else:
        st.session_state[_key(voice_id, "text")] = ""
        st.session_state[_key(voice_id, "more")] = False
        _success(t["added"].format(person=person_ref))


def _close(voice_id: str, discard: bool) -> None:
    t = screen("voice_answers")
    action = discard_voice_answer if discard else finish_voice_answer
    try:
        action(context.repository(), context.recordings(), voice_id, actor=context.actor(), now=context.now())
    except (DomainError, StoreError) as problem:
        _error(voice_id, str(problem))
    else:
        _success(t["set_aside"] if discard else t["all_done"])


def show_message() -> None:
    """The result of the last action (the card it was about may have left the list)."""
    text = st.session_state.pop(MESSAGE, None)
    if text:
        st.success(str(text))


def voice_answer_card(item: VoiceAnswerToWrite) -> None:
    t = screen("voice_answers")
    answer = item.answer
    with st.container(border=True):
        st.subheader(f"{item.person_ref} · {QUESTION_LABELS[answer.question]}", anchor=False)
        facts = [t["recorded_on"].format(day=f"{answer.recorded_at:%d/%m/%Y}"), length(answer.seconds)]
        st.caption(" · ".join([answer.status.label, *(f for f in facts if f)]))
        if item.sent_in:
            st.markdown(t["sent_in"])
        data = voice_answer_audio(context.repository(), context.recordings(), answer.id)
        if data is None:
            st.warning(t["missing"], icon="⚠️")
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
        problem = st.session_state.pop(_key(answer.id, "error"), None)
        if problem:
            st.error(str(problem), icon="⚠️")
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
