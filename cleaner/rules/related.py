"""Links to other stories: related/recent/trending lists, "Also read" lines, "Read more"."""

from __future__ import annotations

import re
from itertools import pairwise

from cleaner.dates import find_date, has_time
from cleaner.rules.markup import is_content_markup
from cleaner.rules.page import Page
from cleaner.rules.registry import Gate, Hit, rule
from cleaner.rules.shapes import is_headline_like, is_separator, word_count

# "Also read | ...", "ALSO READ: ...", "Read more - ...", "READ: ..."
_INLINE_SEPARATOR = re.compile(r"\s*(?:\||:|–|—|-|»|>|•)\s*\S")
_MAX_LIST_ITEMS = 60


# A header naming its list's source ("More in Politics") holds a few words after its opener.
_MAX_SOURCE_HEADER_WORDS = 6


@rule("REL001", "related-list", "related", gate=Gate(max_chars=120, phrases=("related_headers", "related_sources")))
def related_list(page: Page, i: int) -> Hit | None:
    """Removes: a header such as "RECENT STORIES", "Related articles", "You may also like",
    "Trending", "Most read", "Lesen Sie auch", "À lire aussi", "Te puede interesar", or one
    naming the section or site the list comes from ("More in Politics", "More from The
    Times", "Mehr aus Berlin", "Lo último en Deportes"), and the run of headline-like lines (with
    or without "-" separators) that follows it.

    Why: these lists of other stories' headlines close most news pages; each item looks
    like a short line of text, so only the header tells them apart from the body.

    False positives: a body section headed "Related" followed by short items; the run stops
    at the first line that reads as a sentence, so body prose after the list stays, and a
    list of adjacent lines stops at a blank line.

    Example: "RECENT STORIES" then "BAFTA 2026: ... -", "-", "Madhubala Death Anniversary..."
    -> all dropped; so are "More in Politics" and the headlines under it.
    """
    if not _is_related_header(page, page.blocks[i].text):
        return None
    end = i + 1
    blocks = page.blocks
    # A list whose first item follows the header directly is a run of adjacent lines:
    # a blank line ends it, so the credit or tag line under it is left to its own rule.
    spaced = end < len(blocks) and blocks[end].gap_before
    while end < len(blocks) and end - i <= _MAX_LIST_ITEMS:
        text = blocks[end].text
        if not (is_separator(text) or is_headline_like(text)) or (blocks[end].gap_before and not spaced):
            break
        end += 1
    if end == i + 1 and end < len(blocks):
        # A lone header with body text after it is a heading, not a list.
        return None
    return Hit(span=end - i, detail=f"header and {end - i - 1} items")


def _is_related_header(page: Page, text: str) -> bool:
    """A header of a list of other stories: a phrase of its own ("Related articles"), or
    an opener that names the section or site the list comes from ("More in Politics")."""
    if page.vocab.line_is("related_headers", text):
        return True
    opener = page.vocab.starts("related_sources", text)
    return (
        opener is not None
        and word_count(text[opener.end() :]) >= 1
        and word_count(text) <= _MAX_SOURCE_HEADER_WORDS
        and is_headline_like(text)
    )


@rule("REL002", "also-read-line", "related", gate=Gate(phrases=("also_read",)), alone=True)
def also_read_line(page: Page, i: int) -> Hit | None:
    """Removes: a single line that points to another story ("Also read | Putin warns...",
    "READ MORE: ...", "Lesen Sie auch: ...", "Lire aussi : ...", "Lee también: ...").

    Why: editors drop these links between paragraphs; they are other stories' headlines.

    False positives: a body sentence that begins "Read: " as part of a quotation or a list
    of instructions; the link text must be headline-shaped (no full stop, 30 words at most).
    On HTML a line in code, a table row or a quotation is kept.

    Example: "Also Read | Russia-Ukraine war: Kyiv braces for assault" -> dropped.
    """
    block = page.blocks[i]
    text = block.text
    start = page.vocab.starts("also_read", text)
    if not start or is_content_markup(block):
        return None
    rest = text[start.end() :]
    separator = _INLINE_SEPARATOR.match(rest)
    if not separator or not is_headline_like(rest[separator.end() - 1 :]):
        return None
    return Hit()


@rule("REL003", "read-more-link", "related", gate=Gate(max_words=8, phrases=("read_more",)), alone=True)
def read_more_link(page: Page, i: int) -> Hit | None:
    """Removes: a line that only invites the reader to go on elsewhere ("Read more",
    "Continue reading", "Read the full story", "Weiterlesen", "Lire la suite", "Leer más").

    Why: teaser links and "continue" buttons survive as one-line paragraphs.

    False positives: none known; the whole line must be the phrase.

    Example: "Continue reading →" -> dropped.
    """
    text = page.blocks[i].text
    if word_count(text) <= 8 and page.vocab.line_is("read_more", text):
        return Hit()
    return None


# Lines a block rule dropped that stamp a teaser with its author or date.
_STAMP_FAMILIES = frozenset({"bylines", "timestamps"})
# A river of teasers holds at least this many items, each at most this many lines long
# (headline, author, date, blurb), stamped at the same place in each.
_RIVER_MIN_ITEMS = 3
_RIVER_MAX_ITEM_LINES = 5
# Each item's headline has at least this many words (a table's cells, "Yes" or "|", do not).
_HEADLINE_MIN_WORDS = 2


@rule("REL004", "teaser-river", "related", scope="page")
def teaser_river(page: Page) -> list[tuple[int, Hit]]:
    """Removes: a river of teasers, three or more items in a row that each hold a
    headline and a byline or date (a block rule already dropped those), often a one-line
    blurb, the stamp at the same place in every item and under the item's headline.

    Why: a teaser's headline and blurb read like text, so they would join the article's
    run; the rhythm of stamped items tells the list apart from the article, whose
    paragraphs carry no byline each.

    False positives: an article made of short items each signed or dated at the same
    place under a heading (a page of short dispatches). A listicle's items carry no
    stamps, and readers' reviews and comments open on their author and date, with no
    headline above the first: both are kept. Durations ("Under 2 minutes") stamp no teaser.

    Example: "Council approves budget" / "By Jane Doe" / "2 March 2024", three times over
    after the article -> the headlines dropped (the byline and date by their own rules).
    """
    hits = []
    for start, end in _rivers(page):
        detail = f"teaser river of {end - start} lines"
        hits.extend((i, Hit(detail=detail)) for i in range(start, end))
    return hits


def _stamps(page: Page) -> list[tuple[int, int]]:
    """(start, end) of each group of adjacent lines dropped as a byline, a date or a time."""
    groups: list[tuple[int, int]] = []
    for i, family in enumerate(page.dropped):
        if family not in _STAMP_FAMILIES or not _is_stamp(page.blocks[i].text, family):
            continue
        if groups and groups[-1][1] == i:
            groups[-1] = (groups[-1][0], i + 1)
        else:
            groups.append((i, i + 1))
    return groups


def _is_stamp(text: str, family: str) -> bool:
    """A byline, or a timestamp holding a date or a clock time (not a duration)."""
    return family == "bylines" or find_date(text) is not None or has_time(text)


def _rivers(page: Page) -> list[tuple[int, int]]:
    """(start, end) of each river: stamps of one length at an even step, the first under its
    item's headline."""
    found = []
    chain: list[tuple[int, int]] = []
    for stamp in [*_stamps(page), (-1, -1)]:
        if chain and not _continues(page, chain, stamp):
            span = _river_span(page, chain) if len(chain) >= _RIVER_MIN_ITEMS else None
            if span is not None:
                found.append(span)
            chain = []
        if stamp[0] >= 0:
            chain.append(stamp)
    return found


def _continues(page: Page, chain: list[tuple[int, int]], stamp: tuple[int, int]) -> bool:
    """Whether `stamp` stamps the chain's next item: as long as the others, one step on,
    with a headline between."""
    last = chain[-1]
    step = stamp[0] - last[0]
    if stamp[1] - stamp[0] != last[1] - last[0] or not last[1] < stamp[0] <= last[0] + _RIVER_MAX_ITEM_LINES:
        return False
    if len(chain) > 1 and step != last[0] - chain[-2][0]:
        return False
    return any(_is_headline(block.text) for block in page.blocks[last[1] : stamp[0]])


def _is_headline(text: str) -> bool:
    """A teaser's headline or author: headline-shaped, and more than a table cell."""
    return is_headline_like(text) and word_count(text) >= _HEADLINE_MIN_WORDS


def _river_span(page: Page, chain: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The lines of a river, from its first item's head to its last item's tail; None when
    the first item has no head.

    The lines between two stamps have one shape (headline or not) at each place. The first
    item's head is the lines above its stamp in that shape, topped by a headline: an item
    that opens on its stamp, its title below (a reader's review, a comment), is no teaser.
    The last item's tail is the places left, in their shape.
    """
    gaps = [[is_headline_like(b.text) for b in page.blocks[a[1] : b[0]]] for a, b in pairwise(chain)]
    width = len(gaps[0])
    shape = [sum(gap[k] for gap in gaps) * 2 > len(gaps) for k in range(width)]
    first, last = chain[0][0], chain[-1][1]
    start = first
    while first - start < width and start > 0 and _fits(page, start - 1, shape[width - (first - start) - 1]):
        start -= 1
    while start < first and not shape[width - (first - start)]:
        start += 1
    if start == first:
        return None
    end = last
    while end - last < width - (first - start) and end < len(page.blocks) and _fits(page, end, shape[end - last]):
        end += 1
    return start, end


def _fits(page: Page, i: int, headline: bool) -> bool:
    """Whether line i is kept and has the shape (headline or not) of its place in an item."""
    return page.dropped[i] is None and is_headline_like(page.blocks[i].text) == headline
