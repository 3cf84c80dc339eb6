"""Dates: the shortcuts taken before the full patterns must not change what they find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import dates
from cleaner.vocab import month_numbers

MONTHS = sorted(month_numbers())
# Lines that open like a schedule's entry, or nearly: marks, month names in any case, days, words.
PIECES = st.one_of(
    st.sampled_from([*MONTHS, *(m.upper() for m in MONTHS), *(m.title() for m in MONTHS)]),
    st.sampled_from(["1", "09", "31", "1er", "3.", "٣", "de", " ", ".", "–", "(", "**", "Junebug", "\t"]),
    st.text(max_size=3),
)
LINES = st.lists(PIECES, max_size=6).map("".join)


def test_every_month_name_is_one_word() -> None:
    """What the precheck of `opening_day` assumes: a month's name ends where its word ends."""
    assert [name for name in MONTHS if not re.fullmatch(r"\w+", name)] == []


@settings(max_examples=500, deadline=None)
@given(text=LINES)
def test_a_line_turned_down_by_the_precheck_opens_with_no_day(text: str) -> None:
    if dates._MAY_OPEN_WITH_DAY.match(text) is None:
        assert not any(pattern.match(text) for pattern in dates._opening_day_patterns())
