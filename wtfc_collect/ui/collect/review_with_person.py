"""The Review with a person screen (Step 2): a review filled in alongside the person, saved as it goes and
sent in when complete. Owns the session-state keys starting with ``review_with_person.``; the three
questions are drawn by ``review_with_person_statements`` and a review already sent in by
``review_with_person_summary``.

Every detail saves itself as soon as it is changed (autosave), so closing the laptop loses at most the
field being typed. A rule broken by a field is shown under that field, and stays there (with the typed
value) until the field is saved.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import ConsentGiver, Project, Question, Review, ReviewMode, ReviewStatus
from wtfc_collect.services.access import AccessDenied
from wtfc_collect.services.collect.reviews import (
    drafts_of,
    find_review,
    get_review,
    save_review_details,
    start_review,
    submit_review,
)
from wtfc_collect.services.prepare.project_setup import current_project
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context, links
from wtfc_collect.ui.collect.review_with_person_statements import question_section
from wtfc_collect.ui.collect.review_with_person_summary import review_summary
from wtfc_collect.ui.collect.reviews import usual_team
from wtfc_collect.ui.feedback import ICON, errors, field_error, remember, run_action, show, use_case
from wtfc_collect.ui.literal import literal

SCREEN = "review_with_person."
PREFIX = SCREEN + "details."
NEW_FORM = SCREEN + "new"
SUBMIT = SCREEN + "submit"
DRAFT_OFFER = SCREEN + "draft_offer"  # (draft id, details typed) while asking whether to open the draft
JUST_SENT = SCREEN + "just_sent"  # the review sent in a moment ago: thanked once
ADDRESS = "review"  # the address names the review being worked on (its record id only)
CONSENT_CHOICES = ("yes", "no", "unknown")


def _key(review_id: str, field: str) -> str:
    return f"{PREFIX}{review_id}.{field}"


def _saved(review_id: str, field: str) -> str:
    """Where what saving one field said is kept (the field's own message place)."""
    return f"{PREFIX}{review_id}.{field}.saved"


# --- the screen, top to bottom ----------------------------------------------------------------------------
def draw(t: dict[str, str], repo: Repository) -> None:
    """The whole screen below its title: a new review's first details, or the review being filled in."""
    project = current_project(repo, context.chosen_project_id())
    if project is None:
        st.info(t["no_project"])
        links.page_link("pages/project_setup.py", t["set_up_project"])
        return
    review = _review_being_worked_on(t, repo)
    if review is None or review.project_id != project.id:
        st.query_params.pop(ADDRESS, None)
        st.header(t["new_review"], anchor=False)
        details = new_review_form(project)
        if details is not None:
            _start_or_offer_draft(project, details)
        _offer_draft(t, project)
        return
    context.note_viewed(review.id)
    st.query_params[ADDRESS] = review.id  # a reload (a new sign-in) comes back to this review
    if review.status is not ReviewStatus.DRAFT:
        review_summary(review, just_sent=st.session_state.pop(JUST_SENT, None) == review.id)
        return
    details_editor(review, project)
    problems = errors(SUBMIT)
    for question in Question:
        question_section(review, question, problems.get(question.value), project.field.value)
    st.divider()
    field_error(problems, "consent")
    if problems:
        count = len(problems)
        st.error(t["submit_gaps_one"] if count == 1 else t["submit_gaps"].format(count=count), icon=ICON)
    draft, send = st.columns(2)
    if draft.button(t["save_draft"], key=SCREEN + "draft"):
        context.choose_review(None)
        remember(SUBMIT)
        st.switch_page("pages/reviews.py")
    if send.button(t["submit_button"], type="primary", key=SCREEN + "submit"):
        _submit(review.id)


def _review_being_worked_on(t: dict[str, str], repo: Repository) -> Review | None:
    """The review chosen in this session, else the one the address names (after a reload, which signs in
    again: the address keeps the review's id, never a name or reference). Access is checked either way."""
    chosen = context.chosen_review_id()
    linked = st.query_params.get(ADDRESS)
    wanted = chosen or (linked if isinstance(linked, str) and linked else None)
    try:
        review = find_review(repo, wanted)
    except AccessDenied as refused:
        st.query_params.pop(ADDRESS, None)
        st.error(literal(refused.message), icon=ICON)
        return None
    if review is not None and chosen is None:
        context.choose_review(review.id)
    return review


def _start_or_offer_draft(project: Project, details: dict[str, Any]) -> None:
    """Start the review, unless the person already has a draft in this project: then ask first."""
    drafts = drafts_of(context.repository(), project.id, str(details["person_ref"]))
    if drafts:
        st.session_state[DRAFT_OFFER] = (drafts[0].id, details)
        st.rerun()
    _start(project, details)


def _offer_draft(t: dict[str, str], project: Project) -> None:
    """The person has a draft already: open it, or start another review anyway."""
    offer = st.session_state.get(DRAFT_OFFER)
    if not isinstance(offer, tuple):
        return
    draft_id, details = offer
    draft = find_review(context.repository(), draft_id)
    if draft is None or draft.status is not ReviewStatus.DRAFT:
        st.session_state.pop(DRAFT_OFFER, None)
        return
    with st.container(border=True, key="review_with_person_draft_offer"):
        st.warning(
            t["draft_exists"].format(ref=literal(draft.person_ref), day=f"{draft.created_at:%d/%m/%Y}"),
            icon=ICON,
        )
        left, right = st.columns(2)
        if left.button(t["open_draft"], type="primary", key=SCREEN + "open_draft"):
            st.session_state.pop(DRAFT_OFFER, None)
            context.choose_review(draft.id)
            if draft.mode is ReviewMode.SELF:
                st.switch_page("pages/self_review.py")
            st.rerun()
        if right.button(t["start_anyway"], key=SCREEN + "start_anyway"):
            st.session_state.pop(DRAFT_OFFER, None)
            _start(project, dict(details))


def _start(project: Project, details: dict[str, Any]) -> None:
    started: list[Review] = []
    start = use_case(
        start_review,
        project.id,
        person_ref=details.pop("person_ref"),
        review_date=details.pop("review_date"),
        mode=ReviewMode.WITH_STAFF,
        details=details,
    )
    if run_action(NEW_FORM, lambda: started.append(start())):
        context.choose_review(started[0].id)
    st.rerun()


def _submit(review_id: str) -> None:
    """Send the review in; what is still missing is said next to the question (or the consent) it is about,
    and how many things are missing next to the button."""
    if run_action(SUBMIT, use_case(submit_review, review_id)):
        st.session_state[JUST_SENT] = review_id  # the thank-you shows once, right after sending
    st.rerun()


def _lines(value: str) -> list[str]:
    return [" ".join(line.split()) for line in value.splitlines() if line.strip()]


def _consent_value(review_id: str) -> dict[str, Any] | None:
    state = st.session_state
    answer = state.get(_key(review_id, "consent"), "unknown")
    if answer == "unknown":
        return None
    giver = state.get(_key(review_id, "consent_by"), ConsentGiver.PERSON)
    role = (state.get(_key(review_id, "representative")) or "").strip() or None
    return {
        "given": answer == "yes",
        "given_by": giver,
        "representative_role": role if giver is ConsentGiver.REPRESENTATIVE else None,
        "recorded_on": date.today(),
    }


def _value(review_id: str, field: str) -> Any:
    raw = st.session_state.get(_key(review_id, field))
    if field == "participants":
        return _lines(raw or "")
    if field == "consent":
        return _consent_value(review_id)
    if isinstance(raw, str):
        return raw.strip() or None
    return raw


def _save(review_id: str, field: str) -> None:
    """on_change: save one field now. Runs before the page is drawn again."""

    def save() -> None:
        current = get_review(context.repository(), review_id)
        use_case(
            save_review_details,
            review_id,
            {field: _value(review_id, field)},
            expected_revision=current.revision,
        )()

    run_action(_saved(review_id, field), save)


def _select(label: str, options: list[str], current: str | None, review_id: str, field: str) -> None:
    choices: list[str | None] = [None, *options]
    if current and current not in options:
        choices.append(current)
    st.selectbox(
        label,
        choices,
        index=choices.index(current),
        key=_key(review_id, field),
        format_func=lambda v: screen("review_with_person")["not_set"] if v is None else str(v),
        on_change=_save,
        args=(review_id, field),
    )


def details_editor(review: Review, project: Project) -> None:
    """The details and consent of a draft review, each field saved as soon as it changes."""
    t = screen("review_with_person")
    rid = review.id
    st.header(t["details_heading"], anchor=False)
    left, right = st.columns(2)
    with left:
        st.text_input(
            t["person_ref_label"],
            value=review.person_ref,
            key=_key(rid, "person_ref"),
            max_chars=40,
            on_change=_save,
            args=(rid, "person_ref"),
        )
        st.caption(t["person_ref_help"])
        show(_saved(rid, "person_ref"))
        st.date_input(
            t["review_date_label"],
            value=review.review_date,
            format="DD/MM/YYYY",
            key=_key(rid, "review_date"),
            on_change=_save,
            args=(rid, "review_date"),
        )
        show(_saved(rid, "review_date"))
        st.text_input(
            t["reviewer_label"],
            value=review.reviewer or "",
            key=_key(rid, "reviewer"),
            max_chars=120,
            on_change=_save,
            args=(rid, "reviewer"),
        )
        show(_saved(rid, "reviewer"))
        st.text_area(
            t["participants_label"],
            value="\n".join(review.participants),
            height=100,
            key=_key(rid, "participants"),
            on_change=_save,
            args=(rid, "participants"),
        )
        st.caption(t["participants_help"])
        show(_saved(rid, "participants"))
    with right:
        for field, options in (
            ("team", project.teams),
            ("service_type", project.service_types),
            ("area", project.areas),
            ("group", project.groups),
        ):
            _select(t[f"{field}_label"], options, getattr(review, field), rid, field)
            show(_saved(rid, field))
    consent_editor(review)


def consent_editor(review: Review) -> None:
    t = screen("review_with_person")
    rid = review.id
    st.header(t["consent_heading"], anchor=False)
    st.markdown(t["consent_script"])
    consent = review.consent
    current = "unknown" if consent is None else ("yes" if consent.given else "no")
    labels = {"yes": t["consent_yes"], "no": t["consent_no"], "unknown": t["consent_unknown"]}
    st.radio(
        t["consent_label"],
        CONSENT_CHOICES,
        index=CONSENT_CHOICES.index(current),
        format_func=labels.__getitem__,
        key=_key(rid, "consent"),
        on_change=_save,
        args=(rid, "consent"),
    )
    if st.session_state.get(_key(rid, "consent"), current) != "unknown":
        givers = list(ConsentGiver)
        by_labels = {
            ConsentGiver.PERSON: t["consent_by_person"],
            ConsentGiver.REPRESENTATIVE: t["consent_by_representative"],
        }
        st.radio(
            t["consent_by_label"],
            givers,
            format_func=by_labels.__getitem__,
            horizontal=True,
            index=givers.index(consent.given_by if consent else ConsentGiver.PERSON),
            key=_key(rid, "consent_by"),
            on_change=_save,
            args=(rid, "consent"),
        )
        if st.session_state.get(_key(rid, "consent_by")) is ConsentGiver.REPRESENTATIVE:
            st.text_input(
                t["representative_label"],
                value=(consent.representative_role or "") if consent else "",
                max_chars=120,
                key=_key(rid, "representative"),
                on_change=_save,
                args=(rid, "consent"),
            )
            st.caption(t["representative_help"])
    show(_saved(rid, "consent"))


def new_review_form(project: Project) -> dict[str, Any] | None:
    """The few details needed to start a review. Returns them when the form is sent.

    The reviewer starts as the person signed in, and the team as their team (when the project has it)."""
    t = screen("review_with_person")
    signed_in = context.user()
    with st.form(NEW_FORM, enter_to_submit=False):
        person_ref = st.text_input(t["person_ref_label"], max_chars=40, key=NEW_FORM + ".person_ref")
        st.caption(t["person_ref_help"])
        field_error(errors(NEW_FORM), "person_ref")
        review_date = st.date_input(
            t["review_date_label"], value=date.today(), format="DD/MM/YYYY", key=NEW_FORM + ".review_date"
        )
        chosen: dict[str, Any] = {}
        for field, options in (
            ("team", project.teams),
            ("service_type", project.service_types),
            ("area", project.areas),
            ("group", project.groups),
        ):
            if options:
                start = usual_team(project, signed_in) if field == "team" else None
                choices: list[str | None] = [None, *options]
                chosen[field] = st.selectbox(
                    t[f"{field}_label"],
                    choices,
                    index=choices.index(start),
                    key=f"{NEW_FORM}.{field}",
                    format_func=lambda v: t["not_set"] if v is None else str(v),
                )
        reviewer = st.text_input(
            t["reviewer_label"],
            value=signed_in.name if signed_in else "",
            max_chars=120,
            key=NEW_FORM + ".reviewer",
        )
        started = st.form_submit_button(t["start_button"], type="primary")
    if not started:
        return None
    return {
        "person_ref": person_ref,
        "review_date": review_date,
        "reviewer": reviewer.strip() or None,
        **chosen,
    }
