"""Themes in numbers: theme sizes per question, and theme shares by area and by group (charts and tables)."""

import streamlit as st

from wtfc_collect.services.workshop import theme_charts as presentation
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop.theme_charts import pick_question, shares_section, sizes_section

t, repo, project = project_screen("theme_charts")
easy_read_style()

question = pick_question()
st.header(t["sizes_heading"].format(question=question.label), anchor=False)
sizes_section(presentation.theme_sizes(repo, project.id, question))

st.header(t["areas_heading"], anchor=False)
st.caption(t["shares_help"])
shares_section(presentation.theme_shares(repo, project.id, question, "area"), t["by_area"])

st.header(t["groups_heading"], anchor=False)
st.caption(t["shares_help"])
shares_section(presentation.theme_shares(repo, project.id, question, "group"), t["by_group"])
