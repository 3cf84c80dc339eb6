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
from typing import TYPE_CHECKING

from cleaner.article import Article, Removal
from cleaner.frontends import Reading, extract, pagemeta
from cleaner.frontends import text as text_frontend
from cleaner.frontends.decode import repair_mojibake
from cleaner.frontends.standfirst import standfirst
from cleaner.rules import html as html_rules
from cleaner.rules.framework.fields import absorb, absorb_hit
from cleaner.rules.framework.kinds import NodeRule

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

    from cleaner.config import Config

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
    fields = pagemeta.page_fields(markup, html, url, lambda: page_text(tree), config.vocabulary)
    description = fields.pop("subtitle", None)
    for name, value in fields.items():
        absorb(article, name, value)
    article.subtitle = standfirst(tree, article.title, description, config.vocabulary)
    if tree.body is not None:
        prune(tree, list(config.rules_of(NodeRule)), article)
    _keep_preformatted_lines(tree)
    text = page_text(tree)
    blocks = extract.main_content(tree.html, text)
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


def _keep_preformatted_lines(tree: LexborHTMLParser) -> None:
    """Spell the line breaks of preformatted text as `<br>`, which survive extraction: whitespace
    elsewhere collapses as a browser collapses it."""
    from selectolax.lexbor import LexborHTMLParser

    line_break = LexborHTMLParser("<br>").css_first("br")
    for pre in tree.css("pre"):
        for node in list(pre.traverse(include_text=True)):
            text = node.text_content or "" if node.is_text_node else ""
            if "\n" not in text:
                continue
            for n, part in enumerate(text.split("\n")):
                if n:
                    node.insert_before(line_break)
                if part:
                    node.insert_before(part)
            node.decompose()


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
