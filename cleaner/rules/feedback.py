"""A page's feedback widget: its question whether the page helped and the buttons under it (the
prompts family's, run after its calls to action)."""

from __future__ import annotations

import re

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import word_count
from cleaner.vocab import Vocabulary, label_words_of

# The question is a few words ("Was this page helpful?" has four); "Helpful?" alone is a review's button.
_MIN_QUESTION_WORDS = 3
_MAX_QUESTION_WORDS = 10
# Under it, a few lines of buttons and thanks, each short.
_MAX_CONTROL_LINES = 4
_MAX_CONTROL_WORDS = 12
# Buttons a dump glues into one word: "YesNo".
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")


@block_rule(
    "PRM009",
    "feedback-widget",
    "prompts",
    gate=Gate(min_words=_MIN_QUESTION_WORDS, max_words=_MAX_QUESTION_WORDS, phrases=("feedback_verdicts",)),
    reads_ahead=_MAX_CONTROL_LINES,
)
def feedback_widget(page: Page, i: int) -> Hit | None:
    """Removes: a page's question whether it helped the reader, or its request to rate it, made
    only of the words such a question is written in (`feedback_words`, one of them a verdict's:
    "Was this page helpful?", "Did you find this article useful?", "How would you rate this
    recipe?", "War dieser Artikel hilfreich?", "Cet article vous a-t-il été utile ?", "¿Te
    resultó útil este artículo?", "क्या यह लेख उपयोगी था?"), and the widget's controls under
    it: up to four short lines of answers and thanks (`feedback_answers`: "YesNo", "Thanks for
    your feedback!", "No votes so far! Be the first to rate this post.") or of stars alone.

    Why: documentation sites, knowledge bases and blogs close their pages with a widget that asks
    the reader for a verdict; a dump keeps its question and buttons as lines under the story.

    False positives: an article's own question in those words alone ("Is this useful?" as a
    heading); a question that names anything else stays ("Was this the end of the crisis?",
    "How useful is this tool?"), and so does a control line that says more than a button.

    Example: "Was this article helpful?" / "YesNo" -> both dropped.
    """
    blocks, vocab = page.blocks, page.vocab
    if not _asks_for_verdict(vocab, blocks[i].text):
        return None
    end = i + 1
    while end < min(len(blocks), i + 1 + _MAX_CONTROL_LINES) and _is_control(vocab, blocks[end].text):
        end += 1
    controls = end - i - 1
    return Hit(span=end - i, detail=f"question and {controls} controls" if controls else "question")


def _asks_for_verdict(vocab: Vocabulary, text: str) -> bool:
    """A line made only of `feedback_words` with a verdict among them."""
    words = label_words_of(text)
    allowed = vocab.word_set("feedback_words")
    return all(word in allowed for word in words) and not vocab.word_set("feedback_verdicts").isdisjoint(words)


def _is_control(vocab: Vocabulary, text: str) -> bool:
    """A widget's line of buttons or thanks: short, and made of `feedback_answers` and numbers (a
    vote count), or of marks alone (a row of stars)."""
    if word_count(text) > _MAX_CONTROL_WORDS:
        return False
    words = label_words_of(_GLUED.sub(" ", text))
    if not words:
        return bool(text.strip())
    answers = vocab.word_set("feedback_answers")
    return all(word in answers or word.isdigit() for word in words)
