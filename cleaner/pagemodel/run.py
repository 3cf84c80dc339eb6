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
its story is an article's extract with its furniture, not a whole page, and its run
goes on over the story's short lines and past its last sentence (`pagemodel.story`).

Scores depend on the line and its kept neighbours, never on its position.
The run is a maximum-sum segment, so no part of it outweighs the whole; in
the page's cleaned body the same lines have the same neighbours, except at
the two ends, which lose their outside neighbours and count them as text
(a neighbour can only lower a line's score). So the run found in a cleaned
body is the whole body: cleaning stays idempotent. (The headline only
chooses between runs, and a cleaned body is one run.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from cleaner.pagemodel.boundaries import FURNITURE_PENALTY, WALL, dropped_score
from cleaner.pagemodel.content import article_content, at_even_odds, with_schedules
from cleaner.pagemodel.feeds import before_feed
from cleaner.pagemodel.headline import headline_above
from cleaner.pagemodel.slug import repeats_slug, slug_words
from cleaner.pagemodel.story import (
    from_opening_paragraph,
    opens_on_story,
    through_sentences,
    through_story_tail,
    under_named_headline,
)
from cleaner.pagemodel.templates import templated_end
from cleaner.rules.framework.context import Page
from cleaner.shapes import weight

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
    start = from_opening_paragraph(page, start, anchors)
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
