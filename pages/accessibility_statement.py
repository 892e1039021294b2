"""The accessibility statement: what works for everyone, what does not yet, and how to tell us. In Welsh
for a person who chose Welsh (staff read it in English)."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.ui import context, display, language

SECTIONS = ("can_do", "limits", "checks", "other_format", "report", "enforcement")

said = language.for_person(context.user())
display.page_language(said)
t = screen("accessibility_statement", said)
st.title(t["title"], anchor=False)
st.markdown(t["help"])
st.markdown(t["intro"])
for section in SECTIONS:
    st.header(t[f"{section}_heading"], anchor=False)
    st.markdown(t[section])
st.caption(t["reviewed"])
