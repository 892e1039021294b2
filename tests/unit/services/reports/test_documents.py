"""Choosing what goes into the Word documents, and the export command."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect import bootstrap
from wtfc_collect.cli import main
from wtfc_collect.domain import (
    Answer,
    AuditAction,
    CheckpointQuestion,
    DomainError,
    Question,
    Review,
    TriageStatus,
)
from wtfc_collect.services.checkpoint import check_statements, checkpoint
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.reports.documents import (
    DocumentKind,
    checkpoint_report,
    export_document,
    workshop_cards,
)
from wtfc_collect.storage.port import Repository

ACTOR = "Quality lead"


def _sent(repo: Repository, project_id: str, ref: str) -> Review:
    review = f.complete_review(project_id, person_ref=ref)
    review.submit(f.NOW)
    return repo.save(review)


def _ready(repo: Repository, review: Review, text: str | None = None) -> None:
    for statement in [s for q in Question for s in review.prioritised(q)]:
        check_statements.triage_statement(
            repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=ACTOR, now=f.NOW
        )
        check_statements.confirm_workshop_text(
            repo, review.id, statement.id, text or statement.text, actor=ACTOR, now=f.NOW
        )


def _texts(data: bytes) -> list[str]:
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


def test_cards_need_statements_ready_for_the_workshop(memory_repo: Repository) -> None:
    project = memory_repo.save(f.project())
    _sent(memory_repo, project.id, "A-1")
    with pytest.raises(DomainError) as refused:
        export_document(memory_repo, project.id, DocumentKind.CARDS, actor=ACTOR, now=f.NOW)
    assert "Check statements" in refused.value.message


def test_cards_hold_only_confirmed_workshop_copies_and_drop_withdrawn_reviews(
    memory_repo: Repository,
) -> None:
    project = memory_repo.save(f.project())
    first = _sent(memory_repo, project.id, "A-1")
    second = _sent(memory_repo, project.id, "A-2")
    _ready(memory_repo, first)
    cards = workshop_cards(memory_repo, project.id)
    assert len(cards) == 6 and [c.number for c in cards] == list(range(1, 7))
    assert [c.question.value for c in cards[:2]] == ["working", "working"]
    _ready(memory_repo, second)
    assert len(workshop_cards(memory_repo, project.id)) == 12
    withdraw_review(memory_repo, second.id, reason="person_asked", actor=ACTOR, now=f.NOW)
    assert len(workshop_cards(memory_repo, project.id)) == 6
    data = export_document(memory_repo, project.id, DocumentKind.STRIPS, actor=ACTOR, now=f.NOW)
    assert "Going to the allotment on Tuesdays" in " ".join(_texts(data))
    exports = [e for e in memory_repo.audit_log(project.id) if e.action is AuditAction.EXPORT]
    assert [e.reason for e in exports] == ["strips"]


def test_checkpoint_report_has_counts_answers_actions_and_no_personal_data(memory_repo: Repository) -> None:
    project = demo_project(memory_repo, now=f.NOW, reviews=40)
    for question in CheckpointQuestion:
        checkpoint.answer_checkpoint(
            memory_repo, project.id, question, Answer.PARTLY, "North team words", actor=ACTOR, now=f.NOW
        )
    checkpoint.sign_off_checkpoint(memory_repo, project.id, by="Ruth Lane", actor=ACTOR, now=f.NOW)
    checkpoint.add_mitigating_action(
        memory_repo,
        project.id,
        {
            "team": "North community team",
            "kind": "reask",
            "description": "Ask again with six people",
            "owner": "Ruth",
        },
        actor=ACTOR,
        now=f.NOW,
    )
    report = checkpoint_report(memory_repo, project.id, f.NOW)
    assert report.signed == "Ruth Lane, 01/05/2026"
    data = export_document(memory_repo, project.id, DocumentKind.CHECKPOINT, actor=ACTOR, now=f.NOW)
    text = " ".join(_texts(data))
    assert "Ask again with six people" in text and "Signed off by Ruth Lane" in text
    assert "North community team" in text
    assert "07700" not in text and "@example.com" not in text and "Mrs Patel" not in text
    document = Document(io.BytesIO(data))
    assert document.core_properties.title.startswith("Checkpoint report")
    assert all(t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for t in document.tables)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "The three checkpoint questions" in headings


def test_export_command_writes_the_document(data_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--reviews", "8", "--no-workshop"]).exit_code == 0
    out = tmp_path / "out" / "checkpoint.docx"
    done = runner.invoke(main, ["export", "--kind", "checkpoint", "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "Checkpoint report" in " ".join(_texts(out.read_bytes()))
    refused = runner.invoke(main, ["export", "--kind", "cards", "--out", str(tmp_path / "cards.docx")])
    assert refused.exit_code == 1 and "No statements are ready" in refused.output
    assert not (tmp_path / "cards.docx").exists()
    missing = runner.invoke(main, ["export", "--kind", "cards", "--out", str(out), "--project", "f" * 32])
    assert missing.exit_code == 1 and "could not be found" in missing.output
    assert len(bootstrap.build_repository().audit_log()) > 0
