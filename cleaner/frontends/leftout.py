"""Headings and list items that trafilatura's extraction left out, put back where the page sets them.

On a page without the containers trafilatura looks for (an `<article>`, a `<main>`, a content
class it knows), it gathers the article's paragraphs one by one, and leaves every heading and
every list out: a guide comes out as one run of paragraphs, without its sections and its lists.
The page's rendered text (`page_text`, a line per block element) tells where each element stands:
a run of such elements between two extracted blocks, with nothing else between them, belongs
to the article there, and is put back. One by text that was not extracted (a teaser box, a
sidebar's list) stays out, as does one above the first block or below the last.

Only a kind the extraction holds none of is put back: an extraction that holds headings (or
list items) came from trafilatura's main pass, which leaves one out for a reason (the linked
headlines of a "More:" box between two paragraphs). On the WCXB development pages the mended
extractions got back 391 headings the gold holds and 32 it does not (most of them section
headings, "1. Understand your users"), and 78 list items it holds and 2 it does not. An item
that is all link is left out: lists of links between paragraphs were 62 items of WCXB's gold (40
of them one page's references) and 15 of other stories' headlines, 4 of them on ScrapingHub's
news pages, which had 3 in their gold. With every extraction mended, ScrapingHub's would have
taken in 7 teaser headlines and no heading of its gold, and WCXB's 172 list items the gold does
not hold.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from cleaner.article import Block, Markup

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LIST_ITEM = "li"
# The share of an item's text inside links from which it is a link, not the article's text.
_LINKED_ITEM = 0.9


class Element(NamedTuple):
    """A heading or a list item of the page: its tag ("h2", "li"), the share of its text inside
    links, and what Markdown needs of it (a numbered list's item), if anything."""

    tag: str
    link_density: float
    markup: Markup | None = None


def restore_left_out(blocks: list[Block], rendered: str, elements: Mapping[str, Element]) -> list[Block]:
    """The blocks with the elements (by their whitespace-collapsed text) that the rendered text
    sets between two of them, and nothing else there, put back in their places; of each kind, a
    heading or a list item, only where the blocks hold none of it.

    >>> blocks = [Block("First paragraph.", tag="p"), Block("Second paragraph.", tag="p", gap_before=True)]
    >>> rendered = "Menu\\nFirst paragraph.\\nWhere to start\\nSecond paragraph.\\nFooter"
    >>> [(b.tag, b.text) for b in restore_left_out(blocks, rendered, {"Where to start": Element("h2", 0.0)})]
    [('p', 'First paragraph.'), ('h2', 'Where to start'), ('p', 'Second paragraph.')]
    """
    held = {_kind(block.tag) for block in blocks}
    wanted = {
        text: element for text, element in elements.items() if _kind(element.tag) not in held and _may_be_back(element)
    }
    if not wanted or len(blocks) < 2:
        return blocks
    extracted = {block.text for block in blocks}
    restored: dict[int, list[str]] = {}  # before which block
    for k, texts in _sandwiched(_rendered_lines(rendered), blocks, extracted, wanted):
        restored.setdefault(k, []).extend(texts)
    if not restored:
        return blocks
    result: list[Block] = []
    for k, block in enumerate(blocks):
        for text in restored.get(k, ()):
            element = wanted[text]
            result.append(
                Block(text, gap_before=True, tag=element.tag, link_density=element.link_density, markup=element.markup)
            )
        result.append(block)
    return result


def _may_be_back(element: Element) -> bool:
    """Not an item that is all link: a list of links between two paragraphs is a box of other
    stories ("More:", "Related") as often as the article's own (its references)."""
    return element.tag != LIST_ITEM or element.link_density < _LINKED_ITEM


def _kind(tag: str | None) -> str | None:
    return "heading" if tag in HEADING_TAGS else tag


def _rendered_lines(rendered: str) -> Iterator[str]:
    return (line for line in (" ".join(raw.split()) for raw in rendered.splitlines()) if line)


def _sandwiched(
    lines: Iterator[str], blocks: list[Block], extracted: set[str], elements: Mapping[str, Element]
) -> Iterator[tuple[int, list[str]]]:
    """For each run of left-out elements between the lines of two consecutive blocks, the second
    block's index and the elements' texts.

    One walk over the rendered lines, matching them to the blocks in order: a line that is the
    text of a block after the last one matched matches the first such block (a block that matches
    no line of its own, a part of one, is passed over); an element no block holds is held while
    only such elements follow; any other line lets the held ones go.
    """
    at: dict[str, list[int]] = {}
    for k, block in enumerate(blocks):
        at.setdefault(block.text, []).append(k)
    last: int | None = None  # the block the last line matched, None when a line since matched none
    matched = -1  # the last block matched
    held: list[str] = []
    for line in lines:
        same = at.get(line, [])
        found = same[n] if (n := bisect_right(same, matched)) < len(same) else None
        if found is not None:
            if held and last == found - 1:
                yield found, held
            held, last, matched = [], found, found
        elif line in elements and line not in extracted:
            held.append(line)
        else:
            held, last = [], None
