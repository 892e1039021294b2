"""Every kind of stored record and the name of its collection in a store."""

from __future__ import annotations

from .access import Account, Invitation, StoreSecret
from .audit import AuditEvent
from .base import Record
from .checkpoint import Checkpoint, MitigatingAction
from .dot_votes import Vote
from .participation import Participant, WorkshopArrangements
from .plan import ActionPlan, Idea
from .private_ballot import Ballot
from .progress_review import Communication, CycleReview, Evaluation, ProcessNote
from .project import Project
from .review import Review
from .success import Measure, SuccessStatement
from .theme import CardCall, Theme
from .understand import RootCause
from .voice import VoiceAnswer

COLLECTIONS: dict[type[Record], str] = {
    Project: "projects",
    Review: "reviews",
    Theme: "themes",
    CardCall: "card_calls",
    Vote: "votes",
    RootCause: "root_causes",
    SuccessStatement: "success_statements",
    Measure: "measures",
    Idea: "ideas",
    ActionPlan: "action_plans",
    ProcessNote: "process_notes",
    Communication: "communications",
    CycleReview: "cycle_reviews",
    Evaluation: "evaluations",
    VoiceAnswer: "voice_answers",
    Checkpoint: "checkpoints",
    MitigatingAction: "mitigating_actions",
    Participant: "participants",
    WorkshopArrangements: "workshop_arrangements",
    Ballot: "ballots",
    Account: "accounts",
    Invitation: "invitations",
    StoreSecret: "secrets",
    AuditEvent: "audit",
}


def collection_of(kind: type[Record]) -> str:
    try:
        return COLLECTIONS[kind]
    except KeyError:
        raise TypeError(f"{kind.__name__} is not a stored record") from None
