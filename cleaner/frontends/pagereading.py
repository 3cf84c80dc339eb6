"""trafilatura's reading of a page's metadata, with its searches of the page's elements done by lexbor.

`trafilatura.extract_metadata` reads the <meta> tags, the JSON-LD and the <title>, dates the page
with htmldate, and looks through the page's elements for a byline and for category and tag links.
Those searches are XPath expressions that test the class and id of every element against regular
expressions, calling back into Python for each element: they took half of the metadata's time on
the WCXB pages, and the metadata a quarter of all HTML time. Here the same expressions run as CSS
selectors on the lexbor tree cleaner has parsed already (each regular expression is a list of
literal alternatives, anchored or not, which CSS's attribute matches say as well). The rest is
trafilatura's own, in its order, on its parse of the page; the licence, which cleaner does not
report, is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import suppress
from typing import TYPE_CHECKING, Any, NamedTuple

from cleaner.frontends import lxmlpage
from cleaner.metadata import url_site

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from selectolax.lexbor import LexborHTMLParser, LexborNode


def _selector(tags: str, tests: str, inside: str = "") -> str:
    """A CSS selector list for the elements among `tags` (space-separated) that pass one of the
    attribute `tests` (comma-separated), or for the elements `inside` names within those. (lexbor
    misreads `:is()` before a descendant combinator, so the list is spelt out.)"""
    return ", ".join(f"{tag}{test.strip()}{inside}" for tag in tags.split() for test in tests.split(","))


class _Search(NamedTuple):
    """The elements among `tags` (None: any) that the CSS selector list `css` matches. The tags are
    checked apart from the attribute tests: lexbor then tests each element against a few selectors
    rather than against one for each tag and test."""

    tags: frozenset[str] | None
    css: str

    def found(self, root: LexborHTMLParser | LexborNode) -> Iterator[LexborNode]:
        """The elements under `root`, in document order, each once."""
        return (node for node in _matches(root, self.css) if self.tags is None or node.tag in self.tags)


def _search(tags: str, tests: str, bare: str = "") -> _Search:
    """The elements among `tags` (space-separated, "*" for any) that pass one of the attribute
    `tests` (a selector list), and those of the `bare` tags whatever their attributes."""
    css = ", ".join(part for part in (tests, bare.replace(" ", ", ")) if part)
    return _Search(None if tags == "*" else frozenset(f"{tags} {bare}".split()), css)


# trafilatura's AUTHOR_XPATHS, from the most specific to any element; the first text of a
# plausible length found by one of them is the author.
_AUTHOR_SEARCHES = (
    _search(
        "a address div link p span strong",
        "[rel=author], [id=author], [class=author], [itemprop='author name'], [data-testid=AuthorCard],"
        "[data-testid=AuthorURL], [class*=author-name], [class*=authorname], [class*=AuthorName], [class*=authorName]",
        bare="author",
    ),
    _search(
        "a div h3 h4 p span",
        "[class=byline], [class=username], [class=byl], [class=BBL], [itemprop*=author], [id*=author], [id*=zuozhe],"
        "[id*=bianji], [id*=xiaobian], [class*=author], [class*=channel-name], [class*=zuozhe], [class*=bianji],"
        "[class*=xiaobian], [class*=submitted-by], [class*=posted-by], [class*=journalist-name]",
    ),
    _search(
        "*",
        "[data-component*=Byline], [itemprop*=author], [id*=author], [id*=Author], [class*=author], [class*=Author],"
        "[class*=screenname], [class*=writer], [class*=byline], [class*=Byline]",
    ),
)
# trafilatura's AUTHOR_DISCARD_XPATHS: no byline is read inside these, nor their text in one.
_NOT_BYLINE = _search(
    "a div section span",
    "[id=comments], [class=comments], [class=title], [class=date], [id^=comments], [id*=commentlist],"
    "[id*=comment-list], [id*=ProductReviews], [class^=comments], [class^=Comments], [class*=commentlist],"
    "[class*=comments-list], [class*=sidebar], [class*=is-hidden], [class*=quote], [class*=embedly-instagram],"
    "[class*=article-share], [class*=article-support], [class*=print], [class*=category], [class*=meta-date],"
    "[class*=meta-reviewer], [data-component*=Figure]",
    bare="time figure",
)
_AUTHOR_LENGTH = range(3, 120)
# trafilatura's CATEGORIES_XPATHS and TAGS_XPATHS: links in the boxes that list a post's
# categories or tags, the first kind of box that holds any winning.
_LINKS = " a[href]"
_LINK_SELECTORS = {
    "category": (
        _selector(
            "div",
            "[class^=postinfo], [class^=post-info], [class^=postmeta], [class^=post-meta], [class^=meta],"
            "[class^=entry-meta], [class^=entry-info], [class^=entry-utility], [id^=postpath]",
            _LINKS,
        ),
        _selector("p", "[class^=postmeta], [class^=entry-categories], [class=postinfo], [id=filedunder]", _LINKS),
        _selector("footer", "[class^=entry-meta], [class^=entry-footer]", _LINKS),
        _selector(
            "li span", "[class=post-category], [class=postcategory], [class=entry-category], [class*=cat-links]", _LINKS
        ),
        _selector("header", "[class=entry-header]", _LINKS),
        _selector("div", "[class=row], [class=tags]", _LINKS),
    ),
    "tag": (
        _selector("div", "[class=tags]", _LINKS),
        _selector("p", "[class^=entry-tags]", _LINKS),
        _selector(
            "div",
            "[class=row], [class=jp-relatedposts], [class=entry-utility], [class^=tag], [class^=postmeta], [class^=meta]",
            _LINKS,
        ),
        _selector("*", "[class=entry-meta], [class*=topics], [class*=tags-links]", _LINKS),
    ),
}
# The links' targets must name the kind: "/category/", "/categories/", "/tags/".
_LINK_TARGETS = {kind: re.compile(f"/{kind.rstrip('y')}(?:y|ies|s)?/") for kind in _LINK_SELECTORS}
_SECTION_META = './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
# Elements whose text trafilatura sets apart with spaces when reading a link's text.
_BLOCK_ELEMENTS = (
    "address, article, aside, blockquote, br, dd, div, dl, dt, figcaption, figure, footer, form, h1, h2, h3, h4,"
    " h5, h6, header, hr, li, main, nav, ol, p, pre, section, summary, table, td, th, tr, ul"
)


def trafilatura_fields(
    html: str, url: str | None, page: LexborHTMLParser, *, byline_wanted: bool = True
) -> dict[str, Any]:
    """trafilatura's metadata of the whole page (`page` is its lexbor tree, <noscript> and <template>
    still in it, as lxml's tree holds them): pruning first would hide bylines and dates from it.
    Without `byline_wanted` (the markup names the authors, which win), the page's elements are
    not searched for a byline: only `<meta>` and JSON-LD give the author.

    The date comes from htmldate's quick search (markup, date elements and patterns, the URL). Its
    extensive search (dateparser over free text, then the whole page text) costs four times as
    much; where the quick one finds nothing, the page's first dateline does as well (`page_fields`).
    """
    tree = lxmlpage.parse(html)
    if tree is None:
        return {}
    return as_fields(_read_markup(tree, url, page, byline_wanted))


def as_fields(doc: Any) -> dict[str, Any]:
    """A trafilatura Document's metadata as the Article's fields."""
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


def _read_markup(tree: HtmlElement, url: str | None, page: LexborHTMLParser, byline_wanted: bool) -> Any:
    """trafilatura's Document for the page, read as `extract_metadata` reads it."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url
    from trafilatura.settings import set_date_params

    doc = examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None
    with suppress(Exception):  # trafilatura's JSON-LD reading has bugs of its own, which it passes over too
        doc = extract_meta_json(tree, doc)
    doc.title = doc.title or extract_title(tree)
    doc.author = doc.author or (_byline_author(page) if byline_wanted else None)
    doc.url = doc.url or extract_url(tree, url)
    doc.date = find_date(tree, **set_date_params(extensive=False), url=doc.url)
    doc.sitename = _site_name(doc.sitename, tree, doc.url)
    doc.categories = doc.categories or _labels(_link_texts("category", page) or _section_names(tree))
    doc.tags = doc.tags or _labels(_link_texts("tag", page))
    doc.clean_and_trim()
    return doc


def _site_name(stated: str | None, tree: HtmlElement, url: str | None) -> str | None:
    """The site's name as trafilatura reads it: stated, else the part of the <title> with a dot
    ("example.com"), without a Twitter handle's "@", capitalised when it is no domain; else the
    URL's host (`metadata.url_site`: no login, no port, in lower case, where trafilatura takes
    what stands between the scheme and the path)."""
    from trafilatura.metadata import extract_sitename

    name = stated or extract_sitename(tree)
    if not name:
        return url_site(url)
    name = name.lstrip("@")
    return name.title() if name and "." not in name and not name[0].isupper() else name


def _byline_author(page: LexborHTMLParser) -> str | None:
    """The author trafilatura reads from the page's elements: the first text of a plausible length
    in an element its class, id or rel marks as a byline, outside comments, sidebars and figures,
    and without the dates and figures inside it."""
    from trafilatura.json_metadata import normalize_authors

    not_bylines: set[int] | None = None  # found once a candidate needs them
    for search in _AUTHOR_SEARCHES:
        for node in search.found(page):
            if not_bylines is None:
                not_bylines = {box.mem_id for box in _NOT_BYLINE.found(page)}
            if _inside(node, not_bylines):
                continue
            text = " ".join(_text_outside(node, not_bylines).split())
            if len(text) in _AUTHOR_LENGTH:
                return normalize_authors(None, text)
    return None


def _matches(root: LexborHTMLParser | LexborNode, selector: str) -> Iterator[LexborNode]:
    """The elements under `root` the selector list matches, in document order, each once (lexbor
    gives an element once for each selector of the list it matches)."""
    return iter({node.mem_id: node for node in root.css(selector)}.values())


def _inside(node: LexborNode, boxes: set[int]) -> bool:
    """Whether the node or one of its ancestors is one of the `boxes` (by mem_id)."""
    current: LexborNode | None = node
    while current is not None:
        if current.mem_id in boxes:
            return True
        current = current.parent
    return False


def _text_outside(node: LexborNode, boxes: set[int]) -> str:
    """The node's text, its pieces joined by spaces, less the text of the `boxes` inside it."""
    if next(_NOT_BYLINE.found(node), None) is None:
        return node.text(separator=" ")
    return " ".join(_pieces_outside(node, boxes))


def _pieces_outside(node: LexborNode, boxes: set[int]) -> Iterator[str]:
    for child in node.iter(include_text=True):
        if child.is_text_node:
            yield child.text_content or ""
        elif child.mem_id not in boxes:
            yield from _pieces_outside(child, boxes)


def _link_texts(kind: str, page: LexborHTMLParser) -> list[str]:
    """The texts of the category or tag links (`kind`) in the first kind of box that holds any.

    Most pages link to no category or tag: one look at their links spares them the boxes' search.
    """
    target = _LINK_TARGETS[kind]
    if not any(target.search(link.attributes["href"] or "") for link in page.css(f"a[href*='/{kind.rstrip('y')}']")):
        return []
    for selector in _LINK_SELECTORS[kind]:
        if found := [
            _link_text(node) for node in _matches(page, selector) if target.search(node.attributes["href"] or "")
        ]:
            return found
    return []


def _link_text(node: LexborNode) -> str:
    """A link's text, spaced where it holds block elements."""
    separator = " " if node.css_first(_BLOCK_ELEMENTS) is not None else ""
    return " ".join(node.text(separator=separator).split())


def _section_names(tree: HtmlElement) -> list[str]:
    """The sections the <head> names, read where no box lists categories."""
    return [meta.get("content") for meta in tree.xpath(_SECTION_META)]


def _labels(texts: list[str]) -> list[str]:
    """The texts as trafilatura lists categories and tags: tidied, once each, none empty."""
    from trafilatura.utils import line_processing

    return [label for label in dict.fromkeys(line_processing(text) for text in texts if text) if label]
