"""Texts with a "Listen" button beside them.

The words are always on the screen; sound never starts by itself.
"""

from __future__ import annotations

import streamlit as st


def listen(text: str, key: str) -> None:
    """The Listen button for a text already shown (for example a heading)."""
    del text, key  # the audio button arrives with the speech engines


def say(text: str, key: str) -> None:
    """Show a text, with its Listen button beside it."""
    words, sound = st.columns([6, 1], vertical_alignment="center")
    words.markdown(text)
    with sound:
        listen(text, key)
