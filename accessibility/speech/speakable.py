"""Turn a text written for the screen (a little markdown) into plain words to speak."""

from __future__ import annotations

import re
import unicodedata

MAX_SPOKEN_CHARACTERS = 4_000

_ICON = re.compile(r":material/[a-z0-9_]+:")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HEADING = re.compile(r"^#{1,6}\s+")
_QUOTE = re.compile(r"^(?:>\s?)+")
_LIST_MARKER = re.compile(r"^(?:[-*+•‣–]|\d{1,3}[.)])(?:\s+|$)")
_EMPHASIS = re.compile(r"\*{1,3}|`+|~~|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_SPACES = re.compile(r"[ \t]+")
_ENDS_A_SENTENCE = re.compile(r"[.!?:;…]$")


def speakable(text: str) -> str:
    """The words of ``text`` without markdown symbols, one sentence per line joined with pauses.

    ``"- Ask about a good day\\n- Who helps?"`` becomes ``"Ask about a good day. Who helps?"``.
    Control characters are dropped; a very long text is cut at ``MAX_SPOKEN_CHARACTERS``.
    """
    cleaned = "".join(_plain_character(ch) for ch in text)
    lines: list[str] = []
    for raw in cleaned.split("\n"):
        line = _LINK.sub(r"\1", _ICON.sub("", raw.strip()))
        if _RULE.match(line):
            continue
        line = _LIST_MARKER.sub("", _QUOTE.sub("", _HEADING.sub("", line)))
        line = _SPACES.sub(" ", _EMPHASIS.sub("", line)).strip()
        if line:
            lines.append(line)
    spoken = " ".join(
        line if index == len(lines) - 1 or _ENDS_A_SENTENCE.search(line) else f"{line}."
        for index, line in enumerate(lines)
    )
    if not any(ch.isalnum() for ch in spoken):
        return ""  # only punctuation: nothing to say
    return spoken[:MAX_SPOKEN_CHARACTERS]


def _plain_character(ch: str) -> str:
    if ch == "\n":
        return ch
    if ch in "\t\r":
        return " "
    return "" if unicodedata.category(ch).startswith("C") else ch
