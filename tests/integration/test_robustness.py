"""Robustness (issue 10): hostile and odd words through the whole tool, their literal display, and speech
with no network. Each test is bounded in time.

* Fuzz: statements full of HTML, markdown, formula starts, control characters, right-to-left text, emoji,
  combining marks, lone surrogates and 100 kB pastes go through the services end to end: saved in a real
  TinyDB file, checked for quality, turned into Word workshop cards and strips, exported to CSV and XLSX
  and imported back. Nothing crashes, and what comes back is the literal text after the documented
  cleaning (control characters and lone surrogates dropped, line endings made "\\n", ends trimmed; a
  paste over the limit is cut by ``fit_statement``, and refused with a plain message otherwise).
* Display: on the Check statements screen a statement with HTML and markdown shows as text. (The
  review screen and the card call are covered in tests/ui: test_review_pages.py
  ``test_statements_are_literal_and_over_long_pastes_are_cut_visibly`` and test_card_call_pages.py
  ``test_a_person_s_words_show_as_typed_never_as_markup``.)
* Offline: with online speech allowed but the network blocked (tests/network_guard.py), prompts are
  still spoken, by espeak-ng, well within gTTS's own timeout.

The hard-kill test of the file store is in test_tinydb_store.py
(``test_a_writer_killed_mid_write_always_leaves_a_committed_state``).
"""

from __future__ import annotations

import csv
import html
import inspect
import io
import re
import socket
import tempfile
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from accessibility.speech import WAV, GttsEngine
from accessibility.texts import screen
from tests import factories as f
from tests import network_guard
from tests.conftest import TEST_ADMIN
from tests.sessions import signed_in_as
from tests.strategies import AWKWARD, CONTROL
from wtfc_collect import bootstrap
from wtfc_collect.documents.cards import SHORT, card_parts
from wtfc_collect.domain import (
    STATEMENT_MAX_CHARS,
    Consent,
    DomainError,
    Project,
    Question,
    Review,
    ReviewStatus,
    Role,
    TriageStatus,
)
from wtfc_collect.exchange import read_csv, read_xlsx
from wtfc_collect.quality import check_statement
from wtfc_collect.services import access
from wtfc_collect.services.checkpoint import check_statements, checkpoint
from wtfc_collect.services.collect import exchange
from wtfc_collect.services.collect.own_words import fit_statement, own_words_notes
from wtfc_collect.services.collect.reviews import (
    decline_question,
    get_review,
    record_statement,
    set_priority,
    start_review,
    submit_review,
)
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.reports.documents import DocumentKind, export_document
from wtfc_collect.storage.port import Repository
from wtfc_collect.storage.tinydb_store import TinyDBRepository, close_all
from wtfc_collect.ui import context
from wtfc_collect.ui.highlight import highlighted_html

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
ACTOR = "Robustness test"
TOO_LONG = f"This is too long: please shorten it to {STATEMENT_MAX_CHARS} characters or fewer."
EMPTY = "Please fill this in."

# --- awkward words ----------------------------------------------------------------------------------------
FORMULAS = ["=cmd|' /C calc'!A0", "+1", "-1", "@x", '=HYPERLINK("http://x","y")', "'=1+1", "'"]
PIECES = [
    *AWKWARD,
    *FORMULAS,
    "<script>alert(1)</script>",
    "<b>",
    "</b>",
    "<img src=x onerror=alert(1)>",
    "&lt;b&gt;",
    "&amp;",
    "**x**",
    "[a](javascript:x)",
    "# heading",
    "`code`",
    "> quote",
    "\\*",
    ":red[x]",
    "$x^2$",
    "]]>",
    "<![CDATA[x]]>",
    "_x000D_",
    "_x0041_",
    '"',
    ",",
    ";",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\x00",
    "\x07",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x85",
    "\x9f",
    "مرحبا",
    "שלום",
    "\u202e",
    "\u200f",
    "\u2028",
    "\u00a0",
    "\u3000",
    "\u200b",
    "\ufeff",
    "😀",
    "👨‍👩‍👧",
    "👍🏽",
    "❤️",
    "🏴󠁧󠁢󠁷󠁬󠁳󠁿",
    "e\u0301",
    "a\u0336\u0336",
    "Z\u0351\u0352\u0353\u0354",
    "\u0301",
    "\ud800",
    "\udfff",
    "\ud83d",
    "\ufffe",
    "\uffff",
    "\U0001fffe",
]
_piece = st.sampled_from(PIECES)
_chunk = st.one_of(_piece, st.text(max_size=8))


def _repeat(piece: str, length: int) -> str:
    return (piece * (length // len(piece) + 1))[:length]


statement_text = st.one_of(
    st.lists(_chunk, min_size=1, max_size=8).map("".join),
    st.tuples(st.sampled_from(FORMULAS), st.lists(_chunk, max_size=3).map("".join)).map("".join),
    st.builds(_repeat, _piece, st.sampled_from([STATEMENT_MAX_CHARS, STATEMENT_MAX_CHARS + 1, 100_000])),
)
three_texts = st.tuples(statement_text, statement_text, statement_text)


def cleaned(text: str) -> str:
    """The documented cleaning of a statement (domain/base.py ``strip_control``), written out again here
    so the test does not just call the code under test: Windows and old Mac line endings become "\\n";
    C0 controls but tab and newline, DEL, C1 controls, lone surrogates and U+FFFE/U+FFFF are dropped;
    white space is trimmed at both ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(
        c for c in text if c not in CONTROL and not 0xD800 <= ord(c) <= 0xDFFF and c not in "\ufffe\uffff"
    )
    return kept.strip()


def _save(repo: Repository, review: Review, question: Question, raw: str) -> str | None:
    """Record ``raw`` as the review screen does; return the words stored, or None if there were none."""
    if len(cleaned(raw)) > STATEMENT_MAX_CHARS:  # saved as it is, it is refused in plain words
        event("too long: refused, then cut")
        with pytest.raises(InvalidInput) as refused:
            record_statement(repo, review.id, question=question, text=raw, actor=ACTOR, now=f.NOW)
        assert refused.value.errors == {"text": TOO_LONG}
    fitted, was_cut = fit_statement(raw)
    assert was_cut is (len(raw) > STATEMENT_MAX_CHARS) and fitted == raw[:STATEMENT_MAX_CHARS]
    expected = cleaned(fitted)
    if not expected:
        event("nothing left after cleaning: refused, question declined")
        with pytest.raises(InvalidInput) as refused:
            record_statement(repo, review.id, question=question, text=fitted, actor=ACTOR, now=f.NOW)
        assert refused.value.errors == {"text": EMPTY}
        decline_question(repo, review.id, question, actor=ACTOR, now=f.NOW)
        return None
    _, statement = record_statement(repo, review.id, question=question, text=fitted, actor=ACTOR, now=f.NOW)
    assert statement.text == expected
    if expected.startswith(("=", "+", "-", "@", "'")):
        event("looks like a spreadsheet formula")
    set_priority(repo, review.id, statement.id, 1, actor=ACTOR, now=f.NOW)
    return expected


def _check_quality(raw: str, words: str) -> None:
    """The own-words notes on the whole paste once cleaned (up to 100 kB, as from a file), and the checker
    and the highlighting on the words as stored."""
    whole = cleaned(raw)
    for note in own_words_notes(whole):
        assert note.words in whole
    verdict = check_statement(words)
    assert all(0 <= flag.start <= flag.end <= len(words) for flag in verdict.flags)
    shown = highlighted_html(words, [(flag.start, flag.end) for flag in verdict.flags])
    assert "<script" not in shown.casefold()
    unmarked = re.sub(r'<mark style="[^"]*">|</mark>', "", shown).replace("<br>", "\n")
    assert html.unescape(unmarked) == words


def _docx_texts(data: bytes) -> list[str]:
    """Every paragraph's text; and a check that the XML holds only Word's own elements (no HTML)."""
    document = Document(io.BytesIO(data))
    tags = [element.tag for element in document.element.iter() if isinstance(element.tag, str)]
    assert tags and all(tag.startswith("{http://schemas.") for tag in tags), sorted(set(tags))
    return [p.text for p in document.paragraphs]


def _check_cards(repo: Repository, project: Project, stored: dict[Question, str]) -> None:
    if not stored:
        with pytest.raises(DomainError, match="No statements are ready"):
            export_document(repo, project.id, DocumentKind.CARDS, actor=ACTOR, now=f.NOW)
        return
    cards = _docx_texts(export_document(repo, project.id, DocumentKind.CARDS, actor=ACTOR, now=f.NOW))
    for words in stored.values():
        parts = card_parts(words)
        assert all(part in cards for part in parts)
        assert "".join("".join(parts).split()) == "".join(words.split())  # nothing lost between cards
    strips = _docx_texts(export_document(repo, project.id, DocumentKind.STRIPS, actor=ACTOR, now=f.NOW))
    for question, words in stored.items():
        assert any(
            re.fullmatch(rf"{SHORT[question]} \d+: ", p[: -len(words)]) and p.endswith(words) for p in strips
        )


def _table_statements(rows: list[list[str]]) -> dict[Question, str]:
    header = rows[0]
    question, statement = header.index("question"), header.index("statement")
    return {Question(row[question]): row[statement] for row in rows[1:] if row[statement]}


def _check_tables(repo: Repository, project: Project, stored: dict[Question, str]) -> None:
    csv_data = exchange.export_reviews(repo, project.id, "csv", actor=ACTOR, now=f.NOW)
    xlsx_data = exchange.export_reviews(repo, project.id, "xlsx", actor=ACTOR, now=f.NOW)
    assert _table_statements(read_csv(csv_data)) == stored
    assert _table_statements(read_xlsx(xlsx_data)) == stored
    # In the CSV file itself a cell that a spreadsheet would run as a formula starts with "'".
    raw_rows = list(csv.reader(io.StringIO(csv_data.decode("utf-8-sig"), newline="")))
    raw = _table_statements([raw_rows[0], *[r for r in raw_rows[1:] if r[raw_rows[0].index("question")]]])
    for question, words in stored.items():
        looks_like_formula = words.startswith(("=", "+", "-", "@", "'"))
        assert raw[question] == ("'" + words if looks_like_formula else words)
    # In the XLSX file every text cell is text, never a formula.
    workbook = load_workbook(io.BytesIO(xlsx_data), read_only=True)
    kinds = {cell.data_type for row in workbook.active.iter_rows() for cell in row if cell.value is not None}
    workbook.close()
    assert "f" not in kinds
    for name, data in (("reviews.csv", csv_data), ("reviews.xlsx", xlsx_data)):
        target = repo.save(f.project(name=f"Imported from {name}"))
        report = exchange.import_reviews(repo, target.id, name, data, actor=ACTOR, now=f.NOW)
        assert report.ok and report.written, report.lines()
        (back,) = repo.find(Review, project_id=target.id)
        assert {s.question: s.text for s in back.statements} == stored
        assert back.status is ReviewStatus.SUBMITTED


@pytest.mark.timeout(180)
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(texts=three_texts)
@example(texts=("<script>alert(1)</script> <b>bold</b>", "**x** [a](javascript:x)", "=cmd|' /C calc'!A0"))
@example(texts=("+1", "@x", "-2 is my score"))
@example(texts=("مرحبا \u202eevil\u202c שלום", "😀 👨‍👩‍👧 e\u0301 Z\u0351", "lone \ud800 \udfff \ufffe"))
@example(texts=("nul\x00 bell\x07 esc\x1b del\x7f c1\x85\x9f", "line\r\nbreak\rold\tmac", "\x00\x07 \x1b"))
@example(texts=("x" * 100_000, "é" * (STATEMENT_MAX_CHARS + 1), " " + "ab " * 40_000))
def test_awkward_words_go_through_save_check_and_export_literally(
    texts: tuple[str, str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    close_all()
    folder = tmp_path_factory.mktemp("fuzz")
    try:
        repo = TinyDBRepository(folder / "wtfc.json")
        project = repo.save(f.project())
        review = start_review(
            repo,
            project.id,
            person_ref="FZ-0001",
            review_date=f.TODAY,
            details={"team": "North team", "consent": Consent(given=True, recorded_on=f.TODAY)},
            actor=ACTOR,
            now=f.NOW,
        )
        stored: dict[Question, str] = {}
        for question, raw in zip(Question, texts, strict=True):
            words = _save(repo, review, question, raw)
            if words is not None:
                stored[question] = words
                _check_quality(raw, words)
        submit_review(repo, review.id, actor=ACTOR, now=f.NOW)
        close_all()  # read everything back from the file, not from memory
        repo = TinyDBRepository(folder / "wtfc.json")
        sent = get_review(repo, review.id)
        assert {s.question: s.text for s in sent.statements} == stored

        overview = checkpoint.quality_overview(repo, project.id)
        assert {row.text for row in overview.rows} <= set(stored.values())
        for statement in sent.statements:
            check_statements.triage_statement(
                repo, review.id, statement.id, TriageStatus.ACCEPTED, actor=ACTOR, now=f.NOW
            )
            check_statements.confirm_workshop_text(
                repo, review.id, statement.id, statement.text, actor=ACTOR, now=f.NOW
            )
        _check_cards(repo, project, stored)
        _check_tables(repo, project, stored)
    finally:
        close_all()


# --- literal display on the Check statements screen ------------------------------------------------------
MARKUP = "<script>alert(1)</script> Service user <b>requires</b> **support** [a](javascript:x) `x`"


def _sent_with(repo: Repository, project: Project, words: str) -> tuple[Review, str]:
    review = f.complete_review(project.id, person_ref="LT-0001")
    first = review.prioritised(Question.NOT_WORKING)[0]
    review.set_priority(first.id, None, f.NOW)
    added = review.add_statement(Question.NOT_WORKING, words, first.said_by, f.NOW)
    review.set_priority(added.id, 1, f.NOW)
    review.submit(f.NOW)
    return repo.save(review), added.id


@pytest.fixture
def open_page() -> Iterator[Callable[[str], AppTest]]:
    """Open a page of the app signed in as an administrator (as tests/ui/conftest.py does for tests/ui).
    app.py hands the services the session's user: the test administrator is given back afterwards."""

    def open_(page: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.session_state[context.USER_KEY] = signed_in_as(Role.ADMINISTRATOR)
        at.run()
        at.switch_page(page).run()
        assert not at.exception, at.exception
        return at

    try:
        yield open_
    finally:
        access.use_identity(lambda: TEST_ADMIN)


@pytest.mark.timeout(120)
def test_markup_in_a_statement_shows_as_text_on_the_check_statements_screen(
    data_dir: Path, open_page: Callable[[str], AppTest]
) -> None:
    repo = bootstrap.build_repository()
    project = repo.save(f.project())
    review, statement_id = _sent_with(repo, project, MARKUP)
    assert check_statement(MARKUP).flags, "the words should be flagged, so they are shown highlighted"

    at = open_page("pages/check_statements.py")
    blocks = [str(h.proto.body) for h in at.get("html")]
    shown = next(b for b in blocks if "&lt;script&gt;alert(1)" in b)  # the highlighted statement
    assert "<mark" in shown and "<script" not in shown and "<b>" not in shown
    assert "javascript:x" not in "\n".join(str(m.value) for m in at.markdown)

    key = f"check_statements.{statement_id}"
    at.button(key=key + ".open").click().run()
    at.button(key=key + ".accept").click().run()
    if key + ".accept_anyway" in {b.key for b in at.button}:  # the checker flagged the words: asked twice
        at.button(key=key + ".accept_anyway").click().run()
    at.selectbox(key="check_statements.state").set_value("to_confirm").run()
    at.button(key=key + ".open").click().run()
    assert at.text_area(key=key + ".copy_text").value == MARKUP
    at.button(key=key + ".confirm").click().run()
    at.selectbox(key="check_statements.state").set_value("ready").run()
    assert not at.exception, at.exception
    assert MARKUP in [str(t.value) for t in at.text]  # st.text: shown exactly as typed
    with access.acting_as(TEST_ADMIN):
        assert check_statements.get_statement(repo, review.id, statement_id)[1].text == MARKUP


@pytest.mark.timeout(120)
def test_markdown_in_a_vague_answer_is_not_rendered_in_its_note(
    data_dir: Path, open_page: Callable[[str], AppTest]
) -> None:
    repo = bootstrap.build_repository()
    project = repo.save(f.project())
    _sent_with(repo, project, "**fine** [ok](ok)")
    at = open_page("pages/check_statements.py")
    rendered = [*at.markdown, *at.caption, *at.warning, *at.info, *at.error, *at.success]  # markdown
    notes = [str(m.value) for m in rendered if "too vague" in str(m.value)]
    blocks = [str(h.proto.body) for h in at.get("html") if "too vague" in str(h.proto.body)]  # escaped HTML
    assert notes or blocks, "the vague answer should have a note"
    assert all("**fine** [ok](ok)" not in note for note in notes)
    assert all("<strong>" not in block and "<a " not in block for block in blocks)


# --- no network ------------------------------------------------------------------------------------------
@pytest.fixture
def refused() -> Iterator[Callable[[], list[str]]]:
    """The network blocked for this test, whether or not the plugin is on; gives what it refused since."""
    added = network_guard.install()
    start = len(network_guard.BLOCKED)
    try:
        yield lambda: network_guard.BLOCKED[start:]
    finally:
        if added:
            network_guard.uninstall()


@pytest.mark.timeout(30)
def test_the_guard_refuses_other_computers_at_once_and_keeps_loopback(
    refused: Callable[[], list[str]],
) -> None:
    started = time.perf_counter()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("10.255.255.1", 80), timeout=20)  # unroutable: would wait 20 s
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("translate.google.co.uk", 443)
    with socket.socket() as sock:
        assert sock.connect_ex(("192.0.2.1", 443)) != 0
    assert time.perf_counter() - started < 1
    assert len(refused()) == 3
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=5) as client:
            assert client.getpeername() == server.getsockname()
    with tempfile.TemporaryDirectory() as folder, socket.socket(socket.AF_UNIX) as server:
        server.bind(str(Path(folder) / "s"))
        server.listen()
        with socket.socket(socket.AF_UNIX) as client:
            client.connect(str(Path(folder) / "s"))
    assert len(refused()) == 3


@pytest.mark.timeout(60)
def test_prompts_are_spoken_offline_in_time_when_online_speech_is_allowed_but_unreachable(
    refused: Callable[[], list[str]], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(bootstrap.ONLINE_SPEECH_VARIABLE, "1")
    monkeypatch.delenv(bootstrap.SPEECH_ORDER_VARIABLE, raising=False)
    speech = bootstrap.build_speech()
    assert [engine.name for engine in speech.engines] == ["gtts", "espeak"]
    gtts_timeout = inspect.signature(GttsEngine).parameters["timeout"].default
    prompt = screen("self_review")["working_question"]
    assert speech.is_shareable(prompt)  # a fixed prompt: gTTS would be asked first

    started = time.perf_counter()
    audio = speech.say(prompt)
    elapsed = time.perf_counter() - started
    assert audio is not None and audio.engine == "espeak" and audio.mime == WAV
    with wave.open(io.BytesIO(audio.data)) as clip:
        assert clip.getnframes() > 0
    assert any("google" in where for where in refused()), f"gTTS was not tried: {refused()}"
    assert elapsed < gtts_timeout + 2.0, f"{elapsed:.1f} s"

    tried = len(refused())
    started = time.perf_counter()
    words = speech.say("My support worker helps me with shopping", private=True)
    assert words is not None and words.engine == "espeak"
    assert len(refused()) == tried  # a person's words never even try the network
    assert time.perf_counter() - started < gtts_timeout + 2.0
