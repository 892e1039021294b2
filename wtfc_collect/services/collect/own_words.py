"""Gentle own-words notes while a review is being filled in, from the quality checker.

A note is about a whole phrase as the person's words would replace it: "Requires support with personal
care", not only "Requires". When the phrase reads like care notes (about the person, not in their voice),
the note offers the same words in the first person, and only when the rewrite is sure to be good English
("I need support with personal care"; never "I requires …"). A name that starts such a phrase gets one
note that says both sides: ask the person if it is about them; keep it if it is about someone else (the
name becomes [name] for the workshop).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wtfc_collect.domain import STATEMENT_MAX_CHARS, Speaker
from wtfc_collect.quality import Flag, FlagKind, check_statement

# Duplicates need the whole project and acronyms are only a weak signal: neither is worth
# interrupting a conversation for.
_NOTE_KINDS = frozenset(
    {FlagKind.JARGON, FlagKind.THIRD_PERSON, FlagKind.SERVICE, FlagKind.VAGUE, FlagKind.PERSONAL_DATA,
     FlagKind.REGISTER}
)
_CLAUSE_END = re.compile(r"[.;!?\n]")
# Verbs after 'he', 'she', a name or 'the service user' that care notes use and the checker has no
# first-person form for: the form that goes with 'I'. Any other verb: no rewrite is offered.
_AFTER_SUBJECT = {
    "is": "I am", "was": "I was", "has": "I have", "had": "I had", "does": "I do", "did": "I did",
    "can": "I can", "could": "I could", "will": "I will", "would": "I would", "should": "I should",
    "must": "I must", "might": "I might", "may": "I may", "isn't": "I'm not", "wasn't": "I wasn't",
    "hasn't": "I haven't", "doesn't": "I don't", "didn't": "I didn't", "can't": "I can't",
    "cannot": "I cannot", "won't": "I won't", "wouldn't": "I wouldn't", "couldn't": "I couldn't",
}  # fmt: skip
_VERB = re.compile(r"\s*([A-Za-z]+(?:['’][a-z]+)?)\b")
# Words about the person in care notes, in the person's own voice. 'her' before a word that names
# something is 'my' ("her garden"); otherwise 'me' ("takes her out").
_OWN = {"his": "my", "himself": "myself", "herself": "myself", "him": "me"}
_OWN_WORD = re.compile(r"\b(his|himself|herself|him|her)\b(\s+\w+)?", re.IGNORECASE)
_NOT_A_THING = frozenset(
    [
        "to",
        "with",
        "and",
        "or",
        "but",
        "out",
        "up",
        "in",
        "on",
        "at",
        "for",
        "from",
        "about",
        "into",
        "by",
        "of",
        "so",
        "as",
        "if",
        "when",
        "because",
        "too",
        "again",
        "home",
        "there",
        "here",
    ]
)


@dataclass(frozen=True)
class OwnWordsNote:
    """One thing worth checking with the person: the words it is about, why, and the same words put
    another way when there is a sure one (``suggestion``; None when there is not)."""

    kind: str
    words: str
    explanation: str
    suggestion: str | None = None


def own_words_notes(
    text: str, field: str | None = None, said_by: Speaker = Speaker.PERSON
) -> list[OwnWordsNote]:
    """Notes for a statement as typed (strong signals only). Empty when it reads like the person.
    ``field``: the project's field (social_care, health, housing or mixed; see ``Project.field``);
    ``said_by``: who the statement is recorded as said by (a relative telling the person's story is then
    no note)."""
    flags = [f for f in check_statement(text, field, relative_speaks=said_by.relative).flags
             if f.strong and f.kind in _NOTE_KINDS]
    names = {
        (f.start, f.end) for f in flags if f.kind is FlagKind.PERSONAL_DATA and f.alternative == "[name]"
    }
    notes: list[OwnWordsNote] = []
    phrases: list[tuple[int, int]] = []  # the care-note phrases noted so far
    named: set[tuple[int, int]] = set()  # names that start one of them (noted with it)
    for flag in sorted((f for f in flags if f.kind is FlagKind.THIRD_PERSON), key=lambda f: f.start):
        if any(start <= flag.start < end for start, end in phrases):
            continue  # 'He says he …': one note for the phrase
        end = _clause_end(text, flag.end)
        phrases.append((flag.start, end))
        by_name = (flag.start, flag.end) in names
        if by_name:
            named.add((flag.start, flag.end))
        notes.append(_phrase_note(text, flag, end, by_name))
    for flag in flags:
        if flag.kind is FlagKind.THIRD_PERSON or (flag.start, flag.end) in named:
            continue
        if any(start <= flag.start and flag.end <= end for start, end in phrases) and _overlaps(flag, flags):
            continue  # the same words as the phrase's own subject ('Service user'): said once
        notes.append(OwnWordsNote(flag.kind.value, text[flag.start : flag.end], flag.explanation))
    return notes


def _overlaps(flag: Flag, flags: list[Flag]) -> bool:
    """Whether ``flag`` covers the same words as a third-person flag (its subject or verb)."""
    return any(
        other.kind is FlagKind.THIRD_PERSON and other.start < flag.end and flag.start < other.end
        for other in flags
    )


def _clause_end(text: str, start: int) -> int:
    found = _CLAUSE_END.search(text, start)
    end = found.start() if found else len(text)
    return len(text[:end].rstrip())


def _phrase_note(text: str, flag: Flag, end: int, by_name: bool) -> OwnWordsNote:
    phrase = text[flag.start : end]
    suggestion = first_person(text, flag, end)
    example = f" For example: “{suggestion}”." if suggestion else " For example: “I …”."
    if by_name:
        explanation = (
            f"“{phrase}” is written about someone by name. If it is about the person, ask them and write "
            f"what they said, in their words.{example} If it is about someone else, keep it: the name "
            "becomes [name] for the workshop."
        )
    else:
        explanation = (
            f"“{phrase}” reads like care notes about the person, not their own words. Ask them how they "
            f"would say it, and write that down.{example}"
        )
    return OwnWordsNote(FlagKind.THIRD_PERSON.value, phrase, explanation, suggestion)


def first_person(text: str, flag: Flag, end: int) -> str | None:
    """The care-note phrase from ``flag`` to ``end`` said in the first person, or None when there is no
    sure way: 'Requires support with personal care' -> 'I need support with personal care', 'She loves her
    garden' -> 'I love my garden'. Only verbs whose first-person form is known are changed."""
    rest = text[flag.end : end]
    head: str | None = flag.alternative
    if head == "I" or not head:  # the flag is who: 'he', 'she', a name, 'the service user'; a verb follows
        verb = _VERB.match(rest)
        head = _verb_after_subject(verb.group(1)) if verb else None
        rest = rest[verb.end() :] if verb else rest
    return (head + _own_voice(rest)).strip() if head else None


def _verb_after_subject(verb: str) -> str | None:
    word = verb.casefold().replace("’", "'")
    if word in _AFTER_SUBJECT:
        return _AFTER_SUBJECT[word]
    # A care-notes verb the checker knows ('requires' -> 'I need'), looked up by checking it on its own.
    found = [
        f for f in check_statement(f"{word} it").flags if f.kind is FlagKind.THIRD_PERSON and f.start == 0
    ]
    if found and found[0].alternative and found[0].alternative != "I" and found[0].end == len(word):
        return found[0].alternative
    return None


def _own_voice(rest: str) -> str:
    """'his', 'him', 'her', 'himself' and 'herself' as the person would say them."""

    def mine(match: re.Match[str]) -> str:
        word, after = match.group(1), match.group(2) or ""
        if word.casefold() == "her":
            next_word = after.strip().casefold()
            said = "my" if next_word and next_word not in _NOT_A_THING else "me"
        else:
            said = _OWN[word.casefold()]
        return said + after

    return _OWN_WORD.sub(mine, rest)


def fit_statement(text: str) -> tuple[str, bool]:
    """The text cut to the longest a statement may be, and whether anything was cut off."""
    if len(text) <= STATEMENT_MAX_CHARS:
        return text, False
    return text[:STATEMENT_MAX_CHARS], True
