"""Running a use case from a screen, and showing what went wrong in plain words next to its control.

Every screen runs its use cases through :func:`run_action`. A broken rule of the method (``InvalidInput``:
a message for each field; ``DomainError``: one message, perhaps naming its field), someone else saving at
the same time, or a store that cannot be written, becomes a plain message kept under the control's key
(``"<screen>.<control>"``) until that control is used again, and :func:`show` draws it where the control is
drawn. A screen whose controls all act on one thing (the card being read out) passes ``forget`` so that
only its latest message stays.

A person doing their own review gets each message in the language they chose (``ui/language.py``).

Messages often carry words someone typed (a name, a label): they are shown as typed, never as Markdown.

Nothing anyone typed is lost: a form or control whose widget keys carry :func:`form_key` (or
:func:`form_version`) starts empty after a save only when asked (``fresh``). Emptying a widget by deleting
its key from the session state does not work: the browser keeps showing what it holds and sends it back
with the next click (ticks nobody gave, a choice nobody made). New keys make new, empty widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any, TypeVar

import streamlit as st

from wtfc_collect.domain import DomainError
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.storage.port import ConflictError, StoreError
from wtfc_collect.ui import context, language
from wtfc_collect.ui.literal import literal

ICON = ":material/error:"  # Material Symbols come with Streamlit: no emoji font needed
T = TypeVar("T")


STATE = "feedback.outcomes"  # control key -> {"errors": {field: message}, "done": message}


def _outcomes() -> dict[str, dict[str, Any]]:
    found = st.session_state.get(STATE)
    if not isinstance(found, dict):
        found = {}
        st.session_state[STATE] = found
    return found


def _outcome(key: str) -> dict[str, Any] | None:
    return _outcomes().get(key)


def problems_of(error: Exception, *, conflict: str = "") -> dict[str, str]:
    """The plain messages a failed use case gives, by field ("" for the whole thing)."""
    if isinstance(error, InvalidInput):
        return dict(error.errors) or {"": error.message}
    several = getattr(error, "problems", None)  # everything still missing, e.g. before sending a review in
    if isinstance(several, list) and all(isinstance(p, DomainError) for p in several) and several:
        return {p.field or "": p.message for p in several}
    if isinstance(error, DomainError):
        return {error.field or "": error.message}
    if isinstance(error, ConflictError):
        return {"": conflict or str(error)}
    return {"": str(error)}


def remember(
    key: str,
    errors: Mapping[str, str] | None = None,
    *,
    done: str = "",
    note: str = "",
    forget: str = "",
) -> None:
    """Keep ``errors`` (or a ``done`` message, or a ``note`` to heed) as what ``key``'s control said last;
    with ``forget``, drop what every other control whose key starts with it said."""
    outcomes = _outcomes()
    if forget:
        for other in [k for k in outcomes if k.startswith(forget)]:
            del outcomes[other]
    outcomes[key] = {"errors": dict(errors or {}), "done": done, "note": note}


def run_action(
    key: str,
    action: Callable[[], object],
    *,
    done: str = "",
    note: str = "",
    fresh: bool = False,
    conflict: str = "",
    rerun: bool = False,
    forget: str = "",
) -> bool:
    """Run ``action`` (a use case with its arguments bound) for the control or form ``key``.

    True when it worked: the control's earlier messages go; ``done`` (that it worked) and ``note``
    (something to heed, such as words cut to fit) are kept to be shown next to the control; with ``fresh``
    the version of ``key`` moves on, so widgets keyed with :func:`form_key` are drawn new and empty. False
    when a rule was broken: the messages are kept for :func:`show` and nothing typed is touched.

    ``conflict`` words the message for someone else saving at the same time; ``forget`` drops what other
    controls said (see :func:`remember`). With ``rerun`` the screen is drawn again at once either way (for
    a form in the script's flow, whose message places were drawn before its button; never in a callback).
    """
    try:
        action()
    except (DomainError, StoreError) as error:
        said = language.for_person(context.user())  # a person's own review: in the language they chose
        problems = problems_of(error, conflict=conflict)
        remember(key, {f: language.translated(m, said) for f, m in problems.items()}, forget=forget)
        worked = False
    else:
        remember(key, done=done, note=note, forget=forget)
        if fresh:
            st.session_state[key + ".version"] = form_version(key) + 1
        worked = True
    if rerun:
        st.rerun()
    return worked


def errors(key: str) -> dict[str, str]:
    """What ``key``'s control said last, by field (nothing once it has worked)."""
    found = _outcome(key)
    return dict(found["errors"]) if found else {}


def done(key: str) -> str:
    """That ``key``'s control worked, in words, as it said last ("" after a mistake or before it is used)."""
    found = _outcome(key)
    return str(found["done"]) if found and not found["errors"] else ""


def form_version(key: str) -> int:
    """Part of a form's widget keys: it moves on after a save made with ``fresh`` (the form starts empty)."""
    return int(st.session_state.get(key + ".version", 0))


def form_key(key: str) -> str:
    """The widget key of form ``key`` now: it changes after a save made with ``fresh``."""
    return f"{key}.{form_version(key)}"


def field_error(found: Mapping[str, str], *fields: str) -> None:
    """Show the message for the first of ``fields`` (or a dotted part of it) that has one."""
    for field in fields:
        for name, message in found.items():
            if name == field or name.startswith(field + "."):
                st.error(literal(message), icon=ICON)
                return


def leftover_errors(found: Mapping[str, str], shown: Collection[str]) -> None:
    """Show the messages not tied to any field drawn on the screen (rules about the whole record)."""
    for name, message in found.items():
        if not any(name == f or name.startswith(f + ".") for f in shown):
            st.error(literal(message), icon=ICON)


def show(key: str, *fields: str, once: bool = False) -> None:
    """Draw, here, what ``key``'s control said last: the message for one of ``fields`` (every message when
    none is named), or that it worked. With ``once`` it is drawn this time only (for a one-click action
    with no field to keep the message beside)."""
    found = _outcome(key)
    if found is None:
        return
    if once:
        del _outcomes()[key]
    if fields:
        field_error(found["errors"], *fields)
    else:
        for message in found["errors"].values():
            st.error(literal(message), icon=ICON)
    if found.get("note"):
        st.warning(literal(found["note"]), icon=":material/info:")
    if found["done"]:
        st.success(literal(found["done"]))


def show_rest(key: str, shown: Collection[str]) -> None:
    """Draw ``key``'s messages about anything not among the ``shown`` fields."""
    leftover_errors(errors(key), shown)


def use_case(function: Callable[..., T], *args: Any, **kwargs: Any) -> Callable[[], T]:
    """``function`` (a use case that changes something) bound to this session's store, user and clock, and
    to ``args``, ready for :func:`run_action` (the store and clock are read when it runs)."""
    return lambda: function(context.repository(), *args, actor=context.actor(), now=context.now(), **kwargs)
