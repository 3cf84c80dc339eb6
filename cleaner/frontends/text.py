"""Plain text (and Markdown) -> blocks: one block per non-empty line.

Blank lines are kept as `gap_before` on the next block, since paragraph
grouping tells a headline-plus-standfirst apart from the body. Lines are
only stripped of surrounding whitespace, never rewritten, so every body
line of the result is a line of the input.
"""

from __future__ import annotations

from cleaner.article import Block


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
        blocks.append(Block(text=line, index=len(blocks), line=number, gap_before=gap and bool(blocks)))
        gap = False
    return blocks
