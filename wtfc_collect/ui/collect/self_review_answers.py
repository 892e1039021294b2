"""The person's answers on the easy-read own review (keys ``self_review.answers.``): each answer in a box of
its own with Listen, Pick and Take out, told apart by their icon and their words, and the person's number 1
and number 2 marked by a sign that differs in shape and figure as well as in words (never colour alone).
"""

from __future__ import annotations

import html
from collections.abc import Callable

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Question, Review, Statement
from wtfc_collect.domain.review import Priority
from wtfc_collect.services.collect.reviews import get_review, remove_statement, set_priority
from wtfc_collect.ui import context, spoken
from wtfc_collect.ui.feedback import use_case

PREFIX = "self_review.answers."
Act = Callable[[Callable[[], object]], bool]
# Fixed CSS only. Number 1 is a filled circle with a 1 in it, number 2 a square outline with a 2 in it; each
# has its words beside it, and a picked answer's box has a thick edge. Divs, so high contrast keeps them.
RANK_CSS = """
<style>
.wtfc-rank { display: flex; align-items: center; gap: 0.7rem; margin: 0 0 0.5rem 0; }
.wtfc-rank-mark { display: flex; align-items: center; justify-content: center; width: 2.8rem; height: 2.8rem;
  font-size: 1.7rem; font-weight: 800; line-height: 1; flex: none; }
.wtfc-rank-words { font-size: 1.4rem; font-weight: 700; }
.wtfc-rank-1 .wtfc-rank-mark { border-radius: 50%; background: #0D47A1; color: #FFFFFF; }
.wtfc-rank-2 .wtfc-rank-mark { border-radius: 0.15rem; background: #FFFFFF; color: #000000;
  border: 0.3rem solid #000000; }
[class*="st-key-self_review_answer_1_"], [class*="st-key-self_review_answer_2_"] {
  border-width: 0.3rem !important; border-color: currentColor !important; }
</style>
"""


def rank_html(t: dict[str, str], priority: int) -> str:
    """The sign for the person's number 1 or number 2: a figure in a shape, and the words."""
    words = html.escape(t["first_choice"] if priority == 1 else t["second_choice"])
    return (
        f'<div class="wtfc-rank wtfc-rank-{priority}">'
        f'<div class="wtfc-rank-mark" aria-hidden="true">{priority}</div>'
        f'<div class="wtfc-rank-words">{words}</div></div>'
    )


def answer_card(
    statement: Statement, language: str, buttons: Callable[[Statement], None] | None = None
) -> None:
    """One answer in a box: its number if picked, the words as written, then its buttons (if any)."""
    t = screen("self_review", language)
    rank = statement.priority or 0
    with st.container(border=True, key=f"self_review_answer_{rank}_{statement.id}"):
        if rank:
            st.html(rank_html(t, rank))
        st.text(statement.text)  # the person's words, exactly as written
        if buttons is not None:
            buttons(statement)


def answers_part(review: Review, question: Question, said: list[Statement], language: str, act: Act) -> None:
    """What the person said for one question; with two or more, they pick their number 1 and number 2."""
    t = screen("self_review", language)
    st.html(RANK_CSS)
    st.subheader(t["you_said"] if len(said) == 1 else t["choose_heading"], anchor=False)
    if len(said) > 1:
        st.markdown(t["choose_text"])
        spoken.listen(t["choose_text"], "block.choose", language=language, label=t["listen_pick"])

    def buttons(statement: Statement) -> None:
        spoken.listen(
            statement.text, f"mine.{statement.id}", private=True, language=language, label=t["listen_answer"]
        )
        with st.container(horizontal=True, gap="medium"):
            if len(said) > 1:
                st.button(
                    t["unpick"] if statement.priority else t["pick"],
                    key=f"{PREFIX}{statement.id}.tap",
                    icon=":material/undo:" if statement.priority else ":material/touch_app:",
                    on_click=_tap,
                    args=(review, question, statement.id, act),
                )
            st.button(
                t["remove"],
                key=f"{PREFIX}{statement.id}.remove",
                icon=":material/delete:",
                on_click=_take_out,
                args=(review, statement.id, act),
            )

    for statement in said:
        answer_card(statement, language, buttons)
    if len(said) == 1:
        st.markdown(t["only_one"])


def _take_out(review: Review, statement_id: str, act: Act) -> None:
    act(use_case(remove_statement, review.id, statement_id))


def _tap(review: Review, question: Question, statement_id: str, act: Act) -> None:
    """Picking takes the next free place (1, then 2); picking a picked one again un-picks it."""
    said = get_review(context.repository(), review.id).statements_for(question)
    tapped = next(s for s in said if s.id == statement_id)
    taken = {s.priority for s in said if s.priority}
    place: Priority | None = None if tapped.priority else (1 if 1 not in taken else 2)
    act(use_case(set_priority, review.id, statement_id, place))
