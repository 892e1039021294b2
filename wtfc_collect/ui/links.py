"""Links to other pages, drawn only when the signed-in user's role has that page."""

from __future__ import annotations

import streamlit as st

from wtfc_collect.ui import context
from wtfc_collect.ui.navigation import may_open


def page_link(path: str, label: str, icon: str | None = None) -> None:
    signed_in = context.user()
    if may_open(signed_in.role if signed_in else None, path):
        st.page_link(path, label=label, icon=icon)
