"""The data that flows through cleaner: Block in, Removal and Article out.

Plain dataclasses with no logic beyond (de)serialising, so every layer can
share them without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import Field, asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 2


@dataclass(frozen=True, slots=True)
class Markup:
    """What Markdown needs of an HTML block beyond its tag and text (`--format md`).

    `spans` is the text in runs, each with the URL it links to or None (empty when the block
    holds no link); `ordered` and `depth` place a list item in numbered and nested lists;
    `cells` are a table row's cells and `header` says they are header cells; `quoted` marks a
    block inside a quotation; `code` is a line of code as written, since a block's text
    collapses its spaces.
    """

    spans: tuple[tuple[str, str | None], ...] = ()
    ordered: bool = False
    depth: int = 0
    cells: tuple[str, ...] = ()
    header: bool = False
    quoted: bool = False
    code: str | None = None


@dataclass(slots=True)
class Block:
    """One paragraph or line of the input, with what the front end knows of it.

    `line` is its input line (text input); `gap_before` is true when a blank line
    (text) or a block boundary with vertical space (HTML) separates it from the
    previous block; `tag` is the HTML element it came from ("p", "li", "h2"...)
    or None for plain text; `link_density` is the share of its characters inside
    links (HTML only). `wrapped` holds the input lines, from `line` on, of a
    hard-wrapped paragraph read as one block (empty for a block of one line). `markup` is what
    Markdown needs of an HTML block (links, lists, tables, code), None where it needs nothing.
    """

    text: str
    line: int = 0
    gap_before: bool = False
    tag: str | None = None
    link_density: float = 0.0
    wrapped: tuple[str, ...] = ()
    markup: Markup | None = None

    @property
    def input_lines(self) -> tuple[str, ...]:
        """The input lines the block holds."""
        return self.wrapped or (self.text,)

    @property
    def is_list_item(self) -> bool:
        return self.tag == "li"

    @property
    def code(self) -> str | None:
        """The block's line of code as written, its indentation kept; None for a block of no code."""
        return self.markup.code if self.markup else None


def body_paragraphs(blocks: Iterable[Block]) -> list[str]:
    """The body's paragraphs: each block's text, but the lines of one code element in one
    paragraph, as written (but for its blank lines), so code keeps its lines and their indentation
    (a block per line of code is what the rules and Markdown read; a paragraph per line would cut
    a statement in two).

    >>> pre = [Block("def f():", tag="pre", markup=Markup(code="def f():")), Block("return 1", tag="pre", markup=Markup(code="    return 1"))]
    >>> body_paragraphs([Block("Define it:"), *pre])
    ['Define it:', 'def f():\\n    return 1']
    """
    paragraphs: list[str] = []
    in_code = False
    for block in blocks:
        code = block.code
        if code is not None and in_code and not block.gap_before:
            paragraphs[-1] += "\n" + code
        else:
            paragraphs.append(block.text if code is None else code)
        in_code = code is not None
    return paragraphs


@dataclass(slots=True)
class Removal:
    """The record every dropped block leaves: which rule, what text, where it went.

    `moved_to` names the Article field that received the text (captions,
    credits, authors...) or is None when the text was simply dropped.
    """

    code: str
    rule: str
    text: str
    moved_to: str | None = None
    line: int | None = None
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Article:
    """The clean result of one document; `to_dict()` is the stable JSON schema.

    `blocks` are the blocks the body is made of, kept for renderings that show their
    structure (Markdown); they are not part of the schema.
    """

    body: str = ""
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    dateline: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    captions: list[Caption] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    word_count: int = 0
    removals: list[Removal] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list, repr=False, compare=False, metadata={"schema": False})

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for f in _schema_fields():
            value = getattr(self, f.name)
            if f.name in ("captions", "removals"):
                value = [item.to_dict() for item in value]
            elif isinstance(value, list):
                value = list(value)
            data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {f.name for f in _schema_fields()}
        values = {k: v for k, v in data.items() if k in known}
        values["captions"] = [Caption(**c) for c in values.get("captions", [])]
        values["removals"] = [Removal(**r) for r in values.get("removals", [])]
        return cls(**values)


def _schema_fields() -> list[Field[Any]]:
    return [f for f in fields(Article) if f.metadata.get("schema", True)]
