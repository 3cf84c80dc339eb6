"""HTML page -> blocks plus the metadata and removals the markup itself gives.

1. selectolax parses the page; the markup's own metadata (JSON-LD, then
   OpenGraph and <meta>, then <html lang> and the canonical link) is read
   before anything is pruned.
2. The node rules (`cleaner/rules/html.py`) prune page furniture, each
   pruned node leaving a Removal; captions and credits move to metadata.
3. trafilatura finds the main content of the pruned page (comments off) and
   fills whatever metadata the markup did not give.
4. Its output becomes one Block per paragraph, heading, list item, quote or
   table row, so the text rules run on it next. When trafilatura finds
   nothing, the pruned page's own text becomes the blocks instead.

trafilatura and selectolax are imported here only, so text-only use of
cleaner never loads them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
    "p div section article li td tr br h1 h2 h3 h4 h5 h6 blockquote pre header footer nav aside ul ol table "
    "form figure figcaption dl dt dd main".split()
)
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|Review|Recipe|HowTo|WebPage")
_ISO_DATE = re.compile(r"^(\d{4}-\d\d-\d\d)")


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

    tree = LexborHTMLParser(html)
    article = Article(url=url)
    _fill(article, markup_metadata(tree))
    if tree.body is not None:
        prune(tree, list(rules), article)
    blocks = _extract(tree, url, article)
    if blocks:
        return HtmlPage(blocks, article, extracted=True)
    return HtmlPage(text_frontend.to_blocks(page_text(tree)), article, extracted=False)


def prune(tree: LexborHTMLParser, rules: list[Rule], article: Article) -> None:
    """Remove the nodes the node rules claim and confirm, recording each removal.

    Outer nodes are judged first, so a box inside a pruned box is not recorded twice.
    """
    pruned: set[int] = set()
    doomed: list[LexborNode] = []
    for depth, _, node, rule in sorted(_claims(tree, rules)):
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


def _claims(tree: LexborHTMLParser, rules: list[Rule]) -> list[tuple[int, int, LexborNode, Rule]]:
    """(depth, order, node, rule) for each claimed node, with the first rule (in registry order) that claims it."""
    table = html_rules.claims()
    content = html_rules.content_words()
    claimed: dict[int, tuple[LexborNode, Rule]] = {}
    for rule in rules:
        claim = table.get(rule.name)
        if claim is None:
            continue
        for node in tree.body.css(claim.css) if claim.css else ():
            claimed.setdefault(node.mem_id, (node, rule))
        for node in tree.body.css(claim.candidates) if claim.keywords else ():
            if node.mem_id not in claimed:
                attrs = node.attributes
                words = html_rules.class_words(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")
                if claim.keywords.search(words) and not content.search(words):
                    claimed[node.mem_id] = (node, rule)
    return [(_depth(node), order, node, rule) for order, (node, rule) in enumerate(claimed.values())]


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


def _extract(tree: LexborHTMLParser, url: str | None, article: Article) -> list[Block]:
    import trafilatura

    from trafilatura.settings import set_date_params

    # Dates found by scanning the page's text are often a copyright year or a neighbour's
    # date; markup dates only: on WCXB this is right 6 points more often, and faster.
    doc = trafilatura.bare_extraction(
        tree.html, url=url, include_comments=False, with_metadata=True, date_extraction_params=set_date_params(False),
        favor_recall=os.environ.get("REC") == "1", include_tables=os.environ.get("TAB", "1") == "1",
    )
    if doc is None:
        return []
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    _fill(
        article,
        {
            "title": doc.title,
            "authors": authors,
            "published": doc.date,
            "publisher": doc.sitename,
            "subtitle": doc.description,
            "tags": [*(doc.categories or []), *(doc.tags or [])],
            "url": doc.url,
            "language": doc.language,
        },
    )
    return list(_blocks(doc.body)) if doc.body is not None else []


def _blocks(body: _Element) -> Iterator[Block]:
    """One block per line of each paragraph-like element of trafilatura's output tree."""
    index = 0
    for tag, text in _leaf_texts(body):
        for n, line in enumerate(line.strip() for line in text.splitlines()):
            if line:
                yield Block(text=" ".join(line.split()), index=index, gap_before=index > 0 and n == 0, tag=tag)
                index += 1


def _leaf_texts(element: _Element) -> Iterator[tuple[str, str]]:
    """(tag, text) of each block element, in order; a block nested in another splits its text."""
    parts = [element.text or ""]
    tag = _BLOCK_TAGS.get(element.tag, "div")
    if element.tag == "head":
        tag = element.get("rend") or tag
    for child in element:
        if child.tag in _BLOCK_TAGS or child.tag in ("list", "table"):
            yield tag, "".join(parts)
            yield from _leaf_texts(child)
            parts = []
        else:
            parts.append("\n" if child.tag == "lb" else " " if child.tag == "cell" else "")
            parts.append(child.xpath("string()") if child.tag != "lb" else "")
        parts.append(child.tail or "")
    yield tag, "".join(parts)


def page_text(tree: LexborHTMLParser) -> str:
    """The visible text of the (pruned) page, one line per block element, like a scraper's dump."""
    if tree.body is None:
        return ""
    tree.strip_tags(["script", "style", "noscript", "template"])
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
    for script in tree.css("script[type='application/ld+json']"):
        try:
            data = json.loads(script.text(), strict=False)
        except ValueError:
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
        if key == "published":
            match = _ISO_DATE.match(value)
            value = match.group(1) if match else value
        elif key == "tags":
            value = list(dict.fromkeys(t.strip() for t in value if t.strip()))
        elif isinstance(value, str):
            value = " ".join(value.split())
        setattr(article, key, value)
