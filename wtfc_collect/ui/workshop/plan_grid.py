"""The cost and impact grid of Step 6: a chart with the four quadrants named, the same ideas as a table, and
select boxes to place each idea (keyboard only, nothing to drag). Owns keys starting with ``grid.``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, cast

import altair as alt
import pandas as pd
import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain.plan import QUADRANT_AREAS, QUADRANT_LABELS, QUADRANT_MEANING, SCORE_LABELS, SCORES
from wtfc_collect.services.workshop.plan import GridRow
from wtfc_collect.ui import charts
from wtfc_collect.ui.feedback import errors, field_error, form_key, show_rest
from wtfc_collect.ui.literal import plain_label
from wtfc_collect.ui.tables import table

PREFIX = "plan.grid."
# Light fills with dark text, so labels stay readable on a projector; the quadrant name is always written.
QUADRANT_FILL = {
    "quick_win": "#d9f0d3",
    "major_project": "#dbe9f6",
    "fill_in": "#fdf3c4",
    "thankless_task": "#f6d5d5",
}
AXIS = alt.Scale(domain=[0.5, 4.5], nice=False)
INK = "#111111"  # axis text in near-black: grey axis text is too faint on a projector
NUDGE = 0.16  # ideas with the same place are set side by side, not on top of each other


def chart_data(rows: list[GridRow]) -> list[dict[str, Any]]:
    """One point per placed idea, numbered as in the table."""
    seen: Counter[tuple[int, int]] = Counter()
    points = []
    for number, row in enumerate(rows, start=1):
        idea = row.idea
        if idea.cost is None or idea.impact is None or row.quadrant is None:
            continue
        place = (idea.cost, idea.impact)
        shift = seen[place] * NUDGE
        seen[place] += 1
        points.append(
            {
                "number": str(number),
                "idea": idea.text,
                "cost": idea.cost + shift,
                "impact": idea.impact,
                "quadrant": QUADRANT_LABELS[row.quadrant],
            }
        )
    return points


def grid_chart(rows: list[GridRow]) -> alt.LayerChart:
    """The four quadrants as labelled areas, and each placed idea as a numbered dot."""
    t = screen("plan")
    areas = pd.DataFrame(
        [
            {
                "name": QUADRANT_LABELS[q],
                "x": x0,
                "x2": x1,
                "y": y0,
                "y2": y1,
                "fill": QUADRANT_FILL[q.value],
                "lx": (x0 + x1) / 2,
                "ly": y1 - 0.2,
            }
            for q, (x0, x1, y0, y1) in QUADRANT_AREAS.items()
        ]
    )
    x = alt.X(
        "x:Q",
        scale=AXIS,
        title=t["grid_x"],
        axis=alt.Axis(values=list(SCORES), format="d", labelFontSize=16, labelColor=INK, titleColor=INK),
    )
    y = alt.Y(
        "y:Q",
        scale=AXIS,
        title=t["grid_y"],
        axis=alt.Axis(values=list(SCORES), format="d", labelFontSize=16, labelColor=INK, titleColor=INK),
    )
    rects = (
        alt.Chart(areas)
        .mark_rect(stroke="#333333", strokeWidth=1)
        .encode(x=x, x2="x2:Q", y=y, y2="y2:Q", color=alt.Color("fill:N", scale=None))
    )
    names = (
        alt.Chart(areas)
        .mark_text(fontSize=20, fontWeight="bold", color="#111111")
        .encode(x=alt.X("lx:Q", scale=AXIS), y=alt.Y("ly:Q", scale=AXIS), text="name:N")
    )
    data = pd.DataFrame(chart_data(rows))
    dots = (
        alt.Chart(data)
        .mark_circle(size=900, color="#1f3b73", opacity=1)
        .encode(x=alt.X("cost:Q", scale=AXIS), y=alt.Y("impact:Q", scale=AXIS))
    )
    numbers = (
        alt.Chart(data)
        .mark_text(fontSize=16, fontWeight="bold", color="#ffffff")
        .encode(x=alt.X("cost:Q", scale=AXIS), y=alt.Y("impact:Q", scale=AXIS), text="number:N")
    )
    chart = alt.layer(rects, names, dots, numbers).properties(height=520)
    return cast(alt.LayerChart, chart.configure_axis(titleFontSize=18))


def grid_table(rows: list[GridRow]) -> list[dict[str, str | int]]:
    """The table beside the chart: every chosen idea with its place and quadrant (or "not placed yet")."""
    t = screen("plan")
    return [
        {
            t["col_number"]: number,
            t["col_idea"]: row.idea.text,
            t["col_theme"]: row.theme.name or t["unnamed"],
            t["col_cost"]: row.idea.cost or "–",
            t["col_impact"]: row.idea.impact or "–",
            t["col_quadrant"]: QUADRANT_LABELS[row.quadrant] if row.quadrant else t["not_placed"],
            t["col_meaning"]: QUADRANT_MEANING[row.quadrant] if row.quadrant else "",
        }
        for number, row in enumerate(rows, start=1)
    ]


def show_grid(rows: list[GridRow]) -> None:
    t = screen("plan")
    if not rows:
        st.info(t["grid_empty"])
        return
    if any(row.quadrant for row in rows):
        charts.chart(grid_chart(rows), alt_text=t["grid_alt"])
    st.caption(t["grid_table_caption"])
    table(grid_table(rows))


def place_form(
    rows: list[GridRow], on_place: Callable[[dict[str, tuple[int | None, int | None]]], None]
) -> None:
    """A cost and an impact select box for each chosen idea, saved together."""
    t = screen("plan")
    if not rows:
        return
    name = "plan.grid.place"
    key = form_key(name) + "." + ".".join(f"{r.idea.id[:6]}{r.idea.revision}" for r in rows)
    found = errors(name)
    options = [None, *SCORES]
    places: dict[str, tuple[int | None, int | None]] = {}
    with st.form(key, enter_to_submit=False):
        st.subheader(t["place_heading"], anchor=False)
        st.caption(t["place_help"])
        show_rest(name, {f"{f}.{r.idea.id}" for r in rows for f in ("cost", "impact")})
        for number, row in enumerate(rows, start=1):
            idea = row.idea
            st.markdown(f"**{t['idea_word']} {number}**")
            st.text(idea.text)
            left, right = st.columns(2)
            cost = left.selectbox(
                plain_label(f"{t['cost_label']} ({t['idea_word']} {number})"),
                options,
                index=options.index(idea.cost),
                format_func=lambda v: t["not_placed"] if v is None else SCORE_LABELS[v],
                key=f"{key}.cost.{idea.id}",
            )
            impact = right.selectbox(
                plain_label(f"{t['impact_label']} ({t['idea_word']} {number})"),
                options,
                index=options.index(idea.impact),
                format_func=lambda v: t["not_placed"] if v is None else SCORE_LABELS[v],
                key=f"{key}.impact.{idea.id}",
            )
            field_error(found, f"cost.{idea.id}", f"impact.{idea.id}")
            places[idea.id] = (cost, impact)
        if st.form_submit_button(t["place_save"], type="primary"):
            on_place(places)
