"""Pressing a button in an AppTest as a person would: by its label, failing clearly when it is not there."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def press(at: AppTest, label: str) -> AppTest:
    """Press the first button labelled ``label`` and run the page; the page must not fail."""
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}: {[b.label for b in at.button]}"
    matches[0].click().run()
    assert not at.exception, at.exception
    return at
