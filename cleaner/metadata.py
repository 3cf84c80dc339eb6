"""Metadata the body and the address show: the dateline, the site a URL or a folder names.

Only what the text states is recorded; a field the text does not show
stays empty rather than guessed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from cleaner.shapes import ends_sentence
from cleaner.vocab import Vocabulary

if TYPE_CHECKING:
    from cleaner.storage import Location

# "Kyiv: The second round...", "NEW DELHI (Reuters) - India...", "WASHINGTON — The..."
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,3}(?:,\s*[A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*){0,2})?)"
    r"\s*(?:\((?P<agency>[A-Z][\w .&/-]{0,25})\)\s*)?(?::|\s[—–-]{1,2})\s+(?=[\"“‘'A-ZÀ-Ý0-9])"
)
_DATELINE_WINDOW = 3


def find_dateline(paragraphs: list[str], vocab: Vocabulary) -> tuple[str, str | None] | None:
    """The (place, agency) a story's first paragraphs open with, if any; a label that opens a
    paragraph as a place does ("Photo:", `not_places` in the vocabulary) is none, and so is a
    heading's label (`_ends_as_prose`).

    >>> find_dateline(["NEW DELHI (Reuters) - India said on Monday..."], Vocabulary())
    ('NEW DELHI', 'Reuters')
    >>> find_dateline(["Photo: the photographer said it was dark."], Vocabulary()) is None
    True
    >>> find_dateline(["Key Focus: Versatility and portability at home"], Vocabulary()) is None
    True
    """
    for paragraph in paragraphs[:_DATELINE_WINDOW]:
        match = _DATELINE.match(paragraph)
        if not match or len(paragraph) < len(match.group(0)) + 20 or not _ends_as_prose(paragraph):
            continue
        place = match.group("place").strip()
        if not set(place.lower().replace(",", " ").split()) & vocab.members("not_places"):
            return place, match.group("agency")
    return None


def _ends_as_prose(paragraph: str) -> bool:
    """Whether the paragraph ends as a story's sentence does, or as its lead-in ("(all times local):"):
    a heading's label before a colon ("Key Focus: Versatility and portability") opens no story."""
    return ends_sentence(paragraph) or paragraph.rstrip().endswith(":")


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
