"""Step 4: five-whys chains, dots on root causes, the evidence behind a theme, and the demo seed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import factories as f
from tests.factories import demo_project
from wtfc_collect.demo import workshop_theming, workshop_understanding
from wtfc_collect.demo.chains import chains
from wtfc_collect.domain import (
    DomainError,
    Idea,
    IdeaKind,
    Measure,
    MeasureKind,
    Perspective,
    Project,
    Question,
    Review,
    RootCause,
    SuccessStatement,
    Theme,
    TriageStatus,
    Vote,
    WhyStep,
    new_id,
)
from wtfc_collect.domain.understand import MAX_WHYS, add_why, mentions_money, step_problems, suggested_cause
from wtfc_collect.services.checkpoint.check_statements import propose_workshop_text, workshop_statements
from wtfc_collect.services.collect.reviews import withdraw_review
from wtfc_collect.services.common import InvalidInput, updated
from wtfc_collect.services.workshop import success, understand
from wtfc_collect.storage.port import Repository

ACTOR = "Facilitator"
NOW = f.NOW
# Themes a room might make from the demo's "not working" cards: name, and words that place a card in it.
DEMO_THEMES = {
    "I have to keep telling my story to new people": ("different", "changing", "new people", "again"),
    "I am lonely": ("on my own", "lonely", "friends", "weekend", "passed away"),
    "I can't get out and about": ("bus", "taxi", "go out", "pavement"),
}


def ready_for_workshop(repo: Repository, project_id: str) -> None:
    """Accept every person's top two and confirm their anonymised workshop copy (what Step 2 ends with)."""
    for review in repo.find(Review, project_id=project_id):
        if not review.usable:
            continue
        for question in Question:
            for statement in review.prioritised(question):
                statement.decide(TriageStatus.ACCEPTED, "Quality lead", NOW)
                statement.confirm_workshop_text(propose_workshop_text(statement).text, "Quality lead", NOW)
        repo.save(review)


def chosen_demo(repo: Repository) -> tuple[Project, list[Theme]]:
    """The demo project with three chosen "not working" themes, as the card call and dots would leave it."""
    project = demo_project(repo, now=NOW, reviews=40)
    ready_for_workshop(repo, project.id)
    cards = workshop_statements(repo, project.id, Question.NOT_WORKING)
    themes = []
    for place, (name, words) in enumerate(DEMO_THEMES.items()):
        ids = [s.id for _, s in cards if any(w in s.card_text.casefold() for w in words)]
        theme = Theme(
            id=new_id(),
            project_id=project.id,
            question=Question.NOT_WORKING,
            name=name,
            statement_ids=ids,
            chosen=True,
            created_at=NOW + timedelta(minutes=place),
        )
        themes.append(repo.save(theme))
    return project, themes


def _theme(repo: Repository, chosen: bool = True, **overrides: object) -> Theme:
    data: dict[str, object] = {
        "id": new_id(),
        "project_id": new_id(),
        "question": Question.NOT_WORKING,
        "name": "I am lonely",
        "chosen": chosen,
        "created_at": NOW,
    }
    data.update(overrides)
    return repo.save(Theme.model_validate(data))


def _chain(repo: Repository, theme: Theme, cause: str = "", steps: int = 1) -> RootCause:
    chain = understand.start_chain(
        repo, theme.id, "Why are people lonely?", "Staff have no time", actor=ACTOR, now=NOW
    )
    for n in range(2, steps + 1):
        chain = understand.add_step(repo, chain.id, f"Why {n}?", f"Because {n}", actor=ACTOR, now=NOW)
    if cause:
        chain = understand.set_cause(repo, chain.id, cause, actor=ACTOR, now=NOW)
    return chain


# --- pure rules -------------------------------------------------------------------------------------------
def test_a_step_needs_both_the_question_and_the_answer() -> None:
    assert step_problems("Why?", "Because") == {}
    problems = step_problems("  ", "\n")
    assert set(problems) == {"why", "because"}
    assert "question" in problems["why"] and "answer" in problems["because"]


def test_a_chain_has_five_whys_at_most_and_offers_its_last_answer_as_the_cause() -> None:
    chain = RootCause(id=new_id(), project_id=new_id(), theme_id=new_id())
    assert suggested_cause(chain) == ""
    for n in range(1, MAX_WHYS + 1):
        add_why(chain, f"Why {n}?", f"Because {n}")
    with pytest.raises(DomainError, match="already has 5 whys"):
        add_why(chain, "Why 6?", "Because 6")
    assert len(chain.chain) == MAX_WHYS
    assert suggested_cause(chain) == "Because 5"
    chain.cause = "The contract counts visits"
    assert suggested_cause(chain) == "The contract counts visits"


def test_money_as_a_cause_is_noticed() -> None:
    assert mentions_money("There is not enough budget")
    assert mentions_money("Funding was cut")
    assert not mentions_money("Staff are not trained to support friendships")


# --- themes and evidence ----------------------------------------------------------------------------------
def test_evidence_counts_people_and_a_withdrawn_review_disappears_everywhere(memory_repo: Repository) -> None:
    project, themes = chosen_demo(memory_repo)
    assert understand.chosen_themes(memory_repo, project.id) == themes
    theme = themes[1]
    before = understand.theme_evidence(memory_repo, theme)
    pairs = [(r, s) for r, s in workshop_statements(memory_repo, project.id) if s.id in theme.statement_ids]
    assert before.people == len({r.id for r, _ in pairs}) >= 2
    assert set(before.statements) == {s.card_text for _, s in pairs}
    chain = _chain(memory_repo, theme, cause="Nobody asked people when they are lonely")
    understand.record_dots(memory_repo, theme.id, "Voter 1", {chain.id: 2}, actor=ACTOR, now=NOW)

    gone, gone_statement = pairs[0]
    withdraw_review(memory_repo, gone.id, reason="person_asked", actor=ACTOR, now=NOW)

    after = understand.theme_evidence(memory_repo, theme)
    assert gone_statement.card_text not in after.statements
    assert after.people == before.people - 1
    assert [(r.cause.id, r.dots) for r in understand.cause_results(memory_repo, theme.id)] == [(chain.id, 2)]


def test_only_chosen_themes_can_be_worked_on(memory_repo: Repository) -> None:
    theme = _theme(memory_repo, chosen=False)
    with pytest.raises(DomainError, match="not taken forward"):
        understand.start_chain(memory_repo, theme.id, "Why?", "Because", actor=ACTOR, now=NOW)
    with pytest.raises(DomainError, match="could not be found"):
        understand.chosen_theme(memory_repo, new_id())


# --- chains -----------------------------------------------------------------------------------------------
def test_build_a_chain_step_by_step_to_its_root_cause(memory_repo: Repository) -> None:
    theme = _theme(memory_repo)
    with pytest.raises(InvalidInput) as caught:
        understand.start_chain(memory_repo, theme.id, "", "", actor=ACTOR, now=NOW)
    assert set(caught.value.errors) == {"why", "because"}
    assert memory_repo.find(RootCause) == []

    chain = _chain(memory_repo, theme, steps=MAX_WHYS)
    with pytest.raises(DomainError, match="already has 5 whys"):
        understand.add_step(memory_repo, chain.id, "Why 6?", "Because 6", actor=ACTOR, now=NOW)
    chain = understand.edit_step(
        memory_repo, chain.id, 2, "Why is there no time?", "Visits are 15 minutes", actor=ACTOR, now=NOW
    )
    assert chain.chain[1] == WhyStep(why="Why is there no time?", because="Visits are 15 minutes")
    chain = understand.remove_step(memory_repo, chain.id, 3, actor=ACTOR, now=NOW)
    assert [s.because for s in chain.chain] == [
        "Staff have no time",
        "Visits are 15 minutes",
        "Because 4",
        "Because 5",
    ]
    with pytest.raises(InvalidInput) as blank:
        understand.set_cause(memory_repo, chain.id, "  ", actor=ACTOR, now=NOW)
    assert "root cause" in blank.value.errors["cause"]
    chain = understand.set_cause(
        memory_repo, chain.id, "Contracts count visits, not friendships", actor=ACTOR, now=NOW
    )
    assert memory_repo.get(RootCause, chain.id) == chain
    assert all("friendships" not in e.reason for e in memory_repo.audit_log(chain.id))


def test_a_change_from_an_old_copy_is_refused_and_the_only_step_stays(memory_repo: Repository) -> None:
    theme = _theme(memory_repo)
    chain = _chain(memory_repo, theme)
    with pytest.raises(DomainError, match="only step"):
        understand.remove_step(memory_repo, chain.id, 1, actor=ACTOR, now=NOW)
    understand.add_step(memory_repo, chain.id, "Why 2?", "Because 2", actor=ACTOR, now=NOW)
    with pytest.raises(DomainError, match="changed this chain"):
        understand.edit_step(
            memory_repo,
            chain.id,
            1,
            "Why?",
            "Changed",
            expected_revision=chain.revision,
            actor=ACTOR,
            now=NOW,
        )
    with pytest.raises(DomainError, match="no step 7"):
        understand.edit_step(memory_repo, chain.id, 7, "Why?", "Because", actor=ACTOR, now=NOW)
    assert memory_repo.get(RootCause, chain.id).chain[0].because == "Staff have no time"  # type: ignore[union-attr]


def test_removing_a_chain_removes_its_dots_but_not_a_cause_an_idea_tackles(memory_repo: Repository) -> None:
    theme = _theme(memory_repo)
    keep = _chain(memory_repo, theme, cause="Staff are not trained")
    drop = _chain(memory_repo, theme, cause="Groups close at three")
    understand.record_dots(memory_repo, theme.id, "Voter 1", {keep.id: 1, drop.id: 2}, actor=ACTOR, now=NOW)
    memory_repo.save(
        Idea(
            id=new_id(),
            project_id=theme.project_id,
            theme_id=theme.id,
            kind=IdeaKind.TRADITIONAL,
            text="Train staff in supporting friendships",
            root_cause_id=keep.id,
        )
    )
    with pytest.raises(DomainError, match="An idea in the plan tackles"):
        understand.remove_chain(memory_repo, keep.id, actor=ACTOR, now=NOW)
    understand.remove_chain(memory_repo, drop.id, actor=ACTOR, now=NOW)
    assert [c.id for c in understand.chains(memory_repo, theme.id)] == [keep.id]
    assert [v.target_id for v in memory_repo.find(Vote)] == [keep.id]


# --- dots -------------------------------------------------------------------------------------------------
def test_dots_per_person_replace_what_they_had_and_over_voting_changes_nothing(
    memory_repo: Repository,
) -> None:
    theme = _theme(memory_repo)
    first = _chain(memory_repo, theme, cause="Staff are not trained")
    second = _chain(memory_repo, theme, cause="Contracts count visits")
    unfinished = _chain(memory_repo, theme)
    assert [c.id for c in understand.votable_causes(memory_repo, theme.id)] == [first.id, second.id]

    understand.record_dots(
        memory_repo, theme.id, "Voter 1", {first.id: 1, second.id: 2}, actor=ACTOR, now=NOW
    )
    understand.record_dots(memory_repo, theme.id, "Voter 2", {first.id: 3}, actor=ACTOR, now=NOW)
    understand.record_dots(
        memory_repo, theme.id, "voter 1", {second.id: 1}, actor=ACTOR, now=NOW
    )  # changes Voter 1's
    assert understand.theme_dots(memory_repo, theme.id) == {
        "Voter 2": {first.id: 3},
        "Voter 1": {second.id: 1},
    }

    with pytest.raises(DomainError) as caught:
        understand.record_dots(
            memory_repo, theme.id, "Voter 3", {first.id: 2, second.id: 2}, actor=ACTOR, now=NOW
        )
    assert "Voter 3 has 3 dots but 4 were given" in caught.value.message
    with pytest.raises(DomainError, match="changed or removed"):
        understand.record_dots(memory_repo, theme.id, "Voter 3", {unfinished.id: 1}, actor=ACTOR, now=NOW)
    with pytest.raises(InvalidInput) as nobody:
        understand.record_dots(memory_repo, theme.id, " ", {first.id: 1}, actor=ACTOR, now=NOW)
    assert "voter" in nobody.value.errors
    assert len(memory_repo.find(Vote)) == 2

    understand.record_dots(memory_repo, theme.id, "Voter 3", {second.id: 5}, allowed=5, actor=ACTOR, now=NOW)
    results = understand.cause_results(memory_repo, theme.id)
    assert [(r.cause.id, r.number, r.dots, r.voters) for r in results] == [
        (second.id, 2, 6, 2),
        (first.id, 1, 3, 1),
    ]


def test_dots_are_counted_per_theme(memory_repo: Repository) -> None:
    lonely = _theme(memory_repo)
    rushed = _theme(memory_repo, project_id=lonely.project_id, name="I am rushed")
    a = _chain(memory_repo, lonely, cause="Nobody asks")
    b = _chain(memory_repo, rushed, cause="Visits are short")
    understand.record_dots(memory_repo, lonely.id, "Voter 1", {a.id: 3}, actor=ACTOR, now=NOW)
    understand.record_dots(memory_repo, rushed.id, "Voter 1", {b.id: 3}, actor=ACTOR, now=NOW)
    assert understand.theme_dots(memory_repo, lonely.id) == {"Voter 1": {a.id: 3}}
    assert [r.dots for r in understand.cause_results(memory_repo, rushed.id)] == [3]


# --- the demo seed ----------------------------------------------------------------------------------------
def test_seed_does_nothing_without_chosen_themes(memory_repo: Repository) -> None:
    project = demo_project(memory_repo, now=NOW, reviews=10)
    assert workshop_understanding.seed(memory_repo, project.id, NOW) == 0
    assert memory_repo.find(RootCause) == [] and memory_repo.find(Vote) == []


def test_seed_fills_every_chosen_theme_with_its_own_chains_dots_and_success(memory_repo: Repository) -> None:
    project, themes = chosen_demo(memory_repo)
    assert workshop_understanding.seed(memory_repo, project.id, NOW) > 0
    for theme in themes:
        chain = chains()[theme.name or ""]
        causes = understand.chains(memory_repo, theme.id)
        assert [c.cause for c in causes] == [c.cause for c in chain.causes]
        assert all(c.cause and 1 <= len(c.chain) <= MAX_WHYS for c in causes)
        dots = understand.theme_dots(memory_repo, theme.id)
        assert all(sum(per.values()) <= 3 for per in dots.values())
        results = understand.cause_results(memory_repo, theme.id)
        assert [r.dots for r in results] == [c.dots for c in chain.causes]
        # The top two are taken forward; the last, with few dots, stays on the record.
        assert [r.cause.taken_forward for r in results] == [True, True, False]
        assert understand.forward_causes(memory_repo, theme.id) == [r.cause for r in results[:2]]
        success = memory_repo.find(SuccessStatement, theme_id=theme.id)
        assert {s.root_cause_id for s in success} == {r.cause.id for r in results[:2]}
        for cause in results[:2]:
            about = [s for s in success if s.root_cause_id == cause.cause.id]
            assert Perspective.PEOPLE in {s.perspective for s in about}
        for statement in success:
            assert memory_repo.find(Measure, success_id=statement.id)
    kinds = {m.kind for m in memory_repo.find(Measure)}
    assert kinds == {MeasureKind.NUMBER, MeasureKind.WORDS}
    assert workshop_understanding.seed(memory_repo, project.id, NOW) == 0  # a second run adds nothing


def test_seed_leaves_a_theme_with_a_name_of_the_rooms_own_to_the_room(memory_repo: Repository) -> None:
    project, themes = chosen_demo(memory_repo)
    own = memory_repo.save(updated(themes[0], {"name": "I wish the tea was hotter"}))
    workshop_understanding.seed(memory_repo, project.id, NOW)
    assert understand.chains(memory_repo, own.id) == []
    assert understand.chains(memory_repo, themes[1].id)


def test_seed_after_the_theming_seed(memory_repo: Repository) -> None:
    project = demo_project(memory_repo, now=NOW, reviews=40)
    workshop_theming.seed(memory_repo, project.id, NOW)
    themes = understand.chosen_themes(memory_repo, project.id)
    assert themes, "the theming seed chooses the top themes"
    workshop_understanding.seed(memory_repo, project.id, NOW)
    for theme in themes:
        assert understand.cause_results(memory_repo, theme.id)


# --- the top root causes, taken forward -------------------------------------------------------------------
def test_the_top_two_by_dots_are_offered_and_a_tie_at_the_cut_offers_both(memory_repo: Repository) -> None:
    theme = _theme(memory_repo)
    a, b, c, d = (_chain(memory_repo, theme, cause=f"Cause {n}") for n in "ABCD")
    assert understand.suggested_causes(memory_repo, theme.id) == []  # no dots yet
    understand.record_dots(memory_repo, theme.id, "Voter 1", {a.id: 3}, actor=ACTOR, now=NOW)
    understand.record_dots(memory_repo, theme.id, "Voter 2", {b.id: 2, c.id: 1}, actor=ACTOR, now=NOW)
    assert understand.suggested_causes(memory_repo, theme.id) == [a.id, b.id]
    understand.record_dots(memory_repo, theme.id, "Voter 3", {c.id: 1}, actor=ACTOR, now=NOW)
    assert understand.suggested_causes(memory_repo, theme.id) == [a.id, b.id, c.id]  # b and c tie
    assert d.id not in understand.suggested_causes(memory_repo, theme.id)


def test_the_room_takes_forward_exactly_the_causes_it_ticks(memory_repo: Repository) -> None:
    theme = _theme(memory_repo)
    first, second, third = (_chain(memory_repo, theme, cause=f"Cause {n}") for n in (1, 2, 3))
    unwritten = _chain(memory_repo, theme)
    understand.record_dots(
        memory_repo, theme.id, "Voter 1", {second.id: 2, first.id: 1}, actor=ACTOR, now=NOW
    )
    for wrong, message in (([], "Tick at least one"), ([unwritten.id], "written root causes")):
        with pytest.raises(InvalidInput) as caught:
            understand.take_forward(memory_repo, theme.id, wrong, actor=ACTOR, now=NOW)
        assert message in caught.value.errors["forward"]
    forward = understand.take_forward(memory_repo, theme.id, [first.id, second.id], actor=ACTOR, now=NOW)
    assert forward == understand.forward_causes(memory_repo, theme.id)
    assert [c.id for c in forward] == [second.id, first.id]  # most dots first
    results = understand.cause_results(memory_repo, theme.id)
    assert {r.cause.id: r.cause.taken_forward for r in results} == {
        first.id: True,
        second.id: True,
        third.id: False,
    }
    # Once success is about a cause it stays taken forward: the golden thread runs through it.
    success.add_success(memory_repo, theme.id, "I see friends", root_cause_id=first.id, actor=ACTOR, now=NOW)
    with pytest.raises(InvalidInput) as kept:
        understand.take_forward(memory_repo, theme.id, [second.id], actor=ACTOR, now=NOW)
    assert "stays taken forward" in kept.value.errors["forward"]
    with pytest.raises(DomainError, match="Success statements say what it would be like"):
        understand.remove_chain(memory_repo, first.id, actor=ACTOR, now=NOW)
    assert [
        c.id
        for c in understand.take_forward(memory_repo, theme.id, [first.id, third.id], actor=ACTOR, now=NOW)
    ] == [
        first.id,
        third.id,
    ]
