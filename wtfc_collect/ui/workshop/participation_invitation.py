"""Part of the Who takes part screen: getting ready before the workshop. How many people whose reviews are
used would like to come (and, for those who may open the reviews, who they are and what would help them),
and the easy-read invitation and briefing as a Word document, with the place, times, help on offer and who
to tell."""

from __future__ import annotations

import streamlit as st

from wtfc_collect.domain import Project
from wtfc_collect.domain.participation import Come
from wtfc_collect.services.access import COLLECTORS
from wtfc_collect.services.collect import reviews_follow_up
from wtfc_collect.services.reports.documents import LETTER_LANGUAGES, DocumentKind, export_document, file_name
from wtfc_collect.services.workshop import participation
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context, tables
from wtfc_collect.ui.downloads import word_download
from wtfc_collect.ui.feedback import run_action, show, use_case

PREFIX = "participation.invitation."
ARRANGEMENTS = PREFIX + "arrangements"


def before_the_workshop(t: dict[str, str], repo: Repository, project: Project) -> None:
    st.header(t["before_heading"], anchor=False)
    _from_reviews(t, repo, project)
    _invitation(t, repo, project)


def _from_reviews(t: dict[str, str], repo: Repository, project: Project) -> None:
    """Counts for everyone; the list itself only for those who may open the reviews (it names references
    and access needs, which facilitators never see)."""
    st.subheader(t["from_reviews_heading"], anchor=False)
    counts = participation.wishes(repo, project.id)
    st.write(t["from_reviews_counts"].format(**{come.value: counts[come] for come in Come}))
    user = context.user()
    if user is None or user.role not in COLLECTORS:
        st.caption(t["from_reviews_elsewhere"])
        return
    wanting = reviews_follow_up.people_to_invite(repo, project.id)
    if not wanting:
        st.caption(t["from_reviews_none"])
        return
    st.caption(t["from_reviews_help"])
    rows = [
        {
            t["col_person"]: review.person_ref,
            t["col_team"]: review.team or "",
            t["col_reviewer"]: review.reviewer or "",
            t["col_answer"]: t[f"come_{review.workshop.come.value}"],
            t["col_access"]: review.workshop.access_needs,
        }
        for review in wanting
    ]
    tables.table(rows, scroll_label=t["from_reviews_heading"])


def _invitation(t: dict[str, str], repo: Repository, project: Project) -> None:
    st.subheader(t["invitation_heading"], anchor=False)
    st.caption(t["invitation_help"])
    current = participation.arrangements(repo, project.id)
    with st.form(f"{ARRANGEMENTS}.{current.revision}", enter_to_submit=False):
        place = st.text_area(t["place_label"], value=current.place, max_chars=4000, height=80)
        times = st.text_input(t["times_label"], value=current.times, max_chars=200)
        help_on_offer = st.text_area(t["help_label"], value=current.help_on_offer, max_chars=4000)
        st.caption(t["help_help"])
        contact = st.text_area(t["contact_label"], value=current.contact, max_chars=4000, height=80)
        st.caption(t["contact_help"])
        sent = st.form_submit_button(t["save_arrangements"])
    if sent:
        details = {"place": place, "times": times, "help_on_offer": help_on_offer, "contact": contact}
        save = use_case(
            participation.save_arrangements, project.id, details, expected_revision=current.revision
        )
        run_action(ARRANGEMENTS, save, done=t["arrangements_saved"], rerun=True)
    show(ARRANGEMENTS)
    said = st.radio(  # in English or in Welsh, chosen for this document
        t["invitation_language"],
        list(LETTER_LANGUAGES),
        format_func=LETTER_LANGUAGES.__getitem__,
        horizontal=True,
        key=PREFIX + "language",
    )
    kind = DocumentKind.INVITATION
    word_download(
        t["invitation_label"],
        file_name(kind, said),
        use_case(export_document, project.id, kind, language=said),
        key="workshop_invitation" + ("" if said == "en" else f"_{said}"),
    )
