"""The Set up a project screen (Step 1): choose or start a project, the set-up form, and progress against
the sample plan. Owns the session-state keys starting with ``project_setup.``."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Level, Progress, ProgressRow, Project, WorkField
from wtfc_collect.services.prepare.project_setup import (
    create_project,
    list_projects,
    project_progress,
    update_project,
)
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context
from wtfc_collect.ui.feedback import ICON, errors, field_error, leftover_errors, run_action, use_case
from wtfc_collect.ui.literal import plain_label
from wtfc_collect.ui.prepare.project_setup_advice import advice
from wtfc_collect.ui.tables import table

PREFIX = "project_setup."
FORM = PREFIX + "form"  # where the form's messages are kept
# Fields whose messages appear under the field itself; anything else is shown at the top.
FORM_FIELDS = {
    "name",
    "purpose",
    "teams",
    "areas",
    "groups",
    "service_types",
    "workshop_dates",
    "checkpoint_date",
    "collection_start",
    "people_at_level",
    *(f"sample_plan.{part}" for part in ("what", "how", "who", "where", "when")),
}


def draw(t: dict[str, str], repo: Repository) -> None:
    """The whole screen below its title: which project, its form, and progress against its plan."""
    projects = list_projects(repo)
    options = [None, *[p.id for p in projects]]
    names = {p.id: p.name for p in projects}
    chosen = context.chosen_project_id() or (projects[0].id if projects else None)
    if st.session_state.pop(PREFIX + "just_saved", False):
        st.session_state[PREFIX + "choice"] = chosen  # show the project just saved
    picked = st.selectbox(
        t["choose_project"],
        options,
        index=options.index(chosen) if chosen in options else 0,
        format_func=lambda pid: names.get(pid, t["new_project_option"]) if pid else t["new_project_option"],
        key=PREFIX + "choice",
    )
    project = next((p for p in projects if p.id == picked), None)
    details = project_form(project)
    if details is not None:
        _save(t, project, details)
    if project is not None:
        if project.purpose and not project.purpose_follows_pattern():
            st.info(t["purpose_hint"])
        advice(t, project)
        st.header(t["progress_heading"])
        progress_table(project_progress(repo, project.id), no_target=t["no_target"])


def _save(t: dict[str, str], project: Project | None, details: dict[str, Any]) -> None:
    """Create or change the project; the form is drawn again with each message under its field (the typed
    values stay), or with the project just saved."""
    saved: list[Project] = []
    if project is None:
        save = use_case(create_project, details)
    else:
        save = use_case(update_project, project.id, details, expected_revision=project.revision)
    if run_action(FORM, lambda: saved.append(save())):
        context.choose_project(saved[0].id)
        st.session_state[PREFIX + "just_saved"] = True
        st.toast(t["saved"])
    st.rerun()


def lines(value: str) -> list[str]:
    """One entry per line; blank lines and repeats (ignoring case) dropped, order kept."""
    seen: set[str] = set()
    result: list[str] = []
    for line in value.splitlines():
        item = " ".join(line.split())
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            result.append(item)
    return result


def _targets(kind: str, names: list[str], current: dict[str, int], key: str) -> list[dict[str, Any]]:
    chosen: list[dict[str, Any]] = []
    for name in names:
        value = st.number_input(
            plain_label(f"{kind}: {name}", 120),
            min_value=0,
            max_value=100_000,
            step=1,
            value=current.get(name, 0),
            key=f"{key}.{kind}.{name}",
        )
        if value:
            chosen.append({"name": name, "target": int(value)})
    return chosen


def project_form(project: Project | None) -> dict[str, Any] | None:
    """Draw the form for ``project`` (or a new one). Returns the entered details when saved."""
    t = screen("project_setup")
    key = PREFIX + (project.id if project else "new")
    plan = project.sample_plan if project else None
    found = errors(FORM)
    with st.form(key, border=True, enter_to_submit=False):
        if found:
            st.error(t["fix_errors"], icon=ICON)
            leftover_errors(found, FORM_FIELDS)
        name = st.text_input(
            t["name_label"],
            value=project.name if project else "",
            help=None,
            max_chars=120,
            key=key + ".name",
        )
        st.caption(t["name_help"])
        field_error(found, "name")
        purpose = st.text_area(
            t["purpose_label"], value=project.purpose if project else "", max_chars=4000, key=key + ".purpose"
        )
        st.caption(t["purpose_help"])
        field_error(found, "purpose")
        levels = list(Level)
        level = st.radio(
            t["level_label"],
            levels,
            format_func=lambda lv: lv.label,
            captions=[lv.description for lv in levels],
            index=levels.index(project.level if project else Level.SERVICE),
            key=key + ".level",
        )
        fields = list(WorkField)
        work_field = st.radio(
            t["field_label"],
            fields,
            format_func=lambda f: f.label,
            index=fields.index(project.field if project else WorkField.MIXED),
            horizontal=True,
            key=key + ".field",
        )
        st.caption(t["field_help"])
        people = st.number_input(
            t["people_label"],
            min_value=0,
            max_value=10_000_000,
            step=1,
            value=(project.people_at_level or 0) if project else 0,
            key=key + ".people",
        )
        st.caption(t["people_help"])
        field_error(found, "people_at_level")
        st.header(t["sample_heading"], anchor=False)
        answers: dict[str, str] = {}
        for part in ("what", "how", "who", "where", "when"):
            answers[part] = st.text_input(
                t[f"{part}_label"], value=getattr(plan, part, ""), max_chars=4000, key=f"{key}.{part}"
            )
            st.caption(t[f"{part}_help"])
            field_error(found, f"sample_plan.{part}")
        target = st.number_input(
            t["target_label"],
            min_value=0,
            max_value=100_000,
            step=1,
            value=plan.target_reviews if plan else 0,
            key=key + ".target",
        )
        listed: dict[str, str] = {}
        for field in ("teams", "areas", "groups", "service_types"):
            current = "\n".join(getattr(project, field)) if project else ""
            listed[field] = st.text_area(t[f"{field}_label"], value=current, key=f"{key}.{field}")
            field_error(found, field)
        st.header(t["targets_heading"], anchor=False)
        st.caption(t["targets_help"])
        team_targets = _targets(
            "Team",
            project.teams if project else [],
            {x.name: x.target for x in plan.team_targets} if plan else {},
            key,
        )
        kind_targets = _targets(
            "Service type",
            project.service_types if project else [],
            {x.name: x.target for x in plan.service_type_targets} if plan else {},
            key,
        )
        st.header(t["dates_heading"], anchor=False)
        start = st.date_input(
            t["start_label"],
            value=project.collection_start if project else None,
            format="DD/MM/YYYY",
            key=key + ".start",
        )
        checkpoint = st.date_input(
            t["checkpoint_label"],
            value=project.checkpoint_date if project else None,
            format="DD/MM/YYYY",
            key=key + ".checkpoint",
        )
        st.caption(t["no_date"])
        days = (project.workshop_dates if project else []) + [None, None]
        first = st.date_input(t["workshop1_label"], value=days[0], format="DD/MM/YYYY", key=key + ".day1")
        second = st.date_input(t["workshop2_label"], value=days[1], format="DD/MM/YYYY", key=key + ".day2")
        field_error(found, "workshop_dates", "checkpoint_date", "collection_start")
        saved = st.form_submit_button(t["save_button"], type="primary")
    if not saved:
        return None
    workshop_dates = [d for d in (first, second) if isinstance(d, date)]
    lists = {field: lines(value) for field, value in listed.items()}
    # A target for a team or service type that was just taken off its list is dropped with it.
    team_targets = [x for x in team_targets if x["name"] in lists["teams"]]
    kind_targets = [x for x in kind_targets if x["name"] in lists["service_types"]]
    return {
        "name": name,
        "purpose": purpose,
        "level": level,
        "field": work_field,
        "sample_plan": {
            **answers,
            "target_reviews": int(target),
            "team_targets": team_targets,
            "service_type_targets": kind_targets,
        },
        "people_at_level": int(people) or None,
        "collection_start": start if isinstance(start, date) else None,
        "checkpoint_date": checkpoint if isinstance(checkpoint, date) else None,
        "workshop_dates": workshop_dates,
        **lists,
    }


# --- progress against the sample plan (also on the quality checkpoint) -------------------------------------
def _progress_rows(rows: list[ProgressRow], no_target: str) -> list[dict[str, str | int]]:
    # Every column holds one type: a column mixing numbers and words cannot be sent to the browser as
    # it is, and Streamlit then logs an error and converts it again on every rerun.
    return [
        {
            "Name": row.name,
            "Sent in": row.submitted,
            "In progress": row.drafts,
            "Target": str(row.target) if row.target else no_target,
            "Done": f"{row.percent} %" if row.percent is not None else "–",
        }
        for row in rows
    ]


def progress_table(progress: Progress, *, no_target: str) -> None:
    """Progress against the sample plan as plain tables (read by screen readers like any table)."""
    table(_progress_rows([progress.overall], no_target))
    if progress.withdrawn:
        st.write(f"{progress.withdrawn} review(s) withdrawn: their words are not used.")
    if progress.by_team:
        st.subheader("By team", anchor=False)
        table(_progress_rows(progress.by_team, no_target))
    if progress.by_service_type:
        st.subheader("By service type", anchor=False)
        table(_progress_rows(progress.by_service_type, no_target))
