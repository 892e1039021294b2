"""Step 2, Collect: every review of the project, with filters; open one to carry on or start a new one."""

import streamlit as st

from wtfc_collect.domain import ReviewMode
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.collect.reviews import list_reviews, start_review
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.ui import context
from wtfc_collect.ui.collect import reviews_access as review_access
from wtfc_collect.ui.collect.reviews import (
    ask_again_table,
    filtered,
    filters,
    mode_label,
    status_label,
    table,
)
from wtfc_collect.ui.page import project_screen

t, repo, project = project_screen("reviews")
if st.session_state.pop(review_access.ERASED_KEY, False):
    st.success(t["erased"], icon="✅")

everything = list_reviews(repo, project.id)
shown = filtered(everything, *filters(project))
if shown:
    table(shown)
    st.caption(t["count"].format(shown=len(shown), total=len(everything)))
    chosen = st.selectbox(
        t["open_label"],
        shown,
        key="reviews.open_choice",
        format_func=lambda r: (
            f"{r.person_ref} · {r.review_date:%d/%m/%Y} · {mode_label(r.mode)} · {status_label(r.status)}"
        ),
    )
    if st.button(t["open_button"], type="primary", key="reviews.open") and chosen is not None:
        context.choose_review(chosen.id)
        st.switch_page(
            "pages/self_review.py" if chosen.mode is ReviewMode.SELF else "pages/review_with_person.py"
        )
    if chosen is not None and chosen.mode is ReviewMode.SELF:
        review_access.codes(t, repo, chosen)
    if chosen is not None:
        review_access.erase(t, repo, chosen)
else:
    st.info(t["none_found"])

ask_again = check_statements.ask_again_list(repo, project.id)
if ask_again:
    st.header(t["ask_again_heading"], anchor=False)
    st.caption(t["ask_again_help"])
    ask_again_table(ask_again)

st.divider()
if st.button(t["new_staff"], key="reviews.new_staff"):
    context.choose_review(None)
    st.switch_page("pages/review_with_person.py")
with st.form("reviews.new_self", enter_to_submit=False):
    person_ref = st.text_input(t["self_ref_label"], max_chars=40, key="reviews.self_ref")
    st.caption(t["self_ref_help"])
    start_self = st.form_submit_button(t["new_self"])
if start_self:
    try:
        started = start_review(
            repo,
            project.id,
            person_ref=person_ref,
            review_date=context.now().date(),
            mode=ReviewMode.SELF,
            actor=context.actor(),
            now=context.now(),
        )
    except InvalidInput as invalid:
        st.error(next(iter(invalid.errors.values())), icon="⚠️")
    else:
        context.choose_review(started.id)
        st.switch_page("pages/self_review.py")
