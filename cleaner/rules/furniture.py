"""Furniture no phrase list knows, told by the line-kind model (`pagemodel.linekinds`) and the
line's place: a line above the story's first paragraph or below its last that the model, reading
the line alone, gives almost no chance of being article text: a short line, or a notice or prompt
of a sentence or two.

The model alone is weak evidence (its kinds for captions, bylines and prompts are barely learned,
and its neighbour stage pulls a lone furniture line inside the text towards the text), so it only
judges where furniture gathers: between the headline and the story, and after the story; between
the story's paragraphs only the kinds of slots set into a story, which headings and cells are not.

A template's placeholder text ("Lorem ipsum dolor sit amet") is furniture no model needs to read.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from cleaner.article import Caption
from cleaner.biography import opens_biography
from cleaner.dates import find_date
from cleaner.names import author_names, is_name_list, split_names
from cleaner.pagemodel.boundaries import dropped_score
from cleaner.pagemodel.content import article_content, schedule_lines
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule, lead_rule
from cleaner.rules.metadata import MIN_HEADLINE_WORDS
from cleaner.shapes import ends_sentence, is_paragraph, word_count

if TYPE_CHECKING:
    import numpy as np

# The article's paragraphs: lines of this many words or more that end a sentence.
_PARAGRAPH_WORDS = 20
# Furniture lines are short, and no sentence of six words or more.
_MAX_WORDS = 14
_SENTENCE_WORDS = 6
# The most the model may give to "article text" for the line to go (chosen on the development half
# of the seeds-like set, checked on WCXB and ScrapingHub).
_MAX_TEXT_CHANCE = 0.15
# Before the first line that reads as text at even odds or better and after the last (the page's head
# and tail, where bylines, dates and labels precede the story and prompts and boxes follow it), a
# short line goes below this chance instead.
_MAX_EDGE_TEXT_CHANCE = 0.25
# The story's paragraphs are those the model, reading them alone, gives at least this chance of
# being article text: a cookie notice, a newsletter's pitch or a copyright line of twenty words is
# no paragraph of the story, and the story's edges lie inside them.
_STORY_CHANCE = 0.5
# A longer line outside the story (a prompt, a notice) goes when the model gives it less than this
# chance of being article text, and it has at most _MAX_PROSE_WORDS words.
_MAX_PROSE_TEXT_CHANCE = 0.2
_MAX_PROSE_WORDS = 80
# Below a line a rule removed as the story's end, with _CLOSED_ABOVE story paragraphs or more above it
# and _CLOSED_BELOW or fewer below, any line outside the story goes below even odds of being text.
_CLOSED_ABOVE = 2
_CLOSED_BELOW = 1
_MAX_CLOSED_TEXT_CHANCE = 0.5
# So, above a byline or a date a rule removed over the story (between the headline and the byline
# stand kickers, breadcrumbs, captions, players' labels), does any line outside the story.
_HEAD_FAMILIES = frozenset({"bylines", "contributors", "timestamps"})
# Inside the story, among its paragraphs, short lines are headings, list items and table cells as
# often as furniture: a line goes only when the model reads it as the text of a slot set into the
# story, which headings and cells are not, and gives it less than this chance of being article text
# (chosen on WCXB's development pages, where the kinds below lost 7 article lines for 132 removed).
_MAX_INSIDE_TEXT_CHANCE = 0.1
_SLOT_KINDS = frozenset(
    {"caption", "byline", "author", "date", "related", "subscribe", "media", "ad", "cookie", "tags"}
)
# A longer line of up to _MAX_NOTICE_WORDS words among the story's paragraphs, but none of them, goes when
# the model reads it as a slot's text or a notice's and gives it less than _MAX_NOTICE_TEXT_CHANCE of
# being article text: a caption's sentence, a cookie notice, a comment policy, a newsletter's pitch,
# "Sorry, your browser doesn't support embedded videos." (on WCXB's development pages and the
# non-article ones it removed 27 such lines and no article line).
_MAX_NOTICE_WORDS = 40
_MAX_NOTICE_TEXT_CHANCE = 0.05
_NOTICE_KINDS = _SLOT_KINDS | {"comment", "share"}
# Besides the lines that bound a page dump's article (`boundaries.dropped_score`), a credit line, a byline
# or an author's box under the story's paragraphs ends it.
_CREDITS = "credits"
_END_FAMILIES = frozenset({_CREDITS, "bylines", "contributors"})


class _Edges(NamedTuple):
    """A page's first and last story paragraph (block indices), the first and last kept line that
    reads as text or is the article's content (the head comes before, the tail after), the last
    byline or date a rule removed above the story (-1 if none), the line a rule removed as the
    story's end if any, and for each kept line outside the story and each one of up to
    _MAX_NOTICE_WORDS words inside it (none of its paragraphs), the model's probabilities read alone."""

    first: int
    last: int
    head: int
    tail: int
    opened: int
    closed: int | None
    rows: dict[int, np.ndarray]


def _edges(page: Page) -> _Edges | None:
    from cleaner.pagemodel import evidence  # imported once a text has a story: numpy slows every start-up

    kept = [i for i, dropped in enumerate(page.dropped) if dropped is None]
    # An HTML page's extractor has found its main content already: its edges are the article's.
    if any(page.blocks[i].tag is not None for i in kept):
        return None
    candidates = [i for i in kept if is_paragraph(page.blocks[i].text, _PARAGRAPH_WORDS)]
    chances = evidence.text_chances([page.blocks[i].text for i in candidates])
    paragraphs = [i for i, chance in zip(candidates, chances, strict=True) if chance >= _STORY_CHANCE]
    if not paragraphs:
        return None
    first, last = paragraphs[0], paragraphs[-1]
    closed = _closed(page, paragraphs)
    if closed is not None:
        last = max(i for i in paragraphs if i < closed)
    # The first line kept is left to the headline rule while no headline is taken (unless it surely
    # reads as a menu's label, which that rule refuses), a list's items, code and schedules to the
    # article.
    content = set(article_content(page, lambda j: is_paragraph(page.blocks[j].text, _PARAGRAPH_WORDS)))
    content.update(kept[k] for k in schedule_lines([page.blocks[i].text for i in kept]))
    judged = (
        kept if page.article.title or evidence.surely_menu(page.blocks[kept[0]].text) else _without_headline(page, kept)
    )
    outside = [
        i
        for i in judged
        if (i < first or i > last) and i not in content and word_count(page.blocks[i].text) <= _MAX_PROSE_WORDS
    ]
    story = set(paragraphs)
    inside = [
        i
        for i in kept
        if first < i < last
        and i not in content
        and i not in story
        and word_count(page.blocks[i].text) <= _MAX_NOTICE_WORDS
    ]
    own = evidence.own_probabilities([page.blocks[i].text for i in outside + inside])
    rows = dict(zip(outside + inside, own, strict=True))
    own = own[: len(outside)]
    # The head comes before the first line that reads as text or is the article's content, the tail
    # after the last.
    textual = [i for i, row in zip(outside, own, strict=True) if row[_body()] >= _STORY_CHANCE]
    head, tail = min([first, *textual, *content]), max([last, *textual, *content])
    if closed is not None:
        tail = min(tail, closed)
    opened = max(
        (j for j in range(first) if (dropped := page.dropped[j]) and dropped.family in _HEAD_FAMILIES), default=-1
    )
    return _Edges(first, last, head, tail, opened, closed, rows)


def _without_headline(page: Page, kept: list[int]) -> list[int]:
    """The kept lines but the first that may be the headline, left to the headline rule: a single
    word over it ("Início", "Home") is never one, and the rule takes the line under it once it is
    gone."""
    candidate = next((i for i in kept if word_count(page.blocks[i].text) >= MIN_HEADLINE_WORDS), None)
    return [i for i in kept if i != candidate]


def _closed(page: Page, paragraphs: list[int]) -> int | None:
    """The first line a rule removed as the end of the story (a related list, tags, a share bar, a
    footer's line, a comment section, an agency's credit, a byline or an author's box) with at
    least two of the story's paragraphs above it and at most one below it (an author's biography
    may read as a paragraph; an agency's credit must have none below it: over a paragraph it credits
    a picture, "Reuters" over a caption); None if there is none."""
    for j in range(paragraphs[0], len(page.blocks)):
        dropped = page.dropped[j]
        if dropped is None or (dropped_score(page, j) is None and dropped.family not in _END_FAMILIES):
            continue
        above = sum(1 for i in paragraphs if i < j)
        below = 0 if dropped.family == _CREDITS else _CLOSED_BELOW
        if above >= _CLOSED_ABOVE and len(paragraphs) - above <= below:
            return j
    return None


def _is_short(text: str) -> bool:
    words = word_count(text)
    return words <= _MAX_WORDS and not (words >= _SENTENCE_WORDS and ends_sentence(text))


# A template's filler opens with its first words.
_PLACEHOLDER = re.compile(r"^\W*lorem ipsum\b", re.IGNORECASE)


@block_rule("FUR002", "placeholder-text", "furniture", gate=Gate(pattern=_PLACEHOLDER), alone=True)
def placeholder_text(page: Page, i: int) -> Hit | None:
    """Removes: a template's placeholder text, a line opening with "Lorem ipsum" ("Lorem ipsum
    dolor sit amet, consectetur adipiscing elit...", "Lorem ipsum 2").

    Why: unfinished templates and hidden demo widgets leave it in a page's text; no article is
    written in it. It weighs nothing against the article's run, as it may stand anywhere.

    False positives: an article about the filler itself that opens a paragraph with its words;
    a sentence that quotes them further on stays.

    Example: "Lorem ipsum dolor sit amet, consectetur adipiscing elit." -> dropped.
    """
    return Hit() if _PLACEHOLDER.search(page.blocks[i].text) else None


@lead_rule("FUR001", "furniture-line", "furniture", gate=Gate(max_words=_MAX_PROSE_WORDS))
def furniture_line(page: Page, i: int) -> Hit | None:
    """Removes: a short line, no sentence, above the story's first paragraph or below its last,
    that the line-kind model, reading the line alone, gives less than 15% chance of being article
    text: a byline, a date, a player's label or a prompt in a phrasing no list holds (less than
    25% in the page's head and tail: before the first line the model reads as text at even odds
    or the article's first list, code or schedule, and after the last; less than even odds below
    a line a rule removed as the story's end (a related list, tags, a share bar, an agency's
    credit, an author's box) that has the story's paragraphs above it and at most one below,
    where a biography opening with a name and its verb goes however it reads, and above a byline
    or a date a rule removed over the story); and there too a longer line of up to 80 words it
    gives less than 20%: a cookie notice, a newsletter's pitch, a copyright notice in sentences.
    The story's paragraphs are lines of twenty words or more ending a sentence that the model
    gives at least even odds of being article text, so a notice of twenty words is no edge of the
    story. Between the story's paragraphs, a short line goes only when the model reads it as the
    text of a slot set into the story (a caption, a byline, a date, a prompt, an ad's or a player's
    label, a link to another story) and gives it less than 10% chance of being article text; a
    longer line of up to 40 words, none of the story's paragraphs, when it reads it so or as a notice
    (a comment policy, a follow prompt) and gives it less than 5%. The kind the model names and
    its probability are recorded; a caption moves to `captions`, a date to `published`, and a
    byline's names to `authors` when the byline parser reads them.

    Why: phrase lists know the phrasings they were written for; the model learned its kinds from
    what pages call their own boxes, so it knows others. It is weak evidence alone, so it only
    judges where furniture gathers, and there a sentence needs stronger evidence than a short
    line (on the seeds-like set's development half with the phrase rules left out, and on WCXB's
    development pages, where it also removed more than it lost).

    False positives: a short heading above the first paragraph ("Our plan") or a closing
    line below the last ("Now get prepping!") that the model reads as furniture (a section
    heading any article may have, "Introduction" or "Key takeaways", or a list's, "Ingredients",
    always stays); a sponsor's note or a reader-service line the story closes on. The items of a
    list after its lead-in or under its heading, code, table rows, lists of amounts, schedules and
    a quotation's attribution ("– Ann L.") are the article's, whatever the model says. The first
    line kept is left to the headline rule until a headline is taken, unless the model surely reads
    it as a menu's label ("Sign in", "Cart 0"), which that rule refuses. HTML is not judged: its
    extractor has found the main content, where the rule lost more than it removed.

    Example: "Reporting from Pune: Anjali Nair" between the headline and the story -> dropped,
    detail "byline 0.41; article text 0.06; above the story".
    """
    edges = page.memo(_edges)
    row = edges.rows.get(i) if edges is not None else None
    if edges is None or row is None or _is_heading(page, page.blocks[i].text):
        return None
    if edges.first < i < edges.last:
        return _slot_inside(page, i, row)
    limit = _MAX_EDGE_TEXT_CHANCE if i < edges.head or i > edges.tail else _MAX_TEXT_CHANCE
    limit = limit if _is_short(page.blocks[i].text) else _MAX_PROSE_TEXT_CHANCE
    if i < edges.opened or (edges.closed is not None and i > edges.closed):
        limit = _MAX_CLOSED_TEXT_CHANCE
    # Below the story's end, a biography goes however it reads: it opens with a name and its verb.
    biography = (
        edges.closed is not None and i > edges.closed and opens_biography(page.vocab, page.blocks[i].text.strip())
    )
    if row[_body()] >= limit and not biography:
        return None
    kind, detail = _named_kind(row)
    above = i < edges.first
    where = "above the story" if above else "below the story"
    return _moved(page, page.blocks[i].text.strip(), kind, f"{detail}; {where}", credits=above)


def _is_heading(page: Page, text: str) -> bool:
    """An article's own heading, which stays wherever it stands: a section's or a list's."""
    return page.vocab.line_is("section_headings", text) or page.vocab.line_is("list_headings", text)


def _slot_inside(page: Page, i: int, row: np.ndarray) -> Hit | None:
    """A short line between the story's paragraphs that the model, reading it alone, takes for the
    text of a slot set into the story (a caption, a byline, a date, a player's label, a prompt, an
    ad's label, a link to another story) and gives almost no chance of being article text; or a
    longer line there, no paragraph of the story's, that it takes for such a slot's or for a notice
    (a comment policy, a follow prompt) and gives less chance still."""
    short = _is_short(page.blocks[i].text)
    if row[_body()] >= (_MAX_INSIDE_TEXT_CHANCE if short else _MAX_NOTICE_TEXT_CHANCE):
        return None
    kind, detail = _named_kind(row)
    if kind not in (_SLOT_KINDS if short else _NOTICE_KINDS):
        return None
    return _moved(page, page.blocks[i].text.strip(), kind, f"{detail}; inside the story")


def _named_kind(row: np.ndarray) -> tuple[str, str]:
    """The most likely kind of furniture in the model's row, and the detail a removal records."""
    from cleaner.pagemodel import linekinds

    furniture = row.copy()
    furniture[_body()] = -1.0
    best = int(furniture.argmax())
    kind = linekinds.kind_names()[best]
    return kind, f"{kind} {row[best]:.2f}; article text {row[_body()]:.2f}"


@cache
def _body() -> int:
    from cleaner.pagemodel import evidence

    return evidence.text_column()


def _moved(page: Page, text: str, kind: str, detail: str, *, credits: bool = True) -> Hit:
    """The hit for a line of this kind: captions, dates and readable bylines move to their fields,
    a byline only where it `credits` the story (below it, bylines are other stories' and
    commenters' as often as its own)."""
    if kind == "caption":
        return Hit(moved_to="captions", value=Caption(text), detail=detail)
    if kind == "date" and (found := find_date(text)):
        return Hit(moved_to="published", value=found[0], detail=detail)
    if kind == "byline" and credits and (people := _credited_people(page, text)):
        return Hit(moved_to="authors", value=people, detail=detail)
    return Hit(detail=detail)


def _credited_people(page: Page, text: str) -> list[str]:
    """The names of a byline-like line that an author field's reading keeps whole: no role or label
    ("Staff Writer", "Photo: Jane Doe", nor "Math" of "Math Editor"); none for a reviewer's credit
    ("Reviewed by: Mike Rebold, PhD"), whose reviewer wrote nothing."""
    if not is_name_list(text, page.vocab) or page.vocab.starts("review_credits", text):
        return []
    names = split_names(text, page.vocab)
    return [name for name in author_names(names, page.vocab)[0] if name in names]
