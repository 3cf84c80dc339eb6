"""The page's lines that the main-content extraction left out, so that none goes unrecorded.

trafilatura keeps the article and says nothing of what it dropped: the menus, teasers and
footers the node rules did not prune. Each rendered line (`page_text`, a line per block element)
that the extracted blocks do not hold is one removal, as a text dump's lines outside its
article's run are. A line is held when the extraction holds its characters in a row, spaces
aside (the extraction may join a line to the next, split it at a line break, or space the links
that the rendered line runs together: "LaborPort of Tacoma"), or holds nearly all of its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.article import Block

# Of a line's words, the share the extraction must hold for the line to count as kept
# (reworded by the extraction's own joining and splitting, not left out).
_HELD_WORD_SHARE = 0.8
_WORD = re.compile(r"\w+")


def unextracted_lines(blocks: Sequence[Block], rendered: str) -> list[str]:
    """The rendered lines with any letter or digit that the extracted `blocks` do not hold.

    >>> unextracted_lines([Block("The story. It goes on.")], "Home News\\nThe story.\\nIt goes on.")
    ['Home News']
    """
    extracted = "".join("".join(block.text.split()) for block in blocks)
    words = set(_WORD.findall(" ".join(block.text for block in blocks).casefold()))
    left_out = []
    for line in rendered.splitlines():
        if "".join(line.split()) in extracted:
            continue
        line_words = _WORD.findall(line.casefold())
        if line_words and sum(word in words for word in line_words) < _HELD_WORD_SHARE * len(line_words):
            left_out.append(line)
    return left_out
