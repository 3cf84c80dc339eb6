"""Advertisement slot markers."""

from __future__ import annotations

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.labels import closed_label_end, is_closed_label
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, word_count
from cleaner.vocab import Vocabulary


@block_rule(
    "AD001",
    "ad-marker",
    "ads",
    gate=Gate(max_chars=120, phrases=("ad_markers", "ad_words", "sponsor_labels")),
    alone=True,
)
def ad_marker(page: Page, i: int) -> Hit | None:
    """Removes: a line that only labels an ad slot ("Advertisement", "Story continues
    below advertisement", "Anzeige", "Publicité", "Publicidad"), in any wording made of an ad's
    word and label words ("Article continues after this ad", "La suite après cette publicité",
    "विज्ञापन के बाद आगे पढ़ें"); and a label naming the slot's sponsor or the site ("Sponsored by
    Acme Bank", "Brought to you by Acme", "Präsentiert von Acme", "Advertisement - Acme": the
    label, then a name of a few words).

    Why: scrapers keep the label of every ad slot; it interrupts the body mid-text.

    False positives: a one-word paragraph "Advertisement" used as a section heading in an
    article about advertising; only whole-line labels are matched, never a sentence, and a line
    with a number is no label ("In 1066 AD").

    Example: "ADVERTISEMENT" -> dropped.
    """
    text = page.blocks[i].text
    if page.vocab.line_is("ad_markers", text):
        return Hit()
    return Hit() if is_closed_label(page.vocab, "ad_words", text) or _names_sponsor(page.vocab, text) else None


# A sponsor is named in a few words: "Brought to you by Acme Bank of Ohio".
_MAX_SPONSOR_WORDS = 5


def _names_sponsor(vocab: Vocabulary, text: str) -> bool:
    """A sponsor's label, or an ad's label and a separator ("Advertisement - Acme", "Anzeige |
    Spiegel"), then the sponsor's or the site's name and nothing more: "Supported by the council,
    the fair reopened." is a sentence."""
    label = vocab.starts("sponsor_labels", text)
    end = label.end() if label is not None else closed_label_end(vocab, "ad_words", text)
    if end is None:
        return False
    sponsor = text[end:].strip(" :|-–—")
    return 0 < word_count(sponsor) <= _MAX_SPONSOR_WORDS and sponsor[0].isupper() and not ends_sentence(sponsor)
