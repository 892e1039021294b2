"""A read-only view of a review that was sent in (or withdrawn): what was said and the top two."""

from __future__ import annotations

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Question, Review, ReviewStatus
from wtfc_collect.ui import links


def review_summary(review: Review, *, just_sent: bool = False) -> None:
    """The review as it was sent in (or withdrawn). The thank-you is only for right after sending it."""
    t = screen("review_with_person")
    if review.status is ReviewStatus.WITHDRAWN:
        st.warning(t["withdrawn_caption"])
    else:
        if just_sent:
            st.success(t["submitted"])
        elif review.submitted_at is not None:
            st.info(t["sent_in_on"].format(day=f"{review.submitted_at:%d/%m/%Y}"))
        st.caption(t["summary_caption"])
    when = f"{review.review_date:%d/%m/%Y}"
    st.text(f"{t['person_ref_label']}: {review.person_ref} · {t['review_date_label']}: {when}")
    for question in Question:
        st.header(question.label, anchor=False)
        if question in review.declined:
            st.info(t["declined"])
            continue
        for statement in review.statements_for(question):
            place = {1: t["priority_first"], 2: t["priority_second"]}.get(statement.priority or 0)
            with st.container(border=True):
                st.text(statement.text)
                st.caption(
                    f"{statement.said_by.label}" + (f" · {t['priority_label']}: {place}" if place else "")
                )
    links.page_link("pages/reviews.py", t["back_to_list"])
