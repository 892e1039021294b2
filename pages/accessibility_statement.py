"""The accessibility statement: what works for everyone, what does not yet, and how to tell us."""

import streamlit as st

from accessibility.texts import screen

SECTIONS = ("can_do", "limits", "checks", "other_format", "report", "enforcement")

t = screen("accessibility_statement")
st.title(t["title"], anchor=False)
st.markdown(t["help"])
st.markdown(t["intro"])
for section in SECTIONS:
    st.header(t[f"{section}_heading"], anchor=False)
    st.markdown(t[section])
st.caption(t["reviewed"])
