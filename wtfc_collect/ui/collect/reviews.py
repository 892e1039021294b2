"""The list of reviews with filters. Owns the keys starting with ``reviews_table.``."""

from __future__ import annotations

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Project, Review, ReviewMode, ReviewStatus, Statement

PREFIX = "reviews_table."


def status_label(status: ReviewStatus) -> str:
    return screen("reviews")[f"status_{status.value}"]


def mode_label(mode: ReviewMode) -> str:
    return screen("reviews")[f"mode_{mode.value}"]


def filtered(
    reviews: list[Review], team: str | None, status: ReviewStatus | None, mode: ReviewMode | None
) -> list[Review]:
    """Reviews matching every filter that is set (None means any)."""
    return [
        r
        for r in reviews
        if (team is None or r.team == team)
        and (status is None or r.status is status)
        and (mode is None or r.mode is mode)
    ]


def filters(project: Project) -> tuple[str | None, ReviewStatus | None, ReviewMode | None]:
    t = screen("reviews")
    team_col, status_col, mode_col = st.columns(3)
    team = team_col.selectbox(
        t["filter_team"],
        [None, *project.teams],
        key=PREFIX + "team",
        format_func=lambda v: t["all"] if v is None else v,
    )
    status = status_col.selectbox(
        t["filter_status"],
        [None, *ReviewStatus],
        key=PREFIX + "status",
        format_func=lambda v: t["all"] if v is None else status_label(v),
    )
    mode = mode_col.selectbox(
        t["filter_mode"],
        [None, *ReviewMode],
        key=PREFIX + "mode",
        format_func=lambda v: t["all"] if v is None else mode_label(v),
    )
    return team, status, mode


def table(reviews: list[Review]) -> None:
    """One row per review. Only references and counts: no statement text in the list."""
    rows = [
        {
            "Person": r.person_ref,
            "Date": r.review_date.strftime("%d/%m/%Y"),
            "Team": r.team or "",
            "Kind": mode_label(r.mode),
            "Status": status_label(r.status),
            "Things said": len(r.statements),
            "Reviewer": r.reviewer or "",
        }
        for r in reviews
    ]
    st.dataframe(rows, hide_index=True, width="stretch")


def ask_again_table(pairs: list[tuple[Review, Statement]]) -> None:
    """Statements the quality check sent back: which person, which question, the words and why."""
    rows = [
        {
            "Person": review.person_ref,
            "Reviewer": review.reviewer or "",
            "Question": statement.question.label,
            "Words": statement.text,
            "Why": statement.triage[-1].reason if statement.triage else "",
        }
        for review, statement in pairs
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
