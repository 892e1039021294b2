"""Pieces of the quality checkpoint screen. Owns the keys starting with ``checkpoint.``."""

from __future__ import annotations

import html
from collections.abc import Callable

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Project
from wtfc_collect.domain.checkpoint import (
    Answer,
    Checkpoint,
    CheckpointQuestion,
    MitigatingAction,
    MitigationKind,
)
from wtfc_collect.quality import FlagKind
from wtfc_collect.services.checkpoint.checkpoint import (
    FlaggedStatement,
    QualityOverview,
    Share,
    filter_flagged,
)
from wtfc_collect.ui.highlight import highlighted_html
from wtfc_collect.ui.tables import small_table

PREFIX = "checkpoint."
PAGE_ROWS = 10  # flagged statements drawn at a time
KIND_NAMES = {
    FlagKind.JARGON: "Professional words",
    FlagKind.THIRD_PERSON: "Not in the first person",
    FlagKind.SERVICE: "A service, not a life",
    FlagKind.VAGUE: "Too vague",
    FlagKind.DUPLICATE: "Copied between people",
    FlagKind.PERSONAL_DATA: "Names or contact details",
    FlagKind.ACRONYM: "Abbreviations",
}
ANSWER_NAMES = {Answer.YES: "Yes", Answer.PARTLY: "Partly", Answer.NO: "No"}


def _share_rows(shares: list[Share], who: str) -> list[dict[str, str | int]]:
    return [
        {
            who: s.name,
            "Statements": s.statements,
            "To check": s.flagged,
            "Share": f"{s.percent} %",
            "Copied": s.copied,
        }
        for s in shares
    ]


def quality_tables(overview: QualityOverview) -> None:
    t = screen("checkpoint")
    st.header(t["quality_heading"], anchor=False)
    st.markdown(
        t["quality_summary"].format(
            flagged=overview.flagged, statements=overview.statements, percent=overview.percent
        )
    )
    st.subheader(t["by_kind"], anchor=False)
    small_table(
        [
            {"Kind of problem": KIND_NAMES[FlagKind(kind)], "Statements": count}
            for kind, count in overview.by_kind.items()
        ]
    )
    st.subheader(t["by_team"], anchor=False)
    small_table(_share_rows(overview.by_team, "Team"))
    st.subheader(t["by_reviewer"], anchor=False)
    small_table(_share_rows(overview.by_reviewer, "Reviewer"))
    st.subheader(t["missing_heading"], anchor=False)
    if overview.missing_priorities:
        small_table([{"Person": ref, "Team": team} for _, ref, team in overview.missing_priorities])
    else:
        st.markdown(t["none_missing"])


def _flag_lines(row: FlaggedStatement) -> list[str]:
    """What to look at in a flagged statement, as plain text (escaped where it is shown)."""
    lines = []
    for flag in row.flags:
        if not flag.strong:
            continue
        line = f"{KIND_NAMES[flag.kind]}: {flag.explanation}"
        if flag.alternative and flag.kind is not FlagKind.PERSONAL_DATA:
            line += f" Try: {flag.alternative}"
        lines.append(line)
    return lines


CARD_STYLE = "border:1px solid #767676;border-radius:0.5rem;padding:0.75rem;margin:0 0 0.5rem 0"


def flagged_card_html(row: FlaggedStatement) -> str:
    """One flagged statement as one block: the words with the problem marked, whose they are, and the
    notes. One element instead of several keeps each click on the checkpoint screen quick. Everything a
    person or a reviewer typed is escaped: it shows as text, never as HTML."""
    marked = highlighted_html(row.text, [(f.start, f.end) for f in row.flags if f.strong])
    parts = [row.person_ref, row.team or "", row.reviewer or "", row.question.label]
    where = html.escape(" · ".join(parts))
    notes = "".join(f"<li>{html.escape(line)}</li>" for line in _flag_lines(row))
    return (
        f'<div class="wtfc-flagged" style="{CARD_STYLE}">'
        f'<p style="font-size:1.05rem;margin:0">{marked}</p>'
        f'<p class="wtfc-where" style="margin:0.5rem 0 0">{where}</p>'
        f'<ul style="margin:0.25rem 0 0">{notes}</ul></div>'
    )


def flagged_list(overview: QualityOverview, teams: list[str]) -> None:
    t = screen("checkpoint")
    st.header(t["flagged_heading"], anchor=False)
    st.caption(t["flagged_help"])
    team_col, kind_col, reviewer_col = st.columns(3)
    team = team_col.selectbox(
        t["filter_team"],
        [None, *teams],
        key=PREFIX + "team",
        format_func=lambda v: t["all"] if v is None else v,
    )
    kind = kind_col.selectbox(
        t["filter_kind"],
        [None, *FlagKind],
        key=PREFIX + "kind",
        format_func=lambda v: t["all"] if v is None else KIND_NAMES[v],
    )
    reviewers = sorted({s.name for s in overview.by_reviewer})
    reviewer = reviewer_col.selectbox(
        t["filter_reviewer"],
        [None, *reviewers],
        key=PREFIX + "reviewer",
        format_func=lambda v: t["all"] if v is None else v,
    )
    rows = filter_flagged(overview.rows, team=team, kind=kind, reviewer=reviewer)
    if not rows:
        st.info(t["nothing_flagged"])
        return
    # A page at a time: the list can run to hundreds, and every item drawn slows each click on the screen.
    shown_key = f"{PREFIX}shown.{team}.{kind}.{reviewer}"
    shown = min(int(st.session_state.get(shown_key, PAGE_ROWS)), len(rows))
    st.caption(t["rows_shown"].format(shown=shown, total=len(rows)))
    for row in rows[:shown]:
        st.html(flagged_card_html(row))
    if shown < len(rows) and st.button(
        t["show_more"].format(count=min(PAGE_ROWS, len(rows) - shown)), key=f"{PREFIX}more"
    ):
        st.session_state[shown_key] = shown + PAGE_ROWS
        st.rerun()


def questions_form(
    checkpoint: Checkpoint, on_save: Callable[[CheckpointQuestion, Answer, str], None]
) -> None:
    t = screen("checkpoint")
    st.header(t["questions_heading"], anchor=False)
    answers = list(Answer)
    for question in CheckpointQuestion:
        current = checkpoint.answer(question)
        with st.form(f"{PREFIX}q.{question.value}", enter_to_submit=False):
            st.subheader(question.label, anchor=False)
            answer = st.radio(
                t["answer_label"],
                answers,
                horizontal=True,
                format_func=ANSWER_NAMES.__getitem__,
                index=answers.index(current.answer) if current else None,
                key=f"{PREFIX}q.{question.value}.answer",
            )
            notes = st.text_area(
                t["notes_label"],
                value=current.notes if current else "",
                key=f"{PREFIX}q.{question.value}.notes",
            )
            if st.form_submit_button(t["save_answer"]):
                if answer is None:
                    st.error(t["choose_answer"], icon="⚠️")
                else:
                    on_save(question, answer, notes)


def sign_off(checkpoint: Checkpoint, on_sign: Callable[[str], None]) -> None:
    t = screen("checkpoint")
    st.subheader(t["sign_heading"], anchor=False)
    if checkpoint.signed and checkpoint.signed_at is not None:
        st.success(t["signed"].format(name=checkpoint.signed_by, day=f"{checkpoint.signed_at:%d/%m/%Y}"))
        return
    with st.form(PREFIX + "sign", enter_to_submit=False):
        name = st.text_input(t["sign_label"], max_chars=80, key=PREFIX + "sign.name")
        if st.form_submit_button(t["sign_button"], type="primary"):
            on_sign(name)


def actions_section(
    project: Project,
    actions: list[MitigatingAction],
    on_add: Callable[[dict[str, object]], None],
    on_done: Callable[[str, bool], None],
) -> None:
    t = screen("checkpoint")
    st.header(t["actions_heading"], anchor=False)
    if not actions:
        st.markdown(t["no_actions"])
    for action in actions:
        with st.container(border=True):
            st.text(
                f"{action.team or t['action_all_teams']} · {action.kind.label} · {action.owner}"
                + (f" · {action.due:%d/%m/%Y}" if action.due else "")
            )
            st.text(action.description)
            st.checkbox(
                t["action_done"],
                value=action.done,
                key=f"{PREFIX}done.{action.id}",
                on_change=lambda aid=action.id: on_done(aid, bool(st.session_state[f"{PREFIX}done.{aid}"])),
            )
    # A fresh form (new keys) only after an action was saved: after a mistake, what was typed stays.
    form = f"{PREFIX}action.{st.session_state.get(PREFIX + 'action.saved', 0)}"
    with st.form(form, enter_to_submit=False):
        team = st.selectbox(
            t["action_team"],
            [None, *project.teams],
            key=form + ".team",
            format_func=lambda v: t["action_all_teams"] if v is None else v,
        )
        kind = st.selectbox(
            t["action_kind"], list(MitigationKind), format_func=lambda k: k.label, key=form + ".kind"
        )
        description = st.text_area(t["action_description"], key=form + ".description")
        owner = st.text_input(t["action_owner"], max_chars=120, key=form + ".owner")
        due = st.date_input(t["action_due"], value=None, format="DD/MM/YYYY", key=form + ".due")
        if st.form_submit_button(t["action_add"]):
            on_add({"team": team, "kind": kind, "description": description, "owner": owner, "due": due})


def action_saved() -> None:
    """Start the next action on an empty form."""
    st.session_state[PREFIX + "action.saved"] = int(st.session_state.get(PREFIX + "action.saved", 0)) + 1
