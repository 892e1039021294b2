"""The gentle notes on Review with a person: each about a whole phrase, with a rewrite in the person's voice
only when it is sure to be good English, and one note (not two that disagree) about a name."""

from __future__ import annotations

import pytest

from wtfc_collect.domain import Speaker
from wtfc_collect.services.collect.own_words import own_words_notes


@pytest.mark.parametrize(
    ("typed", "phrase", "suggestion"),
    [
        (
            "Requires support with personal care",
            "Requires support with personal care",
            "I need support with personal care",
        ),
        (
            "She requires support with personal care",
            "She requires support with personal care",
            "I need support with personal care",
        ),
        (
            "He enjoys going out with his brother",
            "He enjoys going out with his brother",
            "I enjoy going out with my brother",
        ),
        (
            "Enjoys visits from her daughter. Likes tea",
            "Enjoys visits from her daughter",
            "I enjoy visits from my daughter",
        ),
        ("Service user is settled", "Service user is settled", "I am settled"),
        ("Would like more trips out", "Would like more trips out", "I would like more trips out"),
        (
            "He attends the day centre on Mondays",
            "He attends the day centre on Mondays",
            "I go to the day centre on Mondays",
        ),
    ],
)
def test_a_care_notes_phrase_is_noted_whole_with_the_same_words_in_the_first_person(
    typed: str, phrase: str, suggestion: str
) -> None:
    [note] = [n for n in own_words_notes(typed) if n.kind == "third_person"]
    assert note.words == phrase
    assert note.suggestion == suggestion
    assert f"“{suggestion}”" in note.explanation
    assert note.explanation.count("For example") == 1  # said once ("Try:" is never added to it)


@pytest.mark.parametrize("typed", ["She goes to bingo", "He sings in the choir", "She requires"])
def test_no_rewrite_is_offered_when_it_could_be_bad_english(typed: str) -> None:
    """A verb without a known first-person form is never guessed: no "I goes", no "I requires"."""
    notes = [n for n in own_words_notes(typed) if n.kind == "third_person"]
    assert notes and all(n.suggestion is None or not n.suggestion.endswith("s") for n in notes)
    for note in notes:
        assert "I goes" not in note.explanation and "I requires" not in note.explanation
        assert "I sings" not in note.explanation


def test_one_note_about_a_name_that_says_both_sides() -> None:
    """'John enjoys his garden': if it is about the person, ask; if about someone else, keep it (the name
    becomes [name]). Never a second note saying the opposite."""
    [note] = own_words_notes("John enjoys his garden")
    assert note.words == "John enjoys his garden" and note.suggestion == "I enjoy my garden"
    assert "If it is about the person" in note.explanation and "[name]" in note.explanation
    assert "not a problem with the person's own words" not in note.explanation


def test_a_name_alone_gets_the_name_note_only() -> None:
    [note] = own_words_notes("I like John who visits me")
    assert note.kind == "personal_data" and note.words == "John"


def test_jargon_notes_say_try_once_and_the_person_s_own_words_get_none() -> None:
    [note] = own_words_notes("I get 3 hours of domiciliary care a week")
    assert note.kind == "jargon" and note.explanation.count("Try:") == 1
    assert own_words_notes("Going to the football with my dad on Saturdays") == []


def test_the_subject_of_a_care_notes_phrase_is_not_noted_twice() -> None:
    """'Service user' is jargon and the subject of the care-notes phrase: one note for the phrase."""
    notes = own_words_notes("Service user requires support with personal care")
    assert [n.kind for n in notes] == ["third_person"]


def test_a_relatives_story_is_a_note_only_when_the_person_is_recorded_as_saying_it() -> None:
    typed = "Dad is 90 now and can no longer get up the stairs."
    assert [n.kind for n in own_words_notes(typed)] == ["third_person"]
    assert own_words_notes(typed, said_by=Speaker.STAFF_ON_BEHALF) != []
    assert own_words_notes(typed, said_by=Speaker.FAMILY_OR_CARER) == []
