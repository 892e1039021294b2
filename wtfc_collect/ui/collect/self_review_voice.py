""" "Or say it out loud": recording an answer on the easy-read own review (keys ``self_review.voice.``).

A recording is kept the moment it is made. The recorder then starts afresh (a new widget), so a page
rerun can never keep the same recording twice; the service also keeps a repeated recording only once.
"""

from __future__ import annotations

import streamlit as st

from accessibility.texts import DEFAULT_LANGUAGE, screen
from wtfc_collect.domain import Question, Review, VoiceAnswer
from wtfc_collect.services.collect.voice_answers import (
    discard_voice_answer,
    record_voice_answer,
    voice_answer_audio,
)
from wtfc_collect.ui import context
from wtfc_collect.ui.feedback import run_action, show, use_case
from wtfc_collect.ui.spoken import say

PREFIX = "self_review.voice."
MESSAGE = PREFIX + "message"


def _round_key(review_id: str, question: Question) -> str:
    return f"{PREFIX}{review_id}.{question.value}.round"


def widget_key(review_id: str, question: Question) -> str:
    """The recorder's key now: it changes after each recording kept, which empties the recorder."""
    return f"{PREFIX}{review_id}.{question.value}.{st.session_state.get(_round_key(review_id, question), 0)}"


def _keep(review_id: str, question: Question, key: str) -> None:
    recording = st.session_state.get(key)
    if recording is None:  # the person cleared the recorder
        return
    keep = use_case(record_voice_answer, context.recordings(), review_id, question, recording.getvalue())
    if not run_action(MESSAGE, keep):
        return
    round_key = _round_key(review_id, question)
    st.session_state[round_key] = int(st.session_state.get(round_key, 0)) + 1


def _take_out(voice_id: str) -> None:
    run_action(
        MESSAGE,
        use_case(discard_voice_answer, context.recordings(), voice_id, reason="taken out by the person"),
    )


def voice_recorder(
    review: Review, question: Question, answers: list[VoiceAnswer], language: str = DEFAULT_LANGUAGE
) -> None:
    """The recorder, then the person's recordings for this question (to listen to, or take out)."""
    t = screen("self_review", language)
    say(t["voice_text"], "voice_text", language=language, label=t["listen_voice"])
    key = widget_key(review.id, question)
    st.audio_input(t["voice_label"], key=key, on_change=_keep, args=(review.id, question, key))
    show(MESSAGE, once=True)
    mine = [a for a in answers if a.question is question and a.waiting]
    if not mine:
        return
    st.markdown(t["voice_kept"])
    for number, answer in enumerate(mine, start=1):
        name = t["voice_yours"].format(n=number)
        data = voice_answer_audio(context.repository(), context.recordings(), answer.id)
        if data is not None:
            st.markdown(name)
            st.audio(data, format=answer.mime, alt=name)
        st.button(
            t["voice_take_out"].format(n=number),
            key=f"{PREFIX}{answer.id}.take_out",
            icon=":material/delete:",
            on_click=_take_out,
            args=(answer.id,),
        )
