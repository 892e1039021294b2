"""Names of things in a person's life, the project's field, Welsh and other languages, bad input, and the
new signs of personal data and third person."""

from __future__ import annotations

import pytest

from wtfc_collect.quality import FlagKind, check_statement
from wtfc_collect.quality.naming import FIELDS, about_life, has_verb, judges

FIELDS_AND_NONE = [*FIELDS, None]


@pytest.mark.parametrize("field", FIELDS_AND_NONE)
@pytest.mark.parametrize("text", [
    "COPD nurse is brilliant",
    "Home care is always late",
    "My inhaler helps me get to the shops",
    "The rehab class is the best bit of my week",
])
def test_naming_things_in_a_life_is_own_words_in_every_field(text: str, field: str | None) -> None:
    verdict = check_statement(text, field)
    assert verdict.own_words, verdict.flags


@pytest.mark.parametrize("field", FIELDS_AND_NONE)
def test_a_label_naming_a_service_is_still_not_own_words(field: str | None) -> None:
    assert not check_statement("Unmet need: personal care", field).own_words


@pytest.mark.parametrize("field", FIELDS_AND_NONE)
@pytest.mark.parametrize("text", ["Telecare installed", "Pendant alarm installed."])
def test_a_record_of_a_thing_being_done_is_not_a_sentence_about_life(text: str, field: str | None) -> None:
    assert not has_verb(text.lower())
    assert not check_statement(text, field).own_words


@pytest.mark.parametrize("text", [
    "My inhaler helped", "The physio explained everything", "Carers visited twice"])
def test_a_short_sentence_with_a_past_verb_still_has_one(text: str) -> None:
    assert has_verb(text.lower())


def test_about_life_needs_a_verb_and_a_judgement_or_a_voice() -> None:
    assert about_life("home care is always late")
    assert not about_life("home care package")
    assert not about_life("to be supported to maintain family relationships")


@pytest.mark.parametrize(("text", "own_words"), [
    ("Good outcome and kind treatment", True),
    ("Not a lot of continuity, always someone new", True),
    ("Improved outcomes for the population", False),
    ("Continuity of provision across the locality", False),
])
def test_a_judgement_without_a_verb_softens_a_medium_risk_term(text: str, own_words: bool) -> None:
    assert check_statement(text).own_words is own_words
    assert not judges("to promote good outcomes")


def test_a_welsh_statement_is_not_checked_and_says_so() -> None:
    verdict = check_statement("Dw i'n hoffi mynd i'r dref gyda fy ffrindiau")
    assert verdict.own_words
    [flag] = verdict.flags
    assert flag.kind is FlagKind.LANGUAGE and not flag.strong
    assert flag.explanation.startswith("Not checked: Welsh")


def test_another_script_is_not_checked() -> None:
    [flag] = check_statement("我很喜欢和朋友一起去公园").flags
    assert flag.kind is FlagKind.LANGUAGE and "another language" in flag.explanation


@pytest.mark.parametrize("text", ["", "😀😀😀", "x" * 2000, "<script>alert('hi')</script>", "**bold** _it_",
                                  "Je voudrais sortir plus souvent avec mes amis", "\x00\x01", "a " * 1000])
def test_bad_input_never_crashes_and_flags_stay_inside_the_text(text: str) -> None:
    verdict = check_statement(text)
    assert all(0 <= f.start <= f.end <= len(text) for f in verdict.flags)


@pytest.mark.parametrize("text", ["My NHS number is 123 456 7890", "NHS no: 4505577104"])
def test_an_nhs_number_written_as_such_is_personal_data_even_with_a_wrong_check_digit(text: str) -> None:
    [flag] = check_statement(text).of_kind(FlagKind.PERSONAL_DATA)
    assert flag.strong and flag.alternative == "[NHS number]"


def test_a_street_address_is_personal_data() -> None:
    text = "I live at 12 Elm Road and the buses are fine"
    [flag] = check_statement(text).of_kind(FlagKind.PERSONAL_DATA)
    assert text[flag.start:flag.end] == "12 Elm Road" and flag.alternative == "[address]"
    assert not check_statement("I walk 2 miles up the road every day").of_kind(FlagKind.PERSONAL_DATA)


@pytest.mark.parametrize("text", ["His absolute passion is steam trains", "Her family are very important"])
def test_a_possessive_opening_about_the_person_is_third_person(text: str) -> None:
    verdict = check_statement(text)
    assert not verdict.own_words
    assert verdict.of_kind(FlagKind.THIRD_PERSON)[0].alternative == "My"


def test_a_named_person_getting_a_service_is_third_person() -> None:
    verdict = check_statement("Paul gets support twice a week")
    assert any(f.strong for f in verdict.of_kind(FlagKind.THIRD_PERSON))
