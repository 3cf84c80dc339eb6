"""Advertisement slot markers."""

from __future__ import annotations

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule


@block_rule("AD001", "ad-marker", "ads", gate=Gate(max_chars=120, phrases=("ad_markers",)), alone=True)
def ad_marker(page: Page, i: int) -> Hit | None:
    """Removes: a line that only labels an ad slot ("Advertisement", "Story continues
    below advertisement", "Anzeige", "Publicité", "Publicidad").

    Why: scrapers keep the label of every ad slot; it interrupts the body mid-text.

    False positives: a one-word paragraph "Advertising" used as a section heading in an
    article about advertising; only whole-line labels are matched, never a sentence.

    Example: "ADVERTISEMENT" -> dropped.
    """
    if page.vocab.line_is("ad_markers", page.blocks[i].text):
        return Hit()
    return None
