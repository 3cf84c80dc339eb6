"""Tag lists: the story's topics, on their label's line ("Tags: Russia, Ukraine") or one a line
under it. The tags move to `tags`; a list under its label above the story is the site's menu.
"""

from __future__ import annotations

import re

from cleaner.dates import YEAR
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import has_letters, is_paragraph, word_count

# A tag names a topic in a few words.
_MAX_TAG_WORDS = 5
_TAG_SPLIT = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|\||•|·|#)\s*")


@block_rule("NAV002", "tag-line", "navigation", gate=Gate(max_chars=400, phrases=("tag_labels",)), alone=True)
def tag_line(page: Page, i: int) -> Hit | None:
    """Removes: a line of topic tags ("Tags: Russia, Ukraine, Putin", "Topics: ...", "Filed
    under: ...", "Schlagwörter: ...", "Mots-clés : ...", "Etiquetas: ..."). The tags move to
    `tags`.

    Why: tag lists are site navigation; their words would pollute the body.

    False positives: a body line that begins "Topics: " and continues as a sentence; every
    tag must be short (five words at most).

    Example: "Tags: Russia, Ukraine, Vladimir Putin" -> tags ["Russia", "Ukraine",
    "Vladimir Putin"].
    """
    text = page.blocks[i].text
    label = page.vocab.starts("tag_labels", text)
    if not label:
        return None
    rest = text[label.end() :]
    if not rest.lstrip().startswith(":") and not rest.startswith(("\t", "  ")):
        return None
    tags = [t.strip(" .:") for t in _TAG_SPLIT.split(rest.lstrip(" :\t")) if t.strip(" .:")]
    if not tags or any(word_count(t) > _MAX_TAG_WORDS for t in tags):
        return None
    return Hit(moved_to="tags", value=tags)


# A tag list under its label: up to this many tags, each a line of its own.
_MAX_TAG_LINES = 20
# A story's paragraph: a sentence of this many words or more.
_PARAGRAPH_WORDS = 15


@block_rule("NAV004", "tag-list", "navigation", gate=Gate(max_chars=40, phrases=("tag_labels",)))
def tag_list(page: Page, i: int) -> Hit | None:
    """Removes: a tag label on a line of its own ("TAGS", "Categories", "Topics", "टैग्स") and
    the tags listed under it, one a line. The tags move to `tags`.

    Why: many pages print their tags as a list under a label rather than on the label's line.

    False positives: a body section headed "Topics" followed by short items; every item must be
    five words or fewer and no sentence, and a list of adjacent lines stops at a blank line. A
    table a dump prints one cell a line under a header cell "Category" is no tag list: the
    items run into a figure ("15,000", "4.5%"; a year may be a tag), and all of it stays. The
    comments' heading right under the tags ("Kommentare" over the comments' first line) ends them;
    between tags, a comment's word is a tag ("Kommentar", an opinion piece's).

    Above the story's first paragraph, a list under a label that heads menus as often as tags
    (`menu_tag_labels`: "Topics", "Categories", "Trending Topics" over "IPL 2025", "Budget 2025",
    then "Home", "India") is the site's menu: it goes, and no tag moves ("Filed Under:" over a
    story's tags under its headline stays their label).

    Example: "TAGS", "Kerala", "Monsoon" -> tags ["Kerala", "Monsoon"].
    """
    blocks = page.blocks
    if not page.vocab.line_is("tag_labels", blocks[i].text):
        return None
    end = i + 1
    while end < len(blocks) and end - i <= _MAX_TAG_LINES and _is_tag(page, end) and not blocks[end].gap_before:
        end += 1
    tags = [blocks[j].text.strip(" ,#") for j in range(i + 1, end)]
    if not tags or (end < len(blocks) and not blocks[end].gap_before and _is_figure(blocks[end].text)):
        return None
    over_story = not any(is_paragraph(blocks[k].text, _PARAGRAPH_WORDS) for k in range(i) if page.dropped[k] is None)
    if over_story and page.vocab.line_is("menu_tag_labels", blocks[i].text):
        return Hit(span=end - i, detail="a menu over the story")
    return Hit(span=end - i, moved_to="tags", value=tags)


def _is_tag(page: Page, j: int) -> bool:
    """A tag's few words, no sentence, no figure, not the comments' heading under the tags."""
    text = page.blocks[j].text
    short = 0 < word_count(text) <= _MAX_TAG_WORDS
    if not short or text.rstrip().endswith((".", "!", "?", ":")) or _is_figure(text):
        return False
    return not _heads_comments(page, j)


def _heads_comments(page: Page, j: int) -> bool:
    """The comments' heading under the tags: a comment's word alone ("Kommentare", "Post a
    Comment") over the comments' first line, which is no tag's few words, or over another line
    naming comments or prompting for one ("0 Comments", "Leave a Reply"). Between tags, the word
    is a tag ("Kommentar", an opinion piece's)."""
    if not _names_comments(page, j):
        return False
    blocks = page.blocks
    if j + 1 == len(blocks) or blocks[j + 1].gap_before:
        return True
    return word_count(blocks[j + 1].text) > _MAX_TAG_WORDS or _names_comments(page, j + 1, anywhere=True)


def _names_comments(page: Page, j: int, anywhere: bool = False) -> bool:
    """The line is a comment's word or the comment form's prompt ("Comments", "Leave a Reply"), or,
    `anywhere`, names comments ("0 Comments")."""
    text, vocab = page.blocks[j].text, page.vocab
    if vocab.line_is("comment_nouns", text) or vocab.line_is("comment_prompts", text):
        return True
    return anywhere and vocab.search("comment_nouns", text) is not None


def _is_figure(text: str) -> bool:
    """A table's cell holding a figure ("15,000", "4.5%", "$299": digits, no letters, and no year,
    which may be a tag): a label over lines like these heads a table's column, not tags."""
    return any(c.isdigit() for c in text) and not has_letters(text) and YEAR.fullmatch(text.strip()) is None
