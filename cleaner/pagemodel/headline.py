"""The headline above the article's run in a whole-page dump, when no URL names it.

A page prints its headline above the story, with what belongs to it close by: the byline,
the date, the reading time, a breadcrumb ending in the same words, the story's own words, and
a standfirst between it and the byline (which, shaped like a headline, is as close to the byline).
Menus, teaser lists and a table of contents sit there too, shaped like headlines, but without
those marks (a table of contents' entries are found again below, in order, as the story's
section headings: they are never the headline). Each headline-shaped line within reach above
the run scores the marks it has (weights chosen on the WCXB dev split, checked on its held-out
quarter); the best line at or above `MIN_SCORE` is the headline, the nearest one on a tie. No
line scores enough on a page with none of these marks: such a page gets no title rather than a
guess.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cached_property, lru_cache
from itertools import pairwise

from cleaner import dates, names
from cleaner.rules.framework.context import Page
from cleaner.shapes import WORD, has_letters, is_headline_like, word_count
from cleaner.vocab import Vocabulary, function_words

# How far above the run a headline may stand, and how close its byline or date must be.
REACH = 30
META_REACH = 3
# The most words a line can have and still be a byline or a timestamp, not a sentence.
_META_MAX_WORDS = 12
_MIN_WORDS, _MAX_WORDS, _LONG_WORDS = 2, 30, 20
# The run's opening lines whose words a headline shares.
_BODY_LINES = 60
# What each mark adds to a line's score, and the score a headline needs.
_WEIGHTS = {
    "four words": 1.0,
    "six words": 1.0,
    "byline or date below": 3.0,
    "byline or date above": 1.0,
    "breadcrumb or repeat": 2.0,
    "right above the story": 0.5,
    "story's words": 3.5,
    "standfirst length": -1.0,
    "in a list": -2.0,
    "over its standfirst": 2.0,
    "per line of distance": -0.03,
    "repeats the URL's slug": 3.0,
}
MIN_SCORE = 3.0
# A headline over its standfirst: both this many words or more (a section's label over a headline is shorter).
_STANDFIRST_PAIR_WORDS = 4
# A line holding this share of a headline's content words or more repeats it.
_ECHO_SHARE = 0.5
_RUN_START_HANDICAP = 1.0
# Lines in a row found again below the run, in order, that make a table of contents.
_CONTENTS_ROW = 3
# "Home > Blog > The Headline", "Home » News » The Headline": a breadcrumb ending in the headline.
_CRUMB = re.compile(r"(?:^|\s)(?:[>»/|›]|::)\s")
_BREADCRUMB_REACH = 60
_CRUMB_MARKS = frozenset(">»/|›")
# The trail of a breadcrumb that leads to the headline on its line: up to the last arrow after a
# space ("Home » Blog » "), or every bar of a line that opens on one ("| Resources | "). A slash
# also joins alternatives ("Movers / Moving Companies"): it leads a trail of three parts or more,
# or from a breadcrumb's root ("Home /").
_TRAIL = re.compile(r"^(?:.*\s[>»›]|\s*\|.*\|)\s*")
_SLASH = re.compile(r"\s/\s?")
# Lines opening with these invite the reader elsewhere: "Read more in Marketing", "Follow us on X".
_PROMPTS = ("read_more", "follow_prompts", "newsletter_prompts")


def headline_above(page: Page, start: int, slug_lines: Collection[int] = ()) -> int | None:
    """The index of the headline over the run starting at block `start`, if a line has the marks of one:
    a line above the run, else the run's first line itself (which reads as text, or the run would not
    start there, so it comes second). `slug_lines` repeat the words of the URL's slug: a mark too,
    which a table of contents or a teaser may share with the headline, so it is weighed with the rest."""
    run = _Run(page, start)
    best: tuple[float, int] | None = None
    # A run that opens the text (a cleaned body) has no headline to find: its first line is its own.
    for i in range(max(start - REACH, 0), start + 1 if start else 0):
        score = _score(page, i, run)
        if score is not None and i in slug_lines:
            score += _WEIGHTS["repeats the URL's slug"]
        if score is not None and i == start:  # in the run, it must read as a headline, not a long sentence
            score = score - _RUN_START_HANDICAP if word_count(page.blocks[i].text) <= _LONG_WORDS else None
        if score is not None and score >= MIN_SCORE and (best is None or score >= best[0]):
            best = (score, i)
    return best[1] if best else None


class _Run:
    """What every headline candidate is scored against, worked out once and only when a candidate
    gets that far (a cleaned body's run opens the text and has none): the run's first line, every
    word of its opening kept lines, and the last line above it that reads as text."""

    def __init__(self, page: Page, start: int) -> None:
        self.page, self.start = page, start

    @cached_property
    def body(self) -> frozenset[str]:
        """A candidate's content words (`_content_words`) found here are the story's words it holds."""
        page, end = self.page, min(self.start + _BODY_LINES, len(self.page.blocks))
        return frozenset(
            _words(" ".join(page.blocks[j].text for j in range(self.start, end) if page.dropped[j] is None))
        )

    @cached_property
    def later_lines(self) -> dict[str, int]:
        """Where each kept line below the run's first stands (its first time): what `_in_contents`
        looks for."""
        page, found = self.page, {}
        for j in range(len(page.blocks) - 1, self.start, -1):
            if page.dropped[j] is None:
                found[page.blocks[j].text] = j
        return found

    @cached_property
    def last_text(self) -> int:
        """The last line within reach above the run that reads as text (`_is_text`), -1 if none: a
        candidate stands right above the story when no such line comes after it."""
        lines = range(self.start - 1, max(self.start - REACH, 0) - 1, -1)
        return next((j for j in lines if _is_text(self.page, j)), -1)


def _score(page: Page, i: int, run: _Run) -> float | None:
    """The line's score as a headline over the run; None for a line shaped like none."""
    start = run.start
    text = page.blocks[i].text.strip()
    n = word_count(text)
    if page.dropped[i] is not None or not _MIN_WORDS <= n <= _MAX_WORDS:
        return None
    if not has_letters(text) or not is_headline_like(text) or text[-1] in _CRUMB_MARKS or _is_trail(text):
        return None
    if is_meta(page, i) or names.is_credit_line(text, page.vocab) or any(page.vocab.starts(f, text) for f in _PROMPTS):
        return None
    if page.vocab.line_is("section_headings", text):  # "Key takeaways" heads a section, never the page
        return None
    if _in_contents(page, i, run):
        return None
    marks: dict[str, float] = {
        "four words": n >= 4,
        "six words": n >= 6,
        "byline or date below": any(is_meta(page, j) for j in range(i + 1, min(i + 1 + META_REACH, len(page.blocks)))),
        "byline or date above": any(is_meta(page, j) for j in range(max(i - META_REACH, 0), i)),
        "breadcrumb or repeat": _echoed(page, i),
        "right above the story": run.last_text <= i,
        "standfirst length": n > _LONG_WORDS,
        "in a list": _in_a_list(page, i, start),
        "over its standfirst": _over_standfirst(page, i),
        "per line of distance": start - i,
    }
    words = _content_words(text)
    marks["story's words"] = len(words & run.body) / len(words) if words else 0.0
    return sum(_WEIGHTS[mark] * float(value) for mark, value in marks.items())


def is_meta(page: Page, i: int) -> bool:
    """A byline or timestamp: dropped as one, or a short line holding a date, a byline marker, a
    reviewer's credit ("Reviewed by"), a date label ("Last updated") or a reading time."""
    dropped = page.dropped[i]
    if dropped is not None:
        return dropped.family in ("bylines", "timestamps")
    text = page.blocks[i].text
    if word_count(text) > _META_MAX_WORDS:
        return False
    vocab = page.vocab
    return bool(
        dates.find_date(text)
        or vocab.starts("byline_markers", text)
        or vocab.starts("review_credits", text)
        or vocab.starts("date_labels", text)
        or vocab.search("relative_time", text)
    )


def _is_text(page: Page, i: int) -> bool:
    """A kept line of more than three words that is no byline or timestamp: the story's text, or a teaser's."""
    return page.dropped[i] is None and word_count(page.blocks[i].text) > 3 and not is_meta(page, i)


def _echoed(page: Page, i: int) -> bool:
    """The line is repeated right above it, or ends a breadcrumb above it."""
    words = _words(page.blocks[i].text)
    for j in range(max(i - _BREADCRUMB_REACH, 0), i):
        other = page.blocks[j].text
        found = _crumb_words(other)
        if found is None:
            continue
        if j == i - 1 and found == words:
            return True
        if len(found) > len(words) and found[-len(words) :] == words and _CRUMB.search(other):
            return True
    return False


def without_trail(text: str, vocab: Vocabulary) -> str:
    """The headline without the breadcrumb that leads to it on its line, when two words or more
    are left; a site's name after the headline ("The Headline | Site") stays here, for the
    article's title to lose (`frontends.headline.without_site_suffix`).

    >>> vocab = Vocabulary()
    >>> without_trail("Home » Blog » Cheap fixes", vocab), without_trail("| Resources | Packing tips", vocab)
    ('Cheap fixes', 'Packing tips')
    >>> without_trail("Home /Cheap fixes", vocab), without_trail("Best Movers / Moving Companies", vocab)
    ('Cheap fixes', 'Best Movers / Moving Companies')
    >>> without_trail("Resources > Articles", vocab), without_trail("Self-host Postgres | Pierce Freeman", vocab)
    ('Resources > Articles', 'Self-host Postgres | Pierce Freeman')
    """
    text = text.strip()
    rest = _after_trail(text)
    parts = _SLASH.split(text)
    if rest == text and (len(parts) > 2 or (len(parts) == 2 and vocab.line_is("breadcrumb_roots", parts[0]))):
        rest = parts[-1]
    return rest if word_count(rest) >= _MIN_WORDS else text


def _is_trail(text: str) -> bool:
    """A breadcrumb's trail and nothing more: arrows between labels, the last of them a single word
    ("Meinung › Kommentare", "Resources > Articles"), no headline at its end."""
    rest = _after_trail(text)
    return rest != text and word_count(rest) < _MIN_WORDS


def _after_trail(text: str) -> str:
    """The line past the breadcrumb's trail of labels that leads it, if any."""
    return _TRAIL.sub("", text, count=1)


def _in_contents(page: Page, i: int, run: _Run) -> bool:
    """The line is one of three in a row found again below the run's start, in the same order:
    entries of a table of contents, which lists the story's section headings. (A headline may
    be found again with the line over it, its section's name, in a teaser list below.)"""
    later = run.later_lines
    if page.blocks[i].text not in later:
        return False
    rows = range(max(i - _CONTENTS_ROW + 1, 0), min(i + _CONTENTS_ROW, len(page.blocks)))
    found = [later.get(page.blocks[j].text, -1) for j in rows]
    return any(
        found[k] >= 0 and all(a < b for a, b in pairwise(found[k : k + _CONTENTS_ROW]))
        for k in range(len(found) - _CONTENTS_ROW + 1)
    )


def _in_a_list(page: Page, i: int, start: int) -> bool:
    """Both neighbours are short headline-shaped lines too: a menu, a teaser list, a table of contents."""
    neighbours = [
        j
        for j in (i - 1, i + 1)
        if 0 <= j < len(page.blocks) and j != start and not is_meta(page, j) and not _is_trail(page.blocks[j].text)
    ]
    return len(neighbours) == 2 and all(
        2 <= word_count(page.blocks[j].text) <= 12 and is_headline_like(page.blocks[j].text) for j in neighbours
    )


def _over_standfirst(page: Page, i: int) -> bool:
    """The line and the one under it stand over a byline or a date (a name alone over the date, as
    a newsletter prints it), both of headline length, the second saying more than the first
    repeats: the headline, and its standfirst under it (which the byline's closeness marks as much).
    A copy of the headline or a breadcrumb ending in its words under it is no standfirst."""
    blocks = page.blocks
    below = i + 2
    if below < len(blocks) and names.is_credit_line(blocks[below].text, page.vocab):
        below += 1
    if below >= len(blocks) or page.dropped[i + 1] is not None or is_meta(page, i + 1) or not is_meta(page, below):
        return False
    headline, standfirst = blocks[i].text, blocks[i + 1].text
    if not word_count(headline) >= _STANDFIRST_PAIR_WORDS <= word_count(standfirst):
        return False
    words = _content_words(headline)
    return len(words & _content_words(standfirst)) < _ECHO_SHARE * len(words)


def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text.casefold()))


@lru_cache(maxsize=1 << 14)
def _crumb_words(text: str) -> tuple[str, ...] | None:
    """A line's words as `_echoed` compares them, None for a line too long to be a breadcrumb
    (it is read no further); remembered per line, as every candidate reads the lines above it."""
    return None if word_count(text) > 2 * _MAX_WORDS else _words(text)


def _content_words(text: str) -> set[str]:
    """The words that say what a line is about: three letters or more, no function words, no numbers."""
    common = function_words()
    return {w for w in _words(text) if len(w) >= 3 and not w.isdigit() and w not in common}
