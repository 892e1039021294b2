"""Showing words someone typed exactly as typed, inside text Streamlit reads as Markdown."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def literal(text: str) -> str:
    """``text`` with every Markdown sign escaped, so ``**fine**`` shows with its stars, not in bold."""
    return _MARKDOWN.sub(r"\\\1", text)
