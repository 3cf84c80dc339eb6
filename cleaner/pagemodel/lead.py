"""The article's lead in a whole-page dump: its own byline and date, told from other stories'.

A page dump holds bylines and dates of many stories: teasers in a sidebar, a "more from" list,
the books of a reading list. The article's own stand by its headline, at the top of its run. Its
author's name often stands alone on a line by the date, with no "By" ("Jane Doe" / "March 4,
2024"): such a credit line, next to the headline or a timestamp, credits the article too.
"""

from __future__ import annotations

import re

from cleaner import byline, dates, names
from cleaner.pagemodel.headline import META_REACH, is_meta
from cleaner.rules.framework.context import Page

# How far above the run the article's byline may stand when no headline was found, and how far
# into the run (looking above the headline too found more menu items than names on WCXB dev).
LEAD_REACH = 8
INTO_RUN = 3
# A name by the headline alone credits the story when the model gives it this chance of being a
# byline or an author's name: section labels and controls get 0.03 at most, names mostly more.
MIN_BYLINE_CHANCE = 0.05
# By a date or a byline, a name needs less: a date or a publisher beside it lowers the chance the
# model gives a name ("Tanza Loudenback, Business Insider" 0.014), and a label's or a product's is
# lower still ("Ask Question" 0.002, "Klatch Coffee" 0.005, "Show Sidebar" 0.007).
MIN_DATED_BYLINE_CHANCE = 0.01
# This many bylines or more that all credit one name are a blog's one writer where the model gives the
# first less than this chance of being a menu's label ("By Chris Pardo" 0.05; a filter's "By Event
# Type" 0.49).
ONE_WRITER_BYLINES = 3
REPEATED_BYLINE_MENU_CHANCE = 0.25
# Past the lead, this many bylines in one wording are a thread's signatures, not the story's authors.
THREAD_BYLINES = 2
_WORD = re.compile(r"[^\W\d_]+")
# What joins a word to an address or a handle around it: "illinois.edu", "@jane", "/news/".
_ADDRESS_MARKS = frozenset("_.@/")


def lead_top(start: int, headline: int | None) -> int:
    """The first index of the article's lead: its headline, else a few lines above the run."""
    return headline if headline is not None and headline < start else max(start - LEAD_REACH, 0)


def lead_lines(start: int, end: int, headline: int | None) -> range:
    """The story's lead and the run's first lines, where its byline and date stand."""
    return range(lead_top(start, headline), min(start + INTO_RUN, end) if start else 0)


def credit_line(page: Page, start: int, end: int, headline: int | None) -> int | None:
    """The index of a line of the lead or the run's first lines that credits a person by name alone
    (a date may stand on its line: the timestamp rule may have removed it), next to a byline or
    timestamp or holding a date, or next to the headline when the line-kind model reads it as a
    byline at all (`evidence.byline_chance`); where none does, a line just over the headline that
    credits a writer by a date there (`_credit_over`)."""
    for i in lead_lines(start, end, headline):
        name = _credited_name(page, i)
        if name is None or i == headline:
            continue
        text = page.blocks[i].text
        near = range(max(i - META_REACH + 1, 0), min(i + META_REACH, len(page.blocks)))
        by_meta = dates.find_date(text) is not None or any(j != i and is_meta(page, j) for j in near)
        if _credits(page, text, by_meta=by_meta, by_headline=headline in near):
            return i
    return _credit_over(page, start, headline)


def _credited_name(page: Page, i: int) -> str | None:
    """The name a kept line or a timestamp's credits alone (`names.is_credit_line`), unless its words
    are the page's own (`is_made_of_page_words`) or a byline's marker ("Written By")."""
    text = page.blocks[i].text
    if not _may_credit(page, i) or not names.is_credit_line(text, page.vocab):
        return None
    name = names.credited_names(text, page.vocab)[0]
    if is_made_of_page_words(page, name) or page.vocab.line_is("byline_markers", name):
        return None
    return name


def _credit_over(page: Page, start: int, headline: int | None) -> int | None:
    """The index of a line just over the headline that credits a writer by name, by a date over the
    headline too ("Andrew King" / "September 4, 2025" / the headline, "Tom Talbot October 14, 2025" /
    "Blog" / the headline), where the line-kind model reads the name as a byline's (as a name by the
    headline alone, `MIN_BYLINE_CHANCE`) and not as a menu's label: the menu's last labels stand
    there, shaped like names too ("All Posts", "Patient Recruitment"). A reviewer's credit without
    its name ("Fact Checked", "Medically Reviewed") is a label, and so is a name beside a byline
    that credits someone."""
    from cleaner.pagemodel import evidence  # numpy, as `_credits`

    if headline is None or headline >= start:
        return None
    for i in range(max(headline - META_REACH, 0), headline):
        name = _credited_name(page, i)
        if name is None or page.vocab.starts("review_credits", f"{name} by"):
            continue
        above = range(max(i - META_REACH + 1, 0), headline)
        if any((dropped := page.dropped[j]) is not None and dropped.moved_to == "authors" for j in above):
            return None
        dated = dates.find_date(page.blocks[i].text) is not None or any(j != i and is_meta(page, j) for j in above)
        if dated and evidence.byline_chance(name) >= MIN_BYLINE_CHANCE and not evidence.reads_as_menu(name):
            return i
    return None


def _may_credit(page: Page, i: int) -> bool:
    """A kept line, or a timestamp's: a name may stand before the date ("Tom Talbot October 14,
    2025", "Zach Lezberg | May 22, 2025"), which the timestamp rule took for a label's words."""
    dropped = page.dropped[i]
    return dropped is None or dropped.family == "timestamps"


def _credits(page: Page, text: str, *, by_meta: bool, by_headline: bool) -> bool:
    """Whether a name-shaped line by the headline or a byline or timestamp credits the story.

    A section's label or a control by the headline is shaped like a name too ("Key Takeaways",
    "Close Modal", "Garden Guides"): the model gives those almost no chance of being a byline, and a
    person's name some (on WCXB's pages such credits by the headline alone were wrong 21 times and
    right 8). By a date, a blog's or a menu's name ("Roundtable Blog", "Home Blog About") is told
    by the model reading it surely as a menu's label, and a control's or a product's ("Ask
    Question", "Show Sidebar", "Klatch Coffee") by the model giving it hardly any chance of being a
    byline.
    """
    from cleaner.pagemodel import evidence  # imported once a page dump has a credit line: numpy slows every start-up

    if by_meta:
        return not evidence.surely_menu(text) and evidence.byline_chance(text) >= MIN_DATED_BYLINE_CHANCE
    return by_headline and evidence.byline_chance(text) >= MIN_BYLINE_CHANCE


def is_made_of_page_words(page: Page, name: str) -> bool:
    """Whether every word of a name is one the page also writes in lower case, as a word of its text
    (not in an address: "illinois.edu"): a heading ("Key Takeaways", "Electrical Service Panel") or a
    filter's entry ("By Audience") is made of the words of the text, a person's name is not."""
    words = _WORD.findall(name)
    known = page.memo(_lower_case_words)
    for word in words:
        lower = word.casefold()
        if lower not in known:
            known[lower] = _writes(page.memo(_page_text), lower)
        if not known[lower]:
            return False
    return bool(words)


def _lower_case_words(page: Page) -> dict[str, bool]:
    """What `_writes` found of each word asked about on this page."""
    return {}


def _page_text(page: Page) -> str:
    return "\n".join(block.text for block in page.blocks)


def _writes(text: str, word: str) -> bool:
    """Whether the text holds the word as written, whole, and not in an address ("illinois.edu")."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before, after, next_one = text[start - 1 : start], text[end : end + 1], text[end + 1 : end + 2]
        joined_before = before.isalnum() or before in _ADDRESS_MARKS
        # A full stop ends a sentence, unless a letter follows it: "illinois.edu".
        joined_after = after.isalnum() or (after in _ADDRESS_MARKS and (after != "." or next_one.isalnum()))
        if not joined_before and not joined_after:
            return True
        start = text.find(word, end)
    return False


def other_stories_bylines(page: Page, start: int, end: int, headline: int | None) -> list[int]:
    """Indices of bylines dropped with names, outside the article's lead, run and a few lines after it,
    but for the page's only byline, or its one writer's, when it reads as one (`_one_writer`); and
    inside them, past the lead, a thread's signatures (`_thread_signatures`)."""
    top = lead_top(start, headline) - META_REACH
    bylines = [i for i, dropped in enumerate(page.dropped) if dropped is not None and dropped.moved_to == "authors"]
    if not bylines:
        return []
    thread = _thread_signatures(page, min(start + INTO_RUN, end), min(end + META_REACH, len(page.dropped)))
    if not thread and _one_writer(page, bylines):
        return []
    return [i for i in bylines if not top <= i < end + META_REACH or i in thread]


def _thread_signatures(page: Page, start: int, end: int) -> set[int]:
    """The bylines between `start` and `end` whose marker THREAD_BYLINES or more of them open with
    (those the byline rule took for a list's too): a comment thread's signatures ("Posted by: John at
    December 18, 2025", "Posted by: Mary at ..."). A byline alone in its wording there is the story's
    author box ("Written by Jane Doe")."""
    by_marker: dict[str, list[int]] = {}
    for i in range(start, end):
        dropped = page.dropped[i]
        if dropped is None or dropped.family != "bylines":
            continue
        if marker := page.vocab.starts("byline_markers", page.blocks[i].text):
            by_marker.setdefault(marker.group().casefold(), []).append(i)
    return {i for found in by_marker.values() if len(found) >= THREAD_BYLINES for i in found}


def _one_writer(page: Page, bylines: list[int]) -> bool:
    """Whether the page's bylines credit one writer: its only byline, or ONE_WRITER_BYLINES or more
    that all credit the same names (a blog's author box and its "more from" list: "By Chris Pardo"
    three times), where the first reads as a byline (`_reads_as_byline`), a repeated one surely
    (a menu's filter, "By Event Type", reads as one writer too). Other stories' teasers credit
    many, and two of them may share a writer."""
    credited = {frozenset(moved_names(page, i)) for i in bylines}
    if len(credited) != 1 or 1 < len(bylines) < ONE_WRITER_BYLINES:
        return False
    return _reads_as_byline(page, bylines[0], repeated=len(bylines) > 1)


def moved_names(page: Page, i: int) -> list[str]:
    """The names the rule that removed block `i` moved to `authors`."""
    dropped = page.dropped[i]
    moved = dropped.moved if dropped is not None else None
    return [moved] if isinstance(moved, str) else list(moved or [])


def _reads_as_byline(page: Page, i: int, *, repeated: bool) -> bool:
    """A byline that names someone in two words or more ("By Eric Ries") and that the line-kind model
    does not read as a menu's label ("By Company Size", "By State"); repeated, not even at
    REPEATED_BYLINE_MENU_CHANCE ("By Event Type" reads so at 0.49)."""
    from cleaner.pagemodel import evidence  # imported once a page dump has a byline: numpy slows every start-up

    text = page.blocks[i].text
    found = byline.read_byline(text, None, page.vocab)
    if found is None or not any(len(name.split()) >= 2 for name in found.names):
        return False
    return not (evidence.reads_as_menu(text, REPEATED_BYLINE_MENU_CHANCE) if repeated else evidence.reads_as_menu(text))


def lead_date(page: Page, start: int, end: int, headline: int | None) -> str | None:
    """The date of the first short dated line of the lead or the run's first lines, as ISO."""
    how = dates.reading(page.article.url)
    for i in range(lead_top(start, headline), min(start + INTO_RUN, end)):
        text = page.blocks[i].text
        if len(text.split()) <= dates.DATELINE_MAX_WORDS and (found := dates.find_date(text, how)):
            return found[0]
    return None
