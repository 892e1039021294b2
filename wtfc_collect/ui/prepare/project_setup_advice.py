"""Part of the Set up a project screen: the guides' advice on how many reviews to collect for the project's
level and number of people, and whether the checkpoint falls by half way through collecting. A plan outside
the advice gets a plain warning; nothing is refused."""

from __future__ import annotations

from datetime import date

import streamlit as st

from wtfc_collect.domain import Project
from wtfc_collect.domain.sample_advice import SampleWarning, checkpoint_timing, sample_advice


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def advice(t: dict[str, str], project: Project) -> None:
    """The advice for the saved plan, with its warnings, under its own heading."""
    st.header(t["advice_heading"], anchor=False)
    found = sample_advice(project)
    level = found.level.value
    numbers = {
        "people": found.people or 0,
        "fewest": found.fewest or 0,
        "most": found.most or 0,
        "target": found.target,
    }
    if found.people is None:
        st.info(t[f"advice_{level}"] + " " + t["advice_add_people"])
    else:
        st.info(t[f"advice_{level}"] + " " + t[f"advice_{level}_numbers"].format(**numbers))
    for warning in found.warnings:
        if warning is not SampleWarning.NO_PEOPLE:
            st.warning(t[f"warn_{warning.value}"].format(**numbers), icon=":material/warning:")
    if found.target and not found.warnings:
        st.success(t["advice_within"].format(**numbers))
    timing = checkpoint_timing(project)
    days = {
        "start": _day(timing.start),
        "checkpoint": _day(timing.checkpoint),
        "first": _day(timing.first_workshop),
        "half_way": _day(timing.half_way),
    }
    if timing.half_way is not None:
        st.write(t["timing_half_way"].format(**days))
    elif not timing.warnings:
        st.caption(t["timing_missing"])
    for late in timing.warnings:
        st.warning(t[f"warn_{late.value}"].format(**days), icon=":material/warning:")
