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
    Statement,
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
from wtfc_collect.ui.collect.self_review_answers import answer_card, answers_part
from wtfc_collect.ui.collect.self_review_voice import voice_recorder
from wtfc_collect.ui.easy_read import easy_read_style
from wtfc_collect.ui.feedback import errors, form_key, remember, run_action, show, use_case

PREFIX = "self_review."
STEP = PREFIX + "step"
MESSAGE = PREFIX + "message"
SURE = PREFIX + "sure"  # a review with nothing answered, waiting for a second yes before it is sent
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


def listen(text: str, key: str, *, private: bool = False, label: str | None = None) -> None:
    spoken.listen(text, key, private=private, language=language(), label=label)


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


def _text_key(review: Review, question: Question) -> str:
    """The box to write in: new and empty after each answer added (emptying the old one's state would
    not empty it in the browser)."""
    return f"{form_key(MESSAGE)}.{review.id}.{question.value}.text"


def _add(review: Review, question: Question) -> None:
    t = texts()
    typed = str(st.session_state.get(_text_key(review, question), ""))
    if not typed.strip():
        _say(problem=t["empty"])
        return
    text, was_cut = fit_statement(typed)
    add = use_case(record_statement, review.id, question=question, text=text, said_by=Speaker.PERSON)
    note = t["too_long"].format(limit=STATEMENT_MAX_CHARS) if was_cut else ""
    run_action(MESSAGE, add, done="" if was_cut else t["added"], note=note, fresh=True)


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
    block(t, ("start_text", "consent_text", "consent_change"), "consent", t["listen_start"])
    with st.container(horizontal=True, gap="medium"):  # side by side, one above the other when narrow
        st.button(
            t["consent_yes"], type="primary", key=PREFIX + "yes", on_click=_consent, args=(review, True)
        )
        st.button(t["consent_no"], key=PREFIX + "no", on_click=_consent, args=(review, False))


def block(t: dict[str, str], keys: tuple[str, ...], name: str, label: str, **values: object) -> None:
    """Some texts that belong together, each on its own line, with one Listen button for all of them."""
    shown = [t[key].format(**values) for key in keys]
    for text in shown:
        st.markdown(text)
    listen(" ".join(shown), f"block.{name}", label=label)


def question_screen(review: Review, question: Question) -> None:
    t = texts()
    index = QUESTIONS.index(question)
    picture, words = st.columns([1, 3])
    picture.image(svg(question.value), width=160, alt=t[f"{question.value}_picture"])
    with words:
        st.markdown(f"**{t['question_of'].format(n=index + 1)}**")
        st.header(t[f"{question.value}_question"], anchor=False)
        st.markdown(t[f"{question.value}_hint"])
        spoken = " ".join(
            (
                t["question_of"].format(n=index + 1),
                t[f"{question.value}_question"],
                t[f"{question.value}_hint"],
            )
        )
        listen(spoken, f"block.{question.value}", label=t["listen_question"])
    said = review.statements_for(question)
    answers = _voice_answers(review)
    if question in review.declined:
        st.markdown(t["skipped"])
        st.button(
            t["answer_after_all"],
            key=f"{PREFIX}{question.value}.undecline",
            on_click=_press,
            args=(use_case(undecline_question, review.id, question),),
        )
    else:
        st.text_area(t["write_label"], key=_text_key(review, question), height=110)
        st.button(
            t["add_button"],
            type="primary",
            key=f"{PREFIX}{question.value}.add",
            icon=":material/add:",
            on_click=_add,
            args=(review, question),
        )
        show(MESSAGE, once=True)
        voice_recorder(review, question, answers, language=language())
        if said:
            answers_part(review, question, said, language(), _act)
        elif question not in voice_questions(answers):
            st.button(
                t["skip_button"],
                key=f"{PREFIX}{question.value}.skip",
                on_click=_press,
                args=(use_case(decline_question, review.id, question),),
            )
    _navigation(review, question)


def _navigation(review: Review, question: Question) -> None:
    t = texts()
    index = QUESTIONS.index(question)
    back_to = CONSENT if index == 0 else QUESTIONS[index - 1].value
    next_to = CHECK if index == len(QUESTIONS) - 1 else QUESTIONS[index + 1].value
    st.divider()
    block(t, ("buttons_help",), "buttons", t["listen_buttons"])
    # A row that wraps: with very large text the three buttons go onto two lines instead of overlapping.
    with st.container(horizontal=True, horizontal_alignment="distribute", gap="medium"):
        _navigation_buttons(review, question, back_to, next_to)


def _navigation_buttons(review: Review, question: Question, back_to: str, next_to: str) -> None:
    t = texts()
    st.button(
        t["back"],
        key=f"{PREFIX}{question.value}.back",
        icon=":material/arrow_back:",
        on_click=go,
        args=(review, back_to),
    )
    st.button(
        t["save_later"],
        key=f"{PREFIX}{question.value}.later",
        icon=":material/bookmark:",
        on_click=lambda: _say(t["saved_later"]),
    )
    st.button(
        t["next"],
        type="primary",
        key=f"{PREFIX}{question.value}.next",
        icon=":material/arrow_forward:",
        on_click=_leave_question,
        args=(review, question, next_to),
    )


def check_screen(review: Review) -> None:
    """Everything the person said, question by question, with their number 1 and number 2 marked."""
    t = texts()
    st.header(t["check_heading"], anchor=False)
    block(t, ("check_text",), "check", t["listen_start"])
    voice = voice_questions(_voice_answers(review))
    for number, question in enumerate(QUESTIONS, start=1):
        st.subheader(t[f"{question.value}_question"], anchor=False)
        said = review.statements_for(question)
        if question in voice:
            st.markdown(t["voice_check"])
        elif question in review.declined or not said:
            st.markdown(t["not_answered"])
        for statement in sorted(said, key=lambda s: s.priority or 3):
            answer_card(statement, language())
        if said:
            spoken = " ".join([t[f"{question.value}_question"], *(_spoken_answer(t, s) for s in said)])
            listen(spoken, f"check.{question.value}", private=True, label=t["listen_check"].format(n=number))
        st.button(
            f"{t['change']}: {t[f'{question.value}_question']}",
            key=f"{PREFIX}change.{question.value}",
            icon=":material/edit:",
            on_click=go,
            args=(review, question.value),
        )
    show(MESSAGE, once=True)
    _send(review, voice)


def _spoken_answer(t: dict[str, str], statement: Statement) -> str:
    place = {1: t["first_choice"], 2: t["second_choice"]}.get(statement.priority or 0)
    return f"{place}: {statement.text}" if place else statement.text


def _send(review: Review, voice: Collection[Question]) -> None:
    """Send; a review with every question left unanswered asks once more first."""
    t = texts()
    nothing_said = not review.statements and not voice
    asking = st.session_state.get(SURE) == review.id
    if nothing_said and asking:
        st.warning(t["all_declined"], icon=":material/help:")
        with st.container(horizontal=True, gap="medium"):
            sure = st.button(t["send_anyway"], type="primary", key=PREFIX + "send_anyway")
            if st.button(t["go_back"], key=PREFIX + "not_sure"):
                st.session_state.pop(SURE, None)
                st.rerun()
        if not sure:
            return
    elif not st.button(t["send"], type="primary", key=PREFIX + "send", icon=":material/send:"):
        return
    elif nothing_said:
        st.session_state[SURE] = review.id
        st.rerun()
    st.session_state.pop(SURE, None)
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
    keys = ("thanks_text", "thanks_next") if kind == THANKS else ("consent_no_text",)
    block(t, keys, "end", t["listen_start"])
