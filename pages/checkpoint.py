"""The quality checkpoint: progress, how the words read, the three questions, sign-off and actions."""

import streamlit as st

from wtfc_collect.domain import DomainError
from wtfc_collect.services.checkpoint import checkpoint as checkpoints
from wtfc_collect.services.prepare.project_setup import project_progress
from wtfc_collect.services.reports.documents import DocumentKind, export_document
from wtfc_collect.ui import context
from wtfc_collect.ui.checkpoint.checkpoint import (
    action_saved,
    actions_section,
    flagged_list,
    quality_tables,
    questions_form,
    sign_off,
)
from wtfc_collect.ui.downloads import word_download
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.prepare.progress_table import progress_table

t, repo, project = project_screen("checkpoint")


def act(action, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Run a use case; a broken rule becomes a plain message instead of an error page."""
    try:
        action(repo, *args, actor=context.actor(), now=context.now(), **kwargs)
    except DomainError as problem:
        st.error(problem.message, icon="⚠️")
        return False
    return True


st.header(t["progress_heading"], anchor=False)
progress_table(project_progress(repo, project.id), no_target=t["no_target"])
to_checkpoint, to_workshop = checkpoints.days_left(
    project.checkpoint_date, project.workshop_dates, context.now().date()
)
left, right = st.columns(2)
left.metric(
    t["days_checkpoint"],
    t["not_set"] if to_checkpoint is None
    else (to_checkpoint if to_checkpoint >= 0 else t["days_passed"].format(days=-to_checkpoint)),
)
right.metric(t["days_workshop"], t["not_set"] if to_workshop is None else to_workshop)

overview = checkpoints.quality_overview(repo, project.id)
quality_tables(overview)
flagged_list(overview, project.teams)

record = checkpoints.get_checkpoint(repo, project.id)


def save_answer(question, answer, notes):  # type: ignore[no-untyped-def]
    if act(checkpoints.answer_checkpoint, project.id, question, answer, notes):
        st.rerun()


def sign(name):  # type: ignore[no-untyped-def]
    if act(checkpoints.sign_off_checkpoint, project.id, by=name):
        st.rerun()


def add_action(details):  # type: ignore[no-untyped-def]
    if act(checkpoints.add_mitigating_action, project.id, details):
        action_saved()
        st.rerun()


questions_form(record, save_answer)
sign_off(record, sign)
actions_section(
    project,
    checkpoints.mitigating_actions(repo, project.id),
    on_add=add_action,
    on_done=lambda action_id, done: act(checkpoints.set_action_done, action_id, done),
)

st.header(t["report_heading"], anchor=False)
word_download(
    t["report_label"],
    "checkpoint-report.docx",
    lambda: export_document(
        repo, project.id, DocumentKind.CHECKPOINT, actor=context.actor(), now=context.now()
    ),
    key="checkpoint_report",
)
