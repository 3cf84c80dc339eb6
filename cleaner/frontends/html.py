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

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cleaner import dates, metadata
from cleaner.article import Article, Block, Caption, Removal
from cleaner.frontends import text as text_frontend
from cleaner.rules import html as html_rules

if TYPE_CHECKING:
    from lxml.etree import _Element
    from selectolax.lexbor import LexborHTMLParser, LexborNode

    from cleaner.rules.registry import Rule

# trafilatura's output elements that make a block of their own, and the HTML tag each stands for.
_BLOCK_TAGS = {"p": "p", "head": "h2", "item": "li", "row": "tr", "quote": "blockquote", "code": "pre"}
# Elements that start a new line in the fallback page text (as a scraper's dump does).
_DUMP_BREAKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "form", "figure", "figcaption"}
    | {"li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "br", "blockquote", "pre"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|Review|Recipe|HowTo|WebPage")
# Elements that never hold others or close themselves when the next one opens: they do not nest.
_FLAT_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    | {"p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot", "html", "head", "body"}
)
# Elements whose content is text, not markup: a "<div>" inside a script's string opens nothing.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
_RAW_TEXT_END = {name: re.compile(f"</{name}", re.I) for name in _RAW_TEXT}
# A comment's start, or a tag's name as the HTML tokenizer reads it (up to a space, "/" or ">").
_MARKUP = re.compile(r"<(!--|/?[a-zA-Z][^\s/>]*)")
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
# Elements nested deeper are unwrapped, their text kept. Real pages nest a few dozen levels (56 at most
# over the 1,678 evaluation pages); lxml, which trafilatura reads pages with, stops at 255 and Chrome
# at 512; lexbor's parse slows with the square of the depth.
MAX_DEPTH = 200


def cap_nesting(html: str) -> str:
    """The page with every element nested deeper than `MAX_DEPTH` unwrapped: its tags left out, its text kept.

    Depth is judged as the parser builds the tree, not by counting tags: script, style and comment
    text holds no elements; void elements and those whose end tag is optional (p, li, td) do not
    nest; an end tag closes the nearest open element of its name, and none when none is open (a
    stray `</span>` closes no `<div>`). A page within the limit is returned as it is.

    >>> cap_nesting("<div>" * (MAX_DEPTH + 2) + "text" + "</div>" * (MAX_DEPTH + 2)) == (
    ...     "<div>" * MAX_DEPTH + "text" + "</div>" * MAX_DEPTH
    ... )
    True
    """
    nesting = _Nesting()
    position = 0
    while match := _MARKUP.search(html, position):
        token = match.group(1)
        end = html.find("-->" if token == "!--" else ">", match.end())
        if end < 0:  # an unclosed comment or tag runs to the end of the page
            break
        position = end + (3 if token == "!--" else 1)
        name = token.lstrip("/").lower()
        if token.startswith("/"):
            nesting.close(name, match.start(), position)
        elif name in _RAW_TEXT:
            closing = _RAW_TEXT_END[name].search(html, position)
            if closing is None:
                break
            position = closing.start()
        elif token != "!--" and name not in _FLAT_TAGS and html[end - 1] != "/":
            nesting.open(name, match.start(), position)
    return nesting.unwrapped(html)


class _Nesting:
    """The open elements of a page being read, and the spans of the tags nested too deep to keep."""

    def __init__(self) -> None:
        self.elements: list[tuple[str, bool]] = []  # (name, kept), outermost first
        self.open_by_name: dict[str, int] = {}
        self.kept = 0
        self.cuts: list[tuple[int, int]] = []

    def open(self, name: str, start: int, end: int) -> None:
        keep = self.kept < MAX_DEPTH
        self.kept += keep
        if not keep:
            self.cuts.append((start, end))
        self.elements.append((name, keep))
        self.open_by_name[name] = self.open_by_name.get(name, 0) + 1

    def close(self, name: str, start: int, end: int) -> None:
        """Close the nearest open element called `name` and those inside it; a stray end tag closes nothing."""
        if not self.open_by_name.get(name):
            return
        while True:
            top, keep = self.elements.pop()
            self.open_by_name[top] -= 1
            self.kept -= keep
            if top == name:
                break
        if not keep:
            self.cuts.append((start, end))

    def unwrapped(self, html: str) -> str:
        """The page without the tags cut (the same string when none is)."""
        if not self.cuts:
            return html
        starts = [end for _, end in self.cuts]
        ends = [start for start, _ in self.cuts[1:]] + [len(html)]
        return html[: self.cuts[0][0]] + "".join(html[a:b] for a, b in zip(starts, ends, strict=True))


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


@dataclass(slots=True)
class HtmlPage:
    """What the front end hands the engine: blocks, and an Article seeded from the page.

    `extracted` is false when the blocks are the whole pruned page's text
    (trafilatura found nothing), which the page rules then judge as a dump.
    """

    blocks: list[Block]
    article: Article
    extracted: bool


def read(html: str, *, url: str | None, rules: Iterable[Rule]) -> HtmlPage:
    """Parse, prune with the node rules `rules`, extract; see the module docstring."""
    from selectolax.lexbor import LexborHTMLParser

    html = repair_mojibake(cap_nesting(html))
    tree = LexborHTMLParser(html)
    article = Article(url=url)
    markup = markup_metadata(tree)  # reads the JSON-LD scripts, which go next
    tree.strip_tags(["script", "style", "noscript", "template"])
    # htmldate's quick search reads the page's dates with more care than taking JSON-LD's
    # datePublished, and where it finds none the page's first dateline does better than the markup:
    # on the WCXB gold 0.848, against 0.828 for the markup first and 0.845 for trafilatura alone.
    markup_date = markup.pop("published", None)
    _fill(article, markup)
    _fill(article, page_metadata(html, url))
    if not article.published:
        _fill(article, {"published": dates.first_dateline(page_text(tree))})
    _fill(article, {"published": markup_date})
    if tree.body is not None:
        prune(tree, list(rules), article)
    pruned = tree.html
    text = page_text(tree)
    blocks = _extract(pruned, len(text))
    if blocks:
        return HtmlPage(blocks, article, extracted=True)
    return HtmlPage(text_frontend.to_blocks(text), article, extracted=False)


def prune(tree: LexborHTMLParser, rules: list[Rule], article: Article) -> None:
    """Remove the nodes the node rules claim and confirm, recording each removal.

    Outer nodes are judged first, so a box inside a pruned box is not recorded twice.
    """
    claimed = html_rules.claimed(tree.body, rules)
    pruned: set[int] = set()
    doomed: list[LexborNode] = []
    for depth, _, node, rule in sorted((_depth(n), order, n, r) for order, (n, r) in enumerate(claimed)):
        if _inside(node, pruned, depth):
            continue
        hit = rule.check(node)
        if hit is None:
            continue
        pruned.add(node.mem_id)
        doomed.append(node)
        text = html_rules.node_text(node)
        if text:
            moved_to = _record(article, hit.moved_to, hit.value)
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


def _record(article: Article, field: str | None, value: Any) -> str | None:
    if field == "captions" and isinstance(value, Caption) and (value.text or value.credit):
        article.captions.append(value)
        return field
    if field == "credits" and value and value not in article.credits:
        article.credits.append(value)
        return field
    return None


def page_metadata(html: str, url: str | None) -> dict[str, Any]:
    """trafilatura's metadata of the whole page: pruning first would hide bylines and dates from it.

    The date comes from htmldate's quick search (markup, date elements and patterns, the URL). Its
    extensive search (dateparser over free text, then the whole page text) costs four times as
    much; where the quick one finds nothing, the page's first dateline does as well (`read`).
    """
    from trafilatura import extract_metadata

    doc = extract_metadata(html, default_url=url, extensive=False)
    return {
        "title": doc.title,
        "authors": [a.strip() for a in (doc.author or "").split(";") if a.strip()],
        "published": doc.date,
        "publisher": doc.sitename,
        "subtitle": doc.description,
        "tags": [*(doc.categories or []), *(doc.tags or [])],
        "url": doc.url,
        "language": doc.language,
    }


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
    index = 0
    for tag, text, link_chars in _leaf_texts(body):
        text = repair_mojibake(text)  # again: garbled characters may have been written as entities
        density = min(1.0, link_chars / max(1, len(text.strip())))
        for n, line in enumerate(line.strip() for line in text.splitlines()):
            if line:
                gap = index > 0 and n == 0
                yield Block(" ".join(line.split()), index, gap_before=gap, tag=tag, link_density=round(density, 2))
                index += 1


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


def markup_metadata(tree: LexborHTMLParser) -> dict[str, Any]:
    """Metadata the page states in its markup: JSON-LD first, then OpenGraph and <meta>."""
    found: dict[str, Any] = {}
    for item in _json_ld_items(tree):
        _setdefaults(found, _from_json_ld(item))
    meta = {
        (node.attributes.get("property") or node.attributes.get("name") or "").lower(): node.attributes.get("content")
        for node in tree.css("meta[content]")
    }
    canonical = tree.css_first("link[rel='canonical'][href]")
    html = tree.css_first("html")
    _setdefaults(
        found,
        {
            "title": meta.get("og:title"),
            "authors": [meta["author"]] if meta.get("author") and "://" not in meta["author"] else [],
            "published": meta.get("article:published_time"),
            "publisher": meta.get("og:site_name"),
            "subtitle": meta.get("og:description") or meta.get("description"),
            "url": canonical.attributes.get("href") if canonical else meta.get("og:url"),
            "language": (html.attributes.get("lang") if html else None) or meta.get("og:locale"),
        },
    )
    return found


def _json_ld_items(tree: LexborHTMLParser) -> Iterator[dict]:
    """The article items of the page's JSON-LD scripts; a script that does not parse (broken, or nested
    past Python's recursion limit) is passed over: bad metadata costs its metadata, not the page."""
    for script in tree.css("script[type='application/ld+json']"):
        try:
            data = json.loads(script.text(), strict=False)
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            stack.extend(item.get("@graph", ()) if isinstance(item.get("@graph"), list) else ())
            kind = item.get("@type")
            if _ARTICLE_TYPES.search(" ".join(kind) if isinstance(kind, list) else str(kind or "")):
                yield item


def _from_json_ld(item: dict) -> dict[str, Any]:
    publisher = item.get("publisher")
    return {
        "title": _string(item.get("headline")),
        "authors": _names(item.get("author")),
        "published": _string(item.get("datePublished")),
        "publisher": _string(publisher.get("name")) if isinstance(publisher, dict) else None,
        "subtitle": _string(item.get("description")),
        "language": _string(item.get("inLanguage")),
    }


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = [item.get("name") if isinstance(item, dict) else item for item in items]
    return [" ".join(n.split()) for n in names if isinstance(n, str) and n.strip() and "://" not in n]


def _string(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _setdefaults(found: dict[str, Any], values: dict[str, Any]) -> None:
    for key, value in values.items():
        if value and not found.get(key):
            found[key] = value


def _fill(article: Article, values: dict[str, Any]) -> None:
    """Fill the article's empty fields; a field already filled keeps its value."""
    for key, value in values.items():
        if not value or getattr(article, key):
            continue
        if key == "published":  # "2024-11-25T07:10:00Z", "Mon, 25 Nov 2024 07:10" -> "2024-11-25"
            found = dates.find_date(value)
            value = found[0] if found else value
        elif key == "language":  # "en-GB", "en_US" -> "en", as the text path reports it
            value = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
        elif key == "url" and not metadata.is_url(value):
            continue
        elif key == "tags":  # "floods, weather" is two tags
            value = list(dict.fromkeys(t.strip() for tags in value for t in tags.split(",") if t.strip()))
        elif isinstance(value, str):
            value = " ".join(value.split())
        setattr(article, key, value)
