"""The "Keep and spread, and gaps" screen: the "working" themes, good practice to keep and to spread, and the
"important for the future" themes, set against what is on offer now; each with how many people are behind
it and the room's note. Owns the session-state keys starting with ``keep_and_spread.``."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Theme
from wtfc_collect.services.workshop import keep_and_spread
from wtfc_collect.services.workshop.keep_and_spread import FollowUp
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.feedback import use_case
from wtfc_collect.ui.literal import plain_label
from wtfc_collect.ui.tables import big_table
from wtfc_collect.ui.workshop.understand import act, big_text, projector_style, show_problems, version

SCREEN = "keep_and_spread"
PREFIX = SCREEN + "."
SHOWN = 5  # statements shown for a theme; the rest are counted
Problems = Mapping[str, str]


def draw(t: dict[str, str], repo: Repository, project_id: str) -> None:
    """The whole screen below its title: what to keep and spread, then the gaps."""
    projector_style()

    def on_note(theme: Theme, text: str) -> Problems:
        return act(
            SCREEN, use_case(keep_and_spread.set_follow_up, theme.id, text, expected_revision=theme.revision)
        )

    for part in ("keep", "gaps"):
        st.header(t[f"{part}_heading"], anchor=False)
        st.markdown(t[f"{part}_help"])
        listed = keep_and_spread.keep_and_spread if part == "keep" else keep_and_spread.gaps
        found = listed(repo, project_id)
        if not found:
            st.info(t[f"no_{part}"])
            continue
        summary(found, t[f"{part}_note"])
        for number, item in enumerate(found, start=1):
            theme_card(item, number, t[f"{part}_note"], on_note)


def name_of(item: FollowUp) -> str:
    return item.theme.name or screen(SCREEN)["unnamed"]


def summary(found: list[FollowUp], note_heading: str) -> None:
    """Every theme of the list, most people first, with its note: the figures in one table."""
    t = screen(SCREEN)
    big_table(
        [t["col_number"], t["col_theme"], t["col_people"], t["col_statements"], note_heading],
        [(n, name_of(i), i.people, i.statements, i.note or "–") for n, i in enumerate(found, start=1)],
    )


def theme_card(
    item: FollowUp, number: int, note_label: str, on_note: Callable[[Theme, str], Problems]
) -> None:
    """One theme: some of what people said in it, and the room's note (to write or change)."""
    t = screen(SCREEN)
    title = t["theme_title"].format(number=number, name=name_of(item), people=item.people)
    with st.expander(plain_label(title, 160)):
        st.markdown(t["some_said"])
        for words in item.said[:SHOWN]:
            big_text(f"“{words}”", 1.2)
        if len(item.said) > SHOWN:
            st.caption(t["more_said"].format(count=len(item.said) - SHOWN))
        key = f"{PREFIX}{version(SCREEN)}.{item.theme.id}.{item.theme.revision}"
        with st.form(key, enter_to_submit=False):
            text = st.text_area(note_label, item.note, key=key + ".note", height=100)
            slot = st.empty()
            if st.form_submit_button(t["save_note"].format(number=number)):
                show_problems(on_note(item.theme, text), {"follow_up": slot}, slot)
