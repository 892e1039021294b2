"""What is working, to keep and spread; what matters for the future, to show the gaps in what is on offer."""

from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import keep_and_spread

t, repo, project = project_screen("keep_and_spread")
keep_and_spread.draw(t, repo, project.id)
