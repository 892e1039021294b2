"""The quality checkpoint screen: progress against the plan, how the words read, the three checkpoint
questions, the sign-off and the actions agreed. Owns the session-state keys starting with ``checkpoint.``."""

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
from wtfc_collect.services.checkpoint import checkpoint
from wtfc_collect.services.checkpoint.checkpoint import (
    FlaggedStatement,
    QualityOverview,
    Share,
    filter_flagged,
)
from wtfc_collect.services.prepare.project_setup import project_progress
from wtfc_collect.services.reports.documents import DocumentKind, export_document
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context, links
from wtfc_collect.ui.downloads import word_download
from wtfc_collect.ui.feedback import form_key, remember, run_action, show, use_case
from wtfc_collect.ui.highlight import highlighted_html
from wtfc_collect.ui.literal import literal
from wtfc_collect.ui.prepare.project_setup import progress_table
from wtfc_collect.ui.tables import table

PREFIX = "checkpoint."
PAGE_ROWS = 10  # flagged statements drawn at a time
ANSWER_NAMES = {Answer.YES: "Yes", Answer.PARTLY: "Partly", Answer.NO: "No"}


def draw(t: dict[str, str], repo: Repository, project: Project) -> None:
    """The whole screen below its title, in the order the quality lead works through it."""
    st.header(t["progress_heading"], anchor=False)
    progress_table(project_progress(repo, project.id), no_target=t["no_target"])
    to_checkpoint, to_workshop = checkpoint.days_left(
        project.checkpoint_date, project.workshop_dates, context.now().date()
    )
    left, right = st.columns(2)
    left.metric(
        t["days_checkpoint"],
        t["not_set"]
        if to_checkpoint is None
        else (to_checkpoint if to_checkpoint >= 0 else t["days_passed"].format(days=-to_checkpoint)),
    )
    right.metric(t["days_workshop"], t["not_set"] if to_workshop is None else to_workshop)
    overview = checkpoint.quality_overview(repo, project.id)
    quality_tables(overview)
    flagged_list(overview, project.teams)
    record = checkpoint.get_checkpoint(repo, project.id)
    questions_form(record, lambda question, answer, notes: _save_answer(project.id, question, answer, notes))
    sign_off(
        record,
        lambda name: run_action(
            PREFIX + "sign", use_case(checkpoint.sign_off_checkpoint, project.id, by=name), rerun=True
        ),
    )
    actions_section(
        project,
        checkpoint.mitigating_actions(repo, project.id),
        on_add=lambda details: run_action(
            PREFIX + "action",
            use_case(checkpoint.add_mitigating_action, project.id, details),
            fresh=True,
            rerun=True,
        ),
        on_done=_done,
    )
    st.header(t["report_heading"], anchor=False)
    word_download(
        t["report_label"],
        "checkpoint-report.docx",
        use_case(export_document, project.id, DocumentKind.CHECKPOINT),
        key="checkpoint_report",
    )


def _done(action_id: str, done: bool) -> None:
    run_action(f"{PREFIX}done.{action_id}", use_case(checkpoint.set_action_done, action_id, done))


def _save_answer(project_id: str, question: CheckpointQuestion, answer: Answer | None, notes: str) -> None:
    key = f"{PREFIX}q.{question.value}"
    if answer is None:
        remember(key, {"answer": screen("checkpoint")["choose_answer"]})
        st.rerun()
    run_action(key, use_case(checkpoint.answer_checkpoint, project_id, question, answer, notes), rerun=True)


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
    table(
        [
            {"Kind of problem": FlagKind(kind).label, "Statements": count}
            for kind, count in overview.by_kind.items()
        ]
    )
    st.subheader(t["by_team"], anchor=False)
    table(_share_rows(overview.by_team, "Team"))
    st.subheader(t["by_reviewer"], anchor=False)
    table(_share_rows(overview.by_reviewer, "Reviewer"))
    st.subheader(t["missing_heading"], anchor=False)
    if overview.missing_priorities:
        table([{"Person": ref, "Team": team} for _, ref, team in overview.missing_priorities])
    else:
        st.markdown(t["none_missing"])


def _flag_lines(row: FlaggedStatement) -> list[str]:
    """What to look at in a flagged statement, as plain text (escaped where it is shown)."""
    lines = []
    for flag in row.flags:
        if not flag.strong:
            continue
        lines.append(f"{flag.kind.label}: {flag.explanation}")  # each explanation has its example
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
        format_func=lambda v: t["all"] if v is None else FlagKind(v).label,
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
        decision_link(t, row)
    if shown < len(rows) and st.button(
        t["show_more"].format(count=min(PAGE_ROWS, len(rows) - shown)), key=f"{PREFIX}more"
    ):
        st.session_state[shown_key] = shown + PAGE_ROWS
        st.rerun()


def decision_link(t: dict[str, str], row: FlaggedStatement) -> None:
    """Where the flagged statement is decided: a link that opens it on Check statements (the address
    carries the statement's record id only), or why it needs no decision there."""
    if row.to_decide:
        links.page_link(
            "pages/check_statements.py",
            t["decide_link"].format(ref=literal(row.person_ref)),
            icon=":material/rule:",
            query_params={"statement": row.statement_id},
        )
    elif row.sent_in:
        st.caption(t["not_top_two"])
    else:
        st.caption(t["not_sent_in"])


def questions_form(
    record: Checkpoint, on_save: Callable[[CheckpointQuestion, Answer | None, str], object]
) -> None:
    t = screen("checkpoint")
    st.header(t["questions_heading"], anchor=False)
    answers = list(Answer)
    for question in CheckpointQuestion:
        current = record.answer(question)
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
            show(f"{PREFIX}q.{question.value}")
            if st.form_submit_button(t["save_answer"]):
                on_save(question, answer, notes)


def sign_off(record: Checkpoint, on_sign: Callable[[str], object]) -> None:
    t = screen("checkpoint")
    st.subheader(t["sign_heading"], anchor=False)
    if record.signed and record.signed_at is not None:
        st.success(
            t["signed"].format(name=literal(record.signed_by or ""), day=f"{record.signed_at:%d/%m/%Y}")
        )
        return
    with st.form(PREFIX + "sign", enter_to_submit=False):
        name = st.text_input(t["sign_label"], max_chars=80, key=PREFIX + "sign.name")
        show(PREFIX + "sign")
        if st.form_submit_button(t["sign_button"], type="primary"):
            on_sign(name)


def actions_section(
    project: Project,
    actions: list[MitigatingAction],
    on_add: Callable[[dict[str, object]], object],
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
            show(f"{PREFIX}done.{action.id}")
    # A fresh form (new keys) only after an action was saved: after a mistake, what was typed stays.
    form = form_key(PREFIX + "action")
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
        show(PREFIX + "action")
        if st.form_submit_button(t["action_add"]):
            on_add({"team": team, "kind": kind, "description": description, "owner": owner, "due": due})
