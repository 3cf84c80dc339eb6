"""The rows of a uniform list: short lines in a row that share their punctuation, as the entries of
a spec sheet ("Wheel diameter: 6 inches"), a ranking ("Ring - Top for DIY Installation") or a
table of results ("England (Group A): 10th appearance") do; and the items of a list that a dump
kept with their markers ("- Quiet", "• Easy to clean").

A list like that is the article's however little each line reads like text: a page's own menus,
teasers and footer links are words without a shared frame of separators, and its share bars and
tag lists are taken by the rules before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from cleaner import dates
from cleaner.shapes import ends_sentence, word_count

# Rows in a row that make a uniform list, each of at most ROW_WORDS words (chosen on the WCXB dev
# split and the seeds-like set's development half: four rows or five changed neither's scores but
# the body kept, six kept no more).
MIN_ROWS = 5
ROW_WORDS = 14
# The separators that frame a row; digits and words vary from row to row.
_SEPARATOR = re.compile(r"[:|–—()\-/@$%]")
_ITEM = "item "
# Or MIN_MARKED_ROWS lines in a row that open with the same list marker, however long.
MIN_MARKED_ROWS = 3
_MARKER = re.compile(r"^\s*([-•*·▪◦])\s+\S")
# A name and a count in brackets is an entry of an archive or a list of categories: "March (192)".
_COUNTED = re.compile(r"\(\s*\d[\d.,\s]*\)\s*$")


@lru_cache(maxsize=1 << 14)
def row_frame(text: str) -> str | None:
    """The separators of a line that may be a row, in order, or the marker an item of a list opens
    with ("- ", "• "); None for a sentence, a long line, one
    without separators, one that opens with a date (a dated list is a schedule or a list of
    stamped teasers, which `run.schedule_lines` tells apart) or ends with a count ("March (192)":
    an archive's or a list of categories' entry).

    >>> row_frame("England (Group A): 10th appearance"), row_frame("Wales (Group E): Second appearance")
    ('():', '():')
    >>> row_frame("Latest news"), row_frame("The team (in red) won: it was their third title.")
    (None, None)
    >>> row_frame("Opinion (214)") is None
    True
    """
    marker = _MARKER.match(text)
    if marker:
        return _ITEM + marker.group(1)
    if word_count(text) > ROW_WORDS or ends_sentence(text) or dates.opening_day(text) or _COUNTED.search(text):
        return None
    return "".join(_SEPARATOR.findall(text)) or None


def uniform_rows(texts: Sequence[str]) -> list[int]:
    """Positions of the lines that make uniform lists: MIN_ROWS or more in a row with one frame,
    or MIN_MARKED_ROWS or more opening with one list marker.

    >>> teams = [f"Team {n} (Group {n}): {n}th appearance" for n in range(5)]
    >>> uniform_rows(["Qualified teams", *teams, "Read more"])
    [1, 2, 3, 4, 5]
    >>> uniform_rows(teams[:4]), uniform_rows(["Pros", "- Quiet", "- Fast to heat up", "- Easy to clean", "Cons"])
    ([], [1, 2, 3])
    """
    found: list[int] = []
    group: list[int] = []
    frame = None
    for i, text in enumerate([*texts, ""]):
        own = row_frame(text) if i < len(texts) else None
        if own is not None and own == frame:
            group.append(i)
            continue
        if len(group) >= (MIN_MARKED_ROWS if frame and frame.startswith(_ITEM) else MIN_ROWS):
            found.extend(group)
        group, frame = ([i] if own is not None else []), own
    return found
