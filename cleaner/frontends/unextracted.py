"""The page's lines that the main-content extraction left out, so that none goes unrecorded.

trafilatura keeps the article and says nothing of what it dropped: the menus, teasers and
footers the node rules did not prune. Each rendered line (`page_text`, a line per block element)
that the extracted blocks do not hold is one removal, as a text dump's lines outside its
article's run are. A line is held when the extraction holds its words in a row, whatever marks
stand between them: the extraction may join a line to the next, split it at a line break, or drop
a list's bullet. A line sharing its words with the story but not in that order (a teaser on the
same subject) is left out. The rendered line runs links together that the extraction spaces
("LaborPort of Tacoma"): a line of some length is held too when its letters are in a row there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.article import Block

_WORD = re.compile(r"\w+")
# Letters in a row a line must have to be found by them alone: fewer ("Sport") turn up inside
# the story's words ("transport").
_MIN_RUN_TOGETHER = 12


def unextracted_lines(blocks: Sequence[Block], rendered: str) -> list[str]:
    """The rendered lines with any letter or digit that the extracted `blocks` do not hold.

    >>> story = [Block("The story. Transport links are cut."), Block("Labor Port of Tacoma")]
    >>> unextracted_lines(story, "Sport\\nThe story.\\nTransport links\\nare cut.\\nLinks story\\nLaborPort of Tacoma")
    ['Sport', 'Links story']
    """
    words = f" {' '.join(_WORD.findall(' '.join(block.text for block in blocks).casefold()))} "
    letters = words.replace(" ", "")
    left_out = []
    for line in rendered.splitlines():
        line_words = _WORD.findall(line.casefold())
        if not line_words or f" {' '.join(line_words)} " in words:
            continue
        run_together = "".join(line_words)
        if len(run_together) < _MIN_RUN_TOGETHER or run_together not in letters:
            left_out.append(line)
    return left_out
