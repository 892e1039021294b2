"""The proposed workshop copy: personal data swapped for placeholders, everything else kept as written."""

from __future__ import annotations

import pytest

from wtfc_collect.demo.project import demo_flaws
from wtfc_collect.quality import FlagKind
from wtfc_collect.quality.anonymise import personal_data, propose_anonymised


@pytest.mark.parametrize(
    ("text", "expected", "found"),
    [
        (
            "My neighbour Mrs Patel pops in every morning with the paper",
            "My neighbour [name] pops in every morning with the paper",
            ["Mrs Patel"],
        ),
        ("Going to the allotment with Dave", "Going to the allotment with [name]", ["Dave"]),
        ("My friend Sarah Jones takes me to bingo", "My friend [name] takes me to bingo", ["Sarah Jones"]),
        (
            "My son worries, his number is 07700 900461 if you need him",
            "My son worries, his number is [phone number] if you need him",
            ["07700 900461"],
        ),
        (
            "The rota never gets sent to my daughter at jo.hartley@example.com",
            "The rota never gets sent to my daughter at [e-mail]",
            ["jo.hartley@example.com"],
        ),
        ("I want to stay living in LS1 4AB near my sister", None, ["LS1 4AB"]),
        ("They keep asking for my DOB 01/02/1950 at every visit", None, ["01/02/1950"]),
        ("My NHS number is 943 476 5919 and nobody remembers it", None, ["943 476 5919"]),
    ],
)
def test_personal_data_is_replaced_by_a_placeholder(
    text: str, expected: str | None, found: list[str]
) -> None:
    proposed, replaced = propose_anonymised(text)
    assert [text[flag.start : flag.end] for flag in replaced] == found
    assert all(flag.kind is FlagKind.PERSONAL_DATA for flag in replaced)
    for words in found:
        assert words not in proposed
    if expected is not None:
        assert proposed == expected


def test_each_kind_gets_its_own_placeholder() -> None:
    proposed, replaced = propose_anonymised(
        "Ring Dave on 07700 900123 or write to dave@example.com, DOB 01/02/1950, "
        "NHS number 943 476 5919, postcode LS1 4AB"
    )
    assert proposed == (
        "Ring [name] on [phone number] or write to [e-mail], DOB [date of birth], "
        "NHS number [NHS number], postcode [postcode]"
    )
    assert len(replaced) == 6
    assert [f.start for f in replaced] == sorted(f.start for f in replaced)


def test_a_place_named_after_a_person_is_left_alone() -> None:
    text = "I like the walk down Elizabeth Street to the shops"
    assert propose_anonymised(text) == (text, [])


def test_a_surname_is_taken_out_with_the_first_name_but_not_the_next_word() -> None:
    assert propose_anonymised("Mary Smith said hi")[0] == "[name] said hi"
    assert propose_anonymised("I see Dave Monday mornings")[0] == "I see [name] Monday mornings"


@pytest.mark.parametrize(
    "text",
    [
        "I like going to the allotment on Tuesdays",
        "The bus is late so I miss the start of the day",
        "I want to try swimming again",
    ],
)
def test_text_without_personal_data_is_unchanged(text: str) -> None:
    assert propose_anonymised(text) == (text, [])
    assert personal_data(text) == []


def test_html_and_emoji_are_kept_literally() -> None:
    text = "<b>My</b> garden 🌻 & <script>alert(1)</script> with Mary 💐"
    proposed, replaced = propose_anonymised(text)
    assert proposed == "<b>My</b> garden 🌻 & <script>alert(1)</script> with [name] 💐"
    assert [text[f.start : f.end] for f in replaced] == ["Mary"]


def test_text_around_the_placeholders_is_kept_exactly() -> None:
    text = "  Line one with Dave,\nline two: call 07700 900123!  "
    proposed, _ = propose_anonymised(text)
    assert proposed == "  Line one with [name],\nline two: call [phone number]!  "


def test_every_demo_statement_with_personal_data_loses_it() -> None:
    flawed = demo_flaws()["personal_data"]
    assert flawed
    for text in flawed:
        proposed, replaced = propose_anonymised(text)
        assert replaced, text
        assert proposed != text
        assert not [f for f in personal_data(proposed) if f.strong], proposed


def test_the_proposal_has_no_personal_data_left_to_find() -> None:
    text = "My carer Bev rings 07700 900461 and my daughter is at jo@example.com"
    proposed, _ = propose_anonymised(text)
    assert personal_data(proposed) == []
    assert propose_anonymised(proposed) == (proposed, [])
