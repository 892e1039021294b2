"""The documents benchmark runs end to end on a small project and reports its figures by name."""

from __future__ import annotations

from benchmarks import documents
from benchmarks.scale import build_project
from wtfc_collect.services.reports import report_content
from wtfc_collect.services.workshop import plan
from wtfc_collect.storage.memory import MemoryRepository


def test_the_benchmark_fills_in_every_step_the_report_shows() -> None:
    repo = MemoryRepository()
    project = build_project(repo, 12, seed=3)
    documents.finish_workshop(repo, project.id)
    report = report_content.wtfc_report(repo, project.id, documents.NOW)
    assert report.priorities and all(p.chains and p.success and p.ideas for p in report.priorities)
    assert len(report.thread) == len(plan.chosen_themes(repo, project.id)) == len(report.actions)
    assert report.grid and not any(line.quadrant == "Not placed yet" for line in report.grid)


def test_run_times_every_document_for_each_size() -> None:
    figures = documents.run(sizes=(6,))
    kinds = ("cards", "strips", "report", "you_said_we_did")
    assert set(figures) == {
        "documents_6_s",
        "documents_6_cpu_s",
        *(f"documents_6_{kind}_s" for kind in kinds),
    }
    assert figures["documents_6_s"] > 0
    assert abs(figures["documents_6_s"] - sum(figures[f"documents_6_{k}_s"] for k in kinds)) < 0.01
