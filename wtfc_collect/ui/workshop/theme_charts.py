"""Themes in numbers: bar charts of theme sizes and of theme shares by area or group, each with the same
figures as a table. Owns the session_state keys starting with ``charts.``."""

from __future__ import annotations

from typing import cast

import altair as alt
import pandas as pd
import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Question
from wtfc_collect.services.workshop import theme_charts
from wtfc_collect.services.workshop.theme_charts import ShareTable, ThemeSize
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import charts, tables

PREFIX = "theme_charts."
INK = "#111111"  # near-black axis text: grey is too faint on a projector
LABEL_LIMIT = 420  # pixels of a theme name beside a bar before it is cut short (the table has it whole)


def draw(t: dict[str, str], repo: Repository, project_id: str) -> None:
    """The whole screen below its title: theme sizes for one question, then shares by area and by group."""
    question = pick_question()
    st.header(t["sizes_heading"].format(question=question.label), anchor=False)
    sizes_section(theme_charts.theme_sizes(repo, project_id, question))
    st.header(t["areas_heading"], anchor=False)
    st.caption(t["shares_help"])
    shares_section(theme_charts.theme_shares(repo, project_id, question, "area"), t["by_area"])
    st.header(t["groups_heading"], anchor=False)
    st.caption(t["shares_help"])
    shares_section(theme_charts.theme_shares(repo, project_id, question, "group"), t["by_group"])


def pick_question() -> Question:
    t = screen("theme_charts")
    questions = list(Question)
    chosen = st.selectbox(
        t["question_label"],
        questions,
        index=questions.index(Question.NOT_WORKING),
        format_func=lambda q: q.label,
        key=PREFIX + "question",
    )
    return chosen or Question.NOT_WORKING


def sizes_chart(sizes: list[ThemeSize]) -> alt.Chart:
    t = screen("theme_charts")
    values = [{"theme": s.name, "statements": s.statements, "people": s.people} for s in sizes]
    chart = (
        alt.Chart(pd.DataFrame(values))
        .mark_bar(color="#1f3b73")
        .encode(
            x=alt.X(
                "statements:Q",
                title=t["axis_statements"],
                axis=alt.Axis(tickMinStep=1, labelFontSize=14, labelColor=INK, titleColor=INK),
            ),
            y=alt.Y(
                "theme:N",
                sort=None,
                title=None,
                axis=alt.Axis(labelFontSize=15, labelLimit=LABEL_LIMIT, labelColor=INK),
            ),
        )
        .properties(height=max(120, 44 * len(values)))
    )
    return cast(alt.Chart, chart.configure_axis(titleFontSize=16))


def sizes_section(sizes: list[ThemeSize]) -> None:
    t = screen("theme_charts")
    if not sizes:
        st.info(t["no_themes"])
        return
    charts.chart(sizes_chart(sizes), alt_text=t["sizes_alt"])
    st.caption(t["table_caption"])
    tables.table(
        [
            {
                t["col_theme"]: s.name,
                t["col_statements"]: s.statements,
                t["col_people"]: s.people,
                t["col_share"]: f"{s.share} %",
                t["col_chosen"]: t["yes"] if s.chosen else "",
            }
            for s in sizes
        ],
    )


# Colour-blind-safe colours (Okabe and Ito), with the figures also in the table beside the chart.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def shares_chart(table: ShareTable, by_title: str) -> alt.Chart:
    t = screen("theme_charts")
    values = [
        {"theme": r.theme, "segment": r.segment, "share": r.share, "n": r.statements} for r in table.rows
    ]
    chart = (
        alt.Chart(pd.DataFrame(values))
        .mark_bar()
        .encode(
            x=alt.X("share:Q", title=t["axis_share"]),
            y=alt.Y(
                "theme:N",
                sort=None,
                title=None,
                axis=alt.Axis(labelFontSize=15, labelLimit=LABEL_LIMIT, labelColor=INK),
            ),
            yOffset=alt.YOffset("segment:N", sort=table.segments),
            color=alt.Color(
                "segment:N",
                title=by_title,
                sort=table.segments,
                scale=alt.Scale(domain=table.segments, range=PALETTE[: len(table.segments)]),
                legend=alt.Legend(orient="top", labelFontSize=15, titleFontSize=15),
            ),
        )
        .properties(height=max(140, 28 * len(values)))
    )
    return cast(alt.Chart, chart.configure_axis(titleFontSize=16))


def shares_section(table: ShareTable, by_title: str) -> None:
    t = screen("theme_charts")
    if not table.rows:
        st.info(t["no_shares"])
        return
    st.text(
        " · ".join(t["segment_total"].format(segment=s, statements=table.totals[s]) for s in table.segments)
    )
    charts.chart(shares_chart(table, by_title), alt_text=t["shares_alt"].format(by=by_title))
    st.caption(t["shares_caption"])
    tables.table(table.wide())
