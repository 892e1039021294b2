"""The golden thread: from an action back to people's words, from a theme to its actions; the whole table;
and the two documents that close the project: the WTfC report and the easy-read "You said, we did"."""

from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop import golden_thread

t, repo, project = project_screen("golden_thread")
easy_read_style()
golden_thread.draw(t, repo, project.id)
