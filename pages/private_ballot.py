"""A private ballot on the "not working" themes: paper slips, or people's own phones with a workshop code."""

from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import private_ballot

t, repo, project = project_screen("private_ballot")
private_ballot.draw(t, repo, project)
