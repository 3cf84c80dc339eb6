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

The lines of a text are scored together, as arrays (numpy): the features are
counts over each line's code points, and the same arithmetic a line at a
time would cost more in Python's calls than in the sums.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import cache, cached_property
from importlib import resources

import numpy as np

from cleaner.shapes import BULLETS, SENTENCE_END, WIDE, WORD, weight

_INNER_STOP = re.compile(r"[.!?;:。！？](?:\s|$)")
_SEPARATOR = re.compile(r"\s[|•»›/]\s")
_COMMAS = ",，、"
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


def features(texts: Sequence[str]) -> np.ndarray:
    """The shape of each line: one row per line, each feature scaled to about [0, 1], in the order of FEATURES.

    >>> [round(float(f), 2) for f in features(["Read more: Floods hit 3 towns, again."])[0]]
    [1.0, 3.64, 0.09, 1.0, 0.4, 0.17, 0.29, 0.14, 0.0, 0.0, 0.27, 0.0, 0.0, 0.0, 0.0, 0.0]
    """
    return _features(_Lines(texts))


def _features(lines: _Lines) -> np.ndarray:
    words = lines.count(lines.word_starts)
    count = np.maximum(words, 1)
    capitalised = lines.count(lines.word_starts & lines.has(_UPPER))
    columns = (
        np.ones(len(lines.lengths)),
        _mapped(math.log1p, lines.weights),
        np.minimum(words, 80) / 80,
        lines.ends_sentence(),
        np.minimum(lines.count(lines.inner_stops()), 5) / 5,
        np.minimum(lines.count(lines.has(_COMMA)), 6) / 6,
        capitalised / count,
        lines.count(lines.word_starts & lines.has(_DIGIT)) / count,
        lines.count(lines.separators()) > 0,
        lines.wide / np.maximum(lines.lengths, 1),
        np.minimum(lines.count(lines.has(_WORD_CHAR)) / count, 15) / 15,
        np.fromiter(map(_link_share, lines.texts), dtype=float, count=len(lines.texts)),
        (words >= 2) & (capitalised == words),
        lines.starts_with(_BULLET),
        lines.ends_with(":"),
        lines.ends_with("...") | lines.ends_with("…"),
    )
    return np.column_stack(columns).astype(float)


# What a code point is, as bits: the character classes the features count, each told by the
# pattern that defines it (`_classes_of`). KNOWN marks a code point already looked up.
_WORD_CHAR, _UPPER, _DIGIT, _SPACE, _INNER_STOP_MARK, _COMMA, _SEPARATOR_MARK, _WIDE_CHAR = (1 << n for n in range(8))
_SENTENCE_STOP, _CLOSER, _BULLET, _KNOWN = (1 << n for n in range(8, 12))


@cache
def _class_table() -> np.ndarray:
    """Every code point's classes, filled in as code points are met (most texts use few)."""
    return np.zeros(0x110000, dtype=np.uint16)


def _classes_of(char: str) -> int:
    """One character's classes, each by the pattern or test the feature's definition uses.

    A sentence stop ends SENTENCE_END by itself; a closer may follow one there.
    """
    return (
        _KNOWN
        | _WORD_CHAR * (WORD.fullmatch(char) is not None)
        | _UPPER * char.isupper()
        | _DIGIT * char.isdigit()
        | _SPACE * char.isspace()
        | _INNER_STOP_MARK * (_INNER_STOP.fullmatch(char) is not None)
        | _COMMA * (char in _COMMAS)
        | _SEPARATOR_MARK * (_SEPARATOR.fullmatch(f" {char} ") is not None)
        | _WIDE_CHAR * (WIDE.fullmatch(char) is not None)
        | _SENTENCE_STOP * (SENTENCE_END.fullmatch(char) is not None)
        | _CLOSER * (SENTENCE_END.fullmatch(f".{char}") is not None)
        | _BULLET * (char in BULLETS)
    )


def _classes(points: np.ndarray) -> np.ndarray:
    """The classes of each code point."""
    table = _class_table()
    found = table[points]
    unknown = found == 0
    if unknown.any():
        for point in np.unique(points[unknown]).tolist():
            table[point] = _classes_of(chr(point))
        found = table[points]
    return found


class _Lines:
    """Lines read together, as one array of code points with a boundary after each line, and the
    character classes of each code point (`_classes`): a line at a time, Python's per-call cost
    outweighs the arithmetic.

    The boundary belongs to no class, so no pattern runs across two lines; `count` sums a
    per-code-point condition over each line.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.lengths = np.fromiter(map(len, texts), dtype=np.intp, count=len(texts))
        self.ends = np.cumsum(self.lengths + 1) - 1  # each line's boundary
        self.starts = self.ends - self.lengths
        joined = "\n".join((*texts, "")).encode("utf-32-le", "surrogatepass")
        self.points = np.frombuffer(joined, dtype=np.uint32)
        self.classes = _classes(self.points)
        self.classes[self.ends] = 0
        self.boundary = np.zeros(len(self.points), dtype=bool)
        self.boundary[self.ends] = True
        word = self.has(_WORD_CHAR)
        self.word_starts = word & ~_shifted(word, 1)

    @cached_property
    def wide(self) -> np.ndarray:
        """Ideographs and Hangul syllables per line."""
        return self.count(self.has(_WIDE_CHAR))

    @cached_property
    def weights(self) -> np.ndarray:
        """`weight` of each line."""
        return self.lengths + 2 * self.wide

    def has(self, bit: int) -> np.ndarray:
        return (self.classes & bit) != 0

    def count(self, condition: np.ndarray) -> np.ndarray:
        """Per line, the code points where `condition` holds (the boundary never counts)."""
        if not len(self.starts):
            return np.zeros(0, dtype=np.intp)
        return np.add.reduceat(condition, self.starts, dtype=np.intp)

    def inner_stops(self) -> np.ndarray:
        """`_INNER_STOP`: a stop before white space or the line's end."""
        return self.has(_INNER_STOP_MARK) & _shifted(self.has(_SPACE) | self.boundary, -1)

    def separators(self) -> np.ndarray:
        """`_SEPARATOR`: a separator mark between two white space characters."""
        space = self.has(_SPACE)
        return self.has(_SEPARATOR_MARK) & _shifted(space, 1) & _shifted(space, -1)

    def starts_with(self, bit: int) -> np.ndarray:
        return (self.classes[self.starts] & bit) != 0

    def ends_with(self, suffix: str) -> np.ndarray:
        """Whether each line, stripped of trailing white space, ends with `suffix`."""
        last = self.last_text
        found = last - self.starts + 1 >= len(suffix)
        for k, char in enumerate(reversed(suffix)):
            found &= self.points[np.maximum(last - k, 0)] == ord(char)
        return found

    def ends_sentence(self) -> np.ndarray:
        """`SENTENCE_END` on each line stripped of trailing white space: a stop, then closers only.

        A line whose text ends in a closer (rare) is asked the pattern itself."""
        last = self.last_text
        char = self.classes[np.maximum(last, 0)]
        has_text = last >= self.starts
        found = has_text & ((char & _SENTENCE_STOP) != 0)
        for i in (has_text & ((char & _CLOSER) != 0)).nonzero()[0].tolist():
            found[i] = SENTENCE_END.search(self.texts[i].rstrip()) is not None
        return found

    @cached_property
    def last_text(self) -> np.ndarray:
        """Per line, the position of its last code point that is not white space; before the line's
        start if there is none. Lines seldom end in white space: those that do are stripped one by one."""
        last = self.ends - 1
        for i in ((self.classes[last] & _SPACE) != 0).nonzero()[0].tolist():
            last[i] = self.starts[i] + len(self.texts[i].rstrip()) - 1
        return last


def _shifted(values: np.ndarray, by: int) -> np.ndarray:
    """`values` moved `by` places later (earlier when negative), False where nothing moved in."""
    moved = np.zeros_like(values)
    if by > 0:
        moved[by:] = values[:-by]
    else:
        moved[:by] = values[-by:]
    return moved


def _mapped(function, values: np.ndarray) -> np.ndarray:
    """`function` (a `math` one) of each value: numpy's own exp and log1p differ from `math`'s in
    the last bit for some values, and the scores must not move."""
    return np.fromiter(map(function, values.tolist()), dtype=float, count=len(values))


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


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + _mapped(math.exp, -np.clip(z, -30.0, 30.0)))


def _dot(columns: np.ndarray, weights: Sequence[float], start: np.ndarray | None = None) -> np.ndarray:
    """Each row's weighted sum, added up a column at a time from `start` (nothing), so the sums are
    those a line at a time would give. There is one weight per column (a test checks)."""
    total = start
    for column, factor in zip(columns.T, weights, strict=True):
        total = column * factor if total is None else total + column * factor
    assert total is not None  # every model has weights
    return total


def value(text: str) -> int:
    """The characters of a line that count towards a run: a long line counts for more, up to a
    paragraph's worth."""
    return min(weight(text), _MAX_LINE_WEIGHT)


def context_features(
    probabilities: Sequence[float] | np.ndarray, log_weights: Sequence[float] | np.ndarray
) -> np.ndarray:
    """What each line's neighbours say of it, from their own `probabilities`: one row per line in
    the order of CONTEXT_FEATURES. `log_weights` is each line's `log_weight` feature.

    Linear in the number of lines: the window means come from running sums.

    >>> [round(float(f), 2) for f in context_features([0.2, 0.5, 0.4], [4.0, 3.0, 4.0])[1]]
    [0.2, 0.4, 1.0, 0.5, 0.65, 0.88]
    """
    n = len(probabilities)
    edge = np.full(AROUND, _EDGE)
    padded = np.concatenate((edge, np.asarray(probabilities, dtype=float), edge))
    running = np.concatenate(([0.0], np.cumsum(padded)))
    centre = np.arange(AROUND, AROUND + n)

    def mean(reach: int) -> np.ndarray:
        # Lines i - reach .. i + reach but i itself; i sits at AROUND + i in `padded`.
        return (running[centre + reach + 1] - running[centre - reach] - padded[centre]) / (2 * reach)

    previous, following = padded[centre - 1], padded[centre + 1]
    isolated = ((previous < 0.5) & (following < 0.5)).astype(float)
    isolated_weight = isolated * np.asarray(log_weights, dtype=float) / 6
    return np.column_stack((previous, following, isolated, isolated_weight, mean(NEAR), mean(AROUND)))


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
    lines = _Lines(texts)
    own = _features(lines)
    probability = _sigmoid(_dot(own, _weights()))
    own_weights, context_weights = _context_weights()
    context = context_features(probability, own[:, 1])
    in_context = _sigmoid(_dot(context, context_weights, start=_dot(own, own_weights)))
    values = np.minimum(lines.weights, _MAX_LINE_WEIGHT)
    return (values * 2.0 * (np.minimum(probability, in_context) - TEXT_THRESHOLD)).tolist()
