"""Small builders for tests: valid records with sensible defaults, overridable per test."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from wtfc_collect import demo
from wtfc_collect.domain import Consent, Project, Question, Review, ReviewStatus, Speaker, new_id
from wtfc_collect.storage.port import Repository

NOW = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
TODAY = date(2026, 5, 1)


def demo_project(repo: Repository, **options: Any) -> Project:
    """The demo project, added through the demo's one entry point (no workshop unless asked for)."""
    return demo.install(repo, **options).project


def project(**overrides: Any) -> Project:
    data: dict[str, Any] = {
        "id": new_id(),
        "name": "Day services review",
        "purpose": "We are using WTfC to improve day services so that people choose what they do",
        "teams": ["North team", "South team"],
        "areas": ["North", "South"],
        "service_types": ["Day service", "Home care"],
        "sample_plan": {
            "target_reviews": 10,
            "team_targets": [{"name": "North team", "target": 6}, {"name": "South team", "target": 4}],
        },
        "created_at": NOW,
    }
    data.update(overrides)
    return Project.model_validate(data)


def review(project_id: str, **overrides: Any) -> Review:
    data: dict[str, Any] = {
        "id": new_id(),
        "project_id": project_id,
        "person_ref": "P-001",
        "review_date": TODAY,
        "team": "North team",
        "created_at": NOW,
        "updated_at": NOW,
    }
    data.update(overrides)
    return Review.model_validate(data)


def complete_review(project_id: str, **overrides: Any) -> Review:
    """A review that satisfies every rule for sending it in (but is still a draft)."""
    r = review(project_id, consent=Consent(given=True, recorded_on=TODAY), **overrides)
    for question, words in (
        (Question.WORKING, ("Going to the allotment on Tuesdays", "My sister visits")),
        (Question.NOT_WORKING, ("The bus is late so I miss the start", "Carers change all the time")),
        (Question.FUTURE, ("I want to try swimming", "Living nearer my sister")),
    ):
        for place, text in enumerate(words, start=1):
            s = r.add_statement(question, text, Speaker.PERSON, NOW)
            r.set_priority(s.id, 1 if place == 1 else 2, NOW)
    assert r.status is ReviewStatus.DRAFT
    return r


def wav(seconds: float = 0.5, rate: int = 16_000, tone: int = 0) -> bytes:
    """A real, small mono 16-bit WAV recording (silence, or a square wave when ``tone`` is set)."""
    import io
    import wave

    frames = int(seconds * rate)
    samples = bytearray()
    for i in range(frames):
        value = (8000 if (i * tone * 2 // rate) % 2 else -8000) if tone else 0
        samples += value.to_bytes(2, "little", signed=True)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(samples))
    return buffer.getvalue()
