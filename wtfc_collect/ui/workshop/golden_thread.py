"""The golden thread on the screen, as text: from an action back to what people said, from a theme to its
actions, and the whole project as a table. Owns the session_state keys starting with ``thread.``."""

from __future__ import annotations

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import ActionPlan, Theme
from wtfc_collect.domain.golden_thread import ActionThread
from wtfc_collect.domain.plan import ACTION_STATUS_LABELS, IDEA_KIND_LABELS
from wtfc_collect.domain.success import perspective_label
from wtfc_collect.services.reports.documents import (
    LETTER_LANGUAGES,
    DocumentKind,
    export_document,
    file_name,
)
from wtfc_collect.services.workshop import golden_thread
from wtfc_collect.services.workshop.golden_thread import MeasureChoice, ThreadRow
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.downloads import word_download
from wtfc_collect.ui.feedback import ICON, use_case
from wtfc_collect.ui.literal import short
from wtfc_collect.ui.tables import table

PREFIX = "golden_thread."


def pick_action(actions: list[ActionPlan]) -> ActionPlan:
    t = screen("golden_thread")
    by_id = {a.id: a for a in actions}
    chosen = st.selectbox(
        t["action_label"],
        list(by_id),
        format_func=lambda i: short(by_id[i].title),
        key=PREFIX + "action",
    )
    return by_id[chosen or next(iter(by_id))]


def pick_theme(themes: list[Theme]) -> Theme:
    t = screen("golden_thread")
    by_id = {th.id: th for th in themes}
    chosen = st.selectbox(
        t["theme_label"],
        list(by_id),
        format_func=lambda i: short(by_id[i].name or t["unnamed"], 140),
        key=PREFIX + "theme",
    )
    return by_id[chosen or next(iter(by_id))]


def _step(heading: str) -> None:
    st.markdown(f"## {heading}")


def people_line(people: int) -> str:
    """ "12 people said something in this theme." """
    t = screen("golden_thread")
    return t["people_one"] if people == 1 else t["people_many"].format(people=people)


def chain(thread: ActionThread) -> None:
    """Action → what it works towards (success, measures) → idea → root cause → theme → the statements,
    each written out in full."""
    t = screen("golden_thread")
    action = thread.action
    if thread.missing:
        st.warning(t["missing"].format(links=", ".join(thread.missing)), icon=":material/link_off:")
    _step(t["step_action"])
    st.text(action.title)
    st.caption(f"{t['status_word']}: {ACTION_STATUS_LABELS[action.status]}")
    _step(t["step_success"])
    if not thread.successes:
        st.text(t["no_success"])
    for towards in thread.successes:
        st.text(f"{perspective_label(towards.success)}: {towards.success.text}")
        for measure in towards.measures:
            st.text(f"    {t['measure_word']}: {measure.description}")
    _step(t["step_idea"])
    if not thread.ideas:
        st.text(t["no_idea"])
    for link in thread.ideas:
        st.text(f"{link.idea.text} ({IDEA_KIND_LABELS[link.idea.kind]})")
    _step(t["step_cause"])
    if not thread.root_causes:
        st.text(t["no_cause"])
    for cause in thread.root_causes:
        st.text(cause.cause)
    _step(t["step_theme"])
    if thread.theme is None:
        st.warning(t["theme_gone"], icon=ICON)
        return
    st.text(thread.theme.name or t["unnamed"])
    st.caption(thread.theme.question.label)
    st.markdown(f"**{people_line(thread.evidence.people)}**")
    _step(t["step_words"].format(statements=thread.evidence.statements))
    if not thread.evidence.cards:
        st.info(t["no_words"])
    for card in thread.evidence.cards:
        st.text(f"“{card.text}”")


def measure_actions(actions: list[ActionPlan]) -> None:
    """The actions that should move one measure."""
    t = screen("golden_thread")
    if not actions:
        st.info(t["no_actions_for_measure"])
        return
    table(
        [
            {
                t["col_action"]: a.title,
                t["col_status"]: ACTION_STATUS_LABELS[a.status],
                t["col_lead"]: a.lead or "–",
            }
            for a in actions
        ]
    )


def _theme_name(choice: MeasureChoice) -> str:
    t = screen("golden_thread")
    return (choice.theme.name if choice.theme else None) or t["unnamed"]


def pick_measure(choices: list[MeasureChoice]) -> MeasureChoice:
    t = screen("golden_thread")
    by_id = {c.measure.id: c for c in choices}
    chosen = st.selectbox(
        t["measure_label"],
        list(by_id),
        format_func=lambda i: short(f"{by_id[i].measure.description} – {_theme_name(by_id[i])}", 140),
        key=PREFIX + "measure",
    )
    return by_id[chosen or next(iter(by_id))]


def theme_actions(actions: list[ActionPlan], people: int) -> None:
    t = screen("golden_thread")
    st.markdown(f"**{people_line(people)}**")
    if not actions:
        st.info(t["no_actions_for_theme"])
        return
    table(
        [
            {
                t["col_action"]: a.title,
                t["col_status"]: ACTION_STATUS_LABELS[a.status],
                t["col_lead"]: a.lead or "–",
                t["col_first"]: a.first_steps or "–",
            }
            for a in actions
        ],
    )


def whole_table(rows: list[ThreadRow]) -> None:
    t = screen("golden_thread")
    table(
        [
            {
                t["col_people"]: r.people,
                t["col_statements"]: r.statements,
                t["col_theme"]: r.theme,
                t["col_cause"]: r.root_causes or "–",
                t["col_success"]: r.success or "–",
                t["col_measure"]: r.measures or "–",
                t["col_idea"]: r.ideas or "–",
                t["col_action"]: r.action,
                t["col_status"]: ACTION_STATUS_LABELS[r.status],
            }
            for r in rows
        ],
    )


# --- the screen, top to bottom ----------------------------------------------------------------------------
def draw(t: dict[str, str], repo: Repository, project_id: str) -> None:
    """The whole screen below its title: a thread from an action or a theme, the whole table, documents."""
    actions = golden_thread.action_plans(repo, project_id)
    if not actions:
        st.info(t["no_actions"])
        documents(t, project_id)
        return
    start = st.radio(
        t["start_label"],
        ["action", "theme", "measure"],
        format_func=lambda v: t[f"start_{v}"],
        horizontal=True,
        key=PREFIX + "start",
    )
    if start == "action":
        chain(golden_thread.action_thread(repo, pick_action(actions).id))
    elif start == "measure":
        choices = golden_thread.thread_measures(repo, project_id)
        if not choices:
            st.info(t["no_measures"])
        else:
            measure_actions(golden_thread.measure_actions(repo, pick_measure(choices).measure.id))
    else:
        themes = golden_thread.thread_themes(repo, project_id)
        if not themes:
            st.info(t["no_themes"])
        else:
            theme = pick_theme(themes)
            theme_actions(
                golden_thread.theme_actions(repo, theme.id),
                golden_thread.theme_evidence(repo, theme.id).people,
            )
    st.header(t["table_heading"], anchor=False)
    st.caption(t["table_help"])
    whole_table(golden_thread.thread_table(repo, project_id))
    documents(t, project_id)


def documents(t: dict[str, str], project_id: str) -> None:
    """The WTfC report and "You said, we did": made when asked for, also before there is any action."""
    st.header(t["documents_heading"], anchor=False)
    st.caption(t["documents_help"])
    for kind, label in (
        (DocumentKind.REPORT, "report_label"),
        (DocumentKind.YOU_SAID_WE_DID, "you_said_label"),
        (DocumentKind.SUMMARY, "summary_label"),
    ):
        said = "en"
        if kind is DocumentKind.YOU_SAID_WE_DID:  # a letter for the people: in English or in Welsh
            said = st.radio(
                t["you_said_language"],
                list(LETTER_LANGUAGES),
                format_func=LETTER_LANGUAGES.__getitem__,
                horizontal=True,
                key="golden_thread.you_said_language",
            )
        word_download(
            t[label],
            file_name(kind, said),
            use_case(export_document, project_id, kind, language=said),
            key=f"thread_{kind.value}" + ("" if said == "en" else f"_{said}"),
        )
