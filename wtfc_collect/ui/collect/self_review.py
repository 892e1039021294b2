"""The easy-read own review, one screen at a time. Owns the keys starting with ``self_review.``.

Screens: consent → question 1 → 2 → 3 → check → thank you. Every answer is saved the moment it is
added, so "Save for later" only has to say so; coming back opens the first screen still to do.

The first screen also offers English or Cymraeg (also chosen on the sign-in screen; ``ui/language.py``),
the text size and high contrast. The language is kept for the visit and on the review: every text, every
Listen button's voice and ``<html lang>``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

import streamlit as st

from accessibility.pictures import svg
from accessibility.texts import screen
from wtfc_collect.domain import (
    STATEMENT_MAX_CHARS,
    ConsentGiver,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Speaker,
    VoiceAnswer,
    voice_questions,
)
from wtfc_collect.domain.review import Priority
from wtfc_collect.services.collect.own_words import fit_statement
from wtfc_collect.services.collect.reviews import (
    decline_question,
    find_review,
    get_review,
    record_statement,
    remove_statement,
    save_review_details,
    set_priority,
    set_review_language,
    submit_review,
    undecline_question,
)
from wtfc_collect.services.collect.voice_answers import voice_answers_for_review
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context, display, spoken
from wtfc_collect.ui import language as chosen_language
from wtfc_collect.ui.collect.self_review_voice import voice_recorder
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.feedback import errors, remember, run_action, show, use_case
from wtfc_collect.ui.literal import literal

PREFIX = "self_review."
STEP = PREFIX + "step"
MESSAGE = PREFIX + "message"
QUESTIONS = list(Question)
CONSENT, CHECK, THANKS, NO_CONSENT = "consent", "check", "thanks", "no_consent"
LANGUAGE = chosen_language.KEY  # the person's choice, kept for the visit and on the review


def draw(repo: Repository) -> None:
    """The whole own review: the title, then the screen the person is on."""
    easy_read_style()
    display.page_language(language())
    st.title(texts()["title"], anchor=False)
    review = find_review(repo, context.chosen_review_id())
    if review is not None:
        context.note_viewed(review.id)
    if review is None or review.mode is not ReviewMode.SELF:
        st.markdown(texts()["start_text"])
        st.markdown(texts()["ask_staff"])
        return
    current = step(review)
    if current == CONSENT:
        choices(review)  # English or Cymraeg, text size, high contrast: first, where everyone sees them
    spoken.speed_control(language())
    if current == CONSENT:
        consent_screen(review)
    elif current == CHECK:
        check_screen(review)
    elif current in {q.value for q in Question}:
        question_screen(review, Question(current))
    else:
        end_screen(current)


def language() -> str:
    """The language chosen on the sign-in screen or the first screen ("en" until the person picks "cy")."""
    return chosen_language.chosen()


def texts() -> dict[str, str]:
    """Every text of the own review in the chosen language (English where a text is not translated)."""
    return screen("self_review", language())


def listen(text: str, key: str, *, private: bool = False) -> None:
    spoken.listen(text, key, private=private, language=language())


def say(text: str, key: str) -> None:
    spoken.say(text, key, language=language())


def choices(review: Review) -> None:
    """English or Cymraeg (kept on the review too), the text size and high contrast: first, where everyone
    sees them."""
    chosen_language.chooser(
        "choice", on_change=lambda: _act(use_case(set_review_language, review.id, language()))
    )
    display.controls("self_review", screen("display", language()))


def first_step(review: Review, voice: Collection[Question] = ()) -> str:
    """Where to carry on: consent, then the first question not yet answered (with the top picks made),
    answered only out loud (``voice``: recordings waiting to be written down) or skipped, then the check
    page."""
    if review.status is ReviewStatus.SUBMITTED:
        return THANKS
    if review.consent is None:
        return CONSENT
    if not review.consent.given:
        return NO_CONSENT
    for question in QUESTIONS:
        said = review.statements_for(question)
        done = (
            question in review.declined
            or (not said and question in voice)
            or (said and len(review.prioritised(question)) >= min(len(said), 2))
        )
        if not done:
            return question.value
    return CHECK


def _voice_answers(review: Review) -> list[VoiceAnswer]:
    return voice_answers_for_review(context.repository(), review.id)


def step(review: Review) -> str:
    key = STEP + "." + review.id
    if key not in st.session_state:
        st.session_state[key] = first_step(review, voice_questions(_voice_answers(review)))
    return str(st.session_state[key])


def go(review: Review, to: str) -> None:
    st.session_state[STEP + "." + review.id] = to


def _act(action: Callable[[], object], *, done: str = "", note: str = "") -> bool:
    """Do it; a broken rule (or that it worked) is said in the screen's one message place."""
    return run_action(MESSAGE, action, done=done, note=note)


def _press(action: Callable[[], object]) -> None:
    """A button's callback: do it, the outcome said in the screen's message place."""
    _act(action)


def _say(text: str = "", *, problem: str = "") -> None:
    """Put something in the screen's message place without running anything."""
    remember(MESSAGE, {"": problem} if problem else None, done=text)


def _consent(review: Review, given: bool) -> None:
    consent = {"given": given, "given_by": ConsentGiver.PERSON, "recorded_on": date.today()}
    if _act(
        use_case(save_review_details, review.id, {"consent": consent}, expected_revision=review.revision)
    ):
        go(review, QUESTIONS[0].value if given else NO_CONSENT)


def _add(review: Review, question: Question) -> None:
    t = texts()
    key = f"{PREFIX}{review.id}.{question.value}.text"
    typed = str(st.session_state.get(key, ""))
    if not typed.strip():
        _say(problem=t["empty"])
        return
    text, was_cut = fit_statement(typed)
    add = use_case(record_statement, review.id, question=question, text=text, said_by=Speaker.PERSON)
    if was_cut:
        _act(add, note=t["too_long"].format(limit=STATEMENT_MAX_CHARS))
    else:
        _act(add, done=t["added"])
    if not errors(MESSAGE):
        st.session_state[key] = ""


def _tap(review: Review, question: Question, statement_id: str) -> None:
    """Tapping picks the next free place (1, then 2); tapping a picked one un-picks it."""
    said = get_review(context.repository(), review.id).statements_for(question)
    tapped = next(s for s in said if s.id == statement_id)
    taken = {s.priority for s in said if s.priority}
    place: Priority | None = None if tapped.priority else (1 if 1 not in taken else 2)
    _act(use_case(set_priority, review.id, statement_id, place))


def _leave_question(review: Review, question: Question, to: str) -> None:
    """Going on: a lone answer becomes number 1, and with two answers and one picked the other is
    number 2 (the screen says so). With more to choose from, the person is asked to pick first."""
    t = texts()
    said = get_review(context.repository(), review.id).statements_for(question)
    unpicked = [s for s in said if s.priority is None]
    taken = {s.priority for s in said if s.priority}
    if len(said) == 1 and unpicked:
        _act(use_case(set_priority, review.id, said[0].id, 1))
    elif len(said) == 2 and len(unpicked) == 1:
        place: Priority = 2 if 1 in taken else 1
        _act(use_case(set_priority, review.id, unpicked[0].id, place))
    elif len(said) >= 2 and len(taken) < 2:
        _say(problem=t["pick_first"])
        return
    go(review, to)


def consent_screen(review: Review) -> None:
    t = texts()
    st.header(t["consent_heading"], anchor=False)
    for key in ("start_text", "consent_text", "consent_change"):
        say(t[key], key)
    with st.container(horizontal=True, gap="medium"):  # side by side, one above the other when narrow
        st.button(
            t["consent_yes"], type="primary", key=PREFIX + "yes", on_click=_consent, args=(review, True)
        )
        st.button(t["consent_no"], key=PREFIX + "no", on_click=_consent, args=(review, False))


def question_screen(review: Review, question: Question) -> None:
    t = texts()
    index = QUESTIONS.index(question)
    say(f"**{t['question_of'].format(n=index + 1)}**", "question_of")
    picture, words = st.columns([1, 3])
    picture.image(svg(question.value), width=160, alt=t[f"{question.value}_picture"])
    with words:
        st.header(t[f"{question.value}_question"], anchor=False)
        listen(t[f"{question.value}_question"], f"{question.value}_question")
        say(t[f"{question.value}_hint"], f"{question.value}_hint")
    said = review.statements_for(question)
    answers = _voice_answers(review)
    if question in review.declined:
        say(t["skipped"], "skipped")
        st.button(
            t["answer_after_all"],
            key=f"{PREFIX}{question.value}.undecline",
            on_click=_press,
            args=(use_case(undecline_question, review.id, question),),
        )
    else:
        st.text_area(t["write_label"], key=f"{PREFIX}{review.id}.{question.value}.text", height=110)
        st.button(
            t["add_button"],
            type="primary",
            key=f"{PREFIX}{question.value}.add",
            on_click=_add,
            args=(review, question),
        )
        show(MESSAGE, once=True)
        voice_recorder(review, question, answers, language=language())
        if said:
            say(t["you_said"], "you_said")
            _choices(review, question, said)
        elif question not in voice_questions(answers):
            st.button(
                t["skip_button"],
                key=f"{PREFIX}{question.value}.skip",
                on_click=_press,
                args=(use_case(decline_question, review.id, question),),
            )
    _navigation(review, question)


def _choices(review: Review, question: Question, said: list) -> None:  # type: ignore[type-arg]
    t = texts()
    if len(said) == 1:
        st.text(said[0].text)
        listen(said[0].text, f"mine.{said[0].id}", private=True)
        say(t["only_one"], "only_one")
    else:
        st.subheader(t["choose_heading"], anchor=False)
        say(t["choose_text"], "choose_text")
        for statement in said:
            label = {1: t["chosen_first"], 2: t["chosen_second"]}.get(
                statement.priority or 0, t["not_chosen"]
            )
            st.button(
                label.format(text=literal(statement.text)),
                key=f"{PREFIX}{statement.id}.tap",
                type="primary" if statement.priority else "secondary",
                width="stretch",
                on_click=_tap,
                args=(review, question, statement.id),
            )
            listen(statement.text, f"mine.{statement.id}", private=True)
    for statement in said:
        st.button(
            f"{t['remove']}: {literal(statement.text)}",
            key=f"{PREFIX}{statement.id}.remove",
            on_click=_press,
            args=(use_case(remove_statement, review.id, statement.id),),
        )


def _navigation(review: Review, question: Question) -> None:
    t = texts()
    index = QUESTIONS.index(question)
    back_to = CONSENT if index == 0 else QUESTIONS[index - 1].value
    next_to = CHECK if index == len(QUESTIONS) - 1 else QUESTIONS[index + 1].value
    st.divider()
    say(t["buttons_help"], "buttons_help")
    # A row that wraps: with very large text the three buttons go onto two lines instead of overlapping.
    with st.container(horizontal=True, horizontal_alignment="distribute", gap="medium"):
        _navigation_buttons(review, question, back_to, next_to)


def _navigation_buttons(review: Review, question: Question, back_to: str, next_to: str) -> None:
    t = texts()
    st.button(t["back"], key=f"{PREFIX}{question.value}.back", on_click=go, args=(review, back_to))
    st.button(
        t["save_later"],
        key=f"{PREFIX}{question.value}.later",
        on_click=lambda: _say(t["saved_later"]),
    )
    st.button(
        t["next"],
        type="primary",
        key=f"{PREFIX}{question.value}.next",
        on_click=_leave_question,
        args=(review, question, next_to),
    )


def check_screen(review: Review) -> None:
    t = texts()
    st.header(t["check_heading"], anchor=False)
    say(t["check_text"], "check_text")
    voice = voice_questions(_voice_answers(review))
    for question in QUESTIONS:
        st.subheader(t[f"{question.value}_question"], anchor=False)
        if question in voice:
            st.markdown(t["voice_check"])
        elif question in review.declined or not review.statements_for(question):
            st.markdown(t["not_answered"])
        for statement in review.prioritised(question) or review.statements_for(question):
            st.text(statement.text)
            listen(statement.text, f"check.{statement.id}", private=True)
        st.button(
            f"{t['change']}: {t[f'{question.value}_question']}",
            key=f"{PREFIX}change.{question.value}",
            on_click=go,
            args=(review, question.value),
        )
    show(MESSAGE, once=True)
    if st.button(t["send"], type="primary", key=PREFIX + "send"):
        if _act(use_case(submit_review, review.id)):
            go(review, THANKS)
        else:
            missing = next(iter(errors(MESSAGE).values()), "")
            _say(problem=f"{t['send_problem']} {missing}".strip())
            go(review, CHECK)
        st.rerun()


def end_screen(kind: str) -> None:
    t = texts()
    st.header(t["thanks_heading"], anchor=False)
    for key in ("thanks_text", "thanks_next") if kind == THANKS else ("consent_no_text",):
        say(t[key], key)
