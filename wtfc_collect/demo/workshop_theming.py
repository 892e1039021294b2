"""The demo workshop, Step 3: the checkpoint decided, the card call done, priorities voted on.

``seed`` works on the demo project (``install_demo``). It first does what the quality team would: it
accepts, and confirms the workshop copy of, each person's top two that the own-words checker finds in the
person's own words with no personal data. The demo bank repeats good statements across people on purpose,
so only the sentence one reviewer pasted into several reviews counts as copied. Then it runs the card call
with simple keyword rules standing in for the room: "what is working" and "what is not working" are
finished, "the future" is left part way, with a couple of cards parked and a few still to read out. Twelve
participants put their three dots on the "not working" themes and the top four are taken forward.
Everything but the checkpoint goes through the same use cases as the screens, so the demo follows their rules.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from wtfc_collect.demo.project import demo_flaws
from wtfc_collect.domain import AuditAction, Question, Review, TriageStatus
from wtfc_collect.domain.theme import ORDER, Theme
from wtfc_collect.quality import FlagKind, check_statement
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.common import change, record_audit
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.services.workshop import card_call, priorities, themes
from wtfc_collect.storage.port import Repository

from .timeline import Timeline

ACTOR = "demo"
VOTERS = 12
FUTURE_LEFT = 5  # cards of "the future" left on the pile, so the card call screen has one to show
FUTURE_PARKED = 2

# Theme name -> the words that put a card in it, separated by commas. The first theme with a matching word
# wins. A word matches a whole word or its plural ("friend" matches "friends"); a word ending in "*" matches
# the start of a word ("sing*" matches "singing").
RULES: dict[Question, dict[str, str]] = {
    Question.WORKING: {
        "We know the person we care for is safe and happy": (
            "to myself, go to work, trust, comes home, calmer, send me photos, ring me, written down "
            "what, my lad, off colour, sits with mum, text me, how his day went, lights up, hot meal, "
            "takes dad, evenings back, routine going"
        ),
        "I know help will come when I need it": (
            "button, number i can ring, numbers to ring, same day, knowing who, plans change, lets me "
            "know, pictures on my fridge"
        ),
        "I have people who know me and how I like things": (
            "carer, staff, worker, know me, same, read my post, explain myself, people who know, i'm "
            "known, hairdresser, doctor, foot lady, helpers"
        ),
        "I have a job and something useful to do": (
            "job, paid, in the cafe, charity shop, helping, farm, chickens, knitting, tuck shop"
        ),
        "I see my family and friends": (
            "daughter, son, mum, dad, brother, sister, grandson, girlfriend, friend, housemate, family, "
            "nan, niece, whoever pops, husband"
        ),
        "I feel part of my neighbourhood": (
            "neighbour, next door, downstairs, milkman, library van, memorial, bay window, wave"
        ),
        "I enjoy my groups, hobbies and pets": (
            "paper, flutter, horses, rocking chair, fire, "
            "group, club, drama, sing*, choir, band, guitar, crossword, gym, swim*, bowling, dominoes, "
            "art, paint*, disco, fishing, allotment, bird box, running, match, quiz, soaps, radio, cat, "
            "dog, duck, chapel, church, faith, drop-in, geraniums, laugh, jigsaw, card, budgie, library, "
            "garden, herbs, football, park, records, cricket, pottery, big wheel, tea dance, karaoke"
        ),
        "I get out and about": (
            "bus, minibus, town, market, walk*, fresh air, post office, salon, shop*, pub, arms, garden "
            "centre, canal"
        ),
        "I love being in my own home": (
            "own house, own flat, front door, own key, bedroom, own home, round the corner, own bed, "
            "shed, good plates, own shelf, front room, window open, knock"
        ),
        "I do things for myself and make my own choices": (
            "myself, choosing, my own, bills, shopping list, cook*, ask me, asked before, routine, good "
            "days, tablet, mobile, money, lie-in, potatoes, clock"
        ),
        "I enjoy my food": ("fish, tea, brew, breakfast, dinner, lunch, scone, meal, takeaway"),
    },
    Question.NOT_WORKING: {
        "I am worn out from caring": (
            "night off, shattered, worn out, when i'm gone, leave work, forms for my, already gone, up "
            "with mum, look after mum, dad had a fall, nobody tells me anything, other children, fight "
            "for, been poorly, dad won't, son's weekend, muddles her, frightens her"
        ),
        "I never know who is coming or when": (
            "who's coming, times, cancelled, turn up, agency, what time, rota, waiting for the carer, put "
            "me to bed, woken up, someone who's late"
        ),
        "I have to keep telling my story to new people": (
            "different carer, different face, different person, someone new, keep changing, new people, "
            "explain*, different people, learning their names, key worker"
        ),
        "I have no time with my staff": (
            "rush*, twenty minutes, her watch, on their phones, no time, talk over, never looks"
        ),
        "I am not treated like a grown-up": (
            "embarrassed, "
            "darling, like a child, long words, calm down, instead of talking, ask before, lock the "
            "kitchen, cardigan, move my things, feel like a number, snap out, told off, diagnosis, "
            "strangers, call me names, drunk, felt silly, stare, nuisance"
        ),
        "I wait too long and nobody gets back to me": (
            "waiting, weeks, months, ring me back, rings me back, rang, messages, who to ring, who to "
            "talk, mend, really bad, stop coming, losing my forms, old address, until weeks"
        ),
        "My health is not looked after": (
            "hear, walking stick, "
            "hearing aids, glasses, feet, toenails, shoes, pills, tablets, doctor, surgery, weight, head "
            "won't, drink more"
        ),
        "I worry about money": ("money, bill, heating, afford, benefits, debt, bank, cost, taxi"),
        "I don't get a say in my own life": (
            "choose, without asking, asks me, asked me, allowed, bed, say in, what i want, phone of my "
            "own, move house, washing machine, decide, decides"
        ),
        "I don't see my family enough": ("kids, daughter, my dad, son, my family, light bulb"),
        "I am lonely": (
            "on my own, lonely, nobody rings, friend, weekend, evening, dark, own age, older than me, "
            "doorbell, only company, anyone to go out with"
        ),
        "I can't get out and about": (
            "cemetery, shop*, "
            "bus, taxi, driv*, pavement, out of the house, lift, sit down, park, go out, pub, "
            "supermarket, kerbs, snow*, streetlight, shops in town, market, across town, sunday, "
            "swimming, going out, college trip"
        ),
        "My home is not right for me": (
            "damp, bath, stairs, noisy, loud music, upstairs, falling, bang about, sleep, cupboards, "
            "kettle, tins, cold, boiler, room is too small, garden, curtains"
        ),
        "I have nothing to do with my days": (
            "job, college, nothing to do, boring, bored, at work, off work, telly"
        ),
        "I find letters, forms and phones too hard": (
            "remote control, letter, form, read*, internet, computer, my post, phone rings, clinic"
        ),
        "I don't enjoy my meals": ("tray, food, cook*, eat, sandwiches, tea comes"),
    },
    Question.FUTURE: {
        "We want a plan for when we can't care any more": (
            "when i can't, too old, if i'm ill, a break, sleep through, plan for, company for dad, going "
            "back to work, our family, her own age, punjabi, big decisions, sit with dad, own "
            "grandchildren, mum staying, to get to know my son, with his friends, getting a job he, my "
            "daughter learning"
        ),
        "I want staff I know and can choose": (
            "same carer, staff, worker, who is coming, who helps me, picking, gets to know, turns up, "
            "same doctor, my story, carer with time, listened"
        ),
        "I want a job and something useful to do": (
            "job, back to work, useful, helping, animal rescue, garage, at work"
        ),
        "I want to stay in my own home": (
            "garden in bloom, "
            "own home, garden tidy, front garden, with a garden, stairs, a proper bath, out of the bath, "
            "affairs, in order, warm, damp, wherever i end up, answer the door, own bed"
        ),
        "I want to learn new things": (
            "talking books, teaching me, "
            "learn*, college, course, maths, video calls, photos, memories, never done, driving test"
        ),
        "I want to see more of the people I love": (
            "conversation, "
            "mum, nan, kids, nephew, people i love, married, girlfriend, friend, chat, company, round the "
            "table, having them round, grave, great-granddaughter, wedding, husband, people round, ring "
            "every day, people to talk, talk about, mates"
        ),
        "I want to get out and go places": (
            "miners arms, pint, market, "
            "seaside, holiday, pictures, concert, wrestling, football, steam, bowling, train, out more, "
            "get about, driving, bus, lunch club, show, village, street, band, tea dance, bingo, boats, "
            "theme park, plane, team play, pub, countryside, hill, scooter, park, church, choir, out now, "
            "when i'm out, party, festival, garden centre, coffee morning, allotment, swimming at"
        ),
        "I want to stay well": (
            "well, tablets, hospital, 10k, swim, slip, sleep*, debts, appointments, safe, bike, say no, "
            "a&e, hearing aids, glasses, teeth, gym, panicking, winter"
        ),
        "I want to do more for myself": (
            "my own, by myself, on my own, shop, cook, money, grown-up, bed when, dinner, phone, dog, "
            "cat, late, keyboard, cheaper, food, eat, ears, hair, paid, cup of tea"
        ),
    },
}


@dataclass(frozen=True)
class Seeded:
    accepted: int
    themes: int
    parked: int
    waiting: int
    voters: int
    chosen: tuple[str, ...]


def _pattern(words: Sequence[str]) -> re.Pattern[str]:
    alternatives = [
        re.escape(w[:-1]) if w.endswith("*") else re.escape(w) + r"(?:s|es|'s)?(?![\w'])" for w in words
    ]
    return re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


_PATTERNS = {
    q: tuple((name, _pattern(words.split(", "))) for name, words in rules.items())
    for q, rules in RULES.items()
}


def themes_for(question: Question, text: str) -> list[str]:
    """Every demo theme whose words are in the card, best first (the first one is where it goes)."""
    return [name for name, pattern in _PATTERNS[question] if pattern.search(text)]


def theme_for(question: Question, text: str) -> str | None:
    """The demo's theme for a card: the first rule with a matching word; None if no rule matches."""
    return next(iter(themes_for(question, text)), None)


def accept_own_words(repo: Repository, project_id: str, now: datetime) -> int:
    """The checkpoint, simulated: accept, and confirm the workshop copy of, each top-two statement that is
    in own words with no personal data. Returns how many were accepted.

    The decisions are the domain's own (``Statement.decide`` and ``confirm_workshop_text``, as the triage
    use cases make them), but each review is saved once, with one audit entry naming the statements: one
    save per statement took about 18 seconds on the file store for the 40-review demo.
    """
    pasted = set(demo_flaws()["duplicate"])
    field = get_project(repo, project_id).field.value
    chosen: dict[str, list[str]] = {}
    for review, statement in check_statements.statements_to_triage(repo, project_id):
        # As the quality lead's screen checks it: in the project's field, knowing who said it.
        verdict = check_statement(statement.text, field, relative_speaks=statement.said_by.relative)
        if verdict.own_words and not verdict.of_kind(FlagKind.PERSONAL_DATA) and statement.text not in pasted:
            chosen.setdefault(review.id, []).append(statement.id)

    def decide(statement_ids: list[str]) -> Callable[[Review], None]:
        def apply(review: Review) -> None:
            for statement_id in statement_ids:
                statement = review.statement(statement_id)
                if statement.triage_status is not TriageStatus.ACCEPTED:
                    statement.decide(TriageStatus.ACCEPTED, ACTOR, now)
                statement.confirm_workshop_text(statement.card_text, ACTOR, now)

        return apply

    for review_id, statement_ids in chosen.items():
        saved = change(repo, Review, review_id, decide(statement_ids))
        reason = "demo checkpoint: accepted, workshop copy confirmed: statements " + ", ".join(statement_ids)
        record_audit(repo, actor=ACTOR, action=AuditAction.TRIAGE, record=saved, now=now, reason=reason[:500])
    return sum(len(ids) for ids in chosen.values())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z']+", text.casefold()) if len(w) > 3}


def _nearest(text: str, groups: dict[str, list[str]], texts: dict[str, str]) -> str | None:
    """For a card no rule knows: the theme whose cards share most words with it (else the biggest)."""
    mine = _words(text)

    def score(name: str) -> tuple[int, int]:
        shared = sum(len(mine & _words(texts[sid])) for sid in groups[name])
        return shared, len(groups[name])

    return max(groups, key=score, default=None)


def _card_call(repo: Repository, project_id: str, question: Question, now: datetime, finish: bool) -> None:
    """Sort the cards as the room might. Unfinished: park a couple that fit two themes, leave a few."""
    pile = list(card_call.card_call(repo, project_id, question).waiting)
    if not finish:
        pile = pile[:-FUTURE_LEFT] if len(pile) > FUTURE_LEFT else []
    texts = {card.statement_id: card.text for card in pile}
    groups: dict[str, list[str]] = {}
    parked: list[str] = []
    unknown: list[str] = []
    for card in pile:
        names = themes_for(question, card.text)
        if not finish and len(parked) < FUTURE_PARKED and len(names) > 1:
            parked.append(card.statement_id)
        elif names:
            groups.setdefault(names[0], []).append(card.statement_id)
        else:
            unknown.append(card.statement_id)
    for statement_id in unknown:
        name = _nearest(texts[statement_id], groups, texts)
        if name is not None:
            groups[name].append(statement_id)
    if not groups and not parked:
        return
    card_call.record_card_call(repo, project_id, question, groups, parked, actor=ACTOR, now=now)
    if finish:
        card_call.finish_card_call(repo, project_id, question, actor=ACTOR, now=now)


def _vote(repo: Repository, project_id: str, now: datetime) -> None:
    """Twelve people vote: themes more people spoke of draw more dots, as they tend to, but not always."""
    rng = random.Random(11)
    views = priorities.ballot(repo, project_id)
    if not views:
        return
    dots = min(priorities.dots_per_person(repo, project_id), len(views))
    weights = [(view.people + 1) ** 2 for view in views]
    for number in range(1, VOTERS + 1):
        picked: list[str] = []
        while len(picked) < dots:
            theme_id = rng.choices(views, weights=weights)[0].theme.id
            if theme_id not in picked:
                picked.append(theme_id)
        priorities.record_votes(
            repo, project_id, f"Voter {number}", picked, actor=ACTOR, now=now + timedelta(minutes=number)
        )
    top = priorities.suggested_priorities(priorities.results(repo, project_id))[: priorities.TAKE_FORWARD]
    if top:
        priorities.choose_priorities(
            repo, project_id, top, actor=ACTOR, now=now + timedelta(minutes=VOTERS + 5)
        )


def seed(repo: Repository, project_id: str, now: datetime, timeline: Timeline | None = None) -> Seeded:
    """Fill Step 3 of the demo workshop: the checkpoint's decisions on the checkpoint day, the card call and
    the dots on the morning of the first workshop day. Does nothing to a project whose card call has started
    already (the last cycle's priorities carried in as a baseline do not count)."""
    when = timeline or Timeline.at(now)
    started = [t for t in repo.find(Theme, project_id=project_id) if t.carried_from is None] or any(
        card_call.card_call_record(repo, project_id, q).revision for q in Question
    )
    accepted = 0
    if not started:
        accepted = accept_own_words(repo, project_id, when.checkpoint)
        for step, question in enumerate(ORDER):
            at = when.day_one + timedelta(minutes=40 * step)
            _card_call(repo, project_id, question, at, finish=question is not Question.FUTURE)
        _vote(repo, project_id, when.day_one + timedelta(hours=2))
    future = card_call.card_call(repo, project_id, Question.FUTURE)
    return Seeded(
        accepted=accepted,
        themes=len(themes.list_themes(repo, project_id)),
        parked=len(future.parked),
        waiting=len(future.waiting),
        voters=len(priorities.voters(repo, project_id)),
        chosen=tuple(v.theme.name or "" for v in priorities.chosen_themes(repo, project_id)),
    )
