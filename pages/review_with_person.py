"""Step 2, Collect: a review filled in alongside the person, saved as it goes, sent in when complete."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.ui import context
from wtfc_collect.ui.collect import review_with_person

t = screen("review_with_person")
st.title(t["title"])
st.markdown(t["help"])
review_with_person.draw(t, context.repository())
