"""What a message, caption or label reads on the screen: the app escapes every Markdown sign in words that
may have been typed (wtfc_collect/ui/literal.py), so an AppTest's raw Markdown holds backslashes and
invisible word joiners the reader never sees."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from wtfc_collect.ui.literal import JOINER

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~:$=^])")


def shown(markdown: object) -> str:
    return _ESCAPE.sub(r"\1", str(markdown)).replace(JOINER, "")


def said(elements: Iterable[Any]) -> list[str]:
    """The text of each element (errors, successes, captions…) as read on the screen."""
    return [shown(e.value) for e in elements]
