"""The Who takes part screen: each workshop day's balance of perspectives against the method's guidance,
the people invited (``participation_people``), and getting ready before the day (``participation_invitation``:
people from the reviews who would like to come, and the easy-read invitation). Owns the session-state keys
starting with ``participation.``."""

from __future__ import annotations

from datetime import date

import streamlit as st

from wtfc_collect.domain import Project
from wtfc_collect.domain.participation import (
    KEY_SIDES,
    SIDE_LABELS,
    Balance,
    BalanceWarning,
    ParticipantPerspective,
    Side,
)
from wtfc_collect.services.workshop import participation
from wtfc_collect.services.workshop.participation import DayBalance
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import links, tables
from wtfc_collect.ui.workshop.participation_invitation import before_the_workshop
from wtfc_collect.ui.workshop.participation_people import people

PREFIX = "participation."


def day_name(t: dict[str, str], number: int, day: date) -> str:
    return t["day_name"].format(n=number, date=f"{day:%A} {day.day} {day:%B %Y}")


def draw(t: dict[str, str], repo: Repository, project: Project) -> None:
    """The whole screen below its title."""
    days = participation.workshop_days(repo, project.id)
    if not days:
        st.info(t["no_days"])
        links.page_link("pages/project_setup.py", t["set_up_link"])
        return
    st.header(t["balance_heading"], anchor=False)
    st.caption(t["balance_help"])
    for number, found in enumerate(participation.day_balances(repo, project.id), start=1):
        _day(t, number, found)
    people(t, repo, project, days)
    before_the_workshop(t, repo, project)


def _day(t: dict[str, str], number: int, found: DayBalance) -> None:
    st.subheader(day_name(t, number, found.day), anchor=False)
    rows: list[dict[str, object]] = [
        {
            t["col_perspective"]: perspective.label,
            t["col_invited"]: found.invited.by_perspective[perspective],
            t["col_coming"]: found.coming.by_perspective[perspective],
            t["col_came"]: found.came.by_perspective[perspective],
        }
        for perspective in ParticipantPerspective
    ]
    rows.append(
        {
            t["col_perspective"]: t["total"],
            t["col_invited"]: found.invited.total,
            t["col_coming"]: found.coming.total,
            t["col_came"]: found.came.total,
        }
    )
    tables.table(rows)
    judged = found.judged_balance
    st.caption(t[f"judged_{found.judged.value}"])
    shown = False
    for warning, side in judged.warnings:
        st.warning(_warning_text(t, judged, warning, side), icon=":material/warning:")
        shown = True
    if not shown:
        st.success(t["balance_fine"])


def _warning_text(t: dict[str, str], judged: Balance, warning: BalanceWarning, side: Side | None) -> str:
    counts = {
        "total": judged.total,
        "side": SIDE_LABELS[side] if side else "",
        "count": judged.by_side[side] if side else 0,
        "others": ", ".join(SIDE_LABELS[s] for s in KEY_SIDES if s is not side),
    }
    return t[f"warn_{warning.value}"].format(**counts)
