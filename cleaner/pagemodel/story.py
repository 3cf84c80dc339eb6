"""How far an article's extract runs in a dump: one that opens on its story.

A dump with nothing kept above its run but the headline, or whose first kept line is a
paragraph, or whose run starts right under the headline the URL names, is an article's
extract with its furniture, not a whole page. Its short lines between sentences are the
article's lists, specs and headings, and a prompt set between them is set into the story
as its ads and captions are; past its last sentence, lines the line-kind model reads as
text on average are its tail (a checklist, a directory's entries). A later pass over the
cleaned body opens on the story too, so it carries the run as far again.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator, Sequence

from cleaner.pagemodel.boundaries import dropped_score
from cleaner.pagemodel.content import EVEN_ODDS
from cleaner.rules.framework.context import Page
from cleaner.shapes import ends_sentence, is_cut_short, is_headline_like, word_count

# A dump that opens on its story (no kept line above the run but, at most, its headline) is an
# extract of the article with its furniture, as the seeds are, not a whole page: its short lines
# between sentences are the article's lists, specs and headings. Its run goes on over them while a
# sentence of STORY_SENTENCE_WORDS words or more follows within STORY_GAP kept lines (8 kept the
# teaser lists of real pages out that 12 let in), up to a rule's boundary. So does a run that starts
# right under the headline the URL names (`under_named_headline`). A teaser's excerpt cut short
# ("...") is no sentence of the story's; past the last sentence, TEASER_EXCERPTS of them, each under
# its headline, are a teaser list, not the article's tail.
STORY_TOP_LINES = 1
# A text whose first kept line is a paragraph of this many words opens on its story
# (`from_opening_paragraph`).
OPENING_PARAGRAPH_WORDS = 20
STORY_GAP = 8
STORY_SENTENCE_WORDS = 6
TEASER_EXCERPTS = 2
# Past its last sentence, such a dump's kept lines up to a rule's boundary are the article's too (a
# checklist, a product box, a directory's entries) when the line-kind model, reading each alone,
# gives them this chance of being article text on average; a menu reads at about 0.03. Chosen on
# the WCXB development pages (at 0.3 they took in 13 article lines and 7 of junk, at 0.25 20 of
# junk) and the seeds-like set's development bodies (body lines lost 2.2%, 2.7% at 0.35).
STORY_TAIL_TEXT_CHANCE = 0.3
# A prompt of one or two lines between such a dump's sentences (a newsletter's, an app's, a paywall's)
# is set into the story as its ads and captions are: the story goes on past it to its next sentence.
STORY_SLOT_LINES = 2
STORY_SLOT_RULES = frozenset({"PRM003", "PRM004", "PRM005"})
# There the article's content (`article_content`) counts as text at even odds at least, where the
# tail's other lines read as more than a menu's on average (a card's labels, "Prep Time 2 hrs", at
# 0.15 to 0.45 each; a menu's at about 0.05).
_ABOVE_MENU_TEXT_CHANCE = 0.15


def from_opening_paragraph(page: Page, start: int, anchors: Sequence[int] = ()) -> int:
    """The run's start, moved up to the text's first kept line when that line is a paragraph
    (OPENING_PARAGRAPH_WORDS words or more, ending a sentence) and what stands between it and the
    run is the story's own (a listicle's intro over its picks, short line after short line, then the
    reviews): no line a rule removed as a boundary or a wall, no headline the URL names (`anchors`),
    no kept line the line-kind model surely reads as a menu's. A page's dump opens on its menus, or
    a site's blurb over them, not on its story; a cleaned body that the run carried over such a list
    opens on its story, so a later pass keeps what the first kept."""
    from cleaner.pagemodel import evidence  # numpy, as linemodel

    first = next((i for i, dropped in enumerate(page.dropped) if dropped is None), start)
    if first >= start or any(first < a < start for a in anchors):
        return start
    text = page.blocks[first].text
    if word_count(text) < OPENING_PARAGRAPH_WORDS or not ends_sentence(text):
        return start
    between = range(first + 1, start)
    walled = any(page.dropped[i] is not None and dropped_score(page, i) is not None for i in between)
    menus = any(page.dropped[i] is None and evidence.surely_menu(page.blocks[i].text) for i in between)
    return start if walled or menus else first


def opens_on_story(page: Page, start: int) -> bool:
    """Whether no more than STORY_TOP_LINES kept lines (the headline) stand above the run."""
    return sum(1 for dropped in page.dropped[:start] if dropped is None) <= STORY_TOP_LINES


def under_named_headline(page: Page, start: int, anchors: Sequence[int]) -> bool:
    """Whether the run starts right under a headline the URL names (one of the `anchors`), with no
    kept line between (its byline and date the rules removed; the headline rule may have taken the
    headline itself): the story begins there, and its short lines between sentences (a listicle's
    prices and product names) are its own, as in a dump that opens on its story."""
    return any(a < start and all(dropped is not None for dropped in page.dropped[a + 1 : start]) for a in anchors)


def through_sentences(page: Page, end: int) -> int:
    """The run's end, carried on to each later sentence that follows the last within STORY_GAP kept
    lines, up to the first line a rule removed as a boundary or a wall, and on past a prompt set into
    the story (`kept_to_boundary`).

    A cleaned body opens on its story too, so a later pass carries its run as far again.
    """
    since = 0
    for i in kept_to_boundary(page, end):
        text = page.blocks[i].text
        if not (ends_sentence(text) and not is_cut_short(text) and len(text.split()) >= STORY_SENTENCE_WORDS):
            since += 1
        elif since > STORY_GAP:
            break
        else:
            end, since = i + 1, 0
    return end


def through_story_tail(page: Page, end: int, content: Collection[int] = ()) -> int:
    """The run's end, carried on over the kept lines up to the first line a rule removed as a
    boundary or a wall, when the line-kind model reads them alone as article text with
    STORY_TAIL_TEXT_CHANCE on average. The article's `content` there (`article_content`: a recipe
    card's ingredients, a product box's pros and cons) counts as text at even odds at least, as in
    the run, where the tail's other lines (the card's labels and headings) read as more than a
    menu's: a numbered list of chapters in a documentation site's menu does not carry the menu on.
    A prompt set into the story ends the tail too: past the story's last sentence, what follows one
    is as often other stories' headlines.

    The model reads each line alone, so a later pass, whose tail holds the same lines but those a
    rule removed since (furniture, which reads as less), carries the run as far again.
    """
    import numpy

    from cleaner.pagemodel import evidence  # numpy, as linemodel

    tail = _kept_stretch(page, end)
    if not tail or _teaser_excerpts(page, tail) >= TEASER_EXCERPTS:
        return end
    chances = evidence.text_chances([page.blocks[i].text for i in tail])
    held = numpy.array([i in content for i in tail])
    if held.any() and (held.all() or chances[~held].mean() >= _ABOVE_MENU_TEXT_CHANCE):
        chances = numpy.where(held, numpy.maximum(chances, EVEN_ODDS), chances)
    return tail[-1] + 1 if chances.mean() >= STORY_TAIL_TEXT_CHANCE else end


def _teaser_excerpts(page: Page, lines: Sequence[int]) -> int:
    """How many of the lines are a teaser's excerpt: cut short ("Vendor lists will be..."), under a
    headline-shaped line (the teaser's headline) that is not cut short itself."""
    texts = [page.blocks[i].text for i in lines]
    return sum(
        is_cut_short(text) and is_headline_like(above) and not is_cut_short(above)
        for above, text in itertools.pairwise(texts)
    )


def _kept_stretch(page: Page, end: int) -> list[int]:
    """The kept lines from `end` up to the first line a rule removed as a boundary or a wall."""
    stretch = []
    for i in range(end, len(page.dropped)):
        if page.dropped[i] is None:
            stretch.append(i)
        elif dropped_score(page, i) is not None:
            break
    return stretch


def kept_to_boundary(page: Page, end: int) -> Iterator[int]:
    """The kept lines from `end` up to the first line a rule removed as a boundary or a wall, and on
    past each prompt set into the story (`_past_story_slot`)."""
    while True:
        stretch = _kept_stretch(page, end)
        yield from stretch
        end = stretch[-1] + 1 if stretch else end
        beyond = _past_story_slot(page, end)
        if beyond is None:
            return
        end = beyond


def _past_story_slot(page: Page, i: int) -> int | None:
    """Where the story goes on past the removed lines from block i, when they are a prompt set into
    it: at most STORY_SLOT_LINES boundary lines, each a newsletter's, an app's or a paywall's prompt
    (`STORY_SLOT_RULES`; lines that weigh nothing, a button's or an ad's label, may stand among
    them), with a kept line after them. None where they end the story (a related list, a share bar,
    a footer, a menu, a wall)."""
    boundaries, j = 0, i
    while j < len(page.dropped) and (dropped := page.dropped[j]) is not None:
        if dropped_score(page, j) is not None:
            if dropped.code not in STORY_SLOT_RULES:
                return None
            boundaries += 1
        j += 1
    return j if boundaries <= STORY_SLOT_LINES and j < len(page.dropped) else None
