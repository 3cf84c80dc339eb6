"""Buttons that sell the site's product, left in the text as lines of their own ("Book a demo",
"Jetzt kaufen"): the last of the calls to action (`prompts`), run after them."""

from __future__ import annotations

import re

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.labels import is_closed_label
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import word_count
from cleaner.vocab import Vocabulary, label_words_of

# A button's label, with a few words after it at most ("Book a demo with Otter", "Start free trial today").
_MAX_CTA_TAIL_WORDS = 3


@block_rule(
    "PRM006",
    "call-to-action",
    "prompts",
    gate=Gate(max_words=12, phrases=("call_to_action", "offer_words", "selling_verbs")),
    alone=True,
)
def call_to_action(page: Page, i: int) -> Hit | None:
    """Removes: a button's label left in the text as a line of its own ("Book a demo", "Get a
    quote", "Start free trial", "Jetzt kaufen"), alone or with a few words after it ("Book a demo
    with Otter"), or written in any order from the words that sell an offer and label words
    ("Get the FREE eBook!", "Grab your free checklist today", `is_closed_label`).

    Why: sites close and interrupt their posts with buttons that sell the site's product; a dump
    keeps each label as a line.

    False positives: a step of a guide headed by an imperative that happens to be a label
    ("Get a quote" as a heading); the label must be the line's opening, followed by three words
    at most and no full stop ("Get started with Google Maps Platform" stays).

    Example: "Request a Free Consultation" -> dropped.
    """
    text = page.blocks[i].text.strip()
    vocab = page.vocab
    if vocab.line_is("call_to_action", text) or _is_offer_button(vocab, text) or _is_sales_pitch(vocab, text):
        return Hit()
    label = vocab.starts("call_to_action", text)
    if label is None or text.endswith("."):
        return None
    tail = text[label.end() :]
    if tail.endswith(")"):  # an aside closing the button: "Check price at Amazon (on sale!)"
        tail = tail[: tail.rfind("(")]
    return None if word_count(tail) > _MAX_CTA_TAIL_WORDS else Hit()


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


# A pitch is a button's few words: "Try Babbel for Free!", "Get 50% off your first box!".
_MAX_PITCH_WORDS = 10


def _is_sales_pitch(vocab: Vocabulary, text: str) -> bool:
    """A button's pitch in a phrasing of its own: opened by a verb that sells (`selling_verbs`: try,
    claim, grab...) and holding a mark of an offer (`pitch_marks`: free, now, trial, "50% off"), in
    a few words and no full stop: "Try Babbel for Free!", "Start Your 14-Day Free Trial", "Get 50%
    off your first month!". One clause: "Buy now, pay later schemes face new rules" is a headline."""
    words = label_words_of(text)
    if not words or len(words) > _MAX_PITCH_WORDS or text.rstrip().endswith(".") or "," in text:
        return False
    return words[0] in vocab.word_set("selling_verbs") and (
        any(word in vocab.word_set("pitch_marks") for word in words[1:]) or _PERCENT_OFF.search(text) is not None
    )


_PERCENT_OFF = re.compile(r"\d\s?%\s+off\b", re.IGNORECASE)
