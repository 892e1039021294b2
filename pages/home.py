"""Home: what the tool is, in plain words, and the projects with their progress."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect import demo
from wtfc_collect.services.prepare.project_setup import list_projects, project_progress
from wtfc_collect.ui import context, links
from wtfc_collect.ui.literal import literal

t = screen("home")
repo = context.repository()

st.title(t["title"])
st.caption(t["help"])
st.markdown(t["intro"])

st.header(t["projects_heading"])
projects = list_projects(repo)
if not projects:
    st.info(t["no_projects"])
    if st.button(t["demo_button"], key="home.demo"):
        installed = demo.install(repo, now=context.now(), actor=context.actor(), workshop=True)
        context.choose_project(installed.project.id)
        st.success(t["demo_done"])
        st.rerun()
for project in projects:
    progress = project_progress(repo, project.id)
    overall = progress.overall
    with st.container(border=True):
        st.subheader(literal(project.name), anchor=False)
        if project.purpose:
            st.text(project.purpose)
        target = overall.target or 0
        st.write(
            f"**{overall.submitted}** reviews sent in"
            + (f" of **{target}** wanted" if target else "")
            + f", **{overall.drafts}** still in progress."
        )
        if target:
            st.progress(min(overall.submitted / target, 1.0), text=t["progress_caption"])
links.page_link("pages/project_setup.py", t["new_project_button"], ":material/add:")

st.header(t["steps_heading"])
st.markdown(t["steps"])
st.header(t["privacy_heading"])
st.markdown(t["privacy"])
