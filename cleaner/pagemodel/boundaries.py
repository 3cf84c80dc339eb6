"""What a line a rule removed weighs against the article's run in a page dump.

Most removed lines weigh nothing: the run goes on over an ad's label or a caption as if it were
not there. End-of-page furniture (related lists, footers, menus, prompts) is a boundary the run
pays dearly to cross, and comment furniture and the site's copyright notice are walls it never
crosses.
"""

from __future__ import annotations

import re

from cleaner.rules.framework.context import Page
from cleaner.shapes import is_paragraph, word_count
from cleaner.vocab import Vocabulary, label_words_of

# A line a block rule marked as end-of-page furniture weighs this much against a run.
FURNITURE_PENALTY = 100.0
# Families whose lines sit between the article and the rest of the page.
BOUNDARY_FAMILIES = frozenset({"related", "footer", "navigation", "prompts"})
# But for lines that stand between the article's own paragraphs as well as around it ("Also read:
# ...", a button's label, a disclosure, a form's fine print, "Back to top", a table of contents): they
# weigh nothing. A product's box with its pitch (PRM008) bounds the run: it closes company blogs'
# posts more than it interrupts them (weighing nothing, it left WCXB's dumps more leak, 0.059 → 0.060;
# held-out quarter 0.069 → 0.071). A form's fine print as a boundary cut a German story at a
# newsletter box inside it (German set F1 0.945 → 0.927).
INLINE_RULES = frozenset({"REL002", "PRM006", "FTR004", "FTR007", "NAV003", "NAV006"})
# A prompt of a few words right between two of the story's paragraphs, each a sentence of this many
# words or more, weighs nothing (`_between_paragraphs`).
_PROMPT_WORDS = 3
_PARAGRAPH_WORDS = 12
# A paywall's prompt that says the story goes on weighs nothing too ("Sign in to keep reading",
# `_withholds_story`): a dump holds what the page hides under it (on the seeds-like sets of seeds
# 2026 and 7, DEV's body paragraphs lost fell from 2.3% and 3.4% to 2.0% and 2.8%; no output of the
# evaluation pages changed). A login's or an account's control ("Log in to account", "Sign Up")
# stays a boundary: it stands in menus.
PAYWALL_PROMPT_RULE = "PRM005"
# A comment section's furniture is never inside an article: a run cannot cross it.
WALL_FAMILIES = frozenset({"comments"})
# Nor can a run cross the site's copyright notice ("© 2019 Site. All rights reserved."): a footer
# line where the mark is followed by a year and the rights are reserved. A photo credit ("© Jane
# Doe", "© 2024 Getty Images") reserves nothing and stays a mere boundary.
_COPYRIGHT_NOTICE = re.compile(
    r"(?:[©\u24b8]|\(c\)|copyright)\s*(?:(?:[©\u24b8]|\(c\))\s*)?(?:19|20)\d\d\b", re.IGNORECASE
)
# What a wall weighs: no run crosses it, and a found run is walled off from the next search.
WALL = float("-inf")


def is_wall(text: str, family: str, vocab: Vocabulary) -> bool:
    """Whether a dropped line closes off the article: comment furniture, or the site's copyright notice.

    >>> from cleaner.vocab import Vocabulary
    >>> [is_wall(line, "footer", Vocabulary()) for line in ("© 2019 Site. All rights reserved.", "© 2024 Getty Images")]
    [True, False]
    """
    if family in WALL_FAMILIES:
        return True
    notice = family == "footer" and _COPYRIGHT_NOTICE.search(text) is not None
    return notice and vocab.search("copyright_phrases", text) is not None


def dropped_score(page: Page, i: int) -> float | None:
    """What a line a rule removed weighs against a run: a wall, a boundary, or nothing (None)."""
    dropped = page.dropped[i]
    if dropped is None:
        return None
    if is_wall(page.blocks[i].text, dropped.family, page.vocab):
        return WALL
    if dropped.code == PAYWALL_PROMPT_RULE and _withholds_story(page.blocks[i].text, page.vocab):
        return None
    if dropped.family == "prompts" and _between_paragraphs(page, i):
        return None
    if dropped.family in BOUNDARY_FAMILIES and dropped.code not in INLINE_RULES:
        return -FURNITURE_PENALTY
    return None


def _between_paragraphs(page: Page, i: int) -> bool:
    """Whether a prompt in words of its own (_PROMPT_WORDS or more: no share bar's "Facebook") has
    kept paragraphs of the story right above and below (a sentence of _PARAGRAPH_WORDS words or
    more): the page set it between them ("Jetzt unseren Newsletter abonnieren!") and it interrupts
    the story, where under its last paragraph more furniture follows."""
    if word_count(page.blocks[i].text) < _PROMPT_WORDS:
        return False
    return 0 < i < len(page.blocks) - 1 and all(
        page.dropped[j] is None and is_paragraph(page.blocks[j].text, _PARAGRAPH_WORDS) for j in (i - 1, i + 1)
    )


def _withholds_story(text: str, vocab: Vocabulary) -> bool:
    """Whether a paywall's prompt says the reading goes on behind it (`wall_reading_words`:
    "Subscribe to continue reading", "Jetzt weiterlesen mit Plus"); a login's control ("Log in to
    view your account") does not.

    >>> from cleaner.vocab import Vocabulary
    >>> [_withholds_story(line, Vocabulary()) for line in ("Sign in to keep reading", "Log in to view your account")]
    [True, False]
    """
    return not vocab.word_set("wall_reading_words").isdisjoint(label_words_of(text))
