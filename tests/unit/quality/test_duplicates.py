"""Copies across different people: exact and near, counted per team or reviewer; never within one person."""

from __future__ import annotations

from wtfc_collect.quality import FlagKind, check_statements, count_by, duplicate_groups, normalise

COPIED = "To reduce social isolation and increase community participation"


def test_the_same_sentence_from_different_people_is_a_duplicate() -> None:
    items = [("a", COPIED, "p1"), ("b", COPIED + ".", "p2"), ("c", "I want a dog", "p3")]
    verdicts = check_statements(items)
    for statement_id in ("a", "b"):
        copied = verdicts[statement_id].of_kind(FlagKind.DUPLICATE)
        assert len(copied) == 1 and copied[0].strong
        assert "1 other person's review" in copied[0].explanation
        assert not verdicts[statement_id].own_words
    assert verdicts["c"].of_kind(FlagKind.DUPLICATE) == ()


def test_one_person_saying_the_same_thing_twice_is_not_a_duplicate() -> None:
    items = [("a", "Seeing my grandson on Saturdays at the park", "p1"),
             ("b", "Seeing my grandson on Saturdays at the park", "p1")]
    assert duplicate_groups(items) == []
    assert all(v.own_words for v in check_statements(items).values())


def test_nearly_the_same_words_count_for_statements_of_five_words_or_more() -> None:
    items = [
        ("a", "The staff were very helpful and friendly to me.", "p1"),
        ("b", "The staff were very friendly and helpful to me", "p2"),
        ("c", "The staff were rude and unhelpful to me", "p3"),
    ]
    [group] = duplicate_groups(items)
    assert group.statement_ids == ("a", "b") and not group.exact and group.strong
    assert "Nearly the same words" in check_statements(items)["a"].of_kind(FlagKind.DUPLICATE)[0].explanation


def test_short_statements_need_an_exact_copy_and_three_people_to_be_strong() -> None:
    two = [("a", "I want a girlfriend", "p1"), ("b", "I want a girlfriend", "p2")]
    [group] = duplicate_groups(two)
    assert group.exact and not group.strong
    assert check_statements(two)["a"].own_words  # two people may well say this
    three = [*two, ("c", "i want a girlfriend!", "p3")]
    assert duplicate_groups(three)[0].strong
    assert not check_statements(three)["c"].own_words
    assert duplicate_groups([("a", "I want a dog", "p1"), ("b", "I want a cat", "p2")]) == []


def test_empty_answers_are_left_to_the_vague_flag() -> None:
    items = [(str(n), "Nothing", f"p{n}") for n in range(5)]
    assert duplicate_groups(items) == []
    assert {f.kind for f in check_statements(items)["0"].flags} == {FlagKind.VAGUE}


def test_groups_carry_what_is_needed_to_count_copying_per_team_and_reviewer() -> None:
    items = [(f"s{n}", COPIED, f"person {n}") for n in range(4)]
    items.append(("x", "My flat is damp and cold", "person 9"))
    [group] = duplicate_groups(items)
    assert group.statement_ids == ("s0", "s1", "s2", "s3")
    assert group.person_keys == ("person 0", "person 1", "person 2", "person 3") and group.people == 4
    assert group.text == COPIED
    team = {"s0": "North", "s1": "North", "s2": "North", "s3": "East", "x": "East"}
    reviewer = {"s0": "Tom", "s1": "Tom", "s2": "Sandra"}
    assert count_by([group], team) == {"North": 3, "East": 1}
    assert count_by([group], reviewer) == {"Tom": 2, "Sandra": 1}


def test_normalise_ignores_case_punctuation_and_apostrophes() -> None:
    assert normalise("  Don\u2019t   LIKE  it!! ") == normalise("dont like it") == "dont like it"


def test_many_statements_are_grouped_without_comparing_every_pair() -> None:
    base = "I would like to go to the {} every week with my friends from the group"
    items = [(str(n), base.format(f"place{n}"), f"p{n}") for n in range(3000)]
    items += [("copy", base.format("place7"), "someone else")]
    groups = duplicate_groups(items)
    assert [g.statement_ids for g in groups] == [("7", "copy")]


def test_one_word_added_or_changed_counts_only_while_ninety_percent_of_words_are_shared() -> None:
    longer = "I like going to the big market in town on Saturday mornings"  # 12 different words
    added = [("a", longer, "p1"), ("b", longer.replace("big ", ""), "p2")]  # 11 of 12 shared: 0.92
    assert [g.statement_ids for g in duplicate_groups(added)] == [("a", "b")]
    short = [("a", "I like the big market in town", "p1"), ("b", "I like the market in town", "p2")]
    assert duplicate_groups(short) == []  # 6 of 7 shared: 0.86
    long = " ".join(f"word{n}" for n in range(19))
    changed = [("a", long, "p1"), ("b", long.replace("word5", "other"), "p2")]  # 18 of 20: 0.90
    assert [g.statement_ids for g in duplicate_groups(changed)] == [("a", "b")]
    reordered = [("a", "Staff are all very friendly and helpful", "p1"),
                 ("b", "All staff are very friendly and helpful.", "p2")]
    assert not duplicate_groups(reordered)[0].exact
