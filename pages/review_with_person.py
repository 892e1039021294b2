"""Step 2, Collect: a review filled in alongside the person, saved as it goes, sent in when complete."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Question, ReviewMode, ReviewStatus
from wtfc_collect.services.collect.reviews import ReviewIncomplete, find_review, start_review, submit_review
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.prepare.project_setup import current_project
from wtfc_collect.ui import context, links
from wtfc_collect.ui.collect.review_with_person import details_editor, new_review_form, set_errors
from wtfc_collect.ui.collect.review_with_person_statements import question_section
from wtfc_collect.ui.collect.review_with_person_summary import review_summary

PROBLEMS = "review_page.problems"
t = screen("review_with_person")
repo = context.repository()
st.title(t["title"])
st.markdown(t["help"])

project = current_project(repo, context.chosen_project_id())
if project is None:
    st.info(t["no_project"])
    links.page_link("pages/project_setup.py", t["set_up_project"])
    st.stop()

review = find_review(repo, context.chosen_review_id())
if review is not None:
    context.note_viewed(review.id)
if review is None or review.project_id != project.id:
    st.header(t["new_review"], anchor=False)
    details = new_review_form(project)
    if details is not None:
        try:
            started = start_review(
                repo,
                project.id,
                person_ref=details.pop("person_ref"),
                review_date=details.pop("review_date"),
                mode=ReviewMode.WITH_STAFF,
                details=details,
                actor=context.actor(),
                now=context.now(),
            )
        except InvalidInput as invalid:
            set_errors(invalid.errors)
        else:
            set_errors({})
            context.choose_review(started.id)
        st.rerun()
    st.stop()

if review.status is not ReviewStatus.DRAFT:
    review_summary(review)
    st.stop()

details_editor(review, project)
problems = {p.field: p.message for p in st.session_state.get(PROBLEMS, [])}
for question in Question:
    question_section(review, question, problems.get(question.value))

st.divider()
if problems.get("consent"):
    st.error(problems["consent"], icon="⚠️")
draft, send = st.columns(2)
if draft.button(t["save_draft"], key="review_page.draft"):
    context.choose_review(None)
    st.session_state[PROBLEMS] = []
    st.switch_page("pages/reviews.py")
if send.button(t["submit_button"], type="primary", key="review_page.submit"):
    try:
        submit_review(repo, review.id, actor=context.actor(), now=context.now())
    except ReviewIncomplete as incomplete:
        st.session_state[PROBLEMS] = incomplete.problems
    else:
        st.session_state[PROBLEMS] = []
    st.rerun()
