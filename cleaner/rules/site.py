"""Boilerplate learned from the corpus: what a site repeats on its pages (`cleaner learn`)."""

from __future__ import annotations

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule


@block_rule("SITE001", "learned-site-boilerplate", "site", gate=Gate(profiled=True), reads_ahead=0)
def learned_site_boilerplate(page: Page, i: int) -> Hit | None:
    """Removes: a line or paragraph that the site profile (`--profile`, the `profile` setting)
    learned as recurring on a large share of the site's pages: its own disclaimers, section
    labels, newsletter and tip-line boxes, author boxes and footers. The removal's detail names
    the site and on how many of its pages the block was seen. Does nothing without a profile.

    Why: a site repeats its furniture on every page in phrasings no vocabulary can list; the
    corpus shows them plainly (see `cleaner/learn.py`).

    False positives: a sentence the site really prints on most of its pages, such as a standard
    background paragraph on every story of a long-running series. Learning guards against it:
    sites with few pages learn nothing, short sentences ("He said.") are never learned, and long
    sentences (repeated quotes, syndicated wire paragraphs) must be on 70% of the pages.

    Example: "Got a news tip? The Valley Courier newsroom reads every message." on 38 of 40
    pages of valleycourier.com is removed with the detail "valleycourier.com: on 38 of 40 pages".
    """
    learned = page.learned
    if learned is None:
        return None
    item = learned.find(page.blocks[i].text)
    if item is None:
        return None
    return Hit(detail=f"{learned.site}: on {item.count} of {learned.documents} pages")
