"""The action plans of the Ideas and plans screen (Step 6): the method's planning questions as a form, and a
plan as plain text to read out. Its forms' keys start with ``plan.``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import ActionPlan, Idea
from wtfc_collect.domain.plan import PLAN_FIELDS
from wtfc_collect.domain.success import perspective_label
from wtfc_collect.services.workshop.success import SuccessItem
from wtfc_collect.ui.feedback import errors, field_error, form_key, show_rest
from wtfc_collect.ui.literal import plain_label, short

# --- action plans -------------------------------------------------------------------------------------
_SHORT = {"title", "lead"}


def _targets(
    key: str, plan: ActionPlan | None, targets: list[SuccessItem], found: Mapping[str, str]
) -> dict[str, list[str]]:
    """Which success statements and measures the plan works towards (the golden thread runs on to them)."""
    t = screen("plan")
    statements = {item.statement.id: item.statement for item in targets}
    measures = {m.id: (m, item.statement) for item in targets for m in item.measures}
    chosen = st.multiselect(
        t["plan_success"],
        list(statements),
        default=[s for s in (plan.success_ids if plan else []) if s in statements],
        format_func=lambda i: short(f"{perspective_label(statements[i])}: {statements[i].text}", 120),
        key=key + ".success_ids",
    )
    field_error(found, "success_ids")
    moved = st.multiselect(
        t["plan_measures"],
        list(measures),
        default=[m for m in (plan.measure_ids if plan else []) if m in measures],
        format_func=lambda i: short(f"{measures[i][0].description} ({perspective_label(measures[i][1])})"),
        key=key + ".measure_ids",
    )
    field_error(found, "measure_ids")
    return {"success_ids": chosen, "measure_ids": moved}


def plan_form(
    name: str, plan: ActionPlan | None, ideas: list[Idea], targets: list[SuccessItem]
) -> dict[str, Any] | None:
    """The action plan's questions, filled in from ``plan`` when editing. Returns the answers on submit."""
    t = screen("plan")
    key = form_key(name) + ("" if plan is None else f".{plan.revision}")
    found = errors(name)
    values: dict[str, Any] = {}
    with st.form(key, enter_to_submit=False):
        show_rest(name, {*PLAN_FIELDS, "idea_ids", "success_ids", "measure_ids"})
        by_id = {i.id: i for i in ideas}
        chosen = [i for i in (plan.idea_ids if plan else list(by_id)[:1]) if i in by_id]
        values["idea_ids"] = st.multiselect(
            t["plan_ideas"],
            list(by_id),
            default=chosen,
            format_func=lambda i: short(by_id[i].text),
            key=key + ".idea_ids",
        )
        field_error(found, "idea_ids")
        if targets:
            values.update(_targets(key, plan, targets, found))
        else:
            st.caption(t["plan_no_success"])
        for field, label in PLAN_FIELDS.items():
            current = "" if plan is None else getattr(plan, field) or ""
            if field in _SHORT:
                values[field] = st.text_input(label, value=current, max_chars=120, key=f"{key}.{field}")
            else:
                values[field] = st.text_area(label, value=current, height=90, key=f"{key}.{field}")
            field_error(found, field)
        label = t["plan_create"] if plan is None else t["plan_save"]
        if st.form_submit_button(label, type="primary"):
            return values
    return None


def plan_text(plan: ActionPlan, ideas: Mapping[str, Idea], targets: list[SuccessItem]) -> None:
    """A plan as plain text, question by question (for reading out or a projector)."""
    t = screen("plan")
    for idea_id in plan.idea_ids:
        if idea_id in ideas:
            st.markdown(f"**{t['plan_from_idea']}**")
            st.text(ideas[idea_id].text)
    named = [item for item in targets if item.statement.id in plan.success_ids]
    if named:
        st.markdown(f"**{t['plan_towards']}**")
        for item in named:
            st.text(f"{perspective_label(item.statement)}: {item.statement.text}")
            for measure in item.measures:
                if measure.id in plan.measure_ids:
                    st.text(f"    {t['plan_measure_word']}: {measure.description}")
    for field, label in PLAN_FIELDS.items():
        if field == "title":
            continue
        value = getattr(plan, field)
        st.markdown(f"**{label}**")
        st.text(value or t["not_written"])


def plans_section(
    theme_id: str,
    plans: list[ActionPlan],
    ideas: list[Idea],
    targets: list[SuccessItem],
    on_create: Callable[[dict[str, Any]], None],
    on_update: Callable[[ActionPlan, dict[str, Any]], None],
) -> None:
    """The theme's action plans, each to read and edit, and a form for a new one (from the chosen ideas)."""
    t = screen("plan")
    by_id = {i.id: i for i in ideas}
    chosen = [i for i in ideas if i.chosen]
    if not chosen:
        st.info(t["plans_no_chosen"])
    for plan in plans:
        with st.expander(plain_label(plan.title)):
            plan_text(plan, by_id, targets)
            st.divider()
            edited = plan_form(f"plan.edit.{plan.id}", plan, ideas, targets)
            if edited is not None:
                on_update(plan, edited)
    st.subheader(t["plan_new_heading"], anchor=False)
    details = plan_form(f"plan.new.{theme_id}", None, chosen or ideas, targets)
    if details is not None:
        on_create(details)
