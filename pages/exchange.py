"""Step 2, Collect: reviews out as CSV or XLSX files, and in from such files or Word review forms."""

from wtfc_collect.ui.collect import exchange
from wtfc_collect.ui.page import project_screen

t, repo, project = project_screen("exchange")
exchange.draw(t, repo, project)
