"""The benchmarks' scale generator makes valid projects that reach the workshop; the runner's JSON line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.scale import WAITING_EVERY, build_project, generate
from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, ReviewStatus
from wtfc_collect.domain.dot_votes import Vote
from wtfc_collect.domain.theme import CardCall, Theme
from wtfc_collect.services.checkpoint import check_statements
from wtfc_collect.services.workshop import card_call, priorities
from wtfc_collect.storage.memory import MemoryRepository

ROOT = Path(__file__).resolve().parents[3]
HEADLINE_KEYS = {
    "checker_per_s",
    "checker_vs_regex_ratio",
    "checker_p99_ms",
    "checker_hostile_max_ms",
    "checkpoint_rerun_ratio_100",
    "save_p95_ms_2000",
    "concurrent_saves_lost",
    "documents_100_s",
    "audio_cached_ms",
    "startup_health_s",
    "suggest_ami_label",
    "suggest_ami_peer_label",
    "suggest_1000_s",
    "pg_save_p95_ms_100000",
    "pg_sessions_50_lost",
    "pg_sessions_50_p95_ms",
    "pg_checkpoint_rerun_ratio_10000",
}


def test_the_generator_makes_valid_submitted_reviews_that_reach_the_workshop_or_wait_for_a_decision() -> None:
    repo = MemoryRepository()
    project = build_project(repo, 40, seed=3)
    reviews = repo.find(Review, project_id=project.id)  # read back: every record validated again
    assert len(reviews) == 40
    assert len({r.person_ref for r in reviews}) == 40
    for review in reviews:
        assert review.status is ReviewStatus.SUBMITTED and review.usable
        assert 6 <= len(review.statements) <= 10
        for question in Question:
            assert [s.priority for s in review.prioritised(question)] == [1, 2]
    assert len({r.team for r in reviews}) == len(project.teams) > 1
    assert len({r.area for r in reviews}) > 1
    waiting = 40 // WAITING_EVERY  # every fifth review's top two still wait on Check statements
    assert len(check_statements.workshop_statements(repo, project.id)) == (40 - waiting) * 2 * len(Question)
    assert len(check_statements.statements_to_triage(repo, project.id)) == waiting * 2 * len(Question)


def test_the_workshop_has_themes_votes_and_priorities_the_services_accept() -> None:
    repo = MemoryRepository()
    project = build_project(repo, 60, seed=1)
    assert repo.find(Theme, project_id=project.id)
    assert len(repo.find(CardCall, project_id=project.id)) == len(Question)
    assert repo.find(Vote, project_id=project.id)
    view = card_call.card_call(repo, project.id, Question.NOT_WORKING)
    assert view.placed and view.total == (60 - 60 // WAITING_EVERY) * 2
    assert len(priorities.voters(repo, project.id)) == 12
    assert 1 <= len(priorities.chosen_themes(repo, project.id)) <= 4


def test_the_same_seed_gives_the_same_project_and_another_seed_another() -> None:
    def dump(seed: int) -> list[dict[str, object]]:
        project, reviews = generate(15, seed=seed)
        return [project.model_dump(mode="json"), *(r.model_dump(mode="json") for r in reviews)]

    assert dump(5) == dump(5)
    assert dump(5) != dump(6)
    repo = MemoryRepository()
    build_project(repo, 5, workshop=False)
    assert len(repo.find(Review)) == 5 and not repo.find(Theme) and not repo.find(Vote)


def test_a_file_store_can_be_written_from_the_command_line(tmp_path: Path) -> None:
    from benchmarks.scale import main

    assert main(["--reviews", "25", "--data-dir", str(tmp_path)]) == 0
    repo = bootstrap.build_repository(tmp_path)
    assert len(repo.find(Review)) == 25


def test_the_runner_ends_with_one_json_line_holding_every_headline_key() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    last = done.stdout.strip().splitlines()[-1]
    figures = json.loads(last)
    assert list(figures) == sorted(HEADLINE_KEYS, key=list(figures).index) and set(figures) == HEADLINE_KEYS
    assert all(value is None or isinstance(value, int | float) for value in figures.values())
    assert "FAILED" not in done.stdout, done.stdout
    # Measured even at smoke sizes; the rest are null there (never a figure from another setting).
    assert figures["checkpoint_rerun_ratio_100"] > 0 and figures["startup_health_s"] > 0
    assert figures["save_p95_ms_2000"] is None and figures["concurrent_saves_lost"] is None
    assert figures["pg_sessions_50_lost"] == 0 and figures["pg_sessions_50_p95_ms"] > 0  # on a real server
    assert figures["pg_save_p95_ms_100000"] is None and figures["pg_checkpoint_rerun_ratio_10000"] is None
