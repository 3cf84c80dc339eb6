"""Navigation furniture: breadcrumbs, page controls, pagers and tables of contents."""

from __future__ import annotations

import re
from itertools import pairwise

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import GLUED, has_letters, is_content_markup, is_unlinked_html, word_count
from cleaner.vocab import Vocabulary, function_words, label_words_of

# Guillemets separate only when spaced: unspaced they are German quotation marks (»Chaos«).
# Leading whitespace is taken from the start of its run only (no rescan per space).
_CRUMB_SEPARATOR = re.compile(r"(?<!\s)\s+(?:>|/|»|›|→|\\|::)\s+|(?:(?<!\s)\s+)?[>→]\s*")
_MAX_CRUMB_WORDS = 5
# A trail opens on its first page's name, never on a bracket.
_ASIDE_OPENERS = ("(", "[")
# Code and placeholders ("-H <BMC_IP>", "fn f() -> Box<T> {", "<a>::<b>"): no page's name holds
# them; an entity a dump left ("News &amp; Events") is no code.
_CODE_MARKS = re.compile(r"[<{}=;]|\(\)")
_ENTITY = re.compile(r"&#?\w+;")
# Separators inside brackets only join alternatives ("Arrowhead Plant (Men's / Women's)"), not pages.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Every separator holds one of these.
_CRUMB_MARK = re.compile(r"[>/»›→\\:]")


@block_rule("NAV001", "breadcrumb", "navigation", gate=Gate(max_chars=200, pattern=_CRUMB_MARK), alone=True)
def breadcrumb(page: Page, i: int) -> Hit | None:
    """Removes: a breadcrumb trail ("Home > News > World", "Home / Politics / Europe",
    "Startseite » Politik"), also under its label ("You are here: Home > Local").

    Why: the site's section path is navigation, not text of the article.

    False positives: a line of short phrases joined by " > " in a technical article (a menu
    path "File > Save As"); it must have three or more short parts, or start at a home page, and
    a line in brackets is an aside ("(PPF: 50-150 umol / 10-15 watts)"). A line of code or with
    placeholders ("ipmitool -H <BMC_IP> -U admin") is no trail, nor are alternatives in
    brackets with no separator outside them ("Hiking pants (Men's / Women's)").
    Quoted words in German style ("Zwischen »Chaos« und »Verrat«") stay. On HTML a trail
    must be mostly links and not code, a table row or a quotation: an unlinked "Products >
    Data Files" in the main content is a menu path the article explains.

    Example: "Home > India > Kerala" -> dropped.
    """
    block = page.blocks[i]
    text = block.text
    if is_content_markup(block) or is_unlinked_html(block):
        return None
    if text.startswith(_ASIDE_OPENERS) or _CODE_MARKS.search(_ENTITY.sub("", text)):  # an aside, code
        return None
    label = page.vocab.starts("breadcrumb_labels", text)
    trail = text[label.end() :].lstrip(" :") if label else text
    if _CRUMB_SEPARATOR.search(trail) and not _CRUMB_SEPARATOR.search(_BRACKETED.sub(" ", trail)):
        return None  # "Hiking pants (Men's / Women's)"
    parts = [p for p in _CRUMB_SEPARATOR.split(trail.strip()) if p]
    if len(parts) < 2 or any(word_count(p) > _MAX_CRUMB_WORDS or p.rstrip()[-1] in ".!?" for p in parts):
        return None
    starts_home = parts[0].strip().lower() in page.vocab.phrases("breadcrumb_roots")
    if len(parts) >= 3 or starts_home or label:
        return Hit()
    return None


# Controls' labels run together where a dump lost the space between them (`shapes.GLUED`); a few
# of them in one line.
_MAX_CONTROLS_CHARS = 80


# A placeholder names what is loading in a few words and trails off: "Loading prices for your region…".
_MAX_PLACEHOLDER_WORDS = 6
_TRAILS_OFF = ("…", "...")


# A link to a part of the page names it in this many words at most; arrows may close it.
_MAX_JUMP_WORDS = 3
_ARROWS = " ↓⤵→»›▼"


def _is_placeholder(vocab: Vocabulary, text: str) -> bool:
    """A box's placeholder while a script fills it: a loading word first, an ellipsis last."""
    line = text.strip()
    return (
        line.endswith(_TRAILS_OFF)
        and word_count(line) <= _MAX_PLACEHOLDER_WORDS
        and vocab.starts("loading_words", line) is not None
    )


def _is_jump_link(vocab: Vocabulary, text: str) -> bool:
    """A jump and one to _MAX_JUMP_WORDS words naming where to, none a function word first: "Jump to
    Review", "Skip to product list"; "Skip to the end" is a heading, "Jump to a section:" heads a
    list of contents, "Jump to the full list of the best builders." is a sentence."""
    jump = vocab.starts("jump_links", text.strip())
    where = text.strip()[jump.end() :].strip(_ARROWS) if jump else ""
    if not 0 < word_count(where) <= _MAX_JUMP_WORDS or where.endswith((":", ".")):
        return False
    return where.split()[0].casefold() not in function_words()


@block_rule(
    "NAV003",
    "page-control",
    "navigation",
    gate=Gate(max_chars=_MAX_CONTROLS_CHARS, phrases=("page_controls", "loading_words", "jump_links"), pattern=GLUED),
    alone=True,
)
def page_control(page: Page, i: int) -> Hit | None:
    """Removes: the label of a page's control left in the text ("Skip to content", "Back to
    top", "Search for:", "Close", "Menu", "Zum Inhalt springen"), also a few of them that the dump
    ran together ("Skip to main contentSkip to footer"), and a box's placeholder while a script
    fills it, a loading word first and an ellipsis last ("Loading prices for your region…",
    "Chargement des commentaires..."), and a link to a part of the page, a few words and no sentence
    after the jump ("Jump to Review", "JUMP TO SECTION", "Springe zu Rezept").

    Why: controls render as text in every dump, at the top, between sections and at the end.

    False positives: a one-word paragraph "Search" or "Close" used as a heading; only whole-line
    labels are matched, never a sentence.

    Example: "Skip to main content" -> dropped.
    """
    text = page.blocks[i].text
    if page.vocab.line_is("page_controls", text):
        return Hit()
    if _is_placeholder(page.vocab, text):
        return Hit(detail="a placeholder")
    if _is_jump_link(page.vocab, text):
        return Hit(detail="a link to a part of the page")
    labels = GLUED.split(text)
    if len(labels) > 1 and all(page.vocab.line_is("page_controls", label) for label in labels):
        return Hit(detail="controls run together")
    return None


# A pager's marks: arrows and guillemets, and the ellipsis between page numbers ("…", "..."); a
# point alone is a sentence's ("2 of 5." is none).
_PAGER_ARROWS = "«»‹›←→<>…"
_PAGER_MARKS = _PAGER_ARROWS + "."
# Every pager holds a page's number or an arrow.
_PAGER_SIGN = re.compile(r"[\d«»‹›←→]")
# A pager's parts: runs of anything but spaces and the bars and dots that set links apart.
_PAGER_PARTS = re.compile(r"[^\s|·•]+")
# Its page numbers have three digits at most: a year is no page.
_MAX_PAGE_DIGITS = 3


@block_rule(
    "NAV005",
    "pager",
    "navigation",
    gate=Gate(max_words=12, max_chars=80, phrases=("pager_leads",), pattern=_PAGER_SIGN),
    alone=True,
)
def pager(page: Page, i: int) -> Hit | None:
    """Removes: a pager's line: page numbers with the words and arrows that lead through them
    ("« Previous 1 2 3 … 10 Next »", "Page 2 of 5", "Seite 1 von 3", "1 2 3 … 12"), or a pager's
    word under its arrow ("Weiter »", "« Zurück", "Next →").

    Why: archives, blogs and articles split over pages print their pager as a line of its own,
    before and after the text, in every language (`pager_words`).

    False positives: a line of figures in a table; its numbers must rise and be a page's (three
    digits at most), with a pager's word, arrow or ellipsis among them, and every part of the
    line must be one of these ("Step 1 of 3" and "Chapter 2 → 3" stay). A code listing's line
    numbers ("1 2 3 4") have none, and stay. A lone "Next" or "Weiter" without an arrow stays:
    docs pages keep theirs as content; but a line of pager words leading both ways goes ("Previous
    Next": a carousel's controls).

    Example: "« Zurück 1 2 3 Weiter »" -> dropped.
    """
    if not _PAGER_SIGN.search(page.blocks[i].text):  # the gate's phrases admit a line for this only
        return Hit(detail="leads both ways") if _leads_both_ways(page.vocab, page.blocks[i].text) else None
    words, joins = page.vocab.word_set("pager_words"), page.vocab.word_set("pager_joins")
    numbers: list[int] = []
    named = marked = False
    for part in _PAGER_PARTS.findall(page.blocks[i].text):
        bare = part.strip(_PAGER_MARKS)
        marked = marked or ".." in part or any(mark in part for mark in _PAGER_ARROWS)
        said = label_words_of(bare)
        if not said:  # marks alone, or a dash between links
            continue
        if bare.isdecimal() and len(bare) <= _MAX_PAGE_DIGITS:
            numbers.append(int(bare))
        elif all(word in words for word in said):
            named = True
        elif not all(word in joins for word in said):
            return None
    rising = len(numbers) >= 2 and all(a < b for a, b in pairwise(numbers))
    if (rising and (named or marked)) or (not numbers and named and marked):
        return Hit()
    return None


def _leads_both_ways(vocab: Vocabulary, text: str) -> bool:
    """A line of pager words only that leads two ways ("Previous Next", "Zurück Weiter",
    "Précédent Suivant"): a carousel's or a slideshow's controls, which a page repeats under each
    of its galleries."""
    words = label_words_of(text)
    leads, pager_words = vocab.word_set("pager_leads"), vocab.word_set("pager_words")
    return len({word for word in words if word in leads}) >= 2 and all(word in pager_words for word in words)


# A table of contents lists up to this many of the headings the text has further down, each one
# short (an entry may be a whole numbered heading: "3. Organic traffic keeps falling as answers
# move into search results").
_MAX_CONTENTS_ENTRIES = 40
_MAX_ENTRY_WORDS = 25
# What an entry may add before its heading: a bullet or its section's number ("•", "1.", "2)",
# "1.2 Early life", glued "1Why"; a heading that opens on a number is read without it on both
# sides); and after it an anchor's mark ("Criteria for treatment #").
_ENTRY_MARK = re.compile(r"^\s*(?:[-–•·*]\s*|\d+(?:\.\d+)*[.):]?\s*)")
_ANCHOR_MARKS = "#¶"
# A box's header is short, and may close on its toggle: "Table of Contents [hide]", "Contents [show]".
_MAX_HEADER_CHARS = 40
_TOGGLE = r"(?:\W*(?:hide|show|toggle))?"


def _contents_header(vocab: Vocabulary) -> re.Pattern[str]:
    """A line that is a contents header, its decoration and toggle aside. Its words ("in", "on",
    "to") are in most lines, so the family stays out of the phrase gate's index (`WORD_SETS`)."""
    return re.compile(rf"^\W*(?:{vocab.alternation('contents_headers')}){_TOGGLE}\W*$", re.IGNORECASE)


@block_rule(
    "NAV006",
    "table-of-contents",
    "navigation",
    gate=Gate(max_chars=_MAX_HEADER_CHARS, pattern=_contents_header),
)
def table_of_contents(page: Page, i: int) -> Hit | None:
    """Removes: a table of contents: its header ("Table of Contents", "In this article", "Jump
    to:", "Inhaltsverzeichnis", "Sommaire", "Contents [hide]") and the entries right under it
    that the text has again further down as lines of their own, numbered, bulleted or not ("1. Why
    the river rose" lists the heading "Why the river rose"); the header alone where the box's
    entries were left out (collapsed).

    Why: a contents box repeats the article's headings as links to them; in the text it is a list
    of headings before the sections they head. It stands inside the article, after its opening,
    so it weighs nothing against the article's run.

    False positives: a line of the article's own under such a header that repeats a later heading
    (a summary of the sections in their own words is kept: entries must be found again whole,
    line for line); a heading whose only other copy is furniture further down (a "Next page"
    link naming the next part). The entries stop at one the box has listed already: the box came
    again further down, and the line is its first section's heading. A section headed "Contents"
    (what a box holds) loses its heading, not its list.

    Example: "Table of Contents", "Why the river rose", "Who pays", then those headings over their
    sections -> the first three lines dropped.
    """
    if page.vocab.derived(_contents_header).match(page.blocks[i].text) is None:
        return None
    last_place = page.memo(_heading_places)
    listed: set[str] = set()
    end = i + 1
    while end < len(page.blocks) and end - i <= _MAX_CONTENTS_ENTRIES:
        heading = _heading_of(page.blocks[end].text)
        if not heading or heading in listed or last_place.get(heading, end) <= end:
            break
        listed.add(heading)
        end += 1
    entries = end - i - 1
    found = f"{entries} {'entry' if entries == 1 else 'entries'} found again below"
    return Hit(span=end - i, detail=found if entries else "header alone")


def _heading_places(page: Page) -> dict[str, int]:
    """Where each short line's heading (`_heading_of`) stands last in the text."""
    return {_heading_of(block.text): k for k, block in enumerate(page.blocks)}


def _heading_of(text: str) -> str:
    """The heading a short line or a contents entry names, its marks aside, in lower case; "" for a
    line too long to be one.

    >>> _heading_of("1.2Protection of personal assets"), _heading_of("• Criteria for treatment #")
    ('protection of personal assets', 'criteria for treatment')
    >>> _heading_of("1.1 USE flags"), _heading_of("USE flags")
    ('use flags', 'use flags')
    """
    if word_count(text) > _MAX_ENTRY_WORDS:
        return ""
    return " ".join(_ENTRY_MARK.sub("", text).rstrip().rstrip(_ANCHOR_MARKS).casefold().split())


# A link to the neighbouring post names it in a headline's words at most.
_MAX_LINK_TITLE_WORDS = 25


def _pager_link(vocab: Vocabulary) -> re.Pattern[str]:
    """A lead to the neighbouring post ("Previous", "Next post"), after its arrow if it has one, and
    a colon or an arrow after it."""
    return re.compile(rf"^[\s«‹←<]*(?:{vocab.alternation('pager_leads')})\s*(?::|[»›→>]+)", re.IGNORECASE)


@block_rule(
    "NAV007",
    "pager-link",
    "navigation",
    gate=Gate(max_words=2 * _MAX_LINK_TITLE_WORDS, phrases=("pager_leads",)),
    alone=True,
)
def pager_link(page: Page, i: int) -> Hit | None:
    """Removes: a link to the post before or after this one, led by its direction and a colon or an
    arrow ("Previous: Ten years of blogging", "Next Post: 15 Things To Buy »", "← Prev: Models and
    databases", "Previous: Quickstart Next: Tutorial"), in every language (`pager_leads`).

    Why: blogs and documentation print the titles of the neighbouring posts under the story or
    over it; they are links to other pages, not its text.

    False positives: a step of a guide or a recipe that opens "Next:" ("Next: add the flour and
    stir."): the title must not close a sentence with a full stop, and must hold words ("Previous:
    3.2%" is a figure of a table). On HTML the line must be mostly a link.

    Example: "Previous: Paying for the rides I took 8 years ago" -> dropped.
    """
    block = page.blocks[i]
    if is_unlinked_html(block):
        return None
    text = block.text.strip()
    lead = page.vocab.derived(_pager_link).match(text)
    if lead is None:
        return None
    title = text[lead.end() :].strip()
    if title and (not has_letters(title) or (title.endswith(".") and not title.endswith(".."))):
        return None
    return Hit() if word_count(title) <= _MAX_LINK_TITLE_WORDS else None
