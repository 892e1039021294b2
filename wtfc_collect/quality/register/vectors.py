"""Word vectors for the register model (and the card call's suggested groups), read from the ``wordllama``
package on this computer: nothing is downloaded.

WordLlama's "l2_supercat" static token vectors (MIT licence, shipped inside the pinned ``wordllama`` package)
give each word a place among words of similar meaning, so "directed by me and responsive to my needs"
lands near other policy wording even when the model never saw those exact words. The register model uses
one vector per statement: the sum of its words' vectors (each the sum of its tokens' vectors, the word read
with a space before it), scaled to length 1. A word's vector is worked out once and kept, so the usual
statement costs one look-up a word.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

FILES = ("tokenizers/l2_supercat_tokenizer_config.json", "weights/l2_supercat_256.safetensors")
# Words whose vectors are kept (2 KB each, so at most about 60 MB); cleared when full. A year of a council's
# statements uses far fewer different words.
CACHE_LIMIT = 30_000


class MissingVectors(RuntimeError):
    """The wordllama package (and so its word vectors) is not installed."""


def folder() -> Path:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise MissingVectors("The word vectors need the wordllama package: run make venv again.")
    return Path(next(iter(spec.submodule_search_locations)))


@functools.cache
def load() -> tuple[Any, Any]:
    """The tokenizer and the token vectors shipped inside the wordllama package.

    The files are read directly (with ``tokenizers`` and ``safetensors``, as wordllama itself does) so that
    nothing can ever be downloaded: wordllama's own loader looks for the tokenizer in another folder and
    then asks the internet for it, and importing it changes the logging of the whole program."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    where = folder()
    tokenizer = Tokenizer.from_file(str(where / FILES[0]))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    vectors = load_file(str(where / FILES[1]))["embedding.weight"]
    return tokenizer, vectors


@functools.cache
def digest() -> str:
    """The SHA-256 of the vectors file: the model file records the one it was trained with."""
    return hashlib.sha256((folder() / FILES[1]).read_bytes()).hexdigest()


_words: dict[str, Any] = {}


def word_vector(word: str) -> Any:
    """One word's vector (the sum of its tokens' vectors, as float64), worked out once and kept."""
    found = _words.get(word)
    if found is None:
        import numpy as np

        tokenizer, vectors = load()
        ids = tokenizer.encode(" " + word, add_special_tokens=False).ids
        # Only this word's rows become float64 (the table stays as shipped, half precision, 16 MB).
        found = (vectors[np.clip(ids, 0, len(vectors) - 1)].astype(np.float64).sum(axis=0) if ids
                 else np.zeros(vectors.shape[1]))
        if len(_words) >= CACHE_LIMIT:
            _words.clear()
        _words[word] = found
    return found


def statement_vector(tokens: Sequence[str]) -> Any:
    """The statement's vector from its words (see :func:`..features.words`): their sum, at length 1."""
    import numpy as np

    if not tokens:
        return np.zeros(load()[1].shape[1])
    total = np.add.reduce([word_vector(token) for token in tokens])
    norm = math.sqrt(float(total @ total))
    return total / norm if norm > 0 else total
