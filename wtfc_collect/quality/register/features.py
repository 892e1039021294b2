"""What the register model looks at in a statement: its words, pieces of its words, and how it is written.

The same function serves training (``train.py``, with scikit-learn) and checking (``model.py``, plain Python),
so a statement is always described the same way:

* **words and word pairs** (``w:`` features), with the start and end of the statement as words of their own,
  so "starts with 'To'" or "ends with 'weeks'" are features too;
* **pieces of words** (``c:`` features): 3 to 5 letters, with a space before and after each word, which
  carry endings such as "-isation" or "-ment" over to words the model never saw;
* **the sentence's frame** (``s:`` features): runs of three words in which the small words that hold a
  sentence together ("there", "was", "of", "within", "the") stay themselves and every other word becomes
  its kind ("-ed word", "-tion word", "-s word", "word"): "There was evidence of institutional practices
  within the centre" has "there was _", "_ of _", "_s within the". The frame is how a kind of writing is
  built whatever it is about, so it carries over to reports and plans on subjects the model never read;
* **how it is written** (:data:`SHAPES`): first, second or third person, a verb or none, the passive,
  abstract nouns, an instruction, a goal written for a plan, contractions, capitals, the lexicon's terms.

Each statement has each feature or not (no counts), which suits short statements.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import pairwise

from ..lexicon import Category, Risk, lexicon
from ..text import fold


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# How the speaker model's features start in the model file (see train.with_speaker): "i|w:care".
SPEAKER = "i|"
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
CHAR_SIZES = (3, 4, 5)
START, END = "<s>", "</s>"

_FIRST = _words("i i'm im i've ive i'd i'll me my mine myself we we're we've us our ours ourselves")
_SECOND = _words("you you're you've your yours yourself")
_THIRD = _words("he she his her him hers himself herself he's she's")
_PEOPLE_WORDS = _words("""people person individuals individual clients client patients patient residents
resident service users user adults adult tenants tenant customers customer citizens families carers""")
_BE = _words("is are was were be been being am 's")
# Common verbs and auxiliaries: a statement with none of these (and no word ending in -ed or n't) most
# likely has no verb at all: a heading, a label or a list item.
_VERBS = _words("""
is are was were be been being am have has had do does did can could will would shall should may might must
get gets got go goes went gone come comes came make makes made take takes took feel feels felt like likes
want wants need needs know knew think thought see saw seen say said says tell told give gave help helps
keep kept let lets love loves hate look looks find found try tries use uses live lives work works wish
enjoy enjoys miss misses worry worries seem seems leave left stay stays put call called ask asked wait
waiting treated don't can't won't didn't isn't wasn't aren't haven't hasn't couldn't wouldn't i'm i've
it's that's there's we're they're you're he's she's i'd i'll
""")
# Verbs that start an instruction or a task written for staff: "Ensure …", "Make contact …".
_INSTRUCTIONS = _words("""
ensure make provide support review monitor arrange refer complete encourage offer assist promote maintain
discuss record contact check liaise continue consider explore identify establish facilitate implement
develop enable agree access attend obtain seek update escalate signpost undertake prompt reassure observe
assess deliver follow request document report inform
""")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|lt|pt)\b")
_CONTRACTION = re.compile(r"n't\b|'(?:m|ve|re|ll|d)\b")
# Words of feeling and judgement: how people talk about their own day.
_FEELING = _words("""
love loved lovely brilliant fantastic great amazing wonderful happy happier sad upset angry cross fed
scared frightened worried lonely bored awful terrible rubbish horrible nice kind rude helpful friendly
excellent fab enjoy enjoyed hate hated miss missed proud glad thankful grateful pleased annoyed fun
""")

# The features of how a statement is written, in order (the model file keeps their weights in this order).
SHAPES = (
    "words", "first_person", "no_first_person", "second_person", "third_person", "people_words",
    "no_verb", "passive", "abstract", "word_length", "instruction", "to_goal", "contraction", "question",
    "exclamation", "capitals", "digits", "feeling", "terms", "office_terms", "strong_terms",
)


def words(text: str) -> list[str]:
    """The words of a statement: lower case, apostrophes kept inside words ("don't")."""
    return _WORD.findall(fold(text))


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each of :func:`words` is in ``text`` (folding keeps every character in its place)."""
    return [match.span() for match in _WORD.finditer(fold(text))]


def word_features(tokens: Sequence[str]) -> list[str]:
    """Words, and pairs of words with the start and end of the statement as words."""
    padded = [START, *tokens, END]
    return [f"w:{t}" for t in tokens] + [f"w:{a} {b}" for a, b in pairwise(padded)]


@cache
def char_features(word: str) -> tuple[str, ...]:
    """Pieces of 3 to 5 characters of one word, with a space before and after it."""
    padded = f" {word} "
    return tuple(f"c:{padded[i:i + n]}" for n in CHAR_SIZES for i in range(len(padded) - n + 1))


# The small words that hold an English sentence together, kept as themselves in a sentence's frame (see
# frame_features): articles, pronouns, the verbs "be", "have" and "do" and the modal verbs, prepositions,
# conjunctions, quantifiers, a few adverbs of degree and time, and the commonest contractions.
FRAME_WORDS = _words("""
a an the this that these those there here it its it's i me my mine we us our you your he she him his her
they them their is are was were be been being am have has had do does did can could will would shall should
may might must not no to of in on at by for with from into onto about as than then so and or but if when
while because although though since until what which who whom whose where why how all any some many much
more most few less each every both either neither other such very really too also just only even still
always never often sometimes again already yet ever up down out off over under further once after before
during within without through across between among against one two three don't can't won't didn't isn't
wasn't aren't haven't hasn't couldn't wouldn't i'm i've i'd i'll we're they're you're he's she's that's
there's
""")
# Any other word stands for its kind in the frame: by its ending (first match), else "_"; a number is "_9".
FRAME_ENDINGS = (("ing", "_ing"), ("ed", "_ed"), ("ly", "_ly"), ("tions", "_tion"), ("tion", "_tion"),
                 ("ments", "_ment"), ("ment", "_ment"), ("ness", "_ness"), ("ity", "_ity"), ("s", "_s"))


@lru_cache(maxsize=100_000)
def frame_word(word: str) -> str:
    """A word as it stands in the sentence's frame: itself if it is one of :data:`FRAME_WORDS`, else its
    kind ("_ing", "_ed", "_tion", "_s", …, "_9" for a number, "_" for any other word)."""
    if word in FRAME_WORDS:
        return word
    if word.isdigit():
        return "_9"
    for ending, kind in FRAME_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return kind
    return "_"


def _frame(tokens: Sequence[str]) -> tuple[list[str], list[int]]:
    """The statement's marks (its words as :func:`frame_word` gives them, with the start and end) and where
    each run of three kept in the frame starts: runs that hold both a small word (or the start or end) and
    a word that stands for its kind. Runs of small words alone are left out (the word pairs have most of
    them), and so are runs of kinds alone (they say little)."""
    marks = [START, *map(frame_word, tokens), END]
    kinds = [mark[0] == "_" for mark in marks]
    return marks, [i for i, (x, y, z) in enumerate(zip(kinds, kinds[1:], kinds[2:], strict=False))
                   if (x or y or z) and not (x and y and z)]


def frame_runs(tokens: Sequence[str]) -> list[tuple[int, str]]:
    """The statement's frame (see :func:`_frame`), each run with where it starts (0: at the start of the
    statement, so the run's words are ``tokens[start - 1:start + 2]``)."""
    marks, kept = _frame(tokens)
    return [(i, f"s:{marks[i]} {marks[i + 1]} {marks[i + 2]}") for i in kept]


def frame_features(tokens: Sequence[str]) -> list[str]:
    """The runs of :func:`frame_runs`, without where they start (on every statement's path)."""
    marks, kept = _frame(tokens)
    return [f"s:{marks[i]} {marks[i + 1]} {marks[i + 2]}" for i in kept]


_I = _words("i i'm im i've ive i'd i'll me my mine myself")


def says_i(text: str) -> bool:
    """Whether the statement speaks as one person ('I', 'me', 'my'): such statements have a threshold of
    their own (see train.thresholds_for) and are also read by the speaker model (train.speaker_rows)."""
    return speaks(words(text))


def speaks(tokens: Sequence[str]) -> bool:
    """:func:`says_i` for a statement's :func:`words`."""
    return not _I.isdisjoint(tokens)


def ngrams(text: str) -> set[str]:
    """Every word, word pair, piece of a word and run of the frame in ``text`` (each once)."""
    tokens = words(text)
    found = set(word_features(tokens))
    found.update(frame_features(tokens))
    for token in tokens:
        found.update(char_features(token))
    return found


_ABSTRACT_ENDINGS = tuple(ending + plural for plural in ("", "s") for ending in (
    "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "isation", "ization"))
_DIGITS = re.compile(r"\d")
_NO_VERB_ENDINGS = ("ed", "n't")


def shapes(text: str, tokens: Sequence[str] | None = None) -> list[float]:
    """How the statement is written, as numbers in the order of :data:`SHAPES`."""
    folded = fold(text)
    tokens = words(text) if tokens is None else tokens
    n = len(tokens)
    if n == 0:
        return [0.0] * len(SHAPES)
    distinct = set(tokens)
    first = sum(map(_FIRST.__contains__, tokens))
    terms = [term for _, _, term in lexicon().find(folded)]
    stripped = text.strip()
    parts = stripped.split()
    capitals = sum(w[:1].isupper() for w in parts[1:])
    has_letters = any(ch.isalpha() for ch in stripped)
    verb = not _VERBS.isdisjoint(distinct) or any(t.endswith(_NO_VERB_ENDINGS) for t in distinct)
    abstract = sum(len(t) > 5 and t.endswith(_ABSTRACT_ENDINGS) for t in tokens)
    return [
        math.log1p(n),  # words
        first / n,  # first_person
        float(first == 0),  # no_first_person
        float(not _SECOND.isdisjoint(distinct)),  # second_person
        float(not _THIRD.isdisjoint(distinct)),  # third_person
        sum(map(_PEOPLE_WORDS.__contains__, tokens)) / n,  # people_words
        float(not verb),  # no_verb
        float(_PASSIVE.search(folded) is not None),  # passive
        abstract / n,  # abstract
        sum(map(len, tokens)) / n,  # word_length
        float(tokens[0] in _INSTRUCTIONS),  # instruction
        float(n > 1 and tokens[0] == "to" and tokens[1] not in _FIRST),  # to_goal
        float(_CONTRACTION.search(folded) is not None),  # contraction
        float(stripped.endswith("?")),  # question
        float("!" in stripped),  # exclamation
        capitals / max(1, len(parts) - 1) if has_letters else 0.0,  # capitals
        float(_DIGITS.search(stripped) is not None),  # digits
        float(not _FEELING.isdisjoint(distinct)),  # feeling
        len(terms) / n,  # terms
        float(sum(t.category in (Category.MANAGEMENT, Category.DEFICIT) for t in terms)),  # office_terms
        float(sum(t.risk is Risk.LOW for t in terms)),  # strong_terms
    ]
