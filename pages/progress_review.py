"""Steps 7 and 8, Implement and review: measures against their baseline, action status, process notes."""

from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import progress_review

t, repo, project = project_screen("progress_review")
easy_read_style()
progress_review.draw(t, repo, project.id)
