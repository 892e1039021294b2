"""Who, when, where and consent for a review with a person. Owns the keys starting with ``review_details.``.

Every field saves itself as soon as it is changed (autosave), so closing the laptop loses at most the
field being typed. A rule broken by a field is shown under that field; the typed value stays.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import ConsentGiver, DomainError, Project, Review
from wtfc_collect.services.collect.reviews import get_review, save_review_details
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.storage.port import StoreError
from wtfc_collect.ui import context
from wtfc_collect.ui.feedback import field_error

PREFIX = "review_details."
ERRORS = PREFIX + "errors"
CONSENT_CHOICES = ("yes", "no", "unknown")


def _key(review_id: str, field: str) -> str:
    return f"{PREFIX}{review_id}.{field}"


def errors() -> dict[str, str]:
    found = st.session_state.get(ERRORS)
    return dict(found) if isinstance(found, dict) else {}


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
    found = errors()
    found.pop(field, None)
    try:
        current = get_review(context.repository(), review_id)
        save_review_details(
            context.repository(),
            review_id,
            {field: _value(review_id, field)},
            expected_revision=current.revision,
            actor=context.actor(),
            now=context.now(),
        )
    except InvalidInput as invalid:
        found[field] = next(iter(invalid.errors.values()))
    except (DomainError, StoreError) as problem:
        found[field] = str(problem)
    st.session_state[ERRORS] = found


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
    found = errors()
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
        field_error(found, "person_ref")
        st.date_input(
            t["review_date_label"],
            value=review.review_date,
            format="DD/MM/YYYY",
            key=_key(rid, "review_date"),
            on_change=_save,
            args=(rid, "review_date"),
        )
        field_error(found, "review_date")
        st.text_input(
            t["reviewer_label"],
            value=review.reviewer or "",
            key=_key(rid, "reviewer"),
            max_chars=120,
            on_change=_save,
            args=(rid, "reviewer"),
        )
        field_error(found, "reviewer")
        st.text_area(
            t["participants_label"],
            value="\n".join(review.participants),
            height=100,
            key=_key(rid, "participants"),
            on_change=_save,
            args=(rid, "participants"),
        )
        st.caption(t["participants_help"])
        field_error(found, "participants")
    with right:
        for field, options in (
            ("team", project.teams),
            ("service_type", project.service_types),
            ("area", project.areas),
            ("group", project.groups),
        ):
            _select(t[f"{field}_label"], options, getattr(review, field), rid, field)
            field_error(found, field)
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
    field_error(errors(), "consent")


def new_review_form(project: Project) -> dict[str, Any] | None:
    """The few details needed to start a review. Returns them when the form is sent."""
    t = screen("review_with_person")
    found = errors()
    with st.form(PREFIX + "new", enter_to_submit=False):
        person_ref = st.text_input(t["person_ref_label"], max_chars=40, key=PREFIX + "new.person_ref")
        st.caption(t["person_ref_help"])
        field_error(found, "person_ref")
        review_date = st.date_input(
            t["review_date_label"], value=date.today(), format="DD/MM/YYYY", key=PREFIX + "new.review_date"
        )
        chosen: dict[str, Any] = {}
        for field, options in (
            ("team", project.teams),
            ("service_type", project.service_types),
            ("area", project.areas),
            ("group", project.groups),
        ):
            if options:
                chosen[field] = st.selectbox(
                    t[f"{field}_label"],
                    [None, *options],
                    key=f"{PREFIX}new.{field}",
                    format_func=lambda v: t["not_set"] if v is None else str(v),
                )
        reviewer = st.text_input(t["reviewer_label"], max_chars=120, key=PREFIX + "new.reviewer")
        started = st.form_submit_button(t["start_button"], type="primary")
    if not started:
        return None
    return {
        "person_ref": person_ref,
        "review_date": review_date,
        "reviewer": reviewer.strip() or None,
        **chosen,
    }


def set_errors(found: dict[str, str]) -> None:
    st.session_state[ERRORS] = dict(found)
