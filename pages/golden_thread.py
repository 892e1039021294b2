"""The golden thread: from an action back to people's words, from a theme to its actions; the whole table;
and the two documents that close the project: the WTfC report and the easy-read "You said, we did"."""

import streamlit as st

from wtfc_collect.services.reports.documents import FILE_NAMES, DocumentKind, export_document
from wtfc_collect.services.workshop import golden_thread
from wtfc_collect.ui import context
from wtfc_collect.ui.downloads import word_download
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop.golden_thread import chain, pick_action, pick_theme, theme_actions, whole_table

t, repo, project = project_screen("golden_thread")
easy_read_style()


def documents() -> None:
    """The WTfC report and "You said, we did": made when asked for, also before there is any action."""
    st.header(t["documents_heading"], anchor=False)
    st.caption(t["documents_help"])
    for kind, label in (
        (DocumentKind.REPORT, "report_label"),
        (DocumentKind.YOU_SAID_WE_DID, "you_said_label"),
    ):
        word_download(
            t[label],
            FILE_NAMES[kind],
            lambda kind=kind: export_document(
                repo, project.id, kind, actor=context.actor(), now=context.now()
            ),
            key=f"thread_{kind.value}",
        )


actions = golden_thread.action_plans(repo, project.id)
if not actions:
    st.info(t["no_actions"])
    documents()
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
documents()
