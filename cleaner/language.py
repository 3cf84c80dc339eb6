"""The language a text is written in, from its most frequent function words."""

from __future__ import annotations

from collections import Counter
from functools import cache

from cleaner.shapes import LETTERS
from cleaner.vocab import stopwords

_MIN_LANGUAGE_HITS = 5
_LANGUAGE_SAMPLE = 20000


def detect_language(text: str) -> str | None:
    """The language whose function words are most frequent, if clearly any.

    >>> detect_language("The talks had aimed at stopping the fighting that has sent more than a million people")
    'en'
    """
    counts = dict.fromkeys(stopwords(), 0)
    languages_of = _stopword_languages()
    for word, n in Counter(LETTERS.findall(text[:_LANGUAGE_SAMPLE].lower())).items():
        for language in languages_of.get(word, ()):
            counts[language] += n
    best = max(counts, key=counts.__getitem__, default=None)
    if best is None or counts[best] < _MIN_LANGUAGE_HITS:
        return None
    return best


@cache
def _stopword_languages() -> dict[str, tuple[str, ...]]:
    """Each function word -> the languages that have it: one lookup per word, not one per language."""
    index: dict[str, tuple[str, ...]] = {}
    for language, words in stopwords().items():
        for word in words:
            index[word] = (*index.get(word, ()), language)
    return index
