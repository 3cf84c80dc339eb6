"""Finding and normalising dates in short lines of text, in several languages.

Only lines that are themselves timestamps are parsed: a year inside a
headline ("Leaked 2016 Audio...") is never taken for a publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache, lru_cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from cleaner.vocab import month_numbers

_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)")
# Year first with dots or slashes, as blogs and East Asian sites write it ("2025.12.17", "2025/12/17"):
# two digits each for the month and the day, which a version number ("2024.4.4") seldom has, and
# no path around it ("nytimes.com/2025/12/17/" is a link's, "/2019/11/12/13" no date).
_YEAR_FIRST = re.compile(
    r"(?<![\d./])(?P<y>(?:19|20)\d\d)(?P<sep>[./])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?!\d|[./]\d)"
)
# Chinese, Japanese and Korean dates: "2025年3月4日", "2025년 3월 4일".
_CJK = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일]")
# "20/11/2019", "20.11.2019", "20-11-2019" (Indian papers' "First published on: 03-03-2025"); and
# "11/20/2019", read month first where the second number cannot be a month. A date both ways
# ("3/4/2022") is read as the page's `Reading` says. A dash joins all three numbers or none.
_NUMERIC = re.compile(r"(?<!\d)(?P<a>[0-3]?\d)(?:[./](?P<b>[0-3]?\d)[./]|-(?P<b2>[0-3]?\d)-)(?P<y>(?:19|20)\d\d)(?!\d)")
# The most words a line holding a date can have and still be a dateline, not a sentence.
DATELINE_MAX_WORDS = 16
# Every date written in full has a year of this century or the last: most lines have none,
# and this one search spares them the four date patterns (and gates the timestamp rule).
YEAR = re.compile(r"(?:19|20)\d\d")
# A chronological list (an events calendar, a time series, tour dates) dates at least this many
# entries in time order, this share of them on different days, none with a clock time: teaser
# lists run newest first, stamped with today's date, and a comment thread with the time of day.
CHRONOLOGY_MIN_ENTRIES = 8
CHRONOLOGY_MIN_DAY_SHARE = 0.5
# A line opening with a day and month opens, a few marks in, with a digit or with a word (a month's
# name: no space or digit in it and at most MONTH_CHARS long with its dot, a test checks; a
# Devanagari one holds vowel signs, no \w) and a digit after it. Every kept line of a page dump is
# asked for its opening day, and this turns down nine in ten at once, where the full patterns
# would try every month name of every language.
MONTH_CHARS = 24
_MAY_OPEN_WITH_DAY = re.compile(rf"\W{{0,3}}+(?:\d|[^\s\d]{{1,{MONTH_CHARS}}}+\s++\d)")
_TIME = re.compile(
    r"(?<!\d)[0-2]?\d[:.h][0-5]\d(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|UTC[+-]?\d*|GMT[+-]?\d*))?"
    # "18時42分", "18시 42분", "午後6時半" (not "24時間", "2시간": hours counted, not a time of day)
    r"|(?<!\d)[0-2]?\d\s*[時时시](?:\s*[0-5]?\d\s*[分분]|(?![間间간]))",
    re.IGNORECASE,
)


# A story's date in its URL: "/2022/03/04/", "/2022-03-04-", "/20220304/".
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-]?([01]\d)[/_-]?([0-3]\d)(?!\d)")
# Where dates are written month first: the United States and the Philippines (a locale's region),
# and the hosts only American institutions use.
_MONTH_FIRST_REGIONS = frozenset({"us", "ph"})
_MONTH_FIRST_HOSTS = (".us", ".gov", ".mil", ".edu")


class Reading(NamedTuple):
    """How to read a numeric date that reads both ways ("03/04/2022"): month first or day first, or
    whichever reading falls nearer the date the page's URL gives."""

    month_first: bool = False
    near: date | None = None


DAY_FIRST = Reading()


def reading(url: str | None, locale: str | None = None) -> Reading:
    """How a page writes its dates, from its URL and its locale ("en-US", "en_GB", "de").

    >>> reading("https://example.com/2022/03/04/story", "en-GB")
    Reading(month_first=False, near=datetime.date(2022, 3, 4))
    >>> reading("https://www.nasa.gov/news/", None).month_first, reading(None, "en_US").month_first
    (True, True)
    """
    host = (urlsplit(url).hostname or "") if url else ""
    region = re.split(r"[-_]", locale.strip().lower(), maxsplit=1)[1:] if locale else []
    month_first = bool(region and region[0] in _MONTH_FIRST_REGIONS) or host.endswith(_MONTH_FIRST_HOSTS)
    found = _URL_DATE.search(urlsplit(url).path) if url else None
    near = None
    if found:
        try:
            near = date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            near = None
    return Reading(month_first, near)


def url_date(url: str | None) -> str | None:
    """The date a story's URL states ("/2022/03/04/..."), as ISO.

    >>> url_date("https://example.com/news/2022/03/04/floods"), url_date("https://example.com/about")
    ('2022-03-04', None)
    """
    found = reading(url).near
    return found.isoformat() if found else None


@cache
def _month_and_day() -> tuple[str, str]:
    """The regex of a month's name (any language, abbreviated or not) and of a day of the month."""
    names = "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
    return rf"(?P<mon>{names})\.?", r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.|º|er)?"


# A page dump joins the texts of neighbouring elements without a space: a month's name glued to
# the name before it ("Stef KeeganAugust 5, 2024", "EditorialNovember 22, 2018"), and a year to the
# count after it ("January 14, 202620 Mins Read", "April 10, 20175 Tips"). A capital after a letter
# that is none of A to Z opens the month's name ("DECEMBERJUNE 5" holds none); a year is followed
# by a space, a mark or a count of up to three digits and a word.
_GLUED_MONTH = r"(?:(?<!\w)|(?<=[^\W\d_])(?-i:(?<![A-Z])(?=[A-Z])))"
_YEAR_END = r"(?:(?!\d)|(?=\d{1,3}\s*[^\W\d_]))"


@cache
def _named_month_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    month, day = _month_and_day()
    year = rf"(?P<y>(?:19|20)\d\d){_YEAR_END}"
    # "March 3, 2022" / "Mar. 3 2022"
    mdy = re.compile(rf"{_GLUED_MONTH}{month}\s+{day},?\s+{year}", re.IGNORECASE)
    # "3 March 2022", "3. März 2022", "3 de marzo de 2022", "le 3 mars 2022"
    dmy = re.compile(rf"(?<!\w){day}\s*(?:de\s+)?{month},?\s*(?:de\s+)?{year}", re.IGNORECASE)
    return mdy, dmy


@cache
def _opening_day_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A day and month opening a line, either way round, a few marks before them at most."""
    month, day = _month_and_day()
    return (
        re.compile(rf"\W{{0,3}}{month}\s+{day}(?!\w)", re.IGNORECASE),
        re.compile(rf"\W{{0,3}}{day}\s*(?:de\s+)?{month}(?!\w)", re.IGNORECASE),
    )


def _month_number(name: str) -> int | None:
    return month_numbers().get(name.casefold())


@lru_cache(maxsize=1 << 14)
def opening_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a line that opens with a day of a month, the year given or not: a
    schedule's entry. Remembered per line: the run and FUR001 ask it of every kept line, in
    every rule pass.

    >>> opening_day("June 9 – West Palm Beach, FL"), opening_day("10 de março – Interlagos")
    ((6, 9), (3, 10))
    >>> opening_day("1er juin – Paris"), opening_day("Junebug Café opens")
    ((6, 1), None)
    """
    if _MAY_OPEN_WITH_DAY.match(text) is None:
        return None
    for pattern in _opening_day_patterns():
        match = pattern.match(text)
        if match and (month := _month_number(match["mon"])) and 1 <= int(match["d"]) <= 31:
            return month, int(match["d"])
    return None


def find_date(text: str, how: Reading = DAY_FIRST) -> tuple[str, re.Match[str]] | None:
    """The first calendar date in `text` as ISO "YYYY-MM-DD", with its match; a numeric date that
    reads both ways is read `how` the page writes dates (day first when nothing says).

    >>> find_date("Updated: March 3, 2022 10:45 IST")[0]
    '2022-03-03'
    >>> find_date("3. März 2022")[0]
    '2022-03-03'
    >>> find_date("20.11.2019")[0], find_date("11/20/2019 01:14 PM")[0], find_date("First published on: 20-11-2019")[0]
    ('2019-11-20', '2019-11-20', '2019-11-20')
    >>> find_date("03/04/2022")[0], find_date("03/04/2022", Reading(month_first=True))[0]
    ('2022-04-03', '2022-03-04')
    >>> find_date("Posted 2018-06-12T23:00-04:00")[0], find_date("Published: 2025.12.17 | essay")[0]
    ('2018-06-12', '2025-12-17')
    >>> find_date("2025年3月4日 18時42分")[0], find_date("2025년 3월 4일 오후 6:42")[0]
    ('2025-03-04', '2025-03-04')
    """
    if YEAR.search(text) is None:
        return None
    for pattern in _named_month_patterns():
        match = pattern.search(text)
        if match and (month := _month_number(match["mon"])):
            iso = _iso(int(match["y"]), month, int(match["d"]))
            if iso:
                return iso, match
    for pattern in (_ISO, _YEAR_FIRST, _CJK):
        match = pattern.search(text)
        if match and (iso := _iso(int(match["y"]), int(match["m"]), int(match["d"]))):
            return iso, match
    match = _NUMERIC.search(text)
    if match:
        year, first, second = int(match["y"]), int(match["a"]), int(match["b"] or match["b2"])
        readings = [iso for iso in (_iso(year, second, first), _iso(year, first, second)) if iso]
        near = how.near
        if near is not None:
            readings.sort(key=lambda iso: abs((date.fromisoformat(iso) - near).days))
        elif how.month_first:
            readings.reverse()
        if readings:
            return readings[0], match
    return None


def first_dateline(text: str, how: Reading = DAY_FIRST) -> str | None:
    """The date of the first line of `text` short enough to be a dateline ("Posted on March 3,
    2022 by Jane Doe"), as ISO "YYYY-MM-DD"; a date inside a longer sentence is not taken.

    >>> sentence = "The deal, first signed on 3 March 2022 in Geneva, is renewed every spring by both of the parties."
    >>> first_dateline(f"Home\\n{sentence}\\nBy Jane Doe, 4 March 2022")
    '2022-03-04'
    """
    for line in text.splitlines():
        if len(line.split()) <= DATELINE_MAX_WORDS and (found := find_date(line, how)):
            return found[0]
    return None


def chronological_lists(entries: Iterable[tuple[int, Any]], lines: Sequence[str], max_gap: int) -> list[int]:
    """The line indices of the `entries` that make chronological lists.

    `entries` are (line index, day) in line order, `lines` every line. A list runs on while
    each entry stands at most `max_gap` lines below the one before and is dated no earlier; it
    counts when it has many entries, over several days, none stamped with a clock time.
    """
    runs: list[list[tuple[int, Any]]] = []
    for i, day in entries:
        if runs and i - runs[-1][-1][0] <= max_gap and day >= runs[-1][-1][1]:
            runs[-1].append((i, day))
        else:
            runs.append([(i, day)])
    return [i for run in runs if _is_chronology(run, lines) for i, _ in run]


def _is_chronology(run: list[tuple[int, Any]], lines: Sequence[str]) -> bool:
    days = [day for _, day in run]
    return (
        len(days) >= CHRONOLOGY_MIN_ENTRIES
        and len(set(days)) >= CHRONOLOGY_MIN_DAY_SHARE * len(days)
        and not any(has_time(lines[i]) for i, _ in run)
    )


def has_time(text: str) -> bool:
    """Whether the line names a clock time ("10:45 AM IST").

    >>> has_time("March 3, 2022 at 10:45 am"), has_time("March 3, 2022")
    (True, False)
    >>> has_time("2025年3月4日 18時42分"), has_time("午後6時半"), has_time("24時間営業"), has_time("서울시 2시간 동안")
    (True, True, False, False)
    """
    return _TIME.search(text) is not None


def strip_times(text: str) -> str:
    """Remove clock times ("10:45 AM IST") so what is left can be judged."""
    return _TIME.sub(" ", text)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
