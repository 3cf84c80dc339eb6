"""Whole-page text dumps whose lines are labelled with the kind of page furniture they came from.

A page is dumped as the evaluation sets' dumps are made (bench/README.md, "Whole-page text
dumps"), and each line remembers the elements it sits in. Its label:

- "body" when the gold main content holds it: a whole gold line, or, for a line of at least
  `SENTENCE_WORDS` words, any part of the gold (whitespace normalised);
- else the kind its nearest element names by tag or class/id words (line_kinds.toml), unless
  that element wraps a good share of the article (a layout column named "has-sidebar", a post
  whose classes list its tags, a React root called "app"): such wrappers name no furniture;
- else None when the gold nearly holds it (a short line's words in a row: a table cell, a
  heading the gold joined to its paragraph; half a longer line's shingles: a paragraph the gold
  trimmed): unsure, never trained on;
- else `OTHER`: not article text, in no named box (an unnamed menu, the page title, a date).

The development half of a seeds-like set written on WCXB development bodies (boilerplate_set.py
--wcxb-split dev) is labelled too (`furniture_pages`), its English and Indian-English documents:
each inserted line by the kind of its furniture (`FURNITURE_KINDS`), the headline as `OTHER`;
its body, standfirst, bylines and a related list's entries are unsure (`_furniture_label`). Its
phrasings are the DEV ones only; the TEST half is never read.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cleaner.evaluate import load_dataset, read_input, shingles, tokens
from cleaner.frontends.decode import decode
from cleaner.rules.framework.claims import box_id as _box_id
from cleaner.rules.framework.claims import class_words as _class_words
from cleaner.rules.framework.claims import words_pattern as _words_pattern

BODY, OTHER = "body", "other"
# The dataset name of the seeds-like pages (`furniture_pages`).
FURNITURE = "furniture"
SENTENCE_WORDS = 5
# An element holding this share of the article's characters in the dump is a wrapper, not a box.
WRAPPER_SHARE = 0.3
# Elements a dump starts a new line at, when they open and when they close.
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "form", "figure", "figcaption"}
    | {"li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"}
    | {"br", "hr", "blockquote", "pre", "address", "details", "summary", "dialog", "menu", "hgroup"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "fieldset", "legend", "select", "option", "optgroup", "textarea"}
)
_DROPPED_TAGS = ["script", "style", "noscript", "template"]
_VOCABULARY = Path(__file__).with_name("line_kinds.toml")


@dataclass(frozen=True, slots=True)
class LabelledPage:
    """One page's dump lines and their labels (a kind, or None when unsure)."""

    dataset: str
    id: str
    site: str
    lines: tuple[str, ...]
    labels: tuple[str | None, ...]


@dataclass(slots=True)
class _Box:
    """An element naming a kind, and the dump lines it spans (raw line numbers, end excluded)."""

    kind: str
    first: int
    end: int = -1


@cache
def _vocabulary() -> tuple[tuple[str, frozenset[str], re.Pattern[str] | None], ...]:
    tables = tomllib.loads(_VOCABULARY.read_text(encoding="utf-8"))
    return tuple(
        (kind, frozenset(table.get("tags", ())), _words_pattern(table["words"]) if table.get("words") else None)
        for kind, table in tables.items()
    )


def kinds() -> tuple[str, ...]:
    """Every label a line can get, body first and the neutral one last."""
    return (BODY, *(kind for kind, _, _ in _vocabulary()), OTHER)


def _named_kind(node: Any) -> str | None:
    """The kind an element names by its tag or its class/id words, narrowest first."""
    words = None
    for kind, tags, pattern in _vocabulary():
        if node.tag in tags:
            return kind
        if pattern is None:
            continue
        if words is None:
            attributes = node.attributes
            words = _class_words(f"{attributes.get('class') or ''} {_box_id(node, attributes.get('id'))}")
        if pattern.search(words):
            return kind
    return None


def dump_with_boxes(html: str) -> tuple[list[str], list[tuple[int, ...]], list[_Box]]:
    """The page's dump lines, for each the boxes it sits in (nearest first), and the boxes.

    A line made of several text nodes takes the boxes of its longest one.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    tree.strip_tags(_DROPPED_TAGS)
    lines = _RawLines()
    boxes: list[_Box] = []
    # (node, the boxes it sits in, and for a closing entry the box it opened or -1; None when opening)
    stack: list[tuple[Any, tuple[int, ...], int | None]] = []
    if tree.body is not None:
        stack.extend((child, (), None) for child in reversed(list(_children(tree.body))))
    while stack:
        node, chain, opened = stack.pop()
        if opened is not None:
            lines.close(node.tag)
            if opened >= 0:
                boxes[opened].end = len(lines.pieces)
        elif node.is_text_node:
            lines.add(node.text_content or "", chain)
        elif node.tag != "-comment":
            lines.open(node.tag)
            kind = _named_kind(node)
            if kind is not None:
                boxes.append(_Box(kind, len(lines.pieces) - 1))
                chain = (len(boxes) - 1, *chain)
            stack.append((node, chain, len(boxes) - 1 if kind is not None else -1))
            stack.extend((child, chain, None) for child in reversed(list(_children(node))))
    return _kept_lines(lines, boxes)


class _RawLines:
    """Dump lines as they are built: their text pieces, and the boxes of each line's longest piece."""

    def __init__(self) -> None:
        self.pieces: list[list[str]] = [[]]
        self.longest: list[tuple[int, tuple[int, ...]]] = [(0, ())]

    def open(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.pieces.append([])
            self.longest.append((0, ()))

    close = open

    def add(self, text: str, chain: tuple[int, ...]) -> None:
        self.pieces[-1].append(text)
        size = len(text.strip())
        if size > self.longest[-1][0]:
            self.longest[-1] = (size, chain)


def _children(node: Any) -> Iterator[Any]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _kept_lines(lines: _RawLines, boxes: list[_Box]) -> tuple[list[str], list[tuple[int, ...]], list[_Box]]:
    """Whitespace collapsed, empty lines dropped, box spans renumbered to the kept lines."""
    texts = [" ".join("".join(pieces).split()) for pieces in lines.pieces]
    kept_before = [0]
    for text in texts:
        kept_before.append(kept_before[-1] + bool(text))
    for box in boxes:
        box.first, box.end = kept_before[box.first], kept_before[box.end]
    kept = [i for i, text in enumerate(texts) if text]
    return [texts[i] for i in kept], [lines.longest[i][1] for i in kept], boxes


def label_lines(html: str, gold: str) -> tuple[list[str], list[str | None]]:
    """The page's dump lines and their labels (see the module docstring)."""
    lines, chains, boxes = dump_with_boxes(html)
    in_gold = gold_holds(lines, gold)
    body_chars = [0]
    for line, found in zip(lines, in_gold, strict=True):
        body_chars.append(body_chars[-1] + (len(line) if found is True else 0))
    wrapper_chars = WRAPPER_SHARE * body_chars[-1]
    labels: list[str | None] = []
    for found, chain in zip(in_gold, chains, strict=True):
        if found is True:
            labels.append(BODY)
            continue
        named = (boxes[i].kind for i in chain if body_chars[boxes[i].end] - body_chars[boxes[i].first] <= wrapper_chars)
        labels.append(next(named, None if found is None else OTHER))
    return lines, labels


def gold_holds(lines: list[str], gold: str) -> list[bool | None]:
    """For each line: True when the gold holds it; None when it nearly does (a short line's words
    occur there in a row, or half a longer line's 4-token shingles do: the gold trimmed or
    joined it); False when it does not."""
    gold_lines = {" ".join(line.split()) for line in gold.splitlines()} - {""}
    gold_text = "\n".join(sorted(gold_lines))
    gold_words = tokens(gold)
    gold_tokens = f" {' '.join(gold_words)} "
    gold_shingles = shingles(gold_words)
    found: list[bool | None] = []
    for line in lines:
        words = tokens(line)
        if line in gold_lines or (len(words) >= SENTENCE_WORDS and line in gold_text):
            found.append(True)
        elif len(words) >= SENTENCE_WORDS:
            own = shingles(words)
            found.append(None if sum(n for s, n in own.items() if s in gold_shingles) >= own.total() / 2 else False)
        else:
            found.append(None if words and f" {' '.join(words)} " in gold_tokens else False)
    return found


def site_of(url: str | None, page_id: str) -> str:
    """The URL's host without "www."; a page without a URL is a site of its own."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.") or f"page-{page_id}"


def labelled_pages(folder: str | Path) -> Iterator[tuple[LabelledPage, object]]:
    """Every page of a WCXB-layout set with its labelled dump, and the evaluation page it came from."""
    dataset = load_dataset(folder)
    for page in dataset.pages:
        if "html" not in page.inputs:
            continue
        lines, labels = label_lines(decode(read_input(page.inputs["html"])), page.gold)
        yield LabelledPage(dataset.name, page.id, site_of(page.url, page.id), tuple(lines), tuple(labels)), page


# The furniture languages taught: the bodies are English, and furniture in another language on them
# taught the model that a line in that language is furniture, a German or Hindi story's too.
FURNITURE_LANGUAGES = frozenset({"en", "in"})
# The line kind of each kind of furniture boilerplate_set.py inserts; its headline is the page
# title's, other furniture no markup names. An agency's credit has no kind of its own either.
FURNITURE_KINDS = {
    "ad": "ad", "agency": OTHER, "also_read": "related", "app": "subscribe", "author_bio": "author",
    "breadcrumb": "breadcrumb", "byline": "byline", "caption": "caption", "comment": "comment",
    "cookie": "cookie", "copyright": "footer", "media": "media", "newsletter": "subscribe",
    "paywall": "subscribe", "read_more": "related", "related": "related", "social": "share", "tags": "tags",
    "timestamp": "date", "title": OTHER,
}  # fmt: skip


def furniture_pages(folder: str | Path, sites: Mapping[str, str]) -> Iterator[LabelledPage]:
    """The DEV half of a seeds-like set on WCXB development bodies, labelled line by line; each
    document is of its source page's site (`sites`: WCXB page id -> site), so that it falls in
    that page's fold."""
    for path in sorted(Path(folder, "dev").glob("wcxb-*.txt")):
        if path.name.endswith(".gold.txt"):
            continue
        expected = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
        if expected["language"] not in FURNITURE_LANGUAGES:
            continue
        marks = json.loads(path.with_suffix("").with_suffix(".lines.json").read_text(encoding="utf-8"))["labels"]
        lines: list[str] = []
        labels: list[str | None] = []
        before = None
        for line, mark in zip(path.read_text(encoding="utf-8").splitlines(), marks, strict=True):
            if line.strip():
                lines.append(line.strip())
                labels.append(_furniture_label(mark, continued=mark is not None and mark == before))
                before = mark
        source = path.stem.removeprefix("wcxb-")
        yield LabelledPage(FURNITURE, f"{Path(folder).name}/{source}", sites[source], tuple(lines), tuple(labels))


def _furniture_label(mark: str | None, continued: bool) -> str | None:
    """A seeds-like line's mark ("caption#3", "title") as a label, or None: unsure.

    Unsure: the body and the standfirst, which their page's own dump teaches already (taught twice,
    the body made the model read more of real pages' furniture as text); a byline, as a name
    alone reads as one, and taught so, the model credited names quoted in real stories; and a
    related list's entries after its header, other stories' headlines, which read as any
    headline does, the page's own among them.
    """
    if mark is None or mark.startswith("body:"):
        return None
    kind = mark.split("#")[0]
    return None if kind == "byline" or (kind == "related" and continued) else FURNITURE_KINDS.get(kind)
