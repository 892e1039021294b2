"""This cycle against the last: theme sizes per question, priorities, and each carried measure's readings."""

from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import compare_cycles

t, repo, project = project_screen("compare_cycles")
easy_read_style()
compare_cycles.draw(t, repo, project)
