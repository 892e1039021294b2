"""Typed words inside Markdown: every sign escaped, and no bare address left for the link finder.

The link finder of GitHub-flavoured Markdown (the one Streamlit's Markdown uses) runs on the text *after*
escapes are read, so a ``\\:`` does not stop ``http://…`` becoming a link. The patterns below are the
ones it looks for (scheme, ``www.``, an address with ``@``); a real browser checks the whole app in
tests/browser/test_typed_text.py.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wtfc_collect.ui.literal import JOINER, literal, plain_label, short

# After escapes are read: the text a reader sees, joiners included.
_UNESCAPE = re.compile(r"\\(.)")
_LINKS = re.compile(r"(?i)(https?://|www\.|[-.\w+]+@[-\w]+\.)")
_SIGNS = set("\\`*_{}[]()#+-.!|<>~:$=^")


def _read(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def test_markdown_signs_are_escaped() -> None:
    assert literal("**bold** [x](y) <b>") == r"\*\*bold\*\* \[x\]\(y\) \<b\>"


def test_bare_addresses_are_broken_where_the_link_finder_would_start() -> None:
    for typed in (
        "http://x.org/a",
        "HTTPS://x.org",
        "see www.x.org",
        "WWW.X.ORG",
        "me@x.org",
        "mailto:me@x.org",
    ):
        shown = _read(literal(typed))
        assert shown.replace(JOINER, "") == typed
        assert _LINKS.search(shown) is None, typed


@given(st.text(max_size=80))
def test_the_words_read_back_exactly_and_never_hold_an_address_or_an_unescaped_sign(typed: str) -> None:
    escaped = literal(typed)
    shown = _read(escaped)
    assert shown.replace(JOINER, "") == typed.replace(JOINER, "")
    assert _LINKS.search(shown) is None
    unescaped = _UNESCAPE.sub("", escaped)
    assert not (set(unescaped) & _SIGNS)


def test_a_label_is_one_short_line() -> None:
    assert short("a\n  b\tc") == "a b c"
    assert short("x" * 100, 10) == "x" * 9 + "…"
    assert plain_label("**x**\nhttp://y.org") == r"\*\*x\*\* http\:" + JOINER + r"//y\.org"
