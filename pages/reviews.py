"""Step 2, Collect: every review of the project, with filters; open one to carry on or start a new one."""

from wtfc_collect.ui.collect import reviews
from wtfc_collect.ui.page import project_screen

t, repo, project = project_screen("reviews")
reviews.draw(t, repo, project)
