"""Section headings that trafilatura's extraction left out, put back where the page sets them.

On a page without the containers trafilatura looks for (an `<article>`, a `<main>`, a content
class it knows), it gathers the article's paragraphs one by one, and leaves every heading out:
a guide comes out as one run of paragraphs without its sections. The page's rendered text
(`page_text`, a line per block element) tells where each heading stands: one that stands between
two extracted blocks, with nothing else between them but other headings, heads the section
the second block opens, and is put back there. A heading by text that was not extracted (a
teaser box, a sidebar's list) stays out, as does one above the first block or below the last.

Only an extraction without any heading is mended: one that holds headings came from
trafilatura's main pass, which leaves a heading out for a reason (the linked headlines of a
"More:" box between two paragraphs). On the WCXB development pages the mended extractions got
back 391 headings the gold holds and 32 it does not (most of them section headings, "1.
Understand your users"); with every extraction mended, ScrapingHub's would have taken in 7
teaser headlines and no heading of its gold.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from cleaner.article import Block

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class Heading(NamedTuple):
    """A heading element of the page: its tag ("h2") and the share of its text inside links."""

    tag: str
    link_density: float


def restore_headings(blocks: list[Block], rendered: str, headings: Mapping[str, Heading]) -> list[Block]:
    """The blocks with the headings (by their whitespace-collapsed text) that the rendered text
    sets between two of them, and nothing else there, put back in their places; the blocks as
    they are when they hold a heading.

    >>> blocks = [Block("First paragraph.", tag="p"), Block("Second paragraph.", tag="p", gap_before=True)]
    >>> rendered = "Menu\\nFirst paragraph.\\nWhere to start\\nSecond paragraph.\\nFooter"
    >>> [(b.tag, b.text) for b in restore_headings(blocks, rendered, {"Where to start": Heading("h2", 0.0)})]
    [('p', 'First paragraph.'), ('h2', 'Where to start'), ('p', 'Second paragraph.')]
    """
    if not headings or len(blocks) < 2 or any(block.tag in HEADING_TAGS for block in blocks):
        return blocks
    extracted = {block.text for block in blocks}
    restored: dict[int, list[str]] = {}  # before which block
    for k, texts in _sandwiched(_rendered_lines(rendered), blocks, extracted, headings):
        restored.setdefault(k, []).extend(texts)
    if not restored:
        return blocks
    result: list[Block] = []
    for k, block in enumerate(blocks):
        for text in restored.get(k, ()):
            result.append(
                Block(text, gap_before=True, tag=headings[text].tag, link_density=headings[text].link_density)
            )
        result.append(block)
    return result


def _rendered_lines(rendered: str) -> Iterator[str]:
    return (line for line in (" ".join(raw.split()) for raw in rendered.splitlines()) if line)


def _sandwiched(
    lines: Iterator[str], blocks: list[Block], extracted: set[str], headings: Mapping[str, Heading]
) -> Iterator[tuple[int, list[str]]]:
    """For each run of left-out headings between the lines of two consecutive blocks, the second
    block's index and the headings' texts.

    One walk over the rendered lines, matching them to the blocks in order: a line that is the
    text of a block after the last one matched matches the first such block (a block that matches
    no line of its own, a part of one, is passed over); a heading no block holds is held while only
    headings follow; any other line lets the held ones go.
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
        elif line in headings and line not in extracted:
            held.append(line)
        else:
            held, last = [], None
