"""People's and organisations' names as pages print them: in bylines, author fields, credit lines.

One place for what a name looks like, so that the byline rules and the page's metadata agree.
"""

from __future__ import annotations

import re

# Hyphenated, apostrophied and dotted names: "Jean-Luc", "O'Neil", "J.R.R."
_NAME_TOKEN = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|[a-z]{1,3}|[A-Z]\.)$")
# "A, B and C": leading whitespace is taken from the start of its run only (no rescan per space).
_NAME_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*")
_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "van", "von", "der", "den", "la", "le", "du", "bin", "al", "el", "del", "dos", "ter"}
)
# A credit line: a name of two to four words, then a role or credentials after a comma or a bar.
_CREDIT_LINE = re.compile(r"^([^,|]+)\s*[,|]\s*\S")
_MAX_PERSON_WORDS = 4


def is_name_list(text: str, *, max_words: int = 12) -> bool:
    """True for a short run of capitalised names: "John Smith and Jane Doe".

    >>> is_name_list("Jane Doe and John O'Neil")
    True
    >>> is_name_list("the time the troops arrived")
    False
    """
    tokens = [t.strip(",;&") for t in text.replace(" and ", " , ").replace(" und ", " , ").split()]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > max_words:
        return False
    capitalised = 0
    for token in tokens:
        if token[0].isupper():
            capitalised += 1
        elif token.lower() not in _NAME_PARTICLES:
            return False
        if not _NAME_TOKEN.match(token) and not token[0].isupper():
            return False
    return capitalised >= 1 and capitalised >= len(tokens) - 2


def split_names(text: str) -> list[str]:
    """Split "A, B and C" into names."""
    parts = _NAME_SEPARATOR.split(text)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def is_credit_line(text: str) -> bool:
    """A line crediting a person: a name, alone or followed by a role or credentials.

    >>> is_credit_line("Dylan Bailey, MS, RD, FAND"), is_credit_line("Audrey Huang | Managing Editor")
    (True, True)
    >>> is_credit_line("Rahul Tyagi"), is_credit_line("Top 10 Health and Nutrition Trends to Watch")
    (True, False)
    """
    found = _CREDIT_LINE.match(text)
    name = (found.group(1) if found else text).strip()
    n = len(name.split())
    if found is None and n > 3:  # a name alone of four capitalised words reads as a title as often
        return False
    return 2 <= n <= _MAX_PERSON_WORDS and is_name_list(name, max_words=_MAX_PERSON_WORDS)
