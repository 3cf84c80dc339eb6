"""Putting what a rule found into the Article: one function for every rule kind and front end."""

from __future__ import annotations

from typing import Any

from cleaner.article import Article
from cleaner.rules.framework.kinds import Hit

LIST_FIELDS = frozenset({"authors", "captions", "credits", "tags"})


def absorb(article: Article, name: str | None, value: Any) -> str | None:
    """Put a value into the field `name`; returns the name, or None when it already held another value.

    A list field gains the items it lacks; any other field is set only while empty.

    >>> article = Article(title="Storm hits coast")
    >>> absorb(article, "authors", ["Jane Doe"]), absorb(article, "title", "Other"), article.authors
    ('authors', None, ['Jane Doe'])
    """
    if name is None:
        return None
    if name in LIST_FIELDS:
        current = getattr(article, name)
        held = set(current)  # the items are strings and frozen captions
        for item in value if isinstance(value, list) else [value]:
            if item not in held:
                held.add(item)
                current.append(item)
        return name
    if getattr(article, name) in (None, ""):
        setattr(article, name, value)
        return name
    return name if getattr(article, name) == value else None


def absorb_hit(article: Article, hit: Hit, text: str) -> str | None:
    """Move what a hit found into the article (its value, or the removed `text` itself, and its
    `meta` fields); returns the field the text moved to, or None when it was only dropped."""
    if hit.moved_to is None and not hit.meta:  # most hits: the text is only dropped
        return None
    moved_to = absorb(article, hit.moved_to, moved_value(hit, text))
    for key, value in hit.meta.items():
        absorb(article, key, value)
    return moved_to


def moved_value(hit: Hit, text: str) -> Any:
    """What a hit moves to its field: its value, or the removed `text` itself."""
    return text if hit.value is None else hit.value
