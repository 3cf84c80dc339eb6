"""Whole-page judgements on a text dump: where the article runs.

A whole-page dump holds every visible line of a page: menus, teasers,
footers and comment threads around one article. Each line gets a score,
positive for lines shaped like article text and negative for the rest
(`linescore`), and strongly negative where a block rule found end-of-page
furniture (related lists, footers); comment-section furniture is a wall no
run may cross. The article is a run of lines with a large total (a
maximum-sum segment). Comments and teaser blocks come after the article
on nearly every site, so among the runs whose totals come close to the
best, the earliest is taken.

Scores depend on the line alone, never on its position, so the run found
in a page's cleaned body is the whole body: cleaning stays idempotent.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner import linescore
from cleaner.rules.page import Page

# A line a block rule marked as end-of-page furniture weighs this much against a run.
FURNITURE_PENALTY = 100.0
# Families whose lines sit between the article and the rest of the page.
BOUNDARY_FAMILIES = frozenset({"related", "footer", "navigation", "prompts"})
# A comment section's furniture is never inside an article: a run cannot cross it.
WALL_FAMILIES = frozenset({"comments"})
_WALL = float("-inf")
# An earlier run is taken over the best one when its total reaches this share of the best.
EARLIER_RUN_SHARE = 0.5
CANDIDATE_RUNS = 4
# A text is a whole-page dump, not an article, when it has this many lines
# and this share of them are short.
DUMP_MIN_LINES = 25
DUMP_SHORT_SHARE = 0.4
SHORT_LINE_WORDS = 5
SHORT_LINE_CHARS = 60


def is_whole_page(page: Page) -> bool:
    """A long text made mostly of short lines: a page dump rather than an article."""
    kept = [b.text for b, dropped in zip(page.blocks, page.dropped, strict=True) if not dropped]
    if len(kept) < DUMP_MIN_LINES:
        return False
    short = sum(1 for text in kept if len(text.split()) <= SHORT_LINE_WORDS and linescore.weight(text) < SHORT_LINE_CHARS)
    return short >= DUMP_SHORT_SHARE * len(kept)


def main_run(page: Page) -> tuple[int, int] | None:
    """Block indices [start, end) of the article in a whole-page dump, or None if not one."""
    if not is_whole_page(page):
        return None
    scores: list[float | None] = []
    for block, family in zip(page.blocks, page.dropped, strict=True):
        if family is None:
            scores.append(linescore.score(block.text))
        elif family in WALL_FAMILIES:
            scores.append(_WALL)
        elif family in BOUNDARY_FAMILIES:
            scores.append(-FURNITURE_PENALTY)
        else:
            scores.append(None)
    return earliest_strong_run(scores)


def earliest_strong_run(scores: Sequence[float | None]) -> tuple[int, int] | None:
    """Of the best few disjoint runs, the earliest whose total is close to the best one's.

    >>> earliest_strong_run([5, -9, 3, 3, -9, 8])
    (0, 1)
    >>> earliest_strong_run([1, -9, 2, 1, -9, 8])
    (5, 6)
    """
    remaining = list(scores)
    runs: list[tuple[float, int, int]] = []
    for _ in range(CANDIDATE_RUNS):
        found = max_sum_run(remaining)
        if found is None:
            break
        total, start, end = found
        runs.append(found)
        remaining[start:end] = [_WALL] * (end - start)
    if not runs:
        return None
    best = runs[0][0]
    total, start, end = min((run for run in runs if run[0] >= EARLIER_RUN_SHARE * best), key=lambda run: run[1])
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
