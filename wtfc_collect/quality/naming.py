"""Things people name in their own lives: their condition, their nurse, their inhaler, their home care.

"My COPD nurse is brilliant" and "Home care is always late" are a person's own words, although "COPD" and
"home care" are how services talk: the person is naming something in their life, and saying what it is
like. So in a sentence about life (:func:`about_life`), these names are no sign of professional writing,
in every field. In the project's own field (Step 1: social care, health, housing or mixed) its names also
count in any sentence with a verb ("Physio twice a week helps").
"""

from __future__ import annotations

import re
from functools import cache

SOCIAL_CARE, HEALTH, HOUSING, MIXED = "social_care", "health", "housing", "mixed"
FIELDS = (SOCIAL_CARE, HEALTH, HOUSING, MIXED)

_NAMES = {  # comma-separated, any case
    HEALTH: """
COPD, asthma, diabetes, dementia, arthritis, cancer, stroke, epilepsy, angina, emphysema, bronchitis,
hypertension, heart failure, heart condition, kidney disease, Parkinson's, MS, motor neurone disease,
fibromyalgia, ME, depression, anxiety, stoma, catheter, inhaler, inhalers, oxygen, nebuliser, nebulizer,
insulin, dialysis, chemo, chemotherapy, radiotherapy, physio, physiotherapy, physiotherapist, rehab,
pulmonary rehab, rehab class, cardiac rehab, GP, GPs, doctor, doctors, nurse, nurses, district nurse,
community nurse, practice nurse, specialist nurse, COPD nurse, CPN, consultant, ward, clinic, hospital,
pharmacy, pharmacist, prescription, medication, tablets, wheelchair, walking frame, walking stick,
walking aid, hearing aid, hearing aids, palliative care, hospice, ambulance, paramedic, A&E, outpatients,
operation, appointment, appointments, breathlessness
""",
    SOCIAL_CARE: """
home care, homecare, carer, carers, care worker, care workers, support worker, support workers, PA, PAs,
personal assistant, day centre, day care, respite, respite care, lunch club, care home, nursing home,
social worker, OT, occupational therapist, keyworker, key worker, direct payment, direct payments,
personal budget, meals on wheels, pendant alarm, community alarm, telecare, stairlift, stair lift, hoist,
commode, grab rails, shower chair, sheltered housing, extra care, supported living, advocate
""",
    HOUSING: """
tenancy, landlord, housing officer, housing association, council flat, council house, housing benefit,
rent, repairs, warden, sheltered housing, hostel, supported housing, bedsit
""",
}
_FEELING_OR_EVERYDAY = re.compile(
    r"\b(?:i|i'm|im|i've|me|my|we|our|love|loved|lovely|brilliant|great|good|fantastic|amazing|wonderful|"
    r"excellent|kind|helpful|friendly|rude|awful|terrible|rubbish|poor|bad|happy|sad|scared|worried|"
    r"lonely|always|never|often|sometimes|late|early|on\s+time|again|every|still|can't|cannot|won't|"
    r"doesn't|didn't|don't|help|helps|helped|listen|listens|listened|comes|came|turns?\s+up)\b")
_VERB = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|can|could|will|would|gets?|got|goes|went|"
    r"comes?|came|makes?|made|takes?|took|helps?|helped|needs?|wants?|likes?|loves?|feels?|felt|keeps?|"
    r"kept|sees?|saw|gives?|gave|\w+n't|\w+ed)\b")
_NOT_ABOUT_LIFE = re.compile(r"^\W*(?:to\s+\w+|ensure|make|provide|support|review|monitor|arrange|refer)\b")


def names_of(field: str | None) -> frozenset[str]:
    """The names (lower case) that count in the project's ``field`` (all of them for mixed or unknown)."""
    return _names(field if field in (SOCIAL_CARE, HEALTH, HOUSING) else MIXED)


@cache
def _names(field: str) -> frozenset[str]:
    fields = (SOCIAL_CARE, HEALTH, HOUSING) if field == MIXED else (field,)
    return frozenset(" ".join(name.lower().split()) for field_ in fields
                     for name in _NAMES[field_].split(",") if name.strip())


@cache
def _pattern() -> re.Pattern[str]:
    every = sorted(names_of(MIXED), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in every)
                      + r")(?![\w'])", re.IGNORECASE)


# Nothing but a thing and what was done to it ("Telecare installed", "Grab rails fitted"): a record of a
# service, not a sentence about someone's life.
_DONE_TO_IT = re.compile(r"^\W*(?!.*\b(?:i|me|my|we|our|us)\b)(?:[\w'-]+\s+){1,4}?\w+ed\W*$")


def has_verb(folded: str) -> bool:
    return _VERB.search(folded) is not None and _DONE_TO_IT.match(folded) is None


def judges(folded: str) -> bool:
    """The person's voice or their judgement ("brilliant", "always late", "never comes"), and not an
    instruction or a goal for a plan; with or without a verb ("Good outcome and kind treatment")."""
    return _NOT_ABOUT_LIFE.match(folded) is None and _FEELING_OR_EVERYDAY.search(folded) is not None


def about_life(folded: str) -> bool:
    """A sentence about someone's life: a verb, and the person's voice or their judgement (:func:`judges`)."""
    return has_verb(folded) and judges(folded)


def named(text: str, folded: str, field: str | None) -> list[tuple[int, int]]:
    """Where ``text`` names a thing in the person's life that counts as their own words here (see the
    module's note): every name in a sentence about life, the field's names in any sentence with a verb."""
    if not has_verb(folded):
        return []
    life = about_life(folded)
    own = names_of(field)
    return [match.span() for match in _pattern().finditer(text)
            if life or " ".join(match.group().lower().split()) in own]
