"""Buttons that sell the site's product, left in the text as lines of their own ("Book a demo",
"Jetzt kaufen"), and the pitch over them: the last of the calls to action (`prompts`), run after
them."""

from __future__ import annotations

import re

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.labels import is_closed_label
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import is_title_cased, word_count
from cleaner.vocab import Vocabulary, label_words_of

# A button's label, with a few words after it at most ("Book a demo with Otter", "Start free trial today").
_MAX_CTA_TAIL_WORDS = 3
# The longest line read as a button at all.
_MAX_BUTTON_WORDS = 12
# A link's note for screen readers closing an outbound button, in title case as buttons are
# ("View on Amazon Links to Amazon.com", "View Plans Links To McAfee"): a sentence says "links to",
# and a headline's verb is no button's ("Police Probe Links To Organised Crime").
_OUTBOUND_NOTE = re.compile(r"\sLinks [Tt]o \S+(?: \S+){0,2}$")
# A button's label before that note is a few words, with no sentence's marks.
_MAX_OUTBOUND_LABEL_WORDS = 5
_SENTENCE_MARK = re.compile(r"[.,?:](?!\S)")


@block_rule(
    "PRM006",
    "call-to-action",
    "prompts",
    gate=Gate(
        max_words=_MAX_BUTTON_WORDS, phrases=("call_to_action", "offer_words", "selling_verbs"), pattern=_OUTBOUND_NOTE
    ),
    alone=True,
)
def call_to_action(page: Page, i: int) -> Hit | None:
    """Removes: a button's label left in the text as a line of its own ("Book a demo", "Get a
    quote", "Start free trial", "Jetzt kaufen"), alone or with a few words after it ("Book a demo
    with Otter"), or written in any order from the words that sell an offer and label words
    ("Get the FREE eBook!", "Grab your free checklist today", `is_closed_label`), or a pitch in
    a button's shape opened by a verb that sells and marked by its offer, read as no article text
    ("Try Babbel for Free!", "Start Your 14-Day Free Trial", `_is_sales_pitch`), or any few
    words closed by the note a screen reader reads of a link out of the site ("Get Surfshark VPN
    Links to Surfshark.com", `_is_outbound_button`).

    Why: sites close and interrupt their posts with buttons that sell the site's product or a
    partner's; a dump keeps each label as a line.

    False positives: a step of a guide headed by an imperative that happens to be a label
    ("Get a quote" as a heading); the label must be the line's opening, followed by three words
    at most and no full stop ("Get started with Google Maps Platform" stays); a headline in title
    case that opens with a selling verb and names an offer ("Try the Free Tier First") when the
    line-kind model reads it as no text.

    Example: "Request a Free Consultation" -> dropped.
    """
    text = page.blocks[i].text.strip()
    vocab = page.vocab
    # A label ends on no full stop: "Read our full review." is a sentence that links the review.
    button = vocab.line_is("call_to_action", text) and not text.endswith(".")
    if button or _is_offer_button(vocab, text) or _is_sales_pitch(vocab, text):
        return Hit()
    if _is_outbound_button(vocab, text):
        return Hit(detail="a link out of the site")
    label = vocab.starts("call_to_action", text)
    if label is None or text.endswith("."):
        return None
    tail = text[label.end() :]
    if tail.endswith(")"):  # an aside closing the button: "Check price at Amazon (on sale!)"
        tail = tail[: tail.rfind("(")]
    return None if word_count(tail) > _MAX_CTA_TAIL_WORDS else Hit()


def _is_outbound_button(vocab: Vocabulary, text: str) -> bool:
    """A few words of a label opened by a verb that takes an offer ("View", "Get", "Shop") and a
    link's note for screen readers after them, the line in a button's shape: no sentence's full
    stop, comma or question in it (a domain's dot is no stop)."""
    note = _OUTBOUND_NOTE.search(text)
    if note is None:
        return False
    label = text[: note.start()]
    words = label_words_of(label)
    return (
        0 < len(words) <= _MAX_OUTBOUND_LABEL_WORDS
        and words[0] in vocab.word_set("offer_verbs")
        and _SENTENCE_MARK.search(label) is None
    )


# A label closed by its verb says the offer first, in a few words: "Price check" is a heading.
_MIN_WORDS_VERB_LAST = 3


def _is_offer_button(vocab: Vocabulary, text: str) -> bool:
    """A label made of the words that sell an offer (`is_closed_label`) and opened by a verb that
    takes it, or, where the verb comes last, opened by the offer and closed by the verb
    ("Kostenloses Angebot anfordern"): "Free trial available", "Price and availability" and "Keep
    a steady schedule" are the article's."""
    words = label_words_of(text)
    if not words:
        return False
    verbs = vocab.word_set("offer_verbs")
    verb_last = len(words) >= _MIN_WORDS_VERB_LAST and words[0] in vocab.word_set("offer_words")
    takes = words[0] in verbs or (verb_last and words[-1] in verbs)
    return takes and is_closed_label(vocab, "offer_words", text)


# A pitch is a button's few words ("Try Babbel for Free!", "Get 50% off your first box!"), and the
# line-kind model gives it less than this chance of being article text (it gives a headline that
# opens alike, "Claim free school meals: who is eligible", 0.2 to 0.6; a pitch 0.02 to 0.35).
_MAX_PITCH_WORDS = 10
_MAX_PITCH_TEXT_CHANCE = 0.25
_PERCENT_OFF = re.compile(r"\d\s?%\s*off\b", re.IGNORECASE)


def _is_sales_pitch(vocab: Vocabulary, text: str) -> bool:
    """A button's pitch in a phrasing of its own: in a button's shape (closed by "!", or every word
    capitalised), one clause with no headline's colon or question, opened by a verb that sells
    (`selling_verbs`) and holding a mark of an offer (`pitch_marks`: free, trial, "50% off") or
    closed by a word of time (`pitch_closers`: "Try Userpilot Now"), that the line-kind model reads
    as no article text. "Buy now, pay later schemes face new rules" is a headline, and so is "Call
    for free school meals grows louder", which the model reads as one."""
    words = label_words_of(text)
    line = text.strip()
    if not words or len(words) > _MAX_PITCH_WORDS or words[0] not in vocab.word_set("selling_verbs"):
        return False
    if line.endswith(".") or any(mark in line for mark in ",:?") or not (line.endswith("!") or is_title_cased(line)):
        return False
    marks = vocab.word_set("pitch_marks")
    offered = any(word in marks for word in words[1:]) or _PERCENT_OFF.search(line) is not None
    if not offered and words[-1] not in vocab.word_set("pitch_closers"):
        return False
    from cleaner.pagemodel import evidence  # numpy, imported once a line gets this far

    return float(evidence.text_chances([line])[0]) < _MAX_PITCH_TEXT_CHANCE


# A product's box: a line or two of pitch over its button, each line short.
_MAX_BOX_PITCH_LINES = 2
_MAX_BOX_PITCH_WORDS = 16
# A pitch that asks or exclaims: "Ready to sleep again?", "Centralize your training with Acme!".
_ASKS_OR_EXCLAIMS = re.compile(r"[!?][\s\"'”’)]*$")


@block_rule(
    "PRM008",
    "pitch-over-button",
    "prompts",
    gate=Gate(max_words=_MAX_BOX_PITCH_WORDS, phrases=("reader_words",), pattern=_ASKS_OR_EXCLAIMS),
    reads_ahead=_MAX_BOX_PITCH_LINES,
)
def pitch_over_button(page: Page, i: int) -> Hit | None:
    """Removes: a product's box, its pitch of a line or two over a button that sells
    (`call_to_action`) and the button, each line of the pitch short (`_MAX_BOX_PITCH_WORDS`) and
    speaking to the reader or asking or exclaiming ("Stop guessing about your digital experience
    with Acme" / "Get started for free"; "Want to win more jobs with less effort?" / "Start Free
    Trial"). The box goes whole, so that no line over it is over a button once it is gone.

    Why: company blogs break and close their posts with boxes that sell the product; the button
    says what the box is, and its pitch is a sentence in the site's own words, which no list
    can know.

    False positives: an article's short line that speaks to the reader right over a button's
    label, such as a step of a guide ("Ready to get started?" over "Get started"); a longer
    line, or one that neither speaks to the reader nor asks nor exclaims, stays. A landing page
    whose text is its product's pitches loses them.

    Example: "Skip the research and use Acme to plan your events today!" / "Book a demo" -> dropped.
    """
    blocks, vocab = page.blocks, page.vocab
    for button in range(i + 1, min(i + 1 + _MAX_BOX_PITCH_LINES, len(blocks))):
        if not _is_pitch(vocab, blocks[button - 1].text):
            return None
        if word_count(blocks[button].text) <= _MAX_BUTTON_WORDS and call_to_action(page, button):
            lines = "a line" if button - i == 1 else f"{button - i} lines"
            return Hit(span=button - i + 1, detail=f"{lines} of pitch and a button")
    return None


def _is_pitch(vocab: Vocabulary, text: str) -> bool:
    """A line short enough for a box that speaks to the reader ("your", "vous") or asks or exclaims:
    the gate's condition, asked again of the second line of a pitch."""
    return word_count(text) <= _MAX_BOX_PITCH_WORDS and (
        _ASKS_OR_EXCLAIMS.search(text) is not None or vocab.search("reader_words", text) is not None
    )
