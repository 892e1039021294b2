"""The WTfC report says who took part in the workshops by perspective and who came each day, and the dots by
the voters' perspectives: numbers only, never a participant's name."""

from __future__ import annotations

import io

from docx import Document

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.domain import Participant
from wtfc_collect.domain.participation import ParticipantPerspective as P
from wtfc_collect.domain.private_ballot import BallotMode
from wtfc_collect.services.reports import report_content
from wtfc_collect.services.reports.documents import DocumentKind, export_document
from wtfc_collect.services.workshop import participation, priorities, private_ballot
from wtfc_collect.storage.memory import MemoryRepository

ACTOR = "Fran (facilitator)"


def _text(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    document = Document(io.BytesIO(data))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return [p.text for p in document.paragraphs], tables


def test_attendance_by_day_and_perspective_and_the_dots_by_perspective_in_numbers_only() -> None:
    repo = MemoryRepository()
    project = demo_project(repo, now=f.NOW, reviews=12, workshop=True)
    day, second = participation.workshop_days(repo, project.id)
    everyone = participation.participants(repo, project.id)
    for someone in everyone:  # start from nobody recorded (the demo notes who came on its days)
        for place in someone.days:
            participation.record_attendance(repo, someone.id, place.day, None, actor=ACTOR, now=f.NOW)
    came = [p for p in everyone if p.perspective in (P.PERSON, P.COMMISSIONER)]
    for someone in came:
        participation.record_attendance(repo, someone.id, day, True, actor=ACTOR, now=f.NOW)
    ballot, _ = private_ballot.open_ballot(repo, project.id, BallotMode.SLIPS, actor=ACTOR, now=f.NOW)
    theme = priorities.ballot(repo, project.id)[0]
    private_ballot.enter_slip(repo, ballot.id, [theme.theme.id], P.COMMISSIONER, actor=ACTOR, now=f.NOW)

    content = report_content.wtfc_report(repo, project.id, f.NOW)
    assert content.participation is not None
    first, other = content.participation.days
    assert (first.day, first.invited, first.came) == (f"{day:%d/%m/%Y}", len(everyone), len(came))
    assert (other.day, other.came) == (f"{second:%d/%m/%Y}", None)  # not recorded that day
    by_perspective = dict(content.participation.came_by_perspective)
    assert by_perspective["Person who uses services"] == [sum(p.perspective is P.PERSON for p in came), None]
    assert by_perspective["Everyone"] == [len(came), None]
    assert content.votes_by_perspective is not None
    assert content.votes_by_perspective.perspectives[-1] == "Not said"

    paragraphs, tables = _text(export_document(repo, project.id, DocumentKind.REPORT, actor=ACTOR, now=f.NOW))
    assert "Who came to the workshops" in paragraphs
    assert "Dots by the voters' perspectives" in paragraphs
    days_table = next(t for t in tables if t[0] == ["Day", "Invited", "Said they were coming", "Came"])
    assert days_table[1] == [f"{day:%d/%m/%Y}", str(len(everyone)), str(first.coming), str(len(came))]
    assert days_table[2][-1] == "–"
    everything = "\n".join(paragraphs + [cell for t in tables for row in t for cell in row])
    for someone in repo.find(Participant):
        assert someone.name not in everything


def test_without_workshop_days_the_report_says_so() -> None:
    repo = MemoryRepository()
    project = repo.save(f.project())
    paragraphs, _ = _text(export_document(repo, project.id, DocumentKind.REPORT, actor=ACTOR, now=f.NOW))
    assert "Not done yet: no workshop day has been planned." in paragraphs
    assert "Dots by the voters' perspectives" not in paragraphs
