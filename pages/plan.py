"""Step 6, Plan: for each chosen theme, what is already happening, ideas, dots, the grid and action plans."""

from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import plan

t, repo, project = project_screen("plan")
easy_read_style()
plan.draw(t, repo, project.id)
