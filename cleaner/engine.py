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
from typing import TYPE_CHECKING

from cleaner import frontends, metadata
from cleaner.article import Article, Block, Caption, Removal
from cleaner.config import Config
from cleaner.frontends import Reading, decode
from cleaner.language import detect_language
from cleaner.metadata import url_site
from cleaner.profile import SiteBoilerplate
from cleaner.rules.framework import dispatch
from cleaner.rules.framework.context import Dropped, Page
from cleaner.rules.framework.fields import absorb, absorb_hit
from cleaner.rules.framework.kinds import BlockRule, Hit, LeadRule, LineRule, PageRule, Rule
from cleaner.vocab import Vocabulary

if TYPE_CHECKING:
    from cleaner.parallel import Failure

# A rule pass removes what it sees; removing it can expose more (a headline
# under a dropped label). Texts settle in two or three passes.
_MAX_PASSES = 4


@dataclass(frozen=True)
class Cleaner:
    """A reusable, picklable cleaner for one configuration."""

    config: Config = field(default_factory=Config)

    def clean(
        self, source: str | bytes, *, url: str | None = None, kind: str | None = None, site: str | None = None
    ) -> Article:
        """Clean one document; `kind` is "html" or "text", or None to tell from the input.

        `site` names the document's site in the profile when its URL does not (the folder it came from).
        """
        if url is not None and not metadata.is_url(url):
            raise ValueError(f"URL cannot be split into its parts: {url!r}")
        config = self.config.for_url(url)
        text = decode.decode(source) if isinstance(source, bytes) else source
        reading = frontends.read(text, kind=kind, url=url, config=config)
        article = _rule_passes(reading, config, config.learned(url_site(reading.article.url) or site))
        _finish(article, config.vocabulary)
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


def _rule_passes(reading: Reading, config: Config, learned: SiteBoilerplate | None) -> Article:
    """The rule pass over a reading: once, or, for a reading that settles, repeated on its own
    output (read as the body it makes) until it removes nothing more."""
    article, blocks = reading.article, reading.blocks
    if not reading.settle:
        kept, _ = _run_rules(blocks, config, article, whole_page=reading.whole_page, learned=learned)
        article.body = "\n\n".join(block.text for block in kept)
        return article
    for attempt in range(_MAX_PASSES):
        found = Article(url=article.url)
        kept, _ = _run_rules(blocks, config, found, whole_page=reading.whole_page, learned=learned, again=attempt > 0)
        _merge(article, found)
        article.body = "\n\n".join(block.text for block in kept)
        if len(kept) == len(blocks):
            break
        blocks = _as_paragraphs(kept)
    return article


def _as_paragraphs(kept: list[Block]) -> list[Block]:
    """The kept blocks as the text front end would read the body they make (one paragraph
    each, a blank line before all but the first), keeping each block's input line number.

    Changed in place: they are the pass's own blocks, which nothing else holds.
    """
    for k, block in enumerate(kept):
        block.gap_before = k > 0
    return kept


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
    block_rules = config.rules_of(BlockRule)
    _judge_blocks(page, tuple(rule for rule in block_rules if not rule.alone) if again else block_rules)
    for rule in config.rules_of(PageRule) if whole_page else ():
        for i, hit in rule(page):
            if not page.dropped[i]:
                _apply(page, rule, hit, i)
    _judge_blocks(page, config.rules_of(LeadRule))
    return [block for block, dropped in zip(blocks, page.dropped, strict=True) if not dropped], found


def _judge_blocks(page: Page, rules: tuple[LineRule, ...]) -> None:
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
    moved_to = absorb_hit(found, hit, blocks[i].text)
    for j in range(i, end):
        page.dropped[j] = Dropped(rule.family, moved_to, rule.code)
        block = blocks[j]
        for n, text in enumerate(block.input_lines):  # a record for every input line it took
            found.removals.append(Removal(rule.code, rule.name, text, moved_to, (block.line + n) or None, hit.detail))
    return end


def _merge(article: Article, found: Article) -> None:
    """Add a later pass's findings; a field already filled keeps its first value."""
    for removal in found.removals:
        if removal.moved_to:
            value = getattr(found, removal.moved_to)
            if absorb(article, removal.moved_to, value) is None:
                removal.moved_to, removal.detail = None, f"{removal.moved_to} already set"
        article.removals.append(removal)
    for name in ("published", "publisher"):
        absorb(article, name, getattr(found, name))


def _finish(article: Article, vocab: Vocabulary) -> None:
    """Fill what the kept body reveals: dateline, language, publisher, word count."""
    paragraphs = article.paragraphs
    dateline = metadata.find_dateline(paragraphs, vocab)
    if dateline:
        article.dateline = dateline[0]
        if dateline[1] and dateline[1] not in article.credits:
            article.credits.append(dateline[1])
    article.language = article.language or detect_language(article.body)
    article.publisher = article.publisher or metadata.url_site(article.url)
    article.word_count = len(article.body.split())


def clean(
    source: str | bytes,
    *,
    url: str | None = None,
    config: Config | None = None,
    kind: str | None = None,
    site: str | None = None,
) -> Article:
    """Clean one document (text or HTML, str or bytes) and return its Article."""
    cleaner = Cleaner(config) if config is not None else _default_cleaner()
    return cleaner.clean(source, url=url, kind=kind, site=site)


@cache
def _default_cleaner() -> Cleaner:
    """One Cleaner for every call without a config: its compiled vocabulary and rule plans are reused."""
    return Cleaner()


__all__ = ["Article", "Caption", "Cleaner", "clean"]
