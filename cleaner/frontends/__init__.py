"""Front ends: one input document in, the blocks every rule works on out, and how the rules run.

A front end reads a document's text into a `Reading`: its blocks, an Article
seeded with what the input itself says (the page's metadata for HTML), whether
the page rules judge it as a whole-page dump, and whether the rule pass is
repeated on its own output until it removes nothing more (plain text: so that
cleaning a clean body changes nothing). `read` is the one place that picks the
front end, from the kind asked for or, without one, from the text itself; a new
front end is one module with a `read` function and one row of `FRONT_ENDS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from cleaner.article import Article, Block
from cleaner.frontends.decode import looks_like_html

if TYPE_CHECKING:
    from cleaner.config import Config

# Each kind of input and the module that reads it (imported on first use: HTML loads selectolax
# and trafilatura, which text-only use never needs).
FRONT_ENDS = {"text": "cleaner.frontends.text", "html": "cleaner.frontends.html"}


@dataclass(slots=True)
class Reading:
    """What a front end makes of one document; see the module docstring."""

    blocks: list[Block]
    article: Article
    whole_page: bool
    settle: bool


class FrontEnd(Protocol):
    def read(self, text: str, *, url: str | None, config: Config) -> Reading: ...


def kind_of(text: str) -> str:
    """The kind of a document without one given: "html" for a page, "text" for anything else.

    >>> kind_of("<!DOCTYPE html><title>x</title>"), kind_of("Use <b> for bold.")
    ('html', 'text')
    """
    return "html" if looks_like_html(text) else "text"


def read(text: str, *, kind: str | None, url: str | None, config: Config) -> Reading:
    """Read a document with the front end of its kind (told from the text when `kind` is None)."""
    kind = kind or kind_of(text)
    if kind not in FRONT_ENDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, FRONT_ENDS))} or None, not {kind!r}")
    front_end: FrontEnd = import_module(FRONT_ENDS[kind])
    return front_end.read(text, url=url, config=config)
