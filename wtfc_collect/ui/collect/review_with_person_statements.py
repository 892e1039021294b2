"""The three questions of a review with a person, on the Review with a person screen (its keys start with
``review_with_person.statements.``).

Each statement is saved the moment it is added, with who said it; the person's top two are chosen per
question; a gentle note appears beside words that may not be the person's own.
"""

from __future__ import annotations

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import STATEMENT_MAX_CHARS, Question, Review, Speaker, Statement
from wtfc_collect.domain.review import Priority
from wtfc_collect.services.collect.own_words import fit_statement, own_words_notes
from wtfc_collect.services.collect.reviews import (
    decline_question,
    keep_typed_words,
    record_statement,
    remove_statement,
    set_priority,
    undecline_question,
)
from wtfc_collect.ui.feedback import ICON, form_key, run_action, show, use_case
from wtfc_collect.ui.literal import literal
from wtfc_collect.ui.spoken import listen

PREFIX = "review_with_person.statements."
PRIORITY_CHOICES: tuple[Priority | None, ...] = (None, 1, 2)
NOTE_ICON = ":material/chat_bubble:"


def _key(review_id: str, *parts: str) -> str:
    return PREFIX + ".".join((review_id, *parts))


def _place(question: Question) -> str:
    """Where the messages about one question's statements are kept and shown."""
    return PREFIX + question.value


def _text_key(review_id: str, question: Question) -> str:
    """The box for what the person says: a new, empty box after each statement added (emptying the old
    one's state would not empty it in the browser, which would send the old words back)."""
    return f"{form_key(_place(question))}.{review_id}.text"


def _add(review_id: str, question: Question) -> None:
    """on_click of Add: save the words; the box is then drawn new and empty (only when they were saved)."""
    t = screen("review_with_person")
    text_key, who_key = _text_key(review_id, question), _key(review_id, question.value, "said_by")
    typed = str(st.session_state.get(text_key, ""))
    text, was_cut = fit_statement(typed)
    said_by = st.session_state.get(who_key, Speaker.PERSON)
    run_action(
        _place(question),
        use_case(record_statement, review_id, question=question, text=text, said_by=said_by),
        note=t["too_long"].format(limit=STATEMENT_MAX_CHARS) if was_cut else "",
        fresh=True,
    )


def _keep_typed(review_id: str, question: Question) -> None:
    """on_change of the box: keep what is typed but not added yet with the review, so a reload, a break or
    Save draft loses nothing. When Add was pressed at the same time, adding takes the words instead."""
    if st.session_state.get(_key(review_id, question.value, "add")):
        return
    typed, _ = fit_statement(str(st.session_state.get(_text_key(review_id, question), "")))
    run_action(_place(question), use_case(keep_typed_words, review_id, question, typed))


def _priority(review_id: str, statement_id: str, place: str) -> None:
    value = st.session_state.get(_key(review_id, statement_id, "priority"))
    run_action(place, use_case(set_priority, review_id, statement_id, value))


def _remove(review_id: str, statement_id: str, place: str) -> None:
    run_action(place, use_case(remove_statement, review_id, statement_id))


def _decline(review_id: str, question: Question, decline: bool) -> None:
    change = decline_question if decline else undecline_question
    run_action(_place(question), use_case(change, review_id, question))


def _statement_row(review: Review, statement: Statement, place: str, field: str | None = None) -> None:
    t = screen("review_with_person")
    labels = {None: t["priority_none"], 1: t["priority_first"], 2: t["priority_second"]}
    with st.container(border=True):
        st.text(statement.text)  # the person's words, shown literally (never as markdown or HTML)
        st.caption(f"{t['said_by_label']} {statement.said_by.label}")
        for note in own_words_notes(statement.text, field, statement.said_by):
            st.warning(f"**{t[f'note_{note.kind}']}** {literal(note.explanation)}", icon=NOTE_ICON)
        choice, remove = st.columns([3, 1], vertical_alignment="bottom")
        with choice:
            # Choosing a 1st elsewhere takes it from this one: show what is stored, not what was clicked.
            st.session_state[_key(review.id, statement.id, "priority")] = statement.priority
            st.radio(
                t["priority_label"],
                PRIORITY_CHOICES,
                format_func=labels.__getitem__,
                horizontal=True,
                key=_key(review.id, statement.id, "priority"),
                on_change=_priority,
                args=(review.id, statement.id, place),
            )
        with remove:
            st.button(
                t["remove_statement"],
                key=_key(review.id, statement.id, "remove"),
                on_click=_remove,
                args=(review.id, statement.id, place),
            )


def question_section(
    review: Review, question: Question, problem: str | None = None, field: str | None = None
) -> None:
    """One question: prompts, the box to add what was said, the statements and their top-two choice."""
    t = screen("review_with_person")
    st.header(question.label, anchor=False)
    listen(question.label, f"staff.{question.value}")
    with st.expander(t["prompts_heading"]):
        st.markdown(t[f"{question.value}_prompts"])
        listen(t[f"{question.value}_prompts"], f"staff.{question.value}.prompts")
    if problem:
        st.error(literal(problem), icon=ICON)
    if question in review.declined:
        st.info(t["declined"])
        st.button(
            t["undecline_button"],
            key=_key(review.id, question.value, "undecline"),
            on_click=_decline,
            args=(review.id, question, False),
        )
        show(_place(question), once=True)
        return
    st.text_area(
        t["statement_label"],
        value=review.typed.get(question, ""),
        key=_text_key(review.id, question),
        height=90,
        on_change=_keep_typed,
        args=(review.id, question),
    )
    # Always a line here, so the controls below never move when the words are kept (Tab out of the box).
    st.caption(t["typed_kept"] if question in review.typed else t["typed_hint"])
    speakers = list(Speaker)
    st.radio(
        t["said_by_label"],
        speakers,
        format_func=lambda s: s.label,
        horizontal=True,
        key=_key(review.id, question.value, "said_by"),
    )
    st.button(
        t["add_statement"],
        type="primary",
        key=_key(review.id, question.value, "add"),
        on_click=_add,
        args=(review.id, question),
    )
    show(_place(question), once=True)
    said = review.statements_for(question)
    if said:
        st.subheader(t["statements_heading"], anchor=False)
        for statement in said:
            _statement_row(review, statement, _place(question), field)
    else:
        st.button(
            t["declined_button"],
            key=_key(review.id, question.value, "decline"),
            on_click=_decline,
            args=(review.id, question, True),
        )
