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
so a removal still records every line it took, with its number.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from cleaner.article import Article, Block
from cleaner.frontends import Reading
from cleaner.shapes import BULLETS, ends_sentence

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
    return _unwrapped(blocks, width) if width else blocks


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


def _unwrapped(lines: list[Block], width: int) -> list[Block]:
    """The lines with each hard-wrapped paragraph joined into one block."""
    blocks: list[Block] = []
    for line in lines:
        previous = blocks[-1] if blocks else None
        if previous is not None and _continues(previous, line, width):
            previous.wrapped = (*previous.input_lines, line.text)
            previous.text = f"{previous.text} {line.text}"
        else:
            blocks.append(line)
    return blocks


def _continues(block: Block, line: Block, width: int) -> bool:
    """Whether `line` goes on with the paragraph `block` holds: it follows it at once, and the
    paragraph's last line filled the width, so it was wrapped there; a list item starts anew."""
    previous_lines = block.input_lines
    return (
        not line.gap_before
        and line.line == block.line + len(previous_lines)
        and len(previous_lines[-1]) >= _FULL_LINE * width
        and not line.text.startswith(BULLETS)
    )
