"""Bylines, moved to `Article.authors`."""

from __future__ import annotations

import re

from cleaner.dates import find_date
from cleaner.rules.page import Page
from cleaner.rules.registry import Gate, Hit, rule
from cleaner.rules.shapes import is_name_list, split_names, word_count
from cleaner.vocab import Vocabulary

# What may follow the names: "| Updated ...", ", Reuters", " - Staff Writer". Leading
# whitespace is taken from the start of its run only, so a long run costs one scan, not one per space.
_AFTER_NAMES = re.compile(r"(?:(?<!\s)\s+)?(?:\||•|·|,|—|–| - |\(|\bupdated\b|\bpublished\b)\s*", re.IGNORECASE)
_MAX_TAIL_WORDS = 8


def _names_in(text: str) -> tuple[list[str], str] | None:
    """Split a byline's remainder into names and what follows them."""
    parts = _AFTER_NAMES.split(text, maxsplit=1)
    names, tail = parts[0].strip(" :"), (parts[1] if len(parts) > 1 else "")
    if not names or not is_name_list(names):
        return None
    return split_names(names), tail


def _tail_is_furniture(tail: str, vocab: Vocabulary) -> bool:
    """The rest of a byline line is a role, an agency ("dpa" too) or a date, not a sentence."""
    tail = tail.strip(" ()|")
    if not tail or find_date(tail) or vocab.line_is("agencies", tail):
        return True
    return word_count(tail) <= _MAX_TAIL_WORDS and not tail.endswith(".") and tail[0].isupper()


@rule("BYL001", "byline", "bylines", gate=Gate(max_words=20, phrases=("byline_markers",)))
def byline(page: Page, i: int) -> Hit | None:
    """Removes: a byline ("By John Smith and Jane Doe", "By JANE DOE, Reuters", "Written by
    Ann Lee | Updated: March 3, 2022", "Von Max Mustermann", "Par Jean Dupont", "Por Juan
    Pérez"), also when the marker and the names sit on two lines. The names move to
    `authors`; a date on the same line sets `published`.

    Why: the author belongs in metadata; left in the body it is a stray line.

    False positives: a sentence that starts with "By" is kept because the words after the
    marker must be capitalised names and the rest of the line must not be a sentence ("By
    the time the troops arrived, the city was empty." stays).

    Example: "By Jane Doe and John O'Neil" -> authors ["Jane Doe", "John O'Neil"].
    """
    text = page.blocks[i].text.strip()
    if word_count(text) > 20:
        return None
    marker = page.vocab.starts("byline_markers", text)
    if not marker:
        return None
    rest = text[marker.end() :].lstrip(" :")
    span = 1
    if not rest and i + 1 < len(page.blocks):
        rest, span = page.blocks[i + 1].text.strip(), 2
    found = _names_in(rest)
    if found is None or not _tail_is_furniture(found[1], page.vocab):
        return None
    names, tail = found
    date = find_date(tail)
    meta = {"published": date[0]} if date else {}
    return Hit(span=span, moved_to="authors", value=names, meta=meta)
