"""Who takes part in the workshops: invitations, replies, who came, and the balance of perspectives."""

from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import participation

t, repo, project = project_screen("participation")
participation.draw(t, repo, project)
