"""Shape tests on a single line of text, and on what an HTML block's markup says of it.

Cheap, regex-light predicates shared by the rules: how many words, does it end a
sentence, is it headline-like; is the block code,
a table row or a quotation. Plain text blocks carry no tag, so the markup tests
never hold of them and the rules judge plain text alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.article import Block

# A word, and a run of letters; what closes a sentence in any script (closing quotes and
# brackets may follow it); the marks that open a list item.
WORD = re.compile(r"\w+")
LETTERS = re.compile(r"[^\W\d_]+")
_STOPS, _CLOSERS = ".!?…。！？।", "\"'”’»)]"
_STOP_MARKS = frozenset(_STOPS)
SENTENCE_END = re.compile(rf"[{re.escape(_STOPS)}][{re.escape(_CLOSERS)}]*$")
BULLETS = tuple("-•*·–—►▶")
# Ideographs and Hangul syllables carry about a word each.
WIDE = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
DASH_SEPARATORS = frozenset({"-", "–", "—", "|", "•", "·", "*"})
# Where a dump lost the space between two labels: "Skip to main contentSkip to footer", "YesNo".
GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A sentence closed by a short credit in brackets: "...after a long debate. (AP)".
_CREDITED_SENTENCE = re.compile(r"[.!?…]\s*\([^()]{1,30}\)$")


def words(text: str) -> list[str]:
    return text.split()


@lru_cache(maxsize=4096)
def word_count(text: str) -> int:
    """Whitespace-separated words; cached, since every rule asks it of the same line in turn."""
    return len(text.split())


def weight(text: str) -> int:
    """Characters, with ideographs and Hangul syllables counted thrice (they carry a word each).

    An ASCII line has none of them, and most lines are ASCII.
    """
    return len(text) if text.isascii() else len(text) + 2 * len(WIDE.findall(text))


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence: a stop, "!", "?" or "…", in any script (the
    Devanagari danda "।" is a stop).

    >>> ends_sentence("It passed."), ends_sentence("He said: “Go!”"), ends_sentence("The plan was")
    (True, True, False)
    """
    # SENTENCE_END read from the line's end: its closers stripped, what is left ends on a stop.
    # The regex would be tried at every stop of a paragraph.
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _STOP_MARKS


def is_paragraph(text: str, min_words: int) -> bool:
    """A sentence of `min_words` words or more: a paragraph of a story, as each caller counts one.

    >>> is_paragraph("The council approved the budget on Tuesday.", 5), is_paragraph("Latest news", 1)
    (True, False)
    """
    return word_count(text) >= min_words and ends_sentence(text)


def is_cut_short(text: str) -> bool:
    """True when the line ends in an ellipsis, as a teaser's excerpt cut short does ("Every January,
    companies promise themselves that this year will be different...").

    >>> is_cut_short("Vendor lists will be..."), is_cut_short("It passed.")
    (True, False)
    """
    return text.rstrip().endswith(("...", "…"))


def is_separator(text: str) -> bool:
    """A line that is only a list separator: "-", "|", "•"."""
    return text.strip() in DASH_SEPARATORS


def strip_trailing_separator(text: str) -> str:
    """Drop the " -" that some dumps put after each item of a link list."""
    stripped = text.rstrip()
    if len(stripped) > 2 and stripped[-1] in DASH_SEPARATORS and stripped[-2] == " ":
        return stripped[:-2].rstrip()
    return stripped


def is_headline_like(text: str, *, max_words: int = 30) -> bool:
    """A line shaped like a headline or link text: short, not a full-stop sentence.

    Headlines may end in "?", "!" or "..." (truncated link text) but rarely in
    a single full stop; body sentences nearly always do, if at times before a
    bracketed credit.

    >>> is_headline_like("Council approves the budget (VIDEO)"), is_headline_like("It passed.(AP)")
    (True, False)
    >>> is_headline_like("北陸新幹線、着工5年遅れへ"), is_headline_like("国交省が見通しを示した。")
    (True, False)
    """
    text = strip_trailing_separator(text)
    n = word_count(text)
    if n == 0 or n > max_words or _CREDITED_SENTENCE.search(text):
        return False
    if is_cut_short(text) or text[-1] in "?!\"'”’":
        return True
    return text[-1] not in ".:;।。"


# What a page may leave on a line that shows nothing: spaces, and characters of no width (joiners
# and zero-width spaces, direction marks, a word joiner, a byte order mark, a soft hyphen).
_NOTHING_SHOWN = re.compile(r"[\s\u00ad\u200b-\u200f\u2060\ufeff]*")


def shows_nothing(text: str) -> bool:
    """Whether a line is blank to a reader: pages leave empty paragraphs holding a zero-width joiner.

    >>> shows_nothing("\u200d"), shows_nothing(" \ufeff "), shows_nothing("👨\u200d👩")
    (True, True, False)
    """
    return _NOTHING_SHOWN.fullmatch(text) is not None


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


# Code, table rows and quotations hold what the author wrote: a date, an arrow or a
# "Read:" there is the content itself (a log line, a schedule row, a quoted e-mail header).
_CONTENT_TAGS = frozenset({"pre", "tr", "blockquote"})
# Furniture lines are link lists; below this share of linked characters a line is written text.
_LINK_HEAVY = 0.5


def is_content_markup(block: Block) -> bool:
    """True for a block the markup marks as the author's own: code, a table row, a quotation."""
    return block.tag in _CONTENT_TAGS


def is_unlinked_html(block: Block) -> bool:
    """True for an HTML block whose text is mostly not links; never for a plain text line."""
    return block.tag is not None and block.link_density < _LINK_HEAVY


# The small words a paper's or a place's name may hold in lower case: "Times of India".
_NAME_PARTICLES = frozenset(
    {"of", "the", "and", "de", "du", "des", "la", "le", "der", "die", "das", "von", "y", "et", "del"}
)
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]")


def is_title_cased(text: str) -> bool:
    """Every word in Latin script opens on a capital, but the particles of names: a name's shape.

    >>> is_title_cased("The Times of India"), is_title_cased("My Friend Became a Grocery Store")
    (True, False)
    """
    return all(not _LATIN_LETTER.match(w) or w[0].isupper() or w in _NAME_PARTICLES for w in text.split())
