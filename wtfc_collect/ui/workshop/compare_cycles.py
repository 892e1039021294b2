"""The "Compare cycles" screen: this cycle against the last one, in tables (and a chart with the same
figures): how big each theme is for each question, the priorities, and each measure carried forward with its
readings over both cycles. Themes can be matched across cycles by hand. Owns the keys starting with
``compare_cycles.``.
"""

from __future__ import annotations

from typing import cast

import altair as alt
import pandas as pd
import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import MeasureKind, Project, Question
from wtfc_collect.domain.cycle import SizeRow, ThemeSize
from wtfc_collect.domain.theme import ORDER
from wtfc_collect.services.workshop import compare_cycles
from wtfc_collect.services.workshop.compare_cycles import CarriedMeasure, Comparison, PriorityRow
from wtfc_collect.services.workshop.themes import list_themes
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import charts, context
from wtfc_collect.ui.feedback import errors, field_error, form_key, run_action, use_case
from wtfc_collect.ui.literal import plain_label, short
from wtfc_collect.ui.tables import big_table, table_html

SCREEN = "compare_cycles"
PREFIX = SCREEN + "."
INK = "#111111"
LAST, THIS = "#6b6b6b", "#1f3b73"  # grey for the last cycle, dark blue for this one
LABEL_LIMIT = 420


def _table(rows: list[dict[str, object]]) -> None:
    """A table of the screen: escaped HTML, every cell shown as typed (nothing when there are no rows)."""
    if rows:
        st.html(table_html(rows))


def _figure(value: float | None, unit: str | None = None, *, sign: bool = False) -> str:
    if value is None:
        return "–"
    text = f"{value:{'+' if sign else ''},.2f}".rstrip("0").rstrip(".")
    return text + (f" {unit}" if unit else "")


def _size(size: ThemeSize | None, share: float | None) -> str:
    t = screen(SCREEN)
    if size is None or share is None:
        return t["not_there"]
    key = "size_cell_one" if size.people == 1 else "size_cell"
    return t[key].format(people=size.people, share=round(share))


# --- the screen, top to bottom ----------------------------------------------------------------------------
def draw(t: dict[str, str], repo: Repository, project: Project) -> None:
    line = compare_cycles.cycles(repo, project.id)
    st.header(t["line_heading"], anchor=False)
    _table(
        [
            {
                t["col_cycle"]: p.cycle,
                t["col_name"]: p.name,
                t["col_started"]: f"{p.created_at:%d/%m/%Y}",
                t["col_this"]: t["yes"] if p.id == project.id else "",
            }
            for p in line
        ]
    )
    others = [p for p in line if p.id != project.id]
    if others:
        columns = st.columns(len(others))
        for column, other in zip(columns, others, strict=True):
            if column.button(t["open_cycle"].format(n=other.cycle), key=f"{PREFIX}open.{other.id}"):
                context.choose_project(other.id)
                st.rerun()
    found = compare_cycles.comparison(repo, project.id)
    if found is None:
        st.info(t["first_cycle"])
        return
    st.markdown(t["against"].format(this=found.this.cycle, last=found.last.cycle))
    st.text(found.last.name)
    people(found)
    for question in ORDER:
        sizes(question, found.sizes[question], found)
    st.header(t["priorities_heading"], anchor=False)
    priorities(found.priorities, found)
    st.header(t["measures_heading"], anchor=False)
    measures(found.measures, found)
    st.header(t["match_heading"], anchor=False)
    st.markdown(t["match_help"])
    for question in ORDER:
        match_form(repo, project.id, question)


def people(found: Comparison) -> None:
    t = screen(SCREEN)
    st.header(t["people_heading"], anchor=False)
    big_table(
        [
            t["col_question"],
            t["col_last"].format(n=found.last.cycle),
            t["col_now"].format(n=found.this.cycle),
        ],
        [(q.label, found.people[q][0], found.people[q][1]) for q in ORDER],
    )


def sizes(question: Question, rows: list[SizeRow], found: Comparison) -> None:
    """One question's themes in both cycles: a table, and the shares as a chart with the same figures."""
    t = screen(SCREEN)
    st.header(t["sizes_heading"].format(question=question.label), anchor=False)
    if not rows:
        st.info(t["no_themes"])
        return
    last, this = t["col_last"].format(n=found.last.cycle), t["col_now"].format(n=found.this.cycle)
    big_table(
        [t["col_theme"], last, this, t["col_change"]],
        [
            (
                row.name,
                _size(row.last, row.last_share),
                _size(row.this, row.this_share),
                t["points"].format(change=_figure(row.change, sign=True)) if row.change is not None else "–",
            )
            for row in rows
        ],
    )
    data = [
        {"theme": short(row.name, 60), "cycle": label, "share": round(share, 1), "place": place}
        for place, row in enumerate(rows)
        for label, share in ((last, row.last_share), (this, row.this_share))
        if share is not None
    ]
    chart = (
        alt.Chart(pd.DataFrame(data))
        .mark_bar()
        .encode(
            y=alt.Y(
                "theme:N", title=None, sort=alt.SortField("place"), axis=alt.Axis(labelLimit=LABEL_LIMIT)
            ),
            yOffset=alt.YOffset("cycle:N", sort=[last, this]),
            x=alt.X("share:Q", title=t["chart_share"]),
            color=alt.Color(
                "cycle:N", scale=alt.Scale(domain=[last, this], range=[LAST, THIS]), title=t["chart_cycle"]
            ),
        )
        .properties(height=alt.Step(22))
        .configure_axis(labelFontSize=14, titleFontSize=15, labelColor=INK, titleColor=INK)
        .configure_legend(labelFontSize=14, titleFontSize=15, labelColor=INK, titleColor=INK)
    )
    alt_text = t["chart_alt"].format(question=question.label)
    charts.chart(cast(alt.Chart, chart), alt_text=alt_text)
    st.caption(t["chart_caption"])


def _priority(size: ThemeSize | None, dots: int | None) -> str:
    t = screen(SCREEN)
    if size is None:
        return t["not_there"]
    if size.chosen:
        return t["was_priority"].format(dots=dots or 0)
    return t["not_priority"].format(dots=dots or 0)


def priorities(rows: list[PriorityRow], found: Comparison) -> None:
    t = screen(SCREEN)
    if not rows:
        st.info(t["no_priorities"])
        return
    big_table(
        [t["col_theme"], t["col_last"].format(n=found.last.cycle), t["col_now"].format(n=found.this.cycle)],
        [(p.row.name, _priority(p.row.last, p.last_dots), _priority(p.row.this, p.this_dots)) for p in rows],
    )


def measures(found_measures: list[CarriedMeasure], found: Comparison) -> None:
    t = screen(SCREEN)
    if not found_measures:
        st.info(t["no_measures"])
        return
    big_table(
        [t["col_theme"], t["col_measure"], t["col_start"], t["col_now_value"], t["col_change"]],
        [
            (
                m.theme,
                m.measure.description,
                _figure(m.first_baseline, m.measure.unit),
                _figure(m.now, m.measure.unit) if m.measure.kind is MeasureKind.NUMBER else t["in_words"],
                _figure(m.change, m.measure.unit, sign=True),
            )
            for m in found_measures
        ],
    )
    by_id = {m.measure.id: m for m in found_measures}
    chosen = st.selectbox(
        t["measure_label"],
        list(by_id),
        format_func=lambda i: short(f"{by_id[i].measure.description} – {by_id[i].theme}", 140),
        key=PREFIX + "measure",
    )
    picked = by_id[chosen or next(iter(by_id))]
    st.subheader(t["readings_heading"], anchor=False)
    if not picked.points:
        st.info(t["no_readings"])
        return
    unit = picked.measure.unit
    _table(
        [
            {
                t["col_day"]: f"{p.on:%d/%m/%Y}",
                t["col_cycle"]: p.cycle,
                t["col_reading"]: _figure(p.value, unit) if p.value is not None else f"“{p.words}”",
            }
            for p in picked.points
        ]
    )


def match_form(repo: Repository, project_id: str, question: Question) -> None:
    """For each named theme of this cycle, which of the last cycle's themes it is the same as."""
    t = screen(SCREEN)
    options = compare_cycles.last_cycle_themes(repo, project_id, question)
    mine = [v.theme for v in list_themes(repo, project_id, question) if v.theme.name and v.statements]
    if not options or not mine:
        return
    names = {o.id: o.name or "" for o in options}
    name = f"{PREFIX}match.{question.value}"
    key = form_key(name)
    with (
        st.expander(t["match_question"].format(question=question.label)),
        st.form(key, enter_to_submit=False),
    ):
        chosen = {
            theme.id: st.selectbox(
                plain_label(theme.name or "", 100),
                [None, *names],
                index=[None, *names].index(theme.last_cycle_theme_id)
                if theme.last_cycle_theme_id in names
                else 0,
                format_func=lambda i: t["by_name"] if i is None else short(names[i], 100),
                key=f"{key}.{theme.id}",
            )
            for theme in mine
        }
        field_error(errors(name), "match", "")
        if st.form_submit_button(t["match_save"].format(question=question.label)):
            before = {theme.id: theme.last_cycle_theme_id for theme in mine}
            changed = {tid: last for tid, last in chosen.items() if last != before[tid]}

            def save() -> None:
                for theme_id, last in changed.items():
                    use_case(compare_cycles.match_theme, theme_id, last)()

            run_action(name, save, fresh=True, rerun=True)
