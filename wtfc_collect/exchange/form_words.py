"""The words review forms use, read by meaning rather than by one template's spelling.

- Question headings: "What is working", "What’s working for Kim", "Things that are not working well",
  "What is important to Ray now and in the future", "3) What are the person's main priorities in the
  whats working section?" — with or without a curly apostrophe, a name, a number or a question mark.
- Whose view a heading or a row or column label gives: the person ("Kim", "Me", "From Kim's point of
  view"), family or carer ("Mum", "Family's perspective"), or staff ("Support worker", "Staff views").
- Headings that ask for the top two ("What are the two most important things …").

Marks of the person's choices and the labels of a review's details are in ``form_marks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from wtfc_collect.domain import Question, Speaker


def split_words(text: str) -> list[str]:
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
    split_words(
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
    split_words(
        "person me myself i self individual client patient customer tenant resident child pupil student "
        "learner you yourself"
    )
)
_FAMILY = frozenset(
    split_words(
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
    split_words(
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
    split_words(
        """
    from the a an s point of view views perspective perspectives what says said saying thinks think
    according to by in words own his her their our my your and or who whose is are we they side
    opinion opinions comments voice said say feel feels felt
    """
    )
)
# Words that name no one in particular: a label made of them is nobody's name.
_NOBODY = frozenset(
    split_words(
        "others other everyone everybody all people friends friend neighbours neighbour us them notes"
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
    if others and len(others) <= 3 and not set(others) & _NOBODY:
        return Label(None, name=" ".join(others))
    if not others and split[:1] in (["my"], ["your"]):
        return Label(Speaker.PERSON)  # "My views", "Your view"
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
