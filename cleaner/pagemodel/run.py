"""Whole-page judgements on a text dump: where the article runs, and its headline.

A whole-page dump holds every visible line of a page: menus, teasers,
footers and comment threads around one article. Each line the block rules
kept gets a score, positive for lines shaped like article text and negative
for the rest (`linemodel`: its own shape, lowered when its kept neighbours
read unlike text), and strongly negative where a block rule found
end-of-page furniture (related lists, footers); comment-section furniture
and the site's copyright notice are walls no run may cross. The article is
a run of lines with a large total (a maximum-sum segment). Comments and
teaser blocks come after the article on nearly every site, so among the
runs whose totals come close to the best, the earliest is taken; but a run
that starts at or just below the headline (a line repeating the words of the
URL's slug; it may read like text and open the run) is the article even when
an earlier sidebar or a longer comment thread outweighs it. A dump that opens on
its story (nothing kept above the run but its headline) is an article's extract
with its furniture, not a whole page: its run goes on over the short lines between
the story's sentences (lists, specs, headings) and past a newsletter's, an app's or a
paywall's prompt set between them, and past the last sentence over lines that the
line-kind model reads as text on average, to a rule's boundary. So does a run that
starts right under the headline the URL names, its byline and date between them
removed: the story begins there, and a listicle's prices and product names between
its sentences are its own.

Scores depend on the line and its kept neighbours, never on its position.
The run is a maximum-sum segment, so no part of it outweighs the whole; in
the page's cleaned body the same lines have the same neighbours, except at
the two ends, which lose their outside neighbours and count them as text
(a neighbour can only lower a line's score). So the run found in a cleaned
body is the whole body: cleaning stays idempotent. (The headline only
chooses between runs, and a cleaned body is one run.)
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import NamedTuple

from cleaner.pagemodel.boundaries import FURNITURE_PENALTY, WALL, dropped_score
from cleaner.pagemodel.content import EVEN_ODDS, article_content, at_even_odds, with_schedules
from cleaner.pagemodel.feeds import before_feed
from cleaner.pagemodel.headline import headline_above
from cleaner.pagemodel.slug import repeats_slug, slug_words
from cleaner.pagemodel.templates import templated_end
from cleaner.rules.framework.context import Page
from cleaner.shapes import ends_sentence, is_cut_short, is_headline_like, weight

# An earlier run is taken over the best one when its total reaches this share of the best.
EARLIER_RUN_SHARE = 0.5
# The article's run goes on over lines that read unlike text to a later run whose total reaches
# this share of what those lines weigh against it (chosen on the WCXB dev pages and ScrapingHub:
# 0.5 cost ScrapingHub F1, 1.0 bridged little; on WCXB's held-out quarter it lost 0.083 of the
# gold lines against 0.091).
BRIDGE_SHARE = 0.75
# The best few disjoint runs are candidates. A long comment thread breaks into many runs of
# its own, so eight leave room for a short article's run below its headline (four left it out).
CANDIDATE_RUNS = 8
# A dump that opens on its story (no kept line above the run but, at most, its headline) is an
# extract of the article with its furniture, as the seeds are, not a whole page: its short lines
# between sentences are the article's lists, specs and headings. Its run goes on over them while a
# sentence of STORY_SENTENCE_WORDS words or more follows within STORY_GAP kept lines (8 kept the
# teaser lists of real pages out that 12 let in), up to a rule's boundary. So does a run that starts
# right under the headline the URL names (`under_named_headline`). A teaser's excerpt cut short
# ("...") is no sentence of the story's; past the last sentence, TEASER_EXCERPTS of them, each under
# its headline, are a teaser list, not the article's tail.
STORY_TOP_LINES = 1
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
# A text is a whole-page dump, not an article, when it has this many lines and this share of them are
# short (0.3 beat 0.4 on WCXB's dev and held-out splits: archive and teaser lists hid dumps at 0.4).
DUMP_MIN_LINES = 25
DUMP_SHORT_SHARE = 0.3
SHORT_LINE_WORDS = 5
SHORT_LINE_CHARS = 60
# A run holding less text than this (`weight`) is no article's unless under the headline the URL
# names (a teaser, a product card's price): the candidate holding most is taken, or where none holds
# this much (a listing, a portfolio) all from the first candidate to the last. Chosen on the WCXB
# development pages, ScrapingHub and the non-article pages (500 cost ScrapingHub 0.007 of F1).
MIN_RUN_WEIGHT = 300
# A candidate run starting on a headline (a line repeating the URL's slug, `slug.repeats_slug`) or
# within HEADLINE_REACH lines below it is the article when its total reaches ANCHORED_RUN_SHARE of
# the best run's. Chosen on the WCXB dev split (reach 12 beat 30: a wider reach lets a comment thread
# under a short article count as anchored); they hold on its held-out split.
HEADLINE_REACH = 12
ANCHORED_RUN_SHARE = 0.1


class Run(NamedTuple):
    """The article's block indices [start, end) in a dump, and the headline's index above it, if found."""

    start: int
    end: int
    headline: int | None


def headline_lines(page: Page, slug: frozenset[str], indices: Iterable[int]) -> list[int]:
    """Of the lines at `indices` (in order), those that repeat most of the URL slug's words: the
    headline and its echoes."""
    return [i for i in indices if repeats_slug(page.blocks[i].text, slug)]


def is_whole_page(page: Page) -> bool:
    """A long text made mostly of short lines: a page dump rather than an article.

    Every line counts, those a block rule dropped too: a page whose menus and link lists
    the rules already took is still a page dump, with teasers and archive lists left to cut.
    """
    lines = [b.text for b in page.blocks]
    if len(lines) < DUMP_MIN_LINES:
        return False
    short = sum(
        1  # a line's weight is at least its length: a long line is measured no further
        for text in lines
        if len(text) < SHORT_LINE_CHARS and weight(text) < SHORT_LINE_CHARS and len(text.split()) <= SHORT_LINE_WORDS
    )
    return short >= DUMP_SHORT_SHARE * len(lines)


def main_run(page: Page) -> Run | None:
    """Where the article runs in a whole-page dump, and its headline; None if the text is not one."""
    if not page.memo(is_whole_page):
        return None
    from cleaner.pagemodel import linemodel  # imported once a page dump comes: numpy slows every start-up

    kept = [block.text for block, dropped in zip(page.blocks, page.dropped, strict=True) if dropped is None]
    kept_scores = iter(with_schedules(kept, linemodel.scores(kept)))
    scores: list[float | None] = []
    for i, dropped in enumerate(page.dropped):
        scores.append(next(kept_scores) if dropped is None else dropped_score(page, i))
    content = set(article_content(page, lambda j: (scores[j] or 0.0) > 0))
    for i in content:
        scores[i] = max(scores[i] or 0.0, at_even_odds(page.blocks[i].text))
    runs = candidate_runs(scores)
    if not runs:
        return None
    # Only a line within reach above a run's start can anchor the run or be its headline.
    near = sorted({a for _, start, _ in runs for a in range(max(start - HEADLINE_REACH, 0), start + 1)})
    anchors = headline_lines(page, slug_words(page.article.url), near)
    start, end = earliest_strong_run(runs, anchors)
    end = continued(runs, scores, end)
    end = templated_end(_texts_to_boundary(page, end), start, end)
    start = with_section_heading(page, start)
    if opens_on_story(page, start) or under_named_headline(page, start, anchors):
        end = through_story_tail(page, through_sentences(page, end), content)
    if not any(0 <= start - a <= HEADLINE_REACH for a in anchors):  # a short story under the headline stays
        start, end = holding_text(page, runs, start, end)
    end = before_feed(page, start, end)
    reach = [a for a in anchors if 0 <= start - a <= HEADLINE_REACH]
    headline = headline_above(page, start, reach)
    return Run(start, end, max((a for a in reach if a < start), default=None) if headline is None else headline)


def holding_text(page: Page, runs: Sequence[tuple[float, int, int]], start: int, end: int) -> tuple[int, int]:
    """The run [start, end) if it holds MIN_RUN_WEIGHT of text; else the candidate run holding the
    most, or, where none does, the stretch from the first candidate run to the last."""

    def text(run: tuple[int, int]) -> int:
        return sum(weight(page.blocks[i].text) for i in range(*run) if page.dropped[i] is None)

    if text((start, end)) >= MIN_RUN_WEIGHT:
        return start, end
    most = max(((first, stop) for _, first, stop in runs), key=text)
    return most if text(most) >= MIN_RUN_WEIGHT else (min(run[1] for run in runs), max(run[2] for run in runs))


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


def continued(runs: Sequence[tuple[float, int, int]], scores: Sequence[float | None], end: int) -> int:
    """The run's end, carried on over each later candidate run whose total outweighs
    BRIDGE_SHARE of the lines between (short lines of a review's specs, pros and cons, a product
    box's labels), as long as no line a rule removed as a boundary or a wall stands between.

    >>> scores = [8, -3, -3, 5]
    >>> candidate_runs(scores), continued(candidate_runs(scores), scores, 1)
    ([(8.0, 0, 1), (5.0, 3, 4)], 4)
    >>> continued(candidate_runs([8, -3, -100, 5]), [8, -3, -100, 5], 1)
    1
    """
    while True:
        later = [run for run in runs if run[1] >= end]
        if not later:
            return end
        total, start, stop = min(later, key=lambda run: run[1])
        between = [score for score in scores[end:start] if score is not None]
        if any(score <= -FURNITURE_PENALTY for score in between) or total < BRIDGE_SHARE * -sum(between):
            return end
        end = stop


def _texts_to_boundary(page: Page, end: int) -> list[str | None]:
    """Each line's text, None for a line a rule removed that weighs nothing, up to the first line
    at or after `end` a rule removed as a boundary or a wall."""
    texts: list[str | None] = []
    for i, (block, dropped) in enumerate(zip(page.blocks, page.dropped, strict=True)):
        if dropped is None:
            texts.append(block.text)
        elif i >= end and dropped_score(page, i) is not None:
            break
        else:
            texts.append(None)
    return texts


def with_section_heading(page: Page, start: int) -> int:
    """The run's start, moved up to a section heading of the article's own right above it
    ("Introduction", "Key takeaways": `section_headings`), across lines a rule removed that weigh
    nothing. Such a heading is short and reads unlike text, so no run starts on it; but it never
    stands before anything but the article's first section.
    """
    above = start - 1
    while above >= 0 and page.dropped[above] is not None and dropped_score(page, above) is None:
        above -= 1
    if above >= 0 and page.dropped[above] is None and page.vocab.line_is("section_headings", page.blocks[above].text):
        return above
    return start


def candidate_runs(scores: Sequence[float | None]) -> list[tuple[float, int, int]]:
    """The best few disjoint runs as (total, start, end), best first: each the best run of what
    the ones before it leave.

    >>> candidate_runs([5, -9, 3, 3, -9, 8])
    [(8.0, 5, 6), (6.0, 2, 4), (5.0, 0, 1)]
    """
    remaining = list(scores)
    runs: list[tuple[float, int, int]] = []
    for _ in range(CANDIDATE_RUNS):
        found = max_sum_run(remaining)
        if found is None:
            break
        _, start, end = found
        runs.append(found)
        remaining[start:end] = [WALL] * (end - start)
    return runs


def earliest_strong_run(runs: Sequence[tuple[float, int, int]], anchors: Sequence[int] = ()) -> tuple[int, int]:
    """Of the `candidate_runs` (at least one), the earliest whose total is close to the best one's;
    the earliest that starts on or just below one of the `anchors` (headline lines) if any does.

    >>> earliest_strong_run(candidate_runs([5, -9, 3, 3, -9, 8]))
    (0, 1)
    >>> earliest_strong_run(candidate_runs([1, -9, 2, 1, -9, 8]))
    (5, 6)
    >>> earliest_strong_run(candidate_runs([1, -9, 2, 1, -9, 8]), anchors=[1])
    (2, 4)
    >>> earliest_strong_run(candidate_runs([1, -9, 2, 1, -9, 8]), anchors=[2])
    (2, 4)
    """
    best = runs[0][0]
    anchored = [
        run
        for run in runs
        if run[0] >= ANCHORED_RUN_SHARE * best and any(0 <= run[1] - a <= HEADLINE_REACH for a in anchors)
    ]
    _, start, end = min(anchored or [run for run in runs if run[0] >= EARLIER_RUN_SHARE * best], key=lambda run: run[1])
    return start, end


def max_sum_run(scores: Sequence[float | None]) -> tuple[float, int, int] | None:
    """(total, start, end) of the run with the greatest positive total; None entries are skipped over.

    >>> max_sum_run([-5, 10, -3, 8, -20, 4])
    (15.0, 1, 4)
    """
    best: tuple[float, int, int] | None = None
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if score is None:
            continue
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > 0 and (best is None or total > best[0]):
            best = (total, start, i + 1)
    return best
