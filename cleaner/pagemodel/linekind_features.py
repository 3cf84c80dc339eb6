"""The features the line-kind model reads, for a whole document at once, vectorised with numpy.

A line is described by hashed pieces of its lower-cased text (character 4-grams, words and word
pairs) and by its shape (length, word count, first and last character, capitalised
words, digits), each shape bucket a fixed index after the hashed ones. Hashing works on arrays of
code points, not string by string in Python, so its cost hardly grows with the pieces a line has,
and it is the same in every process and Python run (no salted `hash()`): a sum of code points
times fixed odd multipliers, then a 64-bit finaliser. A long line is read by its first `HEAD` and
last `TAIL` characters, which bounds the work per line (a 1 MB line costs what a paragraph costs)
and still shows how it starts and how it ends.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

import numpy as np

BITS = 16
BUCKETS = 1 << BITS
HEAD, TAIL = 64, 24
# 3- and 5-grams as well cost twice the time for no better scores on unseen sites.
CHAR_GRAMS = (4,)
_SEPARATOR = "\n"  # between lines: a gram holding it marks a line's start or end
_MAX_WORD_OFFSET = 32  # a word's characters past this share one multiplier

# Shape groups, each one-hot: length, words, capitalised share of the words, digit share of the
# characters, then the first and the last character's class (_character_classes).
_LENGTH_EDGES = np.array([2, 4, 8, 16, 24, 32, 48, 64, 96, 128, 192, 256, 512])
_WORD_EDGES = np.array([1, 2, 3, 4, 6, 9, 13, 20, 30, 50])
_SHARE_EDGES = np.array([0.01, 0.2, 0.4, 0.6, 0.8, 0.99])
_DIGIT_EDGES = np.array([0.01, 0.1, 0.25, 0.5])
_FIRST_MARKS = "-•*·–—►▶▪■●|>›»"  # bullets and arrows
_LAST_MARKS = (".!?…。！？", ":：", "\"'”’»)]」』")  # a sentence's end, a colon, a closing quote or bracket
# A character class: none (an empty line), a mark set, digit, capital letter, other.
_CLASSES = 1 + len(_LAST_MARKS) + 3
_GROUP_SIZES = (
    len(_LENGTH_EDGES) + 1,
    len(_WORD_EDGES) + 1,
    len(_SHARE_EDGES) + 2,
    len(_DIGIT_EDGES) + 1,
    _CLASSES,
    _CLASSES,
)
SHAPE_FEATURES = 1 + sum(_GROUP_SIZES)  # the first one is always on: the bias
FEATURES = BUCKETS + SHAPE_FEATURES
_BMP = 0x10000


class Block(NamedTuple):
    """One family of features: the line of each occurrence (in order), its index in the weight
    table, and its value (the same for every occurrence in one line)."""

    rows: np.ndarray
    indices: np.ndarray
    values: np.ndarray


def _multipliers(seed: int, count: int) -> np.ndarray:
    """`count` odd 64-bit numbers from a fixed seed (splitmix64): the same on every machine."""
    out = []
    state = seed
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        out.append((z ^ (z >> 31)) | 1)
    return np.array(out, dtype=np.uint64)


_GRAM_MULTIPLIERS = {n: _multipliers(n, n) for n in CHAR_GRAMS}
_WORD_MULTIPLIERS = _multipliers(101, _MAX_WORD_OFFSET)
_PAIR_MULTIPLIERS = _multipliers(202, 2)


@cache
def _character_classes() -> tuple[np.ndarray, np.ndarray]:
    """For every code point of the Basic Multilingual Plane: whether it is a letter or digit, and
    its class as a first character (digit, capital, other; bullets first) and as a last one."""
    characters = [chr(point) for point in range(_BMP)]
    word = np.array([c.isalnum() or unicodedata.category(c) == "Mn" for c in characters])
    base = np.array(
        [_CLASSES - 3 if c.isdigit() else _CLASSES - 2 if c.isupper() else _CLASSES - 1 for c in characters]
    )
    first, last = base.copy(), base.copy()
    first[[ord(c) for c in _FIRST_MARKS]] = 1
    for i, marks in reversed(list(enumerate(_LAST_MARKS, start=1))):
        last[[ord(c) for c in marks]] = i
    return word, np.stack((first, last)).astype(np.int64)


def _bucket(hashes: np.ndarray) -> np.ndarray:
    """The top BITS bits of MurmurHash3's 64-bit finaliser of each hash."""
    h = hashes ^ (hashes >> np.uint64(33))
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    h ^= h >> np.uint64(33)
    return (h >> np.uint64(64 - BITS)).astype(np.int64)


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)


def _lower(text: str) -> str:
    """Lower case, one code point for one: only U+0130 (İ) lowers to two, so it becomes 'i'."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.replace("\u0130", "i").lower()


def features(lines: Sequence[str]) -> list[Block]:
    """The feature blocks of a document's lines: character grams, words and pairs, shape."""
    if not lines:
        return []
    stripped = [line.strip() for line in lines]
    clipped = [line if len(line) <= HEAD + TAIL else f"{line[:HEAD]} {line[-TAIL:]}" for line in stripped]
    text = _SEPARATOR + _SEPARATOR.join(clipped) + _SEPARATOR
    original = _code_points(text)
    points = _code_points(_lower(text))
    lengths = np.fromiter(map(len, clipped), dtype=np.int64, count=len(clipped))
    # The separator before a line belongs to it; the last separator to a line past the end.
    line_of = np.repeat(np.arange(len(clipped) + 1), np.append(lengths + 1, 1))
    word_table, _ = _character_classes()
    is_word = word_table[np.minimum(points, _BMP - 1)] | (points >= _BMP)
    starts = np.flatnonzero(is_word & ~np.concatenate(([False], is_word[:-1])))
    words = _words(points, is_word, starts, line_of)
    capitalised = np.bincount(line_of[starts], weights=original[starts] != points[starts], minlength=len(clipped))
    return [
        _char_grams(points, line_of),
        words,
        _shape(stripped, original, lengths, np.bincount(line_of[starts], minlength=len(clipped)), capitalised),
    ]


def _char_grams(points: np.ndarray, line_of: np.ndarray) -> Block:
    """Every character n-gram inside a line, its separators included (so a line's start and end
    show), in the order of their first character."""
    size = len(points)
    beyond = np.append(line_of, np.full(max(CHAR_GRAMS), line_of[-1] + 1))
    hashes = np.zeros((size, len(CHAR_GRAMS)), dtype=np.uint64)
    inside = np.zeros((size, len(CHAR_GRAMS)), dtype=bool)
    for column, n in enumerate(CHAR_GRAMS):
        starts = max(size - n + 1, 0)
        for k, multiplier in enumerate(_GRAM_MULTIPLIERS[n]):
            hashes[:starts, column] += points[k : k + starts] * multiplier
        # All but the last character in one line's segment: the last may be the next separator.
        inside[:, column] = line_of == beyond[n - 2 : n - 2 + size]
    kept = inside.reshape(-1)
    rows = np.repeat(line_of, len(CHAR_GRAMS))[kept]
    return _hashed(rows, hashes.reshape(-1)[kept], int(line_of[-1]))


def _words(points: np.ndarray, is_word: np.ndarray, starts: np.ndarray, line_of: np.ndarray) -> Block:
    """Each word (its code points times a multiplier per offset) followed by the pair it opens."""
    count = int(line_of[-1])
    if not len(starts):
        return _hashed(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64), count)
    positions = np.flatnonzero(is_word)
    first = np.searchsorted(positions, starts)  # where each word starts among the word characters
    offsets = np.arange(len(positions)) - np.repeat(first, np.diff(np.append(first, len(positions))))
    terms = points[positions] * _WORD_MULTIPLIERS[np.minimum(offsets, _MAX_WORD_OFFSET - 1)]
    words = np.add.reduceat(terms, first)
    rows = line_of[starts]
    pairs = np.append(words[:-1] * _PAIR_MULTIPLIERS[0] + words[1:] * _PAIR_MULTIPLIERS[1], np.uint64(0))
    has_pair = np.append(rows[1:] == rows[:-1], False)
    keep = np.stack((np.ones(len(words), dtype=bool), has_pair), axis=1).reshape(-1)
    return _hashed(np.repeat(rows, 2)[keep], np.stack((words, pairs), axis=1).reshape(-1)[keep], count)


def _hashed(rows: np.ndarray, hashes: np.ndarray, count: int) -> Block:
    """Hashed pieces weighed so that each line's pieces of one family have unit length."""
    per_line = np.bincount(rows, minlength=count)
    values = (1.0 / np.sqrt(np.maximum(per_line, 1))).astype(np.float32)[rows]
    return Block(rows, _bucket(hashes), values)


def _shape(
    lines: Sequence[str], original: np.ndarray, lengths: np.ndarray, word_counts: np.ndarray, capitalised: np.ndarray
) -> Block:
    """One bucket of each shape group per line, after the bias."""
    count = len(lengths)
    ends = np.cumsum(lengths + 1)  # where the separator after each line sits
    digit = (original >= 48) & (original <= 57)
    digit_sums = np.concatenate(([0], np.cumsum(digit)))
    digits = digit_sums[ends] - digit_sums[ends - lengths]
    _, class_table = _character_classes()
    edge_points = np.minimum(original[np.stack((ends - lengths, ends - 1))], _BMP - 1)
    edge_classes = np.where(lengths > 0, class_table[[[0], [1]], edge_points], 0)
    groups = (
        np.searchsorted(_LENGTH_EDGES, np.fromiter(map(len, lines), dtype=np.int64, count=count), side="right"),
        np.searchsorted(_WORD_EDGES, word_counts, side="right"),
        np.where(word_counts > 0, 1 + np.searchsorted(_SHARE_EDGES, capitalised / np.maximum(word_counts, 1)), 0),
        np.searchsorted(_DIGIT_EDGES, digits / np.maximum(lengths, 1), side="right"),
        *edge_classes,
    )
    offsets = np.cumsum((BUCKETS + 1, *_GROUP_SIZES[:-1]))
    columns = [np.full(count, BUCKETS), *(offset + group for offset, group in zip(offsets, groups, strict=True))]
    indices = np.stack(columns, axis=1).reshape(-1)
    return Block(np.repeat(np.arange(count), len(columns)), indices, np.ones(len(indices), dtype=np.float32))
