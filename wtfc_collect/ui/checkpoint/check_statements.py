"""The Check statements screen: a decision on each person's top two, then their workshop copy confirmed.

Owns the session-state keys starting with ``check_statements.``. The person's words are shown as text with
the flagged parts highlighted; nothing is ever rewritten automatically, and a broken rule (no reason given,
empty words) is said in plain words next to the control it is about.

A statement's decisions open only when its "Decide" button is pressed, one statement at a time. Once
decided, the statement stays where it was for the rest of the visit (even if the filter no longer shows
its kind), saying what happened with an Undo button: the next statement never moves under the mouse, and
nothing opens by itself, so a double click can never decide two statements.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

import streamlit as st

from wtfc_collect.domain import Project, Question, Review, Statement, TriageStatus
from wtfc_collect.quality import FlagKind, Verdict, check_statement
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.checkpoint.check_statements import Proposal
from wtfc_collect.services.reports.documents import DocumentKind, export_document
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.downloads import word_download
from wtfc_collect.ui.feedback import (
    ICON,
    done,
    errors,
    field_error,
    remember,
    run_action,
    show_rest,
    use_case,
)
from wtfc_collect.ui.highlight import highlighted_html
from wtfc_collect.ui.literal import literal, short

PREFIX = "check_statements."
OPEN = PREFIX + "open"  # the statement whose decisions are open (one at a time)
DECIDED = PREFIX + "decided"  # statements decided in this visit: they stay in the list where they were
CONFIRM = PREFIX + "confirm"  # a statement with strong flags whose acceptance waits for a second yes
ADDRESS = "statement"  # the address names one statement (its record id), from the checkpoint's link
MAX_ROWS = 20
STATUS_NAMES = {
    TriageStatus.NOT_CHECKED: "Not decided yet",
    TriageStatus.ACCEPTED: "Accepted",
    TriageStatus.ASK_AGAIN: "To ask again with the person",
    TriageStatus.EXCLUDED: "Left out",
}
Pairs = list[tuple[Review, Statement]]
STATES: dict[str, Callable[[Statement], bool]] = {
    "waiting": lambda s: s.triage_status is TriageStatus.NOT_CHECKED,
    "ask_again": lambda s: s.triage_status is TriageStatus.ASK_AGAIN,
    "to_confirm": lambda s: s.triage_status is TriageStatus.ACCEPTED and not s.ready_for_workshop,
    "ready": lambda s: s.ready_for_workshop,
}
CARD_STYLE = "margin:0"


def draw(t: dict[str, str], repo: Repository, project: Project) -> None:
    """The whole screen below its title: filters (or the one statement the address names), the
    statements shown, and the workshop documents."""
    linked = st.query_params.get(ADDRESS)
    if isinstance(linked, str) and linked:
        shown = _linked(t, repo, project, linked)
    else:
        shown = _chosen(t, repo, project)
    if not shown:
        st.info(t["nothing"])
    else:
        st.caption(t["count"].format(shown=len(shown)))
        if len(shown) > MAX_ROWS:
            st.caption(t["more_rows"].format(shown=MAX_ROWS, total=len(shown)))
        for review, statement in shown[:MAX_ROWS]:
            statement_card(t, review, statement, project.field.value)
    st.header(t["documents_heading"], anchor=False)
    st.caption(t["documents_help"])
    for kind in (DocumentKind.CARDS, DocumentKind.STRIPS):
        word_download(
            t[f"{kind.value}_label"],
            f"workshop-{kind.value}.docx",
            use_case(export_document, project.id, kind),
            key=f"workshop_{kind.value}",
        )


def _linked(t: dict[str, str], repo: Repository, project: Project, statement_id: str) -> Pairs:
    """Only the statement the address names (a link from the quality checkpoint), its decisions open."""
    found = [(r, s) for r, s in check_statements.top_two_to_check(repo, project.id) if s.id == statement_id]
    if st.button(t["show_all"], key=PREFIX + "show_all", icon=":material/list:"):
        st.query_params.pop(ADDRESS, None)
        st.session_state.pop(OPEN, None)
        st.rerun()
    if not found:
        st.warning(t["not_to_check"], icon=ICON)
    elif OPEN not in st.session_state:
        st.session_state[OPEN] = statement_id
    return found


def _decided_here() -> set[str]:
    found = st.session_state.get(DECIDED)
    return found if isinstance(found, set) else set()


def _chosen(t: dict[str, str], repo: Repository, project: Project) -> Pairs:
    """The statements the filters ask for (team, where they stand, question), and those decided in this
    visit, in the same place as before."""
    team_col, state_col, question_col = st.columns(3)
    team = team_col.selectbox(
        t["filter_team"],
        [None, *project.teams],
        key=PREFIX + "team",
        format_func=lambda v: t["all"] if v is None else v,
        on_change=_forget_decided,
    )
    state = state_col.selectbox(
        t["filter_state"],
        list(STATES),
        key=PREFIX + "state",
        format_func=lambda v: t[f"state_{v}"],
        on_change=_forget_decided,
    )
    question = question_col.selectbox(
        t["filter_question"],
        [None, *Question],
        key=PREFIX + "question",
        format_func=lambda v: t["all"] if v is None else v.label,
        on_change=_forget_decided,
    )
    if state == "ask_again":
        pairs = check_statements.ask_again_list(repo, project.id)
    else:
        pairs = check_statements.top_two_to_check(repo, project.id)
    kept = _decided_here()
    return [
        (r, s)
        for r, s in pairs
        if (STATES[state](s) or s.id in kept)
        and (team is None or r.team == team)
        and (question is None or s.question is question)
    ]


def _forget_decided() -> None:
    """A new filter: the statements decided so far leave the list if they no longer match it, and what
    was said about them goes (Undo is only for right after a decision)."""
    st.session_state.pop(DECIDED, None)
    st.session_state.pop(OPEN, None)
    remember(PREFIX + "filters", forget=PREFIX)


# --- one statement ---------------------------------------------------------------------------------------
def _strong_flags(verdict: Verdict) -> list[str]:
    """What the checker found that says the words may not be the person's own (names are only for the
    workshop copy)."""
    return [f.explanation for f in verdict.flags if f.strong and f.kind is not FlagKind.PERSONAL_DATA]


def card_html(t: dict[str, str], review: Review, statement: Statement, verdict: Verdict) -> str:
    """The words with flagged parts marked, whose they are, where they stand, and what was flagged: one
    block. Everything typed is escaped: it shows as text, never as HTML."""
    marked = highlighted_html(statement.text, [(f.start, f.end) for f in verdict.flags if f.strong])
    where = " · ".join(
        [
            review.person_ref,
            review.team or "–",
            review.reviewer or "–",
            statement.question.label,
            f"{t['status_label']}: {STATUS_NAMES[statement.triage_status]}",
        ]
    )
    flags = "".join(f"<li>{html.escape(f.explanation)}</li>" for f in verdict.flags if f.strong)
    return (
        f'<div class="wtfc-check" style="{CARD_STYLE}"><p style="font-size:1.05rem;margin:0">{marked}</p>'
        f'<p style="margin:0.4rem 0 0">{html.escape(where)}</p>'
        + (f'<ul style="margin:0.25rem 0 0">{flags}</ul>' if flags else "")
        + "</div>"
    )


def statement_card(t: dict[str, str], review: Review, statement: Statement, field: str | None = None) -> None:
    """A statement, what was just decided about it (with Undo), and its decisions when opened. ``field``:
    the project's field, for the own-words check."""
    key = f"{PREFIX}{statement.id}"
    verdict = check_statement(statement.text, field, relative_speaks=statement.said_by.relative)
    with st.container(border=True, key=f"check_statements_card_{statement.id}"):
        st.html(card_html(t, review, statement, verdict))
        _outcome(t, review, statement, key)
        if statement.ready_for_workshop:
            st.success(t["ready"])
            st.text(statement.card_text)
            return
        if st.session_state.get(OPEN) != statement.id:
            st.button(
                t["decide"],
                key=key + ".open",
                icon=":material/rule:",
                on_click=_open,
                args=(statement.id,),
            )
            return
        if statement.triage_status is not TriageStatus.ACCEPTED:
            _decisions(t, review, statement, key, _strong_flags(verdict))
        else:
            _workshop_copy(t, review, statement, check_statements.propose_workshop_text(statement), key)
        st.button(t["close"], key=key + ".close", on_click=_open, args=(None,))


def _open(statement_id: str | None) -> None:
    st.session_state[OPEN] = statement_id
    st.session_state.pop(CONFIRM, None)


def _places(key: str) -> tuple[str, str, str]:
    """Where a statement's messages are kept: its decisions, the words agreed with the person, its copy."""
    return key, key + ".agreed", key + ".copy"


def _outcome(t: dict[str, str], review: Review, statement: Statement, key: str) -> None:
    """What the last step in this visit did, with Undo (only right after it)."""
    said = next((done(place) for place in _places(key) if done(place)), "")
    if not said:
        return
    message, undo = st.columns([4, 1], vertical_alignment="center")
    message.success(literal(said), icon=":material/check_circle:")
    if said != t["undone"]:
        undo.button(
            t["undo"],
            key=key + ".undo",
            icon=":material/undo:",
            on_click=_run,
            args=(key, statement, use_case(check_statements.undo_decision, review.id, statement.id)),
            kwargs={"done": t["undone"]},
        )


def _run(place: str, statement: Statement, action: Callable[[], object], *, done: str = "") -> None:
    """A button's callback: carry out one step; the statement stays in its place, its decisions close,
    and what happened is said on it. A broken rule is said next to its control (``place`` keeps it), and
    the decisions stay open with what was typed."""
    key = _places(f"{PREFIX}{statement.id}")[0]
    if run_action(place, action, done=done, forget=key):
        st.session_state[DECIDED] = _decided_here() | {statement.id}
        st.session_state[OPEN] = None
        st.session_state.pop(CONFIRM, None)


def _words(statement: Statement) -> str:
    return short(statement.card_text, 80)


def _decisions(t: dict[str, str], review: Review, statement: Statement, key: str, strong: list[str]) -> None:
    decide = check_statements.triage_statement
    problems = errors(key)
    accept = use_case(decide, review.id, statement.id, TriageStatus.ACCEPTED)
    accepted = t["accepted"].format(words=_words(statement))
    if strong and st.session_state.get(CONFIRM) == statement.id:
        st.warning(t["accept_flagged"], icon=ICON)
        yes, no = st.columns(2)
        yes.button(
            t["accept_anyway"],
            key=key + ".accept_anyway",
            type="primary",
            on_click=_run,
            args=(key, statement, accept),
            kwargs={"done": accepted},
        )
        no.button(
            t["accept_not"], key=key + ".accept_not", on_click=st.session_state.pop, args=(CONFIRM, None)
        )
    elif strong:
        st.button(
            t["accept"],
            key=key + ".accept",
            type="primary",
            on_click=st.session_state.__setitem__,
            args=(CONFIRM, statement.id),
        )
    else:
        st.button(
            t["accept"],
            key=key + ".accept",
            type="primary",
            on_click=_run,
            args=(key, statement, accept),
            kwargs={"done": accepted},
        )
    field_error(problems, "status")
    reason_key = key + ".reason_text"
    st.text_input(t["reason_label"], max_chars=500, key=reason_key)
    field_error(problems, "reason")
    again, out = st.columns(2)
    for column, status, label, said in (
        (again, TriageStatus.ASK_AGAIN, "ask_again", "asked_again"),
        (out, TriageStatus.EXCLUDED, "exclude", "left_out"),
    ):
        column.button(
            t[label],
            key=f"{key}.{label}",
            on_click=lambda status=status, said=said: _run(
                key,
                statement,
                use_case(
                    decide, review.id, statement.id, status, reason=str(st.session_state.get(reason_key, ""))
                ),
                done=t[said].format(words=_words(statement)),
            ),
        )
    show_rest(key, ("status", "reason"))
    st.subheader(t["edit_heading"], anchor=False)
    agreed = _places(key)[1]
    edit_key, why_key = key + ".edit", key + ".edit_reason"
    who_key, when_key = key + ".edit_who", key + ".edit_when"
    st.caption(t["edit_help"])
    st.text_area(t["edit_label"], value=statement.card_text, key=edit_key)
    field_error(errors(agreed), "text")
    st.text_input(t["edit_who"], max_chars=120, key=who_key)
    st.caption(t["edit_who_help"])
    field_error(errors(agreed), "agreed_by")
    st.date_input(t["edit_when"], value=None, format="DD/MM/YYYY", key=when_key)
    field_error(errors(agreed), "agreed_on")
    st.text_input(t["edit_reason"], max_chars=300, key=why_key)
    field_error(errors(agreed), "reason")

    def agree() -> None:
        when = st.session_state.get(when_key)
        _run(
            agreed,
            statement,
            use_case(
                check_statements.edit_with_person,
                review.id,
                statement.id,
                str(st.session_state.get(edit_key, "")),
                agreed_by=str(st.session_state.get(who_key, "") or ""),
                agreed_on=when if isinstance(when, date) else None,
                reason=str(st.session_state.get(why_key, "")),
            ),
            done=t["agreed_saved"],
        )

    st.button(t["edit_button"], key=key + ".edit_save", on_click=agree)
    show_rest(agreed, ("text", "agreed_by", "agreed_on", "reason"))


def _workshop_copy(
    t: dict[str, str], review: Review, statement: Statement, proposal: Proposal, key: str
) -> None:
    st.subheader(t["copy_heading"], anchor=False)
    st.caption(t["copy_help"])
    if proposal.replaced:
        st.text(t["copy_replaced"].format(items=", ".join(proposal.replaced)))
    if statement.agreed_words is not None:
        st.caption(t["copy_from_agreed"])
    place = _places(key)[2]
    copy_key = key + ".copy_text"
    st.text_area(t["copy_label"], value=proposal.text, key=copy_key)
    st.caption(literal(t["copy_rule"]))
    field_error(errors(place), "text", "copy")
    st.button(
        t["copy_button"],
        key=key + ".confirm",
        type="primary",
        on_click=lambda: _run(
            place,
            statement,
            use_case(
                check_statements.confirm_workshop_text,
                review.id,
                statement.id,
                str(st.session_state.get(copy_key, "")),
            ),
            done=t["confirmed"],
        ),
    )
    show_rest(place, ("text", "copy"))
