"""Metadata the body itself shows: dateline, language, publisher from the URL.

Only what the text states is recorded; a field the text does not show
stays empty rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from urllib.parse import urlsplit

from cleaner.vocab import stopwords

# "Kyiv: The second round...", "NEW DELHI (Reuters) - India...", "WASHINGTON — The..."
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,3}(?:,\s*[A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*){0,2})?)"
    r"\s*(?:\((?P<agency>[A-Z][\w .&/-]{0,25})\)\s*)?(?::|\s[—–-]{1,2})\s+(?=[\"“‘'A-ZÀ-Ý0-9])"
)
# Labels that look like a dateline's "Place:" but are not places.
_NOT_PLACES = frozenset(
    [
        "photo",
        "image",
        "video",
        "watch",
        "note",
        "update",
        "updated",
        "editor",
        "editors",
        "read",
        "also",
        "related",
        "source",
        "sources",
        "caption",
        "credit",
        "warning",
        "disclaimer",
        "q",
        "a",
        "question",
        "answer",
        "summary",
        "analysis",
        "opinion",
        "comment",
        "live",
        "breaking",
        "exclusive",
        "advertisement",
        "sponsored",
        "by",
        "tags",
        "topics",
        "listen",
        "subscribe",
        "share",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")
_MIN_LANGUAGE_HITS = 5
_LANGUAGE_SAMPLE = 20000
_DATELINE_WINDOW = 3


def find_dateline(paragraphs: list[str]) -> tuple[str, str | None] | None:
    """The (place, agency) a story's first paragraphs open with, if any.

    >>> find_dateline(["NEW DELHI (Reuters) - India said on Monday..."])
    ('NEW DELHI', 'Reuters')
    >>> find_dateline(["Photo: the photographer said it was dark."]) is None
    True
    """
    for paragraph in paragraphs[:_DATELINE_WINDOW]:
        match = _DATELINE.match(paragraph)
        if not match or len(paragraph) < len(match.group(0)) + 20:
            continue
        place = match.group("place").strip()
        if not set(place.lower().replace(",", " ").split()) & _NOT_PLACES:
            return place, match.group("agency")
    return None


def detect_language(text: str) -> str | None:
    """The language whose function words are most frequent, if clearly any.

    >>> detect_language("The talks had aimed at stopping the fighting that has sent more than a million people")
    'en'
    """
    counts = dict.fromkeys(stopwords(), 0)
    languages_of = _stopword_languages()
    for word, n in Counter(_WORD.findall(text[:_LANGUAGE_SAMPLE].lower())).items():
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


def is_url(text: str) -> bool:
    """Whether `text` splits as a URL; one that does not ("http://[broken") would fail every use."""
    try:
        urlsplit(text)
    except ValueError:
        return False
    return True


def publisher_from_url(url: str | None) -> str | None:
    """The site's host name without "www.", as a last resort for `publisher`."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
