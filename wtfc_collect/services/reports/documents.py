"""Word documents for a project: workshop cards and strips, the checkpoint report, the WTfC report, the
easy-read "You said, we did" and the one-page summary for leaders (the content of the last three is chosen in
``report_content`` and ``learning_review``).

The documents package only lays out what it is given; this module chooses the content (only accepted,
anonymised statements on cards; counts and placeholders, never names, in the report).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from wtfc_collect.documents.cards import WorkshopCard, build_cards, build_strips
from wtfc_collect.documents.checkpoint_report import (
    CheckpointReport,
    ProgressLine,
    ShareLine,
    build_checkpoint_report,
)
from wtfc_collect.documents.invitation import build_invitation
from wtfc_collect.documents.report import build_report
from wtfc_collect.documents.summary import build_summary
from wtfc_collect.documents.you_said import build_you_said_we_did
from wtfc_collect.domain import AuditAction, CheckpointQuestion, DomainError, ProgressRow, Question
from wtfc_collect.quality import FlagKind
from wtfc_collect.quality.anonymise import propose_anonymised
from wtfc_collect.services.access import FACILITATORS, QUALITY, guard, require
from wtfc_collect.services.checkpoint import checkpoint
from wtfc_collect.services.checkpoint.check_statements import workshop_statements
from wtfc_collect.services.common import record_audit
from wtfc_collect.services.prepare.project_setup import get_project, project_progress
from wtfc_collect.services.reports import learning_review, report_content
from wtfc_collect.services.workshop import participation
from wtfc_collect.storage.port import Repository

EXAMPLES = 15


class DocumentKind(StrEnum):
    CARDS = "cards"
    STRIPS = "strips"
    CHECKPOINT = "checkpoint"
    REPORT = "report"
    YOU_SAID_WE_DID = "you-said-we-did"
    INVITATION = "workshop-invitation"
    SUMMARY = "summary"


# The file name a download or the command line offers for each kind.
FILE_NAMES = {
    DocumentKind.CARDS: "workshop-cards.docx",
    DocumentKind.STRIPS: "workshop-strips.docx",
    DocumentKind.CHECKPOINT: "checkpoint-report.docx",
    DocumentKind.REPORT: "wtfc-report.docx",
    DocumentKind.YOU_SAID_WE_DID: "you-said-we-did.docx",
    DocumentKind.INVITATION: "workshop-invitation.docx",
    DocumentKind.SUMMARY: "summary-for-leaders.docx",
}


@guard(FACILITATORS)
def workshop_cards(repo: Repository, project_id: str) -> list[WorkshopCard]:
    """One card per workshop statement, numbered in question order."""
    pairs = workshop_statements(repo, project_id)
    order = list(Question)
    pairs.sort(key=lambda pair: (order.index(pair[1].question), pair[0].review_date, pair[1].created_at))
    return [WorkshopCard(s.question, s.card_text, n) for n, (_, s) in enumerate(pairs, start=1)]


def _line(row: ProgressRow) -> ProgressLine:
    return ProgressLine(row.name, row.target, row.submitted, row.drafts)


@guard(QUALITY)
def checkpoint_report(repo: Repository, project_id: str, now: datetime) -> CheckpointReport:
    project = get_project(repo, project_id)
    progress = project_progress(repo, project_id)
    overview = checkpoint.quality_overview(repo, project_id)
    record = checkpoint.get_checkpoint(repo, project_id)
    answers = []
    for question in CheckpointQuestion:
        given = record.answer(question)
        answers.append(
            (
                question.label,
                given.answer.value.title() if given else "Not answered",
                given.notes if given else "",
            )
        )
    examples = [
        (row.team, propose_anonymised(row.text)[0], "; ".join(FlagKind(k).label for k in row.kinds))
        for row in overview.rows
        if not row.own_words
    ][:EXAMPLES]
    return CheckpointReport(
        project=project.name,
        purpose=project.purpose,
        made_on=now.date(),
        overall=_line(progress.overall),
        by_team=[_line(r) for r in progress.by_team],
        by_service_type=[_line(r) for r in progress.by_service_type],
        statements=overview.statements,
        flagged=overview.flagged,
        by_kind=[(FlagKind(k).label, n) for k, n in overview.by_kind.items()],
        team_quality=[
            ShareLine(s.name, s.statements, s.flagged, s.percent, s.copied) for s in overview.by_team
        ],
        reviewer_quality=[
            ShareLine(s.name, s.statements, s.flagged, s.percent, s.copied) for s in overview.by_reviewer
        ],
        answers=answers,
        signed=f"{record.signed_by}, {record.signed_at:%d/%m/%Y}"
        if record.signed_by and record.signed_at
        else None,
        actions=[
            (
                a.team or "All teams",
                a.kind.label,
                a.description,
                a.owner,
                f"{a.due:%d/%m/%Y}" if a.due else "",
                "Yes" if a.done else "No",
            )
            for a in checkpoint.mitigating_actions(repo, project_id)
        ],
        examples=examples,
    )


# The languages a document for people can be written in ("You said, we did" and the workshop invitation).
LETTER_LANGUAGES = {"en": "English", "cy": "Cymraeg"}
IN_WELSH_TOO = frozenset({DocumentKind.YOU_SAID_WE_DID, DocumentKind.INVITATION})
ONLY_ENGLISH = 'Only "You said, we did" and the workshop invitation can be made in Welsh.'


def file_name(kind: DocumentKind, language: str = "en") -> str:
    """The file name offered for a document; a Welsh one ends in "-cy" (you-said-we-did-cy.docx)."""
    name = FILE_NAMES[kind]
    return name if language == "en" else name.replace(".docx", f"-{language}.docx")


@guard(FACILITATORS)
def export_document(
    repo: Repository,
    project_id: str,
    kind: DocumentKind,
    *,
    language: str = "en",
    actor: str,
    now: datetime,
) -> bytes:
    """Build one document as bytes, and note the export (kind and project only) in the audit log.

    ``language`` chooses the language of "You said, we did" and of the workshop invitation ("en" or
    "cy"); the documents for staff and the workshop cards are in English."""
    if language not in LETTER_LANGUAGES or (language != "en" and kind not in IN_WELSH_TOO):
        raise DomainError(ONLY_ENGLISH, "language")
    if kind is DocumentKind.CHECKPOINT:
        require(QUALITY)  # the checkpoint report names teams and reviewers: quality leads only
    project = get_project(repo, project_id)
    if kind in (DocumentKind.CARDS, DocumentKind.STRIPS):
        cards = workshop_cards(repo, project_id)
        if not cards:
            raise DomainError(
                "No statements are ready for the workshop yet. Accept them and confirm their workshop copy "
                "on the Check statements page first.",
                "kind",
            )
        data = build_cards(cards) if kind is DocumentKind.CARDS else build_strips(cards)
    elif kind is DocumentKind.REPORT:
        data = build_report(report_content.wtfc_report(repo, project_id, now))
    elif kind is DocumentKind.YOU_SAID_WE_DID:
        data = build_you_said_we_did(report_content.you_said_we_did(repo, project_id, now), language)
    elif kind is DocumentKind.INVITATION:
        data = build_invitation(participation.invitation_content(repo, project_id, now), language)
    elif kind is DocumentKind.SUMMARY:
        data = build_summary(learning_review.leaders_summary(repo, project_id, now))
    else:
        data = build_checkpoint_report(checkpoint_report(repo, project_id, now))
    reason = kind.value if language == "en" else f"{kind.value} ({language})"
    record_audit(repo, actor=actor, action=AuditAction.EXPORT, record=project, now=now, reason=reason)
    return data
