"""Pieces of the priorities screen (Step 3, dot voting). Owns the keys starting with ``priorities.``.

Every action is a button, a tick box or a list, reachable by keyboard. Theme names are shown as text
(escaped), the chart always has the same figures as a table beside it, and a message in plain words
appears next to the control it is about. What was ticked or typed stays after a mistake.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import altair as alt
import pandas as pd
import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain.dot_votes import RULES, VoteTarget
from wtfc_collect.domain.participation import PERSPECTIVE_LABELS, ParticipantPerspective
from wtfc_collect.services.workshop import priorities
from wtfc_collect.services.workshop.priorities import ThemeResult
from wtfc_collect.services.workshop.themes import ThemeView
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import charts
from wtfc_collect.ui.feedback import form_key, run_action, show, use_case
from wtfc_collect.ui.literal import literal
from wtfc_collect.ui.tables import big_table
from wtfc_collect.ui.workshop.card_call import sized

PREFIX = "priorities."
NEW = "__new__"
PERSPECTIVES: tuple[ParticipantPerspective | None, ...] = (None, *ParticipantPerspective)


def _t() -> dict[str, str]:
    return screen("priorities")


def plain(text: str) -> str:
    """Text for a widget label, with Markdown signs escaped so it shows exactly as it was typed."""
    return literal(text)


def name_of(view: ThemeView) -> str:
    return view.theme.name or _t()["unnamed"]


def _run(control: str, action: Callable[[], object], *, done: str = "", fresh: bool = False) -> None:
    """A button's callback: run the use case; the outcome is shown next to ``control``. With ``fresh`` the
    widgets keyed by :func:`form_key` of ``control`` start new and empty (the next ballot)."""
    run_action(PREFIX + control, action, done=done, fresh=fresh, conflict=_t()["conflict"], forget=PREFIX)


# --- the screen -----------------------------------------------------------------------------------------
def draw(t: dict[str, str], repo: Repository, project_id: str) -> None:
    """The whole screen below its title: the dots each person has, the ballot, results, and the choice."""
    views = priorities.ballot(repo, project_id)
    if not views:
        st.info(t["no_themes"])
        return
    dots = priorities.dots_per_person(repo, project_id)
    dots_setting(project_id, dots)
    voters = priorities.voters(repo, project_id)
    ballot(
        project_id,
        views,
        voters,
        dots,
        priorities.next_voter_label(repo, project_id),
        lambda voter: priorities.votes_of(repo, project_id, voter),
        lambda voter: priorities.perspective_of(repo, project_id, voter),
    )
    found = priorities.results(repo, project_id)
    results(found, len(voters))
    choose(project_id, found, priorities.suggested_priorities(found))


# --- settings -------------------------------------------------------------------------------------------
def dots_setting(project_id: str, dots: int) -> None:
    t = _t()
    with st.expander(t["setting_heading"].format(dots=dots)):
        key = PREFIX + "dots_per_person"
        st.number_input(
            t["setting_label"],
            min_value=1,
            max_value=RULES[VoteTarget.THEME].most,
            value=dots,
            step=1,
            key=key,
        )
        st.button(
            t["setting_save"],
            key=PREFIX + "dots_save",
            on_click=lambda: _run(
                "setting",
                use_case(priorities.set_dots_per_person, project_id, int(st.session_state[key])),
                done=t["saved"],
            ),
        )
        show(PREFIX + "setting")


# --- one person's dots ------------------------------------------------------------------------------------
def _voter_slug(voter: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", voter.casefold()).strip("_") or "voter"


def ballot(
    project_id: str,
    views: list[ThemeView],
    voters: dict[str, int],
    dots: int,
    next_label: str,
    votes_of: Callable[[str], list[str]],
    perspective_of: Callable[[str], ParticipantPerspective | None] = lambda _voter: None,
) -> None:
    """Choose who is voting (a new person, or someone to correct), tick their themes, save.

    Every widget of the ballot has the ballot's number in its key: after a save the next ballot is new
    widgets, empty in the browser too (a ticked box whose key was only forgotten stays ticked there, and
    its tick would come back with the next click: dots nobody gave)."""
    t = _t()
    st.header(t["vote_heading"], anchor=False)
    st.markdown(t["vote_help"].format(dots=dots))
    ballot_key = form_key(PREFIX + "dots")
    who = st.selectbox(
        t["who"],
        [NEW, *voters],
        key=ballot_key + ".who",
        format_func=lambda v: t["new_voter"] if v == NEW else t["voter_used"].format(name=v, used=voters[v]),
    )
    label_key = ballot_key + ".label"
    if who == NEW or who not in voters:
        if label_key not in st.session_state:
            st.session_state[label_key] = next_label
        st.text_input(t["label"], key=label_key, max_chars=120, help=None)
        st.markdown(t["label_hint"])
        show(PREFIX + "voter")
        slug, had, gave = "new", set[str](), None
    else:
        slug, had, gave = _voter_slug(who), set(votes_of(who)), perspective_of(who)
    boxes = {v.theme.id: f"{ballot_key}.dot.{slug}.{v.theme.id}" for v in views}
    for view in views:
        label = f"{plain(name_of(view))} — {sized(t, view.statements, view.people)}"
        st.checkbox(label, key=boxes[view.theme.id], value=view.theme.id in had)
    ticked = [tid for tid, key in boxes.items() if st.session_state.get(key)]
    st.markdown(t["used"].format(used=len(ticked), dots=dots))
    if len(ticked) > dots:
        st.warning(t["too_many"].format(dots=dots, extra=len(ticked) - dots))
    perspective_key = f"{ballot_key}.perspective.{slug}"
    st.radio(
        t["perspective"],
        PERSPECTIVES,
        index=PERSPECTIVES.index(gave),
        key=perspective_key,
        format_func=lambda p: t["perspective_none"] if p is None else PERSPECTIVE_LABELS[p],
        horizontal=True,  # spaced apart: each choice is a target of its own (WCAG 2.5.8)
    )

    def save() -> None:
        voter = st.session_state.get(label_key, "") if who == NEW else who
        chosen = [tid for tid, key in boxes.items() if st.session_state.get(key)]
        perspective = st.session_state.get(perspective_key)
        _run(
            "dots",
            use_case(priorities.record_votes, project_id, voter, chosen, perspective),
            done=t["recorded"].format(name=voter),
            fresh=True,
        )

    st.button(t["save"], key=PREFIX + "save", type="primary", on_click=save)
    show(PREFIX + "dots")
    if who != NEW and who in voters:
        st.button(
            t["remove"].format(name=plain(who)),
            key=PREFIX + "remove",
            on_click=lambda: _run(
                "dots",
                use_case(priorities.remove_votes, project_id, who),
                done=t["removed"].format(name=who),
                fresh=True,
            ),
        )


def _chart(rows: Sequence[Sequence[object]], t: dict[str, str]) -> alt.Chart:
    """Dots per theme as horizontal bars, most first, with the whole theme name readable from afar."""
    data = pd.DataFrame({"theme": [f"{row[0]}. {row[1]}" for row in rows], "dots": [row[2] for row in rows]})
    dots_axis = alt.Axis(tickMinStep=1, labelFontSize=16, titleFontSize=18)
    chart: alt.Chart = (
        alt.Chart(data, title=alt.TitleParams(t["chart_title"], fontSize=20))
        .mark_bar(color="#1f4e8c")
        .encode(
            x=alt.X("dots:Q", title=t["col_dots"], axis=dots_axis),
            y=alt.Y("theme:N", sort=None, title=None, axis=alt.Axis(labelLimit=520, labelFontSize=16)),
        )
        .properties(height=alt.Step(30))
    )
    return chart


# --- results and the themes taken forward ---------------------------------------------------------------
def results(found: list[ThemeResult], voters: int) -> None:
    t = _t()
    st.header(t["results_heading"], anchor=False)
    st.markdown(t["results_summary"].format(voters=voters, dots=sum(r.dots for r in found)))
    rows = [
        (place, name_of(r.view), r.dots, r.voters, r.view.statements, r.view.people)
        for place, r in enumerate(found, start=1)
    ]
    charts.chart(_chart(rows, t), alt_text=t["chart_title"])
    st.subheader(t["table_heading"], anchor=False)
    columns = ("col_place", "col_theme", "col_dots", "col_voters", "col_cards", "col_people")
    big_table([t[c] for c in columns], rows)


def choose(project_id: str, found: list[ThemeResult], suggested: list[str]) -> None:
    t = _t()
    st.header(t["choose_heading"], anchor=False)
    st.markdown(t["choose_help"])
    by_id = {r.view.theme.id: r for r in found}
    chosen_now = [tid for tid, r in by_id.items() if r.view.theme.chosen]
    key = PREFIX + "chosen"
    if key not in st.session_state:
        st.session_state[key] = chosen_now or suggested
    st.multiselect(
        t["choose_label"],
        list(by_id),
        key=key,
        format_func=lambda tid: t["choose_option"].format(
            name=name_of(by_id[tid].view), dots=by_id[tid].dots
        ),
    )
    st.button(
        t["choose_save"],
        key=PREFIX + "choose_save",
        type="primary",
        on_click=lambda: _run(
            "chosen",
            use_case(priorities.choose_priorities, project_id, list(st.session_state.get(key) or [])),
            done=t["chosen_saved"],
        ),
    )
    show(PREFIX + "chosen")
    if chosen_now:
        st.subheader(t["chosen_heading"], anchor=False)
        for tid in chosen_now:
            st.text(f"• {name_of(by_id[tid].view)}")
    else:
        st.info(t["none_chosen"])
