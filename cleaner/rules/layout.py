"""Page layout: what lies outside the article in a whole-page text dump."""

from __future__ import annotations

from cleaner import names
from cleaner.dates import find_date
from cleaner.pagemodel.headline import without_trail
from cleaner.pagemodel.lead import credit_line, lead_date, lead_lines, moved_names, other_stories_bylines
from cleaner.pagemodel.run import is_whole_page, main_run
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.fields import absorb
from cleaner.rules.framework.kinds import Hit
from cleaner.rules.framework.registry import page_rule
from cleaner.rules.metadata import MAX_STANDFIRST_WORDS
from cleaner.shapes import ends_sentence, word_count

# A standfirst under the headline: a sentence of this many words at least (at most MET002's).
_MIN_STANDFIRST_WORDS = 6
# A standfirst without its full stop: this many words, this share of them in lower case, and this
# chance of being text to the line-kind model.
_MIN_UNSTOPPED_STANDFIRST_WORDS = 15
_MIN_LOWER_SHARE = 0.6
_MIN_TEXT_CHANCE = 0.3
MAIN_CONTENT_RULE = "outside-main-content"


@page_rule("PAG001", MAIN_CONTENT_RULE, "layout")
def outside_main_content(page: Page) -> list[tuple[int, Hit]]:
    """Removes: in a whole-page dump (a long text made mostly of short lines), every line
    before and after the article's run: menus, teaser lists, sidebars, footers, comment
    threads. The headline over the run moves to `title`: the line that repeats the words of
    the page URL's slug, else the line above the run (or its first line) with the marks of a
    headline (a byline or date beside it, a breadcrumb ending in it, the story's words), without
    a breadcrumb's trail on its own line ("News › The Headline"). A sentence (or a long line) under
    it, alone above the run but for lines the rules removed, moves to `subtitle`. A name alone by
    the headline or the date ("Jane Doe" over "March 4, 2024"), or before the date on the
    timestamp's line ("Tom Talbot October 14, 2025"), also just over the headline, moves to
    `authors`, unless a byline in the lead credits someone (then it is a label: "Read Later",
    "Enlarge Image"); the names of bylines far from the article leave it, but for a blog's one writer.

    Why: a scraper that keeps a page's whole text keeps its navigation too; the article is
    the stretch of long, text-like lines that outweighs everything around it. A run never
    crosses comment furniture or the site's copyright notice ("© 2024 Site"): what follows is
    teasers and comments, however text-like. A section heading of the article's own right
    above the run ("Introduction", "Key takeaways") opens it: short as it is, it heads the
    article's first section on any site, and is never the headline. A dump that opens on its
    story (nothing kept above the run but its headline, or a paragraph and the story's lines), or a
    run right under the headline the URL names, is an article with its furniture: the run goes on over short lines (a list, specs) and a
    prompt set into the story while a sentence follows within eight lines, then to the next boundary
    over lines the line-kind model reads as text on average (a checklist), not over teasers' excerpts
    cut short ("..."). An unanchored run of under 300 characters (a price) gives way to the run
    holding most text, or, if none holds that much (a listing), to all from first to last. It ends
    where a feed of other stories below the story begins (`pagemodel.feeds`).

    False positives: a second stretch of article text separated from the first by a long block of
    furniture is lost; so are short lines at the article's edges (a closing one-line paragraph, a
    heading no list of section headings holds), and a dated list going back in time at the story's
    end (release notes). Texts that are not page dumps (few lines, or mostly long ones) are never
    judged. A page without those marks gets no title. On HTML the main-content extraction does the
    work: each line it leaves out is recorded here (ignored, the rule leaves the page judged whole).

    Example: 120 menu lines, 8 paragraphs, 40 footer lines -> the 160 furniture lines dropped; with
    the URL ".../river-floods-lower-town", the line "River floods the lower town" becomes the title.
    """
    run = main_run(page)
    if run is None:
        return []
    start, end, headline_at = run
    _forget_other_stories_authors(page, other_stories_bylines(page, start, end, headline_at))
    credit = credit_line(page, start, end, headline_at)
    page.article.published = lead_date(page, start, end, headline_at) or page.article.published
    detail = f"article run is lines {page.blocks[start].line}-{page.blocks[end - 1].line}"
    title = without_trail(page.blocks[headline_at].text, page.vocab) if headline_at is not None else None
    headline, outside = Hit(moved_to="title", value=title, detail=detail), Hit(detail=detail)
    hits = [(i, headline if i == headline_at else outside) for i in (*range(start), *range(end, len(page.blocks)))]
    if headline_at == start:
        hits = [*hits[:start], (start, headline), *hits[start:]]
    if credit is not None:
        credited = _credited(page, credit, lead_lines(start, end, headline_at))
        if page.dropped[credit] is not None:  # a timestamp's line
            _credit_dated(page, credit, credited)
        else:
            hits = sorted([*(hit for hit in hits if hit[0] != credit), (credit, credited)], key=lambda hit: hit[0])
    if headline_at is not None and (deck := _standfirst_under(page, headline_at, start)) is not None:
        standfirst = Hit(moved_to="subtitle", value=page.blocks[deck].text.strip(), detail=detail)
        hits = [(i, standfirst if i == deck else hit) for i, hit in hits]
    return hits


def _credited(page: Page, credit: int, lead: range) -> Hit:
    """The hit for the credit line: its names move to `authors`, unless a byline in the story's
    lead credits someone: then a name-shaped line there is a section's or a site's label ("Sewing
    Blog | Sewing Pattern and Product Reviews" over "By Angela Kaye Carpenter", "Enlarge Image")."""
    if any((dropped := page.dropped[i]) is not None and dropped.moved_to == "authors" for i in lead):
        return Hit(detail="a name beside the story's byline")
    return Hit(moved_to="authors", value=names.credited_names(page.blocks[credit].text, page.vocab))


def _credit_dated(page: Page, i: int, credited: Hit) -> None:
    """Credit the names on a line the timestamp rule removed (its date went to `published`): they
    move to `authors`, and its record and what it moved say so."""
    dropped = page.dropped[i]
    if credited.moved_to is None or dropped is None:
        return
    absorb(page.article, "authors", credited.value)
    page.dropped[i] = dropped._replace(moved_to="authors", moved=credited.value)
    _record_again(page, [i], "authors", "a name and its date, by the headline")


def _standfirst_under(page: Page, headline_at: int, start: int) -> int | None:
    """The standfirst under the run's headline: the next line kept, above the run with only lines
    the rules removed between them, a sentence of at most MAX_STANDFIRST_WORDS words ("Hit the road
    with ease! Master renting a car in English."), or a long line without its full stop, as many
    papers print it ("Cuando una profesora no puede pagar un alquiler ..., el problema ya no es de
    vivienda: es de modelo de ciudad")."""
    kept = [i for i in range(headline_at + 1, start) if page.dropped[i] is None]
    if len(kept) != 1:
        return None
    text = page.blocks[kept[0]].text
    if not word_count(text) <= MAX_STANDFIRST_WORDS:
        return None
    if ends_sentence(text):
        return kept[0] if word_count(text) >= _MIN_STANDFIRST_WORDS else None
    return kept[0] if _reads_as_prose(text) else None


def _reads_as_prose(text: str) -> bool:
    """A long line of running text without its full stop: mostly words in lower case (not a list
    of names or a menu's), no date (not a byline's line), and text to the line-kind model (not a
    breadcrumb's trail or a share bar's buttons)."""
    from cleaner.pagemodel import evidence  # numpy, as the run's finding already has it

    words = text.split()
    lower = sum(word[:1].islower() for word in words)
    if len(words) < _MIN_UNSTOPPED_STANDFIRST_WORDS or lower < _MIN_LOWER_SHARE * len(words) or find_date(text):
        return False
    return float(evidence.text_chances([text])[0]) >= _MIN_TEXT_CHANCE


def _forget_other_stories_authors(page: Page, bylines: list[int]) -> None:
    """Take back the names that bylines far from the article put in `authors` (they credit other
    stories), unless a byline of the article credits them too."""
    outside = set(bylines)
    credited = [i for i, dropped in enumerate(page.dropped) if dropped is not None and dropped.moved_to == "authors"]
    kept = {name for i in credited if i not in outside for name in moved_names(page, i)}
    for name in {name for i in bylines for name in moved_names(page, i)} - kept:
        if name in page.article.authors:
            page.article.authors.remove(name)
    _record_again(page, bylines, None, "another story's byline")


def _record_again(page: Page, removed: list[int], moved_to: str | None, detail: str) -> None:
    """Say in the removal records of the blocks at `removed` where their text went now, and why."""
    lines = {page.blocks[i].line for i in removed}
    for removal in page.article.removals:
        if removal.line in lines:
            removal.moved_to, removal.detail = moved_to, detail


# A repeated passage: this many lines in a row, each of this many words at least, found again word
# for word. Five lines of six words took 266 lines of copies from the WCXB development pages'
# outputs and none of their gold lines; from the non-article pages about 340 and 70 gold ones (a
# deals page's terms under each offer). Three lines took more copies, but the article's run,
# judged again on what was left, moved on one page.
_PASSAGE_LINES = 5
_PASSAGE_LINE_WORDS = 6


@page_rule("PAG002", "repeated-passage", "layout")
def repeated_passage(page: Page) -> list[tuple[int, Hit]]:
    """Removes: in a whole-page dump, a passage of five lines or more in a row, each of six words or
    more, that the dump already holds word for word above it: the second rendering of an article a
    page sets twice (for a phone's layout and a computer's), a carousel's slides printed again, a
    privacy notice's text under its own copy. The detail names the line each one repeats.

    Why: a dump keeps every rendering of the page's text; its reader wants the article once. An
    article's own text may repeat a passage on purpose (a song's chorus), so only dumps are judged.

    False positives: a page that repeats a passage itself: a guide's tabs whose steps share their
    sentences (one tab for each system), offers that repeat the same terms. A passage repeated
    line by line with other lines between is no copy, nor are short lines (a table's cells, "Pros",
    "Buy now").

    Example: an article's 40 paragraphs, a share bar, then the same 40 paragraphs -> the second 40
    dropped, each with the detail "repeats line 7" (and so on).
    """
    if not page.memo(is_whole_page):
        return []
    kept = [i for i, dropped in enumerate(page.dropped) if dropped is None]
    texts = [page.blocks[i].text.strip() for i in kept]
    long_enough = [word_count(text) >= _PASSAGE_LINE_WORDS for text in texts]
    first_at: dict[tuple[str, ...], int] = {}
    repeats: dict[int, int] = {}  # a later copy's position among the kept lines -> its original's
    for k in range(len(kept) - _PASSAGE_LINES + 1):
        if not all(long_enough[k : k + _PASSAGE_LINES]):
            continue
        passage = tuple(texts[k : k + _PASSAGE_LINES])
        first = first_at.setdefault(passage, k)
        if first + _PASSAGE_LINES <= k:
            repeats.update({k + n: first + n for n in range(_PASSAGE_LINES)})
    return [(kept[k], Hit(detail=f"repeats line {page.blocks[kept[o]].line}")) for k, o in sorted(repeats.items())]
