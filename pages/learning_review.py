"""Step 8, learning and review: the review date, telling people, how the process went, the summary for
leaders, finishing the cycle and starting the next one."""

from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import learning_review

t, repo, project = project_screen("learning_review")
easy_read_style()
learning_review.draw(t, repo, project)
