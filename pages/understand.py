"""Step 4, understand: five whys for each chosen theme, then dots on the root causes."""

from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import understand

t, repo, project = project_screen("understand")
understand.draw(t, repo, project.id)
