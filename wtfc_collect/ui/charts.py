"""Every chart on a screen: drawn across the page, with a name for screen readers, and its words at the text
size chosen for the visit (a chart's words are drawn in pixels, so they do not grow with the page by
themselves: Large makes them half as big again, Very large twice as big, like the rest of the page)."""

from __future__ import annotations

from typing import Any, TypeVar

import altair as alt
import streamlit as st

from wtfc_collect.ui import display

C = TypeVar(
    "C", alt.Chart, alt.LayerChart, alt.ConcatChart, alt.HConcatChart, alt.VConcatChart, alt.FacetChart
)
# Sizes in a chart's description that are words (or make room for them): scaled with the text size.
_SIZED = frozenset({"fontSize", "labelFontSize", "titleFontSize", "labelLimit", "step", "symbolSize"})
# Vega-Lite's own sizes, for charts that leave them unset.
_DEFAULTS = {
    "axis": {"labelFontSize": 11, "titleFontSize": 11},
    "legend": {"labelFontSize": 10, "titleFontSize": 11},
}


def scaled(spec: Any, factor: float) -> Any:
    """``spec`` (a chart as a dict) with every size of its words multiplied by ``factor``."""
    if isinstance(spec, dict):
        return {
            key: round(value * factor, 1)
            if key in _SIZED and isinstance(value, int | float) and not isinstance(value, bool)
            else scaled(value, factor)
            for key, value in spec.items()
        }
    if isinstance(spec, list):
        return [scaled(item, factor) for item in spec]
    return spec


def with_text_size(chart: C, factor: float) -> C:
    """The same chart with its words (and the room they need) ``factor`` times as big."""
    if factor == 1:
        return chart
    spec = chart.to_dict()
    config = spec.setdefault("config", {})
    for part, sizes in _DEFAULTS.items():
        config[part] = {**sizes, **config.get(part, {})}
    return type(chart).from_dict(scaled(spec, factor))


def chart(drawn: C, *, alt_text: str) -> None:
    """Draw ``drawn`` across the page at the visit's text size, named ``alt_text`` for screen readers."""
    st.altair_chart(with_text_size(drawn, display.text_scale()), width="stretch", alt=alt_text)
