"""The lines of a text dump that belong to the article around them however they read: a list's
items under its heading or lead-in, code and table rows, a uniform list's rows, a schedule's
entries, a quotation's attribution. The article's run (`run`) counts them as text at even odds,
and the furniture rule (FUR001) leaves them to the article.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from cleaner import dates
from cleaner.pagemodel.blocklines import is_block_row, piped_table_rows
from cleaner.pagemodel.boundaries import dropped_score
from cleaner.pagemodel.rows import uniform_rows
from cleaner.rules.framework.context import Page
from cleaner.shapes import ends_sentence, word_count

# A schedule (tour dates, fixtures, an events calendar) is content however short its lines:
# kept lines in a row, each opening with a day and month in calendar order, that make a
# chronological list (`dates.chronological_lists`). Its lines count as text at even odds: enough to
# carry a run on through the list, not to make a run of their own outweigh an article.
EVEN_ODDS = 0.5
# Lines that read unlike text one by one but belong to the article they stand in count as text at
# even odds, as a schedule's do: the items of a list after its lead-in ("What the council
# promised:", a line of LEAD_IN_WORDS or more ending in a colon) or its heading ("Ingredients"), up
# to MAX_LIST_ITEMS lines until text resumes or a rule's boundary; code lines and table rows whose
# cells tabs or Markdown's pipes set apart (CODE_LINES or more in a row), or " | " as a dump joins
# them; and the rows of a uniform list (`rows`).
LEAD_IN_WORDS = 4
MAX_LIST_ITEMS = 40
CODE_LINES = 2
# A quotation's or an embedded post's attribution under it: a dash, then who said it, in
# ATTRIBUTION_WORDS words at most ("— Ann Lee (@annlee) March 3, 2020", "– Ann L.").
ATTRIBUTION_WORDS = 12
_ATTRIBUTION = re.compile(r"^\s*[—–―]\s*(?=\w)")
_HANDLE = re.compile(r"\(@\w{1,30}\)")
_CLOSES_QUOTATION = re.compile(r"[”\"»“’]\W{0,2}$")
# A name may end on an initial's stop, which closes no sentence: "– Ann L.", "– Анна К."
_INITIAL_AT_END = re.compile(r"(?<![\w.])([^\W\d_])\.$")


def article_content(page: Page, resumes: Callable[[int], bool]) -> Iterator[int]:
    """The kept lines that belong to the article around them however they read: the items of a list
    after its lead-in or its heading (`_listed_items`); code and table rows, CODE_LINES or more in a
    row, and a table's rows as a dump writes them (`blocklines.piped_table_rows`); the rows of a
    uniform list (`rows.uniform_rows`); and a quotation's attribution (`_attributions`)."""
    yield from _listed_items(page, resumes)
    kept = [i for i, dropped in enumerate(page.dropped) if dropped is None]
    block_run: list[int] = []
    for i in kept:
        if is_block_row(page.blocks[i].text):
            block_run.append(i)
            continue
        if len(block_run) >= CODE_LINES:
            yield from block_run
        block_run = []
    if len(block_run) >= CODE_LINES:
        yield from block_run
    texts = [page.blocks[i].text for i in kept]
    yield from (kept[k] for k in uniform_rows(texts, page.vocab.word_set("engagement_counts")))
    yield from (kept[k] for k in piped_table_rows(texts))
    yield from _attributions(page, kept)


def _attributions(page: Page, kept: Sequence[int]) -> Iterator[int]:
    """The kept lines that name who said the line above: a dash opens them, then a handle in
    brackets (a post's signature: "— 9to5Mac.com (@9to5mac) November 4, 2019"), or, under a line
    that closes a quotation, a word that does not open in lower case and no sentence (a name: "–
    Ann L.", "– 李明"). A line of a related list or a menu a dash opens is neither."""
    for above, i in itertools.pairwise(kept):
        text = page.blocks[i].text.strip()
        opening = _ATTRIBUTION.match(text)
        if not opening or word_count(text) > ATTRIBUTION_WORDS:
            continue
        initial = _INITIAL_AT_END.search(text)
        ends_name = not ends_sentence(text) or (initial is not None and initial.group(1).isupper())
        named = not text[opening.end()].islower() and ends_name
        if _HANDLE.search(text) or (named and _CLOSES_QUOTATION.search(page.blocks[above].text)):
            yield i


def _listed_items(page: Page, resumes: Callable[[int], bool]) -> Iterator[int]:
    """The items of a list after its lead-in ("What the council promised:", LEAD_IN_WORDS or more
    words) or its heading (`list_headings`: "Ingredients", "Pros"), up to MAX_LIST_ITEMS lines,
    until the text `resumes` (a line for which it says so) or a line a rule removed as a boundary
    or a wall (under a heading: a sentence or any line a rule removed)."""
    for i in (i for i, dropped in enumerate(page.dropped) if dropped is None):
        text = page.blocks[i].text.rstrip()
        headed = not (text.endswith(":") and len(text.split()) >= LEAD_IN_WORDS)
        if headed and not page.vocab.line_is("list_headings", text):
            continue
        for j in range(i + 1, min(i + 1 + MAX_LIST_ITEMS, len(page.blocks))):
            if page.dropped[j] is not None:
                if headed or dropped_score(page, j) is not None:
                    break
            elif resumes(j) or (headed and ends_sentence(page.blocks[j].text)):
                break
            else:
                yield j


def with_schedules(texts: Sequence[str], scores: list[float]) -> list[float]:
    """The lines' scores, those of a schedule's entries raised to what text at even odds adds."""

    for i in schedule_lines(texts):
        scores[i] = max(scores[i], at_even_odds(texts[i]))
    return scores


def at_even_odds(text: str) -> float:
    """What a line adds to a run as text at even odds: a little, by its length."""
    from cleaner.pagemodel import linemodel

    return linemodel.value(text) * 2.0 * (EVEN_ODDS - linemodel.TEXT_THRESHOLD)


def schedule_lines(texts: Sequence[str]) -> list[int]:
    """Indices of the lines that are entries of a schedule: lines in a row, each opening with a
    day no earlier than the one before, that make a chronological list. As for timestamps, one
    entry with a clock time makes the whole row a list of stamped items, not a schedule.

    >>> tour = [f"June {day} – Arena {day}, Springfield" for day in range(10, 18)]
    >>> schedule_lines(["Tour dates", *tour, "Tickets on sale now"])
    [1, 2, 3, 4, 5, 6, 7, 8]
    >>> schedule_lines(["Tour dates", *reversed(tour)]), schedule_lines([f"June 9 · Teaser {n}" for n in range(8)])
    ([], [])
    """
    entries = [(i, day) for i, text in enumerate(texts) if (day := dates.opening_day(text))]
    return dates.chronological_lists(entries, texts, max_gap=1)
