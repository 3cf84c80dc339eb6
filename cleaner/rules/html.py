"""Page furniture the DOM shows plainly, pruned by the HTML front end before extraction.

Each node rule claims the nodes named by its table in `rules/html.toml`
(tags, CSS selectors, class/id keywords) and then judges them one by one:
a claimed node that holds the article itself (an <article>, <main>, the
<h1>, an articleBody, or several paragraphs of prose) is never pruned,
whatever its class says: layouts name their wrappers "has-sidebar" or
"hidden-until-loaded" too. A box of several <article> elements is a list
of teaser cards, not the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from cleaner.article import Caption
from cleaner.rules.captions import bracketed_credit
from cleaner.rules.framework.claims import claims, class_words, table, words_pattern
from cleaner.rules.framework.kinds import Gate, Hit, NodeRule, documentation
from cleaner.rules.framework.registry import block_rule, node_rule, register
from cleaner.vocab import normalise_label

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

    from cleaner.rules.framework.context import Page

_ARTICLE_INSIDE = "main, h1, [itemprop='articleBody']"
_CONTAINERS = "article, main, [itemprop='articleBody']"
_HEADLINE = "h1, [itemprop='headline']"
_CREDIT_INSIDE = "[class*='credit'], [class*='copyright'], small"
# What a caption stands by, in its element or the one around that: a picture, or the place a
# script loads one into (a lazy-loading placeholder, a background image).
_PICTURES = "img, picture, video, iframe, [style*='url('], [class*='lazyload'], [class*='placeholder']"
_PICTURE_REACH = 2
_MAX_TITLE_POSITION = 3
# Furniture holds links and blurbs; this many paragraphs of this many characters is an article.
_PROSE_PARAGRAPHS = 3
_PROSE_CHARS = 200
# A node holding more than this share of the page's written paragraphs, and at least this many
# characters of them, is the article's column, whatever its class says.
_PAGE_PROSE_SHARE = 0.5
_PAGE_PROSE_MIN_CHARS = 500
# Hidden text longer than a label that is not mostly links may be content a script reveals.
_HIDDEN_LABEL_CHARS = 200
# Text with less than this share of its characters in links is written text, not a link list.
_LINK_SHARE = 0.5
# Elements that can hold a pop-up window; a link or button named "popup" only opens one.
_OVERLAY_CONTAINERS = frozenset({"div", "section", "aside", "form", "dialog", "article"})
# A standalone link paragraph names another page in at least this many words, and its link
# covers at least this share of its text.
_LINK_PARAGRAPH_WORDS = 4
_LINK_PARAGRAPH_SHARE = 0.9
# List items and table cells hold link lists the author wrote (sources, changelogs).
_LIST_PARENTS = frozenset({"li", "td", "th", "dd"})


def _node_rule(
    code: str, name: str
) -> Callable[[Callable[[LexborNode], Hit | None]], Callable[[LexborNode], Hit | None]]:
    """Register a node rule of this family with the claim its table gives; a rule without a table is an error."""
    if name not in claims():
        raise ValueError(f"node rule {code} {name} has no table in rules/html.toml")
    return node_rule(code, name, "html", claims()[name])


def _furniture(node: LexborNode) -> Hit | None:
    """Drop the node unless it holds the article itself."""
    if _holds_article(node) or _holds_prose(node) or _holds_most_prose(node):
        return None
    return Hit()


def _holds_article(node: LexborNode) -> bool:
    """The article's container or headline: a <main>, an <h1>, an articleBody, or one <article>.

    Several <article> elements side by side are teaser cards ("Related posts"), not the article.
    """
    return node.css_first(_ARTICLE_INSIDE) is not None or len(node.css("article")) == 1


def _holds_prose(node: LexborNode) -> bool:
    """Several long paragraphs: an article, not furniture."""
    long_paragraphs = 0
    for paragraph in node.css("p"):
        if len(paragraph.text()) >= _PROSE_CHARS:
            long_paragraphs += 1
            if long_paragraphs >= _PROSE_PARAGRAPHS:
                return True
    return False


def _holds_most_prose(node: LexborNode) -> bool:
    """Most of the page's written paragraphs: a layout column ("c-layout-sidebar-left"), not a box.

    Short paragraphs escape `_holds_prose`; a box beside the article never holds most of them.
    """
    own = _prose_chars(node)
    if own < _PAGE_PROSE_MIN_CHARS:
        return False
    body = node
    while body.parent is not None and body.tag != "body":
        body = body.parent
    return own > _PAGE_PROSE_SHARE * _prose_chars(body)


def _prose_chars(node: LexborNode) -> int:
    """Characters in the node's paragraphs that are mostly not links."""
    total = 0
    for paragraph in node.css("p"):
        size = len(paragraph.text())
        if _link_chars(paragraph) < size * _LINK_SHARE:
            total += size
    return total


def _link_chars(node: LexborNode) -> int:
    return sum(len(link.text()) for link in node.css("a"))


@_node_rule("HTM001", "hidden-element")
def hidden_element(node: LexborNode) -> Hit | None:
    """Removes: elements the browser does not show: `hidden`, `aria-hidden`, inline
    `display:none`, screen-reader-only text, templates and closed dialogs, when they hold a
    short label or mostly links.

    Why: a reader never sees them, yet extractors read their text (off-screen menus,
    "skip to content" links, duplicated teasers).

    False positives: hidden prose is kept: pages that stream their article into a hidden
    element for a script to reveal (React's `<div hidden id="S:0">`), accordions and tabs.
    Hidden dialogs and modals, and hidden microdata items (a copy of the article for
    machines), go whatever they hold: a modal's prose is republishing terms or a sign-in form.

    Example: <span class="sr-only">Opens in a new window</span> -> dropped.
    """
    if _is_overlay(node):
        return Hit()
    size = len(node.text())
    if size > _HIDDEN_LABEL_CHARS and _link_chars(node) < size * _LINK_SHARE:
        return None
    return _furniture(node)


def _is_overlay(node: LexborNode) -> bool:
    """A dialog, a modal or a microdata item: hidden, it is never text the page reveals to read."""
    attributes = node.attributes
    if "itemscope" in attributes or "aria-modal" in attributes or attributes.get("role") == "dialog":
        return True
    class_and_id = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    return _overlay_words().search(class_words(class_and_id)) is not None


@cache
def _overlay_words() -> re.Pattern[str]:
    """Class/id words of overlays: modals and pop-ups (sign-in, republishing terms, quizzes)."""
    return words_pattern(table()["overlay-box"]["keywords"])


@_node_rule("HTM002", "image-caption")
def image_caption(node: LexborNode) -> Hit | None:
    """Removes: a figure caption (<figcaption>, or an element whose class says caption). The
    caption moves to `captions`, with a credit found inside it (a credit or copyright element, or
    a credit in brackets closing it: "(Photo: Jane Doe)"), when it stands by a picture (in a
    figure, or with an image, a video, a frame or the placeholder a script loads one into, in its
    element or the one around that); an element classed as a caption with no picture by it is a
    label ("604 COMMENTS" under a teaser's link, "Sorted by:", "Item added to your cart") and goes
    without moving.

    Why: captions describe pictures, not the story; gold article bodies leave them out.

    False positives: a table caption written as a class "caption" inside the body text.

    Example: <figcaption>Crowds in Kyiv <span class="credit">Reuters</span></figcaption> ->
    caption "Crowds in Kyiv", credit "Reuters".
    """
    if _furniture(node) is None:
        return None
    if not _by_picture(node):
        return Hit()
    credit_node = node.css_first(_CREDIT_INSIDE)
    credit = node_text(credit_node) if credit_node is not None else None
    text = node_text(node)
    if credit:
        text = " ".join(text.replace(credit, " ").split())
        if not text:  # a caption's element holding its credit alone
            return Hit(moved_to="credits", value=credit)
    elif (bracketed := bracketed_credit(text)) is not None and bracketed.text:
        return Hit(moved_to="captions", value=bracketed)
    return Hit(moved_to="captions", value=Caption(text, credit or None))


def _by_picture(node: LexborNode) -> bool:
    """Whether a caption stands by a picture: a <figcaption>, or one whose element or the element
    around that is a figure or holds a picture (`_PICTURES`)."""
    if node.tag == "figcaption":
        return True
    around: LexborNode | None = node
    for _ in range(_PICTURE_REACH):
        around = around.parent if around is not None else None
        if around is None:
            return False
        if around.tag == "figure" or around.css_first(_PICTURES) is not None:
            return True
    return False


@_node_rule("HTM003", "image-credit")
def image_credit(node: LexborNode) -> Hit | None:
    """Removes: a picture credit or copyright element outside a caption. It moves to `credits`.

    Why: the credit names who took a picture; it is metadata, not body text.

    False positives: a "credits" section that lists the makers of a film in a review.

    Example: <span class="image-credit">Photo: AFP</span> -> credit "Photo: AFP".
    """
    text = node_text(node)
    if _furniture(node) is None or len(text.split()) > 12:
        return None
    return Hit(moved_to="credits", value=text)


@block_rule("HTM015", "repeated-title", "html", gate=Gate(top=_MAX_TITLE_POSITION))
def repeated_title(page: Page, i: int) -> Hit | None:
    """Removes: the page's headline at the top of the body: a block among the first kept ones
    that repeats the title already known (from the markup, or taken from the first line), or
    an <h1> opening the body. It moves to `title` when no other title is known.

    Why: extractors often keep the <h1> as the first body line; the title is metadata. The
    <h1> may word the headline differently from the page's <title> or JSON-LD headline.

    False positives: a story whose first paragraph is worded exactly as its headline.

    Example: title "Storm hits coast" and first block "Storm hits coast" -> dropped.
    """
    block, title = page.blocks[i], page.article.title
    if page.kept == 0 and block.tag == "h1":
        return Hit(moved_to="title", value=block.text, detail="headline opening the body")
    if not title or page.kept >= _MAX_TITLE_POSITION:
        return None
    if normalise_label(block.text) != normalise_label(title):
        return None
    return Hit(moved_to="title", value=title)


@_node_rule("HTM017", "link-paragraph")
def link_paragraph(node: LexborNode) -> Hit | None:
    """Removes: a paragraph that is one link to another page and nothing else, standing alone
    between paragraphs of text: the headline of another story set into the article.

    Why: sites drop "see also" headlines between the paragraphs of a story, often in bold or
    capitals, with no label an earlier rule knows; extractors keep them as body paragraphs.

    False positives: a run of link paragraphs (a list of sources or of releases) is kept, and
    so are links in list items and table cells; a lone link the author wrote as a paragraph
    ("Read the full report") of four words or more is lost.

    Example: <p>...</p><p><strong><a href="/storm-closes-road">STORM CLOSES COASTAL
    ROAD</a></strong></p><p>...</p> -> the middle paragraph dropped.
    """
    if not _is_link_paragraph(node) or (node.parent is not None and node.parent.tag in _LIST_PARENTS):
        return None
    if any(_is_link_paragraph(sibling) for sibling in (_element_sibling(node, "prev"), _element_sibling(node, "next"))):
        return None
    return Hit()


def _is_link_paragraph(node: LexborNode | None) -> bool:
    """A <p> that is one link to another page, named in a few words."""
    if node is None or node.tag != "p":
        return False
    links = node.css("a")
    if len(links) != 1 or (links[0].attributes.get("href") or "#").startswith("#"):
        return False
    text = node_text(node)
    return len(text.split()) >= _LINK_PARAGRAPH_WORDS and len(node_text(links[0])) >= _LINK_PARAGRAPH_SHARE * len(text)


def _element_sibling(node: LexborNode, direction: str) -> LexborNode | None:
    """The previous or next element beside the node ("prev" or "next"), past text between them."""
    sibling = getattr(node, direction)
    while sibling is not None and sibling.tag in ("-text", "-comment"):
        sibling = getattr(sibling, direction)
    return sibling


@_node_rule("HTM019", "disclaimer-box")
def disclaimer_box(node: LexborNode) -> Hit | None:
    """Removes: disclaimer and disclosure boxes: the site's legal notice, affiliate-link and
    investment-risk disclosures set apart from the story.

    Why: the same notice is printed under every page of the site; it is not the story.

    False positives: a disclosure the story itself makes in a box so named. Disclaimers are
    written as long paragraphs, so unlike other boxes one is dropped even when it holds prose;
    it is kept only when it holds the article container or most of the page's paragraphs.

    Example: <div class="disclaimer">This page contains affiliate links.</div> -> dropped.
    """
    if _holds_article(node) or _holds_most_prose(node):
        return None
    return Hit()


@_node_rule("HTM020", "article-header")
def article_header(node: LexborNode) -> Hit | None:
    """Removes: the header of the article inside its container: the <header> that holds the
    headline, with the standfirst, byline and date printed around it.

    Why: the headline, byline and date are metadata, read from the whole page before pruning;
    the standfirst summarises the story. Gold bodies start with the story's first paragraph,
    and extractors keep the standfirst as one.

    False positives: a header holding the article's opening paragraphs is kept (prose); a
    <header> wrapping a section's heading inside the story holds no headline and is kept.

    Example: <article><header><h1>Storm hits coast</h1><p class="dek">Roads closed as the
    river rises.</p></header><p>...</p></article> -> the header dropped.
    """
    if node.css_first(_HEADLINE) is None or node.css_first(_CONTAINERS) is not None or _holds_prose(node):
        return None
    return Hit()


@_node_rule("HTM021", "overlay-box")
def overlay_box(node: LexborNode) -> Hit | None:
    """Removes: pop-ups and modal windows written into the page: sign-in and lead forms,
    country and language pickers, "before you go" offers, which a script shows over the page.

    Why: the stylesheet hides them by their class, not by an attribute or inline style
    `hidden-element` can see, so extractors read their text with the page's.

    False positives: a link or button that opens a pop-up ("external-popup", "open-modal") is
    kept, as only containers are judged; so is a container that holds the article or prose. An
    image gallery marked "lightbox" that holds captions the gold keeps is lost.

    Example: <div class="modal sign-in-modal"><h3>Welcome back</h3><form>...</form></div> ->
    dropped.
    """
    if node.tag not in _OVERLAY_CONTAINERS:
        return None
    return _furniture(node)


def node_text(node: LexborNode) -> str:
    """A node's text on one line, with a space where elements meet ("<h3>Related</h3><a>...")."""
    return " ".join(node.text(separator=" ").split())


def _register_furniture_boxes() -> None:
    """The furniture boxes: rules that are data alone (a code, a claim, a documentation in the
    table), each dropping what it claims unless it holds the article."""
    for name, entry in table().items():
        if isinstance(entry, dict) and "code" in entry:
            code = entry["code"]
            doc = documentation(code, entry["doc"])
            register(NodeRule(code=code, name=name, family="html", doc=doc, check=_furniture, claim=claims()[name]))


_register_furniture_boxes()
