"""After the checkpoint: decide about each person's top two and confirm their workshop copy."""

from wtfc_collect.ui.checkpoint import check_statements
from wtfc_collect.ui.page import project_screen

t, repo, project = project_screen("check_statements")
check_statements.draw(t, repo, project)
