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
from cleaner.shapes import ends_sentence, is_headline_like, is_paragraph, word_count

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
_MIN_TEASER_LINES = 2
# The story above the feed holds this many words of paragraphs at least (a byline's and a
# dateline's stamps at its top are no feed); where _STORY_GOES_ON paragraphs in a row follow the
# feed's last date, it is a box of teasers set inside the story, left to the rules.
MIN_STORY_WORDS = 150
_STORY_GOES_ON = 2
# A paragraph: a line of this many words at least that closes a sentence.
_PARAGRAPH_WORDS = 12


def before_feed(page: Page, start: int, end: int) -> int:
    """The run's end, cut where a feed of stamped teasers begins (its first teaser's opening) in
    the run or just below it, under MIN_STORY_WORDS of the story's paragraphs and with no
    _STORY_GOES_ON paragraphs in a row after it; else `end`."""
    # A feed may begin just past the run, which took its first headline for text.
    reach = min(end + ITEM_LINES * MIN_ITEMS, len(page.blocks))
    days = {i: day for i in range(start, reach) if (day := _stamp_day(page, i)) is not None}
    chain = next((chain for chain in _chains(list(days)) if len(chain) >= MIN_ITEMS), None)
    # A feed goes back in time; in calendar order, dates head an article's events or a timeline. Its
    # first items tell: a box of older picks may follow it ("Did You Miss These?", 2019, 2021, 2020).
    newest_first = chain is not None and all(days[a] >= days[b] for a, b in itertools.pairwise(chain[:MIN_ITEMS]))
    if chain is None or not newest_first or not _teasers_between(page, chain):
        return end
    cut = _teaser_opening(page, chain, start)
    if cut >= end:
        return end
    if _paragraph_words(page, range(start, cut)) < MIN_STORY_WORDS or _story_goes_on(page, chain[-1] + 1, end):
        return end  # a box of teasers set inside the story, which goes on below it
    return cut


def _story_goes_on(page: Page, after: int, end: int) -> bool:
    """Whether _STORY_GOES_ON paragraphs follow one another in the run after line `after`, as a
    story's do and a feed's summaries, each under its headline, do not."""
    kept = [page.blocks[i].text for i in range(after, end) if page.dropped[i] is None]
    together = 0
    for text in kept:
        together = together + 1 if is_paragraph(text, _PARAGRAPH_WORDS) else 0
        if together >= _STORY_GOES_ON:
            return True
    return False


def _paragraph_words(page: Page, lines: range) -> int:
    """The words of the kept paragraphs among `lines`."""
    texts = [page.blocks[i].text for i in lines if page.dropped[i] is None]
    return sum(word_count(text) for text in texts if is_paragraph(text, _PARAGRAPH_WORDS))


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


def _stamp_day(page: Page, i: int) -> str | None:
    """The day (ISO) of a teaser's date on line i: a line the timestamp rule removed, holding a
    calendar date, that dates no story of the page's own (its date moved to `published`); else
    None. A date before a colon heads what follows it (a diary's, a log's entry), and one with a
    clock time a live blog's update: no teaser's date is either."""
    dropped, text = page.dropped[i], page.blocks[i].text.strip()
    if (
        dropped is None
        or dropped.code != _STAMP_RULE
        or dropped.moved_to is not None
        or word_count(text) > _MAX_STAMP_WORDS
        or text.endswith(":")
        or dates.has_time(text)
    ):
        return None
    found = dates.find_date(text)
    return found[0] if found else None


def _teasers_between(page: Page, chain: list[int]) -> bool:
    """Whether each stretch between the feed's first MIN_ITEMS stamps holds a teaser: a headline
    with a summary of a sentence or two or a section's label (a live blog's update runs to
    paragraphs; a timeline's entry is an event's line alone)."""
    for above, below in itertools.pairwise(chain[:MIN_ITEMS]):
        kept = [page.blocks[i].text for i in range(above + 1, below) if page.dropped[i] is None]
        summaries = [text for text in kept if not is_headline_like(text, max_words=_HEADLINE_WORDS)]
        headlines = [text for text in kept if text not in summaries and word_count(text) >= _MIN_HEADLINE_WORDS]
        # a forum's or a review's poster has a name, no headline
        if len(kept) < _MIN_TEASER_LINES or len(summaries) > 1 or not headlines:
            return False
        if any(word_count(text) > _MAX_SUMMARY_WORDS for text in summaries):
            return False
    return True


def _teaser_opening(page: Page, chain: list[int], start: int) -> int:
    """Where the first teaser opens: its stamp, or the kept lines right above it that close no
    sentence (a headline, a section's label), fewer than a teaser's lines. A line that closes one
    may be the story's last, so the walk stops there, at the cost of a summary set over its date."""
    first, period = chain[0], chain[1] - chain[0]
    opening = first
    for i in range(first - 1, max(start, first - period + 1) - 1, -1):
        text = page.blocks[i].text
        if page.dropped[i] is None and (ends_sentence(text) or not is_headline_like(text, max_words=_HEADLINE_WORDS)):
            break
        opening = i
    return opening
