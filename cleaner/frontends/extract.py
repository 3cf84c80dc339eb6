"""The main content of a pruned page, found by trafilatura, as the blocks the rules judge.

One block per paragraph, heading, list item, quote or table row, and per line of code; a
`<br>` starts a new block inside its paragraph, unless the page hard-wrapped the paragraph with
them (`_unwrapped`). Whitespace inside a block collapses as a browser collapses it, so a
paragraph hard-wrapped in the page's source is one block, never a block per source line.
trafilatura itself cuts a paragraph in two at an inline element now and then: two blocks that
the page renders on one line are joined again (`rendered`). Where it finds no container and
falls back on the page's whole text as one paragraph, that paragraph is cut again where the page
breaks its lines (`_rendered_lines`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from cleaner.article import Block, Markup
from cleaner.frontends import lxmlpage
from cleaner.frontends.decode import repair_mojibake
from cleaner.frontends.leftout import HEADING_TAGS, LIST_ITEM, Element, restore_left_out
from cleaner.frontends.rendered import LOOSE_TEXT, join_rendered_lines, join_run_on_paragraphs
from cleaner.frontends.text import run_on_breaks, wrapped_paragraphs, wrapped_width
from cleaner.shapes import shows_nothing

if TYPE_CHECKING:
    from lxml.etree import _Element
    from lxml.html import HtmlElement

# trafilatura's output elements that make a block of their own, and the HTML tag each stands for.
_BLOCK_TAGS = {"p": "p", "head": "h2", "item": "li", "row": "tr", "quote": "blockquote", "code": "pre"}
# Elements that hold blocks: the block elements themselves, lists and tables.
_CONTAINERS = frozenset({*_BLOCK_TAGS, "list", "table"})
# Blocks of running text, where a one-line `<code>` is a word of the text.
_TEXT_BLOCKS = frozenset({"p", "head", "item", "quote", "cell"})
# A table cell holding one line of at most this much text is a datum (`_holds_a_datum`).
_DATA_CELL_CHARS = 200
# Code keeps its lines; everywhere else a run of whitespace is one space.
_CODE = "pre"
_SPACE = re.compile(r"\s+")
# How much longer than the balanced extraction the recall-favouring one must be to replace it,
# and the share of the pruned page's text below which the balanced one is worth that second try
# (most pages' balanced extraction holds more: the second run is spared on four pages in five).
_RECALL_GAIN = 1.2
_RECALL_TRY_SHARE = 0.75
# The share of the pruned page's text below which trafilatura's fast extraction is checked by its
# fallback extractors (readability, jusText), as one above the page's whole text is: the share
# under which trafilatura itself retries a short extraction.
_FALLBACK_SHARE = 0.2
# The rendered lines that a glued extraction's text opens with, tried in turn as its first.
_GLUE_STARTS = 8


def main_content(html: str, rendered: str, *, posts: bool = False) -> list[Block]:
    """The main content of the pruned page `html` as blocks; `rendered` is its text, one line per
    block element (`page_text`). With `posts` (a forum's thread), the posts trafilatura reads as
    comments follow the main content.

    trafilatura's balanced extraction, or its recall-favouring one when that finds clearly more
    text. Balanced mode sometimes settles on part of the article (one section of a guide, the text
    before a table or a list of entries) where recall mode takes the whole; when recall mode finds
    little more, the balanced extraction is the more precise one. On the WCXB dev pages this
    choice raised recall from 0.943 to 0.951 with precision unchanged; ScrapingHub's scores did not
    change. Recall mode is only tried when the balanced extraction leaves out a good part of the
    page's text.

    The balanced extraction runs fast first, without the readability and jusText extractions that
    trafilatura checks its own against (a third of its time), and again with them only when the
    fast one holds less than `_FALLBACK_SHARE` of the page's text, or more than all of it (some
    taken twice). Over the 1,676 pages of the evaluation sets, the two differ on 112 of the 191
    pages below that share and on 45 of the 1,478 between it and the whole text; F1 moved by 0.001
    or less on each set (0.3 and 0.5 for the share cost more time and scored no better).
    """
    page = lxmlpage.parse(html)  # parsed once: trafilatura reads a copy of the tree each time
    if page is None:
        return []
    balanced = _trafilatura_blocks(page, favor_recall=False, fast=True, posts=posts)
    if not _FALLBACK_SHARE * len(rendered) <= _chars(balanced) <= len(rendered):
        balanced = _trafilatura_blocks(page, favor_recall=False, fast=False, posts=posts)
    if _chars(balanced) < _RECALL_TRY_SHARE * len(rendered):
        recall = _trafilatura_blocks(page, favor_recall=True, fast=True, posts=posts)
        balanced = recall if _chars(recall) > _RECALL_GAIN * _chars(balanced) else balanced
    if _glues_the_page(balanced, rendered):
        balanced = _rendered_lines(balanced[0], rendered)
    joined = join_run_on_paragraphs(join_rendered_lines(balanced, rendered))
    return restore_left_out(joined, rendered, lambda: _left_out_candidates(page))


def _glues_the_page(blocks: list[Block], rendered: str) -> bool:
    """Whether the extraction is one block longer than any line the page renders: trafilatura's
    last resort, the page's text in one paragraph (headline, byline, menus and story run together)."""
    return len(blocks) == 1 and len(blocks[0].text) > max(map(len, rendered.splitlines()), default=0)


def _rendered_lines(glued: Block, rendered: str) -> list[Block]:
    """The glued block cut where the page's rendered lines break, each piece a paragraph that keeps
    the block's own spacing (the rendered text glues inline elements: "20261h 54mR"); the block
    itself where its text is no run of whole rendered lines from any of the first `_GLUE_STARTS`
    lines its text opens with."""
    ink = [squeezed for squeezed in (_SPACE.sub("", line) for line in rendered.splitlines()) if squeezed]
    whole = _SPACE.sub("", glued.text)
    starts = (k for k, line in enumerate(ink) if whole.startswith(line))
    for first in itertools.islice(starts, _GLUE_STARTS):
        if ends := _line_ends(whole, ink[first:]):
            pieces = _cut_after_ink(glued.text, ends)
            return [Block(piece, gap_before=n > 0, tag="p") for n, piece in enumerate(pieces)]
    return [glued]


def _line_ends(whole: str, lines: list[str]) -> list[int]:
    """Where each of the `lines` ends in `whole` when they follow one another to its end, else []."""
    done, ends = 0, []
    for line in lines:
        if not whole.startswith(line, done):
            return []
        done += len(line)
        ends.append(done)
        if done == len(whole):
            return ends
    return []


def _cut_after_ink(text: str, ends: list[int]) -> list[str]:
    """`text` cut after its visible characters number each of `ends` (ascending, the last all of them)."""
    pieces, start, seen, cuts = [], 0, 0, iter(ends)
    cut = next(cuts)
    for position, character in enumerate(text):
        if not character.isspace():
            seen += 1
            if seen == cut:
                pieces.append(text[start : position + 1].strip())
                start, cut = position + 1, next(cuts, 0)
    return pieces


def _left_out_candidates(page: HtmlElement) -> dict[str, list[Element]]:
    """The page's headings and list items (those holding no list or paragraph of their own) by
    their whitespace-collapsed text, each text's in the page's order: what the extraction may have
    left out (`leftout`)."""
    found: dict[str, list[Element]] = {}
    for element in page.iter(*HEADING_TAGS, LIST_ITEM):
        if element.tag == LIST_ITEM and (element.find(".//li") is not None or element.find(".//p") is not None):
            continue
        if text := " ".join(element.text_content().split()):
            linked = sum(len("".join(link.text_content().split())) for link in element.iter("a"))
            parent = element.getparent()
            numbered = Markup(ordered=True) if parent is not None and parent.tag == "ol" else None
            density = round(min(1.0, linked / max(1, len(text.replace(" ", "")))), 2)
            found.setdefault(text, []).append(Element(element.tag, density, numbered))
    return found


def _trafilatura_blocks(page: HtmlElement, *, favor_recall: bool, fast: bool, posts: bool) -> list[Block]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        page,
        output_format="txt",  # the blocks are read from the body: its text is not rendered
        include_comments=posts,
        include_links=True,
        with_metadata=False,
        favor_recall=favor_recall,
        fast=fast,  # without the fallback extractors; the recall retry always so: same scores, less time
    )  # links are kept for each block's link density; without a URL, their targets are not resolved
    if doc is None or isinstance(doc, dict) or doc.body is None:
        return []
    found = list(_blocks(doc.body))
    return found + list(_blocks(doc.commentsbody)) if posts and doc.commentsbody is not None else found


def _chars(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks)


class _Leaf(NamedTuple):
    """The text of one block element (or of its part between nested blocks), with what
    Markdown needs of it: runs of text with their link targets, the lists and quotes it is in
    ("ol", "ul", "quote", outermost first), and the element itself (a table row's cells)."""

    tag: str
    text: str
    link_chars: int
    spans: tuple[tuple[str, str | None], ...]
    within: tuple[str, ...]
    element: _Element


def _blocks(body: _Element) -> Iterator[Block]:
    """One block per line of each paragraph-like element of trafilatura's output tree."""
    first = True
    # again: garbled characters may have been written as entities
    leaves = [(leaf, repair_mojibake(leaf.text)) for leaf in _leaf_texts(body)]
    width = max(
        (_wrap_width(text) for leaf, text in leaves if "\n" in text and leaf.tag not in _KEEPS_LINES), default=0
    )
    for leaf, text in leaves:
        density = min(1.0, leaf.link_chars / max(1, len(text.strip())))
        for n, (raw, markup) in enumerate(_lines(leaf, text, width)):
            line = raw.strip()
            if line and not shows_nothing(line):
                yield Block(
                    " ".join(line.split()),
                    gap_before=not first and n == 0,
                    tag=leaf.tag,
                    link_density=round(density, 2),
                    markup=markup,
                )
                first = False


def _lines(leaf: _Leaf, text: str, wrap_width: int) -> Iterator[tuple[str, Markup | None]]:
    """Each line of a leaf's text with its Markup (None where Markdown needs nothing more);
    `wrap_width` is the width the page hard-wraps its paragraphs at, 0 if it does not."""
    lines = text.splitlines()
    spans = _span_lines(leaf.spans) if any(url for _, url in leaf.spans) else []
    if len(lines) > 1 and leaf.tag not in _KEEPS_LINES:
        lines, spans = _unwrapped(lines, spans, wrap_width)
    cells, header = _cells(leaf.element) if leaf.tag == "tr" else ((), False)
    lists = [kind for kind in leaf.within if kind != "quote"]
    ordered, depth = (lists[-1] == "ol", len(lists) - 1) if leaf.tag == "li" and lists else (False, 0)
    for n, line in enumerate(lines):
        markup = Markup(
            spans=spans[n] if len(spans) == len(lines) else (),
            ordered=ordered,
            depth=depth,
            cells=cells,
            header=header,
            quoted="quote" in leaf.within,
            code=line.rstrip() if leaf.tag == _CODE else None,
        )
        yield line, None if markup == _PLAIN else markup


_PLAIN = Markup()
# Blocks whose line breaks are always the page's: code, and a table row (its cells' lines).
_KEEPS_LINES = frozenset({_CODE, "tr"})


def _wrap_width(text: str) -> int:
    """The width a paragraph's `<br>` lines are hard-wrapped at, 0 where they are not."""
    numbered = _numbered(text.splitlines())
    return wrapped_width(numbered, wrapped_paragraphs(numbered)) if len(numbered) > 1 else 0


def _numbered(lines: list[str]) -> list[Block]:
    return [Block(line.strip(), line=n) for n, line in enumerate(lines) if line.strip()]


def _unwrapped(
    lines: list[str], spans: list[tuple[tuple[str, str | None], ...]], wrap_width: int
) -> tuple[list[str], list[tuple[tuple[str, str | None], ...]]]:
    """The lines of a paragraph its page hard-wrapped with `<br>` (as text copied from a PDF or a
    mail is), joined by a space, and their runs of text with them, told as a text dump's wrapped
    paragraph is (`text.wrapped_paragraphs`), the page's other paragraphs with them: a page whose
    paragraph is wrapped at a width wraps the others at it too. A list set apart by `<br>` keeps
    its lines."""
    numbered = _numbered(lines)
    breaks = wrapped_paragraphs(numbered, known_width=wrap_width) | run_on_breaks(numbered)
    joins = {numbered[k + 1].line for k in breaks}
    if not joins:
        return lines, spans
    spanned = len(spans) == len(lines)
    joined_lines: list[str] = []
    joined_spans: list[tuple[tuple[str, str | None], ...]] = []
    for n, line in enumerate(lines):
        if n in joins:
            joined_lines[-1] = f"{joined_lines[-1].rstrip()} {line.lstrip()}"
            if spanned:
                joined_spans[-1] = (*joined_spans[-1], (" ", None), *spans[n])
        else:
            joined_lines.append(line)
            if spanned:
                joined_spans.append(spans[n])
    return joined_lines, joined_spans if spanned else spans


def _span_lines(spans: tuple[tuple[str, str | None], ...]) -> list[tuple[tuple[str, str | None], ...]]:
    """The runs of text cut where the text breaks into lines, as `str.splitlines` cuts it."""
    lines: list[list[tuple[str, str | None]]] = [[]]
    for text, url in spans:
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                lines.append([])
            if piece:
                lines[-1].append((piece, url))
    if not lines[-1]:
        lines.pop()
    return [tuple(line) for line in lines]


def _cells(row: _Element) -> tuple[tuple[str, ...], bool]:
    cells = [cell for cell in row if cell.tag == "cell"]
    return tuple(_cell_text(cell) for cell in cells), all(cell.get("role") == "head" for cell in cells)


def _cell_text(cell: _Element) -> str:
    """A table cell's text on one line, the blocks it may hold (paragraphs, a list's items) set
    apart by a space."""
    return " ".join(" ".join(leaf.text.split()) for leaf in _leaf_texts(cell) if leaf.text.strip())


def _table_of_data(table: _Element) -> bool:
    """A table whose every cell holds a datum, however its page wrote them (`<td><p>Iowa</p></td>`):
    each of its rows is one block, as a reader reads it. A cell holding more than a datum is a
    page's layout (a whole post in one cell); an empty cell, or a label ("Pros:"), may be one whose
    content the extraction left out (a list, which `restore_left_out` puts back between the
    cells' blocks, never inside one). A table with any such cell keeps each cell's blocks apart,
    all its rows alike."""
    rows = [row for row in table if row.tag == "row"]
    return bool(rows) and all(
        any(cell.tag == "cell" for cell in row) and all(_holds_a_datum(cell) for cell in row if cell.tag == "cell")
        for row in rows
    )


def _holds_a_datum(cell: _Element) -> bool:
    """Whether a table cell holds one short line of text, alone or in a paragraph: not a label
    ("Pros:", over a list), lines a `<br>` sets apart, or a heading (a post's title in a page laid
    out by a table)."""
    pieces = [leaf for leaf in _leaf_texts(cell) if leaf.text.strip()]
    if len(pieces) != 1 or pieces[0].tag not in (LOOSE_TEXT, "p"):
        return False
    text = pieces[0].text.strip()
    return "\n" not in text and len(text) <= _DATA_CELL_CHARS and not text.endswith(":")


def _leaf_texts(
    element: _Element, in_link: bool = False, within: tuple[str, ...] = (), data_row: bool = False
) -> Iterator[_Leaf]:
    """Each block element's text (see `_Leaf`), in order; its lines are the lines of code, or
    what line breaks (`<br>`) set apart.

    A block nested in another (a list in a list item, paragraphs in a `<div>` or a link)
    splits its parent's text: text is never flattened across the blocks it holds, but for the
    paragraphs of the cells of a table of data's rows (`_table_of_data`).
    """
    tag = element.get("rend") if element.tag == "head" else None
    tag = tag or _BLOCK_TAGS.get(element.tag, LOOSE_TEXT)
    flow = _as_is if tag == _CODE else _collapsed
    spans: list[tuple[str, str | None]] = [(flow(element.text or ""), None)]
    link_chars = 0
    data_table = element.tag == "table" and _table_of_data(element)
    for child in element:
        if not (data_row and child.tag == "cell") and (
            (child.tag in _CONTAINERS and not _inline_code(element, child)) or _holds_blocks(child)
        ):
            yield _leaf(tag, spans, link_chars, in_link, within, element)
            in_data = data_table and child.tag == "row"
            yield from _leaf_texts(child, in_link or child.tag == "ref", (*within, *_context(child)), in_data)
            spans, link_chars = [], 0
        elif child.tag == "lb":
            spans.append(("\n", None))
        else:
            text = _cell_text(child) if data_row and child.tag == "cell" else flow(child.xpath("string()"))
            spans.append(
                (f" {text}" if child.tag == "cell" else text, child.get("target") if child.tag == "ref" else None)
            )
            link_chars += len(text) if child.tag == "ref" else sum(len(r.xpath("string()")) for r in child.iter("ref"))
        spans.append((flow(child.tail or ""), None))
    yield _leaf(tag, spans, link_chars, in_link, within, element)


def _as_is(text: str) -> str:
    return text


def _collapsed(text: str) -> str:
    """Each run of whitespace as one space, as a browser shows text (most tails are empty)."""
    return _SPACE.sub(" ", text) if text else text


def _context(element: _Element) -> tuple[str, ...]:
    """What an element makes of the blocks inside it, for Markdown: a list ("ol", "ul") or a quote."""
    if element.tag == "list":
        return ("ol" if element.get("rend") == "ol" else "ul",)
    return ("quote",) if element.tag == "quote" else ()


def _leaf(
    tag: str, spans: list[tuple[str, str | None]], link_chars: int, in_link: bool, within: tuple[str, ...], element
) -> _Leaf:
    text = "".join(text for text, _ in spans)
    return _Leaf(tag, text, len(text) if in_link else link_chars, tuple(spans), within, element)


def _inline_code(parent: _Element, child: _Element) -> bool:
    """A `<code>` that names a thing inside a sentence ("the `HttpClient` instances"), not a block:
    one line, within a paragraph, a heading, a list item or a quote."""
    return child.tag == "code" and parent.tag in _TEXT_BLOCKS and "\n" not in child.xpath("string()")


def _holds_blocks(element: _Element) -> bool:
    """Whether an inline-looking element (a `<div>`, a link) holds blocks of its own."""
    return any(
        inner.tag in _CONTAINERS and not (inner.tag == "code" and "\n" not in inner.xpath("string()"))
        for inner in element.iterdescendants()
    )
