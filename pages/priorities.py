"""Step 3, priorities: each person's dots on the "not working" themes, the results, and the top themes."""

from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import priorities
from wtfc_collect.ui.workshop.card_call import projector_style

t, repo, project = project_screen("priorities")
easy_read_style()
projector_style()
priorities.draw(t, repo, project.id)
