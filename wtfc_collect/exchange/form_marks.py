"""Marks on review forms: the person's choices, the labels of a review's details, a blank form's prompts,
and the other parts of a review (what people like and admire, actions, signatures, …).

- Choices: "1st choice", "(2)", "Most important: …", a number typed in front of some answers, a ticked
  box, and a "Top two" or "Priority" column with 1, 2 or ticks in it.
- Details: "Review for", "Date of review", "Reference", "Review facilitator", … (also read by their words:
  "Date of this review", "Client ID number"), never a date of birth or an NHS number.
"""

from __future__ import annotations

import re
from typing import Literal

from wtfc_collect.domain.review import Priority

from .form_words import norm, questions_in, split_words, tokens
from .validate import Problem

WHOLE_FILE = "The Word file"

# --- choices -------------------------------------------------------------------------------------------
_ORD = r"(?:1st|first|2nd|second|one|two|[12])"
_CHOICE_WORD = r"(?:choice|priority|pick|preference|most\s+important)"
_MARK = (
    rf"(?:{_ORD}\s+{_CHOICE_WORD}|(?:choice|priority|rank|no\.?|number|\#)\s*{_ORD}"
    r"|(?:(?:second|next)\s+)?most\s+important)"
)
_PREFIX = re.compile(rf"^\s*{_MARK}\s*[:\-–—.)]\s*", re.I)
_SUFFIX = re.compile(rf"\s*(?:[(\[]\s*(?:{_MARK}|{_ORD})\s*[)\]]|\s[-–—]\s*{_MARK})\s*[.!]?\s*$", re.I)
_TYPED_NUMBER = re.compile(r"^\s*(?:\((?P<a>\d{1,2})\)|(?P<b>\d{1,2})(?:[.)]|\s*[-–:]))\s+(?=\D)")
_CHOICE_HEADER_WORDS = frozenset(
    split_words(
        """
    top two 2 1 most important priority priorities prioritised prioritized choice choices chosen rank
    ranking ranked order preference preferences tick ticked star starred mark marked the or and 1st 2nd
    first second s person persons their his her my please things thing a next in of importance
    """
    )
)
_CHOICE_HEADER_KEYS = frozenset(
    split_words(
        "top priority priorities prioritised prioritized choice choices chosen rank ranking ranked order "
        "preference tick ticked star starred most"
    )
)
_TICKS = frozenset(split_words("✓ ✔ ☑ ☒ ✗ ✘ x * ★ ● ■ yes y tick ticked chosen top"))


def _ordinal(mark: str) -> Priority | None:
    found = mark.casefold()
    if re.search(r"\b(?:2nd|second|two|2|next)\b", found):
        return 2
    if re.search(r"\b(?:1st|first|one|1)\b|most\s+important", found):
        return 1
    return None


def choice_mark(text: str) -> tuple[Priority | None, str]:
    """The choice an answer says it is ("1st choice: …", "… (2nd)", "Most important - …"), and the
    answer without the mark. (None, text) when it says none."""
    for pattern in (_PREFIX, _SUFFIX):
        match = pattern.search(text)
        if match:
            place = _ordinal(match[0])
            if place is not None:
                rest = (text[: match.start()] + text[match.end() :]).strip()
                if rest:
                    return place, rest
    return None, text


_BOX = re.compile(r"^\s*([☐☒☑✓✔✗✘■□])\s*")


def tick_box(text: str) -> tuple[bool, str]:
    """A box in front of an answer: ticked (☒, ☑, ✓) marks it as chosen; an empty one (☐) does not."""
    match = _BOX.match(text)
    rest = text[match.end() :].strip() if match else text
    if not match or not rest:
        return False, text
    return match[1] in "☒☑✓✔■", rest


def typed_number(text: str) -> tuple[int | None, str]:
    """A number typed in front of an answer ("1. …", "2) …", "(1) …"), and the answer without it."""
    match = _TYPED_NUMBER.match(text)
    if not match:
        return None, text
    value = match["a"] or match["b"]
    rest = text[match.end() :].strip()
    return (int(value), rest) if rest else (None, text)


def choice_header(text: str) -> bool:
    """A column or part heading that marks the person's choices ("Top two", "Priority", "Kim's choice")."""
    words = tokens(text)
    unknown = [w for w in words if w not in _CHOICE_HEADER_WORDS]
    return (
        bool(words)
        and len(words) <= 8
        and len(unknown) <= 1
        and any(w in _CHOICE_HEADER_KEYS for w in words)
        and not questions_in(text)
    )


def mark_value(text: str) -> Priority | Literal[True] | None:
    """What a cell of a choices column says: 1 or 2, True for a tick (no order), None for no mark."""
    value = " ".join(text.split()).casefold().rstrip(".")
    if value in {"1", "1st", "first", "one", "1st choice", "first choice"}:
        return 1
    if value in {"2", "2nd", "second", "two", "2nd choice", "second choice"}:
        return 2
    return True if value in _TICKS else None


# --- details -------------------------------------------------------------------------------------------
# (field, strong): a strong label names the field for sure; a weak one ("Date", "Name") only when no
# strong label gave it, so a signature's date or a name next to a reference does not clash.
_FIELDS: dict[str, tuple[str, bool]] = {}
for _name, _strong, _labels in (
    (
        "person_ref",
        True,
        "review for|person reference|person ref|persons reference|person s reference|reference|"
        "reference number|ref|ref no|reference no|person id|client id|client reference|id|record number|"
        "case number|case reference|review of|adolygiad ar gyfer|cyfeirnod",
    ),
    ("person_name", False, "name|name of person|persons name|person s name|full name|person|service user"),
    (
        "review_date",
        True,
        "date of review|review date|date of the review|date of meeting|meeting date|dyddiad yr adolygiad|"
        "dyddiad adolygu",
    ),
    ("review_date", False, "date|date completed|completed on|dyddiad"),
    (
        "reviewer",
        True,
        "review facilitator|facilitator|reviewer|facilitated by|completed by|review completed by|"
        "person completing|reviewing officer|lead reviewer|hwylusydd|hwylusydd yr adolygiad",
    ),
    (
        "participants",
        True,
        "people attending review|people attending|who attended|attending|present|"
        "people present|who was there|attendees|participants|people at the review",
    ),
    ("location", True, "location of review|location|venue|where|place of review|where held"),
    ("team", True, "team"),
    ("service_type", True, "service type|type of service"),
    ("area", True, "area"),
    ("group", True, "group"),
):
    for _label in _labels.split("|"):
        _FIELDS[" ".join(_label.split())] = (_name, _strong)


def field_label(text: str) -> tuple[str, bool] | None:
    """(field, strong) for the label of a review detail, such as "Review for" or "Date of review".

    Besides the usual labels, a short label is read by its words: a date of the review or meeting
    ("Date of this review"), a reference or ID ("Client ID number", but not an NHS number), a name of the
    person ("Service user's name"), or who led the review ("Name of reviewer")."""
    words = norm(text)
    found = _FIELDS.get(words)
    if found is not None or not words:
        return found
    split = set(words.split())
    if len(split) > 6 or split & {
        "birth",
        "dob",
        "nhs",
        "next",
        "last",
        "previous",
        "kin",
        "gp",
        "address",
        "phone",
    }:
        return None
    if "date" in split:
        return ("review_date", True) if split & {"review", "meeting"} else None
    if split & {"reviewer", "facilitator", "facilitated", "completed", "led"}:
        return "reviewer", True
    if split & {"reference", "ref", "id", "identifier"}:
        return "person_ref", True
    if "name" in split and split <= {
        "name",
        "the",
        "of",
        "person",
        "persons",
        "s",
        "full",
        "service",
        "user",
        "users",
        "client",
        "clients",
        "individual",
        "individuals",
        "your",
    }:
        return "person_name", False
    if split & {"attending", "attended", "attendees", "participants"} or words.startswith("who was"):
        return "participants", True
    return None


_PROMPT = re.compile(
    r"^(?:\[[^\]]*\]|\((?:e\.?g\.?|for example|please|list|write|tick|include|think)[^)]*\)"
    r"|(?:click|tap)(?:\s+or\s+tap)?\s+here\b.*|type\s+here\b.*|enter\s+text\b.*)$",
    re.I,
)
_GUIDANCE = re.compile(
    r"^(?:think about|list|write|include|record|note|please|use this|ask|describe|e\.?g\.?|for example|"
    r"consider|remember|this section|in this section|tick)\b",
    re.I,
)


def prompt(text: str) -> bool:
    """A blank form's prompt or an instruction in brackets ("[Type here]", "(list the top two)")."""
    return bool(_PROMPT.match(text.strip()))


def guidance(text: str) -> bool:
    """Words that start like an instruction printed on the form ("Think about home, work and friends.");
    only italic lines are taken for instructions, as people's own words may start the same way."""
    return bool(_GUIDANCE.match(text.strip()))


# --- parts of a review form ---------------------------------------------------------------------------
# Parts of person-centred reviews and profiles that ask something else than the three questions: answers
# under them are counted in the report as left out.
OTHER_QUESTIONS = re.compile(
    r"\b(?:(?:what(?:'|’)?s?\s+(?:is\s+)?)?important\s+(?:to|for)\b|like\s+and\s+admire|admire|appreciat\w*"
    r"|good\s+support|best\s+support|how\s+(?:best\s+)?to\s+support|questions?\s+to\s+answer"
    r"|action\s+plan|agreed\s+actions|next\s+steps|(?:what\s+(?:we|i|have\s+we)\s+(?:have\s+)?)learn\w*"
    r"|learning\s+log|communication\s+(?:chart|needs)|decision[\s-]+making|one\s+page\s+profile|about\s+me"
    r"|good\s+day|bad\s+day)\b|^\s*(?:\d+[.)]\s*)?(?:actions?|outcomes?|my\s+outcomes)\b",
    re.I,
)
# Parts that end a form's answers without asking anything (named at the start of the line).
END_PARTS = re.compile(
    r"^\s*(?:signed|signature|(?:other\s+|any\s+other\s+|additional\s+)?(?:comments?|notes?)|agreed\s+by"
    r"|consent|background|declaration|(?:for\s+)?office\s+use)\b",
    re.I,
)
# Lines that end the answers: a signature and what goes with it.
END_LINE = re.compile(
    r"^\s*(?:signed|signature|sign(?:ed)?\s+by|date\s+signed|print\s+name|office\s+use\s+only)\b\s*(?::.*)?$",
    re.I,
)


def has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def same_row(label_where: str, value_where: str) -> bool:
    """A value goes with the label before it: in a table, only in the same row."""
    if not label_where.startswith("Table") and ", row " not in label_where:
        return True
    return value_where.startswith(label_where.rsplit(", column", 1)[0] + ",")


def twice(name: str, label: str, earlier: str, value: str) -> Problem:
    if name == "person_ref":
        return Problem(
            WHOLE_FILE,
            f"it holds more than one person's review ('{earlier}' and '{value}'). Put each review in a Word "
            "file of its own and import them one at a time.",
        )
    if name == "review_date":
        return Problem(
            WHOLE_FILE,
            f"it gives two dates of review ('{earlier}' and '{value}'): it may hold two reviews. Keep one "
            "review in each Word file.",
        )
    return Problem(
        WHOLE_FILE, f"it gives '{label}' twice, differently ('{earlier}' and '{value}'). Keep one."
    )
