"""Styles for the easy-read screens: bigger text, bigger buttons. Fixed CSS only, never user text."""

from __future__ import annotations

import streamlit as st

EASY_READ_CSS = """
<style>
.stMainBlockContainer [data-testid="stMarkdownContainer"] p,
.stMainBlockContainer [data-testid="stMarkdownContainer"] li,
.stMainBlockContainer [data-testid="stText"],
.stMainBlockContainer [data-testid="stWidgetLabel"] p { font-size: 1.4rem; line-height: 1.5; }
.stMainBlockContainer textarea { font-size: 1.4rem; }
.stMainBlockContainer .stButton button, .stMainBlockContainer .stFormSubmitButton button {
  min-height: 3.5rem; min-width: 8rem; font-size: 1.3rem; padding: 0.5rem 1.25rem;
}
.stMainBlockContainer .stButton button p,
.stMainBlockContainer .stFormSubmitButton button p { font-size: 1.3rem; }
</style>
"""


def easy_read_style() -> None:
    """Make text at least 20 px and buttons big enough to tap easily on this page."""
    st.html(EASY_READ_CSS)
