"""The golden thread: from an action back to people's words, from a theme to its actions; the whole table."""

import streamlit as st

from wtfc_collect.services import golden_thread
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.thread_view import chain, pick_action, pick_theme, theme_actions, whole_table

t, repo, project = project_screen("golden_thread")
easy_read_style()

actions = golden_thread.action_plans(repo, project.id)
if not actions:
    st.info(t["no_actions"])
    st.stop()

start = st.radio(
    t["start_label"],
    ["action", "theme"],
    format_func=lambda v: t[f"start_{v}"],
    horizontal=True,
    key="thread.start",
)
if start == "action":
    chain(golden_thread.action_thread(repo, pick_action(actions).id))
else:
    themes = golden_thread.thread_themes(repo, project.id)
    if not themes:
        st.info(t["no_themes"])
    else:
        theme = pick_theme(themes)
        theme_actions(
            golden_thread.theme_actions(repo, theme.id), golden_thread.theme_evidence(repo, theme.id).people
        )

st.header(t["table_heading"], anchor=False)
st.caption(t["table_help"])
whole_table(golden_thread.thread_table(repo, project.id))
