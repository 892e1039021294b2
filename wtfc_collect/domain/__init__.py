"""The method's records and rules: pydantic models, no IO, no clock reads, no streamlit."""

from .audit import AuditAction, AuditEvent
from .base import SCHEMA_VERSION, DomainError, Record, StrictModel, new_id, utc
from .errors import plain_errors
from .progress import Progress, ProgressRow, progress
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
from .workshop import (
    ActionPlan,
    ActionStatus,
    CardCall,
    Idea,
    IdeaKind,
    Measure,
    Perspective,
    ProcessNote,
    Quadrant,
    Reading,
    RootCause,
    SuccessStatement,
    Theme,
    ThreadLink,
    Vote,
    VoteTarget,
    WhyStep,
    golden_thread,
    is_first_person,
)

__all__ = [
    "COLLECTIONS", "LEVEL_DESCRIPTIONS", "LEVEL_LABELS", "QUESTION_LABELS", "SCHEMA_VERSION",
    "SPEAKER_LABELS", "ActionPlan", "ActionStatus", "AuditAction", "AuditEvent", "CardCall", "Consent",
    "ConsentGiver", "DomainError", "Idea", "IdeaKind", "Level", "Measure", "Perspective", "ProcessNote",
    "Progress", "ProgressRow", "Project", "Quadrant", "Question", "Reading", "Record", "Review",
    "ReviewMode", "ReviewStatus", "RootCause", "SamplePlan", "SampleTarget", "Speaker", "Statement",
    "StatementChange", "StrictModel", "SuccessStatement", "Theme", "ThreadLink", "TriageDecision",
    "TriageStatus", "Vote", "VoteTarget", "WhyStep", "collection_of", "golden_thread", "is_first_person",
    "new_id", "plain_errors", "progress", "utc",
]
