"""Step 2, Collect: voice answers from own reviews, waiting to be written down with the person."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect import services
from wtfc_collect.ui import context
from wtfc_collect.ui.voice_write_down import show_message, voice_answer_card

t = screen("voice_answers")
repo = context.repository()
st.title(t["title"])
st.markdown(t["help"])

project = services.current_project(repo, context.chosen_project_id())
if project is None:
    st.info(t["no_project"])
    st.stop()
st.caption(project.name)
show_message()

waiting = services.voice_answers_waiting(repo, project.id)
if not waiting:
    st.info(t["none_waiting"])
    st.stop()
st.header(t["waiting_heading"], anchor=False)
st.caption(t["count"].format(n=len(waiting)))
st.markdown(t["places"])
for item in waiting:
    voice_answer_card(item)
