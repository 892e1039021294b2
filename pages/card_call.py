"""Step 3, the card call: read each card out, then put it in a theme, start a new theme or park it."""

from wtfc_collect.services.workshop import card_call as theming
from wtfc_collect.ui import card_call
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen

t, repo, project = project_screen("card_call")
easy_read_style()
card_call.projector_style()
question = card_call.question_picker(repo, project.id)
view = theming.card_call(repo, project.id, question)
card_call.progress(view)
card_call.current_card(project.id, view)
card_call.parked_cards(project.id, view)
card_call.theme_list(view)
card_call.merge_and_finish(project.id, view)
