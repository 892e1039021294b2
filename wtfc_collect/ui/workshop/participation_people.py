"""Part of the Who takes part screen: the people invited, each with their perspective and days; their
replies and who came, day by day; adding someone, changing their details, taking them off the list."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from wtfc_collect.domain import Project
from wtfc_collect.domain.participation import Participant, ParticipantPerspective, Reply
from wtfc_collect.services.workshop import participation
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import tables
from wtfc_collect.ui.feedback import errors, field_error, form_key, run_action, show, use_case
from wtfc_collect.ui.literal import literal, plain_label, short

PREFIX = "participation.people."
ATTENDED = (None, True, False)
DETAIL_FIELDS = ("name", "perspective", "other_perspective", "organisation", "access_needs", "days")


def _date(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def _place_text(t: dict[str, str], person: Participant, day: date) -> str:
    place = person.place_on(day)
    if place is None:
        return t["not_invited"]
    reply = t[f"reply_{place.reply.value}"]
    if place.attended is None:
        return reply
    return f"{reply}; {t['came'] if place.attended else t['did_not_come']}"


def people(t: dict[str, str], repo: Repository, project: Project, days: list[date]) -> None:
    """Everyone invited, their replies and attendance, and the forms to add or change someone."""
    everyone = participation.participants(repo, project.id)
    st.header(t["people_heading"], anchor=False)
    st.caption(t["people_help"])
    if everyone:
        rows = [
            {
                t["col_name"]: p.name,
                t["col_perspective"]: p.perspective_label,
                t["col_organisation"]: p.organisation or "",
                t["col_access"]: p.access_needs,
                **{t["day_short"].format(date=_date(day)): _place_text(t, p, day) for day in days},
            }
            for p in everyone
        ]
        tables.table(rows, scroll_label=t["people_heading"])
        _replies(t, everyone, days)
    else:
        st.info(t["nobody_yet"])
    _add(t, project, days)
    if everyone:
        _change(t, everyone, days)


def _replies(t: dict[str, str], everyone: list[Participant], days: list[date]) -> None:
    """For one day: each person's reply and whether they came, each saved as soon as it is chosen."""
    st.subheader(t["replies_heading"], anchor=False)
    day = st.selectbox(t["replies_day"], days, format_func=_date, key=PREFIX + "replies_day")
    invited = [p for p in everyone if p.place_on(day) is not None]
    if not invited:
        st.caption(t["nobody_that_day"])
        return
    replies = list(Reply)
    for person in invited:
        place = person.place_on(day)
        if place is None:
            continue
        key = f"{PREFIX}{person.id}.{day.isoformat()}"
        left, right = st.columns(2)
        left.selectbox(
            plain_label(t["reply_label"].format(name=short(person.name, 60))),
            replies,
            index=replies.index(place.reply),
            format_func=lambda r: t[f"reply_{r.value}"],
            key=key + ".reply",
            on_change=_save_reply,
            args=(key, person.id, day),
        )
        right.selectbox(
            plain_label(t["came_label"].format(name=short(person.name, 60))),
            ATTENDED,
            index=ATTENDED.index(place.attended),
            format_func=lambda a: {None: t["not_recorded"], True: t["came"], False: t["did_not_come"]}[a],
            key=key + ".came",
            on_change=_save_attended,
            args=(key, person.id, day),
        )
        show(key)


def _save_reply(key: str, participant_id: str, day: date) -> None:
    reply = st.session_state[key + ".reply"]
    run_action(key, use_case(participation.record_reply, participant_id, day, reply))


def _save_attended(key: str, participant_id: str, day: date) -> None:
    came = st.session_state[key + ".came"]
    run_action(key, use_case(participation.record_attendance, participant_id, day, came))


def _details_form(
    t: dict[str, str], key: str, days: list[date], current: Participant | None
) -> tuple[dict[str, Any], list[date]] | None:
    """The fields of one person; what was entered when the form is sent."""
    found = errors(key)
    perspectives = list(ParticipantPerspective)
    with st.form(form_key(key), enter_to_submit=False):
        name = st.text_input(t["name_label"], value=current.name if current else "", max_chars=120)
        st.caption(t["name_help"])
        field_error(found, "name")
        perspective = st.selectbox(
            t["perspective_label"],
            perspectives,
            index=perspectives.index(current.perspective) if current else 0,
            format_func=lambda p: p.label,
        )
        other = st.text_input(
            t["other_label"], value=(current.other_perspective or "") if current else "", max_chars=120
        )
        field_error(found, "other_perspective")
        organisation = st.text_input(
            t["organisation_label"], value=(current.organisation or "") if current else "", max_chars=120
        )
        needs = st.text_area(t["access_label"], value=current.access_needs if current else "", max_chars=4000)
        from_reviews = st.checkbox(t["from_reviews_label"], value=current.from_reviews if current else False)
        chosen_days = st.multiselect(
            t["days_label"],
            days,
            default=[p.day for p in current.days if p.day in days] if current else days,
            format_func=_date,
        )
        field_error(found, "days")
        for name_of, message in found.items():
            if name_of not in DETAIL_FIELDS:
                st.error(literal(message), icon=":material/warning:")
        sent = st.form_submit_button(t["save_person"] if current else t["add_person"], type="primary")
    if not sent:
        return None
    details = {
        "name": name,
        "perspective": perspective,
        "other_perspective": other,
        "organisation": organisation,
        "access_needs": needs,
        "from_reviews": from_reviews,
    }
    return details, list(chosen_days)


def _add(t: dict[str, str], project: Project, days: list[date]) -> None:
    st.subheader(t["add_heading"], anchor=False)
    key = PREFIX + "add"
    entered = _details_form(t, key, days, None)
    if entered is not None:
        details, chosen = entered
        add = use_case(participation.add_participant, project.id, details, chosen)
        run_action(key, add, done=t["added"], fresh=True, rerun=True)
    show(key, "")


def _change(t: dict[str, str], everyone: list[Participant], days: list[date]) -> None:
    st.subheader(t["change_heading"], anchor=False)
    person = st.selectbox(
        t["change_choose"],
        everyone,
        format_func=lambda p: f"{short(p.name, 60)} ({p.perspective_label})",
        key=PREFIX + "change_choice",
    )
    if person is None:
        return
    key = f"{PREFIX}change.{person.id}"
    entered = _details_form(t, key, days, person)
    if entered is not None:
        details, chosen = entered
        change = use_case(participation.update_participant, person.id, details, chosen)
        run_action(key, change, done=t["saved"], fresh=True, rerun=True)
    show(key, "")
    remove = f"{PREFIX}remove.{person.id}"
    if st.button(plain_label(t["remove"].format(name=short(person.name, 60))), key=remove):
        run_action(remove, use_case(participation.remove_participant, person.id), rerun=True)
    show(remove)
