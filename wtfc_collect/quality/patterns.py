"""Voice, service wording and empty answers: the checks that look at the shape of a statement.

Every function takes the original text and its folded copy (see :mod:`.text`) and returns flags whose
positions are positions in the original text. ``third_person`` and ``service`` also take ``words``: which
of :data:`CUE_WORDS` are in the statement as whole words (see :mod:`.scan`). A pattern runs only when a
word it cannot match without is there; pass ``CUE_WORDS`` itself to run every pattern.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import islice

from .models import Flag, FlagKind
from .names import FIRST_NAMES
from .text import FIRST_PERSON, VOICE

# --- third person / care-record voice ----------------------------------------------------------------

# Third-person verbs that start care notes with the subject left out: "Enjoys visits", "Requires help".
_OPENERS = {
    "enjoys": "I enjoy", "likes": "I like", "loves": "I love", "requires": "I need", "needs": "I need",
    "appears": "I feel", "presents": "I have", "mobilises": "I walk", "mobilizes": "I walk", "has": "I have",
    "wishes": "I want", "wants": "I want", "feels": "I feel", "suffers": "I have", "attends": "I go to",
    "benefits": "It helps me", "lacks": "I haven't got", "lives": "I live", "prefers": "I prefer",
    "states": "I said", "reports": "I said", "says": "I said", "struggles": "I find it hard",
    "becomes": "I get", "engages": "I join in", "declines": "I don't want", "refuses": "I don't want",
    "responds": "I like it when", "communicates": "I tell people", "uses": "I use", "spends": "I spend",
    "shows": "I show", "displays": "I show", "continues": "I still", "remains": "I am still",
    "tends": "I often", "seems": "I feel", "tries": "I try", "manages": "I can", "experiences": "I have",
    "accesses": "I go to", "participates": "I join in", "receives": "I get", "relies": "I rely",
    "dislikes": "I don't like", "hates": "I hate", "misses": "I miss", "worries": "I worry",
    "doesn't": "I don't", "isn't": "I'm not", "hasn't": "I haven't", "would like": "I would like",
    "would prefer": "I would prefer", "would benefit": "It would help me", "would enjoy": "I would enjoy",
    "would love": "I would love", "can become": "I get", "is able": "I can", "is unable": "I can't",
    "is independent": "I can … myself", "is settled": "I feel settled", "is reluctant": "I don't want",
}
# Not openers: "Would be nice …", "Can't fault …", "Was very good …" are how people write, too.
OPENER = re.compile(r"^\W*(" + "|".join(re.escape(v) for v in sorted(_OPENERS, key=len, reverse=True))
                     + r")\b")
# A statement that starts with a name taken out as "*" (see _PLACEHOLDER), which no care-notes opening
# follows: "* has been so helpful".
_STAR_NAME = re.compile(r"\s*\*+\s+[a-z]")
# An instruction to staff about one person's care, as care plans put it: a verb first, then the person
# ("Remind her to use her frame", "Support Mrs … to transfer", "… before discharging the patient") or a
# care task ("Assist with washing and dressing", "Prompt with medication"). Only one person, not
# "patients": "Give patients more time" is a patient's suggestion to a service, which people do write.
_INSTRUCTION_VERBS = ("prompt|assist|encourage|remind|support|help|monitor|observe|check|administer|ensure|"
                      "offer|give|reassure|reposition|transfer|escort|accompany|orientate|redirect|discuss|"
                      "explain|inform|contact|make|arrange|refer|liaise|record|document|report|weigh|apply|"
                      "complete|supervise|provide")
_ONE_PERSON = (r"the patient|the service user|the client|the resident|the person|service user|patient's|"
               r"client's|resident's")
_CARE_TASK = (r"washing|dressing|bathing|showering|personal care|medication|medicines|fluids|"
              r"food and fluids?|meals|transfers|mobility|mobilising|continence|pressure areas?|skin care|"
              r"toileting|oral care|catheter care|the hoist|hoist|frame|walking aid|eating|drinking|shaving|"
              r"hair|teeth")
INSTRUCTION = re.compile(
    rf"^\W*({_INSTRUCTION_VERBS})\b(?:(?:\s+[\w']+){{0,3}}?\s+(?:him|her|mr|mrs|ms|{_ONE_PERSON})\b"
    rf"|(?:\s+[\w'/]+){{0,7}}?\s+(?:{_ONE_PERSON})\b"
    rf"|(?:\s+[\w']+){{0,2}}?\s+with\s+(?:(?:his|her|the|their)\s+)?(?:{_CARE_TASK})\b)")

# Guidance to staff on how to be with the person, as a care plan or a communication profile gives it
# ("Speak slowly and use short words", "Allow extra time to answer", "Offer a choice of two"): a verb of
# care or communication, as an instruction, at the start, with nobody speaking. People write some of these
# to a service as well ("Listen to patients more"), so the checker counts one only where the register
# model does not find the statement reads like a person talking (see checker.py).
_GUIDANCE_VERBS = ("allow|give|speak|use|ensure|check|offer|ask|explain|avoid|encourage|support|listen|"
                   "involve|approach|introduce|repeat|reassure|prompt|remind|assist|observe|monitor|maintain|"
                   "record|document|reposition|orientate|redirect|acknowledge|validate|provide|inform|liaise|"
                   "refer|arrange|contact|escort|accompany|administer|apply|distract|demonstrate|keep")
# Not a suggestion to a service about its staff, families or everyone ("Give them a pay rise", "Keep
# relatives updated"), and not a noun that starts a sentence about the service ("Support workers were
# kind", "Repeat prescription service is slow": 'is', 'are', 'was' or 'were' in the next few words).
_GUIDANCE = re.compile(
    rf"^\W*({_GUIDANCE_VERBS})\s++(?!and\b|&|or\b|[.,;:!?]|$|(?:them|staff|the\s+staff|nurses|the\s+nurses|"
    r"doctors|everyone|everybody|patients|people|relatives|family|families|carers|visitors|information|more|"
    r"less|better|the\s+good|up\s+the)\b|(?:[\w'-]+\s+){0,3}(?:is|are|was|were|has\s+been|have\s+been)\b)")


def guidance(text: str, folded: str) -> Flag | None:
    """A flag when the statement is an instruction to staff on how to be with someone (see _GUIDANCE)."""
    if (match := _GUIDANCE.match(folded)) is None or VOICE.search(folded):
        return None
    return _voice_flag(text, match, "'{w} …' is guidance to staff on how to support someone, as a care plan "
                       "gives it, not what the person said. Ask them what helps, and write down their words: "
                       "'I …'.")


# Nothing but a question put to the person or about them, as a form, a guide or the review itself asks it
# ("Do you have difficulty breathing?", "How does the person like to be supported?"), or one of the
# review's own questions ("What is working? What is not working?"), where the person's answer belongs.
# People ask questions too, of a service or of anyone listening ("Why does nobody listen?", "Are the
# carers coming today?", "Would you put up with it?"): a question asked in their own voice ('I', 'we'),
# not put to anyone as 'you' or 'the person', or read as talk by the register model keeps its words.
_QUESTION = re.compile(r"^\W*(?:do|does|did|are|is|have|has|can|could|would|will|was|were|should|how|what|"
                       r"when|where|who|whom|whose|which|why)\b")
_AFTER_QUESTION = " \t\r\n\"'”’»)]"  # what may follow the last question mark
_PUT_TO = re.compile(r"\b(?:you|your|yours|yourself|the\s+(?:person|individual|service\s+user|client|"
                     r"resident|patient|tenant|young\s+person|child)(?:'s)?)\b")
# A question of what if, put to whoever listens, is the person's own ("How would you feel?", "Would you put
# up with it?", "Can you imagine waiting 6 hours?", "Have you ever tried getting an appointment?").
_WHAT_IF = re.compile(
    r"^\W*(?:(?:how|what|why|where|who|when)\s+)?(?:would|could|might|wouldn't|couldn't)\s+you\b"
    r"|\bcan\s+you\s+imagine\b|\bhave\s+you\s+ever\b|\bdo\s+you\s+know\s+(?:what|how)\b")
_REVIEW_QUESTION = re.compile(
    r"\bwhat(?:'s|\s+is)\s+(?:not\s+)?working\b|\bwhat(?:'s|\s+is)\s+important\s+to\b")


def question(text: str, folded: str, talk: bool) -> Flag | None:
    """A flag when the whole statement is a question put to the person or about them, or one of the
    review's own questions (see _QUESTION). ``talk``: the register model reads the statement as a person
    talking (see checker.py), so only the review's own questions count."""
    if (not folded.rstrip(_AFTER_QUESTION).endswith("?") or "." in folded or "!" in folded
            or _QUESTION.match(folded) is None or FIRST_PERSON.search(folded)):
        return None
    if _REVIEW_QUESTION.search(folded) is None and (talk or _PUT_TO.search(folded) is None
                                                    or _WHAT_IF.search(folded) is not None):
        return None
    stripped = text.strip()
    start = text.find(stripped[:1]) if stripped else 0
    return Flag(FlagKind.REGISTER, start, start + len(stripped),
                "This is a question, as a form or a guide puts it, not the person's answer. Ask them, and "
                "write down what they say, in their own words ('I …', 'my …').", None)


# A line of a care plan that gives someone a task ("Carers to ensure the pendant is worn", "Support to
# attend appointments as required", "Encourage to drink"), fills in one of its headings ("Unmet need:
# personal care", "Mobility: walks with a frame", "Review date: …") or states a problem and its cause.
# Headings people also use when they write about a service ("Communication: …", "Medication: …") are not
# among them; nor is a suggestion ("Staff to spend more time with patients").
_WHO_DOES_IT = (r"carers?|staff|care\s+(?:staff|workers?)|support\s+(?:staff|workers?)|nurses?|"
                r"district\s+nurses?|nursing\s+staff|key\s*workers?|pas?|personal\s+assistants?|care\s+provider|provider|agency|"
                r"social\s+worker|ot|physio")
_PLAN_HEADINGS = (r"mobility|continence|personal\s+care|nutrition(?:\s+and\s+hydration)?|hydration|"
                  r"skin\s+care|skin\s+integrity|eating\s+and\s+drinking|(?:desired\s+|agreed\s+)?outcomes?|goals?|actions?|"
                  r"(?:identified\s+|assessed\s+|eligible\s+|unmet\s+)?needs?|risks?|review(?:\s+date)?|"
                  r"support\s+(?:required|needed|plan)|interventions?|aims?|objectives?|timescales?|"
                  r"responsible|frequency|strengths")
PLAN_LINE = re.compile(
    rf"^\W*((?:{_WHO_DOES_IT})\s+to|(?:support|encourage|prompt|remind|assist|enable|motivate)\s+to)\s+(?![^.!?]*\b(?:more|better|less)\b)\w+"
    rf"|^\W*((?:{_PLAN_HEADINGS})\s*:)\s*\w"
    # A care plan's problem: "Risk of falls due to poor balance", "Potential for skin breakdown related to …".
    r"|^\W*((?:(?:potential|high|increased|actual)\s+)?(?:risk|potential|problem)\s+(?:for|of))\s+"
    r"(?![^.!?]*\b(?:i|me|my)\b)[^.!?]{2,80}?\b(?:due\s+to|related\s+to|secondary\s+to|r/t|as\s+a\s+result\s+of|"
    r"caused\s+by|associated\s+with|because\s+of)\b")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "Her attitude was professional", "His manner is so reassuring": how someone treated the writer.
_MANNER = re.compile(r"\s+(?:(?:very|so|really|extremely|always|most)\s+)*(?:professional|considerate|"
                     r"reassuring|comforting|attentive|caring|courteous|polite|respectful)\b")
_PRONOUNS = _words("he she")
_PRONOUN = re.compile(r"\b(?:he|she)\b")
_PRONOUNS_READ = 8
# 'His …' or 'Her …' starting a statement about the person: "His absolute passion is trains", "Her
# daughter visits on Sundays" (not how someone treated the writer: see _MANNER).
_POSSESSIVES = _words("his her")
_POSSESSIVE_START = re.compile(r"^\W*(his|her)\s+\w+")
# The person's care told by someone else, with nobody speaking: "the hospital called to explain what to do
# before her procedure", "Carers to support him with his medication".
_CARED_FOR = re.compile(
    r"\b(his|her)\s+(?:(?:own|new|next|daily|usual|regular|weekly|planned|recent)\s+)?(?:procedure|operation|"
    r"surgery|care\s+plan|care\s+package|condition|medication|medicines?|tablets|treatment|diagnosis|needs|"
    r"illness|dementia|wheelchair|walking\s+frame|hoist|catheter|admission|discharge|personal\s+care)\b")
_POSSESSIVE_BE = re.compile(r"^\W*(?:his|her)\s+(?:\w+\s+){0,3}?(?:is|are|was|were|has|have|includes?)\b")
# One of these whole words is in every match of _PERSON_NOUN ("service users" has "service").
_PERSON_NOUNS = _words("""
service client clients patient patients resident residents individual individuals adult adults customer
customers tenant tenants person gentleman lady
""")
# Words services use for the person as the subject: "Service user requires …", "The adult is …".
_PERSON_NOUN = re.compile(
    r"(?:^\W*|[.;!?]\s[^\w.;!?]*(?:[.;!?]+(?=\w))?)(?:the\s+)?(service\s+users?|clients?|patients?|residents?|individuals?|adults?|"
    r"customers?|tenants?|(?:young\s+)?person|gentleman|lady)\s+(?:is|was|has|had|does|did|would|will|can|"
    + "|".join(v for v in _OPENERS if v.endswith("s") and v != "has") + r")\b"
)

# Someone introduced by their age, as a case study or a care plan does: "X is an intelligent 62 year old
# man", "…, an active woman in her 80s, …", "Mrs B, 84, lives alone": at the start, after a comma or a
# colon, or after "is". Only where nobody speaks ("my 6 year old" is the writer's child), and not someone
# met ("There was a man in his 80s in the next bed").
_ADULT = r"(?:man|woman|lady|gentleman|person|widow|widower|pensioner)"
_AGED = re.compile(
    r"(?:^\W*|[,:;]\s*|\b(?:is|being)\s+)(?P<who>(?:a|an)\s+(?:[a-z-]+\s+){0,3}?(?:\d{1,3}[- ]?"
    r"(?:years?|yrs?)[- ]old\s+" + _ADULT + r"|" + _ADULT
    + r"\s+in\s+(?:her|his|their)\s+(?:(?:early|mid|late)[\s-])?"
    r"(?:[2-9]0[’']?s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b"
    r"|^\W*(?P<name>(?:mr|mrs|ms|miss)\.?\s+[a-z]+|x{1,4}|(?P<first>[a-z]+)),\s+(?:aged\s+)?\d{1,3},\s")

# "The lady was kind.", "The gentleman was very helpful!", "The lady was kind and explained everything":
# praise of someone who helped, where it ends the sentence or goes on to more praise or to what they did
# for the writer ("The lady was kind and settled well after tea" is care notes).
_PRAISED_HELPERS = frozenset({"lady", "gentleman"})
_PRAISE_ENDS = re.compile(
    r"(?:\s*(?:,|and|&)\s*(?:(?:very|so|really|always|extremely)\s+)*(?:kind|polite|caring|helpful|lovely|"
    r"friendly|patient|reassuring|professional|welcoming|understanding|thorough))*"
    r"(?:\s+(?:and\s+)?(?:explained|listened|helped|reassured|took\s+the\s+time|put\s+(?:me|us)\s+at\s+ease)"
    r"\b[^.!?]*)?\s*(?:[.!?:;)]|\bx+\b|\Z)")

# Someone described, with what they like, as care notes put it: "The young man enjoys football", "The
# lady in room 4 likes her door open", "This person likes routine" (a note verb, not "was lovely").
DESCRIBED = re.compile(
    r"(?:^\W*|[.;!?]\s[^\w.;!?]*(?:[.;!?]+(?=\w))?)((?:the|this|that)\s+(?:[a-z-]+\s+)?(?:man|woman|lady|gentleman|person|tenant|resident|"
    r"client|patient|individual|service\s+user|boy|girl))\s+(?:(?:in|from|at|on|with)\s+[\w\s]{1,20}?\s+)?(?:"
    + "|".join(v for v in _OPENERS if v.endswith("s") and v != "has") + r")\b"
)

# 'He' or 'she' about someone who helps, not the person: "The nurse was kind and did all she could". One
# of them names the last person before the pronoun (a job, or someone else), or the pronoun praises how
# someone treated the writer, in a statement about a service.
_HELPER = (r"nurse|doctor|dr|gp|consultant|surgeon|registrar|physio|physiotherapist|therapist|psychologist|"
           r"psychiatrist|counsell?or|midwife|health\s+visitor|paramedic|receptionist|porter|cleaner|"
           r"pharmacist|dentist|optician|carer|care\s+worker|support\s+worker|key\s*worker|social\s+worker|"
           r"clinician|practitioner|volunteer|hca|co-?ordinator|staff\s+member|member\s+of\s+staff|"
           r"team\s+member|manager")
_OTHER_PERSON = (r"patient|client|resident|service\s+user|tenant|person|lady|gentleman|man|woman|girl|boy|"
                 r"baby|child|son|daughter|mum|mother|mom|dad|father|husband|wife|partner|brother|sister|"
                 r"grandson|granddaughter|grandma|grandad|grandfather|grandmother|friend|neighbour|"
                 r"relative|him|her|his")
_LAST_PERSON = re.compile(
    rf"\b(?:({_HELPER})|(?:{_OTHER_PERSON}))s?\b(?!.*\b(?:{_HELPER}|{_OTHER_PERSON})s?\b)", re.DOTALL)
# "The carer says she slept well": reported speech about the person, whoever reports it.
_REPORTED = re.compile(r"\b(?:says|said|reports?|reported|states?|stated|notes?|noted|feels|felt|thinks|"
                       r"thought|told|informed|advised|confirmed|mentioned|writes|wrote)\s+(?:that\s+)?\Z")
_INTENSIFIERS = (r"(?:(?:very|so|really|extremely|absolutely|always|incredibly|just|most|truly|such|more|a)"
                 r"\s+)*")
# An adjective after 'is' or 'was', or a verb with none ("she was kind", "he explained"): after 'was' a
# verb is the passive and says what was done to someone ("she was reassured by staff": the person).
_PRAISE = re.compile(
    r"\s*(?:(?:'s|’s|is|was|has\s+been|had\s+been|could\s+not\s+have\s+been|couldn't\s+have\s+been)\s+)?"
    + _INTENSIFIERS +
    r"(?:kind|polite|caring|helpful|lovely|professional|supportive|understanding|reassuring|friendly|"
    r"patient|thorough|brilliant|amazing|excellent|fantastic|great|wonderful|informative|approachable|"
    r"compassionate|knowledgeable|comforting|attentive|considerate|gentle|efficient|marvellous|motivating|"
    r"motivational|superb|outstanding|fabulous|welcoming|sympathetic|empathetic|good\s+at\s+(?:her|his)\s+job)\b"
    r"|\s*" + _INTENSIFIERS +
    r"(?:listened|listens|explained|explains|helped|took\s+the\s+time|takes\s+the\s+time|went\s+above|"
    r"goes\s+above|went\s+the\s+extra|goes\s+the\s+extra|reassured|visited|phoned|rang)\b")
# What someone does for the writer, which says by itself that the 'he' or 'she' helped: listening (not "to
# music"), going the extra mile, taking the time, being comforting or considerate. Kind, lovely or friendly
# may as well describe the person ("She is kind and always thinks of others"), so those need a service.
_CONDUCT = re.compile(
    r"\s*(?:(?:'s|’s|is|was|has\s+been|had\s+been)\s+)?"
    r"(?:(?:very|so|really|extremely|absolutely|always|incredibly|just|truly|most)\s+)*"
    r"(?:listened|listens)\b(?!\s+to\s+(?!me\b|us\b|what\b|my\b|everything\b|every\b|our\b))"
    r"|\s*(?:(?:'s|’s|is|was|has\s+been|had\s+been)\s+)?"
    r"(?:(?:very|so|really|extremely|absolutely|always|incredibly|just|truly|most)\s+)*"
    r"(?:comforting|considerate|attentive|went\s+above|goes\s+above|went\s+the\s+extra|goes\s+the\s+extra|"
    r"took\s+the\s+time|takes\s+the\s+time|good\s+at\s+(?:her|his)\s+role|(?:a\s+credit|an\s+asset)\s+to\s+(?:the|your|this|our)\s+(?:ward|"
    r"team|service|nhs|hospital|practice|clinic|profession|unit|department))\b")
# The 'he' or 'she' who gave the care the sentence praises: "the advice she gave made sense", "the care
# he provided", "the care she gave him in his last days" (not "the support she gave to her sister").
_GIVER_BEFORE = re.compile(r"\b(?:advice|care|treatment|information|explanations?)\s+(?:that\s+)?\Z")
_GIVER_AFTER = re.compile(r"\s+(?:gave|gives|has\s+given|had\s+given|provided|provides|offered|offers)\b")
_SERVICE_CONTEXT = re.compile(
    r"\b(?:nurses?|doctors?|drs?|gps?|staff|team|ward|clinic|service|hospital|surgery|appointments?|visits?|"
    r"visited|treatment|consultants?|physio\w*|therapists?|receptionists?|paramedics?|carers|advice|sessions?|"
    r"practice|course|class|classes|programme|workshops?)\b")
_SENTENCE_BEFORE = re.compile(r"[^.!?]*[.!?]+[^.!?]*\Z")


_CAPITAL = re.compile(r"[A-Z]")


def about_a_helper(text: str, folded: str, start: int, end: int) -> bool:
    """Whether the 'he' or 'she' at ``start:end`` is about someone who helped (a nurse, a carer), not the
    person: the last person before it, in its sentence or the one before, is a worker (with no name in
    between, and not reporting what someone said), or it praises how someone treated the writer in a
    statement about a service ("She listened", "he was so kind", with a nurse, a ward or a visit in it)."""
    offset = max(0, start - 160)
    before = folded[offset:start]
    window = (found.group() if (found := _SENTENCE_BEFORE.search(before)) else before)
    last = _LAST_PERSON.search(window)
    if (last is not None and last.group(1) is not None and _REPORTED.search(window) is None
            and not _CAPITAL.search(text, start - len(window) + last.end(), start)):
        return True
    if _CONDUCT.match(folded, end) is not None:
        return True
    if (_GIVER_AFTER.match(folded, end) is not None
            and _GIVER_BEFORE.search(folded, max(0, start - 40), start) is not None):
        return True
    return _PRAISE.match(folded, end) is not None and _SERVICE_CONTEXT.search(folded) is not None


def _voice_flag(text: str, match: re.Match[str], explanation: str, alternative: str = "I") -> Flag:
    """A third-person flag over the first group ``match`` found, its words put in for {w} in
    ``explanation``."""
    start, end = match.span(next(g for g in range(1, (match.re.groups or 0) + 1) if match.group(g)))
    return Flag(FlagKind.THIRD_PERSON, start, end, explanation.format(w=text[start:end]), alternative)


def aged(text: str, folded: str) -> re.Match[str] | None:
    """Someone introduced by their age (see :data:`_AGED`); before a comma, only a title, a name taken out
    or a first name, not one that is also a word ("Tuesday, 10, …", "Will, 10, out of 10 …")."""
    if not ("old" in folded or "0s" in folded or "ties" in folded or "," in folded[:30]):
        return None
    match = _AGED.search(folded)
    if match is None or match.group("first") is None:
        return match
    return match if text[match.start("first"):match.end("first")] in FIRST_NAMES else None


def third_person(text: str, folded: str, voice: bool, words: Collection[str],
                 relative_speaks: bool = False) -> list[Flag]:
    """Care-record voice: 'He enjoys …', 'Requires support …', 'Service user …', an instruction to staff
    ('Remind her to …', 'Assist with washing …'), when there is no 'I' or
    'you' (``voice``) in the statement. A 'he' or 'she' about a worker is not the person (see
    :func:`about_a_helper`). ``relative_speaks``: a family member or carer is recorded as saying it, so
    'she', 'his …', 'her care' and 'a man in his 90s' are how they tell the person's life: a soft note only
    (care notes' openings, plan lines and instructions stay flags)."""
    if voice:
        return []
    flags: list[Flag] = []

    def found(start: int, end: int, explanation: str, alternative: str) -> None:
        flags.append(Flag(FlagKind.THIRD_PERSON, start, end, explanation, alternative))

    def about(start: int, end: int, explanation: str, alternative: str) -> None:
        if not relative_speaks:
            found(start, end, explanation, alternative)
            return
        flags.append(Flag(FlagKind.THIRD_PERSON, start, end, f"'{text[start:end]}': a family member or carer "
                          "said this about the person, in their own words. If the person can say it too, ask "
                          "them and add what they say.", alternative, strong=False))

    # The first few 'he's and 'she's tell whom the statement is about: a long paste of praise need not
    # have every one of its pronouns looked at.
    about_the_person = (m for m in islice(_PRONOUN.finditer(folded), _PRONOUNS_READ)
                        if not about_a_helper(text, folded, *m.span()))
    if not _PRONOUNS.isdisjoint(words) and (match := next(about_the_person, None)):
        about(*match.span(), f"'{text[match.start():match.end()]}': this is written about the person, not "
              "in their voice. Ask them, and write down what they said, in their words: 'I …'.", "I")
    if (not _POSSESSIVES.isdisjoint(words) and (match := _POSSESSIVE_START.match(folded))
            and not ((be := _POSSESSIVE_BE.match(folded)) and _MANNER.match(folded, be.end()))):
        start, end = match.span(1)
        about(start, end, f"'{text[start:end]} …' is written about the person, not in their voice. Ask them, "
              "and write down what they said: 'My …', 'I …'.", "My")
    if (not _POSSESSIVES.isdisjoint(words) and not flags and (match := _CARED_FOR.search(folded))
            and not about_a_helper(text, folded, *match.span(1))):
        start, end = match.span(1)
        about(start, end, f"'{text[start:match.end()]}': this tells the person's care from outside. Ask them "
              "how it is for them, and write down what they said: 'My …', 'I …'.", "My")
    if (match := OPENER.match(folded)) and not text.rstrip().endswith("?") and not _STAR_NAME.match(text):
        start, end = match.span(1)
        instead = _OPENERS[match.group(1)]
        found(start, end, f"'{text[start:end]} …' reads like care notes about the person. Write it as they "
              f"said it, for example '{instead} …'.", instead)
    if match := PLAN_LINE.match(folded):
        flags.append(_voice_flag(text, match, "'{w} …' is a line of a care plan, written for staff. Ask the "
                                 "person what matters to them about it, and write down their words: 'I …'."))
    if match := INSTRUCTION.match(folded):
        flags.append(_voice_flag(text, match, "'{w} …' is an instruction to staff about the person, not what "
                                 "they said. Ask what matters to them about it, and write down their words: "
                                 "'I …'."))
    if (not _PERSON_NOUNS.isdisjoint(words) and (match := _PERSON_NOUN.search(folded))
            and not (match.group(1) in _PRAISED_HELPERS and (praise := _PRAISE.match(folded, match.end(1)))
                     and _PRAISE_ENDS.match(folded, praise.end()))):
        flags.append(_voice_flag(text, match, "'{w}' is how services write about someone. Put down the "
                                 "person's own words, starting with 'I' or 'my'."))
    elif match := DESCRIBED.search(folded):
        flags.append(_voice_flag(text, match, "'{w} …' describes someone from outside, as care notes do. Put "
                                 "down the person's own words, starting with 'I' or 'my'."))
    elif introduced := aged(text, folded):
        start, end = introduced.span("name") if introduced.group("name") else introduced.span("who")
        words_found = text[start:introduced.end()].rstrip(", ")
        about(start, end, f"'{words_found}' introduces someone by their age, as a case study or a care plan "
              "does. Put down the person's own words, starting with 'I' or 'my'.", "I")
    return flags


def named_subject(text: str, folded: str, start: int, end: int, voice: bool) -> Flag | None:
    """A flag when a name found at ``start:end`` starts a sentence about the person: 'John is …'."""
    narration = _NARRATION.match(folded, end) is not None
    if voice or not sentence_start(folded, start) or not (narration or verb_follows(folded, end)):
        return None
    # "John enjoys …" reads like care notes; "Michelle was lovely" may be praise of a worker: a soft note.
    notes = narration or _NOTE_VERB_AFTER.match(folded, end) is not None
    return Flag(
        kind=FlagKind.THIRD_PERSON, start=start, end=end, strong=notes,
        explanation=f"'{text[start:end]} …' is written about someone by name. If it is about the person, "
                    "write what they said, in their words: 'I …'.",
        alternative="I")


# A name already taken out: "X", "XXXX" or "*" (as in published comments), "[name]", "Mrs X". A sentence
# that starts with one is about someone by name, as with a real name (see named_subject). A "*" is a name
# only before a small letter ("* has been so helpful"); before a capital it is a list's bullet ("* Doesn't
# like loud noises", a care note with no subject).
_PLACEHOLDER = re.compile(
    r"(?:^[^\w*]*|[.;!?]\s[^\w*.;!?]*(?:[.;!?]+(?=[\w*]))?)((?:(?:mr|mrs|ms|miss|dr)\.?\s+)?(?:x{1,4}|\[name\]|\*+))(?=\s)")


def placeholder_subject(text: str, folded: str, voice: bool) -> list[Flag]:
    """A flag when a sentence starts with a name that was taken out ("X enjoys …", "Mrs X likes …"), as
    :func:`named_subject` gives for a name."""
    for match in _PLACEHOLDER.finditer(folded):
        if match.group(1).startswith("*") and not text[match.end(1):].lstrip()[:1].islower():
            continue  # a bullet
        if flag := named_subject(text, folded, *match.span(1), voice):
            return [flag]
    return []


# Someone named by a letter, as reviews, case studies and complaint decisions keep a person anonymous: "Mrs W
# has a spinal cord injury", "The duty OT referred Mrs W …", "Adult P suffered …", "Child AG1". A title
# takes one or two letters and no surname after them ("Mr J Smith" is a name); "Adult", "Child" … take one
# letter, or two with a number ("Child AG1"), so a service's letters are not a person ("Adult LD team",
# "Patient ID bands"). Not a name taken out as "X", "XX" … (published comments write "Mr X, the therapist,
# was kind": see placeholder_subject), nor "I" or "U" ("Miss U already"). Written as it is: capitals.
_INITIALLED = re.compile(  # the look ahead for a capital first: twice as quick on the usual statement
    r"(?=[MACPRSY])\b((?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?!X+\b|[IU]\b)[A-Z][A-Z]?(?!\s+[A-Z][a-z])|"
    r"(?:Adult|Child|Person|Client|Resident|Patient|Service\s+[Uu]ser|Young\s+[Pp]erson)\s+"
    r"(?!X\b|I\b)(?:[A-Z]\d{0,2}|[A-Z]{2}\d{1,2}))(?![\w&.-]|['’](?!s\b))")


def initialled(text: str, folded: str, soft: bool) -> list[Flag]:
    """A flag when someone is named by a letter (see :data:`_INITIALLED`): how a report keeps a person
    anonymous, not how anyone talks. Not where the letter is praised, as patients write of a consultant
    ("Mr B was brilliant", "Mr K - excellent surgeon"); a soft note where someone speaks ('I', 'we',
    'you': "My neighbour Mrs T …", "Thank you Mrs D …") or ``soft`` (a relative is recorded as saying
    it, or the register model reads the statement as talk)."""
    if (match := _INITIALLED.search(text)) is None:
        return []
    end = match.end(1)
    if _PRAISE.match(folded, end) or _CONDUCT.match(folded, end):
        return []
    flag = _voice_flag(text, match, "'{w}' names someone by a letter, as a report or a case study does to "
                                    "keep them anonymous: these are not the person's own words. Ask the "
                                    "person, and write down what they say: 'I …'.")
    return [flag._replace(strong=False) if soft or VOICE.search(folded) else flag]


# What a group said, as a report sums it up: "People told us …", "Some patients felt …", "Relatives we
# spoke with said …". Not staff ("The staff explained everything"), which people write about a service.
_REPORTED_BY_GROUP = re.compile(
    r"(?:^\W*|[.;!?]\s[^\w.;!?]*(?:[.;!?]+(?=\w))?)((?:(?:some|many|most|a\s+few|several|other|all|two|three|four|five|both|the|these|"
    r"those|one|a\s+number\s+of|the\s+majority\s+of)\s+)?(?:people|persons?|patients|residents|relatives|"
    r"families|family\s+members|carers|service\s+users|tenants|clients|respondents|participants|parents|"
    r"young\s+people)\s+(?:we\s+spoke\s+(?:to|with)\s+)?(?:said|told\s+us|felt|reported|commented|"
    r"described|explained|stated|expressed|shared|mentioned|spoke|were\s+(?:positive|complimentary|happy|"
    r"satisfied|unhappy|concerned)|confirmed|indicated|agreed|praised|raised|highlighted|complained|gave))\b")
_NUMBER_OF = (r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some|"
              r"a\s+number\s+of|a\s+few|many|all)")
_GROUP = (r"(?:people|persons?|patients|residents|relatives|families|visitors|staff|carers|service\s+users|"
          r"tenants|clients|members\s+of\s+staff|care\s+workers|professionals)")
# The same from one person or everyone, as a report puts it: "Another person said they felt …", "Everyone
# we asked told us …", "People and relatives said the …", "They told us …".
_REPORTED_BY_SOMEONE = re.compile(
    rf"(?:^\W*|[.;!?]\s[^\w.;!?]*(?:[.;!?]+(?=\w))?)((?:(?:everyone|everybody)(?:\s+we\s+(?:asked|spoke\s+(?:to|with)))?|another\s+"
    rf"(?:person|patient|resident|relative)|one\s+(?:person|patient|resident|relative|visitor)|an?\s+(?:visitor|"
    rf"relative|person|patient|resident)|{_GROUP}\s+and\s+{_GROUP}|{_NUMBER_OF}\s+{_GROUP}|they)\s+"
    rf"(?:(?:also|all)\s+)?(?:told\s+us|informed\s+us|said|commented|felt))\s+(?:us\s+)?(?:that|they|the)\b")
# How a visit was made, as an inspector or a reviewer reports it: "We spoke with five patients", "We
# observed …", "We carried out an announced inspection", "We looked at the care plans".
_VISIT_REPORT = re.compile(
    rf"(?:^\W*|[.;!?]\s[^\w.;!?]*(?:[.;!?]+(?=\w))?)(we\s+(?:(?:spoke|talked)\s+(?:with|to)\s+{_NUMBER_OF}|observed|inspected|"
    rf"carried\s+out\s+(?:an?|this|our)|looked\s+at\s+(?:the\s+)?(?:records|care\s+plans|{_NUMBER_OF})|reviewed|"
    rf"examined|made\s+a\s+recommendation|asked\s+{_NUMBER_OF}|found\s+that|saw\s+that|were\s+(?:also\s+)?told\s+"
    rf"(?:by|that)|received\s+(?:feedback|information)|did\s+not\s+speak))\b")
_SPEAKING_AS_ONE = frozenset({"i", "im", "ive", "me", "my", "mine", "myself"})
# A service described as a regulator's report opens: "… is registered to provide personal care", "…
# providing nursing care to up to 38 people", "… is a 35 bed facility".
_SERVICE_DESCRIBED = re.compile(
    r"\b((?:is|are|was|were)\s+(?:registered|approved)\s+to\s+(?:provide|offer|support|accommodate)|"
    r"(?:provid\w*|offer\w*|registered|accommodat\w*|support\w*)\b[^.;!?]{0,60}?(?:for|to)?\s*"
    r"(?:up\s+to|a\s+maximum\s+of)\s+\d+\s+(?:people|persons|residents|adults|older\s+people|"
    r"older\s+adults|children|young\s+people|service\s+users|tenants|individuals)|"
    r"(?:is|was)\s+an?\s+\d+[- ]bed(?:ded)?\s+(?:facility|centre|center|home|nursing\s+home|care\s+home|"
    r"service))\b")
_SERVICE_DESCRIBED_WORDS = ("registered", "approved", "up to", "maximum", "bed")
_WE = _words("we our us")  # a family speaking of a ward or a hospice ("Our local hospice is a 12 bed …")
# The people a service supports written about as a group, as a report does: "A large number of residents
# spent their day …", "People who used the service were asked …". Residents only after a report's count
# ("a number of", "the majority of"): not a resident's view of the others ("Residents are friendly here",
# "Residents don't get enough to eat", "All residents love the garden").
_GROUP_DESCRIBED = re.compile(
    r"(?:^\W*|[.;!?]\s[^\w.;!?]*(?:[.;!?]+(?=\w))?)((?:a\s+(?:large\s+|small\s+|high\s+|low\s+)?number\s+"
    r"of|the\s+majority\s+of|a\s+minority\s+of|several\s+of\s+the)\s+residents|(?:(?:a\s+(?:large\s+|small\s+)?"
    r"number\s+of|many|most|some|the\s+majority\s+of|several|all|few|a\s+few)\s+)?(?:service\s+users|people\s+who\s+(?:use|used|live|lived)\s+"
    r"(?:the\s+|this\s+)?(?:services?|home|centre)|people\s+using\s+(?:the\s+|this\s+)?services?|people\s+"
    r"living\s+(?:here|in\s+the\s+home|at\s+the\s+home)))\s+(?!(?:are|were|seem|seemed|look|looked)\s+"
    r"(?:(?:very|so|really|always|all)\s+)*(?:lovely|nice|friendly|kind|great|good|fine|happy|cheerful|chatty|"
    r"pleasant|fun|noisy|loud|quiet|funny)\b)[a-z]")
_GROUP_DESCRIBED_WORDS = ("resident", "service user", "people who", "people using", "people living")


def reported_by_group(text: str, folded: str, words: Collection[str]) -> list[Flag]:
    """A flag when the statement reports what a group said ("People told us they felt safe"), unless
    someone speaks as 'I' in it (``words``: the cue words found, see :mod:`.scan`)."""
    if not _SPEAKING_AS_ONE.isdisjoint(words):
        return []
    if match := _REPORTED_BY_GROUP.search(folded) or _REPORTED_BY_SOMEONE.search(folded):
        return [_voice_flag(text, match, "'{w} …' sums up what a group of people said, as a report does. "
                                         "Write down what each person said, in their own words: 'I …'.")]
    if match := _VISIT_REPORT.search(folded):
        return [_voice_flag(text, match, "'{w} …' is how an inspector or a reviewer reports a visit, not "
                                         "what a person said. Write down what each person said, in their "
                                         "own words: 'I …'.")]
    if any(word in folded for word in _GROUP_DESCRIBED_WORDS) and (match := _GROUP_DESCRIBED.search(folded)):
        return [_voice_flag(text, match, "'{w} …' writes about the people a service supports as a group, as "
                                         "a report does, not what a person said. Write down what each person "
                                         "said, in their own words: 'I …'.")]
    if (any(word in folded for word in _SERVICE_DESCRIBED_WORDS) and _WE.isdisjoint(words)
            and (match := _SERVICE_DESCRIBED.search(folded))):
        return [_voice_flag(text, match, "'{w} …' describes a service as an inspection report does, not "
                                         "what a person said about their life. Write down what each person "
                                         "said, in their own words: 'I …'.")]
    return []


# A worker telling how they support the person: "We encourage him to make his own choices", "I support
# her with her shopping", "As his keyworker I …". Not 'I visit her' or 'I help her', which people say of
# their family and friends, and not a family carer ("As a carer I …").
_SUPPORTING = re.compile(
    r"\b((?:i|we)\s+(?:(?:have|had|always|also|will|would|try\s+to|continue\s+to)\s+)*(?:support|supported|"
    r"supporting|encourage|encouraged|encouraging|assist|assisted|prompt|prompted|supervise|supervised|"
    r"work\s+with|worked\s+with|working\s+with)\s+(?:him|her))\b"
    r"|(?:^\W*|[.!?]\s[^\w.;!?]*(?:[.;!?]+(?=\w))?)(as\s+(?:his|her|their|a|the|an)\s+(?:key\s*worker|support\s+worker|care\s+worker|"
    r"nurse|social\s+worker|manager|care\s+co-?ordinator|advocate|personal\s+assistant|pa|team\s+leader|"
    r"practitioner|occupational\s+therapist|therapist))\b")


_HIM = _words("him")
_AS_ROLE = re.compile(r"\W*as\s")


def worker_speaking(text: str, folded: str, words: Collection[str]) -> list[Flag]:
    """A flag when a worker says how they support the person, in the first person (``words``: the cue
    words found, see :mod:`.scan`; 'him' and 'her' are among them)."""
    if _POSSESSIVES.isdisjoint(words) and _HIM.isdisjoint(words) and not _AS_ROLE.match(folded):
        return []
    if not (match := _SUPPORTING.search(folded)):
        return []
    return [_voice_flag(text, match, "'{w} …' is a worker telling how they support the person, not the "
                                     "person's words. Ask the person, and write down what they said: 'I …'.")]


# A relative telling the person's story: the family member's old age, condition or what they can no longer do
# ("My mother is nearly 89 and has had a couple of falls", "My twin brother, Jack, has cerebral palsy"), or
# the state a relative found them in on a visit ("When I arrived she was sitting in a wet nightie"). Not what
# a family member does in the person's own life ("My daughter lives down south", "My son can't stand my
# carers", "My daughter has had two babies"), nor how a service treated a relative ("My dad has dementia
# and the nurses were brilliant with him"), nor a carer speaking of the one they care for ("My husband has
# dementia and I look after him", "… and I'm his carer"): in a carers' review those are the carer's own words.
RELATIVE_WORDS = _words("""mum mam mom mother dad father son daughter husband wife partner brother sister nan
nana nanna gran granny grandma grandmother grandad granddad grandfather grandson granddaughter aunt auntie
uncle niece nephew child twin stepson stepdaughter stepmother stepfather""")
_KIN = (r"(?:mum|mam|mom|mother|dad|father|son|daughter|husband|wife|partner|brother|sister|nan|nana|"
        r"nanna|gran|granny|grandma|grandmother|grandad|granddad|grandfather|grandson|granddaughter|aunt|"
        r"auntie|uncle|niece|nephew|child|twin\s+(?:brother|sister)|stepson|stepdaughter|stepmother|"
        r"stepfather|(?:father|mother)\s+in\s+law)")
_RELATIVE = (r"(?:(?:my|our)\s+(?:(?:elderly|late|older|younger|eldest|youngest|little|adult|disabled|"
             r"\d+\s*(?:year|yr)s?\s*old)\s+)?" + _KIN
             + r"(?:\s*,\s*[^\W\d_]+\s*,|\s+x+)?|mum|mam|dad|nan|nana|gran|grandad)")
_CONDITION = (r"(?:dementia|alzheimer'?s|autism|cerebral\s+palsy|(?:a\s+)?learning\s+disabilit(?:y|ies)|"
              r"down'?s\s+syndrome|parkinson'?s|ms|multiple\s+sclerosis|motor\s+neurone|cancer|copd|epilepsy|"
              r"a\s+brain\s+injury|complex\s+needs|mobility\s+problems|memory\s+problems)")
# An age, not a distance, a time or a score: "is nearly 89", "is 92", not "is 60 miles away", "is 90 percent".
_NOT_AN_AGE = r"(?!\s*(?:%|/|stars?|out\s+of|per\s*cent|percent|miles?|mins?|minutes?|hours?|km|pounds|quid))"
# What they can no longer do: the verb ends the clause or says how ("can't walk", "can't wash on her own").
_NO_LONGER = (r"can(?:'t|not|\s+no\s+longer)\s+(?:walk|talk|speak|see|read|wash|dress|cook|remember|"
              r"communicate|move|eat|swallow|manage|cope|go\s+out|get\s+out)(?=\s*(?:[.;!?,]|$|and\b|or\b|any\s*more|"
              r"without|on\s+(?:his|her|their)\s+own|unaided|independently|by\s+(?:him|her)self|properly|safely))")
_RELATIVE_STORY = re.compile(
    r"(?:^|[.;!?]\s+|,\s+)[^\w\s]*(" + _RELATIVE
    + r")\s+(?:(?:also|still|now|always|often|sometimes|really|sadly)\s+)?"
    r"(?:is\s+(?:(?:now|nearly|almost|aged|over)\s+(?:[6-9]\d|1[01]\d)|(?:[7-9]\d|1[01]\d))\b"
    + _NOT_AN_AGE + "|"
    r"is\s+in\s+(?:his|her)\s+(?:late\s+|early\s+|mid\s+)?[6-9]0s|"
    r"has\s+(?:got\s+|had\s+|severe\s+|advanced\s+|early\s+onset\s+)?" + _CONDITION + r"|was\s+diagnosed|"
    r"has\s+been\s+diagnosed|had\s+a\s+stroke|has\s+had\s+(?:a\s+)?(?:stroke|fall)|"
    r"has\s+had\s+(?:several|a\s+couple\s+of|a\s+number\s+of|two|three|four|many|lots\s+of)\s+(?:\w+\s+)?"
    r"(?:falls|strokes)|" + _NO_LONGER + r"|is\s+(?:unable|no\s+longer\s+able)\s+to|"
    r"needs\s+(?:help|support|24|round|constant|someone|two\s+carers)|is\s+(?:blind|deaf|disabled|housebound|"
    r"bed\s*bound|frail|autistic|non\s*verbal|doubly\s+incontinent|wheelchair\s+(?:bound|user)))")
# The state a relative found them in: "When I arrived she was sitting in a wet nightie", "Mum was still in
# bed when we visited" (not "She was so kind when I arrived", "When we arrived he was already in theatre").
_FOUND_IN = (r"(?:was|wasn't|had\s+been|looked|seemed)\s+(?:\w+\s+){0,2}?(?:sitting|lying|left|asleep|alone|"
             r"wet|soaked|soaking|dirty|unwashed|upset|confused|crying|distressed|agitated|hungry|thirsty|cold|"
             r"shivering|thin|lost|frail|unwell|poorly|dishevelled|unkempt|neglected|frightened|scared|withdrawn|"
             r"drowsy|dehydrated|still\s+in|in\s+(?:bed|pain)|on\s+the\s+floor|"
             r"looking\s+(?:well|good|(?:his|her)\s+best))")
_VISIT_STORY = re.compile(
    r"\bwhen\s+(?:i|we)\s+(?:visited|arrived|got\s+there|went\s+in|came\s+in|popped\s+in)"
    r"(?:\s+(?:him|her|" + _RELATIVE + r"))?\s*,?\s+(she|he|" + _RELATIVE + r")\s+" + _FOUND_IN
    + r"|(?:^|[.;!?]\s+)[^\w\s]*(she|he|" + _RELATIVE + r")\s+" + _FOUND_IN + r"\b[^.;!?]{0,60}"
    r"\bwhen\s+(?:i|we)\s+(?:visited|arrived|got\s+there)\b")
_CARER_SPEAKS = re.compile(
    r"\b(?:i\s+am|i'm|we\s+are|we're|i\s+have\s+been|we\s+have\s+been|i\s+was)\s+(?:(?:his|her|their|the|a|an|"
    r"main|full\s+time|unpaid|sole|only)\s+)*carers?\b|\b(?:i|we)\s+(?:care\s+for|cared\s+for|look\s+after|"
    r"looked\s+after|do\s+everything\s+for|support\s+(?:him|her|them)|help\s+(?:him|her|them))\b|"
    r"\bcaring\s+for\b|\bas\s+(?:his|her|their|a)\s+carer\b")


def relative_story(text: str, folded: str, words: Collection[str]) -> list[Flag]:
    """A flag when a relative tells the person's story (see :data:`RELATIVE_WORDS`): a family member's old
    age, condition or what they can no longer do, or the state a relative found them in on a visit.
    ``words``: the cue words found (see :mod:`.scan`)."""
    relatives = not RELATIVE_WORDS.isdisjoint(words)
    if not relatives and _PRONOUNS.isdisjoint(words):
        return []
    story = _RELATIVE_STORY.search(folded) if relatives else None
    if story is not None and _SERVICE_CONTEXT.search(folded):  # how a service treated them: not a life story
        story = None
    # A visit is told with "when I …" or "when we …": a quick look for "when" before the pattern.
    match = story or (_VISIT_STORY.search(folded) if "when" in folded else None)
    if match is None or _CARER_SPEAKS.search(folded):
        return []
    return [_voice_flag(text, match, "'{w} …' tells a family member's story in a relative's words, not the "
                                     "person's own. If a relative said it, record them under 'Said by'; "
                                     "if the person can, ask them and write down what they say: 'I …'.")]


_NOTE_VERBS = "|".join(v for v in _OPENERS if v.endswith("s") and v != "has")
# The story of someone's life, told by someone else: "X was diagnosed with COPD", "Margaret has lived here
# all her life". Not what a worker did for the writer ("XXXX was lovely", "XXXX explained everything").
_LIFE_STORY = (r"was\s+diagnosed|has\s+been\s+diagnosed|had\s+a\s+stroke|lived|moved|retired|became|"
               r"was\s+born|grew\s+up|used\s+to|loved|enjoyed|liked|lost|has\s+lived|has\s+enjoyed|"
               r"has\s+loved|has\s+always")
_VERB_AFTER = re.compile(r"\s+(?:is|was|has|had|does|did|doesn't|isn't|would|will|can|could|gets|"
                         + _NOTE_VERBS + "|" + _LIFE_STORY + r")\b")
_NOTE_VERB_AFTER = re.compile(r"\s+(?:gets|" + _NOTE_VERBS + "|" + _LIFE_STORY + r")\b")
# Someone's life told by name, not how a worker treated the writer: "Priya goes to the temple", "Bob has a
# good relationship with his daughter", "Kelly is a bubbly young woman", "Sam was supported to …",
# "Derek's family visit every week". Not praise of a worker by name, where the praise ends the sentence
# or goes on "to …": "Stella is a good lady.", "Rob is a good person to talk to" ("Margaret is a lovely
# lady who enjoys knitting" is still care notes).
_NARRATION = re.compile(
    r"(?:'s|’s)\s+(?:family|parents|mum|mam|dad|mother|father|daughter|son|wife|husband|partner|brother|sister|"
    r"children|kids|friends?|carers?|flat|house|room|care|support|needs|goals?|plan|dementia|condition)\b"
    r"|\s+(?:goes|speaks|visits|attends|works|walks|sleeps|eats|drinks|spends|lives|stays|talks|watches|plays|"
    r"uses|needs|wants|has\s+(?:a|an|no|two|three|some|lots)|"
    r"(?:was|is|has\s+been)\s+(?:supported|helped|encouraged|assisted|taken|offered|referred|admitted|"
    r"discharged|moved|assessed|transferred|placed|reviewed|sectioned|detained|stabilised|found\s+(?:on|in)|"
    r"discovered)|fractured|has\s+(?:just\s+)?fallen(?!\s+(?:asleep|in\s+love|for))|"
    r"is\s+(?:a|an)\s+(?!(?:(?:very|really|truly|such\s+a)\s+)*"
    r"(?:good|lovely|kind|nice|brilliant|wonderful|fantastic|amazing|caring|gentle|helpful)\s+(?:[\w-]+\s+)?"
    r"(?:man|woman|lady|gentleman|person)\s*(?:[.!,]|to\s+\w+|$))"
    r"(?:[\w-]+\s+){0,3}?(?:man|woman|lady|"
    r"gentleman|boy|girl|person|grandmother|grandfather|grandad|gran|widow|widower|pensioner)|is\s+(?:a|an)\s+retired|"
    r"is\s+(?:supported|independent|settled|living)|is\s+(?:aged\s+|nearly\s+|almost\s+|now\s+)?\d{1,3}\b(?!\s*(?:%|/|stars?|out\s+of|per\s*cent)))\b")
_SENTENCE_START = re.compile(r"(?:^|[.;!?]\s+)\W*\Z")  # on the few characters before a name


def sentence_start(folded: str, position: int) -> bool:
    """True when only punctuation stands between ``position`` and the start of a sentence."""
    return _SENTENCE_START.search(folded, max(0, position - 12), position) is not None


def verb_follows(folded: str, position: int) -> bool:
    """True when a third-person verb comes straight after ``position`` ('John *is* …')."""
    return _VERB_AFTER.match(folded, position) is not None


# --- a service or solution instead of a life ----------------------------------------------------------

_NUMBER = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)"
_PERIOD = (r"(?:(?:a|an|per|each|every)\s+(?:day|week|month|fortnight|year|morning|afternoon|evening|night|"
           r"weekday|weekend)|in\s+(?:two|three|four|five|six|seven|eight|\d+))")
_SERVICE_NOUN = (r"(?:day\s+(?:centre|center|care|services?|opportunit(?:y|ies))|home\s+care|"
                 r"domiciliary\s+care|"
                 r"respite|support|care|sitting|carers?|agency|pa|support\s+workers?|provider)")
_COUNTED = _words("hour hours hr hrs call calls visit visits session sessions")
_SERVICE_NOUN_FIRST = _words("day home domiciliary respite support care sitting carer carers agency pa "
                             "provider")
# (word lists, pattern, explanation): every match has a whole word from each list. The words make the
# check cheap: a pattern runs only on a statement that has them (see the module's note).
_SERVICE_PATTERNS: tuple[tuple[tuple[frozenset[str], ...], re.Pattern[str], str], ...] = (
    ((_COUNTED,),
     re.compile(rf"\b{_NUMBER}\s+(?:x\s+)?(?:hours?|hrs?|calls?|visits?|sessions?)\b"
                rf"(?:\s+of\s+[\w\s]{{0,30}}?{_SERVICE_NOUN}\b|\s+{_PERIOD}\b)"),
     "This counts a service (hours, calls, visits), not what it means in the person's life. Ask what "
     "it lets them do, or what goes wrong without it."),
    ((_COUNTED | _words("day days night nights time times week weeks"), _SERVICE_NOUN_FIRST),
     re.compile(rf"\b{_SERVICE_NOUN}\s+(?:{_NUMBER}\s+)?(?:days?|nights?|times?|hours?|calls?|visits?|"
                rf"weeks?)\s+{_PERIOD}\b"),
     "This counts a service, not what it means in the person's life. Ask what it lets them do."),
    ((_words("referral refer referred signposted"),),
     re.compile(r"\b(?:referral|refer(?:red)?|signposted)\s+(?:on\s+)?(?:to|for)\b"),
     "'Referral to …' is a service's next step, not what matters to the person. Ask what they would "
     "like to be different."),
    ((_words("set offered installed arranged reviewed provided maintained completed put continued increased "
             "commissioned explored considered sourced referred assessed monitored allocated funded "
             "implemented sought organised organized encouraged prompted facilitated"), _words("be")),
     re.compile(r"\bto\s+be\s+(?:\w+ly\s+)?(?:set\s+up|offered|installed|arranged|reviewed|provided|"
                r"maintained|completed|put\s+in\s+place|continued|increased|commissioned|explored|"
                r"considered|sourced|referred|assessed|monitored|allocated|funded|implemented|sought|"
                r"organised|organized|encouraged|prompted|facilitated)\b"),
     "This is a task for staff, not the person's words. What does the person want, and why does it "
     "matter to them?"),
    ((_words("place"),),
     re.compile(r"\b(?:(?:is|are|was|were|now|remains?|already)\s+)?in\s+place\b(?!\s+of)"),
     "'in place' lists a service or a piece of equipment. What does it let the person do?"),
    ((_words("awaiting"),),
     re.compile(r"\bawaiting\b"),
     "'Awaiting …' is a service process. How does the wait affect the person? For example 'I'm still "
     "waiting and I can't …'."),
    ((_words("increase increased decrease reduce reduction continue continuation maintain extend extension"),
      _words("care support respite package hours calls visits placement provision service services funding "
             "budget direct")),
     re.compile(r"\b(?:increase|increased|decrease|reduce|reduction|continue|continuation|maintain|"
                r"extend|extension)\s+(?:(?:in|of|to|with)\s+)?(?:the\s+|her\s+|his\s+|their\s+)?"
                r"(?:current\s+)?(?:care|support|respite|package|hours|calls|visits|placement|provision|"
                r"services?|funding|budget|direct\s+payments?)\b"),
     "This asks for more (or the same) service, which is a solution. What is working or not working in "
     "the person's life?"),
    ((_words("current"), _words("care support service services package placement provision arrangement "
                                "arrangements provider")),
     re.compile(r"\bcurrent\s+(?:care|support|services?|package|placement|provision|arrangements?|"
                r"provider)\b"),
     "'current service' is how services describe themselves. What is it like for the person?"),
    ((_words("review reassess"),),
     re.compile(rf"^\W*(?:to\s+)?(?:review|reassess)\s+(?:(?:in|after|within)\s+)?{_NUMBER}\s+"
                r"(?:days?|weeks?|months?|years?)\b|^\W*(?:review|reassess)\s+(?:annually|yearly|monthly|"
                r"weekly|quarterly|every)\b"),
     "'Review in …' is when the service will look at the plan again, not the person's words. What would "
     "the person like to be different by then?"),
    ((_words("meet"), _words("needs")),
     re.compile(r"\bmeet\s+(?:the\s+|his\s+|her\s+|their\s+|people's\s+|the\s+person's\s+)"
                r"(?:\w+\s+)?needs\b"),
     "'to meet … needs' is how services talk about themselves. What does the person need, in their "
     "words?"),
)

# What a service does for someone, as a policy, a plan or a report puts it: "I am supported to manage my
# money", "I feel safe, encouraged and supported to give feedback", "People are enabled to …". Only the
# present ("am", "are", "be", "feel"): "I was encouraged to ask questions" tells what happened to someone.
_SUPPORT_WORDS = _words("encouraged supported enabled empowered")
_SUPPORTED_TO = re.compile(
    r"\b(?:am|is|are|be|being|feel|feels)\s+(?:(?:not\s+)?(?:always|also|fully|actively|properly|well|safe|"
    r"valued|listened\s+to|respected|informed|involved|included|heard|happy|confident|able|encouraged|supported|"
    r"enabled|empowered),?\s+(?:and\s+)?){0,3}"
    r"((?:encouraged|supported|enabled|empowered)\s+to)\s+\w")


def supported_to(text: str, folded: str, words: Collection[str]) -> list[Flag]:
    """A flag for a service's help told as policies and plans put it ("I am supported to …"); ``words``:
    the cue words found (see :mod:`.scan`). Its kind is a service's: where the rest of the statement reads
    like the person talking, the checker makes it a soft note."""
    if _SUPPORT_WORDS.isdisjoint(words) or (match := _SUPPORTED_TO.search(folded)) is None:
        return []
    start, end = match.span(1)
    return [Flag(FlagKind.SERVICE, start, end, f"'{text[start:end]} …' is how policies and plans describe "
                 "a service's help, not how people talk about their lives. Ask what they do, or want to do, "
                 "and who with, and write down their words: 'I go …', 'Sam helps me …'.", None)]


_SERVICE_FIRST = frozenset(word for needed, _, _ in _SERVICE_PATTERNS for word in needed[0])
# The whole words the checks above look for before they run a pattern (see the module's note).
CUE_WORDS = _PRONOUNS | _POSSESSIVES | _HIM | _PERSON_NOUNS | RELATIVE_WORDS | _SUPPORT_WORDS | frozenset(
    word for needed, _, _ in _SERVICE_PATTERNS for some in needed for word in some)
# The cue words without one of which no check above runs a pattern (besides a care-notes opening, which
# is looked for at the start of a statement): the other cue words ('care', 'be' …) only narrow a service
# pattern that one of these let run.
STARTING_WORDS = (_PRONOUNS | _POSSESSIVES | _HIM | _PERSON_NOUNS | RELATIVE_WORDS | _SERVICE_FIRST
                  | _SUPPORT_WORDS)
# Each word of a pattern's first list -> the numbers of those patterns, so a statement only looks at the
# patterns its words can start.
_SERVICE_BY_WORD: dict[str, tuple[int, ...]] = {
    word: tuple(number for number, (needed, _, _) in enumerate(_SERVICE_PATTERNS) if word in needed[0])
    for word in _SERVICE_FIRST}


def service(text: str, folded: str, first_person: bool, words: Collection[str]) -> list[Flag]:
    """A service or solution instead of the person's life: hours and calls, referrals, 'to be set up'.

    Only a soft note when the statement is in the first person ("I get 3 hours a week").
    """
    if _SERVICE_FIRST.isdisjoint(words):  # most statements
        return []
    numbers = {number for word in words for number in _SERVICE_BY_WORD.get(word, ())}
    flags: list[Flag] = []
    for number in sorted(numbers) if len(numbers) > 1 else numbers:
        needed, pattern, explanation = _SERVICE_PATTERNS[number]
        if all(not some.isdisjoint(words) for some in needed[1:]) and (match := pattern.search(folded)):
            start, end = match.span()
            while start < end and folded[start].isspace():
                start += 1
            flags.append(Flag(FlagKind.SERVICE, start, end, explanation, None, not first_person))
    return flags


# --- vague or empty answers (the whole statement only) -----------------------------------------------

_VAGUE_CORE = (
    r"ok|okay|k|fine|good|alright|all\s+right|great|excellent|brilliant|lovely|perfect|fantastic|grand|"
    r"superb|amazing|nothing|none|no|yes|nil|na|n\s+a|not\s+applicable|no\s+comments?|nothing\s+to\s+"
    r"(?:say|add|report|change|improve|mention|comment)|nothing\s+(?:much|really|else|in\s+particular)|"
    r"not\s+(?:much|really|a\s+lot|a\s+thing)|don'?t\s+know|dunno|do\s+not\s+know|not\s+sure|unsure|"
    r"no\s+idea|(?:can'?t|cannot|can\s+not)\s+think(?:\s+of\s+any(?:thing)?)?|nothing\s+comes?\s+to\s+mind|"
    r"no\s+(?:complaints?|problems?|issues?|concerns?)|all\s+(?:good|fine|ok|okay|well)|"
    r"everything(?:'s|\s+is|\s+was)?(?:\s+(?:fine|good|ok|okay|great|alright))?|same(?:\s+as\s+(?:before|"
    r"last\s+time|last\s+year|usual|above))?|as\s+(?:above|before)|see\s+above|no\s+changes?|whatever|"
    r"don'?t\s+mind|all\s+of\s+it|nope|yeah|yep|it'?s\s+(?:fine|ok|okay|good|alright|all\s+right)|"
    r"(?:very|really|quite|pretty)\s+(?:good|well|happy)|(?:(?:very|really)\s+)?(?:good|great|excellent|"
    r"brilliant|fantastic|superb|lovely|perfect)\s+(?:service|care|treatment|experience)"
)
_VAGUE_AFTER = (r"really|thanks|thank\s+you|at\s+all|at\s+the\s+moment|at\s+present|for\s+now|so\s+far|"
                r"whatsoever|i\s+think|i\s+suppose|to\s+be\s+honest|very\s+much|though")
_VAGUE = re.compile(
    r"(?:(?:um|erm|oh|well|just|really|very|absolutely|honestly|it'?s|it\s+is|its|that'?s|all\s+is|"
    r"there'?s|there\s+is|there\s+was)\s+)*(?:" + _VAGUE_CORE + r")(?:\s+(?:" + _VAGUE_CORE + "|"
    + _VAGUE_AFTER + r"))*"
)
VAGUE_LONGEST = 60  # characters: anything longer says something
# The words a vague answer can start with (see _VAGUE): a quick test before the full one.
_VAGUE_FIRST = re.compile(
    r"[\W_]*(?:\Z|(?:um|erm|oh|well|just|really|very|absolutely|honestly|it|its|that|all|there|ok|okay|k|"
    r"fine|good|alright|great|excellent|brilliant|lovely|perfect|fantastic|grand|superb|amazing|nothing|"
    r"none|no|yes|nil|na|n|not|don|dont|dunno|do|unsure|can|cant|cannot|everything|same|as|see|whatever|nope|"
    r"yeah|yep|quite|pretty)\b)"
)
_NOT_WORDS = re.compile(r"[^\w']+")
_WORD_CHARACTER = re.compile(r"[\w']")
# _VAGUE on the folded text as it is: between its words any run of characters that are not in a word
# ("n/a", "Nothing.", "ok!!"), which is what _VAGUE gives on the words joined by single spaces.
_VAGUE_AS_WRITTEN = re.compile(r"[^\w']*(?:" + _VAGUE.pattern.replace(r"\s+", r"[^\w']+") + r")[^\w']*")


def vague(text: str, folded: str) -> list[Flag]:
    """An empty or vague answer as the whole statement: 'ok', 'fine', 'nothing', 'n/a', 'don't know'."""
    if len(folded) > VAGUE_LONGEST or not _VAGUE_FIRST.match(folded):
        return []
    if not _VAGUE_AS_WRITTEN.fullmatch(folded) and _WORD_CHARACTER.search(folded):
        return []
    core = " ".join(_NOT_WORDS.sub(" ", folded).split())
    stripped = text.strip()
    start = text.find(stripped[:1]) if stripped else 0
    empty = not core or core.startswith(("no", "n a", "na", "nil", "don", "do not", "dunno", "not", "can",
                                         "unsure", "same", "as ", "see", "whatever"))
    explanation = (
        "An empty answer, too little to put on a card. Try asking the question another way, or note that "
        "the person chose not to answer." if empty else
        f"'{stripped}' is too vague to put on a card. Ask what exactly: what makes it good or bad for them?"
    )
    return [Flag(FlagKind.VAGUE, start, start + len(stripped), explanation)]
