"""Texts with a "Listen" button beside them.

The words are always on the screen; sound starts only when Listen is pressed. A person's own words are read
back with the offline engine only (``private=True``). ``language`` ("en" or "cy") picks the voice and the
words of the button itself; ``label`` names the button after the block it reads ("Listen to the question").
"""

from __future__ import annotations

import streamlit as st

from accessibility.texts import DEFAULT_LANGUAGE
from accessibility.widgets import SPEED_KEY, audio_button, speed_choice
from wtfc_collect.ui import context


def listen(
    text: str,
    key: str,
    *,
    private: bool = False,
    language: str = DEFAULT_LANGUAGE,
    label: str | None = None,
) -> None:
    """The Listen button (and, once pressed, the player, playing) for a text shown on the screen."""
    audio_button(
        text,
        key=key,
        speech=context.speech(),
        language=language,
        speed=st.session_state.get(SPEED_KEY, "normal"),
        private=private,
        label=label,
    )


def say(text: str, key: str, *, language: str = DEFAULT_LANGUAGE, label: str | None = None) -> None:
    """Show a text, with its Listen button under it."""
    st.markdown(text)
    listen(text, key, language=language, label=label)


def speed_control(language: str = DEFAULT_LANGUAGE) -> None:
    """Normal or slower speech, kept for the whole visit."""
    speed_choice("spoken", language)
