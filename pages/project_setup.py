"""Step 1, Prepare: create or change a project's purpose, level, sample plan, lists and dates."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.ui import context
from wtfc_collect.ui.prepare import project_setup

t = screen("project_setup")
st.title(t["title"])
st.markdown(t["help"])
project_setup.draw(t, context.repository())
