"""Steps 7 and 8 on the screen: each measure's baseline against now (chart and table), readings, where each
action stands, and what worked and what did not. Owns the session_state keys starting with ``progress.``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast

import altair as alt
import pandas as pd
import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import ActionPlan, ActionStatus, Measure, MeasureKind, ProcessNote, Theme
from wtfc_collect.domain.plan import ACTION_STATUS_LABELS
from wtfc_collect.services.workshop import plan, progress_review
from wtfc_collect.services.workshop.progress_review import MeasureRow, readings, status_counts
from wtfc_collect.services.workshop.progress_review import heard as heard_in_order
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import charts, context
from wtfc_collect.ui.feedback import errors, field_error, form_key, run_action, show, show_rest, use_case
from wtfc_collect.ui.literal import plain_label, short
from wtfc_collect.ui.tables import table

PREFIX = "progress_review."
INK = "#111111"  # near-black axis text: grey is too faint on a projector


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:g}"


def _change(value: float | None) -> str:
    return "–" if value is None else f"{value:+g}"


def _theme_label(row: MeasureRow) -> str:
    t = screen("progress_review")
    if row.theme is None:
        return t["no_theme"]
    name = row.theme.name or t["unnamed"]
    return t["carried_theme"].format(name=name) if row.theme.carried_from else name


def pick_theme(rows: list[MeasureRow]) -> list[MeasureRow]:
    """Which theme's measures to look at (one theme at a time reads better on a projector)."""
    t = screen("progress_review")
    themes = {(row.theme.id if row.theme else ""): _theme_label(row) for row in rows}
    chosen = st.selectbox(
        t["theme_label"],
        list(themes),
        format_func=lambda i: short(themes[i], 140),
        key=PREFIX + "theme",
    )
    return [row for row in rows if (row.theme.id if row.theme else "") == chosen]


def measures_table(rows: list[MeasureRow]) -> None:
    t = screen("progress_review")
    table(
        [
            {
                t["col_measure"]: row.measure.description,
                t["col_unit"]: row.measure.unit or "",
                t["col_baseline"]: _number(row.measure.baseline),
                t["col_now"]: _now(row.measure),
                t["col_change"]: _change(row.change),
                t["col_readings"]: len(row.measure.readings) + len(row.measure.heard),
                t["col_last"]: f"{row.last_reading:%d/%m/%Y}" if row.last_reading else "–",
            }
            for row in rows
        ],
    )


def _now(measure: Measure) -> str:
    """Where a measure stands now: its latest figure, or what people said most recently."""
    if measure.kind is MeasureKind.WORDS:
        latest = measure.latest_heard
        return short(f"“{latest.text}”", 80) if latest else "–"
    return _number(measure.current)


def pick_measure(rows: list[MeasureRow]) -> MeasureRow:
    t = screen("progress_review")
    by_id = {row.measure.id: row for row in rows}
    chosen = st.selectbox(
        t["measure_label"],
        list(by_id),
        format_func=lambda i: short(by_id[i].measure.description, 120),
        key=PREFIX + "measure",
    )
    return by_id[chosen or next(iter(by_id))]


def readings_chart(measure: Measure) -> alt.LayerChart:
    """The readings over time as a line, and the baseline as a dashed line across."""
    t = screen("progress_review")
    values = [{"day": r.on.isoformat(), "value": r.value} for r in readings(measure)]
    line = (
        alt.Chart(pd.DataFrame(values))
        .mark_line(point=alt.OverlayMarkDef(size=120), strokeWidth=4, color="#1f3b73")
        .encode(
            x=alt.X(
                "day:T",
                title=t["chart_day"],
                axis=alt.Axis(format="%d/%m/%Y", labelFontSize=14, labelColor=INK, titleColor=INK),
            ),
            y=alt.Y(
                "value:Q",
                title=measure.unit or t["chart_value"],
                axis=alt.Axis(labelFontSize=14, labelColor=INK, titleColor=INK),
            ),
        )
    )
    layers: list[alt.Chart] = [line]
    if measure.baseline is not None:
        baseline = alt.Chart(pd.DataFrame([{"baseline": measure.baseline}])).mark_rule(
            strokeDash=[8, 6], strokeWidth=3, color="#8a1c1c"
        )
        layers.append(baseline.encode(y="baseline:Q"))
    return cast(alt.LayerChart, alt.layer(*layers).properties(height=360).configure_axis(titleFontSize=16))


def words_detail(measure: Measure, today: date, on_heard: Callable[[str, date | None], object]) -> None:
    """A measure in words: what we will hear people say, what they said each time we asked, and a form to
    write down what was heard (never who said it)."""
    t = screen("progress_review")
    st.markdown(f"**{t['words_measure']}**")
    st.text(measure.description)
    if measure.heard:
        table([{t["col_day"]: f"{h.on:%d/%m/%Y}", t["col_heard"]: h.text} for h in heard_in_order(measure)])
    else:
        st.info(t["no_heard"])
    name = PREFIX + "heard"
    key = form_key(name) + "." + measure.id
    found = errors(name)
    with st.form(key, enter_to_submit=False):
        st.subheader(t["heard_heading"], anchor=False)
        text = st.text_area(t["heard_text"], height=90, key=key + ".text")
        field_error(found, "text")
        on = st.date_input(t["heard_day"], value=today, max_value=today, format="DD/MM/YYYY", key=key + ".on")
        field_error(found, "on")
        show_rest(name, {"text", "on"})
        if st.form_submit_button(t["heard_add"], type="primary"):
            on_heard(text, on if isinstance(on, date) else None)


def measure_detail(
    row: MeasureRow,
    today: date,
    on_reading: Callable[[float | None, date | None], object],
    on_baseline: Callable[[float | None], object],
    on_heard: Callable[[str, date | None], object],
) -> None:
    t = screen("progress_review")
    measure = row.measure
    if row.success is not None:
        st.markdown(f"**{t['success_label']}**")
        st.text(row.success.text)
    if measure.how_we_will_know:
        st.markdown(f"**{t['how_label']}**")
        st.text(measure.how_we_will_know)
    if measure.kind is MeasureKind.WORDS:
        words_detail(measure, today, on_heard)
        return
    st.markdown(
        t["baseline_now"].format(
            baseline=_number(measure.baseline), now=_number(measure.current), change=_change(row.change)
        )
    )
    if measure.readings:
        charts.chart(readings_chart(measure), alt_text=t["chart_alt"])
        st.caption(t["readings_caption"])
        table([{t["col_day"]: f"{r.on:%d/%m/%Y}", t["col_value"]: f"{r.value:g}"} for r in readings(measure)])
    else:
        st.info(t["no_readings"])
    name = PREFIX + "reading"
    key = form_key(name) + "." + measure.id
    found = errors(name)
    with st.form(key, enter_to_submit=False):
        st.subheader(t["reading_heading"], anchor=False)
        value = st.number_input(t["reading_value"], value=None, step=1.0, key=key + ".value")
        field_error(found, "value")
        on = st.date_input(
            t["reading_day"], value=today, max_value=today, format="DD/MM/YYYY", key=key + ".on"
        )
        field_error(found, "on")
        show_rest(name, {"value", "on"})
        if st.form_submit_button(t["reading_add"], type="primary"):
            on_reading(value, on if isinstance(on, date) else None)
    if measure.baseline is None:
        name = PREFIX + "baseline"
        key = form_key(name) + "." + measure.id
        with st.form(key, enter_to_submit=False):
            st.caption(t["baseline_help"])
            value = st.number_input(t["baseline_value"], value=None, step=1.0, key=key + ".value")
            field_error(errors(name), "baseline", "")
            if st.form_submit_button(t["baseline_save"]):
                on_baseline(value)


def actions_section(
    actions: list[ActionPlan], themes: dict[str, Theme], on_status: Callable[[str, ActionStatus], None]
) -> None:
    t = screen("progress_review")
    counts = status_counts(actions)
    table([{t["col_status"]: ACTION_STATUS_LABELS[s], t["col_actions"]: n} for s, n in counts.items()])
    statuses = list(ActionStatus)
    for action in actions:
        theme = themes.get(action.theme_id)
        key = f"{PREFIX}status.{action.id}.{action.revision}"
        with st.container(border=True):
            st.text(action.title)
            about = f"{t['theme_word']}: {(theme.name or t['unnamed']) if theme else t['no_theme']}"
            st.caption(
                plain_label(about + (f" · {t['lead_word']}: {action.lead}" if action.lead else ""), 300)
            )
            st.selectbox(
                plain_label(f"{t['status_label']}: {action.title}"),
                statuses,
                index=statuses.index(action.status),
                format_func=ACTION_STATUS_LABELS.__getitem__,
                key=key,
                on_change=lambda aid=action.id, k=key: on_status(aid, st.session_state[k]),
            )


def notes_section(
    worked: list[ProcessNote],
    did_not: list[ProcessNote],
    on_add: Callable[[bool, str], object],
    on_remove: Callable[[str], object],
) -> None:
    t = screen("progress_review")
    left, right = st.columns(2)
    for column, heading, notes in ((left, t["worked"], worked), (right, t["did_not"], did_not)):
        column.subheader(heading, anchor=False)
        if not notes:
            column.caption(t["no_notes"])
        for number, note in enumerate(notes, start=1):
            column.text(f"{number}. {note.text}")
            if column.button(
                t["remove"].format(heading=heading.lower(), n=number), key=f"{PREFIX}remove.{note.id}"
            ):
                on_remove(note.id)
    name = PREFIX + "note"
    key = form_key(name)
    found = errors(name)
    with st.form(key, enter_to_submit=False):
        st.subheader(t["note_heading"], anchor=False)
        kind = st.radio(
            t["note_kind"],
            [True, False],
            format_func=lambda w: t["worked"] if w else t["did_not"],
            horizontal=True,
            key=key + ".worked",
        )
        text = st.text_area(t["note_text"], height=90, key=key + ".text")
        field_error(found, "text")
        show_rest(name, {"text"})
        if st.form_submit_button(t["note_add"], type="primary"):
            on_add(bool(kind), text)


def _status(action_id: str, status: ActionStatus) -> None:
    run_action(PREFIX + "status", use_case(progress_review.set_action_status, action_id, status))


# --- the screen, top to bottom ----------------------------------------------------------------------------
def draw(t: dict[str, str], repo: Repository, project_id: str) -> None:
    """The whole screen below its title: measures against their baseline, actions, and process notes."""
    st.header(t["measures_heading"], anchor=False)
    rows = progress_review.measures(repo, project_id)
    if not rows:
        st.info(t["no_measures"])
    else:
        rows = pick_theme(rows)
        measures_table(rows)
        row = pick_measure(rows)
        measure_id = row.measure.id
        measure_detail(
            row,
            context.now().date(),
            lambda value, on: run_action(
                PREFIX + "reading",
                use_case(progress_review.add_reading, measure_id, value, on),
                fresh=True,
                rerun=True,
            ),
            lambda value: run_action(
                PREFIX + "baseline",
                use_case(progress_review.set_baseline, measure_id, value),
                fresh=True,
                rerun=True,
            ),
            lambda text, on: run_action(
                PREFIX + "heard",
                use_case(progress_review.add_heard, measure_id, text, on),
                fresh=True,
                rerun=True,
            ),
        )
    st.header(t["actions_heading"], anchor=False)
    show(PREFIX + "status", once=True)
    actions = plan.action_plans(repo, project_id)
    if not actions:
        st.info(t["no_actions"])
    else:
        themes = {theme.id: theme for theme in plan.chosen_themes(repo, project_id)}
        actions_section(
            actions,
            themes,
            # A change of a select box runs before the page is drawn again: no rerun needed.
            lambda action_id, status: _status(action_id, status),
        )
    st.header(t["notes_heading"], anchor=False)
    st.markdown(t["notes_help"])
    show(PREFIX + "remove", once=True)
    worked, did_not = progress_review.process_notes(repo, project_id)
    notes_section(
        worked,
        did_not,
        lambda kind, text: run_action(
            PREFIX + "note",
            use_case(progress_review.add_process_note, project_id, kind, text),
            fresh=True,
            rerun=True,
        ),
        lambda note_id: run_action(
            PREFIX + "remove", use_case(progress_review.remove_process_note, note_id), rerun=True
        ),
    )
