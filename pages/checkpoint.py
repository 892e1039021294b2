"""The quality checkpoint: progress, how the words read, the three questions, sign-off and actions."""

from wtfc_collect.ui.checkpoint import checkpoint
from wtfc_collect.ui.page import project_screen

t, repo, project = project_screen("checkpoint")
checkpoint.draw(t, repo, project)
