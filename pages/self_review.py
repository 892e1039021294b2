"""Step 2, Collect: "My review" — the easy-read own review, one question per screen, in English or Welsh."""

import streamlit as st

from wtfc_collect.domain import Question, ReviewMode
from wtfc_collect.services.collect.reviews import find_review
from wtfc_collect.ui import context, display
from wtfc_collect.ui.collect.self_review import (
    CHECK,
    CONSENT,
    check_screen,
    choices,
    consent_screen,
    end_screen,
    language,
    question_screen,
    step,
    texts,
)
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.spoken import speed_control

repo = context.repository()
easy_read_style()
display.page_language(language())
st.title(texts()["title"], anchor=False)

review = find_review(repo, context.chosen_review_id())
if review is not None:
    context.note_viewed(review.id)
if review is None or review.mode is not ReviewMode.SELF:
    st.markdown(texts()["start_text"])
    st.markdown(texts()["ask_staff"])
    st.stop()

current = step(review)
if current == CONSENT:
    choices()  # English or Cymraeg, text size, high contrast: first, where everyone sees them
speed_control(language())
if current == CONSENT:
    consent_screen(review)
elif current == CHECK:
    check_screen(review)
elif current in {q.value for q in Question}:
    question_screen(review, Question(current))
else:
    end_screen(current)
