"""The start every project screen shares: title, help text, and the project it works on."""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Project
from wtfc_collect.services.prepare.project_setup import current_project
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context, links
from wtfc_collect.ui.literal import literal

NO_PROJECT = "There is no project yet. Set one up first."


class Screen(NamedTuple):
    texts: dict[str, str]
    repo: Repository
    project: Project


def project_screen(name: str, *, folded_help: str | None = None) -> Screen:
    """Draw the title and help of screen ``name`` and find the project chosen (or the newest).

    With ``folded_help`` (the words of its heading) the help sits folded under that heading, for a screen
    shown to a room on a projector, where what matters must fit without scrolling. With no project yet,
    the screen says so in plain words, links to set-up and stops.
    """
    texts = screen(name)
    repo = context.repository()
    st.title(texts["title"])
    if folded_help:
        with st.expander(folded_help):
            st.markdown(texts["help"])
    else:
        st.markdown(texts["help"])
    project = current_project(repo, context.chosen_project_id())
    if project is None:
        st.info(texts.get("no_project", NO_PROJECT))
        links.page_link("pages/project_setup.py", "Set up a project")
        st.stop()
        raise RuntimeError("unreachable: st.stop() ends the script run")  # pragma: no cover
    st.caption(literal(project.name))
    return Screen(texts, repo, project)
