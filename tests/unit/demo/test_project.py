"""The demo project: a realistic Step 1 plan and Step 2 reviews, with poor practice seeded in one team."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime
from importlib import resources

import pytest

from wtfc_collect.demo.bank import wordings
from wtfc_collect.demo.project import (
    FLAW_KINDS,
    POOR_REVIEWER,
    POOR_TEAM,
    build_demo,
    copied_sentence,
    demo_flaws,
    load_bank,
)
from wtfc_collect.domain import ConsentGiver, Project, Question, Review, ReviewMode, ReviewStatus, Speaker
from wtfc_collect.quality import check_statement, check_statements, duplicate_groups

NOW = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
PHONE = re.compile(r"(?:\+44\s?|0)\d(?:[\s-]?\d){8,10}")
DRAMA_PHONE = re.compile(r"^07700\s?900\d{3}$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@pytest.fixture(scope="module")
def demo() -> tuple[Project, list[Review]]:
    return build_demo(NOW)


@pytest.fixture(scope="module")
def reviews(demo: tuple[Project, list[Review]]) -> list[Review]:
    return demo[1]


def _flaw_of() -> dict[str, str]:
    return {text: kind for kind, texts in demo_flaws().items() for text in texts}


def _items(reviews: list[Review]) -> list[tuple[str, str, str]]:
    """What the quality checkpoint checks: every statement of the reviews that are not withdrawn."""
    return [
        (s.id, s.text, r.person_ref)
        for r in reviews
        if r.status is not ReviewStatus.WITHDRAWN
        for s in r.statements
    ]


def _all_text(project: Project, reviews: list[Review]) -> list[str]:
    texts = [project.name, project.purpose, *project.sample_plan.model_dump().values()]
    for review in reviews:
        texts += [s.text for s in review.statements] + review.participants
        texts += [review.person_ref, review.reviewer or "", review.withdrawn_note]
        if review.consent and review.consent.representative_role:
            texts.append(review.consent.representative_role)
    return [str(t) for t in texts]


# --- determinism and size ------------------------------------------------------------------------------
def test_same_seed_gives_the_same_demo() -> None:
    first, again = build_demo(NOW, reviews=25, seed=3), build_demo(NOW, reviews=25, seed=3)
    assert first[0].model_dump() == again[0].model_dump()
    assert [r.model_dump() for r in first[1]] == [r.model_dump() for r in again[1]]


def test_another_seed_gives_other_reviews() -> None:
    one, other = build_demo(NOW, reviews=25, seed=3)[1], build_demo(NOW, reviews=25, seed=4)[1]
    assert [s.text for r in one for s in r.statements] != [s.text for r in other for s in r.statements]


@pytest.mark.parametrize("count", [1, 2, 40, 500])
def test_makes_the_number_of_reviews_asked_for(count: int) -> None:
    project, reviews = build_demo(NOW, reviews=count)
    assert len(reviews) == count
    assert {r.project_id for r in reviews} == {project.id}
    assert len({r.id for r in reviews}) == count
    assert len({s.id for r in reviews for s in r.statements}) == sum(len(r.statements) for r in reviews)


def test_a_single_review_is_sent_in_and_usable() -> None:
    (review,) = build_demo(NOW, reviews=1)[1]
    assert review.usable


@pytest.mark.parametrize("count", [0, -3])
def test_refuses_fewer_than_one_review(count: int) -> None:
    with pytest.raises(ValueError):
        build_demo(NOW, reviews=count)


def test_reviews_survive_a_round_trip_through_json(reviews: list[Review]) -> None:
    for review in reviews:
        assert Review.model_validate(review.model_dump(mode="json")) == review


# --- the project: Step 1 --------------------------------------------------------------------------------
def test_project_has_a_purpose_plan_and_dates(demo: tuple[Project, list[Review]]) -> None:
    project = demo[0]
    assert project.level.value == "service"
    assert project.purpose.startswith("We are using WTfC to") and project.purpose_follows_pattern()
    plan = project.sample_plan
    assert all([plan.what, plan.how, plan.who, plan.where, plan.when])
    assert plan.target_reviews == 60
    assert sum(t.target for t in plan.team_targets) == 60 == sum(t.target for t in plan.service_type_targets)
    sizes = (len(project.teams), len(project.areas), len(project.groups), len(project.service_types))
    assert sizes == (3, 2, 3, 3)
    assert project.checkpoint_date is not None and project.checkpoint_date >= NOW.date()
    first, second = project.workshop_dates
    assert project.checkpoint_date < first < second
    assert all(day.weekday() < 5 for day in (project.checkpoint_date, first, second))
    assert project.created_at < NOW


def test_dates_follow_now() -> None:
    later = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
    project, reviews = build_demo(later, reviews=10)
    assert project.checkpoint_date is not None and project.checkpoint_date > later.date()
    assert all(r.review_date < later.date() for r in reviews)


# --- the reviews: Step 2 --------------------------------------------------------------------------------
def test_reviews_spread_across_teams_areas_groups_and_services(demo: tuple[Project, list[Review]]) -> None:
    project, reviews = demo
    assert Counter(r.team for r in reviews).keys() == set(project.teams)
    assert min(Counter(r.team for r in reviews).values()) >= 10
    assert {r.area for r in reviews} == set(project.areas)
    assert {r.group for r in reviews} == set(project.groups)
    assert {r.service_type for r in reviews} == set(project.service_types)
    reviewers = {(r.team, r.reviewer) for r in reviews if r.mode is ReviewMode.WITH_STAFF}
    assert Counter(team for team, _ in reviewers) == {team: 2 for team in project.teams}


def test_mostly_reviews_with_staff_and_some_self_reviews(reviews: list[Review]) -> None:
    modes = Counter(r.mode for r in reviews)
    assert modes[ReviewMode.SELF] >= 2 and modes[ReviewMode.WITH_STAFF] > 3 * modes[ReviewMode.SELF]
    assert all(r.reviewer is None for r in reviews if r.mode is ReviewMode.SELF)
    assert all(r.reviewer for r in reviews if r.mode is ReviewMode.WITH_STAFF)


def test_statuses_and_consent_are_a_realistic_mix(reviews: list[Review]) -> None:
    status = Counter(r.status for r in reviews)
    assert status[ReviewStatus.SUBMITTED] >= 30
    assert 1 <= status[ReviewStatus.DRAFT] <= 6
    assert 1 <= status[ReviewStatus.WITHDRAWN] <= 2
    assert all(r.withdrawn_reason for r in reviews if r.status is ReviewStatus.WITHDRAWN)
    by_representative = [
        r.consent for r in reviews if r.consent and r.consent.given_by is ConsentGiver.REPRESENTATIVE
    ]
    assert 1 <= len(by_representative) <= len(reviews) // 4
    assert all(c.representative_role for c in by_representative)


def test_every_submitted_review_keeps_the_rules_for_sending_in(reviews: list[Review]) -> None:
    for review in reviews:
        if review.status is ReviewStatus.DRAFT:
            continue
        assert review.consent and review.consent.given
        assert review.submitted_at is not None
        as_draft = review.model_copy(update={"status": ReviewStatus.DRAFT})
        assert as_draft.problems_before_submit() == [], review.person_ref


def test_top_two_are_chosen_for_each_question_and_extras_kept(reviews: list[Review]) -> None:
    extras = 0
    for review in (r for r in reviews if r.status is not ReviewStatus.DRAFT):
        for question in Question:
            said = review.statements_for(question)
            assert sorted(s.priority for s in said if s.priority) == [1, 2]
            extras += sum(s.priority is None for s in said)
    assert extras > 0


def test_statement_counts_per_review(reviews: list[Review]) -> None:
    for review in build_demo(NOW, reviews=300, seed=11)[1] + reviews:
        assert 6 <= len(review.statements) <= 10
        assert all(2 <= len(review.statements_for(q)) <= 4 for q in Question)


def test_mostly_said_by_the_person(reviews: list[Review]) -> None:
    said_by = Counter(s.said_by for r in reviews for s in r.statements)
    total = sum(said_by.values())
    assert said_by[Speaker.PERSON] > 0.6 * total
    assert said_by[Speaker.FAMILY_OR_CARER] > 0 and said_by[Speaker.STAFF_ON_BEHALF] > 0
    assert said_by[Speaker.STAFF_ON_BEHALF] < said_by[Speaker.FAMILY_OR_CARER] + said_by[Speaker.PERSON]


def test_times_are_in_the_past_and_in_order(reviews: list[Review]) -> None:
    for review in reviews:
        assert review.review_date < NOW.date() and review.review_date.weekday() < 5
        assert review.created_at <= review.updated_at <= NOW
        assert all(review.created_at <= s.created_at <= NOW for s in review.statements)
        if review.submitted_at:
            assert review.created_at <= review.submitted_at <= NOW
    assert (max(r.review_date for r in reviews) - min(r.review_date for r in reviews)).days >= 14


@pytest.mark.parametrize("count", [40, 60])
def test_no_good_statement_is_given_to_two_people(count: int) -> None:
    flaw_of = _flaw_of()
    reviews = build_demo(NOW, reviews=count)[1]
    people = Counter(text for r in reviews for text in {s.text for s in r.statements} if text not in flaw_of)
    assert max(people.values()) == 1
    # Nothing had to be dealt twice, so nothing needed a new wording: every statement is the bank's own.
    assert set(people) <= {e.text for e in load_bank() if e.flaw is None}


@pytest.mark.parametrize(("count", "seed"), [(40, 7), (60, 7), (60, 3), (25, 1)])
def test_the_only_copies_the_checker_finds_are_the_pasted_sentence(count: int, seed: int) -> None:
    items = _items(build_demo(NOW, reviews=count, seed=seed)[1])
    text_of = {statement_id: text for statement_id, text, _ in items}
    pasted = set(demo_flaws()["duplicate"])
    groups = duplicate_groups(items)
    assert groups
    assert all(text_of[i] in pasted for g in groups for i in g.statement_ids), [
        sorted({text_of[i] for i in g.statement_ids}) for g in groups
    ]
    assert sum(len(g.statement_ids) for g in groups) == sum(text in pasted for text in text_of.values())


def test_the_checker_finds_every_good_statement_in_the_demo_in_own_words(reviews: list[Review]) -> None:
    flaw_of = _flaw_of()
    items = _items(reviews)
    verdicts = check_statements(items)
    assert [text for i, text, _ in items if text not in flaw_of and not verdicts[i].own_words] == []


def test_a_larger_demo_rewords_good_statements_rather_than_copy_them() -> None:
    flaw_of = _flaw_of()
    bank = load_bank()
    items = _items(build_demo(NOW, reviews=200)[1])
    text_of = {statement_id: text for statement_id, text, _ in items}
    worded = {text for e in bank if e.flaw is None for text in wordings(e)}
    assert all(text in flaw_of or text in worded for text in text_of.values())
    reworded = [text for text in text_of.values() if text in worded and text not in {e.text for e in bank}]
    assert len(reworded) > 200
    # Flawed statements repeat once the bank's run out; good ones are never copies.
    groups = duplicate_groups(items)
    assert groups and all(text_of[i] in flaw_of for g in groups for i in g.statement_ids)


# --- the problems the quality checkpoint must find -------------------------------------------------------
def test_every_kind_of_flaw_appears(reviews: list[Review]) -> None:
    flaw_of = _flaw_of()
    assert {flaw_of[s.text] for r in reviews for s in r.statements if s.text in flaw_of} == set(FLAW_KINDS)


@pytest.mark.parametrize("seed", [7, 1, 2, 3])
def test_about_one_statement_in_five_has_a_problem(seed: int) -> None:
    flaw_of = _flaw_of()
    statements = [s for r in build_demo(NOW, seed=seed)[1] for s in r.statements]
    share = sum(s.text in flaw_of for s in statements) / len(statements)
    assert 0.13 <= share <= 0.25


def test_flaws_are_concentrated_in_one_team_and_reviewer(reviews: list[Review]) -> None:
    flaw_of = _flaw_of()
    flawed = Counter(r.team for r in reviews for s in r.statements if s.text in flaw_of)
    said = Counter(r.team for r in reviews for s in r.statements)
    assert flawed.most_common(1)[0][0] == POOR_TEAM
    assert flawed[POOR_TEAM] >= 0.7 * sum(flawed.values())
    poor_rate = flawed[POOR_TEAM] / said[POOR_TEAM]
    assert all(poor_rate > 3 * flawed[team] / said[team] for team in said if team != POOR_TEAM)
    by_reviewer = Counter(r.reviewer for r in reviews for s in r.statements if s.text in flaw_of)
    assert by_reviewer.most_common(1)[0][0] == POOR_REVIEWER


def test_the_copied_sentence_is_in_several_peoples_reviews_by_one_reviewer(reviews: list[Review]) -> None:
    copied = copied_sentence()
    holding = [r for r in reviews if any(s.text == copied for s in r.statements)]
    assert len({r.person_ref for r in holding}) >= 3
    assert {r.reviewer for r in holding} == {POOR_REVIEWER}
    assert all(s.question is Question.FUTURE for r in holding for s in r.statements if s.text == copied)


def test_personal_data_appears_only_a_few_times_and_each_item_once(reviews: list[Review]) -> None:
    private = set(demo_flaws()["personal_data"])
    for many in (reviews, build_demo(NOW, reviews=500)[1]):
        found = [s.text for r in many for s in r.statements if s.text in private]
        assert 1 <= len(found) <= len(private)
        assert len(found) == len(set(found))


def test_no_real_looking_personal_data_anywhere(demo: tuple[Project, list[Review]]) -> None:
    project, reviews = demo
    texts = _all_text(project, reviews) + [entry.text for entry in load_bank()]
    phones = [m.group() for text in texts for m in PHONE.finditer(text)]
    emails = [m.group() for text in texts for m in EMAIL.finditer(text)]
    assert phones and all(DRAMA_PHONE.match(p) for p in phones), phones
    assert emails and all(e.endswith("@example.com") for e in emails), emails


def test_person_refs_are_pseudonymous(reviews: list[Review]) -> None:
    refs = [r.person_ref for r in build_demo(NOW, reviews=500)[1]] + [r.person_ref for r in reviews]
    assert all(re.fullmatch(r"NV-\d{4,5}", ref) for ref in refs)
    assert len({r.person_ref for r in reviews}) == len(reviews)


# --- the statement bank ----------------------------------------------------------------------------------
def test_bank_is_package_data() -> None:
    for name in ("statements.toml", "workshop_chains.toml", "workshop_review.toml"):
        assert resources.files("wtfc_collect.demo").joinpath(name).is_file()


def test_bank_is_large_enough_for_sixty_reviews() -> None:
    bank = load_bank()
    for question in Question:
        good = Counter(e.group for e in bank if e.question is question and e.flaw is None)
        assert (
            sum(good[group] for group in ("older_people", "learning_disability", "mental_health", "anyone"))
            >= 150
        )
        assert min(good.values()) >= 10, good
        flawed = Counter(e.flaw for e in bank if e.question is question and e.flaw)
        assert flawed["jargon"] + flawed["third_person"] + flawed["service"] >= 30, flawed


def test_no_two_bank_statements_are_copies_in_the_checkers_eyes() -> None:
    bank = load_bank()
    assert duplicate_groups([(str(n), e.text, f"person {n}") for n, e in enumerate(bank)]) == []


def test_new_wordings_are_not_copies_and_stay_in_the_persons_own_words() -> None:
    good = [e for e in load_bank() if e.flaw is None]
    assert all(wordings(e)[0] == e.text and len(wordings(e)) >= 6 for e in good)
    items = [(f"{n}.{k}", text, f"{n}.{k}") for n, e in enumerate(good) for k, text in enumerate(wordings(e))]
    assert duplicate_groups(items) == []
    assert [text for _, text, _ in items if not check_statement(text).own_words] == []
    assert all(wordings(e) == (e.text,) for e in load_bank() if e.flaw)


def test_demo_flaws_lists_every_kind() -> None:
    flaws = demo_flaws()
    assert tuple(flaws) == FLAW_KINDS and all(flaws.values())
    assert "Addressing social isolation" in flaws["jargon"]
    assert {"ok", "fine", "nothing", "n/a"} <= set(flaws["vague"])
    assert copied_sentence() in flaws["duplicate"]
    flaws["jargon"].append("changed by a caller")
    assert "changed by a caller" not in demo_flaws()["jargon"]


def test_good_statements_are_not_written_like_care_records() -> None:
    care_words = re.compile(
        r"\b(service user|package of care|care package|social isolation|requires|"
        r"prompting|maximise|intake|referral|n/a)\b",
        re.IGNORECASE,
    )
    for entry in load_bank():
        if entry.flaw is None:
            assert not care_words.search(entry.text), entry.text
            record_style = re.match(r"(he|she|enjoys|likes|requires|needs)\b", entry.text, re.IGNORECASE)
            assert not record_style, entry.text
            assert len(entry.text.split()) >= 3, entry.text
