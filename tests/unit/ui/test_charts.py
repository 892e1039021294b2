"""Charts follow the text size chosen for the visit: their words are drawn in pixels, so they are scaled."""

from __future__ import annotations

import altair as alt
import pandas as pd

from wtfc_collect.ui.charts import with_text_size


def _chart() -> alt.Chart:
    data = pd.DataFrame({"dots": [3, 1], "theme": ["I want to get out", "I am lonely"]})
    return (
        alt.Chart(data, title=alt.TitleParams("Dots", fontSize=20))
        .mark_bar()
        .encode(
            x=alt.X("dots:Q", axis=alt.Axis(labelFontSize=16)),
            y=alt.Y("theme:N", axis=alt.Axis(labelLimit=500)),
        )
        .properties(height=alt.Step(30))
    )


def test_large_text_makes_every_word_of_a_chart_half_as_big_again() -> None:
    spec = with_text_size(_chart(), 1.5).to_dict()
    assert spec["title"]["fontSize"] == 30
    assert spec["encoding"]["x"]["axis"]["labelFontSize"] == 24
    assert spec["encoding"]["y"]["axis"]["labelLimit"] == 750  # room for the longer words
    assert spec["height"] == {"step": 45}
    assert spec["config"]["axis"]["titleFontSize"] == 16.5  # sizes left to Vega-Lite grow too


def test_normal_text_leaves_the_chart_as_it_is_and_layers_keep_their_kind() -> None:
    chart = _chart()
    assert with_text_size(chart, 1) is chart
    layered = alt.layer(chart.mark_bar(), chart.mark_text(fontSize=12))
    bigger = with_text_size(layered, 2)
    assert isinstance(bigger, alt.LayerChart)
    assert bigger.to_dict()["layer"][1]["mark"]["fontSize"] == 24
