"""Administration: staff accounts — who can sign in, with which role and teams."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.ui import context
from wtfc_collect.ui.admin import accounts

t = screen("accounts")
st.title(t["title"], anchor=False)
st.markdown(t["help"])
accounts.draw(t, context.repository())
