"""The Check statements screen: a decision on each person's top two, then their workshop copy confirmed.

Owns the session-state keys starting with ``check_statements.``. The person's words are shown as text with
the flagged parts highlighted; nothing is ever rewritten automatically, and a broken rule (no reason given,
empty words) is said in plain words next to the statement it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from wtfc_collect.domain import Project, Question, Review, Statement, TriageStatus
from wtfc_collect.quality import check_statement
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.checkpoint.check_statements import Proposal
from wtfc_collect.services.reports.documents import DocumentKind, export_document
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.downloads import word_download
from wtfc_collect.ui.feedback import run_action, show, use_case
from wtfc_collect.ui.highlight import highlighted
from wtfc_collect.ui.literal import literal

PREFIX = "check_statements."
MAX_ROWS = 30
STATUS_NAMES = {
    TriageStatus.NOT_CHECKED: "Not decided yet",
    TriageStatus.ACCEPTED: "Accepted",
    TriageStatus.ASK_AGAIN: "To ask again with the person",
    TriageStatus.EXCLUDED: "Left out",
}
Pairs = list[tuple[Review, Statement]]
STATES: dict[str, Callable[[Statement], bool]] = {
    "waiting": lambda s: s.triage_status is TriageStatus.NOT_CHECKED,
    "ask_again": lambda s: s.triage_status is TriageStatus.ASK_AGAIN,
    "to_confirm": lambda s: s.triage_status is TriageStatus.ACCEPTED and not s.ready_for_workshop,
    "ready": lambda s: s.ready_for_workshop,
}


def draw(t: dict[str, str], repo: Repository, project: Project) -> None:
    """The whole screen below its title: filters, the statements shown, and the workshop documents."""
    shown = _chosen(t, repo, project)
    if not shown:
        st.info(t["nothing"])
    else:
        st.caption(t["count"].format(shown=len(shown)))
        if len(shown) > MAX_ROWS:
            st.caption(t["more_rows"].format(shown=MAX_ROWS, total=len(shown)))
        for review, statement in shown[:MAX_ROWS]:
            proposal = check_statements.propose_workshop_text(statement)
            statement_card(t, review, statement, proposal, project.field.value)
    st.header(t["documents_heading"], anchor=False)
    st.caption(t["documents_help"])
    for kind in (DocumentKind.CARDS, DocumentKind.STRIPS):
        word_download(
            t[f"{kind.value}_label"],
            f"workshop-{kind.value}.docx",
            use_case(export_document, project.id, kind),
            key=f"workshop_{kind.value}",
        )


def _chosen(t: dict[str, str], repo: Repository, project: Project) -> Pairs:
    """The statements the filters ask for (team, where they stand, question)."""
    team_col, state_col, question_col = st.columns(3)
    team = team_col.selectbox(
        t["filter_team"],
        [None, *project.teams],
        key=PREFIX + "team",
        format_func=lambda v: t["all"] if v is None else v,
    )
    state = state_col.selectbox(
        t["filter_state"], list(STATES), key=PREFIX + "state", format_func=lambda v: t[f"state_{v}"]
    )
    question = question_col.selectbox(
        t["filter_question"],
        [None, *Question],
        key=PREFIX + "question",
        format_func=lambda v: t["all"] if v is None else v.label,
    )
    if state == "ready":
        pairs = check_statements.workshop_statements(repo, project.id)
    elif state == "ask_again":
        pairs = check_statements.ask_again_list(repo, project.id)
    else:
        pairs = check_statements.statements_to_triage(repo, project.id)
    return [
        (r, s)
        for r, s in pairs
        if STATES[state](s)
        and (team is None or r.team == team)
        and (question is None or s.question is question)
    ]


def _act(key: str, action: Callable[[], object]) -> None:
    """Carry out one decision, then draw the page again: with the change, or with the broken rule said next
    to the statement (the buttons come after the place for the message)."""
    run_action(key, action)
    st.rerun()


def statement_card(
    t: dict[str, str], review: Review, statement: Statement, proposal: Proposal, field: str | None = None
) -> None:
    """Show the words (flagged parts highlighted) and the decisions that can be made about them."""
    key = f"{PREFIX}{statement.id}"
    verdict = check_statement(statement.text, field)
    with st.container(border=True):
        highlighted(statement.text, [(f.start, f.end) for f in verdict.flags if f.strong])
        st.caption(
            literal(
                f"{review.person_ref} · {review.team or '–'} · {review.reviewer or '–'} · "
                f"{statement.question.label} · {t['status_label']}: {STATUS_NAMES[statement.triage_status]}"
            )
        )
        for flag in verdict.flags:
            if flag.strong:
                st.markdown(f"- {literal(flag.explanation)}")
        show(key)
        if statement.ready_for_workshop:
            st.success(t["ready"])
            st.text(statement.card_text)
            return
        with st.expander(t["decide"], expanded=statement.triage_status is TriageStatus.ACCEPTED):
            if statement.triage_status is not TriageStatus.ACCEPTED:
                _decisions(t, review, statement, key)
            else:
                _workshop_copy(t, review, statement, proposal, key)


def _decisions(t: dict[str, str], review: Review, statement: Statement, key: str) -> None:
    decide = check_statements.triage_statement
    if st.button(t["accept"], key=key + ".accept", type="primary"):
        _act(key, use_case(decide, review.id, statement.id, TriageStatus.ACCEPTED))
    reason = st.text_input(t["reason_label"], max_chars=500, key=key + ".reason")
    again, out = st.columns(2)
    if again.button(t["ask_again"], key=key + ".again"):
        _act(key, use_case(decide, review.id, statement.id, TriageStatus.ASK_AGAIN, reason=reason))
    if out.button(t["exclude"], key=key + ".exclude"):
        _act(key, use_case(decide, review.id, statement.id, TriageStatus.EXCLUDED, reason=reason))
    st.subheader(t["edit_heading"], anchor=False)
    st.caption(t["edit_help"])
    words = st.text_area(t["edit_label"], value=statement.card_text, key=key + ".edit")
    who = st.text_input(t["edit_who"], max_chars=120, key=key + ".edit_who")
    st.caption(t["edit_who_help"])
    when = st.date_input(t["edit_when"], value=None, format="DD/MM/YYYY", key=key + ".edit_when")
    why = st.text_input(t["edit_reason"], max_chars=300, key=key + ".edit_reason")
    if st.button(t["edit_button"], key=key + ".edit_save"):
        agree = use_case(
            check_statements.edit_with_person,
            review.id,
            statement.id,
            words,
            agreed_by=who,
            agreed_on=when if isinstance(when, date) else None,
            reason=why,
        )
        _act(key, agree)


def _workshop_copy(
    t: dict[str, str], review: Review, statement: Statement, proposal: Proposal, key: str
) -> None:
    st.subheader(t["copy_heading"], anchor=False)
    st.caption(t["copy_help"])
    if proposal.replaced:
        st.text(t["copy_replaced"].format(items=", ".join(proposal.replaced)))
    if statement.agreed_words is not None:
        st.caption(t["copy_from_agreed"])
    copy = st.text_area(t["copy_label"], value=proposal.text, key=key + ".copy")
    st.caption(literal(t["copy_rule"]))
    if st.button(t["copy_button"], key=key + ".confirm", type="primary"):
        _act(key, use_case(check_statements.confirm_workshop_text, review.id, statement.id, copy))
