"""Hypothesis strategies for every stored record and the models nested in them.

Text strategies mix awkward real-world input into ordinary text: HTML, markdown, emoji, right-to-left
scripts, Welsh, control characters, Windows line endings. Each strategy only builds valid records; the
domain's own cleaning functions decide what counts as empty or too long.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from typing import Any, get_args, get_origin

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy as Strategy
from pydantic import BaseModel, TypeAdapter, ValidationError

from wtfc_collect.domain import (
    Account,
    ActionPlan,
    ActionStatus,
    Answer,
    AuditAction,
    AuditEvent,
    CardCall,
    CardMove,
    Checkpoint,
    CheckpointAnswer,
    CheckpointQuestion,
    Communication,
    Consent,
    ConsentGiver,
    CycleReview,
    Evaluation,
    EvaluationAnswer,
    Heard,
    Idea,
    IdeaKind,
    Invitation,
    Level,
    Measure,
    MeasureKind,
    MitigatingAction,
    MitigationKind,
    Perspective,
    ProcessNote,
    Project,
    Question,
    Reading,
    Record,
    Review,
    ReviewMode,
    ReviewStatus,
    Role,
    RootCause,
    SamplePlan,
    SampleTarget,
    Speaker,
    Statement,
    StatementChange,
    StoreSecret,
    StrictModel,
    SuccessStatement,
    Theme,
    TriageDecision,
    TriageStatus,
    VoiceAnswer,
    VoiceStatus,
    Vote,
    VoteTarget,
    WhyStep,
    WithdrawalReason,
)
from wtfc_collect.domain.base import one_line
from wtfc_collect.domain.participation import (
    Come,
    DayPlace,
    Participant,
    ParticipantPerspective,
    Reply,
    WorkshopArrangements,
    WorkshopWish,
)
from wtfc_collect.domain.person_actions import PersonAction
from wtfc_collect.domain.private_ballot import Ballot, BallotMode, BallotOption
from wtfc_collect.domain.progress_review import EVALUATION_QUESTIONS
from wtfc_collect.domain.statement import AgreedWords

AWKWARD = [
    "<script>alert('hi')</script>",
    "<b>bold</b> &amp; <i>",
    "**bold** _it_ [link](javascript:alert(1)) # heading",
    "| a | b |\n|---|---|",
    "😀 👍🏽 👨‍👩‍👧 ❤️",
    "مرحبا بالعالم",
    "שלום עולם",
    "Mae’r bws yn hwyr: ŵ ŷ â",
    "\u202eevil\u202c",
    "zero\u200bwidth",
    "tab\there",
    "line\r\nbreak\rold mac",
    "nul\x00bell\x07esc\x1b",
    "del\x7f next\x85line c1\x9f",
    "lone \ud83d surrogate \ufffe",
    "  spaced  ",
    "'single' \"double\" \\back`tick`",
    '{"json": [1, 2]}',
]
# C0 and C1 controls the models strip (tab and newline are kept or folded).
CONTROL = {chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}

ZONES = [UTC, timezone(timedelta(hours=1)), timezone(-timedelta(hours=5, minutes=30))]

raw_text = st.lists(st.one_of(st.sampled_from(AWKWARD), st.text(max_size=12)), max_size=4).map("".join)
clean_raw_text = st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), max_size=30)


def _accepted_by(adapter: TypeAdapter[Any]) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        try:
            adapter.validate_python(value)
        except ValidationError:
            return False
        return True

    return check


@cache
def text(model: type[BaseModel], field: str, base: st.SearchStrategy[str] = raw_text) -> Strategy[str]:
    """Awkward text that the field (or, for a list, each item) accepts, judged by the field's own type,
    so the models' limits are never copied here."""
    info = model.model_fields[field]
    annotation = info.annotation
    element = get_args(annotation)[0] if get_origin(annotation) is list else info.rebuild_annotation()
    return base.filter(_accepted_by(TypeAdapter(element)))


def _casefold_key(value: str) -> str:
    cleaned = one_line(value)
    return cleaned.casefold() if isinstance(cleaned, str) else value


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


record_id = st.uuids().map(lambda u: u.hex)
aware = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.sampled_from(ZONES)
)
day = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))
revision = st.integers(min_value=0, max_value=10**6)
finite = st.floats(allow_nan=False, allow_infinity=False)
label = text(SampleTarget, "name")
unique_labels = st.lists(text(Project, "teams"), max_size=4, unique_by=_casefold_key)
actor = text(TriageDecision, "by")
reason = text(TriageDecision, "reason")

# --- nested models --------------------------------------------------------------------------------------
sample_target = st.builds(SampleTarget, name=label, target=st.integers(0, 100_000))
consent = st.one_of(
    st.builds(
        Consent,
        given=st.booleans(),
        given_by=st.just(ConsentGiver.PERSON),
        representative_role=optional(text(Consent, "representative_role")),
        recorded_on=day,
    ),
    st.builds(
        Consent,
        given=st.booleans(),
        given_by=st.just(ConsentGiver.REPRESENTATIVE),
        representative_role=text(Consent, "representative_role"),
        recorded_on=day,
    ),
)
triage = st.builds(TriageDecision, status=st.sampled_from(TriageStatus), by=actor, at=aware, reason=reason)
change = st.builds(
    StatementChange,
    field=st.sampled_from(["workshop_text", "said_by", "priority"]),
    old=optional(text(StatementChange, "old")),
    new=optional(text(StatementChange, "new")),
    by=text(StatementChange, "by"),
    at=aware,
    reason=text(StatementChange, "reason"),
)
agreed_words = st.builds(
    AgreedWords,
    words=text(AgreedWords, "words"),
    agreed_by=text(AgreedWords, "agreed_by"),
    agreed_on=day,
    why=text(AgreedWords, "why"),
    recorded_by=actor,
    recorded_at=aware,
)
statement = st.builds(
    Statement,
    id=record_id,
    question=st.sampled_from(Question),
    text=text(Statement, "text"),
    said_by=st.sampled_from(Speaker),
    priority=st.none(),
    workshop_text=optional(text(Statement, "workshop_text")),
    triage=st.lists(triage, max_size=2),
    changes=st.lists(change, max_size=2),
    created_at=aware,
    voice_answer_id=optional(record_id),
    anonymised_by=optional(actor),
    anonymised_at=optional(aware),
    agreed=optional(agreed_words),
)
workshop_wish = st.builds(
    WorkshopWish, come=st.sampled_from(Come), access_needs=text(WorkshopWish, "access_needs")
)
person_action = st.builds(
    PersonAction,
    id=record_id,
    what=text(PersonAction, "what"),
    who=text(PersonAction, "who"),
    by_when=optional(day),
    done_on=optional(day),
    statement_id=optional(record_id),
    created_by=actor,
    created_at=aware,
)
day_place = st.builds(DayPlace, day=day, reply=st.sampled_from(Reply), attended=optional(st.booleans()))
ballot_option = st.builds(BallotOption, target_id=record_id, name=text(BallotOption, "name"))
card_move = st.builds(
    CardMove,
    statement_id=record_id,
    from_theme_id=optional(record_id),
    to_theme_id=optional(record_id),
    from_parked=st.booleans(),
    to_parked=st.booleans(),
    at=aware,
)
checkpoint_answer = st.builds(
    CheckpointAnswer,
    question=st.sampled_from(CheckpointQuestion),
    answer=st.sampled_from(Answer),
    notes=text(CheckpointAnswer, "notes"),
)
why_step = st.builds(WhyStep, why=text(WhyStep, "why"), because=text(WhyStep, "because"))
reading = st.builds(Reading, on=day, value=finite)
heard = st.builds(Heard, on=day, text=text(Heard, "text").filter(str.strip))


@st.composite
def sample_plan(
    draw: st.DrawFn, teams: list[str] | None = None, kinds: list[str] | None = None
) -> SamplePlan:
    def targets(names: list[str]) -> list[dict[str, Any]]:
        chosen = draw(st.lists(st.sampled_from(names), unique=True)) if names else []
        return [{"name": n, "target": draw(st.integers(0, 100_000))} for n in chosen]

    words = {name: draw(text(SamplePlan, name)) for name in ("what", "how", "who", "where", "when")}
    return SamplePlan(
        **words,
        target_reviews=draw(st.integers(0, 100_000)),
        team_targets=targets(teams or []),
        service_type_targets=targets(kinds or []),
    )


# --- records --------------------------------------------------------------------------------------------
@st.composite
def project(draw: st.DrawFn) -> Project:
    teams, kinds = draw(unique_labels), draw(unique_labels)
    return Project(
        id=draw(record_id),
        revision=draw(revision),
        name=draw(text(Project, "name")),
        purpose=draw(text(Project, "purpose")),
        level=draw(st.sampled_from(Level)),
        sample_plan=draw(sample_plan(teams, kinds)),
        checkpoint_date=draw(optional(day)),
        workshop_dates=draw(st.lists(day, max_size=3)),
        teams=teams,
        areas=draw(unique_labels),
        groups=draw(unique_labels),
        service_types=kinds,
        created_at=draw(aware),
        previous_id=draw(optional(record_id)),
        cycle=draw(st.integers(1, 1000)),
    )


person_refs = st.from_regex(r"[A-Za-z][A-Za-z0-9 _./-]{0,30}", fullmatch=True)


@st.composite
def review(draw: st.DrawFn) -> Review:
    statements = draw(st.lists(statement, max_size=6, unique_by=lambda s: s.id))
    for question in Question:
        mine = [s for s in statements if s.question is question]
        for place, chosen in enumerate(draw(st.permutations(mine))[:2], start=1):
            chosen.priority = 1 if place == 1 else 2
    status = draw(st.sampled_from(ReviewStatus))
    agreed = draw(optional(consent))
    if status is ReviewStatus.SUBMITTED and not (agreed and agreed.given):
        agreed = draw(consent.filter(lambda c: c.given))
    labels = {
        name: draw(optional(text(Review, name)))
        for name in ("team", "reviewer", "service_type", "area", "group")
    }
    return Review(
        id=draw(record_id),
        revision=draw(revision),
        project_id=draw(record_id),
        person_ref=draw(text(Review, "person_ref", person_refs)),
        review_date=draw(day),
        mode=draw(st.sampled_from(ReviewMode)),
        **labels,
        participants=draw(st.lists(text(Review, "participants"), max_size=3)),
        consent=agreed,
        status=status,
        statements=statements,
        created_at=draw(aware),
        updated_at=draw(aware),
        submitted_at=draw(optional(aware)),
        withdrawn_reason=draw(optional(st.sampled_from(WithdrawalReason))),
        withdrawn_note=draw(text(Review, "withdrawn_note")),
        workshop=draw(workshop_wish),
        actions=draw(st.lists(person_action, max_size=3, unique_by=lambda a: a.id)),
    )


theme_name = text(
    Theme, "name", st.tuples(st.sampled_from(["I", "I'm", "My", "We", "Our", "I’ve"]), raw_text).map(" ".join)
)
_ids = {"id": record_id, "revision": revision, "project_id": record_id}
_theme_ids = {**_ids, "theme_id": record_id}
_plan_texts = (
    "key_features",
    "who_is_involved",
    "first_steps",
    "six_to_twelve_months",
    "resources",
    "what_else_would_help",
    "how_we_will_know",
    "how_we_will_tell_people",
)


@st.composite
def voice_answer(draw: st.DrawFn) -> VoiceAnswer:
    status = draw(st.sampled_from(VoiceStatus))
    written = [] if status is VoiceStatus.DISCARDED else draw(st.lists(record_id, max_size=3, unique=True))
    if status is VoiceStatus.WRITTEN_DOWN and not written:
        written = [draw(record_id)]
    finished = status is not VoiceStatus.WAITING
    return VoiceAnswer(
        id=draw(record_id),
        revision=draw(revision),
        project_id=draw(record_id),
        review_id=draw(record_id),
        question=draw(st.sampled_from(Question)),
        recorded_at=draw(aware),
        recorded_by=draw(text(VoiceAnswer, "recorded_by")),
        mime=draw(st.sampled_from(["audio/wav", "audio/webm", "audio/ogg"])),
        size=draw(st.integers(1, 10 * 1024 * 1024)),
        seconds=draw(optional(st.floats(0, 3600))),
        sha256=draw(st.from_regex(r"[0-9a-f]{64}", fullmatch=True)),
        status=status,
        written_statement_ids=written,
        handled_by=draw(text(VoiceAnswer, "handled_by")) if finished else None,
        handled_at=draw(aware) if finished else None,
        reason=draw(text(VoiceAnswer, "reason")),
    )


RECORDS: dict[type[Record], st.SearchStrategy[Any]] = {
    Project: project(),
    Review: review(),
    Theme: st.one_of(
        st.builds(
            Theme,
            **_ids,
            question=st.sampled_from(Question),
            name=optional(theme_name),
            statement_ids=st.lists(record_id, max_size=3),
            chosen=st.booleans(),
            created_at=aware,
            follow_up=text(Theme, "follow_up"),
            last_cycle_theme_id=optional(record_id),
        ),
        st.builds(  # a priority of the last cycle carried in as a baseline: no statements, not voted on
            Theme,
            **_ids,
            question=st.sampled_from(Question),
            name=optional(theme_name),
            created_at=aware,
            carried_from=record_id,
        ),
    ),
    CardCall: st.builds(
        CardCall,
        **_ids,
        question=st.sampled_from(Question),
        parked_statement_ids=st.lists(record_id, max_size=3),
        moves=st.lists(card_move, max_size=3),
        finished=st.booleans(),
    ),
    Vote: st.builds(
        Vote,
        **_ids,
        target_kind=st.sampled_from(VoteTarget),
        target_id=record_id,
        voter=text(Vote, "voter"),
        dots=st.integers(1, 20),
        at=aware,
        perspective=optional(st.sampled_from(ParticipantPerspective)),
    ),
    RootCause: st.builds(
        RootCause,
        **_theme_ids,
        chain=st.lists(why_step, max_size=3),
        cause=text(RootCause, "cause"),
        taken_forward=st.booleans(),
    ),
    SuccessStatement: st.one_of(
        st.builds(
            SuccessStatement,
            **_theme_ids,
            perspective=st.sampled_from([p for p in Perspective if p is not Perspective.OTHER]),
            perspective_name=optional(text(SuccessStatement, "perspective_name")),
            text=text(SuccessStatement, "text"),
            root_cause_id=optional(record_id),
            carried_from=optional(record_id),
        ),
        st.builds(
            SuccessStatement,
            **_theme_ids,
            perspective=st.just(Perspective.OTHER),
            perspective_name=text(SuccessStatement, "perspective_name"),
            text=text(SuccessStatement, "text"),
        ),
    ),
    Measure: st.one_of(
        st.builds(
            Measure,
            **_ids,
            success_id=record_id,
            description=text(Measure, "description"),
            unit=optional(text(Measure, "unit")),
            baseline=optional(finite),
            readings=st.lists(reading, max_size=3),
            how_we_will_know=text(Measure, "how_we_will_know"),
            carried_from=optional(record_id),
        ),
        st.builds(
            Measure,
            **_ids,
            success_id=record_id,
            description=text(Measure, "description"),
            kind=st.just(MeasureKind.WORDS),
            how_we_will_know=text(Measure, "how_we_will_know"),
            heard=st.lists(heard, max_size=3),
            carried_from=optional(record_id),
        ),
    ),
    Idea: st.builds(
        Idea,
        **_theme_ids,
        kind=st.sampled_from(IdeaKind),
        text=text(Idea, "text"),
        root_cause_id=optional(record_id),
        chosen=st.booleans(),
        cost=optional(st.integers(1, 4)),
        impact=optional(st.integers(1, 4)),
    ),
    ActionPlan: st.builds(
        ActionPlan,
        **_theme_ids,
        idea_ids=st.lists(record_id, max_size=3),
        success_ids=st.lists(record_id, max_size=3),
        measure_ids=st.lists(record_id, max_size=3),
        title=text(ActionPlan, "title"),
        lead=optional(text(ActionPlan, "lead")),
        status=st.sampled_from(ActionStatus),
        **{name: text(ActionPlan, name) for name in _plan_texts},
    ),
    VoiceAnswer: voice_answer(),
    Checkpoint: st.one_of(
        st.builds(
            Checkpoint,
            **_ids,
            answers=st.lists(checkpoint_answer, max_size=3, unique_by=lambda a: a.question),
        ),
        st.builds(
            Checkpoint,
            **_ids,
            answers=st.permutations(list(CheckpointQuestion)).flatmap(
                lambda order: st.tuples(
                    *[
                        st.builds(
                            CheckpointAnswer,
                            question=st.just(q),
                            answer=st.sampled_from(Answer),
                            notes=text(CheckpointAnswer, "notes"),
                        )
                        for q in order
                    ]
                ).map(list)
            ),
            signed_by=actor,
            signed_at=aware,
        ),
    ),
    MitigatingAction: st.builds(
        MitigatingAction,
        **_ids,
        team=optional(label),
        kind=st.sampled_from(MitigationKind),
        description=text(MitigatingAction, "description").filter(str.strip),
        owner=label,
        due=optional(day),
        done=st.booleans(),
        created_at=aware,
    ),
    Participant: st.builds(
        Participant,
        **_ids,
        name=label,
        perspective=st.sampled_from(ParticipantPerspective),
        other_perspective=label,
        organisation=optional(label),
        access_needs=text(Participant, "access_needs"),
        from_reviews=st.booleans(),
        days=st.lists(day_place, max_size=3, unique_by=lambda p: p.day),
        created_at=aware,
    ),
    WorkshopArrangements: st.builds(
        WorkshopArrangements,
        **_ids,
        place=text(WorkshopArrangements, "place"),
        times=text(WorkshopArrangements, "times"),
        help_on_offer=text(WorkshopArrangements, "help_on_offer"),
        contact=text(WorkshopArrangements, "contact"),
    ),
    Ballot: st.builds(
        Ballot,
        **_ids,
        kind=st.just(VoteTarget.THEME),
        mode=st.just(BallotMode.SLIPS),
        options=st.lists(ballot_option, min_size=1, max_size=3, unique_by=lambda o: o.target_id),
        dots=st.integers(1, 10),
        code_hash=st.none(),
        opened_by=actor,
        opened_at=aware,
        closed_at=optional(aware),
    )
    | st.builds(
        Ballot,
        **_ids,
        kind=st.just(VoteTarget.THEME),
        mode=st.just(BallotMode.DEVICES),
        options=st.lists(ballot_option, min_size=1, max_size=3, unique_by=lambda o: o.target_id),
        dots=st.integers(1, 10),
        code_hash=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
        opened_by=actor,
        opened_at=aware,
        closed_at=optional(aware),
    ),
    ProcessNote: st.builds(
        ProcessNote, **_ids, worked=st.booleans(), text=text(ProcessNote, "text"), at=aware
    ),
    Communication: st.builds(
        Communication,
        **_ids,
        audience=label,
        message=text(Communication, "message").filter(str.strip),
        channel=label,
        due=optional(day),
        done=st.booleans(),
        created_at=aware,
    ),
    CycleReview: st.builds(
        CycleReview,
        **_ids,
        review_on=optional(day),
        finished_on=optional(day),
        summary=text(CycleReview, "summary"),
    ),
    Evaluation: st.builds(
        Evaluation,
        **_ids,
        perspective=st.just(Perspective.OTHER),
        perspective_name=label,
        answers=st.dictionaries(
            st.sampled_from(list(EVALUATION_QUESTIONS)), st.sampled_from(EvaluationAnswer)
        ),
        worked=text(Evaluation, "worked"),
        did_not_work=text(Evaluation, "did_not_work"),
        next_time=text(Evaluation, "next_time"),
        at=aware,
    ),
    Account: st.builds(
        Account,
        id=record_id,
        revision=revision,
        username=st.from_regex(r"[a-z0-9][a-z0-9._-]{0,39}", fullmatch=True),
        display_name=text(Account, "display_name"),
        role=st.sampled_from(Role),
        teams=st.lists(label, max_size=3),
        password_hash=st.from_regex(r"\$argon2id\$[A-Za-z0-9$=,+/]{10,80}", fullmatch=True),
        sso_email=st.one_of(st.just(""), st.emails().filter(lambda e: len(e) <= 254)),
        active=st.booleans(),
        created_at=aware,
    ),
    Invitation: st.builds(
        Invitation,
        **_ids,
        review_id=record_id,
        code_hash=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
        created_by=actor,
        created_at=aware,
        expires_at=aware,
        revoked_at=optional(aware),
        used_at=optional(aware),
    ),
    StoreSecret: st.builds(
        StoreSecret,
        id=record_id,
        revision=revision,
        value=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
        created_at=aware,
    ),
    AuditEvent: st.builds(
        AuditEvent,
        id=record_id,
        revision=revision,
        at=aware,
        actor=text(AuditEvent, "actor"),
        action=st.sampled_from(AuditAction),
        record_kind=st.from_regex(r"[a-z_]{0,40}", fullmatch=True),
        record_id=st.one_of(st.just(""), record_id),
        reason=text(AuditEvent, "reason"),
    ),
}

NESTED: dict[type[StrictModel], st.SearchStrategy[Any]] = {
    CheckpointAnswer: checkpoint_answer,
    CardMove: card_move,
    SampleTarget: sample_target,
    SamplePlan: sample_plan(),
    Consent: consent,
    TriageDecision: triage,
    StatementChange: change,
    Statement: statement,
    WhyStep: why_step,
    Reading: reading,
    AgreedWords: agreed_words,
    WorkshopWish: workshop_wish,
    PersonAction: person_action,
    DayPlace: day_place,
    BallotOption: ballot_option,
    Heard: heard,
}


def new_record(kind: type[Record]) -> st.SearchStrategy[Any]:
    """Records of ``kind`` as they are before their first save (revision 0)."""
    return RECORDS[kind].map(lambda r: r.model_copy(update={"revision": 0}))
