"""The systems scored: the cleaner and the peers the published baselines were measured with."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from cleaner.evaluate.datasets import EvaluationError
from cleaner.evaluate.metric import Extract

if TYPE_CHECKING:  # imported on use, so that the command line starts without the rule engine
    from cleaner.config import Config

# The C4 line filter as the published baseline ran it: closing quotes and guillemets count as sentence ends.
_C4_ENDS = (".", "!", "?", '"', "'", "”", "’", "»", "…")
_C4_MIN_WORDS = 5


@dataclass(frozen=True)
class System:
    """Something that extracts a body from one page's input.

    `input` is the variant it reads, or None for the run's chosen one; `extract(data, variant, url)`
    gets the input's bytes. `metadata` says whether it reports title, author and date.
    """

    name: str
    input: str | None
    extract: Callable[[bytes, str, str | None], Extract]
    metadata: bool = False


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _raw(data: bytes, variant: str, url: str | None) -> Extract:
    return Extract(_text(data))


def _c4(data: bytes, variant: str, url: str | None) -> Extract:
    """Keep lines that end like a sentence and have five words or more (C4's line rule)."""
    lines = _text(data).splitlines()
    return Extract("\n".join(line for line in lines if line.endswith(_C4_ENDS) and len(line.split()) >= _C4_MIN_WORDS))


def _justext(data: bytes, variant: str, url: str | None) -> Extract:
    """jusText on the dump with one <p> per line and the English stoplist, as the baseline ran it."""
    import justext

    page = "".join(f"<p>{html.escape(line)}</p>" for line in _text(data).splitlines())
    paragraphs = justext.justext(f"<html><body>{page}</body></html>", justext.get_stoplist("English"))
    return Extract("\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def _trafilatura(data: bytes, variant: str, url: str | None) -> Extract:
    """trafilatura on the HTML, comments off (the leaderboard setting), with its metadata (its
    description as the subtitle)."""
    import trafilatura

    found = trafilatura.bare_extraction(data, url=url, include_comments=False, with_metadata=True)
    if found is None or isinstance(found, dict):
        return Extract("")
    return Extract(found.text or "", found.title, found.author, found.date, found.description)


def _cleaner(config: Config, data: bytes, variant: str, url: str | None) -> Extract:
    from cleaner.engine import clean

    article = clean(data if variant == "html" else _text(data), url=url, config=config, kind=_KINDS[variant])
    return Extract(article.body, article.title, "; ".join(article.authors) or None, article.published, article.subtitle)


_KINDS = {"dumps": "text", "html": "html"}


PEERS = {
    "raw": System("raw", "dumps", _raw),
    "c4": System("c4", "dumps", _c4),
    "justext": System("justext", "dumps", _justext),
    "trafilatura": System("trafilatura", "html", _trafilatura, metadata=True),
}
SYSTEMS = ("cleaner", *PEERS)


def get_system(name: str, config: Config | None = None) -> System:
    """The named system; `config` is the cleaner's."""
    if name == "cleaner":
        from cleaner.config import Config

        return System("cleaner", None, partial(_cleaner, config or Config()), metadata=True)
    if name not in PEERS:
        raise EvaluationError(f"unknown system {name!r}; known: {', '.join(SYSTEMS)}")
    return PEERS[name]
