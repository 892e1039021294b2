"""Pieces of the "Understand: why?" screen (Step 4). Owns the keys starting with ``understand.``.

Everything the room or a person wrote is shown as text: escaped before it goes into any HTML, never as
Markdown. Forms keep what was typed after a mistake; they start afresh only after something was saved.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

import altair as alt
import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import RootCause, Theme
from wtfc_collect.domain.dot_votes import DEFAULT_DOTS, RULES, VoteTarget, next_voter_label
from wtfc_collect.domain.understand import MAX_WHYS, mentions_money, suggested_cause
from wtfc_collect.services.workshop import understand
from wtfc_collect.services.workshop.understand import CauseResult, ThemeEvidence
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import charts
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.feedback import ICON, errors, form_version, run_action, use_case
from wtfc_collect.ui.literal import plain_label
from wtfc_collect.ui.tables import big_table

SCREEN = "understand"
PREFIX = SCREEN + "."
SHOWN_STATEMENTS = 4
Problems = Mapping[str, str]


# Fixed CSS only, never user text: bigger values in boxes and lists, for a room reading a projector.
PROJECTOR_CSS = """
<style>
.stMainBlockContainer input, .stMainBlockContainer [data-baseweb="select"] div { font-size: 1.3rem; }
</style>
"""


# --- the screen, top to bottom ----------------------------------------------------------------------------
def draw(t: dict[str, str], repo: Repository, project_id: str) -> None:
    """The whole screen below its title: the theme and its evidence, its five-whys chains, and the dots on
    the root causes they end in."""
    projector_style()
    themes = understand.chosen_themes(repo, project_id)
    if not themes:
        st.info(t["no_themes"])
        return
    theme = theme_picker(themes, PREFIX, t["theme_label"])
    evidence(understand.theme_evidence(repo, theme))
    st.header(t["chains_heading"], anchor=False)
    chains = understand.chains(repo, theme.id)
    if not chains:
        st.info(t["no_chains"])
    for number, chain in enumerate(chains, start=1):
        chain_card(chain, number, _chain_actions(chain))
    new_chain_form(lambda why, because: act(SCREEN, use_case(understand.start_chain, theme.id, why, because)))
    st.header(t["vote_heading"], anchor=False)
    st.markdown(t["vote_help"])
    causes = understand.cause_results(repo, theme.id)
    if not causes:
        st.info(t["no_causes"])
        return
    dots = understand.theme_dots(repo, theme.id)
    dots_form(
        causes,
        dots,
        lambda voter, given, allowed: act(
            SCREEN, use_case(understand.record_dots, theme.id, voter, given, allowed=allowed)
        ),
    )
    results(causes, dots)
    forward_form(
        causes,
        understand.suggested_causes(repo, theme.id),
        lambda ids: act(SCREEN, use_case(understand.take_forward, theme.id, ids)),
    )


def _chain_actions(chain: RootCause) -> dict[str, Callable[..., Problems]]:
    """What the forms of one chain can do; each sends the revision the form was filled in from."""
    rev = {"expected_revision": chain.revision}
    return {
        "add": lambda why, because: act(SCREEN, use_case(understand.add_step, chain.id, why, because, **rev)),
        "edit": lambda n, why, because: act(
            SCREEN, use_case(understand.edit_step, chain.id, n, why, because, **rev)
        ),
        "remove_step": lambda n: act(SCREEN, use_case(understand.remove_step, chain.id, n, **rev)),
        "cause": lambda cause: act(SCREEN, use_case(understand.set_cause, chain.id, cause, **rev)),
        "remove": lambda: act(SCREEN, use_case(understand.remove_chain, chain.id)),
    }


# --- shared with the success screen -----------------------------------------------------------------------
def projector_style() -> None:
    """Large type for a workshop screen: the easy-read sizes, and bigger text inside inputs."""
    easy_read_style()
    st.html(PROJECTOR_CSS)


def version(screen_key: str) -> int:
    """Part of every form key of the screen: it changes after a save, so the forms show what is stored."""
    return form_version(screen_key)


def act(screen_key: str, action: Callable[[], object]) -> Problems:
    """Run a use case from a form. After a save the screen is drawn again with what is stored now; a broken
    rule comes back as plain messages by field, for the form to show in its places (typed words kept)."""
    if run_action(screen_key, action, fresh=True):
        st.rerun()
    return errors(screen_key)


def show_problems(problems: Problems, slots: Mapping[str, Any], rest: Any) -> None:
    """Each message in the slot under its field; messages about anything else in ``rest``."""
    for field, message in problems.items():
        slots.get(field, rest).error(message, icon=ICON)


def big_text(text: str, size: float = 1.5, bold: bool = False) -> None:
    """Someone's words in large type, as text (escaped: typed HTML or Markdown shows as it was typed)."""
    weight = "700" if bold else "400"
    body = html.escape(text).replace("\n", "<br>")
    st.html(f'<p style="font-size:{size}rem;font-weight:{weight};line-height:1.4;margin:0.2rem 0">{body}</p>')


def heading(text: str) -> None:
    """A section heading made from words someone typed (a perspective's name), as text."""
    st.html(f'<h2 style="font-size:1.8rem;margin:1.2rem 0 0.4rem">{html.escape(text)}</h2>')


def theme_label(theme: Theme) -> str:
    return theme.name or f"{screen('understand')['unnamed']} ({theme.question.label})"


def theme_picker(themes: list[Theme], prefix: str, label: str) -> Theme:
    by_id = {t.id: t for t in themes}
    chosen = st.selectbox(
        label, list(by_id), key=prefix + "theme", format_func=lambda tid: theme_label(by_id[tid])
    )
    return by_id.get(chosen or "", themes[0])


def evidence(found: ThemeEvidence, shown: int = SHOWN_STATEMENTS) -> None:
    """The theme's "I" statement, how many people it stands for, and a few of their (anonymised) words."""
    t = screen("understand")
    big_text(theme_label(found.theme), 2.2, bold=True)
    st.caption(found.theme.question.label)
    if not found.statements:
        st.info(t["nobody"])
        return
    st.markdown(t["people"].format(people=found.people, statements=len(found.statements)))
    if shown:
        st.markdown(t["some_said"])
        for words in found.statements[:shown]:
            big_text(f"“{words}”", 1.3)
        if len(found.statements) > shown:
            st.caption(t["more_said"].format(count=len(found.statements) - shown))


# --- five whys --------------------------------------------------------------------------------------------
ChainAction = Callable[..., Problems]


def _steps(chain: RootCause) -> None:
    t = screen("understand")
    for number, step in enumerate(chain.chain, start=1):
        st.markdown(f"**{t['step_label'].format(number=number)}**")
        left, right = st.columns(2)
        with left:
            st.markdown(f"**{t['why_label']}**")
            big_text(step.why, 1.4)
        with right:
            st.markdown(f"**{t['because_label']}**")
            big_text(step.because, 1.4)


def _step_forms(
    chain: RootCause, chain_number: int, key: str, on_edit: ChainAction, on_remove: ChainAction
) -> None:
    t = screen("understand")
    for number, step in enumerate(chain.chain, start=1):
        with st.form(f"{key}.edit{number}", enter_to_submit=False):
            why = st.text_area(t["why_label"], step.why, key=f"{key}.edit{number}.why")
            why_slot = st.empty()
            because = st.text_area(t["because_label"], step.because, key=f"{key}.edit{number}.because")
            because_slot = st.empty()
            rest = st.empty()
            save, remove = st.columns(2)
            if save.form_submit_button(t["save_step"].format(number=number, chain=chain_number)):
                show_problems(on_edit(number, why, because), {"why": why_slot, "because": because_slot}, rest)
            if remove.form_submit_button(t["remove_step"].format(number=number, chain=chain_number)):
                show_problems(on_remove(number), {}, rest)


def _next_step_form(chain: RootCause, chain_number: int, key: str, on_add: ChainAction) -> None:
    t = screen("understand")
    number = len(chain.chain) + 1
    if number > MAX_WHYS:
        st.info(t["five_reached"])
        return
    with st.form(f"{key}.next", enter_to_submit=False):
        st.markdown(f"**{t['next_why'].format(number=number)}**")
        why = st.text_area(t["why_label"], key=f"{key}.next.why", placeholder=t["why_placeholder"])
        why_slot = st.empty()
        because = st.text_area(
            t["because_label"], key=f"{key}.next.because", placeholder=t["because_placeholder"]
        )
        because_slot = st.empty()
        rest = st.empty()
        if st.form_submit_button(t["add_step"].format(number=number, chain=chain_number)):
            show_problems(on_add(why, because), {"why": why_slot, "because": because_slot}, rest)


def _cause_form(chain: RootCause, number: int, key: str, on_cause: ChainAction) -> None:
    t = screen("understand")
    with st.form(f"{key}.cause", enter_to_submit=False):
        cause = st.text_area(
            t["cause_label"].format(number=number), suggested_cause(chain), key=f"{key}.cause.text"
        )
        if not chain.cause:
            st.caption(t["cause_unsaved"])
        slot = st.empty()
        if st.form_submit_button(t["save_cause"].format(number=number), type="primary"):
            show_problems(on_cause(cause), {"cause": slot}, slot)


def _remove_form(key: str, number: int, on_remove_chain: Callable[[], Problems]) -> None:
    t = screen("understand")
    with st.form(f"{key}.remove", enter_to_submit=False):
        sure = st.checkbox(t["remove_confirm"], key=f"{key}.remove.sure")
        slot = st.empty()
        if st.form_submit_button(t["remove_chain"].format(number=number)):
            show_problems(on_remove_chain() if sure else {"": t["confirm_needed"]}, {}, slot)


def chain_card(chain: RootCause, number: int, actions: Mapping[str, Callable[..., Problems]]) -> None:
    """One chain: its whys and becauses, its root cause, and the forms to grow or change it.

    ``actions`` holds ``add``, ``edit``, ``remove_step``, ``cause`` and ``remove`` for this chain.
    """
    t = screen("understand")
    key = f"{PREFIX}{version(SCREEN)}.{chain.id}"
    with st.container(border=True):
        st.subheader(t["chain_heading"].format(number=number), anchor=False)
        _steps(chain)
        st.markdown(f"**{t['cause_heading']}**")
        if chain.cause:
            big_text(chain.cause, 1.6, bold=True)
            if mentions_money(chain.cause):
                st.caption(t["money_hint"])
        else:
            st.info(t["no_cause"])
        if not chain.cause:  # still being built: the next why and the cause are the main actions
            _next_step_form(chain, number, key, actions["add"])
            _cause_form(chain, number, key, actions["cause"])
        with st.expander(t["change_chain"].format(number=number)):
            _step_forms(chain, number, key, actions["edit"], actions["remove_step"])
            if chain.cause:
                _next_step_form(chain, number, key, actions["add"])
                _cause_form(chain, number, key, actions["cause"])
            _remove_form(key, number, actions["remove"])


def new_chain_form(on_start: Callable[[str, str], Problems]) -> None:
    t = screen("understand")
    key = f"{PREFIX}{version(SCREEN)}.new"
    with st.form(key, enter_to_submit=False):
        st.subheader(t["new_chain"], anchor=False)
        why = st.text_area(t["first_why"], key=key + ".why", placeholder=t["why_placeholder"])
        why_slot = st.empty()
        because = st.text_area(t["first_because"], key=key + ".because", placeholder=t["because_placeholder"])
        because_slot = st.empty()
        rest = st.empty()
        if st.form_submit_button(t["start_chain"], type="primary"):
            show_problems(on_start(why, because), {"why": why_slot, "because": because_slot}, rest)


# --- dots on root causes ----------------------------------------------------------------------------------
def dots_form(
    causes: list[CauseResult],
    dots: Mapping[str, Mapping[str, int]],
    on_save: Callable[[str, dict[str, int], int], Problems],
) -> None:
    """Record one person's dots across the root causes; pick someone already recorded to change theirs."""
    t = screen("understand")
    allowed = int(
        st.number_input(
            t["dots_each"],
            1,
            RULES[VoteTarget.ROOT_CAUSE].most,
            DEFAULT_DOTS,
            step=1,
            key=PREFIX + "dots_each",
        )
    )
    st.markdown(t["causes_list"])
    in_order = sorted(causes, key=lambda c: c.number)
    for result in in_order:
        st.markdown(f"**{t['cause_item'].format(number=result.number)}**")
        big_text(result.cause.cause, 1.3)
    voters = list(dots)
    who = st.selectbox(
        t["whose_dots"],
        [None, *voters],
        key=f"{PREFIX}{version(SCREEN)}.who",
        format_func=lambda v: t["new_voter"] if v is None else v,
    )
    key = f"{PREFIX}{version(SCREEN)}.dots.{who or ''}"
    current = dots.get(who or "", {})
    with st.form(key, enter_to_submit=False):
        label = st.text_input(
            t["voter_label"], who or next_voter_label(voters), key=key + ".voter", disabled=who is not None
        )
        voter_slot = st.empty()
        given = {
            r.cause.id: int(
                st.number_input(
                    t["dots_on"].format(number=r.number),
                    0,
                    RULES[VoteTarget.ROOT_CAUSE].most,
                    current.get(r.cause.id, 0),
                    step=1,
                    key=f"{key}.{r.cause.id}",
                )
            )
            for r in in_order
        }
        rest = st.empty()
        if st.form_submit_button(t["save_dots"], type="primary"):
            show_problems(on_save(who or label, given, allowed), {"voter": voter_slot}, rest)


def results(causes: list[CauseResult], dots: Mapping[str, Mapping[str, int]]) -> None:
    """The root causes, most dots first: a table, and the same figures as a bar chart."""
    t = screen("understand")
    st.subheader(t["results_heading"], anchor=False)
    total = sum(sum(per.values()) for per in dots.values())
    st.markdown(t["voted"].format(voters=len(dots), dots=total))
    big_table(
        [t["col_place"], t["col_cause"], t["col_chain"], t["col_dots"], t["col_voters"], t["col_forward"]],
        [
            (place, r.cause.cause, r.number, r.dots, r.voters, t["yes"] if r.cause.taken_forward else t["no"])
            for place, r in enumerate(causes, start=1)
        ],
    )
    # Short labels on the chart ("Root cause 2"); the table above gives each cause in full.
    data = [
        {"cause": t["cause_item"].format(number=r.number), "dots": r.dots, "place": place}
        for place, r in enumerate(causes, start=1)
    ]
    chart = (
        alt.Chart(alt.InlineData(values=data))
        .mark_bar(color="#1F4E79")
        .encode(
            x=alt.X(
                "dots:Q",
                title=t["col_dots"],
                axis=alt.Axis(tickMinStep=1, format="d", labelFontSize=18, titleFontSize=18),
            ),
            y=alt.Y(
                "cause:N",
                title=None,
                sort=alt.SortField("place"),
                axis=alt.Axis(labelFontSize=18, labelLimit=300),
            ),
        )
        .properties(height=alt.Step(56))
    )
    charts.chart(chart, alt_text=t["chart_caption"])
    st.caption(t["chart_caption"])


# --- the top root causes, taken forward -------------------------------------------------------------------
def forward_form(
    causes: list[CauseResult], suggested: list[str], on_save: Callable[[list[str]], Problems]
) -> None:
    """Tick the root causes to take forward: those already taken forward, or else the top ones by dots."""
    t = screen("understand")
    st.subheader(t["forward_heading"], anchor=False)
    st.markdown(t["forward_help"])
    taken = [r.cause.id for r in causes if r.cause.taken_forward]
    ticked = set(taken or suggested)
    if not taken and suggested:
        st.caption(t["forward_suggested"])
    key = f"{PREFIX}{version(SCREEN)}.forward." + ".".join(sorted(c[:6] for c in taken))
    with st.form(key, enter_to_submit=False):
        chosen = [
            r.cause.id
            for r in causes
            if st.checkbox(
                plain_label(t["forward_item"].format(number=r.number, dots=r.dots, cause=r.cause.cause), 200),
                value=r.cause.id in ticked,
                key=f"{key}.{r.cause.id}",
            )
        ]
        slot = st.empty()
        if st.form_submit_button(t["forward_save"], type="primary"):
            show_problems(on_save(chosen), {"forward": slot}, slot)
    left = [r for r in causes if taken and not r.cause.taken_forward]
    if left:
        st.markdown(f"**{t['not_forward_heading']}**")
        for r in left:
            big_text(r.cause.cause, 1.1)
