"""Step 2, Collect: voice answers from own reviews, waiting to be written down with the person."""

from wtfc_collect.ui.collect import voice_answers
from wtfc_collect.ui.page import project_screen

t, repo, project = project_screen("voice_answers")
voice_answers.draw(t, repo, project.id)
