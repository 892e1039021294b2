"""The own-words checker: pure functions over statement text, used by the quality checkpoint.

``check_statement`` checks one statement (fast enough to run while staff type); ``check_statements``
checks a batch and adds copies across different people; ``duplicate_groups`` lists those copies so they
can be counted per team or reviewer (``count_by``).
"""

from .checker import check_statement, check_statements
from .duplicates import count_by, duplicate_groups, normalise
from .lexicon import Category, Lexicon, Risk, Term, lexicon
from .models import OWN_WORDS_KINDS, DuplicateGroup, Flag, FlagKind, Verdict
from .personal_data import nhs_number_valid

__all__ = [
    "OWN_WORDS_KINDS", "Category", "DuplicateGroup", "Flag", "FlagKind", "Lexicon", "Risk", "Term", "Verdict",
    "check_statement", "check_statements", "count_by", "duplicate_groups", "lexicon", "nhs_number_valid",
    "normalise",
]
