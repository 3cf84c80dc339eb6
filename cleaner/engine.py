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
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from cleaner import dates, frontends, metadata
from cleaner.article import Article, Block, Caption, Removal, body_paragraphs
from cleaner.config import Config
from cleaner.frontends import Reading, decode
from cleaner.frontends.headline import without_joined_trail, without_label, without_site_suffix
from cleaner.io import Fields, utf8
from cleaner.language import count_words, detect_language
from cleaner.metadata import url_site
from cleaner.pagemodel.slug import url_title
from cleaner.profile import SiteBoilerplate, site_boilerplate
from cleaner.records import clean_document, document_of, output_record, record_id
from cleaner.rules.framework import dispatch
from cleaner.rules.framework.context import Dropped, Page
from cleaner.rules.framework.fields import absorb, absorb_hit, moved_value
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

    def __post_init__(self) -> None:
        """A settings mapping, as a config file holds them, is read here, so a wrong key fails now, not at a clean."""
        if isinstance(self.config, Mapping):
            object.__setattr__(self, "config", Config.from_mapping(self.config))
        elif not isinstance(self.config, Config):
            raise TypeError(f"config must be a Config or a mapping of settings, not {type(self.config).__name__}")

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
        the page's own declaration, but not a byte order mark or valid UTF-8. A document larger than
        the config's `max_bytes` raises `ValueError`.
        """
        if not isinstance(source, str | bytes):
            raise TypeError(f"the document must be str or bytes (text or HTML), not {type(source).__name__}")
        if url is not None and not isinstance(url, str):
            raise TypeError(f"the URL must be a str, not {type(url).__name__}")
        if url is not None and not metadata.is_url(url):
            raise ValueError(f"URL cannot be split into its parts: {url!r}")
        if _size(source, self.config.max_bytes) > self.config.max_bytes:
            raise ValueError(f"larger than max_bytes ({self.config.max_bytes} bytes)")
        config = self.config.for_url(url)
        text = decode.decode(source, encoding) if isinstance(source, bytes) else decode.as_read(source)
        reading = frontends.read(text, kind=kind, url=url, config=config)
        learned = site_boilerplate(config.profile, url_site(reading.article.url) or site)
        article = _rule_passes(reading, config, learned)
        _finish(article, config.vocabulary, reading.blocks)
        return article

    def clean_many(
        self,
        items: Iterable[str | bytes | Mapping[str, Any]],
        *,
        jobs: int | None = None,
        kind: str | None = None,
        text_field: str = "text",
        html_field: str = "html",
        url_field: str = "url",
        id_field: str = "id",
    ) -> Iterator[Article | Failure]:
        """Clean many documents on `jobs` worker processes (default: all cores), yielding
        Articles in input order.

        An item is a text or page (str or bytes; `kind` as in `clean`), or a record: a mapping
        read as a JSONL stream's records are (`clean_record`), whose URL field gives its URL.
        A document that fails or passes the config's time or memory limit yields a `Failure`
        with the reason (and a record's id) in its place, so one bad input never stops the iteration;
        an exception the iterable itself raises comes after the results of the items it gave.
        """
        from cleaner.parallel import Failure, Pool

        fields = Fields(text_field, html_field, id_field, url_field)
        jobs = jobs or os.cpu_count() or 1
        given = _UntilRaised(items)
        with Pool(_CleanOne(self, kind, fields), jobs, self.config.timeout, self.config.memory_limit(jobs)) as pool:
            for item, result in pool.map(given):
                if isinstance(result, Failure) and (named := record_id(item, fields)) is not None:
                    result = replace(result, id=named)
                yield result
        if given.error is not None:
            raise given.error


class _UntilRaised:
    """The items of an iterable up to an exception it raises, kept in `error`: `clean_many` yields
    the result of every item taken before it (a worker pool reads ahead), then raises it."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items
        self.error: Exception | None = None

    def __iter__(self) -> Iterator[Any]:
        try:
            yield from self.items
        except Exception as error:
            self.error = error


@dataclass(frozen=True)
class _CleanOne:
    """Picklable: clean one item of `clean_many` in a worker process."""

    cleaner: Cleaner
    kind: str | None
    fields: Fields

    def __call__(self, item: str | bytes | Mapping[str, Any]) -> Article:
        return clean_document(self.cleaner, document_of(item, "item", self.fields), kind=self.kind)


def _rule_passes(reading: Reading, config: Config, learned: SiteBoilerplate | None) -> Article:
    """The rule pass over a reading: once, or, for a reading that settles, repeated on its own
    output (read as the body it makes) until it removes nothing more."""
    article, blocks = reading.article, reading.blocks
    if not reading.settle:
        kept, _ = _run_rules(blocks, config, article, whole_page=reading.whole_page, learned=learned)
        _keep(article, kept)
        return article
    unchanged = None
    for _ in range(_MAX_PASSES):
        found = Article(url=article.url)
        kept, _ = _run_rules(blocks, config, found, whole_page=reading.whole_page, learned=learned, unchanged=unchanged)
        _merge(article, found)
        _keep(article, kept)
        if len(kept) == len(blocks):
            break
        unchanged = _unchanged_ahead(blocks, kept)
        blocks = _as_paragraphs(kept)
    return article


def _unchanged_ahead(blocks: list[Block], kept: list[Block]) -> list[int]:
    """For each kept block, how many blocks after it still follow it once the others are gone:
    up to the first one removed after it, or all of them (sys.maxsize) when none was.

    >>> a, b, c, d = (Block(text) for text in "abcd")
    >>> _unchanged_ahead([a, b, c, d], [a, b, d])
    [1, 0, 9223372036854775807]
    """
    kept_ids = {id(block) for block in kept}
    ahead, distance = [], sys.maxsize
    for block in reversed(blocks):
        if id(block) in kept_ids:
            ahead.append(distance)
            distance = distance if distance == sys.maxsize else distance + 1
        else:
            distance = 0
    return ahead[::-1]


def _keep(article: Article, kept: list[Block]) -> None:
    """The kept blocks become the body, each a paragraph (a code element's lines one), and stay on the
    Article for Markdown."""
    article.body = "\n\n".join(body_paragraphs(kept))
    article.blocks = kept


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
    unchanged: list[int] | None = None,
) -> tuple[list[Block], Article]:
    """One pass of every enabled rule over the blocks: the kept blocks, and what was found.

    Block rules judge each block; page rules then judge the page as a whole
    (the main-content run of a whole-page dump); lead rules last take the
    headline and standfirst from the top of what is left. A text pass starts
    from an empty Article, so it judges its input exactly as a fresh
    `clean()` of that text would; an HTML pass starts from the Article the
    page's markup seeded, and skips the page rules (`whole_page=False`) when
    the front end has already extracted the main content. `learned` is the
    profile's boilerplate for the document's site.

    `unchanged` says the blocks are what a previous pass kept, and for each how many
    blocks after it are still those that followed it then (`_unchanged_ahead`). Every
    block rule let each block through in that pass, and a rule says the same again
    where nothing it reads changed: so the rules that judge a block alone are not asked
    again, nor the rules that read a few blocks ahead (`LineRule.reads_ahead`) about a
    block whose followers within their reach are unchanged. (A gate depends on the
    block alone, but for the top of the page, and no rule that reads ahead has a `top`:
    it reads the page's kept count. So such a rule was asked about the block in that
    pass, with the same blocks in reach, and found nothing.)
    """
    found = Article() if found is None else found
    page = Page(blocks, config.vocabulary, article=found, learned=learned)
    block_rules = config.rules_of(BlockRule)
    if unchanged is None:
        _judge_blocks(page, block_rules)
    else:
        _judge_blocks(page, tuple(rule for rule in block_rules if not rule.alone), unchanged)
    for rule in config.rules_of(PageRule) if whole_page else ():
        for i, hit in rule(page):
            if not page.dropped[i]:
                _apply(page, rule, hit, i)
    _judge_blocks(page, config.rules_of(LeadRule))
    return [block for block, dropped in zip(blocks, page.dropped, strict=True) if not dropped], found


def _judge_blocks(page: Page, rules: tuple[LineRule, ...], unchanged: list[int] | None = None) -> None:
    """Try the rules on every block still kept, in order; the first hit wins.

    Only the rules whose gates may admit a block are called, a verdict that depends on
    the line's text alone is not asked twice, and rules of the top of the page stop
    being asked below it (`dispatch.RulePlan`). With `unchanged` (a later pass, see
    `_run_rules`), a rule that reads no further ahead than block i's unchanged followers
    is not asked about it.
    """
    plan = dispatch.plan_for(page, rules)
    page.kept = 0
    i = 0
    while plan is not None and i < len(page.blocks):
        if page.kept >= plan.reach:
            plan = plan.beyond
        elif page.dropped[i]:
            i += 1
        elif found := plan.first_hit(page, i, -1 if unchanged is None else unchanged[i]):
            i = _apply(page, *found, i)
        else:
            page.kept += 1
            i += 1


def _apply(page: Page, rule: Rule, hit: Hit, i: int) -> int:
    """Drop the blocks a hit covers, record each removal, move its value; returns the next index."""
    blocks, removals = page.blocks, page.article.removals
    end = min(i + max(hit.span, 1), len(blocks))
    moved_to = absorb_hit(page.article, hit, blocks[i].text)
    dropped = Dropped(rule.family, moved_to, rule.code, moved_value(hit, blocks[i].text) if moved_to else None)
    for j in range(i, end):
        page.dropped[j] = dropped
        block = blocks[j]
        for n, text in enumerate(block.input_lines):  # a record for every input line it took
            removals.append(Removal(rule.code, rule.name, text, moved_to, (block.line + n) or None, hit.detail))
    return end


def _merge(article: Article, found: Article) -> None:
    """Add a later pass's findings; a field already filled keeps its first value."""
    taken: dict[str, str | None] = {}  # each field's value is added once, however many removals moved to it
    for removal in found.removals:
        if removal.moved_to:
            if removal.moved_to not in taken:
                taken[removal.moved_to] = absorb(article, removal.moved_to, getattr(found, removal.moved_to))
            if taken[removal.moved_to] is None:
                removal.moved_to, removal.detail = None, f"{removal.moved_to} already set"
        article.removals.append(removal)
    for name in ("published", "publisher", "credits"):  # what a hit's `meta` sets besides its own field
        absorb(article, name, getattr(found, name))


def _finish(article: Article, vocab: Vocabulary, blocks: list[Block]) -> None:
    """Fill what the kept body, the document's `blocks` and the address reveal: dateline, the
    headline the URL names where no rule took one or the one taken holds none of its words (it
    stays where it stood), the title without a label before it ("Title:"), a breadcrumb trail before
    it or the site's name after it, the URL's date, language, publisher, word count."""
    paragraphs = article.paragraphs
    dateline = metadata.find_dateline(paragraphs, vocab)
    if dateline:
        article.dateline = dateline[0]
        if dateline[1] and dateline[1] not in article.credits:
            article.credits.append(dateline[1])
    lines = [block.text for block in blocks]
    title = url_title(article.title, lines, article.url)
    if article.title and title != article.title:
        for removal in article.removals:
            if removal.moved_to == "title":
                removal.moved_to, removal.detail = None, "the URL names another headline"
    title = without_site_suffix(without_label(title, vocab), url_site(article.url))
    article.title = without_joined_trail(title, lines, vocab)
    # A date the story's URL states is its publication date: on WCXB it was right on all 37 pages with one.
    article.published = dates.url_date(article.url) or article.published
    article.language = article.language or detect_language(article.body)
    article.publisher = article.publisher or metadata.url_site(article.url)
    article.word_count = count_words(article.body)


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


def clean_record(
    record: Mapping[str, Any],
    *,
    config: Config | None = None,
    text_field: str = "text",
    html_field: str = "html",
    url_field: str = "url",
    id_field: str = "id",
) -> dict[str, Any]:
    """Clean one record as `cleaner clean` cleans a JSONL line: every field kept, the text field
    replaced by the clean body, the Article's metadata under `metadata.cleaner`; a record that
    cannot be cleaned keeps its fields and gains `cleaner_error`.

    >>> clean_record({"id": 1, "text": "Headline of the story\\n\\nThe body.\\n\\nAdvertisement"})["text"]
    'The body.'
    """
    cleaner = Cleaner(config) if config is not None else _default_cleaner()
    fields = Fields(text_field, html_field, id_field, url_field)
    return output_record(cleaner, document_of(record, "record", fields), fields)


def _size(source: str | bytes, limit: int) -> int:
    """The document's size in bytes, as read from a file; a str is encoded only when its length
    alone cannot tell it is within `limit` (a character is four bytes at most)."""
    if isinstance(source, bytes) or len(source) > limit:
        return len(source)
    return len(utf8(source)) if 4 * len(source) > limit else len(source)


@cache
def _default_cleaner() -> Cleaner:
    """One Cleaner for every call without a config: its compiled vocabulary and rule plans are reused."""
    return Cleaner()


__all__ = ["Article", "Caption", "Cleaner", "clean", "clean_record"]
