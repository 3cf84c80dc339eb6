"""Advertisement slot markers."""

from __future__ import annotations

import re

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, word_count
from cleaner.vocab import Vocabulary


@block_rule("AD001", "ad-marker", "ads", gate=Gate(max_chars=120, phrases=("ad_markers",)), alone=True)
def ad_marker(page: Page, i: int) -> Hit | None:
    """Removes: a line that only labels an ad slot ("Advertisement", "Story continues
    below advertisement", "Anzeige", "Publicité", "Publicidad"), or a short line that names
    the ad ("Article continues after this ad", "Weiter nach der Anzeige").

    Why: scrapers keep the label of every ad slot; it interrupts the body mid-text.

    False positives: a one-word paragraph "Advertising" used as a section heading in an
    article about advertising, or a heading of six words or fewer naming ads ("Advertising
    Standards Authority"); a sentence is never matched, nor "Ad-free" or "Ad Astra".

    Example: "ADVERTISEMENT" -> dropped.
    """
    text = page.blocks[i].text
    if page.vocab.line_is("ad_markers", text):
        return Hit()
    # "Article continues after this ad", "Weiter nach der Anzeige": a short line naming the ad.
    if word_count(text) <= _MAX_LABEL_WORDS and not ends_sentence(text) and page.vocab.derived(_ad_word).search(text):
        return Hit(detail="a line naming the ad")
    return None


# An ad slot's label names the ad in a few words.
_MAX_LABEL_WORDS = 6


def _ad_word(vocab: Vocabulary) -> re.Pattern[str]:
    """A one-word ad marker as a word of its own ("Ad-free" and "Ad Astra" name no ad slot: the
    two-letter markers count in lower case only)."""
    words = [w for w in vocab.phrases("ad_markers") if " " not in w]
    long = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if len(w) > 2)
    short = "|".join(re.escape(w) for w in words if len(w) <= 2)
    return re.compile(rf"(?<![\w-])(?:(?i:{long})|{short})(?![\w-])")
