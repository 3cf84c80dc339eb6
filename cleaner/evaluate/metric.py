"""The measure: the ScrapingHub article-extraction-benchmark formula, and metadata matching.

Text is split into `\\w+` tokens and then into overlapping 4-token shingles;
per page, precision and recall come from the shingles the output and the gold
share (see `score_page`).

>>> score_page("p", "The cat sat on the mat.", Extract("The cat sat on the mat!")).f1
1.0
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

SHINGLE_SIZE = 4
# The metadata columns: each field's accuracy, and beside the author's how often an author is given
# that is not the page's (a heading, a site's name, another story's byline), which misleads where
# none would not.
FALSE_AUTHOR = "false author"
META_FIELDS = ("title", "author", FALSE_AUTHOR, "date", "subtitle")
# Fields whose gold may say "none": an empty gold subtitle is right only when nothing is found.
NULLABLE_FIELDS = frozenset({"subtitle"})
_TOKEN = re.compile(r"\w+")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def shingles(words: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of consecutive `size`-token shingles; a shorter text is one shingle, an empty one none.

    >>> shingles("a b c d e".split())
    Counter({('a', 'b', 'c', 'd'): 1, ('b', 'c', 'd', 'e'): 1})
    >>> shingles(["a", "b"]), shingles([])
    (Counter({('a', 'b'): 1}), Counter())
    """
    if len(words) <= size:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def precision_recall(gold: Counter, pred: Counter) -> tuple[float, float]:
    """The benchmark's per-page precision and recall of two multisets (1 and 1 when they are equal)."""
    tp = sum((gold & pred).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    if fp == fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class Extract(NamedTuple):
    """What a system found on one page: the body and, for systems that report them, title, author,
    date and subtitle."""

    body: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    subtitle: str | None = None


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's scores. `metadata` holds, per field the gold has, whether the system got it right."""

    id: str
    precision: float
    recall: float
    bow_precision: float
    bow_recall: float
    exact: bool
    empty: bool
    gold_empty: bool
    error: str | None = None
    metadata: Mapping[str, bool] = field(default_factory=dict)
    reading: Mapping[str, int] = field(default_factory=dict)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def bow_f1(self) -> float:
        return f1(self.bow_precision, self.bow_recall)


def score_page(
    page_id: str,
    gold: str,
    found: Extract,
    gold_meta: Mapping[str, str] | None = None,
    error: str | None = None,
    reading: Mapping[str, int] | None = None,
) -> PageScore:
    """Score one output. Pass `gold_meta` only for systems that report metadata, and `reading`,
    the page's `reading.reading_counts`, to keep them with its scores.

    Bag of words follows WCXB's word F1 (lower-cased tokens, an empty output scores 0), as the
    baselines in bench/results did, so the numbers compare.
    """
    gold_words, found_words = tokens(gold), tokens(found.body)
    precision, recall = precision_recall(shingles(gold_words), shingles(found_words))
    gold_bag = Counter(w.lower() for w in gold_words)
    found_bag = Counter(w.lower() for w in found_words)
    if gold_bag or found_bag:
        common = sum((gold_bag & found_bag).values())
        bow = (common / len(found_words) if found_words else 0.0, common / len(gold_words) if gold_words else 0.0)
    else:
        bow = (1.0, 1.0)
    metadata = {
        name: metadata_matches(name, value, getattr(found, name))
        for name, value in (gold_meta or {}).items()
        if value or (name in NULLABLE_FIELDS and value is not None)
    }
    if "author" in metadata:
        metadata[FALSE_AUTHOR] = bool(found.author) and not metadata["author"]
    exact = gold_words == found_words
    return PageScore(
        page_id, precision, recall, *bow, exact, not found_words, not gold_words, error, metadata, dict(reading or {})
    )


def metadata_matches(name: str, gold: str, found: str | None) -> bool:
    """Whether a found title, author or date counts as the gold one.

    Titles and subtitles match when their words do, ignoring case, spacing and punctuation (so a
    curly apostrophe is no error, but a " | Site" suffix is), and an empty gold subtitle when none
    is found; authors when their name words overlap by half or more (Dice), so "By Jane Doe" matches
    "Jane Doe"; dates when their ISO days are equal.

    >>> metadata_matches("title", "We've  won", "WE’VE WON"), metadata_matches("title", "We won", "We won | Site")
    (True, False)
    >>> metadata_matches("author", "Jane Doe", "By JANE DOE"), metadata_matches("date", "2019-11-18", "2019-11-18T08:00")
    (True, True)
    >>> metadata_matches("subtitle", "", None), metadata_matches("subtitle", "", "A summary")
    (True, False)
    """
    if name in NULLABLE_FIELDS and not gold:
        return not found
    if not found:
        return False
    if name in ("title", "subtitle"):
        return tokens(gold.casefold()) == tokens(found.casefold())
    if name == "author":
        gold_names, found_names = (set(tokens(text.casefold())) for text in (gold, found))
        common = len(gold_names & found_names)
        return common > 0 and 2 * common >= 0.5 * (len(gold_names) + len(found_names))
    if name == "date":
        day = _ISO_DAY.search(gold)
        return day is not None and day.group() == _iso_day(found)
    raise ValueError(f"unknown metadata field {name!r}")


def _iso_day(text: str) -> str | None:
    day = _ISO_DAY.search(text)
    return day.group() if day else None
