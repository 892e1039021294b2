"""Links to other pages, drawn only when the signed-in user's role has that page."""

from __future__ import annotations

import streamlit as st

from wtfc_collect.ui import context
from wtfc_collect.ui.navigation import may_open


def can_open(path: str) -> bool:
    """Whether the signed-in user's role has the page at ``path``."""
    signed_in = context.user()
    return may_open(signed_in.role if signed_in else None, path)


def page_link(
    path: str, label: str, icon: str | None = None, query_params: dict[str, str] | None = None
) -> None:
    """A link to the page at ``path`` (with ``query_params`` in its address: record ids only, never a
    name or what someone said), drawn only for a role that has that page."""
    if can_open(path):
        st.page_link(path, label=label, icon=icon, query_params=query_params)
