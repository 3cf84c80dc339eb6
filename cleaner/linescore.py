"""How much a line of a page dump reads like article text, from its own shape alone.

Each line is described by a few shape features (length, sentence endings,
capitalisation, digits...) and a logistic model turns them into the
probability that the line belongs to an article. The weights are data
(`data/line_scorer.json`), fitted by `benchmarks/train_line_scorer.py` on
the development split of the WCXB set and checked on its held-out split
and on the ScrapingHub set. Only the line itself is looked at, never its
neighbours or its position, so a line scores the same wherever it stands.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache, lru_cache
from importlib import resources

_WORD = re.compile(r"\w+")
# Ideographs and Hangul syllables carry about a word each.
_WIDE = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_INNER_STOP = re.compile(r"[.!?;:。！？](?:\s|$)")
_SEPARATOR = re.compile(r"\s[|•»›/]\s")
_BULLETS = tuple("-•*·–—►▶")
_COMMAS = (",", "，", "、")

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
    "link_or_handle",
    "all_capitalised",
    "starts_bullet",
    "ends_colon",
    "ends_ellipsis",
)


def weight(text: str) -> int:
    """Characters, with ideographs and Hangul syllables counted thrice (they carry a word each)."""
    return len(text) + 2 * len(_WIDE.findall(text))


def features(text: str) -> tuple[float, ...]:
    """The shape of one line, each feature scaled to about [0, 1]; order as in FEATURES."""
    words = _WORD.findall(text)
    count = len(words) or 1
    capitalised = sum(1 for w in words if w[0].isupper())
    stripped = text.rstrip()
    return (
        1.0,
        math.log1p(weight(text)),
        min(len(words), 80) / 80,
        float(bool(_SENTENCE_END.search(stripped))),
        min(len(_INNER_STOP.findall(text)), 5) / 5,
        min(sum(text.count(c) for c in _COMMAS), 6) / 6,
        capitalised / count,
        sum(1 for w in words if w[0].isdigit()) / count,
        float(bool(_SEPARATOR.search(text))),
        len(_WIDE.findall(text)) / max(len(text), 1),
        min(sum(map(len, words)) / count, 15) / 15,
        float("@" in text or "http" in text or "www." in text),
        float(len(words) >= 2 and capitalised == len(words)),
        float(text.startswith(_BULLETS)),
        float(stripped.endswith(":")),
        float(stripped.endswith(("...", "…"))),
    )


@cache
def _weights() -> tuple[float, ...]:
    data = json.loads(resources.files("cleaner.data").joinpath("line_scorer.json").read_text(encoding="utf-8"))
    return tuple(data["weights"][name] for name in FEATURES)


def probability(text: str) -> float:
    """The probability that the line is article text."""
    z = sum(w * f for w, f in zip(_weights(), features(text), strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# A long line counts for more, up to a paragraph's worth of characters.
_MAX_LINE_WEIGHT = 400


@lru_cache(maxsize=1 << 16)
def score(text: str) -> float:
    """Expected characters of article text minus expected characters of furniture, for one line.

    Cached: each rule pass over a text scores again the lines the previous pass kept.
    """
    return min(weight(text), _MAX_LINE_WEIGHT) * (2.0 * probability(text) - 1.0)
