"""An Article as Markdown: YAML front matter with the metadata, the title, then the body with
the structure the HTML front end saw (headings, lists, quotes, tables, code, links).

The body comes from the Article's kept blocks: each HTML block's tag says what it is (`h2`, `li`,
`blockquote`, `tr`, `pre`...) and its `Markup` what more Markdown needs. Text input, and any
block without a structure, is a paragraph. Text is escaped so that nothing in it reads as
Markdown it is not (a line opening with "1." or "#", an asterisk, a bracket).

The front matter is YAML that any parser reads back to the same values: every string is
double-quoted, with the characters YAML may not hold raw (controls, line separators, a byte
order mark, lone surrogates) escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from cleaner.article import Article, Block

# The Article's fields in the front matter, in this order; lists are YAML sequences.
FRONT_MATTER = ("title", "subtitle", "authors", "published", "url", "publisher", "language", "tags")

_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<]|(?<!\w)_|_(?!\w)|&(?=#?\w+;))")
_LINE_START = re.compile(r"^(\s*)([#>+=~|-])|^(\s*\d+)([.)])(?=\s|$)")
_KINDS = {"li": "list", "blockquote": "quote", "tr": "table", "pre": "code"}


@dataclass(frozen=True, slots=True)
class Style:
    """How documents are written beyond their format: `one_line` puts a json document on one line
    (JSON Lines); `links` keeps links in Markdown text; `front_matter` opens Markdown with the metadata."""

    one_line: bool = False
    links: bool = False
    front_matter: bool = True


def markdown(article: Article, style: Style) -> str:
    """The Article as a Markdown document (empty when it has nothing to show)."""
    parts = [front_matter(article)] if style.front_matter else []
    if article.title:
        parts.append(f"# {escape(' '.join(article.title.split()))}")
    blocks = article.blocks or [Block(text) for text in article.paragraphs]
    parts.extend(_sections(blocks, style.links))
    return "\n\n".join(part for part in parts if part) + "\n" if any(parts) else ""


def front_matter(article: Article) -> str:
    """The metadata as YAML between `---` lines; empty when the Article has none.

    >>> print(front_matter(Article(title='A "quoted" title: part 2', authors=["Ann Lee"], published="2024-05-01")))
    ---
    title: "A \\"quoted\\" title: part 2"
    authors:
      - "Ann Lee"
    published: "2024-05-01"
    ---
    """
    lines = []
    for name in FRONT_MATTER:
        value = getattr(article, name)
        if isinstance(value, list) and value:
            lines.append(f"{name}:")
            lines.extend(f"  - {yaml_string(item)}" for item in value)
        elif isinstance(value, str) and value:
            lines.append(f"{name}: {yaml_string(value)}")
    return "\n".join(["---", *lines, "---"]) if lines else ""


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar holding exactly `text`.

    >>> yaml_string('Tab\\there, "quotes", a back\\\\slash and \\u2028')
    '"Tab\\\\there, \\\\"quotes\\\\", a back\\\\\\\\slash and \\\\u2028"'
    """
    return '"' + "".join(_YAML_ESCAPES.get(char) or _yaml_char(char) for char in text) + '"'


_YAML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _yaml_char(char: str) -> str:
    """A character as YAML may hold it in a double-quoted scalar: as it is when printable and no
    line break in YAML 1.1 (NEL, LS, PS are), else escaped."""
    code = ord(char)
    printable = 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code > 0xFFFF
    if printable and code not in (0x2028, 0x2029, 0xFEFF):
        return char
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escape(text: str) -> str:
    """Text as Markdown that shows it as it is.

    >>> escape("1. Not a list, *not* emphasis, [not] a link")
    '1\\\\. Not a list, \\\\*not\\\\* emphasis, \\\\[not\\\\] a link'
    """
    return _LINE_START.sub(_escaped_start, _INLINE_SPECIAL.sub(r"\\\1", text), count=1)


def _escaped_start(match: re.Match[str]) -> str:
    """A line's opening that Markdown would read as a heading, quote or list marker, escaped."""
    lead, mark = (match[1], match[2]) if match[2] else (match[3], match[4])
    return f"{lead}\\{mark}"


def _sections(blocks: list[Block], links: bool) -> Iterator[str]:
    """Markdown for runs of blocks of one kind: a list, a quote, a table, code; else each block."""
    for kind, run in groupby(blocks, key=_kind):
        group = list(run)
        if kind == "list":
            yield _list(group, links)
        elif kind == "quote":
            yield "\n>\n".join(f"> {_heading_or_paragraph(block, links)}" for block in group)
        elif kind == "table":
            yield _table(group)
        elif kind == "code":
            yield from _code(group)
        else:
            yield from (_heading_or_paragraph(block, links) for block in group)


def _kind(block: Block) -> str:
    if block.markup and block.markup.quoted:
        return "quote"
    return _KINDS.get(block.tag or "", "text")


def _heading_or_paragraph(block: Block, links: bool) -> str:
    tag = block.tag or ""
    if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
        return "#" * max(2, int(tag[1])) + " " + _text(block, links)
    return _text(block, links)


def _text(block: Block, links: bool) -> str:
    """A block's text, with its links as `[text](url)` when asked and its markup still matches
    the text (a rule may have changed the text since)."""
    spans = block.markup.spans if links and block.markup else ()
    if not spans or " ".join("".join(text for text, _ in spans).split()) != block.text:
        return escape(block.text)
    pieces = (f"[{escape(text.strip())}]({_url(url)})" if url and text.strip() else escape(text) for text, url in spans)
    return " ".join("".join(pieces).split())


def _url(url: str) -> str:
    """A link target that Markdown reads whole: no space or parenthesis left bare."""
    return url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _list(items: list[Block], links: bool) -> str:
    """Nested bulleted and numbered lists; a line of an item after a line break continues it."""
    lines: list[str] = []
    indents: list[int] = [0]
    numbers: list[int] = [0]
    for block in items:
        depth = block.markup.depth if block.markup else 0
        del indents[depth + 1 :], numbers[depth + 1 :]
        while len(indents) <= depth:
            indents.append(indents[-1] + 2)
            numbers.append(0)
        if lines and not block.gap_before:
            lines[-1] += "\\"
            lines.append(" " * (indents[depth] + 2) + _text(block, links))
            continue
        numbers[depth] += 1
        marker = f"{numbers[depth]}." if block.markup and block.markup.ordered else "-"
        lines.append(" " * indents[depth] + f"{marker} {_text(block, links)}")
        indents[depth + 1 :] = [indents[depth] + len(marker) + 1]
        numbers[depth + 1 :] = [0]
    return "\n".join(lines)


def _table(rows: list[Block]) -> str:
    """A pipe table; its first row is the header row, as GitHub's tables need one."""
    cells = [list(row.markup.cells) if row.markup and row.markup.cells else [row.text] for row in rows]
    width = max(len(row) for row in cells)
    lines = [
        "| " + " | ".join(escape(cell).replace("|", "\\|") for cell in row + [""] * (width - len(row))) + " |"
        for row in cells
    ]
    lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)


def _code(lines: list[Block]) -> Iterator[str]:
    """Fenced code, a fence per code element, longer than any run of backticks inside."""
    fences: list[list[str]] = []
    for block in lines:
        if block.gap_before or not fences:
            fences.append([])
        fences[-1].append(block.text if block.code is None else block.code)
    for code in fences:
        fence = "`" * max([3, *(len(run) + 1 for line in code for run in re.findall("`+", line))])
        yield "\n".join([fence, *code, fence])
