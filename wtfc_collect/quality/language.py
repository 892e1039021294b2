"""Which language a statement is in, roughly: the checker's words and rules are for English only.

A Welsh statement ("Dw i'n hoffi mynd i'r dref") is not checked for jargon: the checker says so, rather
than calling Welsh words professional ones. Text mostly in a script other than Latin letters is not
checked either. Short or mixed statements count as English.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Common Welsh words that are not English words.
_WELSH = _words("""
dw dwi rwy rydw rwyf mae maen roedd oedd oeddwn bydd fydd fy fyn yn yr y ac gyda gydag ddim dim hefyd
ond efo fi ti chi ni nhw hi fe fo ei eu i'r a'r o'r yw ydy ydw ydi hoffi hoffwn mynd gallu gwneud
cael wedi hefo amser pobl gofal cartref teulu ffrindiau diolch iawn da drwg mwy llawer ychydig weithiau
bob bore nos heddiw yfory dydd wythnos gweithio helpu angen eisiau isio moyn byw tref ysbyty meddyg
nyrs plant ffrind gyda'r ar yng ngofal fawr bach
""")
_ENGLISH = _words("""
i me my the and a an to of in is it was for on with at be are not have has had but you he she they we
this that so very good can do don't didn't all from by as or what when there been were would could
""")


# One of these is in nearly every Welsh sentence: an ASCII text with none of them is not looked at further.
_WELSH_GATE = re.compile(r"\b(?:mae|maen|yn|dw|dwi|rwy|rydw|gyda|ddim|fy|hefyd|iawn|ac|yr|roedd|oedd)\b",
                         re.IGNORECASE)


def language(text: str) -> str | None:
    """'Welsh', 'another language', or None for English (or too little to tell)."""
    if text.isascii() and _WELSH_GATE.search(text) is None:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 4:
        latin = sum(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in letters)
        if latin < 0.5 * len(letters):
            return "another language"
    found = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    if len(found) < 3:
        return None
    welsh = sum(w in _WELSH for w in found)
    english = sum(w in _ENGLISH for w in found)
    if welsh >= 2 and welsh >= 0.3 * len(found) and welsh > 2 * english:
        return "Welsh"
    return None
