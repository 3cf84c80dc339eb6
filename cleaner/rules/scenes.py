"""Captions that carry no credit or label, told by their grammar: a picture's scene in the present
tense with its day ("Protesters march through central London on Saturday."). The last of the
captions family's rules (`captions`), run right after them."""

from __future__ import annotations

import re

from cleaner.article import Caption
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import word_count
from cleaner.vocab import Vocabulary, function_words, month_numbers

# A photo's caption tells in the present what the picture shows, and when: "Protesters march
# through central London on Saturday." A story tells the same in the past, or in the future.
_MIN_SCENE_WORDS, _MAX_SCENE_WORDS = 5, 35
_SCENE_VERB_WITHIN = 10
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÀ-Þ]")
_QUOTES = frozenset('“”"«»„')
_WORD = re.compile(r"[^\W\d_]+")


def _scene_verb(vocab: Vocabulary) -> re.Pattern[str]:
    """A picture's verb as the text writes it, in lower case: "March" and "May" are months."""
    return re.compile(rf"(?<!\w)(?:{vocab.alternation('caption_verbs')})(?!\w)")


@block_rule(
    "CAP003",
    "scene-caption",
    "captions",
    gate=Gate(max_words=_MAX_SCENE_WORDS, phrases=("caption_verbs",)),
    alone=True,
)
def scene_caption(page: Page, i: int) -> Hit | None:
    """Removes: a caption with no credit or marker, told as captions are: one sentence in the
    present tense of what the picture shows, with the day it was taken ("President Joe Biden
    gestures during a news conference in Manchester on Friday.", "Demonstranten versammeln sich
    am Samstag vor dem Reichstag."). It moves to `captions`.

    Why: a dump keeps a figure's caption inline and drops its credit as often as not; the story
    around it tells the same events in the past.

    False positives: a story's sentence in the present with a day in it ("The minister speaks
    in Delhi on Monday.", a preview); it must open with a name or a noun (no pronoun, no function
    word), put a picture's verb (gestures, speaks, arrives, poses, march...) in its first ten
    words, quote no one and report no speech.

    Example: "Protesters march through central London on Saturday." -> caption.
    """
    text = page.blocks[i].text.strip()
    vocab = page.vocab
    if not _MIN_SCENE_WORDS <= word_count(text) <= _MAX_SCENE_WORDS or not text[:1].isupper():
        return None
    words = _WORD.findall(text)
    if not words or words[0].lower() in function_words() or not _names_a_day(vocab, words):
        return None
    if _SENTENCE_BREAK.search(text) or not _QUOTES.isdisjoint(text) or vocab.search("reporting_verbs", text):
        return None
    verb = vocab.derived(_scene_verb).search(text)
    if verb is None or not 0 < word_count(text[: verb.start()]) < _SCENE_VERB_WITHIN:
        return None  # no verb, or an order ("Visit us on Friday")
    return Hit(moved_to="captions", value=Caption(text))


def _names_a_day(vocab: Vocabulary, words: list[str]) -> bool:
    """A weekday among the words (French and Spanish write it in lower case: "dimanche", "domingo"), or
    a month, capitalised ("may" is a verb): when the picture was taken."""
    days, months = vocab.members("weekdays"), month_numbers()
    return any(word.lower() in days or (word[0].isupper() and word.casefold() in months) for word in words)
