"""Step 5, identify success: what each perspective would be saying, and how else we would know."""

from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import success

t, repo, project = project_screen("success")
success.draw(t, repo, project.id)
