"""Plain text (and Markdown) -> blocks: one block per non-empty line, or per paragraph of
text hard-wrapped at a fixed width.

Blank lines are kept as `gap_before` on the next block, since paragraph
grouping tells a headline-plus-standfirst apart from the body. Lines are
only stripped of surrounding whitespace, never rewritten, so every body
paragraph of the result is a line of the input, or consecutive lines of a
hard-wrapped paragraph joined by a space.

Text wrapped at a fixed width (e-mail style: every line under about eighty
characters, many of them ending mid-sentence with the next line going on in
lower case) is read back as its paragraphs: a line that fills the width is
joined to the next, a shorter line (a paragraph's last, a heading, a list
item) ends its block. The joined block keeps its input lines (`Block.wrapped`),
so a removal still records every line it took, with its number. A page dump's lines are not
wrapped, but a paragraph in it may be, as its page's source wrapped it: three lines or more of one
width, each break mid-sentence, one of them at least on a comma or a function word (where a
list's items, of one width too and in lower case, end on their nouns). It is joined the same way.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from cleaner.article import Article, Block
from cleaner.frontends import Reading
from cleaner.shapes import BULLETS, ends_sentence
from cleaner.vocab import function_words

if TYPE_CHECKING:
    from cleaner.config import Config


# Hard-wrapped text: its lines fit a width between these (at the given quantile of line lengths: a
# URL or a table may stick out), at least this many breaks inside paragraphs fall mid-sentence and they
# are at least this share of them; a line this share of the width long or longer filled it.
_MIN_WIDTH = 40
_MAX_WIDTH = 100
_WIDTH_QUANTILE = 0.95
_MIN_BREAKS = 3
_MIN_BREAK_SHARE = 0.25
_FULL_LINE = 0.6
# A paragraph wrapped in a text that is not: this many breaks or more, its lines this share of the
# longest one's width or more.
_MIN_WRAPPED_BREAKS = 2
_LOCAL_FULL_LINE = 0.8
_FIRST_CHARACTER = re.compile(r"^\W*(\w)")


def read(text: str, *, url: str | None, config: Config) -> Reading:
    """A text's lines as blocks; the page rules judge it, and the rule pass repeats until it settles."""
    return Reading(to_blocks(text), Article(url=url), whole_page=True, settle=True)


def to_blocks(text: str) -> list[Block]:
    """Split text into blocks.

    >>> [(b.text, b.line, b.gap_before) for b in to_blocks("Title\\n\\nBody one.\\r\\nBody two.")]
    [('Title', 1, False), ('Body one.', 3, True), ('Body two.', 4, False)]
    """
    blocks: list[Block] = []
    gap = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            gap = True
            continue
        blocks.append(Block(text=line, line=number, gap_before=gap and bool(blocks)))
        gap = False
    width = wrap_width(blocks)
    if width:
        return _joined(blocks, {k for k, (a, b) in enumerate(itertools.pairwise(blocks)) if _continues(a, b, width)})
    return _joined(blocks, wrapped_paragraphs(blocks))


def wrap_width(lines: list[Block]) -> int | None:
    """The width the text is hard-wrapped at, or None when it is not.

    Wrapped: nearly every line fits a width of `_MIN_WIDTH` to `_MAX_WIDTH` characters, most
    lines fill it, at least `_MIN_BREAKS` breaks inside a paragraph fall mid-sentence (the line
    does not close a sentence, the next starts in lower case) and they are a good share of all
    breaks inside paragraphs. A whole-page dump has long paragraph lines among many short ones
    (menus, headlines, labels), and its breaks fall at their ends.
    """
    widths = sorted(len(line.text) for line in lines)
    if len(widths) < _MIN_BREAKS + 1:
        return None
    width = widths[int(_WIDTH_QUANTILE * (len(widths) - 1))]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH or widths[len(widths) // 2] < _FULL_LINE * width:
        return None
    breaks = [(a, b) for a, b in itertools.pairwise(lines) if not b.gap_before and b.line == a.line + 1]
    within = sum(_mid_sentence(a.text, b.text) for a, b in breaks)
    return width if within >= _MIN_BREAKS and within >= _MIN_BREAK_SHARE * len(breaks) else None


def _mid_sentence(line: str, following: str) -> bool:
    first = _FIRST_CHARACTER.match(following)
    return not ends_sentence(line) and first is not None and first.group(1).islower()


def _continues(line: Block, following: Block, width: int) -> bool:
    """Whether `following` goes on with the paragraph `line` ends in a text wrapped at `width`: it
    follows at once, and `line` filled the width, so it was wrapped there; a list item starts anew."""
    return (
        not following.gap_before
        and following.line == line.line + 1
        and len(line.text) >= _FULL_LINE * width
        and not following.text.startswith(BULLETS)
    )


def wrapped_paragraphs(lines: list[Block]) -> set[int]:
    """The breaks (k: between lines k and k + 1) inside the hard-wrapped paragraphs of a text that is
    not wrapped as a whole (see the module's docstring)."""
    breaks = [_may_wrap(a, b) for a, b in itertools.pairwise(lines)]
    joins: set[int] = set()
    for wraps, group in itertools.groupby(range(len(breaks)), key=breaks.__getitem__):
        run = list(group)
        if wraps and _is_wrapped(lines[run[0] : run[-1] + 2]):
            joins.update(run)
    return joins


def _may_wrap(line: Block, following: Block) -> bool:
    """A break that may be a wrap: `following` comes at once and goes on in lower case with the
    sentence `line` leaves open, and `line`, of a wrapped width, is no shorter than it, give or take
    a fifth."""
    width = len(line.text)
    return (
        not following.gap_before
        and following.line == line.line + 1
        and _MIN_WIDTH <= width <= _MAX_WIDTH
        and width >= _LOCAL_FULL_LINE * len(following.text)
        and following.text[:1].isalpha()
        and _mid_sentence(line.text, following.text)
    )


def _is_wrapped(run: list[Block]) -> bool:
    """Whether lines joined by breaks that may be wraps are a wrapped paragraph: three or more, its
    lines but the last of one width, give or take a fifth, one at least ending on a comma or a
    function word."""
    widths = [len(line.text) for line in run[:-1]]
    if len(widths) < _MIN_WRAPPED_BREAKS or min(widths) < _LOCAL_FULL_LINE * max(widths):
        return False
    function = function_words()
    return any(line.text.endswith(",") or line.text.rsplit(None, 1)[-1].lower() in function for line in run[:-1])


def _joined(lines: list[Block], joins: set[int]) -> list[Block]:
    """The lines as blocks, each line after a break in `joins` joined to the block before it, which
    keeps its input lines (`Block.wrapped`)."""
    blocks: list[Block] = []
    for k, line in enumerate(lines):
        if k - 1 in joins:
            previous = blocks[-1]
            previous.wrapped = (*previous.input_lines, line.text)
            previous.text = f"{previous.text} {line.text}"
        else:
            blocks.append(line)
    return blocks
