"""Headings and list items that trafilatura's extraction left out, put back where the page sets them.

On a page without the containers trafilatura looks for (an `<article>`, a `<main>`, a content
class it knows), it gathers the article's paragraphs one by one, and leaves every heading and
every list out: a guide comes out as one run of paragraphs, without its sections and its lists.
The page's rendered text (`page_text`, a line per block element) tells where each element stands
(the n-th line of a text is the page's n-th element of that text, so a table of contents' item is
not the heading it names): a run of such elements between two extracted blocks, with nothing else
between them, belongs to the article there, and is put back. A run by text that was not extracted
(a teaser box, a sidebar's list) stays out, as does one above the first block or below the last,
and so does a run most of whose elements are items that are all link (a box of links, its heading
with it).

A list item whose inline code the extraction kept as blocks of their own while it dropped the
item's text ("TodoList.tsx" of "Create a new component file named TodoList.tsx") leaves those
pieces between the two blocks: they go, and the items come back whole (on the WCXB development
pages, four pages' lists: 18 lines of the gold back, 14 pieces gone).

Only a kind the extraction holds none of is put back: an extraction that holds headings (or
list items) came from trafilatura's main pass, which leaves one out for a reason (the linked
headlines of a "More:" box between two paragraphs). On the WCXB development pages this puts back
395 headings the gold holds and 46 it does not (most of them section headings the gold leaves
out, "1. Understand your users"), and 81 list items it holds and 2 it does not; on ScrapingHub's
news pages 4 elements, none of them its gold's. An item that is all link is left out: lists of
links between paragraphs were 62 items of WCXB's gold (40 of them one page's references) and 15
of other stories' headlines, 4 of them on ScrapingHub's pages, which had 3 in their gold. With
every extraction mended, ScrapingHub's would have taken in 7 teaser headlines and no heading of
its gold, and WCXB's 172 list items the gold does not hold.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple

from cleaner.article import Block, Markup

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LIST_ITEM = "li"
_WORD = re.compile(r"\w")
# The share of an item's text inside links from which it is a link, not the article's text.
_LINKED_ITEM = 0.9


class Element(NamedTuple):
    """A heading or a list item of the page: its tag ("h2", "li"), the share of its text inside
    links, and what Markdown needs of it (a numbered list's item), if anything."""

    tag: str
    link_density: float
    markup: Markup | None = None


def restore_left_out(
    blocks: list[Block], rendered: str, elements: Callable[[], Mapping[str, Sequence[Element]]]
) -> list[Block]:
    """The blocks with the elements that the rendered text sets between two of them, and nothing
    else there, put back in their places; of each kind, a heading or a list item, only where the
    blocks hold none of it. `elements` gives the page's, by their whitespace-collapsed text, each
    text's in the page's order (the n-th line of a text in the rendered text is its n-th element:
    a table of contents' item is not the heading it names); it is called only when the blocks lack
    a kind, as most extractions hold both.

    >>> blocks = [Block("First paragraph.", tag="p"), Block("Second paragraph.", tag="p", gap_before=True)]
    >>> rendered = "Menu\\nFirst paragraph.\\nWhere to start\\nSecond paragraph.\\nFooter"
    >>> [(b.tag, b.text) for b in restore_left_out(blocks, rendered, lambda: {"Where to start": [Element("h2", 0.0)]})]
    [('p', 'First paragraph.'), ('h2', 'Where to start'), ('p', 'Second paragraph.')]
    """
    held = {_kind(block.tag) for block in blocks}
    if len(blocks) < 2 or {"heading", LIST_ITEM} <= held:
        return blocks
    restored: dict[int, list[tuple[str, Element]]] = {}  # before which block
    pieces: set[int] = set()  # blocks that are parts of elements put back whole
    for k, run, parts in _sandwiched(_rendered_lines(rendered), blocks, elements()):
        back = [(text, element) for text, element in run if _may_be_back(element, held)]
        if _is_link_box(run) or (parts and len(back) < len(run)):
            continue  # the pieces go only with every item they may be parts of back whole
        restored.setdefault(k, []).extend(back)
        pieces.update(parts)
    if not restored:
        return blocks
    result: list[Block] = []
    for k, block in enumerate(blocks):
        for text, element in restored.get(k, ()):
            result.append(
                Block(text, gap_before=True, tag=element.tag, link_density=element.link_density, markup=element.markup)
            )
        if k not in pieces:
            result.append(block)
    return result


def _may_be_back(element: Element, held: set[str | None]) -> bool:
    """Of a kind the extraction holds none of, and not an item that is all link: a list of links
    between two paragraphs is a box of other stories ("More:", "Related") as often as the
    article's own (its references)."""
    return _kind(element.tag) not in held and not _is_link_item(element)


def _is_link_box(run: list[tuple[str, Element]]) -> bool:
    """A run most of whose elements are items that are all link: a box of links, its heading
    ("More from UK") with it."""
    return 2 * sum(_is_link_item(element) for _, element in run) > len(run)


def _is_link_item(element: Element) -> bool:
    return element.tag == LIST_ITEM and element.link_density >= _LINKED_ITEM


def _kind(tag: str | None) -> str | None:
    return "heading" if tag in HEADING_TAGS else tag


def _rendered_lines(rendered: str) -> Iterator[str]:
    return (line for line in (" ".join(raw.split()) for raw in rendered.splitlines()) if line)


def _sandwiched(
    lines: Iterator[str], blocks: list[Block], elements: Mapping[str, Sequence[Element]]
) -> Iterator[tuple[int, list[tuple[str, Element]], list[int]]]:
    """For each run of elements no block holds between the lines of two consecutive blocks, the
    second block's index, the run's texts with their elements, and the blocks between the two
    that are only parts of the run's texts (the inline code of list items whose own text the
    extraction dropped: "TodoList.tsx" of "Create a new component file named TodoList.tsx").

    One walk over the rendered lines, matching them to the blocks in order: a line that is the
    text of a block after the last one matched matches the first such block (a block that matches
    no line of its own, a part of one, is passed over); a line that is an element's text, and no
    block's, is held while only such lines follow; any other line lets the held ones go.
    """
    at: dict[str, list[int]] = {}
    for k, block in enumerate(blocks):
        at.setdefault(block.text, []).append(k)
    seen: dict[str, int] = {}  # how many lines of each element's text the walk has met
    last: int | None = None  # the block the last line matched, None when a line since matched none
    matched = -1  # the last block matched
    held: list[tuple[str, Element]] = []
    for line in lines:
        same = at.get(line, [])
        found = same[n] if (n := bisect_right(same, matched)) < len(same) else None
        element = _next_element(line, elements, seen)
        if found is not None:
            parts = list(range(last + 1, found)) if last is not None else []
            if held and last is not None and all(_is_part(blocks[j].text, held) for j in parts):
                yield found, held, parts
            held, last, matched = [], found, found
        elif element is not None and line not in at:  # a text a block holds is not left out
            held.append((line, element))
        else:
            held, last = [], None


def _is_part(text: str, run: list[tuple[str, Element]]) -> bool:
    """Whether a block's text is a part of one of the run's texts, whole words of it, and not the
    whole: what the extraction kept of an item it dropped (a block of its own would have a line of
    its own in the rendered text, and the run would not stand between two blocks)."""
    part = " ".join(text.split())
    if not part:
        return False
    # A word at either end of the part is a whole word of the item; a bracket or a stop may stand anywhere.
    opens = r"(?<!\w)" if _WORD.match(part[0]) else ""
    closes = r"(?!\w)" if _WORD.match(part[-1]) else ""
    within = re.compile(opens + re.escape(part) + closes)
    return any(part != whole and within.search(whole) for whole, _ in run)


def _next_element(line: str, elements: Mapping[str, Sequence[Element]], seen: dict[str, int]) -> Element | None:
    """The element a rendered line of its text stands for: the next of that text not yet met."""
    same = elements.get(line, ())
    n = seen.get(line, 0)
    seen[line] = n + 1
    return same[n] if n < len(same) else None
