"""Part of the Reviews screen: what happens after a review. For the review chosen, whether the person would
like to come to the workshops (and what would help them), and the actions for the person (what, who, by
when, done); for the whole project, every action still to do. Owns the session-state keys starting with
``reviews.follow_up.``.

These stay with the person's review: they never reach a workshop screen or a document.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Project, Question, Review, ReviewStatus
from wtfc_collect.domain.participation import Come
from wtfc_collect.domain.person_actions import PersonAction
from wtfc_collect.services.collect import reviews_follow_up
from wtfc_collect.services.collect.reviews import get_review
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import tables
from wtfc_collect.ui.feedback import errors, field_error, form_key, run_action, show, use_case
from wtfc_collect.ui.literal import literal, plain_label, short

PREFIX = "reviews.follow_up."
ABOUT = (Question.NOT_WORKING, Question.FUTURE)  # what an action for the person most often answers


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _rows(review_refs: list[tuple[str, PersonAction]], t: dict[str, str]) -> list[dict[str, str]]:
    return [
        {
            t["col_person"]: ref,
            t["col_what"]: action.what,
            t["col_who"]: action.who,
            t["col_by_when"]: _day(action.by_when),
            t["col_done"]: _day(action.done_on) if action.done else t["not_done"],
        }
        for ref, action in review_refs
    ]


def all_actions(repo: Repository, project: Project) -> None:
    """Every action for a person in the project that this user may see, those still to do first."""
    t = screen("reviews")
    rows = reviews_follow_up.person_actions(repo, project.id)
    st.header(t["actions_all_heading"], anchor=False)
    st.caption(t["actions_all_help"])
    if not rows:
        st.caption(t["actions_none_yet"])
        return
    open_rows = sum(1 for row in rows if not row.action.done)
    st.caption(t["actions_count"].format(open=open_rows, total=len(rows)))
    tables.table(
        _rows([(row.review.person_ref, row.action) for row in rows], t), scroll_label=t["actions_all_heading"]
    )


def follow_up(repo: Repository, chosen: Review) -> None:
    """After the review chosen: the workshop wish and the actions for the person (read afresh: the choice
    a select box keeps may be an older copy of the review)."""
    review = get_review(repo, chosen.id)
    if review.status is ReviewStatus.WITHDRAWN:
        return
    t = screen("reviews")
    st.header(t["follow_up_heading"].format(person=literal(review.person_ref)), anchor=False)
    _workshop_wish(t, review)
    _actions(t, review)


def _workshop_wish(t: dict[str, str], review: Review) -> None:
    st.subheader(t["wish_heading"], anchor=False)
    key = f"{PREFIX}wish.{review.id}"
    choices = list(Come)
    with st.form(form_key(key), enter_to_submit=False):
        come = st.radio(
            t["wish_label"],
            choices,
            index=choices.index(review.workshop.come),
            format_func=lambda c: t[f"wish_{c.value}"],
            horizontal=True,
        )
        needs = st.text_area(t["needs_label"], value=review.workshop.access_needs, max_chars=4000)
        st.caption(t["needs_help"])
        field_error(errors(key), "access_needs")
        pressed = st.form_submit_button(t["wish_button"])
    if pressed:
        run_action(
            key,
            use_case(reviews_follow_up.set_workshop_wish, review.id, come, needs),
            done=t["wish_saved"],
            fresh=True,
            rerun=True,
        )
    show(key, "")


def _actions(t: dict[str, str], review: Review) -> None:
    st.subheader(t["actions_heading"], anchor=False)
    st.caption(t["actions_help"])
    if review.actions:
        tables.table(_rows([(review.person_ref, a) for a in review.actions], t))
        for action in review.actions:
            _action_buttons(t, review, action)
    _new_action(t, review)


def _action_buttons(t: dict[str, str], review: Review, action: PersonAction) -> None:
    key = f"{PREFIX}action.{action.id}"
    left, right = st.columns(2)
    words = plain_label(action.what, 60)
    label = t["mark_not_done"] if action.done else t["mark_done"]
    if left.button(f"{label}: {words}", key=key + ".done"):
        run_action(
            key,
            use_case(reviews_follow_up.set_person_action_done, review.id, action.id, not action.done),
            rerun=True,
        )
    if right.button(f"{t['remove_action']}: {words}", key=key + ".remove"):
        run_action(key, use_case(reviews_follow_up.remove_person_action, review.id, action.id), rerun=True)
    show(key)


def _new_action(t: dict[str, str], review: Review) -> None:
    key = f"{PREFIX}new.{review.id}"
    found = errors(key)
    about = [s for q in ABOUT for s in review.statements_for(q)]
    with st.form(form_key(key), enter_to_submit=False):
        st.markdown(f"**{t['new_action_heading']}**")
        what = st.text_area(t["what_label"], max_chars=1000)
        field_error(found, "what")
        who = st.text_input(t["who_label"], max_chars=120)
        st.caption(t["who_help"])
        field_error(found, "who")
        by_when = st.date_input(t["by_when_label"], value=None, format="DD/MM/YYYY")
        chosen = st.selectbox(
            t["about_label"],
            [None, *about],
            format_func=lambda s: t["about_none"] if s is None else f"{s.question.label} {short(s.text, 70)}",
        )
        pressed = st.form_submit_button(t["add_action"], type="primary")
    if pressed:
        run_action(
            key,
            use_case(
                reviews_follow_up.add_person_action,
                review.id,
                what,
                who,
                by_when if isinstance(by_when, date) else None,
                None if chosen is None else chosen.id,
            ),
            done=t["action_added"],
            fresh=True,
            rerun=True,
        )
    show(key, "", "statement", "action", "status")
