"""Metadata the body and the address show: the dateline, the site a URL or a folder names, the
headline without the site's or section's name a page writes after it.

Only what the text states is recorded; a field the text does not show
stays empty rather than guessed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from cleaner.shapes import is_title_cased
from cleaner.vocab import Vocabulary

if TYPE_CHECKING:
    from cleaner.storage import Location

# "Kyiv: The second round...", "NEW DELHI (Reuters) - India...", "WASHINGTON — The..."
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,3}(?:,\s*[A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*){0,2})?)"
    r"\s*(?:\((?P<agency>[A-Z][\w .&/-]{0,25})\)\s*)?(?::|\s[—–-]{1,2})\s+(?=[\"“‘'A-ZÀ-Ý0-9])"
)
_DATELINE_WINDOW = 3
# What a page writes after a headline: " | Site", " | Section", " - Site". A bar's part of this many
# words at most, in capitals, is a site's, a section's or a tagline's name; a dash's only where it
# spells the URL's host.
_TITLE_SEPARATOR = re.compile(r"\s([|–—-])\s")
_MAX_SUFFIX_WORDS = 4
_MIN_TITLE_WORDS = 2


def find_dateline(paragraphs: list[str], vocab: Vocabulary) -> tuple[str, str | None] | None:
    """The (place, agency) a story's first paragraphs open with, if any; a label that opens a
    paragraph as a place does ("Photo:", `not_places` in the vocabulary) is none.

    >>> find_dateline(["NEW DELHI (Reuters) - India said on Monday..."], Vocabulary())
    ('NEW DELHI', 'Reuters')
    >>> find_dateline(["Photo: the photographer said it was dark."], Vocabulary()) is None
    True
    """
    for paragraph in paragraphs[:_DATELINE_WINDOW]:
        match = _DATELINE.match(paragraph)
        if not match or len(paragraph) < len(match.group(0)) + 20:
            continue
        place = match.group("place").strip()
        if not set(place.lower().replace(",", " ").split()) & vocab.members("not_places"):
            return place, match.group("agency")
    return None


def is_url(text: str) -> bool:
    """Whether `text` splits as a URL; one that does not ("http://[broken") would fail every use."""
    try:
        urlsplit(text)
    except ValueError:
        return False
    return True


def url_site(url: str | None) -> str | None:
    """The site of a URL: its host, lower-cased, without "www.".

    >>> url_site("https://WWW.Example.com/news/1"), url_site("not a url")
    ('example.com', None)
    """
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.") or None


def folder_site(path: Location | None) -> str | None:
    """The site of a file whose URL is unknown: the name of the folder holding it."""
    if path is None:
        return None
    folder = path.parent.resolve() if isinstance(path, Path) else path.parent
    return folder.name.lower() or None


def without_site_suffix(title: str | None, url: str | None) -> str | None:
    """The headline without the names a page writes after it: a short part after a bar, written as a
    name is ("How meditation rewires brains | Opinion", "The Ultimate Car Maintenance Checklist |
    Bridgestone Tires"), or after a bar or a dash where it spells the URL's site ("... - CNX
    Software" on cnx-software.com). A part in sentence case after a bar is the headline after its
    topic ("Budget 2024 | Key highlights"), and a dash's part naming anything else the headline's
    own ("Zero Waste - A Beginner's Guide").

    >>> without_site_suffix("What do people love about Rust? | Rust Blog", None)
    'What do people love about Rust?'
    >>> without_site_suffix("Raspberry Pi 5 has 14 USB ports - CNX Software", "https://www.cnx-software.com/2025/x")
    'Raspberry Pi 5 has 14 USB ports'
    >>> without_site_suffix("Zero Waste - A Beginner's Guide", "https://example.com/zero-waste")
    "Zero Waste - A Beginner's Guide"
    >>> without_site_suffix("Budget 2024 | Key highlights", None)
    'Budget 2024 | Key highlights'
    """
    site = _letters((url_site(url) or "").rpartition(".")[0])
    while title and (separators := list(_TITLE_SEPARATOR.finditer(title))):
        found = separators[-1]
        head, suffix = title[: found.start()].rstrip(), title[found.end() :].strip()
        named = bool(site) and _letters(suffix) in (site, f"the{site}")
        short = len(suffix.split()) <= _MAX_SUFFIX_WORDS and len(head.split()) >= _MIN_TITLE_WORDS
        if not short or not (named or (found.group(1) == "|" and is_title_cased(suffix))):
            break
        title = head
    return title


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())
