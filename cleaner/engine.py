"""Cleaner: front end -> blocks -> rules -> metadata -> Article.

The rule pass is repeated on its own output until nothing more is removed,
so cleaning is idempotent by construction: `clean(clean(x).body)` keeps
every paragraph of `clean(x).body`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleaner import metadata
from cleaner.article import Article, Block, Caption, Removal
from cleaner.config import Config
from cleaner.frontends import text as text_frontend
from cleaner.rules.page import Page

# A rule pass removes what it sees; removing it can expose more (a headline
# under a dropped label). Texts settle in two or three passes.
_MAX_PASSES = 4
_LIST_FIELDS = frozenset({"authors", "captions", "credits", "tags"})


@dataclass(frozen=True)
class Cleaner:
    """A reusable, picklable cleaner for one configuration."""

    config: Config = field(default_factory=Config)

    def clean(self, text: str, *, url: str | None = None) -> Article:
        config = self.config.for_url(url)
        article = Article(url=url)
        blocks = text_frontend.to_blocks(text)
        for _ in range(_MAX_PASSES):
            kept, found = _run_rules(blocks, config)
            _merge(article, found)
            article.body = "\n\n".join(block.text for block in kept)
            if len(kept) == len(blocks):
                break
            blocks = text_frontend.to_blocks(article.body)
        _finish(article)
        return article


def _run_rules(blocks: list[Block], config: Config) -> tuple[list[Block], Article]:
    """One pass of every enabled rule over the blocks: the kept blocks, and what was found.

    Each pass starts from an empty Article, so it judges its input exactly as
    a fresh `clean()` of that text would.
    """
    found = Article()
    page = Page(blocks, config.vocabulary, article=found)
    rules = config.rules
    kept: list[Block] = []
    i = 0
    while i < len(blocks):
        hit = None
        for rule in rules:
            hit = rule.check(page, i)
            if hit is not None:
                break
        if hit is None:
            kept.append(blocks[i])
            page.kept += 1
            i += 1
            continue
        end = min(i + max(hit.span, 1), len(blocks))
        moved_to = _absorb(found, hit.moved_to, blocks[i].text if hit.value is None else hit.value)
        for key, value in hit.meta.items():
            _absorb(found, key, value)
        for j in range(i, end):
            page.dropped[j] = True
            if moved_to:
                page.moved[j] = moved_to
            found.removals.append(
                Removal(rule.code, rule.name, blocks[j].text, moved_to, blocks[j].line or None, hit.detail)
            )
        i = end
    return kept, found


def _absorb(article: Article, name: str | None, value: Any) -> str | None:
    """Put a value into the field `name`; returns the name, or None when it already held another value."""
    if name is None:
        return None
    if name in _LIST_FIELDS:
        current = getattr(article, name)
        current.extend(item for item in (value if isinstance(value, list) else [value]) if item not in current)
        return name
    if getattr(article, name) in (None, ""):
        setattr(article, name, value)
        return name
    return name if getattr(article, name) == value else None


def _merge(article: Article, found: Article) -> None:
    """Add a later pass's findings; a field already filled keeps its first value."""
    for removal in found.removals:
        if removal.moved_to:
            value = getattr(found, removal.moved_to)
            if _absorb(article, removal.moved_to, value) is None:
                removal.moved_to, removal.detail = None, f"{removal.moved_to} already set"
        article.removals.append(removal)
    for name in ("published", "publisher"):
        _absorb(article, name, getattr(found, name))


def _finish(article: Article) -> None:
    """Fill what the kept body reveals: dateline, language, publisher, word count."""
    paragraphs = article.paragraphs
    dateline = metadata.find_dateline(paragraphs)
    if dateline:
        article.dateline = dateline[0]
        if dateline[1] and dateline[1] not in article.credits:
            article.credits.append(dateline[1])
    article.language = metadata.detect_language(article.body)
    article.publisher = article.publisher or metadata.publisher_from_url(article.url)
    article.word_count = len(article.body.split())


def clean(text: str, *, url: str | None = None, config: Config | None = None) -> Article:
    """Clean one document and return its Article."""
    return Cleaner(config or Config()).clean(text, url=url)


__all__ = ["Article", "Caption", "Cleaner", "clean"]
