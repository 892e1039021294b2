"""The WTfC report and the easy-read "You said, we did": what goes in, what never does, and how they are made.

The small project built here has raw words that differ from their confirmed workshop copies (a name taken
out), statements that are not in a person's top two or were never accepted, and a second person who may
withdraw: only the confirmed workshop copies of statements that may go to a workshop may be counted or
quoted, and nobody's reference or name ever appears.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Pt

from accessibility.texts import screen
from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.cli import main
from wtfc_collect.documents.report import (
    ActionLine,
    ChainLine,
    Count,
    IdeaLine,
    PriorityTheme,
    QuestionThemes,
    SuccessLine,
    ThemeLine,
    VoteLine,
    WtfcReport,
    build_report,
)
from wtfc_collect.documents.report_review import ThreadLine
from wtfc_collect.documents.you_said import Doing, SaidTheme, YouSaidWeDid, build_you_said_we_did
from wtfc_collect.domain import (
    ActionStatus,
    AuditAction,
    Consent,
    IdeaKind,
    Project,
    Question,
    Review,
    ReviewMode,
    Speaker,
    Theme,
    TriageStatus,
    new_id,
)
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.collect.reviews import get_review, submit_review, withdraw_review
from wtfc_collect.services.reports import report_content
from wtfc_collect.services.reports.documents import FILE_NAMES, DocumentKind, export_document
from wtfc_collect.services.workshop import plan as planning
from wtfc_collect.services.workshop import priorities as voting
from wtfc_collect.services.workshop import progress_review, success, understand
from wtfc_collect.storage.port import Repository

ACTOR = "Fran (facilitator)"
NAME = "Bartholomew Quince"  # in the raw words only: the workshop copies say [name]
YOU_SAID = screen("you_said_we_did")
THEMES = {
    Question.WORKING: "I like my Tuesday club",
    Question.NOT_WORKING: "I never know when help will come",
    Question.FUTURE: "I want to go swimming again",
}


@dataclass
class Built:
    project: Project
    first: Review
    second: Review
    theme: Theme | None  # the "not working" theme taken forward (None without a workshop)


def _words(day: str) -> dict[Question, tuple[str, str]]:
    """Raw words per question (first and second choice), told apart by the day each person says. Each
    names someone: the workshop copies do not."""
    return {
        Question.WORKING: (f"{NAME} takes me to the club on {day}", f"Tea with {NAME} on {day}"),
        Question.NOT_WORKING: (f"My worker {NAME} comes late on {day}", f"Nobody rings {NAME} back on {day}"),
        Question.FUTURE: (f"Swimming with {NAME} on {day}", f"A holiday with {NAME} after {day}"),
    }


def _review(
    repo: Repository, project_id: str, ref: str, day: str, mode: ReviewMode, ready: tuple[Question, ...]
) -> Review:
    """A review sent in with consent. For ``ready`` questions, the top two are accepted with a workshop copy
    in which the name is replaced; one more statement (not in the top two) is never ready."""
    review = f.review(
        project_id,
        person_ref=ref,
        mode=mode,
        reviewer="Reviewer Zebedee" if mode is ReviewMode.WITH_STAFF else None,
        area="North",
        group="Older people",
        consent=Consent(given=True, recorded_on=f.TODAY),
    )
    for question, pair in _words(day).items():
        for place, text in enumerate(pair, start=1):
            statement = review.add_statement(question, text, Speaker.PERSON, f.NOW)
            review.set_priority(statement.id, 1 if place == 1 else 2, f.NOW)
        review.add_statement(question, f"Not in my top two, said on {day}", Speaker.PERSON, f.NOW)
    repo.save(review)
    submit_review(repo, review.id, actor=ACTOR, now=f.NOW)
    for question in ready:
        for statement in review.prioritised(question):
            check_statements.triage_statement(
                repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=ACTOR, now=f.NOW
            )
            copy = statement.text.replace(NAME, "[name]")
            check_statements.confirm_workshop_text(
                repo, review.id, statement.id, copy, actor=ACTOR, now=f.NOW
            )
    return get_review(repo, review.id)


def _theme(repo: Repository, project_id: str, question: Question, ids: list[str], chosen: bool) -> Theme:
    theme = Theme(
        id=new_id(),
        project_id=project_id,
        question=question,
        name=THEMES[question],
        statement_ids=ids,
        chosen=chosen,
        created_at=f.NOW,
    )
    return repo.save(theme)


def build(repo: Repository, *, workshop: bool = True) -> Built:
    project = repo.save(f.project())
    # The first person's "future" answers are never accepted: they may not be counted or quoted.
    first = _review(
        repo,
        project.id,
        "REF-ALPHA-1",
        "Mondays",
        ReviewMode.WITH_STAFF,
        (Question.WORKING, Question.NOT_WORKING),
    )
    second = _review(repo, project.id, "REF-BRAVO-2", "Fridays", ReviewMode.SELF, tuple(Question))
    themes = {}
    if workshop:
        for question in Question:
            ids = [s.id for r in (first, second) for s in r.prioritised(question)]
            themes[question] = _theme(repo, project.id, question, ids, question is Question.NOT_WORKING)
    theme = themes.get(Question.NOT_WORKING)
    if theme is not None:
        voting.record_votes(repo, project.id, "Voter 1", [theme.id], actor=ACTOR, now=f.NOW)
        voting.record_votes(repo, project.id, "Voter 2", [theme.id], actor=ACTOR, now=f.NOW)
        chain = understand.start_chain(
            repo,
            theme.id,
            "Why are workers late?",
            "Because rotas have no travel time",
            actor=ACTOR,
            now=f.NOW,
        )
        understand.set_cause(repo, chain.id, "Rotas leave no time to travel", actor=ACTOR, now=f.NOW)
        understand.record_dots(repo, theme.id, "Voter 1", {chain.id: 2}, actor=ACTOR, now=f.NOW)
        understand.take_forward(repo, theme.id, [chain.id], actor=ACTOR, now=f.NOW)
        said = success.add_success(
            repo, theme.id, "I know who is coming and when", root_cause_id=chain.id, actor=ACTOR, now=f.NOW
        )
        measure = success.add_measure(
            repo, said.id, "Calls to ask where the worker is", baseline="1,500,000", actor=ACTOR, now=f.NOW
        )
        planning.add_idea(
            repo, theme.id, IdeaKind.ALREADY_HAPPENING, "A rota by text", actor=ACTOR, now=f.NOW
        )
        idea = planning.add_idea(
            repo,
            theme.id,
            IdeaKind.TRADITIONAL,
            "Travel time in every rota",
            root_cause_id=chain.id,
            actor=ACTOR,
            now=f.NOW,
        )
        planning.record_idea_votes(repo, theme.id, "Voter 1", {idea.id: 3}, actor=ACTOR, now=f.NOW)
        planning.choose_top_ideas(repo, theme.id, actor=ACTOR, now=f.NOW)
        planning.place_idea(repo, idea.id, 1, 4, actor=ACTOR, now=f.NOW)
        plan = planning.create_action_plan(
            repo,
            theme.id,
            {
                "title": "Same worker each week",
                "idea_ids": [idea.id],
                "measure_ids": [measure.id],
                "first_steps": "Change the rota",
                "we_will": "We will send you the same worker each week.",
            },
            actor=ACTOR,
            now=f.NOW,
        )
        progress_review.set_action_status(repo, plan.id, ActionStatus.UNDER_WAY, actor=ACTOR, now=f.NOW)
    return Built(project, first, second, theme)


# --- reading the documents ------------------------------------------------------------------------------
def _open(data: bytes) -> DocumentObject:
    return Document(io.BytesIO(data))


def _texts(document: DocumentObject) -> list[str]:
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


def _flat(data: bytes) -> str:
    return "\n".join(_texts(_open(data)))


def _headings(document: DocumentObject) -> dict[str, int]:
    return {
        p.text: int(p.style.name.split()[-1])
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    }


def _well_formed(document: DocumentObject, title: str) -> None:
    """A4, title and language set, every table's first row a repeating header row."""
    assert document.core_properties.title.startswith(title)
    assert document.core_properties.language == "en-GB"
    lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang is not None and lang.get(qn("w:val")) == "en-GB"
    for section in document.sections:
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    for grid in document.tables:
        header = grid.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
    headings = _headings(document)
    assert next(iter(headings.values())) == 1  # the document opens with its title as Heading 1


@pytest.fixture
def built(memory_repo: Repository) -> Built:
    return build(memory_repo)


# --- the WTfC report --------------------------------------------------------------------------------------
def test_report_has_every_section_with_counts_and_only_confirmed_copies(
    memory_repo: Repository, built: Built
) -> None:
    report = report_content.wtfc_report(memory_repo, built.project.id, f.NOW)
    assert report.reviews == 2
    assert report.by_mode == [Count("With a member of staff", 1), Count("Own review", 1)]
    assert report.by_team == [Count("North team", 2)] and report.by_area == [Count("North", 2)]
    # Top twos that were accepted and confirmed: the first person's "future" answers were never accepted.
    assert [c.count for c in report.statements] == [4, 4, 2]
    assert report.voters == 2 and report.votes[0].dots == 2 and report.votes[0].chosen
    priority = report.priorities[0]
    assert priority.name == THEMES[Question.NOT_WORKING] and (priority.statements, priority.people) == (4, 2)
    assert all("[name]" in words for words in priority.said)
    assert priority.chains[0].dots == 2 and priority.chains[0].steps[0][0] == "Why are workers late?"
    assert priority.success[0].measures == ["Calls to ask where the worker is (baseline 1,500,000)"]
    assert priority.ideas == [IdeaLine("Travel time in every rota", "Traditional", 3, True)]
    assert [(g.quadrant, g.idea) for g in report.grid] == [("Quick win", "Travel time in every rota")]
    assert report.thread == [
        ThreadLine(
            "Same worker each week",
            "Travel time in every rota",
            "Rotas leave no time to travel",
            THEMES[Question.NOT_WORKING],
            4,
            2,
            "I know who is coming and when",
            "Calls to ask where the worker is",
            "Under way",
        )
    ]

    data = export_document(memory_repo, built.project.id, DocumentKind.REPORT, actor=ACTOR, now=f.NOW)
    document = _open(data)
    _well_formed(document, "Working Together for Change report")
    headings = _headings(document)
    for section in (
        "Why we did this",
        "Who took part",
        "What people said: the themes",
        "Priorities and dot votes",
        "Root causes (five whys)",
        "What success would look like",
        "Ideas",
        "Action plans",
        "The golden thread",
    ):
        assert headings.get(section) == 2, section
    assert headings["Same worker each week"] == 3
    text = _flat(data)
    assert "“My worker [name] comes late on Mondays”" in text  # the confirmed copy, quoted
    for never in (NAME, "REF-ALPHA-1", "REF-BRAVO-2", "Reviewer Zebedee", "Not in my top two", "Voter 1"):
        assert never not in text, never
    assert "Swimming with [name] on Mondays" not in text  # never accepted
    assert report.questions[2].themes == [ThemeLine(THEMES[Question.FUTURE], 2, 1, False)]
    assert "Quick win" in text and "Rotas leave no time to travel" in text
    exports = [e for e in memory_repo.audit_log(built.project.id) if e.action is AuditAction.EXPORT]
    assert [e.reason for e in exports] == ["report"]


def test_nothing_of_a_withdrawn_review_is_counted_or_quoted(memory_repo: Repository, built: Built) -> None:
    withdraw_review(memory_repo, built.second.id, reason="person_asked", actor=ACTOR, now=f.NOW)
    report = report_content.wtfc_report(memory_repo, built.project.id, f.NOW)
    assert report.reviews == 1 and report.by_mode == [Count("With a member of staff", 1)]
    assert [c.count for c in report.statements] == [2, 2, 0]
    assert (report.priorities[0].statements, report.priorities[0].people) == (2, 1)
    assert report.thread[0].statements == 2
    for kind in (DocumentKind.REPORT, DocumentKind.YOU_SAID_WE_DID):
        text = _flat(export_document(memory_repo, built.project.id, kind, actor=ACTOR, now=f.NOW))
        assert "Fridays" not in text and NAME not in text
    letter = report_content.you_said_we_did(memory_repo, built.project.id, f.NOW)
    assert letter.people == 1
    assert letter.said[Question.FUTURE] == []  # nobody's "future" words are left
    assert letter.said[Question.NOT_WORKING] == [SaidTheme(THEMES[Question.NOT_WORKING], 1)]


def test_a_project_with_no_workshop_yet_still_gets_both_documents(memory_repo: Repository) -> None:
    project = build(memory_repo, workshop=False).project
    report = _flat(export_document(memory_repo, project.id, DocumentKind.REPORT, actor=ACTOR, now=f.NOW))
    assert "2 reviews were sent in with consent." in report
    assert "Not done yet: the card call has not sorted any statements into themes." in report
    assert "Not done yet: nobody has voted on the themes." in report
    assert "Not done yet: there are no action plans to follow back." in report
    letter = export_document(memory_repo, project.id, DocumentKind.YOU_SAID_WE_DID, actor=ACTOR, now=f.NOW)
    texts = _texts(_open(letter))
    assert YOU_SAID["nothing_yet"] in texts and YOU_SAID["no_plans"] in texts
    described = [shape._inline.docPr.get("descr") for shape in _open(letter).inline_shapes]
    parts = [YOU_SAID[f"{part}_picture"] for part in ("you_said", "we_do", "next")]
    assert described == parts  # a picture for each part, none for questions with nothing to show yet

    empty = memory_repo.save(f.project(name="Nothing yet"))
    text = _flat(export_document(memory_repo, empty.id, DocumentKind.REPORT, actor=ACTOR, now=f.NOW))
    assert "No reviews have been sent in yet." in text


def test_the_demo_workshop_report_follows_the_golden_thread(memory_repo: Repository) -> None:
    project = demo_project(memory_repo, now=f.NOW, reviews=40, workshop=True)
    report = report_content.wtfc_report(memory_repo, project.id, f.NOW)
    actions = planning.action_plans(memory_repo, project.id)
    assert len(report.thread) == len(report.actions) == len(actions) > 0
    assert {q.question for q in report.questions} == {q.label for q in Question}
    assert all(q.themes for q in report.questions)
    assert report.priorities and all(
        p.chains for p in report.priorities if p.question == "What is not working?"
    )
    assert {g.quadrant for g in report.grid} <= {
        "Quick win",
        "Major project",
        "Fill-in",
        "Thankless task",
        "Not placed yet",
    }
    document = _open(build_report(report))
    _well_formed(document, "Working Together for Change report")
    text = "\n".join(_texts(document))
    reviews = memory_repo.find(Review, project_id=project.id)
    assert not any(r.person_ref in text for r in reviews)


# --- "You said, we did" -----------------------------------------------------------------------------------
def test_you_said_we_did_tells_the_themes_and_what_is_being_done(
    memory_repo: Repository, built: Built
) -> None:
    letter = report_content.you_said_we_did(memory_repo, built.project.id, f.NOW)
    assert letter.people == 2
    assert letter.said[Question.NOT_WORKING] == [SaidTheme(THEMES[Question.NOT_WORKING], 2)]
    assert letter.doing == [
        Doing(
            THEMES[Question.NOT_WORKING],
            [
                (
                    "Same worker each week",
                    ActionStatus.UNDER_WAY,
                    "We will send you the same worker each week.",
                )
            ],
        )
    ]
    data = export_document(
        memory_repo, built.project.id, DocumentKind.YOU_SAID_WE_DID, actor=ACTOR, now=f.NOW
    )
    document = _open(data)
    _well_formed(document, YOU_SAID["title"])
    texts = _texts(document)
    for theme in THEMES.values():
        assert theme in texts
    assert "We will send you the same worker each week." in texts  # what we will do, in easy read
    assert YOU_SAID["status_under_way"] in texts
    assert YOU_SAID["told_us"].format(n=2) in texts
    headings = _headings(document)
    assert headings[YOU_SAID["title"]] == 1
    assert headings[YOU_SAID["said_heading"]] == headings[YOU_SAID["doing_heading"]] == 2
    assert headings[YOU_SAID["not_working_heading"]] == 3
    flat = "\n".join(texts)
    for never in (NAME, "REF-ALPHA", "REF-BRAVO", "[name]", "Reviewer Zebedee"):
        assert never not in flat, never  # no quotes at all: theme names and plans only


def test_you_said_we_did_is_large_type_with_a_described_picture_for_each_question(
    memory_repo: Repository, built: Built
) -> None:
    data = export_document(
        memory_repo, built.project.id, DocumentKind.YOU_SAID_WE_DID, actor=ACTOR, now=f.NOW
    )
    document = _open(data)
    body = document.styles["Normal"].font.size
    assert body is not None and body >= Pt(16)
    sizes = {level: document.styles[f"Heading {level}"].font.size for level in (1, 2, 3)}
    assert all(size is not None and size > body for size in sizes.values())
    assert sizes[1] > sizes[2] > sizes[3]  # type: ignore[operator]
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run.font.size is None or run.font.size >= Pt(16), paragraph.text
    described = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    questions = [YOU_SAID[f"{q.value}_picture"] for q in Question]
    assert described == [
        YOU_SAID["you_said_picture"],
        *questions,
        YOU_SAID["we_do_picture"],
        YOU_SAID["next_picture"],
    ]
    for shape in document.inline_shapes:
        assert shape.width.cm >= 3


# --- odd input --------------------------------------------------------------------------------------------
CONTROL = "\x00\x01\x08\x0b\x0c\x0e\x1f"


def test_control_characters_do_not_break_either_document() -> None:
    odd = f"I{CONTROL} want my{CONTROL} tea"
    report = WtfcReport(
        project=f"Project{CONTROL}",
        purpose=odd,
        made_on=date(2026, 5, 1),
        scope=[("What we collected", odd)],
        reviews=1,
        by_mode=[Count(odd, 1)],
        by_team=[Count(odd, 1)],
        by_area=[],
        by_group=[],
        statements=[Count(odd, 1)],
        questions=[QuestionThemes(odd, 1, [ThemeLine(odd, 1, 1, True)])],
        votes=[VoteLine(odd, 3, 2, True)],
        voters=2,
        dots_per_person=3,
        priorities=[
            PriorityTheme(
                name=odd,
                question=odd,
                statements=2,
                people=1,
                said=[odd],
                chains=[ChainLine(1, [(odd, odd)], odd, 2)],
                success=[SuccessLine(odd, odd, [odd])],
                already_happening=[odd],
                ideas=[IdeaLine(odd, odd, 1, True)],
            )
        ],
        grid=[],
        grid_key=[(odd, odd)],
        actions=[ActionLine(odd, odd, odd, [(odd, odd)])],
        thread=[ThreadLine(odd, odd, odd, odd, 1, 1)],
        worked=[odd],
        did_not_work=[odd],
    )
    text = _flat(build_report(report))
    assert "I want my tea" in text and "\x0b" not in text
    letter = YouSaidWeDid(
        project=odd,
        made_on=date(2026, 5, 1),
        people=1,
        said={q: [SaidTheme(odd, 1)] for q in Question},
        doing=[
            Doing(odd, [(odd, ActionStatus.DONE, ""), (odd, ActionStatus.DONE, f"We will{CONTROL} go")]),
            Doing(None, []),
        ],
    )
    texts = _texts(_open(build_you_said_we_did(letter)))
    assert "I want my tea" in texts and YOU_SAID["people_one"] in texts
    assert f"{YOU_SAID['you_said']} {YOU_SAID['unnamed']}" in texts


def test_control_characters_typed_into_statements_are_taken_out_before_any_document(
    memory_repo: Repository,
) -> None:
    project = memory_repo.save(f.project())
    review = f.complete_review(project.id)
    odd = review.add_statement(Question.NOT_WORKING, f"The lift{CONTROL} is broken", Speaker.PERSON, f.NOW)
    review.set_priority(odd.id, 1, f.NOW)
    memory_repo.save(review)
    submit_review(memory_repo, review.id, actor=ACTOR, now=f.NOW)
    check_statements.triage_statement(
        memory_repo, review.id, odd.id, TriageStatus.ACCEPTED, actor=ACTOR, now=f.NOW
    )
    check_statements.confirm_workshop_text(
        memory_repo, review.id, odd.id, f"The lift{CONTROL} is broken", actor=ACTOR, now=f.NOW
    )
    theme = _theme(memory_repo, project.id, Question.NOT_WORKING, [odd.id], True)
    assert theme.name
    for kind in (DocumentKind.REPORT, DocumentKind.YOU_SAID_WE_DID):
        assert export_document(memory_repo, project.id, kind, actor=ACTOR, now=f.NOW)
    assert "The lift is broken" in _flat(
        export_document(memory_repo, project.id, DocumentKind.REPORT, actor=ACTOR, now=f.NOW)
    )


# --- the command line -------------------------------------------------------------------------------------
def test_export_command_writes_the_report_and_the_letter(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--reviews", "8"]).exit_code == 0
    out = tmp_path / "out" / "report.docx"
    done = runner.invoke(main, ["export", "--kind", "report", "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "Working Together for Change report" in _flat(out.read_bytes())
    monkeypatch.chdir(tmp_path)
    done = runner.invoke(main, ["export", "--kind", "you-said-we-did"])
    assert done.exit_code == 0, done.output
    written = tmp_path / FILE_NAMES[DocumentKind.YOU_SAID_WE_DID]
    assert written.name == "you-said-we-did.docx"
    assert YOU_SAID["title"] in _texts(_open(written.read_bytes()))
    missing = runner.invoke(main, ["export", "--kind", "report", "--project", "f" * 32])
    assert missing.exit_code == 1 and "could not be found" in missing.output
    assert "you-said-we-did" in runner.invoke(main, ["export", "--help"]).output


def test_every_kind_has_a_file_name() -> None:
    assert set(FILE_NAMES) == set(DocumentKind)
    assert all(name.endswith(".docx") for name in FILE_NAMES.values())
