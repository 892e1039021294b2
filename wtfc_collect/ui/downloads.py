"""Word downloads on a page: made when asked for (building one takes a moment), then offered."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from wtfc_collect.domain import DomainError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def word_download(label: str, file_name: str, build: Callable[[], bytes], *, key: str) -> None:
    """A "Prepare" button; once the document is made, a download button for it (never automatic)."""
    made = f"downloads.{key}"
    if st.button(f"Prepare: {label}", key=f"{made}.prepare"):
        try:
            st.session_state[made] = build()
        except DomainError as problem:
            st.session_state.pop(made, None)
            st.warning(problem.message)
    if made in st.session_state:
        st.download_button(
            f"Download: {label}",
            st.session_state[made],
            file_name=file_name,
            mime=DOCX,
            key=f"{made}.download",
        )
