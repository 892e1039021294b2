"""The workshop copy is the person's words with, at most, personal details swapped for placeholders. Any
other change is refused, unless the person agreed other words (who, when, why): then those words are
what the copy is made from. Random edits are checked against a plain second way of deciding."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests import factories as f
from wtfc_collect.domain import DomainError, Question, Statement, TriageStatus
from wtfc_collect.domain.workshop_copy import (
    MAX_DETAIL_WORDS,
    PLACEHOLDERS,
    copy_problem,
    follows_words,
    is_detail,
    unknown_placeholder,
)

LEAD = "Ann Lead"
JEAN = "My carer Jean never listens to me"


def _accepted(text: str = JEAN) -> Statement:
    statement = Statement(question=Question.NOT_WORKING, text=text, priority=1, created_at=f.NOW)
    statement.decide(TriageStatus.ACCEPTED, LEAD, f.NOW)
    return statement


# --- examples -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "copy"),
    [
        (JEAN, JEAN),
        (JEAN, "My carer [name] never listens to me"),
        ("Ring Sarah Jones on 07700 900123", "Ring [name] on [phone number]"),
        ("Ring Sarah Jones on 07700 900123", "Ring [Name] on [PHONE]"),
        ("I live at Flat 3, 12 Long Road, Anytown AB1 2CD", "I live at [address]"),
        ("Born on 3rd of may 1950 in Leeds", "Born on [date of birth] in [place]"),
        ("Email me at jean@example.com please", "Email me at [e-mail] please"),
        ("I go to the Isle of Wight with Ruth van der Berg", "I go to the [place] with [name]"),
        ("Jean's dog walks with me", "[name]'s dog walks with me"),
    ],
)
def test_swapping_details_for_placeholders_is_allowed(words: str, copy: str) -> None:
    assert follows_words(words, copy)
    assert copy_problem(words, copy) is None


@pytest.mark.parametrize(
    ("words", "copy"),
    [
        (JEAN, "Addressing social isolation"),  # the method's own example of rewriting
        (JEAN, "My carer [name] listens to me"),  # a word dropped
        (JEAN, "My carer [name] never listens to me!"),  # a mark added
        (JEAN, "[name] carer Jean never listens to me"),  # "My" is never a detail
        (JEAN, "My carer [name] never [name] to me"),  # an ordinary word hidden
        (JEAN, "My [carer] Jean never listens to me"),  # not a placeholder
        ("I see Jeanette", "I see [name]ette"),  # half a word
        ("I may go", "I [name] go"),  # a small word of dates, alone
        ("Ring Sarah Jones on 07700 900123", "Ring [name] [phone number]"),  # "on" swallowed
        ("Sarah and Jean help", "[name] Jean help"),  # a joining word at the end of a detail
        (JEAN, "   "),
    ],
)
def test_any_other_change_is_refused_in_plain_words(words: str, copy: str) -> None:
    assert not follows_words(words, copy)
    problem = copy_problem(words, copy)
    assert problem is not None and "agreed with the person" in problem


def test_a_word_in_brackets_that_is_no_placeholder_is_named() -> None:
    assert unknown_placeholder("My [carer] Jean") == "[carer]"
    assert unknown_placeholder("My [name] and [NHS number]") is None
    problem = copy_problem(JEAN, "My [carer] Jean never listens to me")
    assert problem is not None and problem.startswith("[carer] is not one of the placeholders")


def test_a_detail_is_a_few_whole_words_that_look_like_one() -> None:
    assert is_detail("Jean") and is_detail("07700 900123") and is_detail("Flat 3, 12 Long Road")
    assert is_detail("jean@example.com") and is_detail("3rd of may 1950")
    assert not is_detail("never") and not is_detail("my Jean") and not is_detail(" Jean")
    assert not is_detail("Jean and") and not is_detail("of Wight")
    assert not is_detail(" ".join(["Jean"] * (MAX_DETAIL_WORDS + 1)))
    assert not is_detail("Jean\nSmith")


# --- a plain second way of deciding, on words made of tokens -------------------------------------------
NAMES = ["Jean", "Sam", "Leeds", "Tesco", "07700", "900123", "AB1", "2CD", "Mrs", "Patel"]
ORDINARY = ["never", "listens", "to", "bus", "comes", "late", "helps", "garden", "sing", "tea"]
TOKENS = NAMES + ORDINARY


def _plainly_follows(words: list[str], copy: list[str]) -> bool:
    """Whether ``copy`` (tokens and placeholders) is ``words`` with runs of up to eight names or numbers
    each swapped for one placeholder: decided by trying every way, token by token."""
    if not copy:
        return not words
    head, rest = copy[0], copy[1:]
    if head.casefold() in {p.casefold() for p in PLACEHOLDERS}:
        run = 0
        while run < len(words) and run < MAX_DETAIL_WORDS and words[run] in NAMES:
            run += 1
            if _plainly_follows(words[run:], rest):
                return True
        return False
    return bool(words) and words[0] == head and _plainly_follows(words[1:], rest)


words_strategy = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8)


@st.composite
def placeholder_copies(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Words, and a copy with some runs of names or numbers swapped for placeholders."""
    words = draw(words_strategy)
    copy: list[str] = []
    index = 0
    while index < len(words):
        run = 0
        while index + run < len(words) and words[index + run] in NAMES:
            run += 1
        if run and draw(st.booleans()):
            take = draw(st.integers(1, run))
            copy.append(draw(st.sampled_from(PLACEHOLDERS)))
            index += take
        else:
            copy.append(words[index])
            index += 1
    return words, copy


EDITS = ("delete", "insert", "replace", "swap", "hide", "append")


@st.composite
def edited_copies(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A placeholder copy with one random edit on top: a token taken out, added, changed or moved, any run
    hidden behind a placeholder, or words added at the end."""
    words, copy = draw(placeholder_copies())
    edit = draw(st.sampled_from(EDITS))
    at = draw(st.integers(0, len(copy) - 1))
    if edit == "delete":
        copy = copy[:at] + copy[at + 1 :]
    elif edit == "insert":
        copy = [*copy[:at], draw(st.sampled_from(TOKENS)), *copy[at:]]
    elif edit == "replace":
        copy = [*copy[:at], draw(st.sampled_from(TOKENS)), *copy[at + 1 :]]
    elif edit == "swap" and len(copy) > 1:
        other = draw(st.integers(0, len(copy) - 1))
        copy[at], copy[other] = copy[other], copy[at]
    elif edit == "hide":
        end = draw(st.integers(at + 1, len(copy)))
        copy = [*copy[:at], draw(st.sampled_from(PLACEHOLDERS)), *copy[end:]]
    elif edit == "append":
        copy = [*copy, *draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3))]
    return words, copy


@settings(max_examples=400, deadline=None)
@given(placeholder_copies())
def test_every_placeholder_copy_is_allowed(made: tuple[list[str], list[str]]) -> None:
    words, copy = made
    assert follows_words(" ".join(words), " ".join(copy))


@settings(max_examples=1500, deadline=None)
@given(edited_copies())
def test_a_random_edit_is_allowed_exactly_when_it_is_a_placeholder_replacement(
    made: tuple[list[str], list[str]],
) -> None:
    words, copy = made
    assert follows_words(" ".join(words), " ".join(copy)) == _plainly_follows(words, copy)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="[]"), min_size=1),
    st.data(),
)
def test_any_edit_without_placeholders_is_refused(words: str, data: st.DataObject) -> None:
    """With no placeholder in it, only the very same words may be the copy."""
    at = data.draw(st.integers(0, len(words)))
    piece = data.draw(
        st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="[]"))
    )
    cut = data.draw(st.integers(0, 3))
    copy = words[:at] + piece + words[at + cut :]
    assert follows_words(words, copy) == (copy == words)


# --- on the statement ------------------------------------------------------------------------------------
def test_confirming_a_rewritten_copy_is_refused_and_nothing_changes() -> None:
    statement = _accepted()
    with pytest.raises(DomainError) as refused:
        statement.confirm_workshop_text("Addressing social isolation", LEAD, f.NOW)
    assert refused.value.field == "copy"
    assert (statement.workshop_text, statement.anonymised_at, statement.changes) == (None, None, [])
    assert not statement.ready_for_workshop


def test_a_copy_with_placeholders_is_confirmed_and_ready() -> None:
    statement = _accepted()
    statement.confirm_workshop_text("My carer [name] never listens to me", LEAD, f.NOW)
    assert statement.ready_for_workshop
    assert statement.card_text == "My carer [name] never listens to me"


def test_words_agreed_with_the_person_are_what_the_copy_is_made_from() -> None:
    statement = _accepted()
    statement.agree_words(
        "Jean, my carer, never listens to what I want",
        agreed_by="The person",
        agreed_on=f.TODAY,
        why="She wanted to say what she wants, not only that Jean does not listen",
        by=LEAD,
        now=f.NOW,
    )
    assert statement.agreed is not None and statement.agreed.agreed_by == "The person"
    assert statement.copy_source == "Jean, my carer, never listens to what I want"
    assert statement.text == JEAN  # the person's own words stay as they were
    statement.confirm_workshop_text("[name], my carer, never listens to what I want", LEAD, f.NOW)
    assert statement.ready_for_workshop
    with pytest.raises(DomainError):
        statement.confirm_workshop_text("My carer [name] never listens to me plus more", LEAD, f.NOW)


@pytest.mark.parametrize(
    ("agreed_by", "why", "field"), [("", "she asked", "agreed_by"), ("The person", " ", "reason")]
)
def test_agreed_words_need_who_agreed_and_why(agreed_by: str, why: str, field: str) -> None:
    statement = _accepted()
    with pytest.raises(DomainError) as refused:
        statement.agree_words(
            "Other words", agreed_by=agreed_by, agreed_on=f.TODAY, why=why, by=LEAD, now=f.NOW
        )
    assert refused.value.field == field
    assert statement.agreed is None and statement.workshop_text is None


def test_a_copy_rewritten_before_the_rule_no_longer_reaches_a_workshop() -> None:
    """A stored copy that is neither the words nor agreed ones (made before this rule) is not ready."""
    statement = _accepted()
    statement.set_workshop_text("Addressing social isolation", LEAD, f.NOW, "tidied up")
    statement.anonymised_by, statement.anonymised_at = LEAD, f.NOW + timedelta(minutes=1)
    assert not statement.ready_for_workshop


def test_words_agreed_the_older_way_still_count() -> None:
    """Older versions logged agreed words only in the change log ("agreed with the person: …")."""
    statement = _accepted()
    statement.set_workshop_text("Jean never listens", LEAD, f.NOW, "agreed with the person: on the phone")
    statement.confirm_workshop_text("[name] never listens", LEAD, f.NOW)
    assert statement.copy_source == "Jean never listens"
    assert statement.ready_for_workshop
