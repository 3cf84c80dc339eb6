"""Finding and normalising dates in short lines of text, in several languages.

Only lines that are themselves timestamps are parsed: a year inside a
headline ("Leaked 2016 Audio...") is never taken for a publication date.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from cleaner.vocab import month_numbers

_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)")
# "20/11/2019", "20.11.2019"; and "11/20/2019", where the first number cannot be the day's month.
# A date both ways ("3/4/2022") is read day first.
_NUMERIC = re.compile(r"(?<!\d)(?P<a>[0-3]?\d)[./](?P<b>[0-3]?\d)[./](?P<y>(?:19|20)\d\d)(?!\d)")
# The most words a line holding a date can have and still be a dateline, not a sentence.
DATELINE_MAX_WORDS = 16
# Every date written in full has a year of this century or the last: most lines have none,
# and this one search spares them the four date patterns.
_YEAR = re.compile(r"(?:19|20)\d\d")
_TIME = re.compile(
    r"(?<!\d)[0-2]?\d[:.h][0-5]\d(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|UTC[+-]?\d*|GMT[+-]?\d*))?",
    re.IGNORECASE,
)


@cache
def _named_month_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
    month = rf"(?P<mon>{names})\.?"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.|º|er)?"
    year = r"(?P<y>(?:19|20)\d\d)"
    # "March 3, 2022" / "Mar. 3 2022"
    mdy = re.compile(rf"(?<!\w){month}\s+{day},?\s+{year}(?!\d)", re.IGNORECASE)
    # "3 March 2022", "3. März 2022", "3 de marzo de 2022", "le 3 mars 2022"
    dmy = re.compile(rf"(?<!\w){day}\s*(?:de\s+)?{month},?\s*(?:de\s+)?{year}(?!\d)", re.IGNORECASE)
    return mdy, dmy


@cache
def _opening_day_pattern() -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
    month = rf"(?P<mon>{names})\.?"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.|º)?"
    return re.compile(
        rf"^\W*(?:{month}\s+{day}|{day.replace('<d>', '<d2>')}\s*(?:de\s+)?{month.replace('<mon>', '<mon2>')})(?!\w)",
        re.IGNORECASE,
    )


def opening_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a line that opens with a day of a month, the year given or not: a
    schedule's entry.

    >>> opening_day("June 9 – West Palm Beach, FL"), opening_day("10 de março – Interlagos")
    ((6, 9), (3, 10))
    >>> opening_day("Junebug Café opens") is None
    True
    """
    match = _opening_day_pattern().match(text)
    if match is None:
        return None
    day = int(match["d"] or match["d2"])
    return (month_numbers()[(match["mon"] or match["mon2"]).lower()], day) if 1 <= day <= 31 else None


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first calendar date in `text` as ISO "YYYY-MM-DD", with its match.

    >>> find_date("Updated: March 3, 2022 10:45 IST")[0]
    '2022-03-03'
    >>> find_date("3. März 2022")[0]
    '2022-03-03'
    >>> find_date("20.11.2019")[0], find_date("11/20/2019 01:14 PM")[0]
    ('2019-11-20', '2019-11-20')
    """
    if _YEAR.search(text) is None:
        return None
    mdy, dmy = _named_month_patterns()
    months = month_numbers()
    for pattern in (mdy, dmy):
        match = pattern.search(text)
        if match:
            iso = _iso(int(match["y"]), months[match["mon"].lower()], int(match["d"]))
            if iso:
                return iso, match
    match = _ISO.search(text)
    if match and (iso := _iso(int(match["y"]), int(match["m"]), int(match["d"]))):
        return iso, match
    match = _NUMERIC.search(text)
    if match:
        year, first, second = int(match["y"]), int(match["a"]), int(match["b"])
        iso = _iso(year, second, first) or _iso(year, first, second)
        if iso:
            return iso, match
    return None


def first_dateline(text: str) -> str | None:
    """The date of the first line of `text` short enough to be a dateline ("Posted on March 3,
    2022 by Jane Doe"), as ISO "YYYY-MM-DD"; a date inside a longer sentence is not taken.

    >>> sentence = "The deal, first signed on 3 March 2022 in Geneva, is renewed every spring by both of the parties."
    >>> first_dateline(f"Home\\n{sentence}\\nBy Jane Doe, 4 March 2022")
    '2022-03-04'
    """
    for line in text.splitlines():
        if len(line.split()) <= DATELINE_MAX_WORDS and (found := find_date(line)):
            return found[0]
    return None


def has_time(text: str) -> bool:
    """Whether the line names a clock time ("10:45 AM IST").

    >>> has_time("March 3, 2022 at 10:45 am"), has_time("March 3, 2022")
    (True, False)
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
