"""Page layout: what lies outside the article in a whole-page text dump."""

from __future__ import annotations

from cleaner.pagemodel.run import main_run
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Hit
from cleaner.rules.framework.registry import page_rule


@page_rule("PAG001", "outside-main-content", "layout")
def outside_main_content(page: Page) -> list[tuple[int, Hit]]:
    """Removes: in a whole-page dump (a long text made mostly of short lines), every line
    before and after the article's run: menus, teaser lists, sidebars, footers, comment
    threads. The headline just above the run (the line that repeats the words of the
    page URL's slug) is moved to `title`.

    Why: a scraper that keeps a page's whole text keeps its navigation too; the article is
    the stretch of long, text-like lines that outweighs everything around it. A run never
    crosses comment furniture or the site's copyright notice ("© 2024 Site"): what follows is
    teasers and comments, however text-like.

    False positives: a second stretch of article text separated from the first by a long
    block of furniture is lost; so are short lines at the article's edges (a closing
    one-line paragraph). Texts that are not page dumps (few lines, or mostly long ones) are
    never judged.

    Example: 120 menu lines, 8 paragraphs, 40 footer lines -> the 160 furniture lines dropped;
    with the URL ".../river-floods-lower-town", the line "River floods the lower town" above
    the paragraphs becomes the title.
    """
    run = main_run(page)
    if run is None:
        return []
    start, end, _ = run
    detail = f"article run is lines {page.blocks[start].line}-{page.blocks[end - 1].line}"
    outside, headline = Hit(detail=detail), Hit(moved_to="title", detail=detail)
    hits = [(i, headline if i == run.headline else outside) for i in (*range(start), *range(end, len(page.blocks)))]
    return [*hits[:start], (start, headline), *hits[start:]] if run.headline == start else hits
