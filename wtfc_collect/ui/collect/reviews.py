"""The Reviews screen (Step 2): every review of the project with filters; open one, start a new one, make
or stop the codes that open an own review, erase a person's review, and the statements to ask again.
Owns the session-state keys starting with ``reviews.``."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from accessibility.texts import screen
from wtfc_collect import bootstrap
from wtfc_collect.domain import (
    ErasureReason,
    Project,
    Review,
    ReviewMode,
    ReviewStatus,
    Role,
    Statement,
    User,
    WithdrawalReason,
)
from wtfc_collect.domain.review import NOTE_MAX
from wtfc_collect.services.admin import erasure
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.collect import codes
from wtfc_collect.services.collect.reviews import list_reviews, start_review, withdraw_review
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context, sign_in, tables
from wtfc_collect.ui.collect.reviews_follow_up import all_actions, follow_up
from wtfc_collect.ui.feedback import errors, field_error, remember, run_action, show, show_rest, use_case
from wtfc_collect.ui.literal import literal

PREFIX = "reviews."
NEW_CODE_KEY = PREFIX + "new_code"
ERASED_KEY = PREFIX + "erased"


def status_label(status: ReviewStatus) -> str:
    return screen("reviews")[f"status_{status.value}"]


def mode_label(mode: ReviewMode) -> str:
    return screen("reviews")[f"mode_{mode.value}"]


def filtered(
    reviews: list[Review], team: str | None, status: ReviewStatus | None, mode: ReviewMode | None
) -> list[Review]:
    """Reviews matching every filter that is set (None means any)."""
    return [
        r
        for r in reviews
        if (team is None or r.team == team)
        and (status is None or r.status is status)
        and (mode is None or r.mode is mode)
    ]


def filters(project: Project) -> tuple[str | None, ReviewStatus | None, ReviewMode | None]:
    t = screen("reviews")
    team_col, status_col, mode_col = st.columns(3)
    team = team_col.selectbox(
        t["filter_team"],
        [None, *project.teams],
        key=PREFIX + "team",
        format_func=lambda v: t["all"] if v is None else v,
    )
    status = status_col.selectbox(
        t["filter_status"],
        [None, *ReviewStatus],
        key=PREFIX + "status",
        format_func=lambda v: t["all"] if v is None else status_label(v),
    )
    mode = mode_col.selectbox(
        t["filter_mode"],
        [None, *ReviewMode],
        key=PREFIX + "mode",
        format_func=lambda v: t["all"] if v is None else mode_label(v),
    )
    return team, status, mode


def table(reviews: list[Review]) -> None:
    """One row per review. Only references and counts: no statement text in the list."""
    rows = [
        {
            "Person": r.person_ref,
            "Date": r.review_date.strftime("%d/%m/%Y"),
            "Team": r.team or "",
            "Kind": mode_label(r.mode),
            "Status": status_label(r.status),
            "Things said": len(r.statements),
            "Reviewer": r.reviewer or "",
        }
        for r in reviews
    ]
    tables.table(rows, scroll_label="Reviews")


def ask_again_table(pairs: list[tuple[Review, Statement]]) -> None:
    """Statements the quality check sent back: which person, which question, the words and why."""
    rows = [
        {
            "Person": review.person_ref,
            "Reviewer": review.reviewer or "",
            "Question": statement.question.label,
            "Words": statement.text,
            "Why": statement.triage[-1].reason if statement.triage else "",
        }
        for review, statement in pairs
    ]
    tables.table(rows, scroll_label="Statements to ask again")


# --- the screen, top to bottom ----------------------------------------------------------------------------
def draw(t: dict[str, str], repo: Repository, project: Project) -> None:
    """The whole screen below its title."""
    if st.session_state.pop(ERASED_KEY, False):
        st.success(t["erased"], icon=":material/check_circle:")
    show(PREFIX + "done", once=True)
    everything = list_reviews(repo, project.id)
    shown = filtered(everything, *filters(project))
    if shown:
        table(shown)
        st.caption(t["count"].format(shown=len(shown), total=len(everything)))
        chosen = st.selectbox(
            t["open_label"],
            shown,
            key=PREFIX + "open_choice",
            format_func=lambda r: (
                f"{r.person_ref} · {r.review_date:%d/%m/%Y} · {mode_label(r.mode)} · {status_label(r.status)}"
            ),
        )
        if st.button(t["open_button"], type="primary", key=PREFIX + "open") and chosen is not None:
            context.choose_review(chosen.id)
            st.switch_page(
                "pages/self_review.py" if chosen.mode is ReviewMode.SELF else "pages/review_with_person.py"
            )
        if chosen is not None and chosen.mode is ReviewMode.SELF:
            code_section(t, repo, chosen)
        if chosen is not None:
            withdraw(t, chosen)
            erase(t, chosen)
            follow_up(repo, chosen)
    else:
        st.info(t["none_found"])
    ask_again = check_statements.ask_again_list(repo, project.id)
    if ask_again:
        st.header(t["ask_again_heading"], anchor=False)
        st.caption(t["ask_again_help"])
        ask_again_table(ask_again)
    all_actions(repo, project)
    st.divider()
    if st.button(t["new_staff"], key=PREFIX + "new_staff"):
        context.choose_review(None)
        st.switch_page("pages/review_with_person.py")
    _new_own_review(t, project)


def _new_own_review(t: dict[str, str], project: Project) -> None:
    """Start an own review for someone, by their reference, then hand the device over."""
    form = PREFIX + "new_self"
    with st.form(form, enter_to_submit=False):
        person_ref = st.text_input(t["self_ref_label"], max_chars=40, key=PREFIX + "self_ref")
        st.caption(t["self_ref_help"])
        field_error(errors(form), "person_ref", "")
        team: str | None = None
        if project.teams:  # the review counts for a team, as one with staff does (the signed-in person's)
            choices: list[str | None] = [None, *project.teams]
            team = st.selectbox(
                t["self_team_label"],
                choices,
                index=choices.index(usual_team(project, context.user())),
                key=PREFIX + "self_team",
                format_func=lambda v: t["self_team_none"] if v is None else str(v),
            )
            field_error(errors(form), "team")
        start_self = st.form_submit_button(t["new_self"])
    if not start_self:
        return
    started: list[Review] = []
    start = use_case(
        start_review,
        project.id,
        person_ref=person_ref,
        review_date=context.now().date(),
        mode=ReviewMode.SELF,
        details={"team": team} if team else None,
    )
    if run_action(form, lambda: started.append(start())):
        hand_over(started[0].id, form)
    st.rerun()


def usual_team(project: Project, user: User | None) -> str | None:
    """The first of the signed-in person's teams that the project has, if any: where a new review starts."""
    teams = user.teams if user is not None else ()
    return next(
        (team for team in project.teams if any(team.casefold() == mine.casefold() for mine in teams)), None
    )


def hand_over(review_id: str, key: str) -> None:
    """Give this device to the person for their own review: staff are signed out of this tab, and the person
    sees their review only (never a staff page). Staff sign in again to carry on."""
    person: list[User] = []
    if run_action(key, lambda: person.append(use_case(codes.hand_over, review_id)())):
        sign_in.hand_over_to(person[0])
        st.switch_page("pages/self_review.py")


# --- codes that open an own review, and erasing a review ---------------------------------------------------
def _day(moment: datetime) -> str:
    return f"{moment:%d/%m/%Y}"


def _link(code: str) -> str:
    """The app's own address with the code in it; the code leaves the address once used."""
    base = (st.context.url or "").split("?")[0].rstrip("/").removesuffix("/reviews")
    return f"{base}/?code={code}"


def code_section(t: dict[str, str], repo: Repository, review: Review) -> None:
    """Make, show and stop the codes that open ``review`` for the person on their own."""
    st.header(t["code_heading"], anchor=False)
    st.markdown(t["code_help"])
    now = context.now()
    fresh = st.session_state.get(NEW_CODE_KEY)
    if isinstance(fresh, tuple) and fresh[0] == review.id:
        _, code, expires = fresh
        st.success(t["new_code"].format(code=code, expires=expires), icon=":material/key:")
        st.code(_link(code), language=None)
    give = f"{PREFIX}hand_over.{review.id}"
    if st.button(t["hand_over"], key=give, type="primary"):
        hand_over(review.id, give)
    show(give)
    st.caption(t["hand_over_help"])
    make = f"{PREFIX}make_code.{review.id}"
    if st.button(t["make_code"], key=make):
        made: list[tuple[str, str]] = []
        invite = use_case(codes.invite, review.id)

        def invite_and_keep() -> None:
            invitation, code = invite()
            made.append((code, _day(invitation.expires_at)))

        if run_action(make, invite_and_keep):
            st.session_state[NEW_CODE_KEY] = (review.id, *made[0])
            st.rerun()
    show(make)
    listed = codes.invitations(repo, review.id)
    if not listed:
        st.caption(t["codes_none"])
    for invitation in listed:
        if invitation.revoked_at is not None:
            state = t["state_stopped"]
        elif codes.is_active(invitation, now):
            state = t["state_active"].format(expires=_day(invitation.expires_at))
        else:
            state = t["state_expired"]
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.markdown(
            t["code_row"].format(
                made=_day(invitation.created_at), by=literal(invitation.created_by), state=state
            )
        )
        stop = f"{PREFIX}stop_code.{invitation.id}"
        pressed = codes.is_active(invitation, now) and right.button(t["stop_code"], key=stop)
        if pressed and run_action(stop, use_case(codes.revoke, review.id, invitation.id)):
            st.session_state.pop(NEW_CODE_KEY, None)
            st.toast(t["stopped"])
            st.rerun()
        show(stop)


def withdraw(t: dict[str, str], review: Review) -> None:
    """The person took back their agreement: their words stop going forward (the review is kept)."""
    if review.status is ReviewStatus.WITHDRAWN:
        why = review.withdrawn_reason.label if review.withdrawn_reason else ""
        st.info(t["withdrawn_already"].format(reason=why))
        if review.withdrawn_note:
            st.text(review.withdrawn_note)
        return
    form = f"{PREFIX}withdraw.{review.id}"
    with st.expander(t["withdraw_heading"]):
        st.markdown(t["withdraw_help"])
        with st.form(form):
            reason = st.radio(
                t["withdraw_reason"], list(WithdrawalReason), index=None, format_func=lambda r: r.label
            )
            field_error(errors(form), "reason")
            note = st.text_area(t["withdraw_note"], max_chars=NOTE_MAX, height=80)
            st.caption(t["withdraw_note_help"])
            field_error(errors(form), "note")
            sure = st.checkbox(t["withdraw_confirm"])
            if st.form_submit_button(t["withdraw_button"]):
                if not sure:
                    remember(form, {"": t["erase_need_confirm"]})
                elif run_action(form, use_case(withdraw_review, review.id, reason=reason, note=note)):
                    remember(PREFIX + "done", done=t["withdrawn"])
                st.rerun()  # messages are drawn beside their fields, above the button
            show_rest(form, ("reason", "note"))


def erase(t: dict[str, str], review: Review) -> None:
    """Erase the person's review for good (quality leads and administrators)."""
    signed_in = context.user()
    if signed_in is None or signed_in.role not in {Role.ADMINISTRATOR, Role.QUALITY_LEAD}:
        return
    form = f"{PREFIX}erase.{review.id}"
    with st.expander(t["erase_heading"]):
        st.markdown(t["erase_help"])
        with st.form(form):
            reason = st.radio(
                t["erase_reason"], list(ErasureReason), index=None, format_func=lambda r: r.label
            )
            field_error(errors(form), "reason")
            sure = st.checkbox(t["erase_confirm"])
            pressed = st.form_submit_button(t["erase_button"])
            if pressed and not sure:
                remember(form, {"": t["erase_need_confirm"]})
            elif pressed:
                erase_now = use_case(
                    erasure.erase_person,
                    context.recordings(),
                    review.id,
                    reason=reason,
                    backups=bootstrap.backup_dir(),
                )
                if run_action(form, erase_now):
                    st.session_state[ERASED_KEY] = True
                    context.choose_review(None)
                st.rerun()  # messages are drawn beside their fields, above the button
            show_rest(form, ("reason",))
