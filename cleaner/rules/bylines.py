"""Bylines, moved to `Article.authors`."""

from __future__ import annotations

import re

from cleaner.dates import find_date
from cleaner.names import is_name_list, split_names
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import word_count
from cleaner.vocab import Vocabulary

# What may follow the names: "| Updated ...", ", Reuters", " - Staff Writer". Leading
# whitespace is taken from the start of its run only, so a long run costs one scan, not one per space.
_AFTER_NAMES = re.compile(r"(?:(?<!\s)\s+)?(?:\||•|·|,|—|–| - |\(|\bupdated\b|\bpublished\b)\s*", re.IGNORECASE)
_MAX_TAIL_WORDS = 8
# An author box: the author's name on a line of its own (at most _MAX_NAME_WORDS words), at
# most _MAX_BIO_GAP short role lines, then a biography of _MIN_BIO_WORDS words or more.
_MAX_NAME_WORDS = 4
_MAX_BIO_GAP = 2
_MAX_ROLE_WORDS = 6
_MIN_BIO_WORDS = 12
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


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


@block_rule("BYL001", "byline", "bylines", gate=Gate(max_words=20, phrases=("byline_markers",)))
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


def _is_name_line(text: str) -> bool:
    """A line of two to four capitalised words, nothing else: a person's name."""
    parts = text.split()
    return 2 <= len(parts) <= _MAX_NAME_WORDS and all(_NAME_WORD.fullmatch(p) and p[0].isupper() for p in parts)


def _is_biography(page: Page, line: str) -> bool:
    """A paragraph about a writer: long enough, and naming what the person does for the page."""
    return word_count(line) >= _MIN_BIO_WORDS and page.vocab.search("writer_roles", line) is not None


@block_rule("BYL002", "author-bio", "bylines", gate=Gate(max_words=_MAX_NAME_WORDS))
def author_bio(page: Page, i: int) -> Hit | None:
    """Removes: an author box: a line holding only a person's name, up to two short role
    lines under it, and the biography that follows, which opens with the name or its
    first word and a verb ("Jane Doe is a reporter at...", "Jane has covered...",
    "Jane Doe ist Redakteurin...").

    Why: the box is about the author, not the story, and sits under every story the
    author writes; in a page dump its paragraph reads like article text, so it drags the
    article's run on into the furniture after it.

    False positives: a profile of a writer headed by the writer's name. A listicle whose
    items are headed by a name and open by repeating it ("Acme Studio" then "Acme Studio
    is a design agency...") stays: the paragraph must name what a writer does ("reporter",
    "editor", "writes"), follow the name within three lines and run to twelve words.

    Example: "Jane Doe", "Senior Reporter", "Jane Doe is a senior reporter at the Gazette,
    covering housing and transport." -> all three dropped.
    """
    text = page.blocks[i].text.strip()
    if not _is_name_line(text):
        return None
    blocks = page.blocks
    first = text.split()[0]
    for j in range(i + 1, min(i + 2 + _MAX_BIO_GAP, len(blocks))):
        line = blocks[j].text.strip()
        for opener in (text, first):
            rest = line[len(opener) :].lstrip()
            if line.startswith(opener) and page.vocab.starts("bio_verbs", rest) and _is_biography(page, line):
                return Hit(span=j + 1 - i, detail="author name and biography")
        if word_count(line) > _MAX_ROLE_WORDS:
            return None
    return None
