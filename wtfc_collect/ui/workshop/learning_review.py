"""The "Learning and review" screen (Step 8): the review date, the communication plan, how each group found
the process, the summary for leaders, finishing the cycle and starting the next one. Owns the session-state
keys starting with ``learning_review.``.

Everything typed (who needs to know, the notes) is shown as text or through the escaping table helper.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Communication, CycleReview, Evaluation, EvaluationAnswer, Perspective, Project
from wtfc_collect.domain.progress_review import (
    EVALUATION_ANSWER_LABELS,
    EVALUATION_NOTES,
    EVALUATION_QUESTIONS,
    overdue,
)
from wtfc_collect.domain.success import PERSPECTIVE_LABELS
from wtfc_collect.services.access import PROJECT_ADMINS
from wtfc_collect.services.reports.documents import FILE_NAMES, DocumentKind, export_document
from wtfc_collect.services.workshop import learning_review
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context
from wtfc_collect.ui.downloads import word_download
from wtfc_collect.ui.feedback import errors, field_error, form_key, run_action, show, show_rest, use_case
from wtfc_collect.ui.literal import plain_label
from wtfc_collect.ui.tables import table_html

SCREEN = "learning_review"
PREFIX = SCREEN + "."
OTHER = "other"


def _table(rows: list[dict[str, object]]) -> None:
    """A table of the screen: escaped HTML, every cell shown as typed (nothing when there are no rows)."""
    if rows:
        st.html(table_html(rows))


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "–"


def _act(key: str, action: Callable[[], object], *, fresh: bool = True) -> None:
    run_action(key, action, fresh=fresh, rerun=True)


# --- the screen, top to bottom ----------------------------------------------------------------------------
def draw(t: dict[str, str], repo: Repository, project: Project) -> None:
    """The whole screen below its title."""
    review = learning_review.cycle_review(repo, project.id)
    st.header(t["date_heading"], anchor=False)
    review_date(
        review, lambda on: _act(PREFIX + "date", use_case(learning_review.set_review_date, project.id, on))
    )
    st.header(t["tell_heading"], anchor=False)
    st.markdown(t["tell_help"])
    communications(project.id, learning_review.communications(repo, project.id))
    st.header(t["evaluation_heading"], anchor=False)
    st.markdown(t["evaluation_help"])
    evaluations(project.id, learning_review.evaluations(repo, project.id))
    st.header(t["summary_heading"], anchor=False)
    st.caption(t["summary_help"])
    for kind, label in ((DocumentKind.SUMMARY, "summary_label"), (DocumentKind.REPORT, "report_label")):
        word_download(
            t[label],
            FILE_NAMES[kind],
            use_case(export_document, project.id, kind),
            key=f"review_{kind.value}",
        )
    st.header(t["finish_heading"], anchor=False)
    finish(project, review, learning_review.next_cycle_of(repo, project.id))


def review_date(review: CycleReview, on_save: Callable[[date | None], None]) -> None:
    t = screen(SCREEN)
    name = PREFIX + "date"
    key = form_key(name)
    with st.form(key, enter_to_submit=False):
        on = st.date_input(t["date_label"], value=review.review_on, format="DD/MM/YYYY", key=key + ".on")
        field_error(errors(name), "review_on")
        show_rest(name, {"review_on"})
        if st.form_submit_button(t["date_save"]):
            on_save(on if isinstance(on, date) else None)


# --- the communication plan ---------------------------------------------------------------------------
def communications(project_id: str, items: list[Communication]) -> None:
    t = screen(SCREEN)
    today = context.now().date()
    if not items:
        st.info(t["no_tell"])
    else:
        _table(
            [
                {
                    t["col_who"]: c.audience,
                    t["col_what"]: c.message,
                    t["col_how"]: c.channel,
                    t["col_when"]: _day(c.due) + (f" ({t['overdue']})" if overdue(c, today) else ""),
                    t["col_done"]: t["yes"] if c.done else t["no"],
                }
                for c in items
            ]
        )
        show(PREFIX + "tell.change", once=True)
        for number, item in enumerate(items, start=1):
            done_line(item, number)
    add_communication(project_id)


def done_line(item: Communication, number: int) -> None:
    """Tick a line of the plan done (or not), or take it away; each control names its line."""
    t = screen(SCREEN)
    key = f"{PREFIX}tell.{item.id}.{item.revision}"
    tick, remove = st.columns([4, 1], vertical_alignment="center")

    def changed() -> None:  # a callback: runs before the page is drawn again
        done = bool(st.session_state[key + ".done"])
        run_action(PREFIX + "tell.change", use_case(learning_review.set_communication_done, item.id, done))

    tick.checkbox(
        plain_label(t["done_label"].format(number=number, who=item.audience), 140),
        value=item.done,
        key=key + ".done",
        on_change=changed,
    )
    if remove.button(t["remove_line"].format(number=number), key=key + ".remove"):
        _act(PREFIX + "tell.change", use_case(learning_review.remove_communication, item.id), fresh=False)


def add_communication(project_id: str) -> None:
    t = screen(SCREEN)
    name = PREFIX + "tell"
    key = form_key(name)
    found = errors(name)
    with st.form(key, enter_to_submit=False):
        st.subheader(t["tell_add_heading"], anchor=False)
        audience = st.text_input(
            t["who_label"], key=key + ".who", max_chars=120, placeholder=t["who_example"]
        )
        field_error(found, "audience")
        message = st.text_area(t["what_label"], key=key + ".what", height=80)
        field_error(found, "message")
        channel = st.text_input(t["how_label"], key=key + ".how", max_chars=120, placeholder=t["how_example"])
        field_error(found, "channel")
        due = st.date_input(t["when_label"], value=None, format="DD/MM/YYYY", key=key + ".when")
        field_error(found, "due")
        show_rest(name, {"audience", "message", "channel", "due"})
        if st.form_submit_button(t["tell_add"], type="primary"):
            _act(
                name,
                use_case(
                    learning_review.add_communication,
                    project_id,
                    audience,
                    message,
                    channel,
                    due if isinstance(due, date) else None,
                ),
            )


# --- how the process went ------------------------------------------------------------------------------
def _group_name(evaluation: Evaluation) -> str:
    if evaluation.perspective is Perspective.OTHER:
        return evaluation.perspective_name or "Other"
    return PERSPECTIVE_LABELS[evaluation.perspective]


def evaluations(project_id: str, found: list[Evaluation]) -> None:
    t = screen(SCREEN)
    if not found:
        st.info(t["no_evaluation"])
    else:
        _table(
            [
                {
                    t["col_question"]: question,
                    **{
                        _group_name(e): EVALUATION_ANSWER_LABELS[e.answers[k]] if k in e.answers else "–"
                        for e in found
                    },
                }
                for k, question in EVALUATION_QUESTIONS.items()
            ]
        )
        for evaluation in found:
            st.markdown(f"**{plain_label(_group_name(evaluation), 120)}**")
            for field, about in EVALUATION_NOTES.items():
                note = str(getattr(evaluation, field)).strip()
                if note:
                    st.text(f"{about} {note}")
    evaluation_form(project_id, found)


def evaluation_form(project_id: str, found: list[Evaluation]) -> None:
    """One group's answers and notes; choosing a group that has answered shows its answers to change."""
    t = screen(SCREEN)
    groups: dict[str, Evaluation | None] = {p.value: None for p in PERSPECTIVE_LABELS}
    for evaluation in found:
        key_of = evaluation.perspective.value if evaluation.perspective is not Perspective.OTHER else ""
        if key_of:
            groups[key_of] = evaluation
        else:
            groups["other:" + (evaluation.perspective_name or "")] = evaluation
    groups[OTHER] = None
    labels = {p.value: label for p, label in PERSPECTIVE_LABELS.items()} | {OTHER: t["group_other"]}
    chosen = st.selectbox(
        t["group_label"],
        list(groups),
        format_func=lambda g: labels.get(g) or g.removeprefix("other:"),
        key=PREFIX + "group",
    )
    earlier = groups.get(chosen or "")
    name = PREFIX + "evaluation"
    key = f"{form_key(name)}.{chosen}"
    problems = errors(name)
    with st.form(key, enter_to_submit=False):
        st.subheader(t["evaluation_add_heading"], anchor=False)
        other_name = ""
        if chosen == OTHER:
            other_name = st.text_input(t["other_label"], key=key + ".other", max_chars=120)
            field_error(problems, "perspective_name")
        answers: dict[str, Any] = {}
        options = list(EvaluationAnswer)
        for question_key, question in EVALUATION_QUESTIONS.items():
            given = earlier.answers.get(question_key) if earlier else None
            answers[question_key] = st.radio(
                question,
                options,
                index=options.index(given) if given else None,
                format_func=EVALUATION_ANSWER_LABELS.__getitem__,
                horizontal=True,
                key=f"{key}.{question_key}",
            )
        field_error(problems, "answers")
        notes = {
            field: st.text_area(
                about, getattr(earlier, field) if earlier else "", key=f"{key}.{field}", height=80
            )
            for field, about in EVALUATION_NOTES.items()
        }
        show_rest(name, {"answers", "perspective_name"})
        if st.form_submit_button(t["evaluation_save"], type="primary"):
            if chosen == OTHER or (chosen or "").startswith("other:"):
                perspective, group = Perspective.OTHER, other_name or (chosen or "").removeprefix("other:")
            else:
                perspective, group = Perspective(chosen), None
            _act(
                name,
                use_case(
                    learning_review.save_evaluation,
                    project_id,
                    perspective,
                    answers,
                    perspective_name=group,
                    **notes,
                ),
            )


# --- finishing the cycle, and the next one ---------------------------------------------------------------
def finish(project: Project, review: CycleReview, following: Project | None) -> None:
    t = screen(SCREEN)
    if not review.finished:
        st.markdown(t["finish_help"])
        name = PREFIX + "finish"
        key = form_key(name)
        found = errors(name)
        with st.form(key, enter_to_submit=False):
            on = st.date_input(
                t["finished_label"],
                value=context.now().date(),
                max_value=context.now().date(),
                format="DD/MM/YYYY",
                key=key + ".on",
            )
            field_error(found, "finished_on")
            learned = st.text_area(t["learned_label"], key=key + ".learned", height=100)
            field_error(found, "summary")
            show_rest(name, {"finished_on", "summary"})
            if st.form_submit_button(t["finish_save"], type="primary"):
                _act(
                    name,
                    use_case(
                        learning_review.finish_cycle,
                        project.id,
                        on if isinstance(on, date) else None,
                        learned,
                    ),
                )
        return
    st.success(t["finished_on"].format(day=_day(review.finished_on)))
    if review.summary.strip():
        st.markdown(f"**{t['learned_heading']}**")
        st.text(review.summary)
    st.header(t["next_heading"], anchor=False)
    if following is not None:
        st.info(t["next_exists"].format(name=plain_label(following.name, 120)))
        return
    if st.button(t["reopen"], key=PREFIX + "reopen"):
        _act(PREFIX + "reopen", use_case(learning_review.reopen_cycle, project.id), fresh=False)
    show(PREFIX + "reopen", once=True)
    next_cycle(project)


def next_cycle(project: Project) -> None:
    t = screen(SCREEN)
    st.markdown(t["next_help"])
    user = context.user()
    if user is None or user.role not in PROJECT_ADMINS:
        st.info(t["next_who"])
        return
    name = PREFIX + "next"
    key = form_key(name)
    with st.form(key, enter_to_submit=False):
        wanted = st.text_input(
            t["next_name"],
            value=learning_review.suggested_name(context.repository(), project.id),
            max_chars=120,
            key=key + ".name",
        )
        field_error(errors(name), "name", "")
        if st.form_submit_button(t["next_start"], type="primary"):

            def start() -> None:
                made = use_case(learning_review.start_next_cycle, project.id, wanted)()
                context.choose_project(made.id)

            _act(name, start)
