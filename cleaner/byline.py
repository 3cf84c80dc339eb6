"""A byline line read: its marker (or a label in other words, or a date before it), the people and
agencies it credits, the date on it, and what may follow the names (a role, an agency, the paper or
the place), never a sentence. The names themselves are read as `cleaner.names` reads them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cleaner.affiliations import names_a_place_or_paper
from cleaner.dates import Reading, find_date, strip_times
from cleaner.names import (
    MAX_BYLINE_WORDS,
    after_marker,
    credited_names,
    glued_marker,
    is_credit_line,
    read_credit,
    unglued,
)
from cleaner.vocab import Vocabulary, function_words

# A dateline before the word for "by" has this many characters.
_DATELINE_CHARS = (4, 81)
_MAX_TAIL_WORDS = 8
_ALIAS_WORDS = 3
# What sets a story's meta apart on one line: "March 15, 2022 · 3 min read · By Jane Doe".
_META_SEPARATOR = re.compile(r"(?<!\s)\s+[·•|]\s+")
# What sets a byline's names apart from what follows them: "Jane Doe | Reuters", "Jane Doe; edited by ...".
_TAIL_MARKS = " ()|•·-–—,;"
# What sets apart the credits of one line: "Medically reviewed by Kim Rose-Francis RDN — Written by
# Jillian Kubala — Updated on March 7, 2025". A run of spaces is tried from its start only.
_CREDIT_PARTS = re.compile(r"(?<!\s)\s+[|•·—–]\s+")
# A role alone after the marker names a desk when it has this many words ("By Staff Reporter").
_MIN_DESK_WORDS = 2


class Byline(NamedTuple):
    """What a byline says: the names credited, the agencies credited, its date, and how many
    lines it takes (the marker may stand on a line of its own)."""

    names: list[str]
    agencies: list[str]
    published: str | None
    span: int


def read_byline(text: str, following: str | None, vocab: Vocabulary) -> Byline | None:
    """The names a byline line credits ("By Jane Doe and John Roe, Reuters | March 3, 2022"), or None
    for a line that is no byline: the words after the marker must be capitalised names, and what
    follows them a role, an agency or a date, never a sentence ("By the time the troops arrived" is
    none). A marker alone on its line takes its names from the `following` line.

    >>> read_byline("By Korin MillerPublished: Jan 29, 2025", None, Vocabulary())
    Byline(names=['Korin Miller'], agencies=[], published='2025-01-29', span=1)
    >>> read_byline("By the time the troops arrived, the city was empty.", None, Vocabulary()) is None
    True
    >>> read_byline("Reported by Priya Sharma; edited by Tom Hale", None, Vocabulary()).names
    ['Priya Sharma']
    """
    if len(text.split()) > MAX_BYLINE_WORDS:
        return None
    text = unglued(text.strip(), vocab)
    marker = vocab.starts("byline_markers", text)
    found = _marked_byline(text, marker, following, vocab) if marker else _dated_byline(text, vocab)
    if found is None and (labelled := vocab.derived(labelled_marker).match(text)):
        found = _marked_byline(text, labelled, following, vocab)
        # Under a label in other words, full names: "Análisis de Datos" is a heading.
        return found if found is not None and all(" " in name for name in found.names) else None
    return found if found is not None or marker else _byline_among_meta(text, vocab)


def read_review_credit(text: str, following: str | None, vocab: Vocabulary) -> Byline | None:
    """A credit for checking a story, not writing it ("Reviewed by Monika Nemcova", "Medically
    reviewed by Kim Rose-Francis RDN, CDCES, LD", "Reviewed by:" over the name), or None for a line
    that is none ("Reviewed by the committee, the plan..."). What it returns is what the line says
    of the story: the names and date of a writer's byline after the reviewer's, and no one else.

    >>> line = "Medically reviewed by Kim Rose-Francis RDN — Written by Jillian Kubala, MS, RD — Updated on March 7, 2025"
    >>> read_review_credit(line, None, Vocabulary())
    Byline(names=['Jillian Kubala, MS, RD'], agencies=[], published='2025-03-07', span=1)
    >>> read_review_credit("Reviewed by,", "Brian Stormont, CFP®", Vocabulary())
    Byline(names=[], agencies=[], published=None, span=2)
    """
    text = text.strip().rstrip(" :,")
    marker = vocab.starts("review_credits", text)
    if marker is None or len(text.split()) > MAX_BYLINE_WORDS:
        return None
    found = _marked_byline(text, marker, following, vocab)
    if found is None:
        return None
    for part in _CREDIT_PARTS.split(text)[1:]:
        writer = read_byline(part, None, vocab) if vocab.starts("byline_markers", part) else None
        if writer is not None:
            return writer._replace(published=writer.published or found.published, span=found.span)
    return found._replace(names=[], agencies=[])


def _byline_among_meta(text: str, vocab: Vocabulary) -> Byline | None:
    """A byline after the story's other meta, each part set apart by a dot or a bar: "March 15,
    2022 · 3 min read · By Jane Doe", "5 min read | By Jane Doe"; every part before it a date
    (a date's label at most) or a reading or relative time.

    >>> _byline_among_meta("March 15, 2022 · 3 min read · By Jane Doe", Vocabulary())
    Byline(names=['Jane Doe'], agencies=[], published='2022-03-15', span=1)
    >>> _byline_among_meta("Politics · By the way, nobody asked", Vocabulary()) is None
    True
    """
    *meta, last = _META_SEPARATOR.split(text)
    marker = vocab.starts("byline_markers", last) if meta else None
    if marker is None:
        return None
    dates = [_meta_date(part, vocab) for part in meta]
    found = _marked_byline(last, marker, None, vocab) if "" not in dates else None
    if found is None:
        return None
    return found._replace(published=found.published or next(filter(None, dates), None))


def _is_meta(text: str, vocab: Vocabulary) -> bool:
    """Whether every part of the text is a date or a reading or relative time ("2 hours ago · 5 min read")."""
    return "" not in (_meta_date(part, vocab) for part in _META_SEPARATOR.split(text))


def _meta_date(part: str, vocab: Vocabulary) -> str | None:
    """The date a part of a story's meta gives: None for a reading or relative time ("3 min
    read", "2 hours ago"), "" for a part that is neither."""
    date = find_date(part)
    if date is not None:
        label = strip_times(part.replace(date[1].group(), " ")).strip(" :,")
        return date[0] if not label or vocab.line_is("date_labels", label) else ""
    number, _, rest = part.partition(" ")
    return None if number.isdecimal() and vocab.line_is("relative_time", rest) else ""


def _without_count(tail: str, vocab: Vocabulary) -> str:
    """The tail of a byline without the count of comments, shares or views, the reading time or the
    time since closing it ("By Erin Spain 4 Comments", "Posted by John Scalzi 59 Comments", "by Jane
    Doe · No Comments", "By Kyle Howells 15 min read", "By Jane Doe 2 hours ago").

    >>> _without_count("4 Comments", Vocabulary()), _without_count("Reuters | 1,024 shares", Vocabulary())
    ('', 'Reuters')
    >>> _without_count("Jane Doe 15 min read", Vocabulary())
    'Jane Doe'
    """
    without = vocab.derived(_closing_count).sub("", tail)
    return without.rstrip(" |•·-–—,") if without != tail else tail


def _closing_count(vocab: Vocabulary) -> re.Pattern[str]:
    # A time counted in words of its own ("15 min read", "2 hours ago"); a day's name is no count
    # ("BBC Radio 4 Today").
    times = sorted((p for p in vocab.phrases("relative_time") if " " in p), key=len, reverse=True)
    counted = "|".join([vocab.alternation("engagement_counts"), *map(re.escape, times)])
    return re.compile(rf"(?:^|\s)(?i:no|\d[\d,.]*k?)\s+(?i:{counted})\s*$")


def _marked_byline(text: str, marker: re.Match[str], following: str | None, vocab: Vocabulary) -> Byline | None:
    rest, span = after_marker(text, marker), 1
    if not rest and following is not None:
        rest, span = unglued(following.strip(), vocab), 2
    role, *after = _META_SEPARATOR.split(rest, maxsplit=1)
    found: tuple[list[str], list[str], str] | None
    if _names_a_desk(role, vocab):  # "By Staff Reporter | Jane Doe": the writer, if the desk names one
        found = _writer_after_desk(after[0], vocab) if after else None
        found = found or ([], [], "".join(after))
    else:
        found = read_credit(_without_count(rest, vocab), vocab)
    if found is None:
        return None
    people, agencies, tail = found
    tail = tail.strip(_TAIL_MARKS)
    date = find_date(tail)
    if tail and not date and not _is_furniture_tail(tail, vocab) and not _is_meta(tail, vocab):
        return None
    return Byline(people, agencies, date[0] if date else None, span)


def _writer_after_desk(rest: str, vocab: Vocabulary) -> tuple[list[str], list[str], str] | None:
    """The writer a desk's byline names after it, full names only: "By Staff Reporter | Jane Doe"
    credits her; "By Staff Reporter | Thiruvananthapuram", "| New Delhi" or "| Hindustan Times"
    names where the desk files from or the paper, no one."""
    found = read_credit(rest, vocab)
    if found is None or not found[0]:
        return None
    people = found[0]
    return None if any(" " not in name or names_a_place_or_paper(name, vocab) for name in people) else found


def _names_a_desk(rest: str, vocab: Vocabulary) -> bool:
    """Whether the byline credits a role and no one: "Our Special Correspondent", "notre
    correspondant", or a role of two words or more in capitals ("Staff Reporter", "Web Desk"; one
    word alone, "Writing", may be a filter's label). A paper signs its own staff's stories so."""
    determiner = vocab.starts("staff_determiners", rest)
    if determiner:
        return vocab.line_is("writer_roles", rest[determiner.end() :].lstrip())
    return rest[:1].isupper() and len(rest.split()) >= _MIN_DESK_WORDS and vocab.line_is("writer_roles", rest)


def _date_then_by(vocab: Vocabulary) -> re.Pattern[str]:
    """The word for "by" between a dateline and a capitalised name: "Posted on March 3, 2024 by Jane
    Doe", "Erstellt am 12. März 2024 von Max Mustermann", "Publié le 12 mars 2024 par Jean Dupont"."""
    return re.compile(rf"(?<!\s)\s+(?i:{vocab.alternation('byline_connectors')})\s+(?=[A-ZÀ-ÖØ-ÞĀ-Ž])")


def _dated_byline(text: str, vocab: Vocabulary) -> Byline | None:
    """A byline after its date: "Posted on March 3, 2024 by Jane Doe", "Updated 3 May 2023 by Jane
    Doe", "Publicado el 12 de marzo de 2024 por Juan Pérez": a date, a date's label at most ("Posted
    on"), the word for "by" and the names, and nothing after them. The word may join a date's parts
    too ("12 de Marzo de 2024"): the first one after a whole date is the byline's. After the names
    stands an alias in brackets at most: a category ("| Community") is a teaser's.

    >>> _dated_byline("Posted on March 3, 2024 by Jane Doe", Vocabulary())
    Byline(names=['Jane Doe'], agencies=[], published='2024-03-03', span=1)
    >>> _dated_byline("Publicado el 12 de Marzo de 2024 por Juan Pérez", Vocabulary())
    Byline(names=['Juan Pérez'], agencies=[], published='2024-03-12', span=1)
    >>> _dated_byline("Posted on March 3, 2024 by Jane Doe (JD) - 5 Comments", Vocabulary())
    Byline(names=['Jane Doe'], agencies=[], published='2024-03-03', span=1)
    >>> _dated_byline("In a ruling on March 3, 2024 by Judge Jane Doe", Vocabulary()) is None
    True
    """
    shortest, longest = _DATELINE_CHARS
    for found in vocab.derived(_date_then_by).finditer(text):
        dateline = text[: found.start()]
        if len(dateline) > longest:
            return None
        date = find_date(dateline) if len(dateline) >= shortest else None
        if date is None:
            continue
        label = " ".join(dateline.replace(date[1].group(), " ").split()).strip(" :|•·-–—,")
        if label and not vocab.line_is("date_labels", label):
            return None
        credited = read_credit(_without_count(text[found.end() :], vocab), vocab)
        if credited is None:
            return None
        people, agencies, tail = credited
        tail = tail.strip(" .|•·-–—,")
        # An alias in brackets, its opening bracket taken with the names: "by Jane Doe (JD)".
        alias = tail.endswith(")") and tail.count(")") == 1 and "(" not in tail and len(tail.split()) <= _ALIAS_WORDS
        return None if tail and not alias else Byline(people, agencies, date[0], 1)
    return None


def dated_credit(text: str, vocab: Vocabulary, how: Reading) -> Byline | None:
    """A byline without a marker: a credit line's name, then the date and nothing after it but its
    time ("Faith Katunga • Oct 20, 2025", "Tom Talbot October 14, 2025"). A comma or a colon after
    the words, or a date's label among them, makes a dateline ("New Delhi, UPDATED: March 19, 2024").

    >>> dated_credit("Tom Talbot | October 14, 2025", Vocabulary(), Reading())
    Byline(names=['Tom Talbot'], agencies=[], published='2025-10-14', span=1)
    >>> dated_credit("Updated October 14, 2025", Vocabulary(), Reading()) is None
    True
    """
    date = find_date(text, how)
    if date is None or strip_times(text[date[1].end() :]).strip():
        return None
    name = text[: date[1].start()].strip(" |·•–—-")
    if re.search(r"[,:]", name) or vocab.search("date_labels", name) or not is_credit_line(name, vocab):
        return None
    if not vocab.members("weekdays").isdisjoint(name.casefold().split()):
        return None  # "Released Wednesday March 3" names a day
    return Byline(credited_names(name, vocab), [], date[0], 1)


def _is_furniture_tail(tail: str, vocab: Vocabulary) -> bool:
    """What follows a byline's names is a role or an agency ("dpa" too), the paper or the place
    after a preposition ("for The Daily Ledger", "à Marseille"), or another credit ("edited by Tom
    Hale"), not a sentence."""
    if vocab.line_is("agencies", tail) or _is_other_credit(tail, vocab):
        return True
    first, _, rest = tail.partition(" ")
    after = rest if rest and first.casefold() in function_words() else ""
    return (
        len(tail.split()) <= _MAX_TAIL_WORDS and not tail.endswith(".") and (tail[0].isupper() or after[:1].isupper())
    )


def _is_other_credit(tail: str, vocab: Vocabulary) -> bool:
    """Another credit after a byline's names: a label and the word for "by", then names or agencies and
    nothing else ("edited by Tom Hale"; "produced by the team behind ..., the series returns" is a
    sentence)."""
    marker = vocab.derived(labelled_marker).match(tail)
    found = read_credit(tail[marker.end() :].strip(), vocab) if marker else None
    return found is not None and not found[2].strip(_TAIL_MARKS + ".")


def labelled_marker(vocab: Vocabulary) -> re.Pattern[str]:
    """A byline's marker in other words: a label naming the piece or its writer before or after the word
    for "by" ("Column by", "Ein Kommentar von", "Texto de", "Von unserem Korrespondenten")."""
    label = rf"(?:(?:{vocab.alternation('byline_articles')})\s+)?(?:{vocab.alternation('byline_labels')})"
    label += rf"(?:\s+(?:{vocab.alternation('byline_labels')}))?"
    by = vocab.alternation("byline_connectors")
    return re.compile(rf"(?i:{label}\s+(?:{by})|(?:{by})\s+{label})\b[ \t]*:?(?=\s)")


def byline_opening(vocab: Vocabulary) -> re.Pattern[str]:
    """The byline rule's gate pattern: a marker glued to the name, or a label in other words, at the
    line's start (a line holding a marker's phrase is let through by its words)."""
    glued = glued_marker(vocab).pattern.removeprefix("^")
    return re.compile(rf"^(?:{glued}|{labelled_marker(vocab).pattern})")
