"""Step 2, Collect: "My review" — the easy-read own review, one question per screen."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect import services
from wtfc_collect.domain import Question, ReviewMode
from wtfc_collect.ui import context
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.self_review import (
    CHECK,
    CONSENT,
    check_screen,
    consent_screen,
    end_screen,
    question_screen,
    step,
)
from wtfc_collect.ui.spoken import speed_control

t = screen("self_review")
repo = context.repository()
easy_read_style()
st.title(t["title"])
speed_control()

review = services.find_review(repo, context.chosen_review_id())
if review is None or review.mode is not ReviewMode.SELF:
    st.markdown(t["start_text"])
    st.markdown(t["ask_staff"])
    st.stop()

current = step(review)
if current == CONSENT:
    consent_screen(review)
elif current == CHECK:
    check_screen(review)
elif current in {q.value for q in Question}:
    question_screen(review, Question(current))
else:
    end_screen(current)
