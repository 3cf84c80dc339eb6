"""Blocks that the page renders on one line, joined again.

trafilatura cuts a paragraph in two at an inline element now and then: a link that opens a run of
text set straight in a `<div>`, whose rest it tags as a paragraph of its own. The page's rendered
text (`page_text`, where lines break only at block elements) tells: two blocks of one kind on one
rendered line are one, with the text as the page renders it, so spaces lost at the cut come back.
Loose text and a paragraph are joined so only where the sentence runs on across the cut, as a
button or a label's value that the page sets on a paragraph's line is no part of it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple

from cleaner.article import Block, Markup
from cleaner.frontends.text import sentence_runs_on
from cleaner.shapes import ends_sentence
from cleaner.vocab import function_words

# The tag of text set straight in a container (a `<div>`, the body), outside any block element of
# its own, as `extract` reads it.
LOOSE_TEXT = "div"
# Blocks of one paragraph's text: a run of loose text, and a paragraph trafilatura cut from it.
_PROSE = frozenset({"p", LOOSE_TEXT})
# What a sentence cut before its punctuation goes on with.
_PUNCTUATION_GOING_ON = tuple(",.;:)")
# A sentence's start before a cut has this many words at least; a label ("Best Used For", "Colour",
# "What to look for") has fewer.
_MIN_RUN_ON_WORDS = 5
# A run of visible characters, or a line break; whitespace other than line breaks.
_INK_RUN = re.compile(r"\S+|\n")
_BLANKS = re.compile(r"[^\S\n]+")
# How many times over the searches for blocks out of order (or not there at all) may read a page's
# rendered text, a short text counting as this many characters; and how far past the last block
# found the next is looked for once they have.
_SEARCH_BUDGET = 64
_SMALL_PAGE = 250_000
_NEAR = 10_000


def join_rendered_lines(blocks: list[Block], rendered: str) -> list[Block]:
    """Join each block to the one before when the page renders the two on one line (loose text
    and a paragraph: where a sentence runs on across the cut); the joined block is a paragraph.

    The joined block takes the text of the rendered line from the first block's start to the
    second's end, so spaces trafilatura lost at the cut come back. Blocks are found in the
    rendered text in their order, each after the one before, so the search reads the page once.

    >>> blocks = [Block("Apple kept the CPUs of the"), Block("mid-2019 modelsbut not the GPU.", gap_before=True)]
    >>> [b.text for b in join_rendered_lines(blocks, "Apple kept the CPUs of the mid-2019 models but not the GPU.")]
    ['Apple kept the CPUs of the mid-2019 models but not the GPU.']
    """
    ink = _Ink(rendered)
    joined: list[Block] = []
    start = end = -1  # where the last block kept (or joined) stands in the squeezed text, if found
    for block in blocks:
        found = ink.locate(block.text)
        previous = joined[-1] if joined else None
        if previous is not None and block.gap_before and _may_join(previous, block):
            # Where the two stand side by side: where they were found, else where the page repeats them so.
            cut = (start, end, found[1]) if found is not None and found[0] == end >= 0 else ink.pair(previous, block)
            span = ink.span(*cut) if cut is not None else None
            # Loose text and a paragraph are one sentence only where the page glues no word to the cut.
            if (
                cut is not None
                and span is not None
                and (previous.tag == block.tag or span.spaced or not block.text[:1].isalnum())
            ):
                _merge(previous, block, span)
                start, end = cut[0], cut[2]
                continue
        joined.append(block)
        start, end = found if found is not None else (-1, -1)
    return joined


def join_run_on_paragraphs(blocks: list[Block]) -> list[Block]:
    """Join each paragraph to the one before where a sentence runs on across the two (`text.sentence_runs_on`:
    "... focused on building," / "installing, and maintaining critical power systems."): the page
    set one sentence in two `<p>`s. The lines `<br>` sets apart in one are the wrapping's
    (`extract._unwrapped`)."""
    joined: list[Block] = []
    last = ""  # the text of the last paragraph, before it was joined to the one before it
    for block in blocks:
        previous = joined[-1] if joined else None
        if previous and previous.tag == block.tag == "p" and block.gap_before and sentence_runs_on(last, block.text):
            _merge(previous, block, _Span(f"{previous.text} {block.text}", spaced=True))
        else:
            joined.append(block)
        last = block.text
    return joined


def _may_join(first: Block, second: Block) -> bool:
    """Whether two blocks may be one rendered line's by their kinds and texts: of one kind (but
    code, whose lines are its own), or loose text and a paragraph where a sentence runs on."""
    if first.tag == second.tag:
        return not _is_code(first)
    return {first.tag, second.tag} <= _PROSE and _runs_on(first.text, second.text)


def _is_code(block: Block) -> bool:
    """A line of code (its markup holds it): its breaks are the code's own."""
    return block.markup is not None and block.markup.code is not None


def _runs_on(first: str, second: str) -> bool:
    """Whether a sentence runs on from `first` into `second`: `first` closes none, and `second`
    goes on with its punctuation ("DigiTimes" / ", a site ..."), or `first` opens a sentence (a
    label is shorter) and ends on a comma or a function word, or `second` goes on in lower case.

    >>> _runs_on("It stands for digital single-lens reflex but the", "mechanics are simple.")
    True
    >>> _runs_on("See the review of the speaker.", "Why We Like It"), _runs_on("Best Used For", "Device storage")
    (False, False)
    """
    if ends_sentence(first) or first.endswith(":"):
        return False
    if second.startswith(_PUNCTUATION_GOING_ON):
        return True
    words = first.split()
    if len(words) < _MIN_RUN_ON_WORDS:
        return False
    return first.endswith(",") or words[-1].casefold() in function_words() or second[:1].islower()


def _merge(first: Block, second: Block, span: _Span) -> None:
    """Make `first` the block of both, with the text as the page renders it."""
    total = max(1, len(first.text) + len(second.text))
    density = (first.link_density * len(first.text) + second.link_density * len(second.text)) / total
    first.markup = _joined_markup(first, second, span.spaced)
    first.tag = second.tag if first.tag == LOOSE_TEXT else first.tag  # a paragraph's text now
    first.text, first.link_density = span.text, round(density, 2)


def _joined_markup(first: Block, second: Block, spaced: bool) -> Markup | None:
    """The markup of two blocks joined into one: the first's, with the runs of both (and the
    space between them the page sets, if any)."""
    if not any(block.markup and block.markup.spans for block in (first, second)):
        return first.markup
    runs = [
        block.markup.spans if block.markup and block.markup.spans else ((block.text, None),)
        for block in (first, second)
    ]
    space = ((" ", None),) if spaced else ()
    return replace(first.markup or Markup(), spans=(*runs[0], *space, *runs[1]))


class _Span(NamedTuple):
    """Two blocks' text as the page renders them on one line, and whether it sets a space between."""

    text: str
    spaced: bool


class _Ink:
    """The rendered text without its whitespace, line breaks kept so that no match runs across
    rendered lines, and the way back from a character of it to where it stands in the text.

    Blocks are looked for in order (`locate`), each from where the last one found ends, so the
    blocks of a page in order cost one read of its text. A block not found there (text trafilatura
    rewrote, or set out of the page's order) costs a read of the whole text, as does a look for two
    blocks side by side elsewhere (`pair`). Once the searches have read the text `_SEARCH_BUDGET`
    times (a short text counting as `_SMALL_PAGE` characters), a block is looked for only within
    `_NEAR` characters of where the last one ended, and no pair elsewhere.

    The way back is worked out only when a match needs it, from the runs of visible characters:
    within a run, both texts step alike.
    """

    def __init__(self, rendered: str) -> None:
        self.rendered = rendered
        # `page_text` leaves no blank but single spaces between words: taking those out first
        # leaves the pattern nothing to replace, where it had a match for every word.
        self.text = _BLANKS.sub("", rendered.replace(" ", ""))
        self._cursor = 0
        self._budget = _SEARCH_BUDGET * max(len(self.text), _SMALL_PAGE)  # characters left to read

    def locate(self, text: str) -> tuple[int, int] | None:
        """Where the block's text stands in the squeezed text: after the last block found, else
        anywhere (trafilatura sets a paragraph it gathered late out of the page's order)."""
        squeezed = _squeezed(text)
        if not squeezed:
            return None
        reach = None if self._budget > 0 else self._cursor + len(squeezed) + _NEAR
        start = self.text.find(squeezed, self._cursor, reach)
        if start < 0 and self._budget > 0:
            self._budget -= 2 * len(self.text)
            start = self.text.find(squeezed)
        if start < 0:
            return None
        self._cursor = start + len(squeezed)
        return start, self._cursor

    def pair(self, first: Block, second: Block) -> tuple[int, int, int] | None:
        """Where the page sets the two blocks' texts side by side, as a line of their own, when
        they are not so where they were found (a page may show a text twice, as a menu and a tab
        do): the stretch's start, the cut between them and its end."""
        squeezed = _squeezed(first.text)
        whole = squeezed + _squeezed(second.text)
        if not squeezed or self._budget <= 0 or whole not in self._lines:
            return None
        self._budget -= len(self.text)
        start = self.text.find(whole)
        return start, start + len(squeezed), start + len(whole)

    @cached_property
    def _lines(self) -> frozenset[str]:
        return frozenset(self.text.split("\n"))

    def span(self, start: int, cut: int, end: int) -> _Span:
        """The rendered text of the squeezed stretch [start, end), which a cut splits at `cut`."""
        after_cut = self.position(cut - 1) + 1
        spaced = self.rendered[after_cut : after_cut + 1].isspace()
        return _Span(" ".join(self.rendered[self.position(start) : self.position(end - 1) + 1].split()), spaced)

    @cached_property
    def _runs(self) -> tuple[list[int], list[int]]:
        """Where each run of visible characters starts in the squeezed text and in the rendered one."""
        runs = list(_INK_RUN.finditer(self.rendered))
        return list(accumulate((run.end() - run.start() for run in runs), initial=0)), [run.start() for run in runs]

    def position(self, index: int) -> int:
        """Where the character at `index` of the squeezed text stands in the rendered text."""
        starts, offsets = self._runs
        run = bisect_right(starts, index) - 1
        return offsets[run] + index - starts[run]


def _squeezed(text: str) -> str:
    return "".join(text.split())
