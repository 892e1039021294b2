"""One statement to decide about, on the Check statements screen. Owns keys starting with ``triage.``."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Review, Statement, TriageStatus
from wtfc_collect.quality import check_statement
from wtfc_collect.services.checkpoint.check_statements import Proposal
from wtfc_collect.ui.highlight import highlighted
from wtfc_collect.ui.literal import literal

PREFIX = "triage."
STATUS_NAMES = {
    TriageStatus.NOT_CHECKED: "Not decided yet",
    TriageStatus.ACCEPTED: "Accepted",
    TriageStatus.ASK_AGAIN: "To ask again with the person",
    TriageStatus.EXCLUDED: "Left out",
}


def statement_card(
    review: Review, statement: Statement, proposal: Proposal, act: Callable[..., None]
) -> None:
    """Show the words (flagged parts highlighted) and the decisions that can be made about them.

    ``act(kind, review_id, statement_id, **values)`` carries a decision out.
    """
    t = screen("triage")
    key = f"{PREFIX}{statement.id}"
    verdict = check_statement(statement.text)
    with st.container(border=True):
        highlighted(statement.text, [(f.start, f.end) for f in verdict.flags if f.strong])
        st.caption(
            f"{review.person_ref} · {review.team or '–'} · {review.reviewer or '–'} · "
            f"{statement.question.label} · {t['status_label']}: {STATUS_NAMES[statement.triage_status]}"
        )
        for flag in verdict.flags:
            if flag.strong:
                st.markdown(f"- {literal(flag.explanation)}")
        if statement.ready_for_workshop:
            st.success(t["ready"])
            st.text(statement.card_text)
            return
        with st.expander(t["decide"], expanded=statement.triage_status is TriageStatus.ACCEPTED):
            if statement.triage_status is not TriageStatus.ACCEPTED:
                _decisions(review, statement, act, key)
            else:
                _workshop_copy(review, statement, proposal, act, key)


def _decisions(review: Review, statement: Statement, act: Callable[..., None], key: str) -> None:
    t = screen("triage")
    if st.button(t["accept"], key=key + ".accept", type="primary"):
        act("accept", review.id, statement.id)
    reason = st.text_input(t["reason_label"], max_chars=500, key=key + ".reason")
    again, out = st.columns(2)
    if again.button(t["ask_again"], key=key + ".again"):
        act("ask_again", review.id, statement.id, reason=reason)
    if out.button(t["exclude"], key=key + ".exclude"):
        act("exclude", review.id, statement.id, reason=reason)
    st.subheader(t["edit_heading"], anchor=False)
    words = st.text_area(t["edit_label"], value=statement.card_text, key=key + ".edit")
    why = st.text_input(t["edit_reason"], max_chars=300, key=key + ".edit_reason")
    if st.button(t["edit_button"], key=key + ".edit_save"):
        act("edit", review.id, statement.id, text=words, reason=why)


def _workshop_copy(
    review: Review, statement: Statement, proposal: Proposal, act: Callable[..., None], key: str
) -> None:
    t = screen("triage")
    st.subheader(t["copy_heading"], anchor=False)
    st.caption(t["copy_help"])
    if proposal.replaced:
        st.text(t["copy_replaced"].format(items=", ".join(proposal.replaced)))
    copy = st.text_area(t["copy_label"], value=proposal.text, key=key + ".copy")
    if st.button(t["copy_button"], key=key + ".confirm", type="primary"):
        act("confirm", review.id, statement.id, text=copy)
