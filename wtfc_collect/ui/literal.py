"""Showing words someone typed exactly as typed, inside text Streamlit reads as Markdown.

Every place that shows typed words in Markdown (a caption, an alert, a heading, a widget's label, an
expander's title, a metric) passes them through :func:`literal`. Escaping the Markdown signs is not
enough on its own: Streamlit's Markdown also turns bare addresses (``http://…``, ``www.…``,
``name@place.org``) into links *after* escaping has been read. So :func:`literal` also puts an invisible
word joiner (U+2060) where such an address would begin: the words look the same, a screen reader reads
them the same, and nothing can be followed or loaded from them.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=^])")
JOINER = "\u2060"
# Where the link finder of GitHub-flavoured Markdown starts: a scheme's "//", "www." and the "@" of an
# address (any case).
_ADDRESS = re.compile(r"(?i)(?<=[a-z]:)(?=//)|(?<=www)(?=\.)|(?=@)")


def literal(text: str) -> str:
    """``text`` with every Markdown sign escaped and bare addresses broken, so ``**fine**`` shows with its
    stars, not in bold, and ``http://x.org`` shows as typed without becoming a link."""
    return _MARKDOWN.sub(r"\\\1", _ADDRESS.sub(JOINER, text))


def short(text: str, limit: int = 90) -> str:
    """Words typed by someone on one line, cut to ``limit`` characters (for the options of a select box,
    which are shown as they are)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def plain_label(text: str, limit: int = 90) -> str:
    """Words typed by someone, safe as a widget label (labels read Markdown): its signs show as typed."""
    return literal(short(text, limit))
