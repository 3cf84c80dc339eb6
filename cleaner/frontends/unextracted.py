"""The page's lines that the main-content extraction left out, so that none goes unrecorded.

trafilatura keeps the article and says nothing of what it dropped: the menus, teasers and
footers the node rules did not prune. Each rendered line (`page_text`, a line per block element)
that the extracted blocks do not hold is one removal, as a text dump's lines outside its
article's run are. A line is held when the extraction holds its words in a row, whatever marks
stand between them: the extraction may join a line to the next, split it at a line break, or drop
a list's bullet. A line sharing its words with the story but not in that order (a teaser on the
same subject) is left out. The rendered line runs links together that the extraction spaces
("LaborPort of Tacoma"), and Chinese and Japanese lines break inside what reads as one word: a
line of some length, or in those scripts any line, is held too when its letters are in a row
there. A long line is held when most of its words stand in runs of a few that the extraction
holds: the extraction drops a button from inside a paragraph ("... sensors Show more that ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.article import Block
from cleaner.language import UNSPACED

_WORD = re.compile(r"\w+")
# Letters in a row a line must have to be found by them alone: fewer ("Sport") turn up inside
# the story's words ("transport").
_MIN_RUN_TOGETHER = 12
# A long line's words held in runs of this many at least, this share of them.
_MIN_COVERED_LINE_WORDS = 6
_MIN_RUN_WORDS = 3
_HELD_SHARE = 0.8


def unextracted_lines(blocks: Sequence[Block], rendered: str) -> list[str]:
    """The rendered lines with any letter or digit that the extracted `blocks` do not hold.

    >>> story = [Block("The story. Transport links are cut."), Block("Labor Port of Tacoma")]
    >>> unextracted_lines(story, "Sport\\nThe story.\\nTransport links\\nare cut.\\nLinks story\\nLaborPort of Tacoma")
    ['Sport', 'Links story']
    """
    extracted = _Extracted(_WORD.findall(" ".join(block.text for block in blocks).casefold()))
    return [line for line in rendered.splitlines() if not _held(_WORD.findall(line.casefold()), extracted)]


class _Extracted:
    """The extraction's words: spaced, run together, and as a set (a long line most of whose words
    it lacks is not looked for in runs)."""

    def __init__(self, words: list[str]) -> None:
        self.spaced = f" {' '.join(words)} "
        self.letters = "".join(words)
        self.vocabulary = frozenset(words)


def _held(line_words: list[str], extracted: _Extracted) -> bool:
    """Whether the extraction holds the line's words."""
    if not line_words or f" {' '.join(line_words)} " in extracted.spaced:
        return True
    run_together = "".join(line_words)
    if (len(run_together) >= _MIN_RUN_TOGETHER or UNSPACED.search(run_together)) and run_together in extracted.letters:
        return True
    if len(line_words) < _MIN_COVERED_LINE_WORDS:
        return False
    known = sum(word in extracted.vocabulary for word in line_words)
    return known >= _HELD_SHARE * len(line_words) and _held_in_runs(line_words, extracted.spaced)


def _held_in_runs(line_words: list[str], words: str) -> bool:
    """Most of the line's words in runs of a few that the extraction holds in a row.

    >>> found = " the council put in new sensors that were fitted along the river last year "
    >>> _held_in_runs("the council put in new sensors show more that were fitted along the river".split(), found)
    True
    """
    covered, start = 0, 0
    while start < len(line_words):
        end = start
        while end < len(line_words) and f" {' '.join(line_words[start : end + 1])} " in words:
            end += 1
        covered += end - start if end - start >= _MIN_RUN_WORDS else 0
        start = max(end, start + 1)
    return covered >= _HELD_SHARE * len(line_words)
