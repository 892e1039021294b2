"""Step 3, the card call: read each card out, then put it in a theme, start a new theme or park it."""

from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import card_call

t, repo, project = project_screen("card_call", folded_help="How the card call works")
easy_read_style()
card_call.draw(repo, project.id)
