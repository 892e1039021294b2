"""Step 2, Collect: voice answers from own reviews, waiting to be written down with the person."""

import streamlit as st

from wtfc_collect.services.collect.voice_answers import voice_answers_waiting
from wtfc_collect.ui.collect.voice_answers import show_message, voice_answer_card
from wtfc_collect.ui.page import project_screen

t, repo, project = project_screen("voice_answers")
show_message()

waiting = voice_answers_waiting(repo, project.id)
if not waiting:
    st.info(t["none_waiting"])
    st.stop()
st.header(t["waiting_heading"], anchor=False)
st.caption(t["count"].format(n=len(waiting)))
st.markdown(t["places"])
for item in waiting:
    voice_answer_card(item)
