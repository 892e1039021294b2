"""Progress against the sample plan as plain tables (readable by screen readers, no chart needed)."""

from __future__ import annotations

import streamlit as st

from wtfc_collect.domain import Progress, ProgressRow
from wtfc_collect.ui.tables import small_table


def _rows(rows: list[ProgressRow], no_target: str) -> list[dict[str, str | int]]:
    # Every column holds one type: a column mixing numbers and words cannot be sent to the browser as
    # it is, and Streamlit then logs an error and converts it again on every rerun.
    return [
        {
            "Name": row.name,
            "Sent in": row.submitted,
            "In progress": row.drafts,
            "Target": str(row.target) if row.target else no_target,
            "Done": f"{row.percent} %" if row.percent is not None else "–",
        }
        for row in rows
    ]


def progress_table(progress: Progress, *, no_target: str) -> None:
    small_table(_rows([progress.overall], no_target))
    if progress.withdrawn:
        st.write(f"{progress.withdrawn} review(s) withdrawn: their words are not used.")
    if progress.by_team:
        st.subheader("By team", anchor=False)
        small_table(_rows(progress.by_team, no_target))
    if progress.by_service_type:
        st.subheader("By service type", anchor=False)
        small_table(_rows(progress.by_service_type, no_target))
