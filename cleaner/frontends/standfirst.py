"""An HTML page's standfirst: the summary a news page prints under its headline (the "dek").

The page's meta description is written for search results: on many pages it is no text the
reader sees, or it is the story's first sentence. The standfirst is the first text under the
`<h1>` (bylines, dates, captions and labels aside) when the page sets it apart from the story:
its element's class names it ("dek", "standfirst", "subtitle", "summary"...), or it is the text
of the meta description; and in either case the story's paragraphs below it are of another
kind (another tag or class), so that the story's own first paragraph is never taken.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cleaner import dates, names
from cleaner.frontends.headline import agreement
from cleaner.vocab import Vocabulary

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements a standfirst or a story paragraph is written in.
_TEXT_TAGS = frozenset({"p", "div", "h2", "h3", "h4", "span", "section", "header"})
# Elements whose text is never a standfirst, and elements that hold other blocks.
_NOT_STANDFIRST = frozenset({"figcaption", "time", "li", "a", "button", "label", "nav", "aside", "footer", "form"})
_BLOCKS = "p, div, h2, h3, h4, section, header, article, ul, ol, figure, table"
# Class words that mark a standfirst.
_STANDFIRST_CLASSES = re.compile(
    r"(?:^|[-_\s])(?:dek|deck|standfirst|sub-?title|sub-?head(?:line|ing)?|summary|description|excerpt|lede|"
    r"lead|intro|strapline|teaser|tagline|abstract|blurb|synopsis)(?:$|[-_\s])"
)
# Class words of what is no standfirst however it reads: an author's box (which wraps its
# paragraphs, so its parents' classes count too), a byline, a caption, a disclaimer.
_AUTHOR_BOX_CLASSES = re.compile(r"(?:^|[-_\s])(?:author|authors|bio|profile)(?:$|[-_\s])")
_NOT_STANDFIRST_CLASSES = re.compile(r"(?:^|[-_\s])(?:byline|credit|caption|disclaimer|newsletter|promo)(?:$|[-_\s])")
# How many texts under the headline are looked at, and a standfirst's length in words.
_LOOK = 8
_MIN_WORDS, _MAX_WORDS = 4, 80
# A story paragraph below the standfirst has at least this many words.
_PARAGRAPH_WORDS = 20
# A text agrees with the meta description when this share of the longer one's words are the other's.
_SAME_TEXT = 0.8


def standfirst(tree: LexborHTMLParser, title: str | None, description: str | None, vocab: Vocabulary) -> str | None:
    """The standfirst under the `<h1>` that shows the page's `title` (the first `<h1>` when none does),
    if the page sets one apart (see the module docstring)."""
    h1s = tree.css("h1")
    h1 = next((node for node in h1s if title and " ".join(node.text().split()) == title), h1s[0] if h1s else None)
    if h1 is None:
        return None
    shown = " ".join(h1.text().split())
    texts = [(node, text) for node, text in _texts_under(h1) if text != shown and not _is_furniture(text, vocab)]
    story = next((k for k, (_, text) in enumerate(texts) if len(text.split()) >= _PARAGRAPH_WORDS), len(texts))
    for k, (node, text) in enumerate(texts[: story + 1]):
        if not _MIN_WORDS <= len(text.split()) <= _MAX_WORDS:
            continue
        if any(_kind(other) == _kind(node) for other, _ in texts[k + 1 :]):
            return None  # the story's own first paragraph, or one of a list
        if _AUTHOR_BOX_CLASSES.search(_class_words(*_ancestry(node))) or _is_biography(text, vocab):
            continue
        if _NOT_STANDFIRST_CLASSES.search(_class_words(node)):
            continue
        marked = _STANDFIRST_CLASSES.search(_class_words(node, node.parent)) is not None
        if marked or (description and agreement(text, description) >= _SAME_TEXT):
            return text
    return None


def _texts_under(h1: LexborNode) -> list[tuple[LexborNode, str]]:
    """The first texts after the `<h1>` in reading order: elements holding no other block."""
    found: list[tuple[LexborNode, str]] = []
    node = _next_after(h1)
    while node is not None and len(found) < _LOOK:
        if node.tag in _NOT_STANDFIRST:
            node = _next_after(node)
            continue
        if node.tag in _TEXT_TAGS and not _holds_blocks(node):
            text = " ".join(node.text(deep=True).split())
            if text:
                found.append((node, text))
            node = _next_after(node)
            continue
        node = node.child or _next_after(node)
    return found


def _holds_blocks(node: LexborNode) -> bool:
    """Whether a block element is inside the node (a CSS query also matches the node itself)."""
    return any(inner.mem_id != node.mem_id for inner in node.css(_BLOCKS))


def _next_after(node: LexborNode) -> LexborNode | None:
    """The next element after `node` and everything inside it, in document order."""
    current: LexborNode | None = node
    while current is not None:
        sibling = current.next
        while sibling is not None and sibling.tag in ("-text", "_text", "-comment", "_comment"):
            sibling = sibling.next
        if sibling is not None:
            return sibling
        current = current.parent
    return None


def _is_furniture(text: str, vocab: Vocabulary) -> bool:
    """A byline, a date, a reading time, a credit line, a label: what stands between headline and standfirst."""
    if len(text.split()) < _MIN_WORDS or names.is_credit_line(text, vocab):
        return True
    if len(text.split()) <= dates.DATELINE_MAX_WORDS and dates.find_date(text):
        return True
    return bool(vocab.starts("byline_markers", text) or vocab.search("relative_time", text))


def _ancestry(node: LexborNode, depth: int = 3) -> list[LexborNode]:
    """The node and its parents up to `depth` levels: an author's box wraps its paragraphs."""
    found = [node]
    parent = node.parent
    while len(found) <= depth and parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def _is_biography(text: str, vocab: Vocabulary) -> bool:
    """A sentence about a writer: "Jane is an experienced journalist who..."."""
    first, _, rest = text.partition(" ")
    return first[:1].isupper() and bool(vocab.starts("bio_verbs", rest)) and bool(vocab.search("writer_roles", text))


def _kind(node: LexborNode) -> tuple[str, ...]:
    """What sets an element's look: its tag and class, and its parent's."""
    parent = node.parent
    return (
        node.tag or "",
        node.attributes.get("class") or "",
        *((parent.tag or "", parent.attributes.get("class") or "") if parent else ()),
    )


def _class_words(*elements: LexborNode | None) -> str:
    """The classes and ids of the elements, camelCase split, lower-cased."""
    parts = []
    for element in elements:
        if element is not None:
            parts += [element.attributes.get("class") or "", element.attributes.get("id") or ""]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "-", " ".join(parts)).lower()
