"""Dates: shortcuts that must not change what is found, dates read both ways, offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean, dates
from cleaner.dates import Reading, find_date, reading
from cleaner.vocab import month_numbers

MONTHS = sorted(month_numbers())
# Lines that open like a schedule's entry, or nearly: marks, month names in any case, days, words.
PIECES = st.one_of(
    st.sampled_from([*MONTHS, *(m.upper() for m in MONTHS), *(m.title() for m in MONTHS)]),
    st.sampled_from(["1", "09", "31", "1er", "3.", "٣", "de", " ", ".", "–", "(", "**", "Junebug", "\t"]),
    st.text(max_size=3),
)
LINES = st.lists(PIECES, max_size=6).map("".join)


def test_no_month_name_holds_a_space_or_a_digit_or_runs_long() -> None:
    """What the precheck of `opening_day` assumes: a month's name, its dot after it, ends at the
    space after it within `MONTH_CHARS` characters."""
    assert [name for name in MONTHS if not re.fullmatch(rf"[^\s\d]{{1,{dates.MONTH_CHARS - 1}}}", name)] == []


@given(text=LINES)
def test_a_line_turned_down_by_the_precheck_opens_with_no_day(text: str) -> None:
    if dates._MAY_OPEN_WITH_DAY.match(text) is None:
        assert not any(pattern.match(text) for pattern in dates._opening_day_patterns())


@pytest.mark.parametrize(
    ("url", "locale", "expected"),
    [
        (None, None, "2022-04-03"),  # nothing says: day first
        (None, "en-GB", "2022-04-03"),
        (None, "en_US", "2022-03-04"),
        ("https://www.example.gov/news/", None, "2022-03-04"),
        ("https://example.com/2022/03/04/story", "en-GB", "2022-03-04"),  # the URL's date wins
        ("https://example.com/2022/04/03/story", "en-US", "2022-04-03"),
    ],
)
def test_a_date_read_both_ways_follows_the_url_then_the_locale(url, locale, expected) -> None:
    assert find_date("Posted 03/04/2022", reading(url, locale))[0] == expected


def test_a_date_read_one_way_only_ignores_the_hints() -> None:
    assert find_date("20/11/2019", Reading(month_first=True))[0] == "2019-11-20"


@pytest.mark.parametrize(
    "stamp", ["2018-06-12T23:00-04:00", "2018-06-12T23:00:00-0400", "Tue, 12 Jun 2018 23:00:00 -0400"]
)
def test_a_timestamp_with_an_offset_gives_the_date_in_that_offset(stamp) -> None:
    assert find_date(stamp)[0] == "2018-06-12"
    page = (
        f'<html><head><meta property="article:published_time" content="{stamp}"></head><body><article>'
        "<h1>Rivers fall</h1><p>The river peaked at 4.2 metres on Monday night, the highest level since the "
        "gauge was installed at the bridge.</p></article></body></html>"
    )
    assert clean(page).published == "2018-06-12"


def test_an_american_page_reads_its_dateline_month_first() -> None:
    body = (
        "<h1>Rivers fall</h1><div>Posted 03/04/2022</div><article><p>The river peaked at 4.2 metres on Monday "
        "night, the highest level recorded at the bridge since the gauge was installed.</p></article>"
    )
    american = f'<html lang="en-US"><head></head><body>{body}</body></html>'
    british = f'<html lang="en-GB"><head></head><body>{body}</body></html>'
    assert (clean(american).published, clean(british).published) == ("2022-03-04", "2022-04-03")


def test_a_text_reads_its_timestamp_as_its_url_dates_it() -> None:
    text = "Posted 03/04/2022\nThe council approved the budget on Tuesday after a long debate.\n"
    assert clean(text, url="https://example.com/2022/03/04/budget").published == "2022-03-04"
    assert clean(text).published == "2022-04-03"


def test_the_date_a_url_states_is_the_publication_date() -> None:
    text = "Updated: March 9, 2022\nThe council approved the budget on Tuesday after a long debate.\n"
    assert clean(text, url="https://example.com/news/2022/03/04/budget").published == "2022-03-04"
    assert clean(text, url="https://example.com/news/budget").published == "2022-03-09"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Stef KeeganAugust 5, 2024", "2024-08-05"),  # a name glued to the month
        ("EditorialNovember 22, 2018", "2018-11-22"),  # a section's label
        ("By Conor AllisonJanuary 14, 202620 Mins Read", "2026-01-14"),  # the reading time glued to the year
        ("April 10, 20175 Tips, Composition", "2017-04-10"),
    ],
)
def test_a_date_glued_to_its_neighbours_is_read(line, expected) -> None:
    assert find_date(line)[0] == expected


@pytest.mark.parametrize(
    "line",
    [
        "Dismay 5, 2024",  # a word ending in a month's name in small letters
        "DECEMBERJUNE 5, 2024",  # capitals throughout: no glued name
        "Order no. March 3, 20245",  # a longer number at the end is no year
        "Ticket injune 5, 2024",  # a month's name in lower case glued to a word
    ],
)
def test_only_a_capital_after_a_small_letter_opens_a_glued_month(line) -> None:
    assert find_date(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published: 2025.12.17 | essay", "2025-12-17"),
        ("2018/04/05 ~ open run", "2018-04-05"),
        ("Posted on 2025.12.17.", "2025-12-17"),
        ("Upgrade from 2024.4.4 to 2024.5.0", None),  # calendar versions, not dates
        ("Release v2024.04.01.2", None),
        ("2025.13.40", None),
        ("https://www.nytimes.com/2025/12/17/world/floods.html", None),  # a link's path
        ("Figure 2019/11/12/13", None),
    ],
)
def test_a_date_written_year_first_with_dots_or_slashes(text, expected) -> None:
    found = find_date(text)
    assert (found[0] if found else None) == expected
