"""How much a line of a page dump reads like article text, from its shape and its neighbours'.

Each line is described by a few shape features (length, sentence endings,
capitalisation, digits...) and a logistic model turns them into the
probability that the line belongs to an article. A second logistic model
adds what the first says of the line's neighbours (the lines next to it and
a few lines around), and may only lower that probability: a sentence among
headlines, times and menu entries (a teaser's blurb) is less likely article
text than the same sentence among paragraphs. The weights are data
(`data/line_scorer.json`), fitted by `benchmarks/train_line_scorer.py` on
the development split of the WCXB set and checked on its held-out split and
on the ScrapingHub set. A line's position never counts, only its text and
its neighbours'.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from operator import mul
from typing import NamedTuple

from cleaner.shapes import BULLETS, SENTENCE_END, WORD

# Ideographs and Hangul syllables carry about a word each.
_WIDE = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_INNER_STOP = re.compile(r"[.!?;:。！？](?:\s|$)")
_SEPARATOR = re.compile(r"\s[|•»›/]\s")
_COMMAS = (",", "，", "、")
# A web address, an e-mail address or a handle (a word holding one of these): furniture when it
# is most of the line, a mere mention inside a paragraph.
_LINK_MARKS = ("@", "http:", "https:", "www.")

FEATURES = (
    "bias",
    "log_weight",
    "words",
    "ends_sentence",
    "inner_stops",
    "commas",
    "capitalised",
    "digits",
    "separators",
    "wide",
    "word_length",
    "link_share",
    "all_capitalised",
    "starts_bullet",
    "ends_colon",
    "ends_ellipsis",
)


def weight(text: str) -> int:
    """Characters, with ideographs and Hangul syllables counted thrice (they carry a word each)."""
    return len(text) + 2 * _wide_count(text)


def _wide_count(text: str) -> int:
    """The line's ideographs and Hangul syllables; an ASCII line has none, and most lines are ASCII."""
    return 0 if text.isascii() else len(_WIDE.findall(text))


def features(text: str) -> tuple[float, ...]:
    """The shape of one line, each feature scaled to about [0, 1]; order as in FEATURES."""
    words = WORD.findall(text)
    count = len(words) or 1
    initials = [w[0] for w in words]
    capitalised = sum(map(str.isupper, initials))
    wide = _wide_count(text)
    stripped = text.rstrip()
    return (
        1.0,
        math.log1p(len(text) + 2 * wide),
        min(len(words), 80) / 80,
        float(bool(SENTENCE_END.search(stripped))),
        min(len(_INNER_STOP.findall(text)), 5) / 5,
        min(sum(map(text.count, _COMMAS)), 6) / 6,
        capitalised / count,
        sum(map(str.isdigit, initials)) / count,
        float(bool(_SEPARATOR.search(text))),
        wide / max(len(text), 1),
        min(sum(map(len, words)) / count, 15) / 15,
        _link_share(text),
        float(len(words) >= 2 and capitalised == len(words)),
        float(text.startswith(BULLETS)),
        float(stripped.endswith(":")),
        float(stripped.endswith(("...", "…"))),
    )


def _link_share(text: str) -> float:
    """The share of the line's characters in web addresses, e-mail addresses and handles.

    >>> _link_share("www.example.org"), round(_link_share("Tickets at www.example.org"), 2)
    (1.0, 0.58)
    """
    if "@" not in text and "http" not in text and "www." not in text:
        return 0.0
    return sum(len(word) for word in text.split() if any(mark in word for mark in _LINK_MARKS)) / len(text)


# What a line's neighbours say of it, from their own probabilities: the previous and the
# next line's, whether both read unlike text (and how long the line is when they do), and the
# mean over NEAR and over AROUND lines on either side.
CONTEXT_FEATURES = ("previous", "next", "isolated", "isolated_weight", "near", "around")
NEAR, AROUND = 2, 6
# Past the text's edges a neighbour counts as one that reads like text, so a cleaned body's
# first and last lines score no lower than they did inside the page.
_EDGE = 1.0
# A line adds to a run when its probability of being article text passes this. Below one
# half: a lost line of the article costs more than a kept line of furniture, as most
# furniture is not next to the article. Chosen on the WCXB dev split (0.4 and 0.5 were
# worse there and on the held-out split).
TEXT_THRESHOLD = 0.45
# A long line counts for more, up to a paragraph's worth of characters.
_MAX_LINE_WEIGHT = 400


@cache
def _model() -> dict[str, dict[str, float]]:
    return json.loads(resources.files("cleaner.data").joinpath("line_scorer.json").read_text(encoding="utf-8"))


@cache
def _weights() -> tuple[float, ...]:
    return tuple(_model()["weights"][name] for name in FEATURES)


@cache
def _context_weights() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The second model's weights: on the line's own features, and on the context features."""
    weights = _model()["context_weights"]
    return tuple(weights[name] for name in FEATURES), tuple(weights[name] for name in CONTEXT_FEATURES)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _dot(weights: Sequence[float], values: Sequence[float]) -> float:
    """The weighted sum. Both hold one number per feature (a test checks), so they are paired unchecked."""
    return sum(map(mul, weights, values))


def probability(text: str) -> float:
    """The probability that the line is article text, from its own shape."""
    return _judged(text).probability


class _Judged(NamedTuple):
    probability: float  # from the line's own shape
    own_part: float  # the second model's sum over the line's own features
    log_weight: float
    value: float  # characters of the line that count towards a run


def _judged(text: str) -> _Judged:
    """What the line alone gives both models."""
    own = features(text)
    return _Judged(_sigmoid(_dot(_weights(), own)), _dot(_context_weights()[0], own), own[1], value(text))


# Each rule pass scores again the lines the previous pass kept, and pages repeat their menus:
# lines up to a long paragraph's length are remembered (longer ones would make memory grow
# with the input).
_REMEMBERED_CHARS = 2000
_remembered = lru_cache(maxsize=1 << 14)(_judged)


def value(text: str) -> int:
    """The characters of a line that count towards a run: a long line counts for more, up to a
    paragraph's worth."""
    return min(weight(text), _MAX_LINE_WEIGHT)


def context_features(probabilities: Sequence[float], log_weights: Sequence[float]) -> list[tuple[float, ...]]:
    """What each line's neighbours say of it, from their own `probabilities`; each row in the
    order of CONTEXT_FEATURES. `log_weights` is each line's `log_weight` feature.

    Linear in the number of lines: the window means come from running sums.

    >>> [round(f, 2) for f in context_features([0.2, 0.5, 0.4], [4.0, 3.0, 4.0])[1]]
    [0.2, 0.4, 1.0, 0.5, 0.65, 0.88]
    """
    n = len(probabilities)
    padded = [_EDGE] * AROUND + list(probabilities) + [_EDGE] * AROUND
    running = [0.0]
    for p in padded:
        running.append(running[-1] + p)

    def mean(i: int, reach: int) -> float:
        # Lines i - reach .. i + reach but i itself; i sits at AROUND + i in `padded`.
        centre = AROUND + i
        return (running[centre + reach + 1] - running[centre - reach] - padded[centre]) / (2 * reach)

    rows: list[tuple[float, ...]] = []
    for i in range(n):
        previous, following = padded[AROUND + i - 1], padded[AROUND + i + 1]
        isolated = float(previous < 0.5 and following < 0.5)
        rows.append((previous, following, isolated, isolated * log_weights[i] / 6, mean(i, NEAR), mean(i, AROUND)))
    return rows


def scores(texts: Sequence[str]) -> list[float]:
    """For each line of a text, in order: how much it adds to an article run, as expected
    characters of article text minus expected characters of furniture.

    A line's own shape sets its probability of being article text; its neighbours can only
    lower it. A teaser's one-sentence blurb reads like text on its own, but stands among
    headlines and times, where an article's paragraph stands among paragraphs. Neighbours
    never raise a line, so the menu entry just after the article's last paragraph stays
    furniture.

    >>> [value > 0 for value in scores(["The council said the new flood wall would be finished soon.", "Privacy Policy"])]
    [True, False]
    """
    judged = [_remembered(text) if len(text) <= _REMEMBERED_CHARS else _judged(text) for text in texts]
    rows = context_features([j.probability for j in judged], [j.log_weight for j in judged])
    weights = (1.0, *_context_weights()[1])  # the line's own part, then its context
    return [
        line.value * 2.0 * (min(line.probability, _sigmoid(_dot(weights, (line.own_part, *row)))) - TEXT_THRESHOLD)
        for line, row in zip(judged, rows, strict=True)
    ]
