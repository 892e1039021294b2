"""WTfC Collect: page set-up, the store check and role-based navigation. No logic lives here."""

import streamlit as st

from wtfc_collect.storage.port import StoreError
from wtfc_collect.ui import context, display
from wtfc_collect.ui.navigation import pages_for

st.set_page_config(page_title="WTfC Collect", page_icon="🤝", layout="wide")

try:
    context.repository()
except StoreError as error:
    st.title("WTfC Collect cannot open its data")
    st.error(str(error))
    st.stop()

# A flat list in method order: Streamlit's sectioned sidebar puts headings inside its <ul>, which
# screen readers announce wrongly (axe "list" violation).
pages = [
    st.Page(spec.path, title=spec.title, icon=spec.icon, default=spec.default)
    for specs in pages_for(None).values()
    for spec in specs
]
page = st.navigation(pages)
display.sidebar()  # text size and high contrast, on every page (drawn after st.navigation: kept)
page.run()
