"""Themes in numbers: theme sizes per question, and theme shares by area and by group (charts and tables)."""

from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import theme_charts

t, repo, project = project_screen("theme_charts")
easy_read_style()
theme_charts.draw(t, repo, project.id)
