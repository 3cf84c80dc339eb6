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
   Every line of the page it leaves out is recorded as PAG001's removal.
4. Its output becomes one Block per paragraph, heading, list item, quote or
   table row, so the text rules run on it next. When trafilatura finds
   nothing, the pruned page's own text becomes the blocks instead.

trafilatura and selectolax are imported here only, so text-only use of
cleaner never loads them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cleaner.article import Article, Block, Removal
from cleaner.frontends import Reading, extract, pagemeta, pagereading
from cleaner.frontends import text as text_frontend
from cleaner.frontends.decode import repair_mojibake
from cleaner.frontends.standfirst import standfirst
from cleaner.frontends.unextracted import unextracted_lines
from cleaner.rules import html as html_rules
from cleaner.rules.framework.claims import claimed
from cleaner.rules.framework.fields import absorb, absorb_hit
from cleaner.rules.framework.kinds import NodeRule, PageRule
from cleaner.rules.layout import MAIN_CONTENT_RULE

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
# Elements whose content is text, not markup: a "<div>" inside a script's string opens nothing.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
_RAW_TEXT_END = {name: re.compile(f"</{name}", re.I) for name in _RAW_TEXT}
# A comment (to the page's end when unclosed), or a whole tag: "/" when it ends an element, and its
# name as the HTML tokenizer reads it (up to a space, "/" or ">"); a tag left open runs to the page's
# end (so the search never tries each later "<" for a ">" that is not there).
_MARKUP = re.compile(r"<(?:!--(?:.*?-->|.*)|(/?)([a-zA-Z][^\s/>]*)[^>]*+(?:>|\Z))", re.S)
# Elements nested deeper are unwrapped, their text kept. Real pages nest a few dozen levels (56 at most
# over the 1,678 evaluation pages); lxml, which trafilatura reads pages with, stops at 255 and Chrome
# at 512; lexbor's parse slows with the square of the depth.
MAX_DEPTH = 200
# A `<noscript>` copy of the page's content holds more than a plea to turn scripts on.
_MIN_NOSCRIPT_CHARS = 500
# On a forum's thread, the posts are the content though their markup is a comment section's: the
# node rules that prune comment sections leave them (`pagemeta.markup_fields` tells the thread).
_POSTS_RULES = frozenset({"comment-section"})


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
    while match := _MARKUP.search(html, position):  # an unclosed tag opens nothing, nor does any after it
        start, position = match.span()
        closing, name = match.groups()
        if name is None:  # a comment
            continue
        if html[position - 1] != ">":  # a tag the page leaves open
            break
        name = name.lower()
        if closing:
            nesting.close(name, start, position)
        elif name in _RAW_TEXT:
            raw_end = _RAW_TEXT_END[name].search(html, position)
            if raw_end is None:
                break
            position = raw_end.start()
        elif name not in _FLAT_TAGS and html[position - 2] != "/":
            nesting.open(name, start, position)
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


def read(html: str, *, url: str | None, config: Config) -> Reading:
    """Parse, prune with the configuration's node rules, extract; see the module docstring.

    The rule pass runs once, with the Article the page's metadata seeded, so a title known
    from the markup is never replaced by a body line. When trafilatura finds nothing, the
    pruned page's text is judged as a whole-page dump, page rules included.
    """
    from selectolax.lexbor import LexborHTMLParser

    html = repair_mojibake(cap_nesting(html))
    tree = LexborHTMLParser(html)
    article = Article(url=url)
    markup = pagemeta.markup_fields(tree)
    discussion = markup.pop("discussion")
    read_by_trafilatura = pagereading.trafilatura_fields(html, url, tree, byline_wanted=not markup.get("authors"))
    if _shown_without_script(tree):
        for frame in tree.css("noscript iframe"):
            frame.decompose()
        tree.unwrap_tags(["noscript"])
    tree.strip_tags(["script", "style", "noscript", "template"])  # both readings above look inside them
    fields = pagemeta.page_fields(markup, read_by_trafilatura, url, lambda: page_text(tree), config.vocabulary)
    description = fields.pop("subtitle", None)
    for name, value in fields.items():
        absorb(article, name, value)
    article.subtitle = standfirst(tree, article.title, description, config.vocabulary)
    rules = config.rules_of(NodeRule)
    prune(tree, [rule for rule in rules if not (discussion and rule.name in _POSTS_RULES)], article)
    _keep_preformatted_lines(tree)
    text = page_text(tree)
    blocks = _main_content(tree, text, article, config, posts=discussion)
    if blocks:
        return Reading(blocks, article, whole_page=False, settle=False)
    return Reading(text_frontend.to_blocks(text), article, whole_page=True, settle=False)


def _main_content(tree: LexborHTMLParser, text: str, article: Article, config: Config, *, posts: bool) -> list[Block]:
    """The main content trafilatura extracts from the pruned page, each line of the page's `text` it
    leaves out recorded under the rule that keeps a page's main content (`outside-main-content`).
    Without that rule in force, nothing: the pruned page's text is judged whole, as a dump's is."""
    rule = next((rule for rule in config.rules_of(PageRule) if rule.name == MAIN_CONTENT_RULE), None)
    if rule is None:
        return []
    blocks = extract.main_content(tree.html or "", text, posts=posts)
    if not blocks:  # nothing found: the page's text is judged whole instead, and nothing is left out
        return []
    for line in unextracted_lines(blocks, text):
        article.removals.append(Removal(rule.code, rule.name, line, detail="left out by the main-content extraction"))
    return blocks


def _shown_without_script(tree: LexborHTMLParser) -> bool:
    """Whether the page's `<noscript>` elements hold more text than the rest of it: a page whose
    script draws its content gives readers without one (and crawlers) a copy there, as forums
    do; elsewhere they hold a tracking pixel or a plea to turn scripts on. An `<iframe>`'s text is
    markup no browser shows (an unclosed one there swallows the rest of the page)."""
    inside = sum(len(node.text()) for node in tree.css("noscript")) - sum(
        len(node.text()) for node in tree.css("noscript iframe")
    )
    if inside < _MIN_NOSCRIPT_CHARS or tree.body is None:
        return False
    return inside > len(tree.body.text()) - inside


def prune(tree: LexborHTMLParser, rules: list[NodeRule], article: Article) -> None:
    """Remove the nodes the node rules claim and confirm, recording each removal.

    Outer nodes are judged first, so a box inside a pruned box is not recorded twice.
    """
    if tree.body is None:
        return
    candidates = claimed(tree.body, rules)
    pruned: set[int] = set()
    doomed: list[LexborNode] = []
    for _, _, node, rule in sorted((_depth(n), order, n, r) for order, (n, r) in enumerate(candidates)):
        if _inside(node, pruned):
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
    parent = node.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    return depth


def _inside(node: LexborNode, pruned: set[int]) -> bool:
    """Whether one of the node's ancestors is pruned already."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id in pruned:
            return True
        parent = parent.parent
    return False


def _keep_preformatted_lines(tree: LexborHTMLParser) -> None:
    """Spell the line breaks of preformatted text as `<br>`, which survive extraction: whitespace
    elsewhere collapses as a browser collapses it."""
    from selectolax.lexbor import LexborHTMLParser

    line_break = LexborHTMLParser("<br>").css_first("br", strict=True)
    assert line_break is not None  # the fragment is one <br>
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
