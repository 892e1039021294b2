"""After the checkpoint: decide about each person's top two and confirm their workshop copy."""

import streamlit as st

from wtfc_collect.domain import DomainError, Question, TriageStatus
from wtfc_collect.services.checkpoint import check_statements as triage
from wtfc_collect.services.reports.documents import DocumentKind, export_document
from wtfc_collect.ui import context
from wtfc_collect.ui.downloads import word_download
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.triage_view import statement_card

MAX_ROWS = 30
t, repo, project = project_screen("triage")
problem = st.session_state.pop("triage.problem", None)
if problem:
    st.error(problem, icon="⚠️")

STATES = {
    "waiting": lambda s: s.triage_status is TriageStatus.NOT_CHECKED,
    "ask_again": lambda s: s.triage_status is TriageStatus.ASK_AGAIN,
    "to_confirm": lambda s: s.triage_status is TriageStatus.ACCEPTED and not s.ready_for_workshop,
    "ready": lambda s: s.ready_for_workshop,
}
team_col, state_col, question_col = st.columns(3)
team = team_col.selectbox(
    t["filter_team"],
    [None, *project.teams],
    key="triage.team",
    format_func=lambda v: t["all"] if v is None else v,
)
state = state_col.selectbox(
    t["filter_state"], list(STATES), key="triage.state", format_func=lambda v: t[f"state_{v}"]
)
question = question_col.selectbox(
    t["filter_question"],
    [None, *Question],
    key="triage.question",
    format_func=lambda v: t["all"] if v is None else v.label,
)

pairs = (
    triage.workshop_statements(repo, project.id)
    if state == "ready"
    else (
        triage.ask_again_list(repo, project.id)
        if state == "ask_again"
        else triage.statements_to_triage(repo, project.id)
    )
)
shown = [
    (r, s)
    for r, s in pairs
    if STATES[state](s) and (team is None or r.team == team) and (question is None or s.question is question)
]


def act(kind, review_id, statement_id, **values):  # type: ignore[no-untyped-def]
    """Carry out one decision; a broken rule comes back as a plain message at the top."""
    who, now = context.actor(), context.now()
    try:
        if kind == "accept":
            triage.triage_statement(repo, review_id, statement_id, TriageStatus.ACCEPTED, actor=who, now=now)
        elif kind in {"ask_again", "exclude"}:
            status = TriageStatus.ASK_AGAIN if kind == "ask_again" else TriageStatus.EXCLUDED
            triage.triage_statement(
                repo, review_id, statement_id, status, reason=values["reason"], actor=who, now=now
            )
        elif kind == "edit":
            triage.edit_with_person(
                repo, review_id, statement_id, values["text"], reason=values["reason"], actor=who, now=now
            )
        elif kind == "confirm":
            triage.confirm_workshop_text(repo, review_id, statement_id, values["text"], actor=who, now=now)
    except DomainError as error:
        st.session_state["triage.problem"] = error.message
    st.rerun()


if not shown:
    st.info(t["nothing"])
else:
    st.caption(t["count"].format(shown=len(shown)))
    if len(shown) > MAX_ROWS:
        st.caption(t["more_rows"].format(shown=MAX_ROWS, total=len(shown)))
    for review, statement in shown[:MAX_ROWS]:
        statement_card(review, statement, triage.propose_workshop_text(statement), act)

st.header(t["documents_heading"], anchor=False)
st.caption(t["documents_help"])
for kind in (DocumentKind.CARDS, DocumentKind.STRIPS):
    word_download(
        t[f"{kind.value}_label"],
        f"workshop-{kind.value}.docx",
        lambda kind=kind: export_document(repo, project.id, kind, actor=context.actor(), now=context.now()),
        key=f"workshop_{kind.value}",
    )
