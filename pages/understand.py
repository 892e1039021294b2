"""Step 4, understand: five whys for each chosen theme, then dots on the root causes."""

from collections.abc import Callable

import streamlit as st

from wtfc_collect.domain import RootCause
from wtfc_collect.services.workshop import understand as understanding
from wtfc_collect.ui.page import project_screen
from wtfc_collect.ui.workshop.understand import (
    PREFIX,
    act,
    chain_card,
    dots_form,
    evidence,
    new_chain_form,
    projector_style,
    results,
    theme_picker,
)

t, repo, project = project_screen("understand")
projector_style()
themes = understanding.chosen_themes(repo, project.id)
if not themes:
    st.info(t["no_themes"])
    st.stop()

theme = theme_picker(themes, PREFIX, t["theme_label"])
evidence(understanding.theme_evidence(repo, theme))


def chain_actions(chain: RootCause) -> dict[str, Callable[..., dict[str, str]]]:
    """What the forms of one chain can do; each sends the revision the form was filled in from."""
    rev = {"expected_revision": chain.revision}
    return {
        "add": lambda why, because: act(PREFIX, understanding.add_step, chain.id, why, because, **rev),
        "edit": lambda n, why, because: act(
            PREFIX, understanding.edit_step, chain.id, n, why, because, **rev
        ),
        "remove_step": lambda n: act(PREFIX, understanding.remove_step, chain.id, n, **rev),
        "cause": lambda cause: act(PREFIX, understanding.set_cause, chain.id, cause, **rev),
        "remove": lambda: act(PREFIX, understanding.remove_chain, chain.id),
    }


st.header(t["chains_heading"], anchor=False)
chains = understanding.chains(repo, theme.id)
if not chains:
    st.info(t["no_chains"])
for number, chain in enumerate(chains, start=1):
    chain_card(chain, number, chain_actions(chain))
new_chain_form(lambda why, because: act(PREFIX, understanding.start_chain, theme.id, why, because))

st.header(t["vote_heading"], anchor=False)
st.markdown(t["vote_help"])
causes = understanding.cause_results(repo, theme.id)
if not causes:
    st.info(t["no_causes"])
    st.stop()
dots = understanding.theme_dots(repo, theme.id)
dots_form(
    causes,
    dots,
    lambda voter, given, allowed: act(
        PREFIX, understanding.record_dots, theme.id, voter, given, allowed=allowed
    ),
)
results(causes, dots)
