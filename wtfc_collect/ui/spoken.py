"""Texts with a "Listen" button beside them.

The words are always on the screen; sound never starts by itself. A person's own words are read back
with the offline engine only (``private=True``).
"""

from __future__ import annotations

import streamlit as st

from accessibility.widgets import SPEED_KEY, audio_button, speed_choice
from wtfc_collect.ui import context


def listen(text: str, key: str, *, private: bool = False) -> None:
    """The Listen button (and, once pressed, the player) for a text shown on the screen."""
    audio_button(
        text,
        key=key,
        speech=context.speech(),
        speed=st.session_state.get(SPEED_KEY, "normal"),
        private=private,
    )


def say(text: str, key: str) -> None:
    """Show a text, with its Listen button under it."""
    st.markdown(text)
    listen(text, key)


def speed_control() -> None:
    """Normal or slower speech, kept for the whole visit."""
    speed_choice("spoken")
