"""The lexicon file: every term usable and explained; phrases matched longest first, any case and ending."""

from __future__ import annotations

import pytest

from wtfc_collect.quality import Category, Risk, lexicon
from wtfc_collect.quality.lexicon import parse
from wtfc_collect.quality.text import fold


def found(text: str) -> list[tuple[str, str]]:
    """(words as written, lexicon term) for each case-insensitive term in ``text``."""
    folded = fold(text)
    return [(text[start:end], term.term) for start, end, term in lexicon().find(folded)]


def test_every_term_has_a_plain_alternative_a_category_and_a_risk() -> None:
    terms = lexicon().terms
    assert len(terms) > 650
    for term in terms:
        assert term.alternative.strip(), term.term
        assert all(option.strip() for option in term.alternative.split("|")), term.term
        assert term.alternative.lower() != term.term.lower(), term.term
        assert isinstance(term.category, Category) and isinstance(term.risk, Risk)
        assert term.origin in {"shared", "added"}


def test_terms_are_listed_once() -> None:
    spellings = [fold(term.term) if not term.case_sensitive else term.term for term in lexicon().terms]
    assert len(spellings) == len(set(spellings))


def test_every_term_is_found_as_written() -> None:
    lex = lexicon()
    for term in lex.terms:
        assert lex.lookup(term.term) is term, term.term
        if not term.case_sensitive:
            assert [t for _, _, t in lex.find(fold(f"so {term.term} here"))] == [term], term.term


def test_the_file_notes_its_source_and_licence() -> None:
    from importlib import resources

    head = resources.files("wtfc_collect.quality").joinpath("lexicon.tsv").read_text(encoding="utf-8")[:3000]
    assert "shared/data/jargon_terms.tsv" in head
    assert "licence" in head


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Packages of care were cut", [("Packages of care", "package of care")]),
        ("She was SIGNPOSTED to a group", [("SIGNPOSTED", "signpost")]),
        ("staff were facilitating it", [("facilitating", "facilitate")]),
        ("He mobilizes with a frame", [("mobilizes", "mobilise")]),
        ("a carers assessment", [("carers assessment", "carer's assessment")]),
        ("co-production, coproduction and co production", [("co-production", "co-production"),
                                                           ("coproduction", "coproduction"),
                                                           ("co production", "co-production")]),
        ("Multi disciplinary   meetings", [("Multi disciplinary   meetings", "multi-disciplinary meeting")]),
        ("The service users\u2019 views", [("service users", "service users")]),
    ],
)
def test_phrases_match_in_any_case_with_common_endings(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_the_longest_term_wins() -> None:
    assert found("Continue current package of care") == [("package of care", "package of care")]
    phrase = "addressing social isolation"
    assert found(phrase) == [(phrase, phrase)]


def test_words_inside_other_words_are_not_terms() -> None:
    assert found("The hubbub by the placemat, and my keyring") == []
    assert found("I saw my GP about my feet") == []


def test_acronyms_only_match_in_capitals() -> None:
    lex = lexicon()
    assert lex.lookup("CPN") is not None and lex.lookup("CPNs") is lex.lookup("CPN")
    assert lex.lookup("salt") is None  # SALT (speech therapist) is an acronym, not the seasoning
    assert lex.lookup("must") is None


def test_a_broken_lexicon_file_gives_a_plain_error() -> None:
    header = "term\tcategory\talternative\trisk\torigin\n"
    with pytest.raises(ValueError, match="row 2 needs 5 filled columns"):
        parse(header + "care plan\tcare-service\t\tlow\tshared\n")
    with pytest.raises(ValueError, match="row 2"):
        parse(header + "care plan\tcare-things\tmy plan\tlow\tshared\n")
    with pytest.raises(ValueError, match="column names"):
        parse("care plan\tcare-service\tmy plan\tlow\tshared\n")
    small = parse("# a note\n" + header + "care plan\tcare-service\tmy plan\tlow\tadded\n")
    assert [t.term for t in small.terms] == ["care plan"]
    assert [t.term for _, _, t in small.find(fold("Care plans"))] == ["care plan"]
