"""Step 6, Plan: for each chosen theme, what is already happening, ideas, dots, the grid and action plans."""

from collections.abc import Callable

import streamlit as st

from wtfc_collect.domain import IdeaKind
from wtfc_collect.services.workshop import plan as planning
from wtfc_collect.ui import context
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop.forms import flash, plans_section, run
from wtfc_collect.ui.workshop.plan import (
    happening_section,
    ideas_section,
    pick_theme,
    theme_header,
    votes_section,
)
from wtfc_collect.ui.workshop.plan_grid import place_form, show_grid

t, repo, project = project_screen("plan")
easy_read_style()
who = {"actor": context.actor(), "now": context.now()}


def act(form: str, action: Callable[[], object], fresh: bool = True) -> None:
    """Carry out a change; a problem is shown under its field on the rerun, with the typed words kept."""
    run(form, action, fresh=fresh)
    st.rerun()


themes = planning.chosen_themes(repo, project.id)
if not themes:
    st.info(t["no_themes"])
    st.stop()
theme = pick_theme(themes)
causes = planning.root_causes(repo, theme.id)
theme_header(theme, causes)
ideas = planning.ideas_for(repo, theme.id)


def remove(idea_id: str) -> None:
    act("plan.remove", lambda: planning.remove_idea(repo, idea_id, **who))


flash("plan.remove")
happening, ideas_tab, vote_tab, grid_tab, plans_tab = st.tabs(
    [t["tab_happening"], t["tab_ideas"], t["tab_vote"], t["tab_grid"], t["tab_plans"]]
)
with happening:
    happening_section(
        theme.id,
        planning.already_happening(repo, theme.id),
        lambda text: act(
            f"plan.happening.{theme.id}",
            lambda: planning.add_idea(repo, theme.id, IdeaKind.ALREADY_HAPPENING, text, **who),
        ),
        remove,
    )
with ideas_tab:
    ideas_section(
        theme.id,
        ideas,
        causes,
        lambda kind, text, cause: act(
            f"plan.idea.{theme.id}",
            lambda: planning.add_idea(repo, theme.id, kind, text, root_cause_id=cause, **who),
        ),
        remove,
    )
with vote_tab:
    votes_section(
        theme.id,
        ideas,
        planning.idea_results(repo, theme.id),
        lambda voter, dots, allowed: act(
            f"plan.vote.{theme.id}",
            lambda: planning.record_idea_votes(repo, theme.id, voter, dots, allowed=allowed, **who),
        ),
        lambda: act("plan.choose", lambda: planning.choose_top_ideas(repo, theme.id, **who)),
        lambda ids: act(
            f"plan.chosen.{theme.id}", lambda: planning.set_chosen_ideas(repo, theme.id, ids, **who)
        ),
    )
with grid_tab:
    everywhere = st.toggle(t["grid_all_themes"], key="plan.grid_all")
    rows = planning.grid(repo, project.id, None if everywhere else theme.id)
    show_grid(rows)
    place_form(rows, lambda places: act("grid.place", lambda: planning.place_ideas(repo, places, **who)))
with plans_tab:
    plans_section(
        theme.id,
        planning.action_plans(repo, project.id, theme.id),
        ideas,
        lambda details: act(
            f"plan.new.{theme.id}", lambda: planning.create_action_plan(repo, theme.id, details, **who)
        ),
        lambda plan, details: act(
            f"plan.edit.{plan.id}",
            lambda: planning.update_action_plan(
                repo, plan.id, details, expected_revision=plan.revision, **who
            ),
            fresh=False,
        ),
    )
