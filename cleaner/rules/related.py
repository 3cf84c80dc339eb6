"""Links to other stories: related/recent/trending lists, "Also read" lines, "Read more"."""

from __future__ import annotations

import re
from itertools import islice

from cleaner.byline import read_byline
from cleaner.dates import find_date
from cleaner.pagemodel.slug import opens_with_slug
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.labels import (
    MAX_SITE_NAME_WORDS,
    MIN_TITLE_WORDS,
    OPENING_LABEL,
    closed_label_end,
    is_closed_label,
)
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, is_content_markup, is_headline_like, is_separator, word_count
from cleaner.vocab import Vocabulary, label_words_of

# "Also read | ...", "ALSO READ: ...", "Read more - ...", "READ: ..."
# Leading whitespace is taken from the start of its run only (no rescan per space).
_INLINE_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?(?:\||:|–|—|-|»|>|•)\s*\S")
_MAX_LIST_ITEMS = 60
# A list's item is a headline of twenty words at most: a longer line is prose, even one whose
# writer left off the full stop.
_MAX_ITEM_WORDS = 20
# A list at the page's top (within _TOP_LINES lines, a sentence kept above it at most) stops at the story's
# byline or date (a line of _MAX_META_WORDS words at most; a date after a label's few words), and
# gives back its last item, the page's headline, where one follows within _META_REACH lines.
_TOP_LINES = 150
_META_REACH = 3
_MAX_META_WORDS = 12
_MAX_DATE_LABEL_WORDS = 3

# A pointer is a label of a few words and a headline of thirty at most.
_MAX_POINTER_WORDS = 40
# A label that opens this many lines of a page heads the items of the article's own list.
_LIST_LABEL_LINES = 3
# A header naming its list's source ("More in Politics") holds a few words after its opener, a
# site's name at most (`MAX_SITE_NAME_WORDS`: "À lire sur Le Journal du Centre"); a qualified
# header is a few words too.
_MAX_SOURCE_HEADER_WORDS = 6


@block_rule(
    "REL001",
    "related-list",
    "related",
    gate=Gate(max_chars=120, phrases=("related_headers", "related_sources", "related_qualifiers")),
)
def related_list(page: Page, i: int) -> Hit | None:
    """Removes: a header such as "RECENT STORIES", "Related articles", "You may also like",
    "Trending", "Most read", "Lesen Sie auch", "À lire aussi", "Te puede interesar", one that
    qualifies the stories it lists ("Other posts you'll love:", "Related reads"), or one
    naming the section or site the list comes from ("More in Politics", "More from The
    Times", "Mehr aus Berlin", "Lo último en Deportes"), or a sentence that invites the reader to
    the list under it ("If you liked this post you might also like:"), and the run of
    headline-like lines (with or without "-" separators) that follows it, other such headers among
    them. A header that
    names a box of other stories even alone ("Related articles", "Most read", "Mehr zum Thema":
    `lone_box_headers`) goes over the story's prose too: the page draws the box's items later,
    by script.

    Why: these lists of other stories' headlines close most news pages; each item looks
    like a short line of text, so only the header tells them apart from the body.

    False positives: a body section headed "Related" followed by short items; the run stops
    at the first line that reads as a sentence or runs past twenty words, so body prose after
    the list stays, and a list of adjacent lines stops at a blank line; a section headed "Related"
    alone over its prose goes. Alone, any other header stays: one an article sets over its own list ("See also", "Further reading", "Top picks",
    "UP NEXT" over a match report's fixtures), a live blog's "Latest", a newsletter's "In other
    news", one naming a section ("More in Politics"). At the page's top a menu's label over its
    entries ("Latest News", "India", "World") stops at the story's byline or date, and leaves the
    story's headline over them (its last entry where a byline or a date follows within three lines).

    Example: "RECENT STORIES" then "BAFTA 2026: ... -", "-", "Madhubala Death Anniversary..."
    -> all dropped; so are "More in Politics" and the headlines under it.
    """
    if not _is_related_header(page, page.blocks[i].text):
        return None
    end = i + 1
    blocks = page.blocks
    # A list whose first item follows the header directly is a run of adjacent lines:
    # a blank line ends it, so the credit or tag line under it is left to its own rule.
    spaced = end < len(blocks) and blocks[end].gap_before
    at_top = _over_the_story(page, i)
    while end < len(blocks) and end - i <= _MAX_LIST_ITEMS:
        text = blocks[end].text
        # A header right under the header is the same list's ("Lire aussi :" twice): one list, not
        # a lone header over each other, which would go one a rule pass from the end of a text.
        item = is_separator(text) or is_headline_like(text, max_words=_MAX_ITEM_WORDS) or _is_related_header(page, text)
        if not item or (blocks[end].gap_before and not spaced) or _names_itself(page.vocab, text):
            break
        if at_top and _is_byline_or_date(page, end):
            break  # the story's own byline or date, under its headline
        end += 1
    stopped_at_gap = end < len(blocks) and blocks[end].gap_before and not spaced
    if at_top and end - i > 2 and end < len(blocks) and not stopped_at_gap and _heads_the_story(page, end - 1, spaced):
        end -= 1  # a menu's label over its entries, then the page's own headline
    if end == i + 1 and end < len(blocks):
        # A lone header with body text after it is a heading, unless it names a box of other
        # stories even alone ("Related articles", "Mehr zum Thema"): its items come later, by script.
        return Hit(detail="header alone") if page.vocab.line_is("lone_box_headers", blocks[i].text) else None
    return Hit(span=end - i, detail=f"header and {end - i - 1} items")


def _over_the_story(page: Page, header: int) -> bool:
    """Whether the list's header stands at the page's top, over the story: within _TOP_LINES
    lines of the start, with one sentence kept above it at most (a browser's notice: "IE 11 is not
    supported. For an optimal experience visit our site on another browser.")."""
    if header >= _TOP_LINES:
        return False
    sentences = (k for k in range(header) if page.dropped[k] is None and ends_sentence(page.blocks[k].text))
    return len(list(islice(sentences, 2))) < 2


def _heads_the_story(page: Page, last: int, spaced: bool) -> bool:
    """Whether the list's last item is the page's own headline: a byline or a date follows it within
    _META_REACH lines, no other headline between, nor a blank line where the list's own lines are
    not `spaced` apart ("Latest News", "India", "World", then the headline, its standfirst and
    "Reporter: ...")."""
    for k in range(last + 1, min(last + 1 + _META_REACH, len(page.blocks))):
        text = page.blocks[k].text
        if page.blocks[k].gap_before and not spaced and k > last + 1:
            return False
        if _is_byline_or_date(page, k):
            return True
        if is_headline_like(text, max_words=_MAX_ITEM_WORDS) and not ends_sentence(text):
            return False
    return False


def _is_byline_or_date(page: Page, k: int) -> bool:
    """A byline the byline parser reads, or a short line that opens on its date (a label's few words
    before it at most: "Updated - May 02, 2025")."""
    text = page.blocks[k].text
    if word_count(text) > _MAX_META_WORDS:
        return False
    following = page.blocks[k + 1].text if k + 1 < len(page.blocks) else None
    if read_byline(text, following, page.vocab) is not None:
        return True
    date = find_date(text)
    return date is not None and word_count(text[: date[1].start()]) <= _MAX_DATE_LABEL_WORDS


def _names_itself(vocab: Vocabulary, text: str) -> bool:
    """A line of other furniture that says what it is: tags after their label ("Schlagworte:
    Bundestag, Haushalt"), a credit or copyright after its sign ("© dpa-infocom"). It ends a list
    run on without a blank line, and is left to its own rule (the tags move to `tags`)."""
    label = vocab.starts("tag_labels", text)
    return text.lstrip().startswith("©") or (label is not None and text[label.end() :].lstrip().startswith(":"))


def _qualified_stories(vocab: Vocabulary) -> re.Pattern[str]:
    """A header that opens with a qualifier and, a word later at most, a noun for stories:
    "Other posts you'll love", "Related reads", "Top Stories"."""
    qualifiers, nouns = vocab.alternation("related_qualifiers"), vocab.alternation("story_nouns")
    return re.compile(rf"\W{{0,3}}(?:{qualifiers})\s+(?:\S+\s+)?(?:{nouns})(?!\w)", re.IGNORECASE)


# A header may be a sentence that invites the reader to the list under it: "You may also be
# interested in the following reports:", "If you liked this post you might also like:".
_MAX_INVITATION_WORDS = 16
_CLAUSE_BREAK = re.compile(r",\s*")
_WORD_START = re.compile(r"(?<!\S)\S")


def _invites_to_list(vocab: Vocabulary, text: str) -> bool:
    """A sentence of a few words that announces a list (it ends with a colon) and opens, or goes
    on after a comma or after a condition about the page ("If you liked this post ..."), with a
    header's phrase that speaks to the reader (`reader_words`). A header's phrase in the third
    person is prose's as often ("the five most popular platforms for small businesses:"), and so
    is one deep in a clause ("Here are some events this weekend you may be interested in:", "If
    you are a renter, these are the changes you may be interested in:")."""
    if not text.rstrip().endswith(":") or word_count(text) > _MAX_INVITATION_WORDS:
        return False
    words = label_words_of(text)
    if not words:
        return False
    on_page = words[0] in vocab.word_set("condition_words") and not vocab.word_set("page_nouns").isdisjoint(words)
    if on_page:
        starts = [found.start() for found in _WORD_START.finditer(text)]
    else:
        starts = [0, *(found.end() for found in _CLAUSE_BREAK.finditer(text))]
    for start in starts:
        header = vocab.starts("related_headers", text[start:])
        if header is not None and vocab.search("reader_words", header.group()) is not None:
            return True
    return False


def _is_related_header(page: Page, text: str) -> bool:
    """A header of a list of other stories: a phrase of its own ("Related articles"), a qualifier
    before a noun for stories ("Other posts you'll love:", "Related reads"), or an opener that
    names the section or site the list comes from ("More in Politics")."""
    if page.vocab.line_is("related_headers", text) or _invites_to_list(page.vocab, text):
        return True
    short = word_count(text) <= _MAX_SOURCE_HEADER_WORDS + 1 and is_headline_like(text.rstrip(":"))
    if short and page.vocab.derived(_qualified_stories).match(text):
        return True
    opener = page.vocab.starts("related_sources", text)
    return (
        opener is not None and 1 <= word_count(text[opener.end() :]) <= MAX_SITE_NAME_WORDS and is_headline_like(text)
    )


@block_rule(
    "REL002",
    "also-read-line",
    "related",
    gate=Gate(max_words=_MAX_POINTER_WORDS, phrases=("also_read",), pattern=OPENING_LABEL),
)
def also_read_line(page: Page, i: int) -> Hit | None:
    """Removes: a single line that points to another story ("Also read | Putin warns...",
    "READ MORE: ...", "Lesen Sie auch: ...", "Lire aussi : ...", "Lee también: ..."), also under
    a label in other words of the same kind ("Further reading: ...", "Lesetipp: ...", "इसे भी
    पढ़ें: ...": a few label words, one of them a word that points to reading or seeing).

    Why: editors drop these links between paragraphs; they are other stories' headlines.

    False positives: a body sentence that begins "Read: " as part of a quotation or a list
    of instructions; the link text must be headline-shaped (no full stop, 30 words at most).
    On HTML a line in code, a table row or a quotation is kept, and anywhere the headline whose
    opening, its label too, the URL's slug spells ("Recommended: Ten Noteworthy Newsletters on Data"
    under ".../recommended-ten-noteworthy-newsletters-on-data"); a pointer to a follow-up story
    that shares the slug's words after its own label ("Read more: ...") still goes.

    Example: "Also Read | Russia-Ukraine war: Kyiv braces for assault" -> dropped.
    """
    block = page.blocks[i]
    if is_content_markup(block):
        return None
    text, vocab = block.text, page.vocab
    if opens_with_slug(text, page.article.url):  # the story's own headline, its label in the slug
        return None
    start = vocab.starts("also_read", text)
    separator = start and _INLINE_SEPARATOR.match(text, start.end())
    if separator:
        return Hit() if is_headline_like(text[separator.end() - 1 :]) else None
    end = closed_label_end(vocab, "pointer_words", text)
    if end is None or word_count(text[end:]) < MIN_TITLE_WORDS or not is_headline_like(text[end:]):
        return None
    return None if _labels_a_list(page, text[:end]) else Hit(detail="a label in other words")


def _labels_a_list(page: Page, label: str) -> bool:
    """The same label opens lines across the page: "See: ..." or "Check: ..." again and again lists
    the article's own references or steps, where a pointer to another story comes once or twice."""
    return sum(block.text.startswith(label) for block in page.blocks) >= _LIST_LABEL_LINES


# "... at The Daily Ledger", "... on example.com": where the reader is sent.
_ELSEWHERE = re.compile(r"(?<!\s)\s++(?:at|on)\s+[A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,4}\s*$")


@block_rule(
    "REL003", "read-more-link", "related", gate=Gate(max_words=8, phrases=("read_more", "read_on_words")), alone=True
)
def read_more_link(page: Page, i: int) -> Hit | None:
    """Removes: a line that only invites the reader to go on elsewhere ("Read more",
    "Continue reading", "Read the full story", "Weiterlesen", "Lire la suite", "Leer más"), also
    naming where ("Read more at The Daily Ledger"), or in other label words of the kind ("Click
    here for the full story", "Puri khabar yahan padhein").

    Why: teaser links and "continue" buttons survive as one-line paragraphs.

    False positives: none known; the whole line must be the phrase, the phrase and a place of
    capitalised words, or label words only (a sentence holds words outside them).

    Example: "Continue reading →" -> dropped.
    """
    text = page.blocks[i].text
    if page.vocab.line_is("read_more", text) or is_closed_label(page.vocab, "read_on_words", text):
        return Hit()
    # "Read more at The Daily Ledger": the phrase, then where the rest is.
    start = page.vocab.starts("read_more", text)
    where = _ELSEWHERE.match(text[start.end() :]) if start else None
    return Hit() if where and is_headline_like(text) else None
