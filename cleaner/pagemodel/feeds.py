"""A feed of other stories inside the run: below the story, teasers each stamped with its date
("Regent Seven Seas Cruises Floats Out ..." / "Daily" / "Dec 18, 2025", item after item). Their
headlines and one-sentence summaries read as text, so the run can carry on over them; the dates a
rule removed, one every few lines, tell them apart from the story, which is dated once.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from cleaner import dates
from cleaner.rules.framework.context import Page
from cleaner.shapes import ends_sentence, is_headline_like, word_count

# The rule that removes a timestamp's line; a feed's stamp holds a calendar date, not a duration.
_STAMP_RULE = "TIM001"
_MAX_STAMP_WORDS = 12
# A feed: this many stamps at least, each within ITEM_LINES lines of the one before.
MIN_ITEMS = 3
ITEM_LINES = 6
# A teaser's lines: a headline, a label, a summary of a sentence or two.
_HEADLINE_WORDS = 20
_MIN_HEADLINE_WORDS = 4
_MAX_SUMMARY_WORDS = 80
# The story above the feed holds this many words of paragraphs at least (a byline's and a
# dateline's stamps at its top are no feed), and what follows the feed fewer: a box of teasers set
# inside the story, which goes on below it, is left to the rules.
MIN_STORY_WORDS = 150
# A paragraph: a line of this many words at least that closes a sentence.
_PARAGRAPH_WORDS = 12


def before_feed(page: Page, start: int, end: int) -> int:
    """The run's end, cut where a feed of stamped teasers begins (its first teaser's opening) in
    the run or just below it, under MIN_STORY_WORDS of the story's paragraphs, with fewer after
    it; else `end`."""
    # A feed may begin just past the run, which took its first headline for text.
    reach = min(end + ITEM_LINES * MIN_ITEMS, len(page.blocks))
    stamps = [i for i in range(start, reach) if _is_stamp(page, i)]
    chain = next((chain for chain in _chains(stamps) if len(chain) >= MIN_ITEMS), None)
    if chain is None or not _teasers_between(page, chain):
        return end
    cut = _teaser_opening(page, chain, start)
    if cut >= end:
        return end
    story_after = range(min(chain[-1] + ITEM_LINES, end), end)  # a box of teasers inside the story
    if (
        _paragraph_words(page, range(start, cut)) < MIN_STORY_WORDS
        or _paragraph_words(page, story_after) >= MIN_STORY_WORDS
    ):
        return end
    return cut


def _paragraph_words(page: Page, lines: range) -> int:
    """The words of the kept paragraphs among `lines`."""
    texts = [page.blocks[i].text for i in lines if page.dropped[i] is None]
    return sum(n for text in texts if (n := word_count(text)) >= _PARAGRAPH_WORDS and ends_sentence(text))


def _chains(stamps: list[int]) -> Iterator[list[int]]:
    """The stamps in chains, each stamp within ITEM_LINES lines of the one before.

    >>> list(_chains([3, 40, 44, 47, 60]))
    [[3], [40, 44, 47], [60]]
    """
    chain: list[int] = []
    for stamp in stamps:
        if chain and stamp - chain[-1] > ITEM_LINES:
            yield chain
            chain = []
        chain.append(stamp)
    if chain:
        yield chain


def _is_stamp(page: Page, i: int) -> bool:
    """A teaser's date: a line the timestamp rule removed, holding a calendar date, that dates no
    story of the page's own (its date moved to `published`); a date before a colon heads what
    follows it (a diary's, a log's entry), as no teaser's date does."""
    dropped, text = page.dropped[i], page.blocks[i].text.strip()
    return (
        dropped is not None
        and dropped.code == _STAMP_RULE
        and dropped.moved_to is None
        and word_count(text) <= _MAX_STAMP_WORDS
        and not text.endswith(":")
        and dates.find_date(text) is not None
    )


def _teasers_between(page: Page, chain: list[int]) -> bool:
    """Whether each stretch between the feed's first MIN_ITEMS stamps holds a teaser: a headline
    and at most one summary of a sentence or two (a live blog's update runs to paragraphs)."""
    for above, below in itertools.pairwise(chain[:MIN_ITEMS]):
        kept = [page.blocks[i].text for i in range(above + 1, below) if page.dropped[i] is None]
        summaries = [text for text in kept if not is_headline_like(text, max_words=_HEADLINE_WORDS)]
        headlines = [text for text in kept if text not in summaries and word_count(text) >= _MIN_HEADLINE_WORDS]
        if len(summaries) > 1 or not headlines:  # a forum's or a review's poster has a name, no headline
            return False
        if any(word_count(text) > _MAX_SUMMARY_WORDS for text in summaries):
            return False
    return True


def _teaser_opening(page: Page, chain: list[int], start: int) -> int:
    """Where the first teaser opens: its stamp, or where the lines above it repeat, line for line,
    the shape of the lines after it (a teaser's headline and summary over its date)."""
    first, period = chain[0], chain[1] - chain[0]
    above = range(first - period + 1, first)
    if above.start >= start and all(_shape(page, i) == _shape(page, i + period) for i in above):
        return above.start
    return first


def _shape(page: Page, i: int) -> str:
    if page.dropped[i] is not None:
        return "removed"
    return "headline" if is_headline_like(page.blocks[i].text, max_words=_HEADLINE_WORDS) else "text"
