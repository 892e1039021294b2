"""Step 3, priorities: each person's dots on the "not working" themes, the results, and the top themes."""

import streamlit as st

from wtfc_collect.services.workshop import priorities as voting
from wtfc_collect.ui import voting_view
from wtfc_collect.ui.card_call import projector_style
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.page import project_screen

t, repo, project = project_screen("priorities")
easy_read_style()
projector_style()
views = voting.ballot(repo, project.id)
if not views:
    st.info(t["no_themes"])
    st.stop()

dots = voting.dots_per_person(repo, project.id)
voting_view.dots_setting(project.id, dots)
voters = voting.voters(repo, project.id)
voting_view.ballot(
    project.id,
    views,
    voters,
    dots,
    voting.next_voter_label(repo, project.id),
    lambda voter: voting.votes_of(repo, project.id, voter),
)
found = voting.results(repo, project.id)
voting_view.results(found, len(voters))
voting_view.choose(project.id, found, voting.suggested_priorities(found))
