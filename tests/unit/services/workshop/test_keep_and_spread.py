"""What is working, to keep and spread, and what matters for the future, to show the gaps: each theme with
the people behind it and the room's note."""

from __future__ import annotations

import pytest

from tests import factories as f
from tests.workshop_data import ACTOR, chosen_theme, ready_review, top
from wtfc_collect.domain import DomainError, Question
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.common import InvalidInput
from wtfc_collect.services.workshop import keep_and_spread
from wtfc_collect.storage.port import Repository

WHO = {"actor": ACTOR, "now": f.NOW}
W, N, F = Question.WORKING, Question.NOT_WORKING, Question.FUTURE


def test_working_and_future_themes_are_listed_with_their_people_most_first(memory_repo: Repository) -> None:
    project = memory_repo.save(f.project())
    reviews = [ready_review(memory_repo, project.id) for _ in range(3)]
    small = chosen_theme(
        memory_repo, project.id, "I like my allotment", [top(reviews[0], W)], W, chosen=False
    )
    big = chosen_theme(
        memory_repo, project.id, "I see my sister", [top(r, W, 2) for r in reviews], W, chosen=False
    )
    chosen_theme(memory_repo, project.id, "I want to swim", [top(reviews[1], F)], F, chosen=False)
    chosen_theme(memory_repo, project.id, "I wait and nobody comes", [top(reviews[2], N)], N, chosen=False)
    chosen_theme(memory_repo, project.id, "I want a job", [], F, chosen=False)  # nobody's words: left out
    keep = keep_and_spread.keep_and_spread(memory_repo, project.id)
    assert [(k.theme.id, k.people, k.statements) for k in keep] == [(big.id, 3, 3), (small.id, 1, 1)]
    assert set(keep[0].said) == {r.prioritised(W)[1].card_text for r in reviews}  # the workshop copies
    assert [g.theme.name for g in keep_and_spread.gaps(memory_repo, project.id)] == ["I want to swim"]
    withdraw_review(memory_repo, reviews[0].id, reason="person_asked", **WHO)
    keep = keep_and_spread.keep_and_spread(memory_repo, project.id)
    assert [(k.theme.id, k.people) for k in keep] == [(big.id, 2)]  # a withdrawn person drops out at once


def test_the_room_writes_a_note_on_a_working_or_future_theme(memory_repo: Repository) -> None:
    project = memory_repo.save(f.project())
    review = ready_review(memory_repo, project.id)
    working = chosen_theme(memory_repo, project.id, "I see my sister", [top(review, W)], W, chosen=False)
    not_working = chosen_theme(
        memory_repo, project.id, "I wait and nobody comes", [top(review, N)], N, chosen=False
    )
    noted = keep_and_spread.set_follow_up(
        memory_repo, working.id, "Write visits into every plan", expected_revision=working.revision, **WHO
    )
    assert noted.follow_up == "Write visits into every plan"
    with pytest.raises(DomainError, match="changed this note"):
        keep_and_spread.set_follow_up(
            memory_repo, working.id, "Older words", expected_revision=working.revision, **WHO
        )
    with pytest.raises(DomainError, match="worked through on the next screens"):
        keep_and_spread.set_follow_up(memory_repo, not_working.id, "A note", **WHO)
    with pytest.raises(InvalidInput) as too_long:
        keep_and_spread.set_follow_up(memory_repo, working.id, "x" * 4001, **WHO)
    assert "follow_up" in too_long.value.errors
    cleared = keep_and_spread.set_follow_up(memory_repo, working.id, "   ", **WHO)
    assert cleared.follow_up == ""
    assert all("visits" not in e.reason for e in memory_repo.audit_log())
