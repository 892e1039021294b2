"""Pieces of the card call screen (Step 3). Owns the keys starting with ``card_call.``.

Built for a projector: the card in large type, every action a button or a list (no dragging), and each
message in plain words next to the control it is about. People's words and theme names are shown as text
(``st.text``, or escaped HTML), never as Markdown. What was typed stays after a mistake; it is cleared
only once the change is saved.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Question
from wtfc_collect.domain.theme import ORDER
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.workshop import card_call
from wtfc_collect.services.workshop.card_call import CardCallView
from wtfc_collect.services.workshop.themes import ThemeView
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import links
from wtfc_collect.ui.feedback import form_key, run_action, show, show_rest, use_case
from wtfc_collect.ui.literal import literal
from wtfc_collect.ui.workshop import card_call_suggestions

PREFIX = "card_call."
CHECK_STATEMENTS = "pages/check_statements.py"
NOTICE = ":material/info:"
# Fixed CSS only. For a projector: larger text in lists, boxes and tick boxes on these screens.
PROJECTOR_CSS = """
<style>
.stMainBlockContainer [data-baseweb="select"] *, .stMainBlockContainer input { font-size: 1.3rem; }
.stMainBlockContainer [data-testid="stCheckbox"] label > div:not([data-testid]) { transform: scale(1.5);
  margin: 0.3rem 0.9rem 0 0.3rem; }
</style>
"""
# The current card in large, high-contrast type inside a thick border.
CARD_CSS = """
<style>
.st-key-card_call_current { border: 4px solid #000; border-radius: 12px; background: #fff;
  padding: 1.5rem 2rem; }
.st-key-card_call_current [data-testid="stText"],
.st-key-card_call_current [data-testid="stText"] * { font-size: 2.4rem; line-height: 1.35; color: #000;
  white-space: pre-wrap; font-family: inherit; }
</style>
"""


def projector_style() -> None:
    """Larger controls for a room reading the screen from a distance (fixed CSS, never user text)."""
    st.html(PROJECTOR_CSS)


def _t() -> dict[str, str]:
    return screen("card_call")


# --- running a change -----------------------------------------------------------------------------------
def _run(control: str, action: Callable[[], object], *, fresh: bool = False) -> None:
    """A button's callback: run the use case; a broken rule is shown next to ``control``. With ``fresh``,
    the widgets keyed by ``form_key(control)`` start new and empty once it worked."""
    run_action(PREFIX + control, action, fresh=fresh, conflict=_t()["conflict"], forget=PREFIX)


def _value(key: str) -> Any:
    return st.session_state.get(key)


def theme_label(view: ThemeView) -> str:
    t = _t()
    name = view.theme.name or t["unnamed"]
    return f"{name} ({sized(t, view.statements, view.people)})"


def sized(t: dict[str, str], cards: int, people: int) -> str:
    """ "4 cards from 3 people", "1 card from 1 person": a theme's size in plain words."""
    return t["size"].format(
        cards=cards,
        card_word=t["card_one"] if cards == 1 else t["card_many"],
        people=people,
        person_word=t["person_one"] if people == 1 else t["person_many"],
    )


def theme_heading(text: str) -> None:
    """A theme's name in large type, as text (escaped: typed HTML or Markdown shows as typed)."""
    st.html(f'<h3 style="font-size:1.9rem;margin:0.2rem 0">{html.escape(text)}</h3>')


# --- the screen, top to bottom ----------------------------------------------------------------------------
def draw(repo: Repository, project_id: str) -> None:
    """The whole screen below its title: the question, the card to read out beside the themes it can go
    into, where the card call stands, the parked cards, the themes, and merging and finishing."""
    projector_style()
    question = question_picker(repo, project_id)
    view = card_call.card_call(repo, project_id, question)
    current_card(project_id, view)  # first: on a projector the card and its buttons fit without scrolling
    progress(view, check_statements.waiting_for_check(repo, project_id, question))
    parked_cards(project_id, view)
    card_call_suggestions.draw(project_id, view)
    theme_list(view)
    merge_and_finish(project_id, view)


def question_picker(repo: Repository, project_id: str) -> Question:
    """Which question the room is sorting: "what is working" first, as the guide asks."""
    start = card_call.question_to_start(repo, project_id)
    chosen = st.radio(
        _t()["question"],
        list(ORDER),
        index=ORDER.index(start),
        key=PREFIX + "question",
        format_func=lambda q: q.label,
        horizontal=True,
    )
    return chosen if isinstance(chosen, Question) else start


def progress(view: CardCallView, waiting_for_check: int) -> None:
    """How many cards are placed, parked and still to read out; cards that came after the question was
    finished; and the statements still waiting on Check statements (not in the card call until then)."""
    t = _t()
    text = t["progress"].format(placed=view.placed, total=view.total)
    st.progress(view.placed / view.total if view.total else 0.0, text=text)
    st.markdown(t["parked_count"].format(parked=len(view.parked), waiting=len(view.waiting)))
    if view.call.finished and view.waiting:
        st.warning(t["late_cards"].format(cards=_cards(t, len(view.waiting))), icon=NOTICE)
    if waiting_for_check:
        st.info(t["waiting_for_check"].format(count=waiting_for_check), icon=NOTICE)
        if links.can_open(CHECK_STATEMENTS):
            links.page_link(CHECK_STATEMENTS, t["waiting_link"])
        else:
            st.markdown(t["waiting_ask"])


def _cards(t: dict[str, str], count: int) -> str:
    return f"{count} {t['card_one'] if count == 1 else t['card_many']}"


def current_card(project_id: str, view: CardCallView) -> None:
    """The card to read out now beside the themes it can go into (one press puts it there), with Park,
    Undo and a new theme under it: on a projector all of it fits on the screen without scrolling.

    Every widget here has the number of the move in its key, so after a move the next card starts with
    new, empty widgets: nothing typed for one card (or chosen for it) comes back with the next."""
    t, q = _t(), view.call.question
    if view.call.finished:
        st.success(t["finished"])
        st.button(
            t["reopen"],
            key=PREFIX + f"reopen.{q.value}",
            on_click=_run,
            args=("finish", use_case(card_call.reopen_card_call, project_id, q)),
        )
        show(PREFIX + "finish")
        return
    st.html(CARD_CSS)
    moves = f"move.{q.value}"
    key = form_key(PREFIX + moves)
    card = view.current
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.header(t["card_heading"], anchor=False)
        if card is None:
            st.info(_no_card(t, view))
        else:
            with st.container(key="card_call_current"):
                st.text(card.text)
        with st.container(horizontal=True, gap="small"):
            if card is not None:
                st.button(
                    t["park"],
                    key=f"{key}.park",
                    icon=":material/pause_circle:",
                    on_click=_run,
                    args=(moves, use_case(card_call.park_card, project_id, q, card.statement_id)),
                    kwargs={"fresh": True},
                )
            st.button(
                t["undo"],
                key=f"{key}.undo",
                icon=":material/undo:",
                disabled=not view.call.moves,
                on_click=_run,
                args=(moves, use_case(card_call.undo_last_move, project_id, q)),
                kwargs={"fresh": True},
            )
        show_rest(PREFIX + moves, ("name",))
        if card is not None:
            _new_theme(project_id, view, card.statement_id, key)
    with right:
        if card is not None:
            _theme_buttons(project_id, view, card.statement_id, key)


def _no_card(t: dict[str, str], view: CardCallView) -> str:
    """Why there is no card to read out: none yet, only parked ones left, or every card placed."""
    if not view.total:
        return t["no_cards"]
    if view.parked:
        return t["only_parked"].format(cards=_cards(t, len(view.parked)))
    return t["all_placed"]


def _theme_buttons(project_id: str, view: CardCallView, statement_id: str, key: str) -> None:
    """One button per theme: one press puts the card there."""
    t, q = _t(), view.call.question
    st.header(t["existing"], anchor=False)
    if not view.themes:
        st.markdown(t["existing_none"])
    for number, shown in enumerate(view.themes, start=1):
        st.button(
            literal(f"{number}. {theme_label(shown)}"),
            key=f"{key}.put.{shown.theme.id}",
            icon=":material/input:",
            width="stretch",
            on_click=_run,
            args=(
                f"move.{q.value}",
                use_case(card_call.place_card, project_id, q, statement_id, shown.theme.id),
            ),
            kwargs={"fresh": True},
        )


def _new_theme(project_id: str, view: CardCallView, statement_id: str, key: str) -> None:
    t, q = _t(), view.call.question
    name_key = f"{key}.new_name"
    st.text_input(t["new_name"], key=name_key, max_chars=120, placeholder=t["new_name_hint"])
    show(PREFIX + f"move.{q.value}", "name")
    st.button(
        t["new_theme"],
        key=f"{key}.new",
        icon=":material/add_box:",
        on_click=lambda: _run(
            f"move.{q.value}",
            use_case(card_call.start_theme, project_id, q, statement_id, _value(name_key)),
            fresh=True,
        ),
    )


def parked_cards(project_id: str, view: CardCallView) -> None:
    t, q = _t(), view.call.question
    if not view.parked:
        return
    st.subheader(t["parked_heading"], anchor=False)
    st.markdown(t["parked_help"])
    for card in view.parked:
        with st.container(border=True):
            st.text(card.text)
            if not view.call.finished:
                st.button(
                    t["unpark"],
                    key=PREFIX + f"unpark.{card.statement_id}",
                    on_click=_run,
                    args=(
                        f"unpark.{card.statement_id}",
                        use_case(card_call.unpark_card, project_id, q, card.statement_id),
                    ),
                )
                show(PREFIX + f"unpark.{card.statement_id}")


def theme_list(view: CardCallView) -> None:
    """Every theme with its cards; rename and split under each."""
    t = _t()
    st.header(t["themes_heading"], anchor=False)
    if not view.themes:
        st.info(t["no_themes"])
    for number, shown in enumerate(view.themes, start=1):
        with st.container(border=True):
            theme_heading(f"{number}. {shown.theme.name or t['unnamed']}")
            st.markdown(sized(t, shown.statements, shown.people))
            if not shown.cards:
                st.markdown(t["emptied"])
            with st.expander(t["cards_and_changes"], expanded=False):
                for card in shown.cards:
                    st.text(f"• {card.text}")
                _rename(shown)
                if not view.call.finished and shown.statements > 1:
                    _split(shown)


def _rename(shown: ThemeView) -> None:
    t, tid = _t(), shown.theme.id
    key = form_key(PREFIX + f"rename.{tid}")  # new after a save: the box then shows the saved name
    if key not in st.session_state:
        st.session_state[key] = shown.theme.name or ""
    st.text_input(t["rename_label"], key=key, max_chars=120, help=None)
    st.markdown(t["rename_hint"])
    st.button(
        t["rename"],
        key=PREFIX + f"rename_button.{tid}",
        on_click=lambda: _run(
            f"rename.{tid}", use_case(card_call.rename_theme, tid, _value(key) or ""), fresh=True
        ),
    )
    show(PREFIX + f"rename.{tid}")


def _split(shown: ThemeView) -> None:
    t, tid = _t(), shown.theme.id
    texts = {card.statement_id: card.text for card in shown.cards}
    form = form_key(PREFIX + f"split.{tid}")  # new after a split: nothing chosen or typed comes back
    cards_key, name_key = form + ".cards", form + ".name"
    st.multiselect(t["split_cards"], list(texts), key=cards_key, format_func=lambda sid: texts[sid])
    st.text_input(t["new_name"], key=name_key, max_chars=120, placeholder=t["new_name_hint"])
    st.button(
        t["split"],
        key=PREFIX + f"split_button.{tid}",
        on_click=lambda: _run(
            f"split.{tid}",
            use_case(card_call.split_theme, tid, list(_value(cards_key) or []), _value(name_key)),
            fresh=True,
        ),
    )
    show(PREFIX + f"split.{tid}")


def merge_and_finish(project_id: str, view: CardCallView) -> None:
    t, q = _t(), view.call.question
    if not view.call.finished and len(view.themes) > 1:
        st.subheader(t["merge_heading"], anchor=False)
        by_id = {v.theme.id: v for v in view.themes}
        form = form_key(PREFIX + "merge")  # new after a merge: the merged theme is gone from the lists
        keep_key, absorb_key = f"{form}.keep.{q.value}", f"{form}.absorb.{q.value}"
        keep_col, absorb_col = st.columns(2)
        keep_col.selectbox(
            t["merge_keep"], list(by_id), key=keep_key, format_func=lambda i: theme_label(by_id[i])
        )
        absorb_col.selectbox(
            t["merge_into"], list(by_id), key=absorb_key, format_func=lambda i: theme_label(by_id[i]), index=1
        )
        st.button(
            t["merge"],
            key=PREFIX + f"merge.{q.value}",
            on_click=lambda: _run(
                "merge",
                use_case(card_call.merge_themes, _value(keep_key) or "", _value(absorb_key) or ""),
                fresh=True,
            ),
        )
        show(PREFIX + "merge")
    if not view.call.finished:
        st.subheader(t["finish_heading"], anchor=False)
        st.markdown(t["finish_help"])
        st.button(
            t["finish"],
            key=PREFIX + f"finish.{q.value}",
            on_click=_run,
            args=("finish", use_case(card_call.finish_card_call, project_id, q)),
        )
        show(PREFIX + "finish")
