"""The words review forms use, read by meaning rather than by one template's spelling.

- Question headings: "What is working", "What’s working for Kim", "Things that are not working well",
  "What is important to Ray now and in the future", "3) What are the person's main priorities in the
  whats working section?" — with or without a curly apostrophe, a name, a number or a question mark.
- Whose view a heading or a row or column label gives: the person ("Kim", "Me", "From Kim's point of
  view"), family or carer ("Mum", "Family's perspective"), or staff ("Support worker", "Staff views").
- Marks of the person's choices: "1st choice", "(2)", "Most important", a "Top two" or "Priority" column
  with 1, 2 or ticks in it, and headings that ask for the top two.
- The labels of a review's details ("Review for", "Date of review", "Reference", …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from wtfc_collect.domain import Question, Speaker
from wtfc_collect.domain.review import Priority


def _split(text: str) -> list[str]:
    return text.split()


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'"})


def tokens(text: str) -> list[str]:
    """Lower-case words without punctuation; "Kim’s" gives "kim" and "s", "isn't" gives "isnt"."""
    text = text.translate(_APOSTROPHES).casefold()
    text = re.sub(r"'s\b", " s", text).replace("'", "")
    return re.sub(r"[^\w]+", " ", text).split()


def norm(text: str) -> str:
    return " ".join(tokens(text))


# --- questions -----------------------------------------------------------------------------------------
_NOT_WORKING = re.compile(
    r"\b(?:(?:not|isnt|arent|doesnt|dont|never|wasnt)\s+(?:\w+\s+)?(?:working|work|going\s+(?:so\s+)?well)"
    r"|(?:needs?|has|have|would\s+like|like|want|wants)\s+to\s+change"
    r"|could\s+be\s+better|not\s+so\s+good|not\s+good"
    r"|(?:ddim|nad\s+yw\s*n?|nad\s+ydy\s*n?)\s+(?:yn\s+)?gweithio)\b"
)
_WORKING = re.compile(
    r"\b(?:working|works|going\s+(?:well|right)|(?:what\s+is|whats|what\s+are)\s+(?:going\s+)?good"
    r"|good\s+things|gweithio)\b"
)
_FUTURE = re.compile(
    r"\b(?:future|aspirations?|ambitions?|hopes?\s+and\s+dreams|(?:hopes?|dreams?|wishes|goals?)\s+for"
    r"|looking\s+ahead|dyfodol)\b"
)
# Words a question heading may hold besides the question itself: asking words, who it is about, when.
_HEADING_WORDS = frozenset(
    _split(
        """
    a about according all and answers any are as at be behalf below best but by could currently day
    different do does doing everyone everyones for from going good has have he her here him his how i in
    is isnt it its just life lives list main me moment most my next not now of on or others our own
    people person persons please point points present priorities priority really review s say says
    section she significant so some tell that the their them these they things thing think thinks this
    three to top two us view views want wants we well were what whats when where which who whose why
    with would write you your yours 1 2 3 4 5 6 7 8 9 q question important importance order first
    second both sides life home work college school right today year years months week moment time
    going working work works future change changes needs need like hopes hope dreams aspirations
    ambitions wishes things currently at perspective perspectives family families carer carers staff
    parents parent others other better so good goals ahead looking happen
    beth sy syn sydd yn ddim nad yw ydy ar gyfer y yr dyfodol gweithio bwysig pwysig i mi ti chi
    """
    )
)
_SHORT = frozenset(
    {
        "working",
        "working well",
        "not working",
        "not working well",
        "isnt working",
        "future",
        "the future",
        "for the future",
        "my future",
        "hopes for the future",
        "hopes and dreams",
        "aspirations",
        "important for the future",
        "important in the future",
    }
)
_ASKING = ("what", "whats", "which", "things", "from", "how", "tell", "is", "are", "beth")
_NUMBERED = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\(?\d{1,2}\s*[).:]\s*|^\s*q(?:uestion)?\s*\d{1,2}\s+", re.I)
_RANKED = re.compile(
    r"\b(?:top\s+(?:two|2)|(?:two|2)\s+most\s+important|most\s+important|first\s+and\s+second"
    r"|1st\s+and\s+2nd|in\s+order\s+of\s+importance)\b"
)


@dataclass(frozen=True)
class Heading:
    """What a line read as a heading says."""

    question: Question | None  # None for a heading that names no single question
    speaker: Speaker | None = None  # whose view it names, if it says
    name: str | None = None  # the person it names ("Kim"), if any
    ranked: bool = False  # it asks for the top two, most important first
    mixed: bool = False  # it names several questions ("What is working and not working")
    asks: bool = True  # it asks ("What …") or is a question's short name ("Not working")


def questions_in(text: str) -> list[Question]:
    """The questions a line names, by their words."""
    words = norm(_NUMBERED.sub("", text))
    found: list[Question] = []
    rest = words
    if _NOT_WORKING.search(rest):
        found.append(Question.NOT_WORKING)
        rest = _NOT_WORKING.sub(" ", rest)
    if _WORKING.search(rest):
        found.append(Question.WORKING)
    if _FUTURE.search(words):
        found.append(Question.FUTURE)
    return found


def numbered(text: str) -> bool:
    return bool(_NUMBERED.match(text))


def question_heading(text: str, *, kind: str, in_section: bool) -> Heading | None:
    """The heading this line is, if it names one or more of the three questions, else None.

    ``kind`` is how the line looks: "sure" (a heading style, a table's header, a number in front, or a
    question mark or colon at the end), "bold" (all in bold) or "plain". A plain line counts only when
    every word of it is a heading's word or a name, and inside a question's answers only when it also
    starts like a question ("What …"); a bold one there needs the same, or to ask.
    """
    found = questions_in(text)
    if not found:
        return None
    bare = _NUMBERED.sub("", text).strip()
    words = tokens(bare)
    names = _names(bare)
    other = [w for w in words if w not in _HEADING_WORDS and w not in names and not _perspective_word(w)]
    asks = bool(words) and words[0] in _ASKING
    short = " ".join(words) in _SHORT
    clean = not other and len(words) <= 16
    if kind == "sure":
        fits = len(other) <= 3 or (asks and len(words) <= 40)
    elif kind == "bold":
        fits = clean or (asks and len(words) <= 40) or (not in_section and len(other) <= 3)
    else:
        fits = clean and (short or asks or not in_section)
    if not fits:
        return None
    speaker, name = heading_speaker(bare)
    if len(found) > 1:
        return Heading(None, speaker, name, mixed=True)
    ranked = bool(_RANKED.search(" ".join(words)))
    return Heading(found[0], speaker, name, ranked=ranked, asks=asks or short or numbered(text))


def _names(text: str) -> set[str]:
    """Capitalised words that are not heading words: most likely names ("Kim")."""
    found = set()
    for raw in re.findall(r"[^\W\d_][\w'’-]*", text.translate(_APOSTROPHES))[1:]:
        word = re.sub(r"'s$", "", raw).replace("'", "").casefold()
        if raw[0].isupper() and word not in _HEADING_WORDS and not _perspective_word(word) and word != "i":
            found.add(word)
    return found


# --- whose view ----------------------------------------------------------------------------------------
_PERSON = frozenset(
    _split(
        "person me myself i self individual client patient customer tenant resident child pupil student "
        "learner you yourself"
    )
)
_FAMILY = frozenset(
    _split(
        """
    family families carer carers parent parents mum mums mother mothers mam mom dad dads father fathers
    grandparent grandparents grandma grandmother grandad granddad grandfather nan nana nanna gran granny
    sister sisters brother brothers sibling siblings son sons daughter daughters husband wife partner
    spouse aunt auntie aunty uncle cousin cousins niece nephew relative relatives guardian guardians kin
    stepmum stepdad
    """
    )
)
_STAFF = frozenset(
    _split(
        """
    staff worker workers keyworker keyworkers team provider providers service services professional
    professionals nurse nurses doctor doctors gp ot physio physiotherapist therapist therapists
    psychologist psychiatrist cpn manager managers coordinator teacher teachers tutor tutors school
    college pa pas assistant assistants assessor reviewer facilitator advocate advocates clinician
    clinicians practitioner practitioners officer officers agency
    """
    )
)
_PHRASES = (
    ("circle of support", Speaker.FAMILY_OR_CARER),
    ("next of kin", Speaker.FAMILY_OR_CARER),
    ("people who support", Speaker.STAFF_ON_BEHALF),
    ("those who support", Speaker.STAFF_ON_BEHALF),
    ("day centre", Speaker.STAFF_ON_BEHALF),
    ("social worker", Speaker.STAFF_ON_BEHALF),
    ("care worker", Speaker.STAFF_ON_BEHALF),
    ("support worker", Speaker.STAFF_ON_BEHALF),
    ("key worker", Speaker.STAFF_ON_BEHALF),
    ("personal assistant", Speaker.STAFF_ON_BEHALF),
    ("young person", Speaker.PERSON),
    ("service user", Speaker.PERSON),
)
# Words around a label that do not say whose view it is.
_LABEL_FILLER = frozenset(
    _split(
        """
    from the a an s point of view views perspective perspectives what says said saying thinks think
    according to by in words own his her their our my your and or who whose is are we they side
    opinion comments voice said
    """
    )
)
_POV = re.compile(r"([\w]+(?:\s+s)?)\s+(?:point\s+of\s+view|perspective|views?|opinion)\b")
_FOR = re.compile(
    r"\b(?:for|to|according\s+to|by)\s+(?:the\s+|his\s+|her\s+|their\s+|my\s+)?(\w+(?:\s+\w+){0,2})"
)


def _perspective_word(word: str) -> bool:
    return word in _FAMILY or word in _STAFF or word in _PERSON


@dataclass(frozen=True)
class Label:
    """Whose view a label gives: a speaker, or a name (of the person, most likely), or neither."""

    speaker: Speaker | None
    name: str | None = None
    several: bool = False  # it names more than one kind ("Mum and staff")
    extra: int = 0  # words that say neither whose view nor a name


def label_speaker(text: str) -> Label:
    """Whose view a row or column label ("Kim", "Family", "Support staff", "From Mum's point of view")
    gives. A possessive before a role ("Kim's mum", "the person's family") is that role."""
    found = norm(text)
    kinds: set[Speaker] = set()
    for phrase, speaker in _PHRASES:
        if re.search(rf"\b{phrase}\b", found):
            kinds.add(speaker)
            found = re.sub(rf"\b{phrase}\b", " ", found)
    split = found.split()
    owners = {w for w, after in pairwise(split) if after == "s"}
    rest = [w for w in split if w not in _LABEL_FILLER]
    if kinds or any(_perspective_word(w) for w in rest if w not in owners):
        rest = [w for w in rest if w not in owners]
    for word in rest:
        if word in _FAMILY:
            kinds.add(Speaker.FAMILY_OR_CARER)
        elif word in _STAFF:
            kinds.add(Speaker.STAFF_ON_BEHALF)
        elif word in _PERSON:
            kinds.add(Speaker.PERSON)
    others = [w for w in rest if not _perspective_word(w) and not w.isdigit()]
    if len(kinds) > 1:
        return Label(None, several=True, extra=len(others))
    if kinds:
        return Label(next(iter(kinds)), extra=len(others))
    if others and len(others) <= 3:
        return Label(None, name=" ".join(others))
    return Label(None, extra=len(others))


def heading_speaker(text: str) -> tuple[Speaker | None, str | None]:
    """Whose view a question heading names ("… from Kim's point of view", "… for the family",
    "… (staff)"), and the person it is about ("… for Kim": Kim, with no view named)."""
    found = norm(text)
    candidates: list[tuple[str, bool]] = []
    if match := _POV.search(found):
        candidates.append((match[1], True))
    candidates += [(m[1], False) for m in _FOR.finditer(found)]
    if match := re.search(r"\(([^)]*)\)\s*[?:]?\s*$|\s[-–—:]\s*([^-–—:]{1,40})$", text):
        candidates.append((norm(match[1] or match[2]), True))
    names = _names(text)
    for candidate, view in candidates:
        label = label_speaker(candidate)
        first = candidate.split()[0] if candidate.split() else ""
        if label.speaker is not None:
            return label.speaker, None
        if first in names:
            return (Speaker.PERSON if view else None), first
    return None, None


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
    _split(
        """
    top two 2 1 most important priority priorities prioritised prioritized choice choices chosen rank
    ranking ranked order preference preferences tick ticked star starred mark marked the or and 1st 2nd
    first second s person persons their his her my please things thing a next in of importance
    """
    )
)
_CHOICE_HEADER_KEYS = frozenset(
    _split(
        "top priority priorities prioritised prioritized choice choices chosen rank ranking ranked order "
        "preference tick ticked star starred most"
    )
)
_TICKS = frozenset(_split("✓ ✔ ☑ ☒ ✗ ✘ x * ★ ● ■ yes y tick ticked chosen top"))


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
