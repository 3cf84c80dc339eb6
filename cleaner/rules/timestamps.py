"""Timestamp and reading-time lines; a calendar date moves to `Article.published`."""

from __future__ import annotations

import re

from cleaner.dates import DATELINE_MAX_WORDS, YEAR, Reading, chronological_lists, find_date, reading, strip_times
from cleaner.language import count_words
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, is_content_markup, word_count
from cleaner.vocab import Vocabulary, label_words_of, month_numbers

_LEFTOVER_WORD = re.compile(r"[^\W\d_]{2,}")
# The most words a dateline's label has, in Chinese and Japanese characters: a label or a name
# ("更新日", "ライトハウス国際特許事務所"); a clause is more, or ends on its full stop.
_MAX_LABEL_WORDS = 16
# A date in code: compared or assigned ("WHERE created_at > '2024-01-01'"), cast ("'2024-01-01'::date")
# or quoted as a literal. No dateline is written so.
_DATE_IN_CODE = re.compile(r"[<>=]|::|'\d{4}-\d\d-\d\d'")
# A day and a dash before the date ("16-19 March 2026", "March 16 - April 2, 2026"), or a dash and
# another date after it: the span of an event, not when the page was written. A number right after
# a word other than a month's name is that word's ("Issue 12 - March 3, 2022" is a dateline).
_SPAN_OPENED = re.compile(r"(?<![\w:.])\d{1,2}\s*[-–—]\s*$")
_DASHES = "-–—"
_MAX_RELATIVE_WORDS = 6
# The entries of a chronological list (`dates.chronological_lists`) stand close: each dateline at most
# this many lines below the one before.
_LIST_ENTRY_MAX_LINES = 6
# A label, then a count of minutes ("min", "Minuten", `minute_units`): a reading time.
_LABELLED_MINUTES = re.compile(
    r"^\s*(?P<label>[^\W\d_][^\s\d:：–-]*(?:\s+[^\s\d:：–-]+){0,3})\s*(?:[:：–-]\s*)?\d{1,3}\s*(?P<unit>[^\s\d.]+)\.?\s*$"
)

# A notice of the story's age counts its time in a word or two before the unit: "3", "a", "ein", "two".
_MAX_AGE_COUNT_WORDS = 2


# A date is found only where a year is (`find_date`); without one, the line must hold a relative time.
@block_rule(
    "TIM001",
    "timestamp",
    "timestamps",
    gate=Gate(max_words=DATELINE_MAX_WORDS, phrases=("relative_time", "reading_labels", "age_notices"), pattern=YEAR),
)
def timestamp(page: Page, i: int) -> Hit | None:
    """Removes: a line that is only a date, a time or a reading time ("Updated: March 3, 2022
    10:45 IST", "Thursday, 3 March 2022", "Veröffentlicht am 3. März 2022", "5 hours ago",
    "4 min read", "Lecture : 12 min", "Lesedauer 4 Min."), and a notice of the story's age ("This
    article is more than 3 months old", "Dieser Artikel ist älter als ein Jahr"). The first calendar
    date found moves to `published`, but an update's ("Updated: Mar 5, 2025") where a dateline of
    the page dates the story's first publication ("First published on: 03-03-2025", anywhere).

    Why: timestamps are page furniture; the date belongs in metadata.

    False positives: a sentence that contains a date ("On March 3, 2022, troops entered
    Kyiv.", "Closed until March 3, 2022.") is kept: besides the date and its labels at most
    two words may be on the line, and none when it ends in a full stop; a date compared, cast or
    quoted as a literal is code ("WHERE created_at > '2024-01-01'"). A span of days is an event's
    ("Date: 16-19 March 2026"), and a date before a colon heads what follows ("2025-12-19:", a
    log's entry; "Effective beginning 6/2/2025:"). A relative time
    must be nearly alone too ("Vor 20 Jahren fiel die Entscheidung." stays), and so must a notice of
    the story's age ("This story is over 100 years old, passed down by my grandmother" stays). On HTML a
    date in code, a table row or a quotation is content (a schedule, a quoted e-mail header).
    So are the datelines of a chronological list (an events calendar, a time series): many
    entries close together, dated oldest first, without clock times.

    Example: "Published: 03 Mar 2022, 10:45 AM IST" -> published "2022-03-03".
    """
    block = page.blocks[i]
    text = block.text
    if is_content_markup(block):
        return None
    vocab = page.vocab
    found = find_date(text, page.memo(_reading))
    if found:
        if not _is_dated_line(page, i, found):
            return None
        if vocab.starts("update_labels", text) and page.memo(_first_published) is not None:
            return Hit(detail="an update's date; the page dates its first publication")
        return Hit(moved_to="published", value=found[0])
    if _is_age_notice(text, vocab):
        return Hit()
    if word_count(text) > _MAX_RELATIVE_WORDS:
        return None
    if _is_reading_time(text, vocab):
        return Hit()
    if not vocab.search("relative_time", text):
        return None
    # "vor 5 Stunden", "Temps de lecture : 3 min": at most one word besides the phrase's own.
    relative_words = vocab.derived(_relative_words)
    leftover = _leftover_words(text, None, vocab)
    return Hit() if sum(w.lower() not in relative_words for w in leftover) <= 1 else None


def _is_dated_line(page: Page, i: int, found: tuple[str, re.Match[str]]) -> bool:
    """The line holds its date `found` and nothing but labels: a dateline, not a sentence, code, a
    span of days, a heading over what follows or an entry of a dated list."""
    text = page.blocks[i].text
    # The leftover words are looked for only once a date is found: most lines have none.
    return not (
        _DATE_IN_CODE.search(text)
        or text.rstrip().endswith(":")
        or _is_span(text, found[1])
        or not _is_dateline(text, _leftover_words(text, found, page.vocab), page.vocab)
        or i in page.memo(_dated_list_lines)
    )


def _first_published(page: Page) -> int | None:
    """The first dateline that dates the story's publication ("First published on: 03-03-2025",
    "Posted July 10, 2004"), None if none does: an update's date ("Updated: Mar 5, 2025") gives way
    to it, wherever it stands (`Page.memo`: once per page)."""
    for i, block in enumerate(page.blocks):
        if page.vocab.starts("published_labels", block.text) and not is_content_markup(block):
            found = find_date(block.text, page.memo(_reading))
            if found and _is_dated_line(page, i, found):
                return i
    return None


def _is_reading_time(text: str, vocab: Vocabulary) -> bool:
    """A reading time's label, then the minutes: "Lecture : 12 min", "Lesedauer 4 Min.", "Read: 5 min"
    (a recipe's "Cook Time: 50 mins", a course's "Lecture 7" or "Lecture: 3 hours" is none; an
    English course's "Lecture: 50 minutes" reads as one)."""
    found = _LABELLED_MINUTES.match(text)
    return bool(
        found
        and vocab.line_is("reading_labels", found["label"])
        and found["unit"].lower() in vocab.members("minute_units")
    )


def _is_age_notice(text: str, vocab: Vocabulary) -> bool:
    """A notice's opening ("This article is more than", `age_notices`), a count, a unit of time
    (`age_units`) and nothing after it but the words that close a notice ("old", `age_closings`):
    a line that opens alike and says more ("This article is more than a summary", "This story is
    over 100 years old, passed down by my grandmother", "यह लेख दस साल के शोध पर आधारित है") is the
    story's."""
    opening = vocab.starts("age_notices", text)
    if opening is None:
        return False
    words = label_words_of(text[opening.end() :])
    units = vocab.word_set("age_units")
    unit = next((k for k, word in enumerate(words[: _MAX_AGE_COUNT_WORDS + 1]) if word in units), None)
    closings = vocab.word_set("age_closings")
    return unit is not None and unit > 0 and all(word in closings for word in words[unit + 1 :])


def _is_span(text: str, date: re.Match[str]) -> bool:
    """A date that opens or closes a span of days: a day and a dash before it (after no word but a
    month's name), a dash and a date after it."""
    if opened := _SPAN_OPENED.search(text, 0, date.start()):
        before = text[: opened.start()]
        word = before.split()[-1].rstrip(".") if before.strip() and before[-1].isspace() else ""
        if not word.isalpha() or word.casefold() in month_numbers():
            return True
    after = text[date.end() :].lstrip()
    if not after.startswith(tuple(_DASHES)):
        return False
    found = find_date(after[1:].lstrip())
    return found is not None and found[1].start() == 0


def _reading(page: Page) -> Reading:
    """How the page writes numeric dates, as its URL tells (`Page.memo`: once per page)."""
    return reading(page.article.url)


def _leftover_words(text: str, found: tuple[str, re.Match[str]] | None, vocab: Vocabulary) -> list[str]:
    """The words of a line besides its date, its clock times, weekdays and date labels, and the
    words of a relative time it holds ("March 15, 2025 8:30 AM Updated 2 hours ago")."""
    rest = strip_times(text[: found[1].start()] + " " + text[found[1].end() :] if found else text)
    rest = vocab.derived(_relative_time).sub(" ", rest)
    weekdays = vocab.members("weekdays")
    return [
        w for w in _LEFTOVER_WORD.findall(rest) if w.lower() not in weekdays and not vocab.line_is("date_labels", w)
    ]


def _relative_time(vocab: Vocabulary) -> re.Pattern[str]:
    """A relative time's phrase on word boundaries: "hours ago", "il y a", "vor"."""
    return re.compile(rf"(?<!\w)(?:{vocab.alternation('relative_time')})(?!\w)", re.IGNORECASE)


def _is_dateline(text: str, leftover: list[str], vocab: Vocabulary) -> bool:
    """A dated line with nothing but labels: two stray words may be a label ("Last modified"),
    or in Chinese or Japanese, which count a word a character, a few ("更新日"), unless the line
    is a sentence ("2024年1月1日に石川県で起きた地震以来の大きな揺れとなった。")."""
    if not leftover or vocab.line_is("date_labels", " ".join(leftover)):
        return True
    short = len(leftover) <= 2 and count_words(" ".join(leftover)) <= _MAX_LABEL_WORDS
    return short and not ends_sentence(text)


def _dateline_date(text: str, vocab: Vocabulary) -> str | None:
    """The ISO date of a line that is a dateline by its words alone, else None."""
    # A date is found only where a year is (`find_date`): asked of every line of the page, most of
    # which hold none and need not be split into words.
    if YEAR.search(text) is None or word_count(text) > DATELINE_MAX_WORDS:
        return None
    found = find_date(text)
    if found is None or not _is_dateline(text, _leftover_words(text, found, vocab), vocab):
        return None
    return found[0]


def _dated_list_lines(page: Page) -> frozenset[int]:
    """The datelines of the page that head the entries of a chronological list (`Page.memo`: once per page)."""
    blocks, vocab = page.blocks, page.vocab
    entries = [(i, day) for i, block in enumerate(blocks) if (day := _dateline_date(block.text, vocab))]
    lines = [block.text for block in blocks]
    return frozenset(chronological_lists(entries, lines, _LIST_ENTRY_MAX_LINES))


def _relative_words(vocab: Vocabulary) -> frozenset[str]:
    return frozenset(word for phrase in vocab.phrases("relative_time") for word in phrase.split())
