"""What kind of page furniture each line of a text dump is: a caption, a share bar, a comment, a
menu entry... or article text ("body").

Phrase lists know the furniture they were written for; this model learned its kinds from what
HTML pages call their own boxes (figcaption, aside, nav, class words such as "related",
"newsletter", "byline"), so it also knows phrasings no list holds. It reads only a line's text and
its neighbours', so it works on dumps without markup. Two stages: a multinomial logistic model over
each line's hashed character n-grams, words, word pairs and shape (`linekind_features`), then one
over what the first says of the line and of the lines around it (a date among comment lines is a
comment's date; a one-line blurb among headlines is a teaser). Weights are data
(`data/line_kinds.npz`), fitted by `benchmarks/train_line_kinds.py` on WCXB development pages and
never on its held-out quarter or on ScrapingHub; they load on first use.

>>> kinds(["Share on Facebook"])[0][0], kinds(["The council said the new flood wall, which cost four "
...     "million pounds, would be finished before the winter rains arrive."])[0][0]
('share', 'body')
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import NamedTuple

import numpy as np

from cleaner.pagemodel import linekind_features

BODY = "body"
# The rule family each kind of line belongs to (see `cleaner rules`); "other" is furniture the
# markup gave no name: an unnamed menu, the page's title, a lone date.
FAMILIES = {
    BODY: None,
    "cookie": "footer",
    "subscribe": "prompts",
    "share": "prompts",
    "comment": "comments",
    "caption": "captions",
    "author": "bylines",
    "byline": "bylines",
    "date": "timestamps",
    "breadcrumb": "navigation",
    "tags": "navigation",
    "pagination": "navigation",
    "related": "related",
    "ad": "ads",
    "media": "media",
    "footer": "footer",
    "navigation": "navigation",
    "sidebar": "layout",
    "other": "layout",
}
# Lines on either side whose mean the second stage reads (besides the nearest two on each side):
# the lines around, and the stretch of page around (is this the article's run or a menu's?).
AROUND, STRETCH = 5, 20
_FLOOR = 1e-4  # the smallest probability whose logarithm the second stage sees


class Model(NamedTuple):
    """The two stages' weights: per feature and kind, then per context feature and kind."""

    kinds: tuple[str, ...]
    line_weights: np.ndarray
    context_weights: np.ndarray


@cache
def model() -> Model:
    """The shipped weights; the line weights are stored as int8 with one scale per kind."""
    with resources.files("cleaner.data").joinpath("line_kinds.npz").open("rb") as handle, np.load(handle) as data:
        if int(data["features"]) != linekind_features.FEATURES:
            raise ValueError("line_kinds.npz was fitted for other features: run benchmarks/train_line_kinds.py")
        line_weights = data["line_weights"].astype(np.float32) * data["line_scales"].astype(np.float32)
        return Model(tuple(str(kind) for kind in data["kinds"]), line_weights, data["context_weights"])


def kind_names() -> tuple[str, ...]:
    """The kinds, in the order of `probabilities`' columns."""
    return model().kinds


def probabilities(lines: Sequence[str], weights: Model | None = None) -> np.ndarray:
    """One row per line: the probability of each kind (columns as in `kind_names`)."""
    weights = weights or model()
    own = softmax(line_logits(lines, weights.line_weights))
    # einsum's own loop, not BLAS: a thread pool for so small a product (cleaning runs a worker
    # per core) spins for longer than the product takes, 4.5 µs a line against 0.7.
    return softmax(np.einsum("ij,jk->ik", context_features(own), weights.context_weights))


def kinds(lines: Sequence[str]) -> list[tuple[str, float]]:
    """The most likely kind of each line, and its probability."""
    rows = probabilities(lines)
    best = rows.argmax(axis=1)
    names = kind_names()
    return [(names[i], float(p)) for i, p in zip(best, rows[np.arange(len(rows)), best], strict=True)]


def line_logits(lines: Sequence[str], line_weights: np.ndarray) -> np.ndarray:
    """The first stage's scores: each line's weighted sum over its features, per kind."""
    scores = np.zeros((len(lines), line_weights.shape[1]), dtype=np.float32)
    for block in linekind_features.features(lines):
        if not len(block.rows):
            continue
        # Rows are in order within a block, and a line's pieces share one value: one sum per run.
        starts = np.flatnonzero(np.concatenate(([True], block.rows[1:] != block.rows[:-1])))
        sums = np.add.reduceat(line_weights.take(block.indices, axis=0), starts, axis=0)
        scores[block.rows[starts]] += sums * block.values[starts, None]
    return scores


def context_features(own: np.ndarray) -> np.ndarray:
    """What the second stage reads for each line: the logarithm of its own probabilities; the
    probabilities of the two lines before and after it; their means over AROUND and over STRETCH
    lines on either side; and a constant.

    Past the first and the last line stand lines like the document's average, so a line's place
    in the document never counts: a cleaned body's first sentence reads as it did inside the page.
    """
    count, width = own.shape
    padded = np.empty((count + 2 * STRETCH, width), dtype=own.dtype)
    padded[:] = own.mean(axis=0) if count else 0.0
    padded[STRETCH : STRETCH + count] = own
    running = np.concatenate((np.zeros((1, width), dtype=own.dtype), np.cumsum(padded, axis=0)))

    def mean(reach: int) -> np.ndarray:
        # Lines i - reach .. i + reach but i itself; line i sits at STRETCH + i in `padded`.
        first, last = STRETCH - reach, STRETCH + reach + 1
        return (running[last : last + count] - running[first : first + count] - own) / (2 * reach)

    near = [padded[STRETCH + step : STRETCH + step + count] for step in (-1, 1, -2, 2)]
    constant = np.ones((count, 1), dtype=own.dtype)
    return np.hstack([np.log(np.maximum(own, _FLOOR)), *near, mean(AROUND), mean(STRETCH), constant])


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)
