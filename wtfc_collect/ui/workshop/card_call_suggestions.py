"""Suggested groups on the card call screen (Step 3). Owns the keys starting with ``card_call.suggest.``.

Optional: a button asks for suggested groups of the cards not yet in a theme. Each group shows its cards in
their exact words (``st.text``); the room takes it as a new theme (all its cards, or the ones chosen), splits
the chosen cards into a group of their own, or ignores it. Nothing moves until someone presses "Make a new
theme". Only statement ids are kept in the session; the words are read afresh every time, so a card placed
meanwhile, or withdrawn, leaves the suggestions at once.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Question
from wtfc_collect.domain.theme import Card
from wtfc_collect.services.workshop import card_call_suggestions
from wtfc_collect.services.workshop.card_call import CardCallView
from wtfc_collect.ui import context
from wtfc_collect.ui.feedback import remember, run_action, show, use_case
from wtfc_collect.ui.literal import short

PREFIX = "card_call.suggest."
# Fixed CSS only: the cards of the suggested groups in large type for the room.
STYLE = """
<style>
.st-key-card_call_suggestions [data-testid="stText"] { font-size: 1.5rem; line-height: 1.4;
  white-space: pre-wrap; }
.st-key-card_call_suggestions [data-testid="stExpander"] summary p { font-size: 1.4rem; }
</style>
"""


def _t() -> dict[str, str]:
    return screen("card_call")


def _state_key(question: Question) -> str:
    return PREFIX + f"groups.{question.value}"


def _stored(question: Question) -> dict[str, Any] | None:
    found = st.session_state.get(_state_key(question))
    return found if isinstance(found, dict) else None


def _next_id() -> int:
    """A number for a new suggested group: part of its widgets' keys, never reused in this session."""
    key = PREFIX + "counter"
    number = int(st.session_state.get(key, 0)) + 1
    st.session_state[key] = number
    return number


def _group(ids: list[str], name: str | None, words: list[str]) -> dict[str, Any]:
    return {"id": _next_id(), "ids": ids, "name": name, "words": words}


# --- actions (button callbacks) ------------------------------------------------------------------------
def _ask(project_id: str, question: Question) -> None:
    def action() -> None:
        found = card_call_suggestions.suggest_groups(context.repository(), project_id, question)
        st.session_state[_state_key(question)] = {
            "groups": [_group(list(g.statement_ids), g.name, list(g.shared_words)) for g in found.groups],
            "alone": list(found.alone),
        }

    run_action(PREFIX + "ask", action, forget=PREFIX)


def _take(
    project_id: str, question: Question, group: Mapping[str, Any], cards_key: str, name_key: str
) -> None:
    chosen = list(st.session_state.get(cards_key) or [])
    name = st.session_state.get(name_key) or None
    done = _t()["suggest_taken"].format(cards=len(chosen))
    take = use_case(card_call_suggestions.take_suggested_group, project_id, question, chosen, name)
    if run_action(PREFIX + f"group.{group['id']}", take, forget=PREFIX):
        remember(PREFIX + "ask", done=done)  # said by the button: the group may have gone with its cards


def _split(question: Question, group: Mapping[str, Any], cards_key: str, texts: Mapping[str, str]) -> None:
    chosen = [sid for sid in st.session_state.get(cards_key) or [] if sid in group["ids"]]
    if not chosen or len(chosen) == len(group["ids"]):
        remember(PREFIX + f"group.{group['id']}", {"": _t()["suggest_split_choose"]}, forget=PREFIX)
        return
    stored = _stored(question)
    if stored is None:
        return
    rest = [sid for sid in group["ids"] if sid not in chosen]
    words = list(card_call_suggestions.shared_words([texts[sid] for sid in chosen]))
    new = _group(chosen, card_call_suggestions.name_from_cards([texts[sid] for sid in chosen]), words)
    place = next(i for i, g in enumerate(stored["groups"]) if g["id"] == group["id"])
    kept = {**group, "ids": rest, "name": card_call_suggestions.name_from_cards([texts[s] for s in rest])}
    stored["groups"][place : place + 1] = [kept, new]
    remember(PREFIX + f"group.{new['id']}", done=_t()["suggest_split_done"], forget=PREFIX)


def _ignore(question: Question, group: Mapping[str, Any]) -> None:
    stored = _stored(question)
    if stored is None:
        return
    stored["groups"] = [g for g in stored["groups"] if g["id"] != group["id"]]
    stored["alone"] = [*stored["alone"], *group["ids"]]
    remember(PREFIX + "ask", done=_t()["suggest_ignored"], forget=PREFIX)


# --- drawing ---------------------------------------------------------------------------------------------
def draw(project_id: str, view: CardCallView) -> None:
    """The suggested groups part of the card call: the button, then each group with what to do with it."""
    t, question = _t(), view.call.question
    if view.call.finished:
        return
    st.html(STYLE)
    with st.container(key="card_call_suggestions"):
        st.header(t["suggest_heading"], anchor=False)
        st.markdown(t["suggest_help"])
        stored = _stored(question)
        st.button(
            t["suggest_again"] if stored else t["suggest"],
            key=PREFIX + f"ask.{question.value}",
            on_click=_ask,
            args=(project_id, question),
        )
        show(PREFIX + "ask")
        if stored is None:
            return
        open_cards = {card.statement_id: card for card in itertools.chain(view.waiting, view.parked)}
        groups = [{**g, "ids": [s for s in g["ids"] if s in open_cards]} for g in stored["groups"]]
        groups = [g for g in groups if g["ids"]]
        alone = [open_cards[s] for s in stored["alone"] if s in open_cards]
        st.markdown(
            t["suggest_count"].format(
                groups=len(groups), cards=sum(len(g["ids"]) for g in groups) + len(alone), alone=len(alone)
            )
        )
        for number, group in enumerate(groups, start=1):
            _draw_group(project_id, question, number, group, open_cards)
        if alone:
            with st.expander(t["suggest_alone_heading"].format(cards=len(alone))):
                st.markdown(t["suggest_alone_help"])
                for card in alone:
                    st.text(f"• {card.text}")


def _draw_group(
    project_id: str, question: Question, number: int, group: Mapping[str, Any], cards: Mapping[str, Card]
) -> None:
    t, gid = _t(), group["id"]
    said = {k: t[f"suggest_{k}"].format(number=number) for k in ("cards", "name", "take", "split", "ignore")}
    ids: list[str] = group["ids"]
    texts = {sid: cards[sid].text for sid in ids}
    size = t["card_one"] if len(ids) == 1 else f"{len(ids)} {t['card_many']}"
    with st.expander(t["suggest_group_heading"].format(number=number, size=size), expanded=number == 1):
        for sid in ids:
            st.text(f"• {texts[sid]}")
        if group["words"]:
            st.text(t["suggest_words"] + " " + ", ".join(group["words"]))
        cards_key = PREFIX + f"cards.{gid}.{len(ids)}"  # a new key when the group changes: no stale ticks
        name_key = PREFIX + f"name.{gid}.{len(ids)}"
        st.multiselect(said["cards"], ids, default=ids, key=cards_key, format_func=lambda s: short(texts[s]))
        if name_key not in st.session_state:
            st.session_state[name_key] = group["name"] or ""
        st.text_input(said["name"], key=name_key, max_chars=120, placeholder=t["new_name_hint"])
        st.markdown(t["suggest_name_help"] if group["name"] else t["suggest_name_none"])
        take, split, ignore = st.columns(3)
        take.button(
            said["take"],
            key=PREFIX + f"take.{gid}",
            type="primary",
            on_click=_take,
            args=(project_id, question, group, cards_key, name_key),
        )
        if len(ids) > 1:
            split.button(
                said["split"],
                key=PREFIX + f"split.{gid}",
                on_click=_split,
                args=(question, group, cards_key, texts),
            )
        ignore.button(said["ignore"], key=PREFIX + f"ignore.{gid}", on_click=_ignore, args=(question, group))
        show(PREFIX + f"group.{gid}")
