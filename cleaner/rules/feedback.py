"""A page's feedback widget: its question whether the page helped and the buttons under it (the
prompts family's, run after its calls to action)."""

from __future__ import annotations

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import GLUED, word_count
from cleaner.vocab import Vocabulary, label_words_of

# The question is a few words ("Was this page helpful?" has four); "Helpful?" alone is a review's button.
_MIN_QUESTION_WORDS = 3
_MAX_QUESTION_WORDS = 10
# Under it, a few lines of buttons and thanks, each short.
_MAX_CONTROL_LINES = 4
_MAX_CONTROL_WORDS = 12
# A row of stars to rate the page with.
_STARS = frozenset("★☆⭐✩✪✫✬✭✮✯✰ ")


@block_rule(
    "PRM009",
    "feedback-widget",
    "prompts",
    gate=Gate(min_words=_MIN_QUESTION_WORDS, max_words=_MAX_QUESTION_WORDS, phrases=("feedback_verdicts",)),
    reads_ahead=_MAX_CONTROL_LINES,
)
def feedback_widget(page: Page, i: int) -> Hit | None:
    """Removes: a page's question whether it helped the reader, or its request to rate it (opening
    with the verdict), made only of the words such a question is written in (`feedback_words`,
    one of them a verdict's: "Was this page helpful?", "Did you find this article useful?", "Rate
    this recipe", "War dieser Artikel hilfreich?", "Cet article vous a-t-il été utile ?", "¿Te
    resultó útil este artículo?", "क्या यह लेख उपयोगी था?"), and the widget's controls under
    it: up to four short lines of answers and thanks (`feedback_answers`: "YesNo", "Thanks for
    your feedback!", "No votes so far! Be the first to rate this post.") or of stars alone. A
    question that names no page (`page_nouns`: "Was this helpful?") goes only over a control.

    Why: documentation sites, knowledge bases and blogs close their pages with a widget that asks
    the reader for a verdict; a dump keeps its question and buttons as lines under the story.

    False positives: an article's own question in those words alone ("Is this page useful?" as a
    heading); a question that names anything else stays ("Was this the end of the crisis?",
    "How useful is this tool?"), and so does a statement ("This information is useful.") and a
    control line that says more than a button.

    Example: "Was this article helpful?" / "YesNo" -> both dropped.
    """
    blocks, vocab = page.blocks, page.vocab
    words = label_words_of(blocks[i].text)
    if not _asks_for_verdict(vocab, blocks[i].text, words):
        return None
    end = i + 1
    while end < min(len(blocks), i + 1 + _MAX_CONTROL_LINES) and _is_control(vocab, blocks[end].text):
        end += 1
    controls = end - i - 1
    if not controls and vocab.word_set("page_nouns").isdisjoint(words):
        return None  # "How does this help?" asks of nothing a widget names, and no button answers it
    return Hit(span=end - i, detail=f"question and {controls} controls" if controls else "question")


def _asks_for_verdict(vocab: Vocabulary, text: str, words: list[str]) -> bool:
    """A question made only of `feedback_words` with a verdict among them, or a request opening
    with the verdict ("Rate this recipe")."""
    allowed, verdicts = vocab.word_set("feedback_words"), vocab.word_set("feedback_verdicts")
    if not words or not all(word in allowed for word in words) or verdicts.isdisjoint(words):
        return False
    return text.rstrip().endswith("?") or words[0] in verdicts


def _is_control(vocab: Vocabulary, text: str) -> bool:
    """A widget's line of buttons or thanks: short, and made of `feedback_answers` and numbers (a
    vote count), or of stars alone."""
    if word_count(text) > _MAX_CONTROL_WORDS:
        return False
    words = label_words_of(GLUED.sub(" ", text))
    if not words:
        return bool(text.strip()) and set(text) <= _STARS
    answers = vocab.word_set("feedback_answers")
    return all(word in answers or word.isdigit() for word in words)
