"""Step 1, Prepare: create or change a project's purpose, level, sample plan, lists and dates."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.prepare.project_setup import (
    create_project,
    list_projects,
    project_progress,
    update_project,
)
from wtfc_collect.storage.port import ConflictError
from wtfc_collect.ui import context
from wtfc_collect.ui.prepare.progress_table import progress_table
from wtfc_collect.ui.prepare.project_setup import project_form, set_errors

t = screen("project_setup")
repo = context.repository()

st.title(t["title"])
st.markdown(t["help"])

projects = list_projects(repo)
options = [None, *[p.id for p in projects]]
names = {p.id: p.name for p in projects}
chosen = context.chosen_project_id() or (projects[0].id if projects else None)
if st.session_state.pop("project_setup.just_saved", False):
    st.session_state["project_setup.choice"] = chosen  # show the project just saved
picked = st.selectbox(
    t["choose_project"],
    options,
    index=options.index(chosen) if chosen in options else 0,
    format_func=lambda pid: names.get(pid, t["new_project_option"]) if pid else t["new_project_option"],
    key="project_setup.choice",
)
project = next((p for p in projects if p.id == picked), None)

details = project_form(project)
if details is not None:
    try:
        if project is None:
            project = create_project(repo, details, actor=context.actor(), now=context.now())
        else:
            project = update_project(
                repo,
                project.id,
                details,
                expected_revision=project.revision,
                actor=context.actor(),
                now=context.now(),
            )
    except InvalidInput as invalid:
        set_errors(invalid.errors)
        st.rerun()  # draw the form again with each message under its field; the typed values stay
    except ConflictError as conflict:
        st.error(str(conflict))
    else:
        set_errors({})
        context.choose_project(project.id)
        st.session_state["project_setup.just_saved"] = True
        st.toast(t["saved"])
        st.rerun()

if project is not None:
    if project.purpose and not project.purpose_follows_pattern():
        st.info(t["purpose_hint"])
    st.header(t["progress_heading"])
    progress_table(project_progress(repo, project.id), no_target=t["no_target"])
