"""Accessible Streamlit widgets. Each owns its ``st.session_state`` keys (prefix ``audio.``).

The caller always shows the words on the screen next to these widgets: sound is an extra way in,
never the only one, and nothing is hidden in a tooltip.
"""

from __future__ import annotations

import hashlib
from typing import Final

import streamlit as st

from accessibility.speech import SPEEDS, Audio, Speech, Speed, as_speed, speakable
from accessibility.texts import DEFAULT_LANGUAGE, screen

NO_SOUND: Final = "Sound is not working on this computer right now. The words are on the screen."
SPEED_LABEL: Final = "How fast to speak"
SPEED_NAMES: Final[dict[Speed, str]] = {"normal": "Normal speed", "slower": "Slower"}
SPEED_KEY: Final = "audio.speed"  # the person's choice, kept across pages
LABEL_WORDS: Final = 5
WORDS_SCREEN: Final = "widgets"  # these words in every language: accessibility/texts/<language>/widgets.toml
_PREFIX: Final = "audio."


def first_words(text: str, words: int = LABEL_WORDS) -> str:
    """``"What is working well in…"``: the start of what will be read out."""
    spoken = speakable(text).split()
    start = " ".join(spoken[:words]).rstrip(".,;:!?")
    return f"{start}…" if len(spoken) > words else start


def listen_label(text: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``"Listen: What is working well in…"``: says what will be read, so each button is distinct."""
    return f"{screen(WORDS_SCREEN, language)['listen']}: {first_words(text)}"


def audio_button(
    text: str,
    *,
    key: str,
    speech: Speech,
    language: str = "en",
    speed: str = "normal",
    private: bool = False,
    label: str | None = None,
) -> None:
    """A "Listen" button that plays ``text`` when pressed (one press: the player appears and plays), and
    the player stays to play again. Sound never starts by itself: only right after the press.

    ``private=True`` for a person's own words: they are spoken offline, in memory, and never cached.
    When no engine can speak, a plain message says so instead of a player.
    """
    words = screen(WORDS_SCREEN, language)
    chosen = as_speed(speed)
    clip_key = f"{_PREFIX}{key}.clip"
    signature = _signature(text, language, chosen, private)
    pressed = st.button(
        label or listen_label(text, language), key=f"{_PREFIX}{key}.button", icon=":material/volume_up:"
    )
    if pressed:
        with st.spinner(words["getting_ready"]):
            audio = speech.say(text, language, chosen, private=private)
        st.session_state[clip_key] = (signature, audio)
    stored = st.session_state.get(clip_key)
    if not isinstance(stored, tuple) or stored[0] != signature:
        st.session_state.pop(clip_key, None)  # the text or speed changed: press Listen again
        return
    audio = stored[1]
    if isinstance(audio, Audio):
        alt = f"{words['spoken_version']}: {first_words(text)}"
        # Plays at once after the press (the person asked for it); shown again later, it waits for ▶.
        st.audio(audio.data, format=audio.mime, autoplay=pressed, alt=alt)
    else:
        st.info(words["no_sound"])


def speed_choice(key: str, language: str = DEFAULT_LANGUAGE) -> Speed:
    """Normal or slower speech. The choice is remembered for the whole visit (``audio.speed``)."""
    words = screen(WORDS_SCREEN, language)
    widget_key = f"{_PREFIX}{key}.speed"
    remembered = as_speed(st.session_state.get(SPEED_KEY))
    if widget_key not in st.session_state:
        st.session_state[widget_key] = remembered
    st.radio(
        words["speed_label"],
        SPEEDS,
        key=widget_key,
        format_func=lambda value: words[f"speed_{value}"],
        horizontal=True,
    )
    chosen = as_speed(st.session_state.get(widget_key))
    st.session_state[SPEED_KEY] = chosen
    return chosen


def _signature(text: str, language: str, speed: Speed, private: bool) -> str:
    """Which clip is showing, without keeping the words themselves in yet another place."""
    return hashlib.sha256(f"{language}\x1f{speed}\x1f{private}\x1f{text}".encode()).hexdigest()
