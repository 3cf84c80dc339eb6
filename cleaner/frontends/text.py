"""Plain text (and Markdown) -> blocks: one block per non-empty line.

Blank lines are kept as `gap_before` on the next block, since paragraph
grouping tells a headline-plus-standfirst apart from the body. Lines are
only stripped of surrounding whitespace, never rewritten, so every body
line of the result is a line of the input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleaner.article import Article, Block
from cleaner.frontends import Reading

if TYPE_CHECKING:
    from cleaner.config import Config


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
    return blocks
