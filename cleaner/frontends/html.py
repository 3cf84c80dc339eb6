"""HTML page -> blocks plus the metadata and removals the markup itself gives.

1. selectolax parses the page, once UTF-8 garbled into cp1252 ("canâ€™t")
   is put back (`repair_mojibake`). Metadata comes from the markup (JSON-LD,
   then OpenGraph and <meta>, then <html lang> and the canonical link),
   then from trafilatura's reading of the whole page, which fills the rest
   and gives the date (else the page's first dateline, else the markup's).
2. The node rules (`cleaner/rules/html.py`) prune page furniture, each
   pruned node leaving a Removal; captions and credits move to metadata.
3. trafilatura finds the main content of the pruned page (comments off), in
   its balanced mode, or in its recall mode when that finds clearly more.
4. Its output becomes one Block per paragraph, heading, list item, quote or
   table row, so the text rules run on it next. When trafilatura finds
   nothing, the pruned page's own text becomes the blocks instead.

trafilatura and selectolax are imported here only, so text-only use of
cleaner never loads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from cleaner.article import Article, Block, Removal
from cleaner.frontends import Reading, pagemeta
from cleaner.frontends import text as text_frontend
from cleaner.rules import html as html_rules
from cleaner.rules.framework.fields import absorb, absorb_hit
from cleaner.rules.framework.kinds import NodeRule

if TYPE_CHECKING:
    from lxml.etree import _Element
    from selectolax.lexbor import LexborHTMLParser, LexborNode

    from cleaner.config import Config

# trafilatura's output elements that make a block of their own, and the HTML tag each stands for.
_BLOCK_TAGS = {"p": "p", "head": "h2", "item": "li", "row": "tr", "quote": "blockquote", "code": "pre"}
# Elements that start a new line in the fallback page text (as a scraper's dump does).
_DUMP_BREAKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "form", "figure", "figcaption"}
    | {"li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "br", "blockquote", "pre"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
# Elements that never hold others or close themselves when the next one opens: they do not nest.
_FLAT_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    | {"p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot", "html", "head", "body"}
)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)")
# How much longer than the balanced extraction the recall-favouring one must be to replace it,
# and the share of the pruned page's text below which the balanced one is worth that second try
# (most pages' balanced extraction holds more: the second run is spared on four pages in five).
_RECALL_GAIN = 1.2
_RECALL_TRY_SHARE = 0.75
# UTF-8 read once as cp1252 or latin-1 and written out again as UTF-8 ("canâ€™t" for "can’t"):
# the lead byte of a multi-byte character, then its continuation bytes, each shown as the character
# cp1252 (or latin-1, for the bytes cp1252 leaves undefined) gives that byte. Of the two-byte
# characters only those of Latin-1 (lead "Â" or "Ã") are repaired: other leads are letters that
# real text puts before a quote or a dash ("groß“").
_CONTINUATION = "[\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
_MOJIBAKE = re.compile(
    f"[\u00c2\u00c3]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}|[\u00f0-\u00f4]{_CONTINUATION}{{3}}"
)
_MOJIBAKE_MARKS = ("â€", "â\x80", "Ã", "Â")
# Browsers stop nesting at 512 levels; lexbor and the node rules slow down with the square of depth.
MAX_DEPTH = 1000


class MarkupError(ValueError):
    """HTML nested deeper than any real page: hostile input, refused before it is parsed."""


def refuse_deep_nesting(html: str) -> None:
    """Raise `MarkupError` when elements nest more than `MAX_DEPTH` deep (counted from the tags)."""
    depth = 0
    for closing, name in _TAG.findall(html):
        if name.lower() in _FLAT_TAGS:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > MAX_DEPTH:
            raise MarkupError(f"HTML nested more than {MAX_DEPTH} elements deep")


def repair_mojibake(html: str) -> str:
    """Undo UTF-8 that was decoded as cp1252 or latin-1 and saved again, character by character.

    Content systems that copy text between databases garble it this way, and the page then
    declares UTF-8 truthfully: the bytes are valid, the characters are wrong. Each run that spells
    one UTF-8 character's bytes is put back; a run whose bytes are no UTF-8 character is left.

    Only pages holding one of the commonest garbled pairs are searched (a fast test): left and
    right quotes, dashes, accented capitals and lower-case letters, the no-break space.

    >>> repair_mojibake("canâ€™t stop â\x80\x94 cafÃ© Â½")
    'can’t stop — café ½'
    """
    if not any(mark in html for mark in _MOJIBAKE_MARKS):
        return html
    return _MOJIBAKE.sub(_unmangle, html)


def _unmangle(match: re.Match[str]) -> str:
    garbled = match.group()
    raw = bytes(ord(char) if ord(char) < 256 else char.encode("cp1252")[0] for char in garbled)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return garbled


def read(html: str, *, url: str | None, config: Config) -> Reading:
    """Parse, prune with the configuration's node rules, extract; see the module docstring.

    The rule pass runs once, with the Article the page's metadata seeded, so a title known
    from the markup is never replaced by a body line. When trafilatura finds nothing, the
    pruned page's text is judged as a whole-page dump, page rules included.
    """
    from selectolax.lexbor import LexborHTMLParser

    refuse_deep_nesting(html)
    html = repair_mojibake(html)
    tree = LexborHTMLParser(html)
    article = Article(url=url)
    markup = pagemeta.markup_fields(tree)  # reads the JSON-LD scripts, which go next
    tree.strip_tags(["script", "style", "noscript", "template"])
    for name, value in pagemeta.page_fields(markup, html, url, lambda: page_text(tree)).items():
        absorb(article, name, value)
    if tree.body is not None:
        prune(tree, list(config.rules_of(NodeRule)), article)
    pruned = tree.html
    text = page_text(tree)
    blocks = _extract(pruned, len(text))
    if blocks:
        return Reading(blocks, article, whole_page=False, settle=False)
    return Reading(text_frontend.to_blocks(text), article, whole_page=True, settle=False)


def prune(tree: LexborHTMLParser, rules: list[NodeRule], article: Article) -> None:
    """Remove the nodes the node rules claim and confirm, recording each removal.

    Outer nodes are judged first, so a box inside a pruned box is not recorded twice.
    """
    claimed = html_rules.claimed(tree.body, rules)
    pruned: set[int] = set()
    doomed: list[LexborNode] = []
    for depth, _, node, rule in sorted((_depth(n), order, n, r) for order, (n, r) in enumerate(claimed)):
        if _inside(node, pruned, depth):
            continue
        hit = rule(node)
        if hit is None:
            continue
        pruned.add(node.mem_id)
        doomed.append(node)
        text = html_rules.node_text(node)
        if text:
            moved_to = absorb_hit(article, hit, text)
            article.removals.append(Removal(rule.code, rule.name, text, moved_to, detail=f"<{node.tag}>"))
    for node in doomed:  # only now: judging reads nodes inside these
        node.decompose()


def _depth(node: LexborNode) -> int:
    depth = 0
    while (node := node.parent) is not None:
        depth += 1
    return depth


def _inside(node: LexborNode, pruned: set[int], depth: int) -> bool:
    for _ in range(depth):
        node = node.parent
        if node.mem_id in pruned:
            return True
    return False


def _extract(html: str, page_chars: int) -> list[Block]:
    """The main content of the pruned page as blocks: trafilatura's balanced extraction, or its
    recall-favouring one when that finds clearly more text.

    Balanced mode sometimes settles on part of the article (one section of a guide, the text
    before a table or a list of entries) where recall mode takes the whole; when recall mode
    finds little more, the balanced extraction is the more precise one. On the WCXB dev pages
    this choice raised recall from 0.943 to 0.951 with precision unchanged; ScrapingHub's
    scores did not change. Recall mode is only tried when the balanced extraction leaves out
    a good part of the page's text.
    """
    balanced = _trafilatura_blocks(html, favor_recall=False)
    if _chars(balanced) >= _RECALL_TRY_SHARE * page_chars:
        return balanced
    recall = _trafilatura_blocks(html, favor_recall=True)
    return recall if _chars(recall) > _RECALL_GAIN * _chars(balanced) else balanced


def _trafilatura_blocks(html: str, *, favor_recall: bool) -> list[Block]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_links=True,
        with_metadata=False,
        favor_recall=favor_recall,
        fast=favor_recall,  # the retry skips trafilatura's fallback extractors: same scores, less time
    )  # links are kept for each block's link density; without a URL, their targets are not resolved
    return list(_blocks(doc.body)) if doc is not None and doc.body is not None else []


def _chars(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks)


def _blocks(body: _Element) -> Iterator[Block]:
    """One block per line of each paragraph-like element of trafilatura's output tree."""
    first = True
    for tag, text, link_chars in _leaf_texts(body):
        text = repair_mojibake(text)  # again: garbled characters may have been written as entities
        density = min(1.0, link_chars / max(1, len(text.strip())))
        for n, line in enumerate(line.strip() for line in text.splitlines()):
            if line:
                yield Block(
                    " ".join(line.split()), gap_before=not first and n == 0, tag=tag, link_density=round(density, 2)
                )
                first = False


def _leaf_texts(element: _Element) -> Iterator[tuple[str, str, int]]:
    """(tag, text, characters inside links) of each block element, in order.

    A block nested in another (a list in a list item) splits its parent's text.
    """
    parts, link_chars = [element.text or ""], 0
    tag = element.get("rend") if element.tag == "head" else None
    tag = tag or _BLOCK_TAGS.get(element.tag, "div")
    for child in element:
        if child.tag in _BLOCK_TAGS or child.tag in ("list", "table"):
            yield tag, "".join(parts), link_chars
            yield from _leaf_texts(child)
            parts, link_chars = [], 0
        elif child.tag == "lb":
            parts.append("\n")
        else:
            text = child.xpath("string()")
            parts.append(f" {text}" if child.tag == "cell" else text)
            link_chars += len(text) if child.tag == "ref" else sum(len(r.xpath("string()")) for r in child.iter("ref"))
        parts.append(child.tail or "")
    yield tag, "".join(parts), link_chars


def page_text(tree: LexborHTMLParser) -> str:
    """The text of the page, one line per block element, like a scraper's dump (visible text once
    `read` has stripped the scripts and styles)."""
    if tree.body is None:
        return ""
    lines: list[str] = []
    for node in tree.body.traverse(include_text=True):
        if node.is_text_node:
            lines[-1:] = [(lines[-1] if lines else "") + (node.text_content or "")]
        elif node.tag in _DUMP_BREAKS:
            lines.append("")
    return "\n".join(" ".join(line.split()) for line in lines)
