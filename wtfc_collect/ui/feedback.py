"""Showing problems in plain words, next to the field they belong to."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st


def field_error(errors: Mapping[str, str], *fields: str) -> None:
    """Show the message for the first of ``fields`` (or a dotted sub-field of it) that has one."""
    for field in fields:
        for key, message in errors.items():
            if key == field or key.startswith(field + "."):
                st.error(message, icon="⚠️")
                return


def leftover_errors(errors: Mapping[str, str], shown: set[str]) -> None:
    """Show messages not tied to a field on the page (rules about the whole record)."""
    for key, message in errors.items():
        if not any(key == f or key.startswith(f + ".") for f in shown):
            st.error(message, icon="⚠️")
