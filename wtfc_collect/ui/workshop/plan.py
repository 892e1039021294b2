"""The Ideas and plans screen (Step 6): the theme being planned, what is already happening, the ideas of three
kinds, the dots, the cost and impact grid (``plan_grid``) and the action plans (``plan_actions``). Owns the
session-state keys starting with ``plan.``."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Idea, IdeaKind, RootCause, Theme
from wtfc_collect.domain.dot_votes import DEFAULT_DOTS, RULES, VoteTarget, next_voter_label
from wtfc_collect.domain.plan import IDEA_KIND_HINTS, IDEA_KIND_LABELS, IDEA_KINDS, TOP_IDEAS
from wtfc_collect.services.workshop import plan, success
from wtfc_collect.services.workshop.plan import VoteResults
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.feedback import errors, field_error, form_key, run_action, show, show_rest, use_case
from wtfc_collect.ui.literal import plain_label, short
from wtfc_collect.ui.tables import table
from wtfc_collect.ui.workshop.plan_actions import plans_section
from wtfc_collect.ui.workshop.plan_grid import place_form, show_grid

PREFIX = "plan."


# --- the screen, top to bottom ----------------------------------------------------------------------------
def _act(form: str, action: Callable[[], object], *, fresh: bool = True) -> None:
    """Carry out a change from a form; a broken rule is shown under its field, with the typed words kept."""
    run_action(form, action, fresh=fresh, rerun=True)


def draw(t: dict[str, str], repo: Repository, project_id: str) -> None:
    """The whole screen below its title: the theme, then a tab for each part of planning."""
    themes = plan.chosen_themes(repo, project_id)
    if not themes:
        st.info(t["no_themes"])
        return
    theme = pick_theme(themes)
    causes = plan.root_causes(repo, theme.id)
    theme_header(theme, causes, plan.causes_left(repo, theme.id))
    ideas = plan.ideas_for(repo, theme.id)

    def remove(idea_id: str) -> None:
        _act(PREFIX + "remove", use_case(plan.remove_idea, idea_id))

    show(PREFIX + "remove", once=True)
    happening, ideas_tab, vote_tab, grid_tab, plans_tab = st.tabs(
        [t["tab_happening"], t["tab_ideas"], t["tab_vote"], t["tab_grid"], t["tab_plans"]]
    )
    with happening:
        happening_section(
            theme.id,
            plan.already_happening(repo, theme.id),
            lambda text: _act(
                f"{PREFIX}happening.{theme.id}",
                use_case(plan.add_idea, theme.id, IdeaKind.ALREADY_HAPPENING, text),
            ),
            remove,
        )
    with ideas_tab:
        ideas_section(
            theme.id,
            ideas,
            causes,
            lambda kind, text, cause: _act(
                f"{PREFIX}idea.{theme.id}", use_case(plan.add_idea, theme.id, kind, text, root_cause_id=cause)
            ),
            remove,
        )
    with vote_tab:
        votes_section(
            theme.id,
            ideas,
            plan.idea_results(repo, theme.id),
            lambda voter, dots, allowed: _act(
                f"{PREFIX}vote.{theme.id}",
                use_case(plan.record_idea_votes, theme.id, voter, dots, allowed=allowed),
            ),
            lambda: _act(PREFIX + "choose", use_case(plan.choose_top_ideas, theme.id)),
            lambda ids: _act(f"{PREFIX}chosen.{theme.id}", use_case(plan.set_chosen_ideas, theme.id, ids)),
        )
    with grid_tab:
        everywhere = st.toggle(t["grid_all_themes"], key=PREFIX + "grid_all")
        rows = plan.grid(repo, project_id, None if everywhere else theme.id)
        show_grid(rows)
        place_form(rows, lambda places: _act(PREFIX + "grid.place", use_case(plan.place_ideas, places)))
    with plans_tab:
        plans_section(
            theme.id,
            plan.action_plans(repo, project_id, theme.id),
            ideas,
            success.theme_success(repo, theme.id),
            lambda details: _act(
                f"{PREFIX}new.{theme.id}", use_case(plan.create_action_plan, theme.id, details)
            ),
            lambda action, details: _act(
                f"{PREFIX}edit.{action.id}",
                use_case(plan.update_action_plan, action.id, details, expected_revision=action.revision),
                fresh=False,
            ),
        )


# --- the theme, and what is already happening -------------------------------------------------------------
def theme_name(theme: Theme) -> str:
    return theme.name or screen("plan")["unnamed"]


def pick_theme(themes: list[Theme]) -> Theme:
    """Which chosen theme the room is planning for (kept while moving between tabs and pages)."""
    t = screen("plan")
    by_id = {theme.id: theme for theme in themes}
    chosen = st.selectbox(
        t["theme_label"],
        list(by_id),
        key=PREFIX + "theme",
        format_func=lambda i: short(f"{theme_name(by_id[i])} ({by_id[i].question.label})", 140),
    )
    return by_id[chosen or next(iter(by_id))]


def theme_header(theme: Theme, causes: list[RootCause], left: list[RootCause]) -> None:
    """The theme, its top root causes (the ones ideas tackle) and, smaller, those not taken forward."""
    t = screen("plan")
    st.markdown(f"**{t['theme_heading']}** ({theme.question.label})")
    st.text(theme_name(theme))
    st.markdown(f"**{t['causes_heading']}**")
    if not causes:
        st.caption(t["no_causes"])
    for cause in causes:
        st.text(f"• {cause.cause}")
    if left:
        st.caption(t["causes_left"])
        for cause in left:
            st.caption(plain_label(f"– {cause.cause}", 300))


def _idea_lines(
    ideas: list[Idea], on_remove: Callable[[str], None], numbers: dict[str, int], word: str
) -> None:
    """Numbered lines, each with a button to take it back (named by its number, for screen readers)."""
    t = screen("plan")
    for place, idea in enumerate(ideas, start=1):
        number = numbers.get(idea.id, place)
        text_col, button_col = st.columns([5, 1], vertical_alignment="center")
        text_col.text(f"{number}. {idea.text}")
        if button_col.button(
            t["remove"].format(what=word, n=number), key=f"{PREFIX}remove.{idea.id}", help=t["remove_help"]
        ):
            on_remove(idea.id)


def happening_section(
    theme_id: str, notes: list[Idea], on_add: Callable[[str], None], on_remove: Callable[[str], None]
) -> None:
    t = screen("plan")
    st.markdown(IDEA_KIND_HINTS[IdeaKind.ALREADY_HAPPENING])
    if not notes:
        st.info(t["no_happening"])
    _idea_lines(notes, on_remove, {}, t["note_word"])
    name = f"plan.happening.{theme_id}"
    key = form_key(name)
    with st.form(key, enter_to_submit=False):
        text = st.text_area(t["happening_label"], key=key + ".text", height=90)
        field_error(errors(name), "text")
        show_rest(name, {"text"})
        if st.form_submit_button(t["happening_add"]):
            on_add(text)


def idea_numbers(ideas: list[Idea]) -> dict[str, int]:
    """Ideas are numbered 1, 2, 3 … in the order they were added, so the room can call them out."""
    return {idea.id: number for number, idea in enumerate(ideas, start=1)}


def ideas_section(
    theme_id: str,
    ideas: list[Idea],
    causes: list[RootCause],
    on_add: Callable[[IdeaKind, str, str | None], None],
    on_remove: Callable[[str], None],
) -> None:
    t = screen("plan")
    numbers = idea_numbers(ideas)
    for kind in IDEA_KINDS:
        st.subheader(IDEA_KIND_LABELS[kind], anchor=False)
        st.caption(IDEA_KIND_HINTS[kind])
        of_kind = [i for i in ideas if i.kind is kind]
        if not of_kind:
            st.text(t["no_ideas_of_kind"])
        _idea_lines(of_kind, on_remove, numbers, t["idea_word"].lower())
    name = f"plan.idea.{theme_id}"
    key = form_key(name)
    found = errors(name)
    cause_text = {c.id: c.cause for c in causes}
    with st.form(key, enter_to_submit=False):
        st.subheader(t["idea_form_heading"], anchor=False)
        kind = st.selectbox(
            t["idea_kind"], list(IDEA_KINDS), format_func=IDEA_KIND_LABELS.__getitem__, key=key + ".kind"
        )
        text = st.text_area(t["idea_text"], key=key + ".text", height=90)
        field_error(found, "text")
        cause = st.selectbox(
            t["idea_cause"],
            [None, *cause_text],
            format_func=lambda c: t["no_cause_chosen"] if c is None else short(cause_text[c]),
            key=key + ".cause",
        )
        field_error(found, "root_cause_id")
        show_rest(name, {"text", "root_cause_id"})
        if st.form_submit_button(t["idea_add"], type="primary"):
            on_add(kind, text, cause)


def dots_allowed() -> int:
    t = screen("plan")
    value = st.number_input(
        t["dots_label"],
        min_value=1,
        max_value=RULES[VoteTarget.IDEA].most,
        value=DEFAULT_DOTS,
        step=1,
        key=PREFIX + "dots",
    )
    return int(value)


def vote_form(
    theme_id: str,
    ideas: list[Idea],
    results: VoteResults,
    allowed: int,
    on_vote: Callable[[str, dict[str, int]], None],
) -> None:
    """One voter's dots: a label (never a name) and how many dots on each numbered idea."""
    t = screen("plan")
    name = f"plan.vote.{theme_id}"
    key = form_key(name)
    found = errors(name)
    numbers = idea_numbers(ideas)
    with st.form(key, enter_to_submit=False):
        st.subheader(t["vote_heading"], anchor=False)
        st.caption(t["vote_help"].format(dots=allowed))
        voter = st.text_input(
            t["voter_label"], value=next_voter_label(results.dots_used), max_chars=40, key=key + ".voter"
        )
        field_error(found, "voter")
        dots: dict[str, int] = {}
        for idea in ideas:
            dots[idea.id] = int(
                st.number_input(
                    plain_label(f"{t['idea_word']} {numbers[idea.id]}: {idea.text}"),
                    min_value=0,
                    max_value=RULES[VoteTarget.IDEA].most,
                    value=0,
                    step=1,
                    key=f"{key}.dots.{idea.id}",
                )
            )
        field_error(found, "dots", "allowed")
        show_rest(name, {"voter", "dots", "allowed"})
        if st.form_submit_button(t["vote_save"], type="primary"):
            on_vote(voter, dots)


def vote_results(
    ideas: list[Idea], results: VoteResults, allowed: int, on_choose: Callable[[], None]
) -> None:
    t = screen("plan")
    numbers = idea_numbers(ideas)
    st.subheader(t["results_heading"], anchor=False)
    if not results.dots_used:
        st.info(t["no_votes"])
    table(
        [
            {
                t["col_number"]: numbers.get(r.idea.id, ""),
                t["col_idea"]: r.idea.text,
                t["col_kind"]: IDEA_KIND_LABELS[r.idea.kind],
                t["col_dots"]: r.dots,
                t["col_voters"]: r.voters,
                t["col_chosen"]: t["yes"] if r.idea.chosen else "",
            }
            for r in results.ideas
        ],
    )
    if results.dots_used:
        st.markdown(t["voters_summary"].format(people=len(results.dots_used)))
        table([{t["col_voter"]: v, t["col_used"]: f"{n} / {allowed}"} for v, n in results.dots_used.items()])
    if results.tie_at_cut:
        st.warning(t["tie"].format(n=TOP_IDEAS), icon=":material/balance:")
    if st.button(t["choose_top"].format(n=TOP_IDEAS), key=PREFIX + "choose_top", type="primary"):
        on_choose()
    show("plan.choose", once=True)


def choose_by_hand(theme_id: str, results: VoteResults, on_save: Callable[[list[str]], None]) -> None:
    """Tick the chosen ideas by hand, for a tie or when the room decides otherwise."""
    t = screen("plan")
    name = f"plan.chosen.{theme_id}"
    key = form_key(name) + "." + ".".join(sorted(r.idea.id[:6] for r in results.ideas if r.idea.chosen))
    with st.expander(t["by_hand_heading"]), st.form(key, enter_to_submit=False):
        ticked = [
            r.idea.id
            for r in results.ideas
            if st.checkbox(plain_label(r.idea.text), value=r.idea.chosen, key=f"{key}.{r.idea.id}")
        ]
        field_error(errors(name), "chosen", "")
        if st.form_submit_button(t["by_hand_save"]):
            on_save(ticked)


def votes_section(
    theme_id: str,
    ideas: list[Idea],
    results: VoteResults,
    on_vote: Callable[[str, dict[str, int], int], None],
    on_choose: Callable[[], None],
    on_choose_by_hand: Callable[[list[str]], None],
) -> None:
    """The Dots tab: dots per person, one person's dots at a time, the results and choosing the top ideas."""
    t = screen("plan")
    if not ideas:
        st.info(t["vote_no_ideas"])
        return
    allowed = dots_allowed()
    vote_form(theme_id, ideas, results, allowed, lambda voter, dots: on_vote(voter, dots, allowed))
    vote_results(ideas, results, allowed, on_choose)
    choose_by_hand(theme_id, results, on_choose_by_hand)
