"""Word downloads on a page: made when asked for (building one takes a moment), then offered."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from wtfc_collect.ui.feedback import run_action, show

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def word_download(label: str, file_name: str, build: Callable[[], bytes], *, key: str) -> None:
    """A "Prepare" button; once the document is made, a download button for it (never automatic)."""
    made = f"downloads.{key}"
    if st.button(f"Prepare: {label}", key=f"{made}.prepare"):
        st.session_state.pop(made, None)
        run_action(f"{made}.prepare", lambda: st.session_state.__setitem__(made, build()))
        show(f"{made}.prepare", once=True)
    if made in st.session_state:
        st.download_button(
            f"Download: {label}",
            st.session_state[made],
            file_name=file_name,
            mime=DOCX,
            key=f"{made}.download",
        )
