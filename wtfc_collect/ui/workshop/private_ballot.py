"""The Private ballot screen (Step 3): dots on the "not working" themes given where nobody sees who put
them where. Open a ballot on paper slips (typed in here, one slip at a time) or on people's own phones (the
workshop code and the address to show on the projector), watch how many ballots are in beside how many
people came, close it, then see the results, also by the voters' perspectives. Owns the session-state keys
starting with ``private_ballot.``."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from wtfc_collect.domain import Project
from wtfc_collect.domain.participation import PERSPECTIVE_LABELS, ParticipantPerspective
from wtfc_collect.domain.private_ballot import Ballot, BallotMode
from wtfc_collect.services.workshop import private_ballot
from wtfc_collect.services.workshop.private_ballot import PerspectiveResult
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context, tables
from wtfc_collect.ui.feedback import form_key, run_action, show, use_case
from wtfc_collect.ui.literal import plain_label
from wtfc_collect.ui.navigation import VOTE

PREFIX = "private_ballot."
CODE_KEY = PREFIX + "code"  # (ballot id, code): the code is shown to this session only, never stored
OPEN = PREFIX + "open"
SLIP = PREFIX + "slip"
PERSPECTIVES: tuple[ParticipantPerspective | None, ...] = (None, *ParticipantPerspective)


def draw(t: dict[str, str], repo: Repository, project: Project) -> None:
    """The whole screen below its title."""
    ballot = private_ballot.latest_ballot(repo, project.id)
    if ballot is not None and ballot.is_open:
        _open_ballot(t, repo, ballot)
    else:
        _start(t, project, ballot)
        _results(t, repo, project)


def _start(t: dict[str, str], project: Project, last: Ballot | None) -> None:
    if last is not None:
        st.caption(t["last_closed"].format(when=f"{last.closed_at or last.opened_at:%d/%m/%Y %H:%M}"))
    st.header(t["open_heading"], anchor=False)
    modes = list(BallotMode)
    mode = st.radio(
        t["mode_label"],
        modes,
        format_func=lambda m: t[f"mode_{m.value}"],
        captions=[t[f"mode_{m.value}_help"] for m in modes],
        key=PREFIX + "mode",
    )
    if st.button(t["open_button"], type="primary", key=OPEN + ".button"):
        opened: list[tuple[Ballot, str | None]] = []
        if run_action(OPEN, lambda: opened.append(use_case(private_ballot.open_ballot, project.id, mode)())):
            ballot, code = opened[0]
            if code is not None:
                st.session_state[CODE_KEY] = (ballot.id, code)
            st.rerun()
    show(OPEN)


def _vote_address() -> str:
    base = (st.context.url or "").split("?")[0].rstrip("/")
    return base.rsplit("/", 1)[0] + f"/{VOTE}" if base.endswith("/private_ballot") else f"{base}/{VOTE}"


def _open_ballot(t: dict[str, str], repo: Repository, ballot: Ballot) -> None:
    st.success(t[f"is_open_{ballot.mode.value}"].format(dots=ballot.dots, themes=len(ballot.options)))
    if ballot.mode is BallotMode.DEVICES:
        _code(t, ballot)
    else:
        _slip(t, ballot)
    progress = private_ballot.ballot_progress(repo, ballot.id, context.now().date())
    st.header(t["progress_heading"], anchor=False)
    if progress.people_here is None:
        st.write(t["progress_in"].format(n=progress.ballots_in))
    else:
        st.write(t["progress_in_of"].format(n=progress.ballots_in, here=progress.people_here))
        if progress.ballots_in > progress.people_here:
            st.warning(t["progress_too_many"], icon=":material/warning:")
    st.caption(t["hidden_while_open"])
    close = PREFIX + "close"
    pressed = st.button(t["close_button"], type="primary", key=close)
    if pressed and run_action(close, use_case(private_ballot.close_ballot, ballot.id)):
        st.session_state.pop(CODE_KEY, None)
        st.rerun()
    show(close)


def _code(t: dict[str, str], ballot: Ballot) -> None:
    kept = st.session_state.get(CODE_KEY)
    if isinstance(kept, tuple) and kept[0] == ballot.id:
        st.header(t["code_shown"].format(code=kept[1]), anchor=False)
        st.write(t["code_where"])
        st.code(_vote_address(), language=None)
    else:
        st.info(t["code_hidden"])
    again = PREFIX + "new_code"
    if st.button(t["new_code_button"], key=again):
        made: list[str] = []
        if run_action(again, lambda: made.append(use_case(private_ballot.new_ballot_code, ballot.id)())):
            st.session_state[CODE_KEY] = (ballot.id, made[0])
            st.rerun()
    show(again)


def _slip(t: dict[str, str], ballot: Ballot) -> None:
    """One paper slip: the themes ticked on it and the perspective written on it."""
    st.header(t["slip_heading"], anchor=False)
    st.caption(t["slip_help"].format(dots=ballot.dots))
    with st.form(form_key(SLIP), enter_to_submit=False):
        ticked = [
            option.target_id
            for option in ballot.options
            if st.checkbox(plain_label(option.name, 120), key=f"{form_key(SLIP)}.{option.target_id}")
        ]
        perspective = st.radio(
            t["slip_perspective"],
            PERSPECTIVES,
            format_func=lambda p: t["not_written"] if p is None else PERSPECTIVE_LABELS[p],
            horizontal=True,
        )
        sent = st.form_submit_button(t["slip_button"], type="primary")
    if sent:
        saved: list[str] = []
        enter = use_case(private_ballot.enter_slip, ballot.id, ticked, perspective)
        if run_action(SLIP, lambda: saved.append(enter()), fresh=True):
            st.session_state[SLIP + ".saved"] = saved[0]
        st.rerun()
    label = st.session_state.pop(SLIP + ".saved", None)
    if isinstance(label, str):
        st.success(t["slip_saved"].format(label=label))
    show(SLIP)


def _results(t: dict[str, str], repo: Repository, project: Project) -> None:
    found = [r for r in private_ballot.results_by_perspective(repo, project.id) if r.tally.total]
    st.header(t["results_heading"], anchor=False)
    if not found:
        st.caption(t["results_none"])
        return
    st.caption(t["results_help"])
    tables.table(_result_rows(t, found))


def _result_rows(t: dict[str, str], found: Sequence[PerspectiveResult]) -> list[dict[str, object]]:
    return [
        {
            t["col_theme"]: result.name,
            t["col_dots"]: result.tally.total,
            **{label: result.tally.dots.get(p, 0) for p, label in PERSPECTIVE_LABELS.items()},
            t["not_said"]: result.tally.dots.get(None, 0),
        }
        for result in found
    ]
