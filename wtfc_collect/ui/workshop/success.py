"""Pieces of the "What success looks like" screen (Step 5). Owns the keys starting with ``success.``.

For each theme taken forward, one of its top root causes at a time: each perspective has its statements, each
statement its measures (numbers, or words we will hear people say). What the room wrote is shown as text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import Measure, MeasureKind, Perspective, RootCause
from wtfc_collect.domain.success import MEASURE_KIND_LABELS
from wtfc_collect.services.workshop import success, understand
from wtfc_collect.services.workshop.success import PerspectiveGroup, SuccessItem
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui.feedback import use_case
from wtfc_collect.ui.literal import literal, short
from wtfc_collect.ui.tables import big_table
from wtfc_collect.ui.workshop.understand import (
    act,
    big_text,
    evidence,
    heading,
    projector_style,
    show_problems,
    theme_picker,
    version,
)

SCREEN = "success"
PREFIX = SCREEN + "."
Problems = Mapping[str, str]
Actions = Mapping[str, Callable[..., Problems]]


# --- the screen, top to bottom ----------------------------------------------------------------------------
def draw(t: dict[str, str], repo: Repository, project_id: str) -> None:
    """The whole screen below its title: the theme, what the last cycle had for it, then for one of its top
    root causes each perspective's statements and measures."""
    projector_style()
    themes = understand.chosen_themes(repo, project_id)
    if not themes:
        st.info(t["no_themes"])
        return
    theme = theme_picker(themes, PREFIX, t["theme_label"])
    evidence(understand.theme_evidence(repo, theme), shown=0)
    carried = success.carried_success(repo, theme.id)
    if carried:
        carried_section(carried, lambda: act(SCREEN, use_case(success.carry_on, theme.id)))
    causes = success.success_causes(repo, theme.id)
    if not causes:
        st.info(t["no_causes"])
    else:
        cause = cause_picker(causes)
        actions = _actions(theme.id, cause.id)
        for group in success.success_board(repo, theme.id, cause.id):
            perspective(group, actions, cause.id)
        other_perspective(actions, cause.id)
    whole = success.success_board(repo, theme.id, None)
    if any(group.items for group in whole):
        st.header(t["whole_heading"], anchor=False)
        st.markdown(t["whole_help"])
        actions = _actions(theme.id, None)
        for group in whole:
            if group.items:
                perspective(group, actions, None, can_add=False)


def cause_picker(causes: list[RootCause]) -> RootCause:
    """Which of the top root causes the room is writing success for."""
    t = screen("success")
    by_id = {c.id: c for c in causes}
    numbers = {c.id: n for n, c in enumerate(causes, start=1)}
    chosen = st.radio(
        t["cause_label"],
        list(by_id),
        key=PREFIX + "cause",
        # Radio options read Markdown: the room's words go through the literal path.
        format_func=lambda cid: literal(
            short(t["cause_option"].format(number=numbers[cid], cause=by_id[cid].cause), 150)
        ),
    )
    cause = by_id.get(chosen or "", causes[0])
    st.markdown(f"**{t['cause_heading']}**")
    big_text(cause.cause, 1.6, bold=True)
    return cause


def carried_section(items: list[SuccessItem], on_carry: Callable[[], Problems]) -> None:
    """What the last cycle said success would look like for this theme, and the measures it followed."""
    t = screen("success")
    with st.container(border=True):
        st.subheader(t["carried_heading"], anchor=False)
        st.markdown(t["carried_help"])
        big_table(
            [t["col_statement"], t["col_measures"]],
            [
                (item.statement.text, "; ".join(_measure_line(m) for m in item.measures) or "–")
                for item in items
            ],
        )
        slot = st.empty()
        if st.button(t["carry_on"], key=PREFIX + "carry_on", type="primary"):
            show_problems(on_carry(), {}, slot)


def _measure_line(measure: Measure) -> str:
    t = screen("success")
    if measure.kind is MeasureKind.WORDS:
        return t["words_line"].format(words=measure.description)
    unit = f" {measure.unit}" if measure.unit else ""
    return f"{measure.description} ({figure(measure.where_it_stands, t['no_baseline'])}{unit})"


def _actions(theme_id: str, cause_id: str | None) -> dict[str, Callable[..., Problems]]:
    """What the forms of the screen can do; edits send the revision the form was filled in from."""

    def add(view: Perspective, name: str | None, text: str) -> Problems:
        return act(
            SCREEN,
            use_case(
                success.add_success,
                theme_id,
                text,
                root_cause_id=cause_id,
                perspective=view,
                perspective_name=name,
            ),
        )

    def measure(kind: MeasureKind, description: str, unit: str, baseline: str, how: str) -> dict[str, object]:
        return {
            "kind": kind,
            "description": description,
            "unit": unit,
            "baseline": baseline,
            "how_we_will_know": how,
        }

    return {
        "add": add,
        "add_other": lambda name, text: add(Perspective.OTHER, name, text),
        "edit": lambda s, text: act(
            SCREEN, use_case(success.edit_success, s.id, text, expected_revision=s.revision)
        ),
        "remove": lambda s: act(SCREEN, use_case(success.remove_success, s.id)),
        "add_measure": lambda s, *fields: act(
            SCREEN, use_case(success.add_measure, s.id, **measure(*fields))
        ),
        "edit_measure": lambda m, *fields: act(
            SCREEN, use_case(success.edit_measure, m.id, **measure(*fields), expected_revision=m.revision)
        ),
        "remove_measure": lambda m: act(SCREEN, use_case(success.remove_measure, m.id)),
    }


def plain_label(text: str) -> str:
    """Words someone typed, made safe for a widget label (which Streamlit reads as Markdown)."""
    return literal(text)


def figure(value: float | None, missing: str) -> str:
    """A baseline as people write it: 12, 1,500,000 or 2.5."""
    if value is None:
        return missing
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


MeasureFields = tuple[MeasureKind, str, str, str, str, dict[str, object]]


def _measure_fields(key: str, measure: Measure | None) -> MeasureFields:
    t = screen("success")
    kinds = list(MeasureKind)
    kind = st.radio(
        t["kind_label"],
        kinds,
        index=kinds.index(measure.kind) if measure else 0,
        format_func=MEASURE_KIND_LABELS.__getitem__,
        horizontal=True,
        key=key + ".kind",
    )
    slots: dict[str, object] = {"kind": st.empty()}
    description = st.text_area(
        t["measure_label"], measure.description if measure else "", key=key + ".description"
    )
    slots["description"] = st.empty()
    unit = st.text_input(t["unit_label"], (measure.unit or "") if measure else "", key=key + ".unit")
    slots["unit"] = st.empty()
    # Text, not a number box: a number box cannot be emptied again once it holds a figure.
    baseline = st.text_input(
        t["baseline_label"], figure(measure.baseline, "") if measure else "", key=key + ".baseline"
    )
    slots["baseline"] = st.empty()
    how = st.text_input(t["how_label"], measure.how_we_will_know if measure else "", key=key + ".how")
    slots["how_we_will_know"] = st.empty()
    return MeasureKind(kind or MeasureKind.NUMBER), description, unit, baseline, how, slots


def _measures(item: SuccessItem, which: dict[str, object], key: str, actions: Actions) -> None:
    t = screen("success")
    st.markdown(f"**{t['measures_heading']}**")
    if not item.measures:
        st.caption(t["no_measures"])
    else:
        big_table(
            [t["col_measure"], t["col_kind"], t["col_unit"], t["col_baseline"], t["col_how"]],
            [
                (
                    m.description,
                    MEASURE_KIND_LABELS[m.kind],
                    m.unit or "–",
                    "–" if m.kind is MeasureKind.WORDS else figure(m.baseline, t["no_baseline"]),
                    m.how_we_will_know or "–",
                )
                for m in item.measures
            ],
        )
    for number, measure in enumerate(item.measures, start=1):
        with st.expander(t["change_measure"].format(measure=number, **which)):
            form = f"{key}.m.{measure.id}"
            with st.form(form, enter_to_submit=False):
                *fields, slots = _measure_fields(form, measure)
                sure = st.checkbox(t["remove_measure_confirm"], key=form + ".sure")
                rest = st.empty()
                save, remove = st.columns(2)
                if save.form_submit_button(t["save_measure"].format(measure=number, **which)):
                    problems = actions["edit_measure"](measure, *fields)
                    show_problems(problems, slots, rest)
                if remove.form_submit_button(t["remove_measure"].format(measure=number, **which)):
                    problems = actions["remove_measure"](measure) if sure else {"": t["confirm_needed"]}
                    show_problems(problems, {}, rest)
    with st.expander(t["add_measure_heading"].format(**which)):
        form = f"{key}.newmeasure"
        with st.form(form, enter_to_submit=False):
            *fields, slots = _measure_fields(form, None)
            rest = st.empty()
            if st.form_submit_button(t["add_measure"].format(**which)):
                problems = actions["add_measure"](item.statement, *fields)
                show_problems(problems, slots, rest)


def _statement(item: SuccessItem, label: str, number: int, actions: Actions) -> None:
    """One statement in a card: its words, its measures, and the forms to change them. Buttons name the
    statement ("statement 2 (Providers)"), so each one says what it acts on."""
    t = screen("success")
    key = f"{PREFIX}{version(SCREEN)}.{item.statement.id}"
    which: dict[str, object] = {"number": number, "perspective": plain_label(label)}
    with st.container(border=True):
        big_text(item.statement.text, 1.6)
        _measures(item, which, key, actions)
        with (
            st.expander(t["change_statement"].format(**which)),
            st.form(key + ".edit", enter_to_submit=False),
        ):
            text = st.text_area(t["statement_label"], item.statement.text, key=key + ".edit.text")
            slot = st.empty()
            sure = st.checkbox(t["remove_statement_confirm"], key=key + ".edit.sure")
            rest = st.empty()
            save, remove = st.columns(2)
            if save.form_submit_button(t["save_statement"].format(**which)):
                show_problems(actions["edit"](item.statement, text), {"text": slot}, rest)
            if remove.form_submit_button(t["remove_statement"].format(**which)):
                problems = actions["remove"](item.statement) if sure else {"": t["confirm_needed"]}
                show_problems(problems, {}, rest)


def perspective(
    group: PerspectiveGroup, actions: Actions, cause_id: str | None, *, can_add: bool = True
) -> None:
    """One perspective: its statements with their measures, and a form to add another statement."""
    t = screen("success")
    heading(group.label)
    if not group.items:
        st.info(t["none_yet"])
    for number, item in enumerate(group.items, start=1):
        _statement(item, group.label, number, actions)
    if not can_add:
        return
    name = (group.name or "").casefold()
    key = f"{PREFIX}{version(SCREEN)}.add.{cause_id}.{group.perspective.value}.{name}"
    with st.form(key, enter_to_submit=False):
        text = st.text_area(t["statement_label"], key=key + ".text", placeholder=t["statement_placeholder"])
        slot = st.empty()
        rest = st.empty()
        if st.form_submit_button(t["add_statement"].format(perspective=plain_label(group.label))):
            show_problems(actions["add"](group.perspective, group.name, text), {"text": slot}, rest)


def other_perspective(actions: Actions, cause_id: str | None) -> None:
    """A statement from a perspective not on the screen yet, such as the third sector."""
    t = screen("success")
    st.header(t["other_heading"], anchor=False)
    st.markdown(t["other_help"])
    key = f"{PREFIX}{version(SCREEN)}.other.{cause_id}"
    with st.form(key, enter_to_submit=False):
        name = st.text_input(
            t["perspective_label"], key=key + ".name", placeholder=t["perspective_placeholder"], max_chars=120
        )
        name_slot = st.empty()
        text = st.text_area(t["statement_label"], key=key + ".text", placeholder=t["statement_placeholder"])
        text_slot = st.empty()
        rest = st.empty()
        if st.form_submit_button(t["add_other"], type="primary"):
            problems = actions["add_other"](name, text)
            show_problems(problems, {"perspective_name": name_slot, "text": text_slot}, rest)
