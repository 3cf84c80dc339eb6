"""Cleaner: front end -> blocks -> rules -> metadata -> Article.

Text: the rule pass is repeated on its own output (read as the body it
makes) until nothing more is removed, so cleaning is idempotent by
construction: `clean(clean(x).body)` keeps every paragraph of
`clean(x).body`. Every removal keeps the input line it came from.

HTML: the front end prunes the page, extracts the main content and seeds
the Article with the page's metadata; one rule pass then runs with that
Article in view, so a title known from the markup is never replaced by a
body line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from cleaner import metadata
from cleaner.article import Article, Block, Caption, Removal
from cleaner.config import Config
from cleaner.corpus import SiteBoilerplate, url_site
from cleaner.frontends import decode
from cleaner.frontends import text as text_frontend
from cleaner.rules import dispatch
from cleaner.rules.page import Page
from cleaner.rules.registry import Hit, Rule

if TYPE_CHECKING:
    from cleaner.parallel import Failure

# A rule pass removes what it sees; removing it can expose more (a headline
# under a dropped label). Texts settle in two or three passes.
_MAX_PASSES = 4
_LIST_FIELDS = frozenset({"authors", "captions", "credits", "tags"})


@dataclass(frozen=True)
class Cleaner:
    """A reusable, picklable cleaner for one configuration."""

    config: Config = field(default_factory=Config)

    def clean(
        self,
        source: str | bytes,
        *,
        url: str | None = None,
        kind: str | None = None,
        site: str | None = None,
        encoding: str | None = None,
    ) -> Article:
        """Clean one document; `kind` is "html" or "text", or None to tell from the input.

        `site` names the document's site in the profile when its URL does not (the folder it came from).
        `encoding` is the charset declared for bytes outside them (an HTTP Content-Type): it outranks
        the page's own declaration, but not a byte order mark or valid UTF-8.
        """
        if url is not None and not metadata.is_url(url):
            raise ValueError(f"URL cannot be split into its parts: {url!r}")
        config = self.config.for_url(url)
        text = decode.decode(source, encoding) if isinstance(source, bytes) else decode.without_nul(source)
        if kind is None:
            kind = "html" if decode.looks_like_html(text) else "text"
        if kind == "html":
            return _clean_html(text, url, site, config)
        if kind != "text":
            raise ValueError(f"kind must be 'html', 'text' or None, not {kind!r}")
        article = Article(url=url)
        blocks = text_frontend.to_blocks(text)
        learned = config.learned(url_site(url) or site)
        for attempt in range(_MAX_PASSES):
            kept, found = _run_rules(blocks, config, Article(url=url), learned=learned, again=attempt > 0)
            _merge(article, found)
            article.body = "\n\n".join(block.text for block in kept)
            if len(kept) == len(blocks):
                break
            blocks = _as_paragraphs(kept)
        _finish(article)
        return article

    def clean_many(
        self, items: Iterable[str | bytes], *, jobs: int | None = None, kind: str | None = None
    ) -> Iterator[Article | Failure]:
        """Clean many documents on `jobs` worker processes (default: all cores), yielding
        Articles in input order.

        A document that fails or passes the config's time or memory limit yields a
        `Failure` with the reason in its place, so one bad input never stops the iteration.
        """
        from cleaner.parallel import Pool

        jobs = jobs or os.cpu_count() or 1
        with Pool(_CleanOne(self, kind), jobs, self.config.timeout, self.config.memory_limit(jobs)) as pool:
            for _, result in pool.map(items):
                yield result


@dataclass(frozen=True)
class _CleanOne:
    """Picklable `cleaner.clean(item, kind=kind)` for the worker processes."""

    cleaner: Cleaner
    kind: str | None

    def __call__(self, item: str | bytes) -> Article:
        return self.cleaner.clean(item, kind=self.kind)


def _as_paragraphs(kept: list[Block]) -> list[Block]:
    """The kept blocks as the text front end would read the body they make (one paragraph
    each, a blank line before all but the first), keeping each block's input line number.

    Renumbered in place: they are the pass's own blocks, which nothing else holds.
    """
    for k, block in enumerate(kept):
        block.index, block.gap_before = k, k > 0
    return kept


def _clean_html(html: str, url: str | None, site: str | None, config: Config) -> Article:
    from cleaner.frontends import html as html_frontend

    page = html_frontend.read(html, url=url, rules=config.rules_in_scope("node"))
    learned = config.learned(url_site(page.article.url) or site)
    kept, article = _run_rules(page.blocks, config, page.article, whole_page=not page.extracted, learned=learned)
    article.body = "\n\n".join(block.text for block in kept)
    _finish(article)
    return article


def _run_rules(
    blocks: list[Block],
    config: Config,
    found: Article | None = None,
    *,
    whole_page: bool = True,
    learned: SiteBoilerplate | None = None,
    again: bool = False,
) -> tuple[list[Block], Article]:
    """One pass of every enabled rule over the blocks: the kept blocks, and what was found.

    Block rules judge each block; page rules then judge the page as a whole
    (the main-content run of a whole-page dump); lead rules last take the
    headline and standfirst from the top of what is left. A text pass starts
    from an empty Article, so it judges its input exactly as a fresh
    `clean()` of that text would; an HTML pass starts from the Article the
    page's markup seeded, and skips the page rules (`whole_page=False`) when
    the front end has already extracted the main content. `learned` is the
    profile's boilerplate for the document's site. `again` says the blocks are
    what a previous pass kept: every block rule let each of them through, so
    the rules that judge a line alone are not asked again.
    """
    found = Article() if found is None else found
    page = Page(blocks, config.vocabulary, article=found, learned=learned)
    block_rules = config.rules_in_scope("block")
    _judge_blocks(page, tuple(rule for rule in block_rules if not rule.alone) if again else block_rules)
    for rule in config.rules_in_scope("page") if whole_page else ():
        for i, hit in rule.check(page):
            if not page.dropped[i]:
                _apply(page, rule, hit, i)
    _judge_blocks(page, config.rules_in_scope("lead"))
    return [block for block, dropped in zip(blocks, page.dropped, strict=True) if not dropped], found


def _judge_blocks(page: Page, rules: tuple[Rule, ...]) -> None:
    """Try the rules on every block still kept, in order; the first hit wins.

    Only the rules whose gates may admit a block are called, a verdict that depends on
    the line's text alone is not asked twice, and rules of the top of the page stop
    being asked below it (`dispatch.RulePlan`).
    """
    plan = dispatch.plan_for(page, rules)
    page.kept = 0
    i = 0
    while plan is not None and i < len(page.blocks):
        if page.kept >= plan.reach:
            plan = plan.beyond
        elif page.dropped[i]:
            i += 1
        elif found := plan.first_hit(page, i):
            i = _apply(page, *found, i)
        else:
            page.kept += 1
            i += 1


def _apply(page: Page, rule: Rule, hit: Hit, i: int) -> int:
    """Drop the blocks a hit covers, record each removal, move its value; returns the next index."""
    found, blocks = page.article, page.blocks
    end = min(i + max(hit.span, 1), len(blocks))
    moved_to = _absorb(found, hit.moved_to, blocks[i].text if hit.value is None else hit.value)
    for key, value in hit.meta.items():
        _absorb(found, key, value)
    for j in range(i, end):
        page.dropped[j] = rule.family
        if moved_to:
            page.moved[j] = moved_to
        found.removals.append(
            Removal(rule.code, rule.name, blocks[j].text, moved_to, blocks[j].line or None, hit.detail)
        )
    return end


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
    article.language = article.language or metadata.detect_language(article.body)
    article.publisher = article.publisher or metadata.publisher_from_url(article.url)
    article.word_count = len(article.body.split())


def clean(
    source: str | bytes,
    *,
    url: str | None = None,
    config: Config | None = None,
    kind: str | None = None,
    site: str | None = None,
    encoding: str | None = None,
) -> Article:
    """Clean one document (text or HTML, str or bytes) and return its Article; see `Cleaner.clean`."""
    cleaner = Cleaner(config) if config is not None else _default_cleaner()
    return cleaner.clean(source, url=url, kind=kind, site=site, encoding=encoding)


@cache
def _default_cleaner() -> Cleaner:
    """One Cleaner for every call without a config: its compiled vocabulary and rule plans are reused."""
    return Cleaner()


__all__ = ["Article", "Caption", "Cleaner", "clean"]
