"""Steps 7 and 8, Implement and review: measures against their baseline, action status, process notes."""

from collections.abc import Callable

import streamlit as st

from wtfc_collect.services.workshop import plan
from wtfc_collect.services.workshop import progress_review as review_progress
from wtfc_collect.ui import context
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop.forms import flash, run
from wtfc_collect.ui.workshop.progress_review import (
    actions_section,
    measure_detail,
    measures_table,
    notes_section,
    pick_measure,
    pick_theme,
)

t, repo, project = project_screen("progress_review")
easy_read_style()
who = {"actor": context.actor(), "now": context.now()}


def act(form: str, action: Callable[[], object]) -> None:
    """Carry out a change; a problem is shown under its field on the rerun, with the typed words kept."""
    run(form, action)
    st.rerun()


st.header(t["measures_heading"], anchor=False)
rows = review_progress.measures(repo, project.id)
if not rows:
    st.info(t["no_measures"])
else:
    rows = pick_theme(rows)
    measures_table(rows)
    row = pick_measure(rows)
    measure_detail(
        row,
        context.now().date(),
        lambda value, on: act(
            "progress.reading", lambda: review_progress.add_reading(repo, row.measure.id, value, on, **who)
        ),
        lambda value: act(
            "progress.baseline", lambda: review_progress.set_baseline(repo, row.measure.id, value, **who)
        ),
    )

st.header(t["actions_heading"], anchor=False)
flash("progress.status")
actions = plan.action_plans(repo, project.id)
if not actions:
    st.info(t["no_actions"])
else:
    themes = {theme.id: theme for theme in plan.chosen_themes(repo, project.id)}
    actions_section(
        actions,
        themes,
        # A change of a select box runs before the page is drawn again: no rerun needed.
        lambda action_id, status: run(
            "progress.status", lambda: review_progress.set_action_status(repo, action_id, status, **who)
        ),
    )

st.header(t["notes_heading"], anchor=False)
st.markdown(t["notes_help"])
flash("progress.remove")
worked, did_not = review_progress.process_notes(repo, project.id)
notes_section(
    worked,
    did_not,
    lambda kind, text: act(
        "progress.note", lambda: review_progress.add_process_note(repo, project.id, kind, text, **who)
    ),
    lambda note_id: act("progress.remove", lambda: review_progress.remove_process_note(repo, note_id, **who)),
)
