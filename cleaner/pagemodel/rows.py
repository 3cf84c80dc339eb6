"""The rows of a uniform list: short lines in a row that share their punctuation, as the entries of
a spec sheet ("Wheel diameter: 6 inches"), a ranking ("Ring - Top for DIY Installation") or a
table of results ("England (Group A): 10th appearance") do; the items of a list that a dump
kept with their markers ("- Quiet", "• Easy to clean", "2. Elevance Health"), but for a table of
contents; and the lines of a list of amounts, each
opening with a quantity and what it counts ("2 cups flour", "1/2 tsp ground cloves"), as a
recipe's ingredients and a project's materials are written.

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
# Or MIN_MARKED_ROWS lines in a row that open with the same list marker, however long: a bullet,
# or a number with a stop or a bracket ("1. UnitedHealthcare", "2) Tent"), the numbers aside.
MIN_MARKED_ROWS = 3
_MARKER = re.compile(r"^\s*([-•*·▪◦]|\d{1,2}[.)])\s+\S")
_NUMBER = re.compile(r"\d+")
_NUMBERED_ITEM = f"{_ITEM}#"
# Or MIN_MARKED_ROWS lines in a row that open with an amount: a number (a range, a fraction, a
# decimal) and a word in lower case, the unit or the thing counted ("200g butter", "1 1/2 cups
# honey", "2 कप आटा"). A teaser that opens with a number is written in title case ("32 Awesome
# Stocking Stuffers").
_FRACTIONS = "½¼¾⅓⅔⅛"
_AMOUNT = re.compile(rf"^\s*(?:\d[\d.,/\-–]*(?:\s+\d+/\d+)?|[{_FRACTIONS}])[{_FRACTIONS}]?\s*([^\W\d_]+)")
_AMOUNT_FRAME = "amount"
# A name and a count in brackets is an entry of an archive or a list of categories: "March (192)".
_COUNTED = re.compile(r"\(\s*\d[\d.,\s]*\)\s*$")


@lru_cache(maxsize=1 << 14)
def row_frame(text: str, counters: frozenset[str] = frozenset()) -> str | None:
    """The separators of a line that may be a row, in order, the marker an item of a list opens
    with ("- ", "• "), or "amount" for an amount and what it counts (not what a page counts, its
    `counters`: "192 comments"); None for a sentence, a long line, one without separators, one
    that opens with a date (a dated list is a schedule or a list of stamped teasers, which
    `content.schedule_lines` tells apart) or ends with a count ("March (192)": an archive's or a list
    of categories' entry).

    >>> row_frame("England (Group A): 10th appearance"), row_frame("Wales (Group E): Second appearance")
    ('():', '():')
    >>> row_frame("Latest news"), row_frame("The team (in red) won: it was their third title.")
    (None, None)
    >>> row_frame("Opinion (214)") is None, row_frame("1 1/2 cups honey"), row_frame("32 Awesome Gifts")
    (True, 'amount', None)
    >>> row_frame("192 comments"), row_frame("192 comments", frozenset({"comment"}))
    ('amount', None)
    """
    marker = _MARKER.match(text)
    if marker:
        return _ITEM + _NUMBER.sub("#", marker.group(1))
    if word_count(text) > ROW_WORDS or dates.opening_day(text) or _COUNTED.search(text):
        return None
    amount = _AMOUNT.match(text)
    if amount and not amount.group(1)[0].isupper() and not amount.group(1).casefold().startswith(tuple(counters)):
        return _AMOUNT_FRAME
    if ends_sentence(text):
        return None
    return "".join(_SEPARATOR.findall(text)) or None


def uniform_rows(texts: Sequence[str], counters: frozenset[str] = frozenset()) -> list[int]:
    """Positions of the lines that make uniform lists: MIN_ROWS or more in a row with one frame,
    or MIN_MARKED_ROWS or more opening with one list marker or with an amount.

    >>> teams = [f"Team {n} (Group {n}): {n}th appearance" for n in range(5)]
    >>> uniform_rows(["Qualified teams", *teams, "Read more"])
    [1, 2, 3, 4, 5]
    >>> uniform_rows(teams[:4]), uniform_rows(["Pros", "- Quiet", "- Fast to heat up", "- Easy to clean", "Cons"])
    ([], [1, 2, 3])
    >>> ranks = ["1. UnitedHealthcare", "2. Elevance Health (formerly Anthem)", "3. Kaiser Permanente"]
    >>> uniform_rows(["The largest insurers", *ranks]), uniform_rows([*ranks, "Intro text.", *ranks])
    ([1, 2, 3], [4, 5, 6])
    """
    found: list[int] = []
    group: list[int] = []
    frame = None
    last_seen = {text: i for i, text in enumerate(texts)}
    for i, text in enumerate([*texts, ""]):
        own = row_frame(text, counters) if i < len(texts) else None
        if own is not None and own == frame:
            group.append(i)
            continue
        if _make_list(group, frame, texts, last_seen):
            found.extend(group)
        group, frame = ([i] if own is not None else []), own
    return found


def _make_list(group: list[int], frame: str | None, texts: Sequence[str], last_seen: dict[str, int]) -> bool:
    """Whether the rows at `group`, each framed by `frame`, make a list of the article's: enough of
    them, and, numbered, not a table of contents, most of whose entries are found again further
    down (`last_seen`: where each text stands last), as the story's headings."""
    if frame is None or len(group) < (
        MIN_MARKED_ROWS if frame.startswith(_ITEM) or frame == _AMOUNT_FRAME else MIN_ROWS
    ):
        return False
    return not (frame.startswith(_NUMBERED_ITEM) and 2 * sum(last_seen[texts[i]] > i for i in group) > len(group))
