"""Timestamp and reading-time lines; a calendar date moves to `Article.published`."""

from __future__ import annotations

import re

from cleaner.dates import find_date, strip_times
from cleaner.rules.page import Page
from cleaner.rules.registry import Hit, rule
from cleaner.rules.shapes import word_count

_LEFTOVER_WORD = re.compile(r"[^\W\d_]{2,}")
_WEEKDAYS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ]
)
_MAX_TIMESTAMP_WORDS = 16


@rule("TIM001", "timestamp", "timestamps")
def timestamp(page: Page, i: int) -> Hit | None:
    """Removes: a line that is only a date, a time or a reading time ("Updated: March 3, 2022
    10:45 IST", "Thursday, 3 March 2022", "Veröffentlicht am 3. März 2022", "5 hours ago",
    "4 min read"). The first calendar date found moves to `published`.

    Why: timestamps are page furniture; the date belongs in metadata.

    False positives: a sentence that contains a date ("On March 3, 2022, troops entered
    Kyiv.") is kept because little besides the date and its labels may be on the line.

    Example: "Published: 03 Mar 2022, 10:45 AM IST" -> published "2022-03-03".
    """
    text = page.blocks[i].text
    if word_count(text) > _MAX_TIMESTAMP_WORDS:
        return None
    vocab = page.vocab
    found = find_date(text)
    rest = strip_times(text[: found[1].start()] + " " + text[found[1].end() :] if found else text)
    leftover = [
        w for w in _LEFTOVER_WORD.findall(rest) if w.lower() not in _WEEKDAYS and not vocab.line_is("date_labels", w)
    ]
    if found:
        if len(leftover) <= 2 or vocab.line_is("date_labels", " ".join(leftover)):
            return Hit(moved_to="published", value=found[0])
        return None
    relative = vocab.search("relative_time", text)
    if relative and word_count(text) <= 6 and (any(ch.isdigit() for ch in text) or len(leftover) <= 2):
        return Hit()
    return None
