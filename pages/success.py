"""Step 5, identify success: what each perspective would be saying, and how else we would know."""

from collections.abc import Callable, Mapping

import streamlit as st

from wtfc_collect.domain import Perspective
from wtfc_collect.services.workshop import success, understand
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop.success import PREFIX, other_perspective, perspective
from wtfc_collect.ui.workshop.understand import act, evidence, projector_style, theme_picker

t, repo, project = project_screen("success")
projector_style()
themes = understand.chosen_themes(repo, project.id)
if not themes:
    st.info(t["no_themes"])
    st.stop()

theme = theme_picker(themes, PREFIX, t["theme_label"])
evidence(understand.theme_evidence(repo, theme), shown=0)


def add(view: Perspective, name: str | None, text: str) -> dict[str, str]:
    return act(PREFIX, success.add_success, theme.id, text, perspective=view, perspective_name=name)


def measure_args(description: str, unit: str, baseline: str) -> dict[str, object]:
    return {"description": description, "unit": unit, "baseline": baseline}


actions: dict[str, Callable[..., Mapping[str, str]]] = {
    "add": add,
    "add_other": lambda name, text: add(Perspective.OTHER, name, text),
    "edit": lambda s, text: act(PREFIX, success.edit_success, s.id, text, expected_revision=s.revision),
    "remove": lambda s: act(PREFIX, success.remove_success, s.id),
    "add_measure": lambda s, *fields: act(PREFIX, success.add_measure, s.id, **measure_args(*fields)),
    "edit_measure": lambda m, *fields: act(
        PREFIX, success.edit_measure, m.id, **measure_args(*fields), expected_revision=m.revision
    ),
    "remove_measure": lambda m: act(PREFIX, success.remove_measure, m.id),
}
for group in success.success_board(repo, theme.id):
    perspective(group, actions)
other_perspective(actions)
