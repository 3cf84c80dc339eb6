"""What the line-kind model (`linekinds`) says of a line read alone, remembered per line text.

The first stage's cost is the line's features; rules ask it of the lines a page keeps, every
rule pass asks again of the lines the pass before kept, and pages repeat their menus and footers.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from cleaner.pagemodel import linekinds

# Lines up to a long paragraph's length are remembered, at most this many; then all are forgotten.
_REMEMBERED_CHARS = 2000
_REMEMBERED = 1 << 15
_own_rows: dict[str, np.ndarray] = {}


def own_probabilities(lines: Sequence[str]) -> np.ndarray:
    """The probability of each kind (columns as in `linekinds.kind_names`) for each line read alone.

    >>> rows = own_probabilities(["Share on Facebook", "Share on Facebook"])
    >>> rows.shape == (2, len(linekinds.kind_names())), bool((rows[0] == rows[1]).all())
    (True, True)
    """
    missing = list(dict.fromkeys(line for line in lines if line not in _own_rows))
    found = dict(zip(missing, _first_stage(missing), strict=True))
    # Read before the memory is emptied to make room: it holds this call's other lines.
    rows = [found[line] if line in found else _own_rows[line] for line in lines]
    if len(_own_rows) + len(found) > _REMEMBERED:
        _own_rows.clear()
    _own_rows.update((line, row) for line, row in found.items() if len(line) <= _REMEMBERED_CHARS)
    return np.array(rows).reshape(len(lines), len(linekinds.kind_names()))


def text_chances(lines: Sequence[str]) -> np.ndarray:
    """The chance the model gives each line, read alone, of being article text."""
    return own_probabilities(lines)[:, text_column()]


@cache
def text_column() -> int:
    """The column of article text in the model's rows."""
    return linekinds.kind_names().index(linekinds.BODY)


# The kinds of a page's controls and lists of links: a line the model gives these at even odds or
# better reads as a menu's label. A breadcrumb's among them: the model reads "Home News" as one.
_MENU_KINDS = ("navigation", "breadcrumb", "pagination", "footer", "related")
_MENU_ODDS = 0.5
# A headline reads as a related list's item at even odds as often as not (one WCXB or seeds-like
# headline in seven); with this chance or more, one in a hundred and fifty.
_SURE_MENU_ODDS = 0.8
# The kinds of a line that credits the story's writer.
_BYLINE_KINDS = ("byline", "author")
# The kinds of a notice a site sets on every page: a consent banner, a newsletter's or an app's
# pitch, a comment or share prompt, an ad's label.
_NOTICE_KINDS = ("cookie", "subscribe", "share", "comment", "ad")


def menu_chance(line: str) -> float:
    """The chance the model gives the line, read alone, of being a menu's, a breadcrumb's, a pager's, a
    footer's or a related list's label: "By Company Size" and "Home Blog" are; "By Jane Doe" is not.

    >>> menu_chance("Home Blog") > 0.5 > menu_chance("By Jane Doe")
    True
    """
    return _chance_of(line, _MENU_KINDS)


def byline_chance(line: str) -> float:
    """The chance the model gives the line, read alone, of being a byline or an author's name.

    >>> byline_chance("Audrey Huang") > 0.05 > byline_chance("Key Takeaways")
    True
    """
    return _chance_of(line, _BYLINE_KINDS)


def notice_chance(line: str) -> float:
    """The chance the model gives the line, read alone, of being a site's notice (`_NOTICE_KINDS`).

    >>> notice_chance("Our site places cookies on your device.") > 0.5 > notice_chance("Rivers rose overnight.")
    True
    """
    return _chance_of(line, _NOTICE_KINDS)


def _chance_of(line: str, kinds: tuple[str, ...]) -> float:
    """The chance the model gives the line, read alone, of being of one of these kinds."""
    row, names = own_probabilities([line])[0], linekinds.kind_names()
    return sum(float(row[names.index(kind)]) for kind in kinds)


def reads_as_menu(line: str, odds: float = _MENU_ODDS) -> bool:
    """Whether the model reads the line as a menu's label at even odds or better (`menu_chance`), or
    at the `odds` given."""
    return menu_chance(line) >= odds


def _first_stage(lines: list[str]) -> np.ndarray:
    if not lines:
        return np.zeros((0, len(linekinds.kind_names())))
    return linekinds.softmax(linekinds.line_logits(lines, linekinds.model().line_weights))


def surely_menu(line: str) -> bool:
    """Whether the model reads the line as a menu's label with four chances in five or more: "Sign
    in", "Cart 0", never as a rule a page's headline (`menu_chance`)."""
    return menu_chance(line) >= _SURE_MENU_ODDS
