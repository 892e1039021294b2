"""The method's records and rules: pydantic models, no IO, no clock reads, no streamlit."""

from .access import Account, Invitation, Role, StoreSecret, User
from .audit import AuditAction, AuditEvent
from .base import SCHEMA_VERSION, STATEMENT_MAX_CHARS, DomainError, Record, StrictModel, new_id, utc
from .checkpoint import (
    CHECKPOINT_QUESTIONS,
    MITIGATION_LABELS,
    Answer,
    Checkpoint,
    CheckpointAnswer,
    CheckpointQuestion,
    MitigatingAction,
    MitigationKind,
)
from .dot_votes import Vote, VoteTarget
from .errors import plain_errors
from .participation import Participant, WorkshopArrangements
from .plan import ActionPlan, ActionStatus, Idea, IdeaKind, Quadrant
from .private_ballot import Ballot
from .progress_review import ProcessNote
from .project import LEVEL_DESCRIPTIONS, LEVEL_LABELS, Level, Project, SamplePlan, SampleTarget
from .records import COLLECTIONS, collection_of
from .review import (
    QUESTION_LABELS,
    SPEAKER_LABELS,
    Consent,
    ConsentGiver,
    Question,
    Review,
    ReviewMode,
    ReviewStatus,
    Speaker,
    Statement,
    StatementChange,
    TriageDecision,
    TriageStatus,
)
from .sample_progress import Progress, ProgressRow, progress
from .success import Measure, Perspective, Reading, SuccessStatement
from .theme import Card, CardCall, CardMove, Theme, is_first_person
from .understand import RootCause, WhyStep
from .voice import (
    MAX_RECORDING_BYTES,
    VOICE_STATUS_LABELS,
    RecordingInfo,
    VoiceAnswer,
    VoiceStatus,
    inspect_recording,
    voice_questions,
)

__all__ = [
    "CHECKPOINT_QUESTIONS",
    "COLLECTIONS",
    "LEVEL_DESCRIPTIONS",
    "LEVEL_LABELS",
    "MAX_RECORDING_BYTES",
    "MITIGATION_LABELS",
    "QUESTION_LABELS",
    "SCHEMA_VERSION",
    "SPEAKER_LABELS",
    "STATEMENT_MAX_CHARS",
    "VOICE_STATUS_LABELS",
    "Account",
    "ActionPlan",
    "ActionStatus",
    "Answer",
    "AuditAction",
    "AuditEvent",
    "Ballot",
    "Card",
    "CardCall",
    "CardMove",
    "Checkpoint",
    "CheckpointAnswer",
    "CheckpointQuestion",
    "Consent",
    "ConsentGiver",
    "DomainError",
    "Idea",
    "IdeaKind",
    "Invitation",
    "Level",
    "Measure",
    "MitigatingAction",
    "MitigationKind",
    "Participant",
    "Perspective",
    "ProcessNote",
    "Progress",
    "ProgressRow",
    "Project",
    "Quadrant",
    "Question",
    "Reading",
    "Record",
    "RecordingInfo",
    "Review",
    "ReviewMode",
    "ReviewStatus",
    "Role",
    "RootCause",
    "SamplePlan",
    "SampleTarget",
    "Speaker",
    "Statement",
    "StatementChange",
    "StoreSecret",
    "StrictModel",
    "SuccessStatement",
    "Theme",
    "TriageDecision",
    "TriageStatus",
    "User",
    "VoiceAnswer",
    "VoiceStatus",
    "Vote",
    "VoteTarget",
    "WhyStep",
    "WorkshopArrangements",
    "collection_of",
    "inspect_recording",
    "is_first_person",
    "new_id",
    "plain_errors",
    "progress",
    "utc",
    "voice_questions",
]
